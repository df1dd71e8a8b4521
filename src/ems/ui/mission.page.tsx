import { FileImageOutlined, WifiOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { common, useT } from '../../web/i18n.ts';
import { PrintButton } from '../../web/kit/print.tsx';
import { Page } from '../../web/page.tsx';
import {
  callFacts,
  fileUrl,
  MILESTONES,
  useEmsLive,
  useMission,
  usePostEvent,
  type MissionDetail,
  type MissionEvent,
  type Observation,
  type Risk,
} from './ems.api.ts';
import { CorrectionControls } from './correction.tsx';
import { duration, MissionDocument, recordedDiffers, sortedEvents } from './mission-document.tsx';
import { useCorrections } from './corrections.api.ts';
import { emsMessages } from './ems.i18n.ts';
import {
  CHANNEL_COLOR,
  clockSeconds,
  fromShanghaiWall,
  MISSION_COLOR,
  observationText,
  PICKER_FORMAT,
  RISK_COLOR,
  shanghaiWall,
  SOURCE_COLOR,
  TRIAGE_COLOR,
  word,
} from './ems-labels.ts';
import { newClientId } from './outbox.ts';

const OPEN = new Set(['dispatched', 'en_route', 'on_scene', 'to_hospital', 'at_hospital']);
/** who may back-enter a milestone here: the dispatch centre and the hospitals (the crew records on its own page) */
const BACKFILLERS = ['dispatcher', 'county_doctor', 'township_doctor'];

/**
 * 急救时间轴: one mission from the call to the handover. Every milestone with its time and
 * where it came from (设备 / 车组 / 调度 / 医院 / 补录), the server's own time when it differs,
 * the intervals against their targets, the live time limits of an open case, the crew's
 * observations and ECG. Dispatch and hospital staff may back-enter a milestone (补录); an
 * impossible order is refused with the database's own words.
 */
export function EmsMissionPage() {
  const t = useT(emsMessages);
  const c = useT(common);
  const id = Number(useParams().id);
  const valid = Number.isSafeInteger(id) && id > 0;
  const live = useEmsLive();
  const mission = useMission(valid ? id : null, { refetchInterval: 30_000 });
  const me = useCurrentUser();
  const mayBackfill = me.roles.some((r) => BACKFILLERS.includes(r));
  const history = useCorrections(id, valid && Boolean(mission.data?.events.some((e) => e.corrections > 0)));

  if (!valid) return <Result status="404" title={c('notFound')} />;
  const m = mission.data;
  return (
    <Page
      title={`${t('missionTitle')} #${id}`}
      extra={
        m ? (
          <Space wrap>
            <Tag color={MISSION_COLOR[m.status] ?? 'default'}>{word(t, 'mission', m.status)}</Tag>
            <Tag color={CHANNEL_COLOR[m.channel]}>{word(t, 'channel', m.channel)}</Tag>
            <Tag icon={<WifiOutlined />} color={live ? 'green' : 'default'}>
              {live ? t('live') : t('notLive')}
            </Tag>
            <PrintButton
              label={t('print')}
              title={t('printTitle')}
              paper="a4"
              render={() => <MissionDocument m={m} t={t} corrections={history.data ?? []} />}
            />
          </Space>
        ) : null
      }
    >
      {mission.error ? <ErrorAlert error={mission.error} onRetry={() => void mission.refetch()} /> : null}
      {!m ? (
        mission.isLoading ? (
          <Skeleton active />
        ) : null
      ) : (
        <Row gutter={[16, 16]}>
          {OPEN.has(m.status) && m.risks.length ? (
            <Col span={24}>
              <RiskBadges risks={m.risks} />
            </Col>
          ) : null}
          <Col span={24}>
            <CallCard m={m} />
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('timeline')} data-testid="timeline">
              <MissionTimeline events={m.events} missionId={m.id} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Space orientation="vertical" size={16} style={{ width: '100%' }}>
              <IntervalTable m={m} />
              {mayBackfill ? <BackfillForm missionId={m.id} /> : null}
            </Space>
          </Col>
          <Col span={24}>
            <ObservationTable observations={m.observations} />
          </Col>
        </Row>
      )}
    </Page>
  );
}

export function RiskBadges({ risks }: { risks: readonly Risk[] }) {
  const t = useT(emsMessages);
  return (
    <Space size={[6, 6]} wrap data-testid="risks">
      <Typography.Text strong>{t('risks')}</Typography.Text>
      {risks.map((r) => (
        <Tag
          key={r.key}
          color={RISK_COLOR[r.state] ?? 'default'}
          className={r.state === 'breached' ? 'oc-ems-alarm' : undefined}
          style={{ fontSize: 13, padding: '2px 8px' }}
        >
          {word(t, 'risk', r.state)} · {t('riskText', { label: r.label, e: Math.floor(r.elapsedMin), l: r.limitMin })}
        </Tag>
      ))}
    </Space>
  );
}

function CallCard({ m }: { m: MissionDetail }) {
  const t = useT(emsMessages);
  const call = callFacts(m);
  const patient = [
    call.patientLabel,
    call.patientSex ? word(t, 'sex', call.patientSex) : null,
    call.patientAge != null ? String(call.patientAge) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Card size="small" title={t('callInfo')}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: 'complaint',
            label: t('complaint'),
            children: (
              <Space size={4} wrap>
                {call.triageLevel ? (
                  <Tag color={TRIAGE_COLOR[call.triageLevel]}>{word(t, 'triage', call.triageLevel)}</Tag>
                ) : null}
                <span>{call.complaintName ?? '—'}</span>
              </Space>
            ),
          },
          { key: 'patient', label: t('patient'), children: patient || '—' },
          { key: 'addr', label: t('address'), children: call.address ?? '—' },
          {
            key: 'phone',
            label: t('callerPhone'),
            children: <span className="oc-mono">{call.callerPhone ?? '—'}</span>,
          },
          {
            key: 'vehicle',
            label: t('vehicle'),
            children: [m.callSign, m.vehicle?.plate].filter(Boolean).join(' · '),
          },
          { key: 'dest', label: t('destination'), children: m.destOrgName ?? t('destinationNone') },
          { key: 'created', label: t('createdAt'), children: formatDateTime(m.createdAt, { seconds: true }) },
          {
            key: 'eta',
            label: t('etaScene'),
            children: m.etaSceneMin == null ? '—' : t('minutes', { n: m.etaSceneMin.toFixed(0) }),
          },
          ...(m.residentId
            ? [
                {
                  key: 'resident',
                  label: t('resident'),
                  children: <Link to={`/residents/${m.residentId}`}>#{m.residentId}</Link>,
                },
              ]
            : []),
          ...(call.note ? [{ key: 'note', label: t('note'), children: call.note }] : []),
        ]}
      />
    </Card>
  );
}

/** with missionId, each time offers 更正 to those allowed and 已更正 with its history */
export function MissionTimeline({ events, missionId }: { events: readonly MissionEvent[]; missionId?: number }) {
  const t = useT(emsMessages);
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noEvents')} />;
  const list = sortedEvents(events);
  const firstDay = formatDateTime(list[0].at).slice(0, 10);
  return (
    <Timeline
      items={list.map((e) => {
        const day = formatDateTime(e.at).slice(0, 10);
        return {
          key: e.milestone,
          color: e.source === 'backfill' ? 'gray' : e.source === 'hospital' ? 'green' : 'blue',
          content: (
            <div data-milestone={e.milestone}>
              <Space size={6} wrap>
                <Typography.Text strong className="oc-mono">
                  {day === firstDay ? clockSeconds(e.at) : formatDateTime(e.at, { seconds: true })}
                </Typography.Text>
                <Typography.Text strong>{e.label}</Typography.Text>
                <Tag color={SOURCE_COLOR[e.source] ?? 'default'} variant="filled">
                  {word(t, 'source', e.source)}
                </Tag>
                {missionId ? <CorrectionControls missionId={missionId} e={e} /> : null}
              </Space>
              {recordedDiffers(e) ? (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('recordedAt', { t: formatDateTime(e.recordedAt, { seconds: true }) })}
                  </Typography.Text>
                </div>
              ) : null}
              {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
            </div>
          ),
        };
      })}
    />
  );
}

function IntervalTable({ m }: { m: MissionDetail }) {
  const t = useT(emsMessages);
  return (
    <Card size="small" title={t('intervals')}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={m.intervals}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { key: 'label', title: t('interval'), render: (_, i) => i.label },
          {
            key: 'min',
            title: t('duration'),
            align: 'right',
            render: (_, i) => <span style={{ whiteSpace: 'nowrap' }}>{duration(t, i.minutes, i.target)}</span>,
          },
          {
            key: 'target',
            title: t('target'),
            align: 'right',
            render: (_, i) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {i.target === null ? '—' : `≤ ${duration(t, i.target, i.target)}`}
              </span>
            ),
          },
          {
            key: 'met',
            title: '',
            render: (_, i) =>
              i.target === null ? null : i.minutes === null || i.met === null ? (
                <Tag>{t('pendingInterval')}</Tag>
              ) : i.met ? (
                <Tag color="green">{t('met')}</Tag>
              ) : (
                <Tag color="red">{t('notMet')}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

export function ObservationTable({ observations }: { observations: readonly Observation[] }) {
  const t = useT(emsMessages);
  return (
    <Card size="small" title={t('observations')}>
      <Table<Observation>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={[...observations].sort((a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt))}
        scroll={{ x: 560 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noObservations')} /> }}
        columns={[
          { key: 'at', title: t('observedAt'), width: 100, render: (_, o) => clockSeconds(o.observedAt) },
          { key: 'kind', title: t('kind'), width: 110, render: (_, o) => word(t, 'obs', o.kind) },
          { key: 'value', title: t('value'), render: (_, o) => observationText(t, o.kind, o.value) },
          {
            key: 'file',
            title: t('ecgFile'),
            width: 140,
            render: (_, o) =>
              o.hasFile ? (
                <a href={fileUrl(o.id)} target="_blank" rel="noreferrer">
                  <FileImageOutlined /> {o.fileName ?? t('viewEcg')}
                </a>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

function BackfillForm({ missionId }: { missionId: number }) {
  const t = useT(emsMessages);
  const c = useT(common);
  const { message } = App.useApp();
  const post = usePostEvent();
  const [form] = Form.useForm<{ milestone: string; at: Dayjs; note?: string }>();
  // one id per entry: pressing 保存 again after a lost answer records it once
  const [clientId, setClientId] = useState(newClientId);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await post.mutateAsync({
        missionId,
        clientId,
        milestone: v.milestone,
        at: fromShanghaiWall(v.at.format(PICKER_FORMAT)),
        source: 'backfill',
        note: v.note?.trim(),
      });
      void message.success(t('backfillSaved'));
      setClientId(newClientId());
      post.reset();
      form.resetFields();
    } catch {
      /* shown above the form (422 EVENT_ORDER: the server's own sentence) */
    }
  };
  return (
    <Card size="small" title={t('backfill')} data-testid="backfill">
      {post.error ? <ErrorAlert error={post.error} /> : null}
      <Form
        form={form}
        layout="inline"
        style={{ rowGap: 8 }}
        onValuesChange={() => setClientId(newClientId())}
        onFinish={() => void submit()}
      >
        <Form.Item name="milestone" rules={[{ required: true, message: c('required') }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 170 }}
            placeholder={t('milestone')}
            aria-label={t('milestone')}
            options={MILESTONES.map((ms) => ({ value: ms, label: word(t, 'ms', ms) }))}
          />
        </Form.Item>
        <Form.Item name="at" rules={[{ required: true, message: c('required') }]}>
          <DatePicker
            showTime
            format={PICKER_FORMAT}
            placeholder={t('at')}
            aria-label={t('at')}
            needConfirm={false}
            defaultPickerValue={dayjs(shanghaiWall(Date.now()), PICKER_FORMAT)}
          />
        </Form.Item>
        <Form.Item name="note">
          <Input placeholder={t('note')} aria-label={t('note')} maxLength={200} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={post.isPending}>
            {c('save')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
