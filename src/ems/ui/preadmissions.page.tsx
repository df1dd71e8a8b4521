import { FileImageOutlined, ThunderboltOutlined, WifiOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ResidentPicker } from '../../care/ui/care-labels.tsx';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import {
  fileUrl,
  TEAMS,
  useActivateTeam,
  useArrive,
  useEmsLive,
  useMerge,
  useMission,
  useNow,
  usePostEvent,
  usePreadmissions,
  type Milestone,
  type Preadmission,
  type Team,
} from './ems.api.ts';
import { emsMessages } from './ems.i18n.ts';
import {
  CHANNEL_COLOR,
  clockSeconds,
  fromShanghaiWall,
  observationText,
  PICKER_FORMAT,
  shanghaiWall,
  word,
} from './ems-labels.ts';
import { RiskBadges } from './mission.page.tsx';
import { newClientId } from './outbox.ts';

/** the hospital's milestones, in the order a case meets them; 到达医院 (door) is the 到院 dialog */
const HOSPITAL_MILESTONES: readonly Milestone[] = [
  'triage',
  'diagnosis',
  'consent_started',
  'consent_signed',
  'cathlab_arrived',
  'wire',
  'needle',
  'ct_start',
  'door_out',
];

/** 已到院 shows the arrivals of the last 24 hours: their hospital milestones are still being stamped */
const RECENT_MS = 24 * 3600_000;

/** at the door first (to be received, earliest door first), then the soonest ETA; no ETA last */
function byDoorThenEta(a: Preadmission, b: Preadmission): number {
  const key = (p: Preadmission): [number, number] =>
    p.doorAt ? [0, Date.parse(p.doorAt)] : [1, p.etaAt ? Date.parse(p.etaAt) : Number.MAX_SAFE_INTEGER];
  const [ka, kb] = [key(a), key(b)];
  return ka[0] - kb[0] || ka[1] - kb[1];
}

const isTeam = (c: string): c is Team => (TEAMS as readonly string[]).includes(c);

/**
 * 院前预警 (the destination hospital): the patients on their way with the minutes left, what
 * the crew has measured, the ECG; 一键启动 calls the channel's team before the door; the
 * hospital milestones are one tap each, stamped with the current time; 到院 records the door,
 * with or without the ED (绕行急诊), and links the resident when known.
 */
export function EmsPreadmissionsPage() {
  const t = useT(emsMessages);
  const live = useEmsLive();
  const [tab, setTab] = useState<'expected' | 'arrived'>('expected');
  const list = usePreadmissions(tab);
  const now = useNow(1000);
  const items =
    tab === 'expected'
      ? [...(list.data ?? [])].sort(byDoorThenEta)
      : // the patients of the last day, newest first: the year's arrivals are in 出车任务
        (list.data ?? [])
          .filter((p) => p.arrivedAt && Date.parse(p.arrivedAt) >= now - RECENT_MS)
          .sort((a, b) => Date.parse(b.arrivedAt ?? '') - Date.parse(a.arrivedAt ?? ''));
  return (
    <Page
      title={t('preTitle')}
      extra={
        <Tag icon={<WifiOutlined />} color={live ? 'green' : 'default'}>
          {live ? t('live') : t('notLive')}
        </Tag>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'expected' | 'arrived')}
        items={[
          { key: 'expected', label: t('expected') },
          { key: 'arrived', label: t('arrived') },
        ]}
      />
      {list.error ? <ErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isLoading ? <Skeleton active /> : null}
      {list.data && items.length === 0 ? (
        <Card size="small">
          <Empty description={tab === 'expected' ? t('noExpected') : t('noArrived')} />
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        {items.map((p) => (
          <Col key={p.id} xs={24} lg={12} xxl={8}>
            <PreCard p={p} now={now} />
          </Col>
        ))}
      </Row>
    </Page>
  );
}

/** the minutes left to the ETA; past it 已超时 N 分; once the door is stamped no countdown but 已到门 HH:mm */
function Countdown({ etaAt, doorAt, now }: { etaAt: string | null; doorAt: string | null; now: number }) {
  const t = useT(emsMessages);
  if (doorAt)
    return (
      <Space size={6} wrap data-testid="at-door">
        <Tag color="volcano" style={{ fontSize: 14, padding: '2px 10px' }}>
          {t('atDoor', { t: clockSeconds(doorAt).slice(0, 5) })}
        </Tag>
        <Typography.Text type="warning">{t('atDoorHint')}</Typography.Text>
      </Space>
    );
  if (!etaAt) return <Typography.Text type="secondary">{t('etaUnknown')}</Typography.Text>;
  const left = Math.round((Date.parse(etaAt) - now) / 1000);
  if (left < 0)
    return (
      <Typography.Text type="danger" className="oc-ems-countdown" data-testid="eta">
        {t('etaOver', { m: Math.ceil(-left / 60) })}
      </Typography.Text>
    );
  return (
    <Typography.Text className="oc-ems-countdown" type={left < 300 ? 'warning' : undefined} data-testid="eta">
      {t('etaIn', { m: Math.floor(left / 60), s: String(left % 60).padStart(2, '0') })}
    </Typography.Text>
  );
}

function PreCard({ p, now }: { p: Preadmission; now: number }) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const mission = useMission(p.missionId);
  const post = usePostEvent();
  const [arriving, setArriving] = useState(false);
  const done = new Map((mission.data?.events ?? p.events).map((e) => [e.milestone, e.at]));
  const expected = p.status === 'expected';

  const stamp = async (milestone: Milestone) => {
    const at = new Date().toISOString();
    try {
      await post.mutateAsync({ missionId: p.missionId, clientId: newClientId(), milestone, at, source: 'hospital' });
      void message.success(t('milestoneRecorded', { m: word(t, 'ms', milestone), t: clockSeconds(at) }));
    } catch (err) {
      // 422 EVENT_ORDER: the database's own sentence (时间顺序不合理 …)
      void message.error({ content: errorMessage(err), duration: 8 });
    }
  };

  return (
    <Card
      size="small"
      data-testid="preadmission"
      data-preadmission-id={p.id}
      title={
        <Space size={6} wrap>
          <Tag color={CHANNEL_COLOR[p.channel]}>{word(t, 'channel', p.channel)}</Tag>
          <span>{p.residentName ?? p.patientLabel ?? p.tempId}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tempId')} {p.tempId}
          </Typography.Text>
        </Space>
      }
      extra={<Link to={`/ems/missions/${p.missionId}`}>{t('timelineLink')}</Link>}
    >
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Space size={8} wrap>
          {p.callSign ? <Tag>{p.callSign}</Tag> : null}
          <Typography.Text strong>{p.complaintName ?? '—'}</Typography.Text>
        </Space>
        {expected ? (
          <Countdown etaAt={p.etaAt} doorAt={p.doorAt ?? done.get('door') ?? null} now={now} />
        ) : (
          <Space size={6} wrap>
            <Tag color="green">{t('arrivedAt', { t: clockSeconds(p.arrivedAt ?? null) })}</Tag>
            {p.edBypass ? <Tag color="purple">{t('bypassTag')}</Tag> : null}
          </Space>
        )}
        {mission.data && mission.data.risks.length ? <RiskBadges risks={mission.data.risks} /> : null}
        <div>
          <Typography.Text type="secondary">{t('latestVitals')}：</Typography.Text>
          {p.latestVitals ? observationText(t, 'vitals', p.latestVitals) : '—'}
          {p.ecgObservationId ? (
            <>
              {' '}
              <a href={fileUrl(p.ecgObservationId)} target="_blank" rel="noreferrer">
                <FileImageOutlined /> {t('viewEcg')}
              </a>
            </>
          ) : null}
        </div>
        <TeamButton p={p} />
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('hospitalMilestones')}
          </Typography.Text>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, marginTop: 4 }}>
            <Button
              type={expected ? 'primary' : 'default'}
              disabled={!expected}
              onClick={() => setArriving(true)}
              data-testid="arrive"
            >
              {done.has('door') ? `${t('arrive')} ${clockSeconds(done.get('door'))}` : t('arrive')}
            </Button>
            {HOSPITAL_MILESTONES.map((ms) => {
              const at = done.get(ms);
              return (
                <Button
                  key={ms}
                  disabled={Boolean(at) || post.isPending}
                  onClick={() => void stamp(ms)}
                  data-milestone={ms}
                >
                  {word(t, 'ms', ms)}
                  {at ? ` ${clockSeconds(at).slice(0, 5)}` : ''}
                </Button>
              );
            })}
          </div>
        </div>
        {!expected && !p.residentId ? <MergeRow p={p} /> : null}
        {p.residentId ? (
          <Typography.Text type="success">
            {t('residentLinked', { name: p.residentName ?? `#${p.residentId}` })}{' '}
            <Link to={`/residents/${p.residentId}`}>{t('open')}</Link>
          </Typography.Text>
        ) : null}
      </Space>
      {arriving ? <ArriveModal p={p} doorAt={done.get('door') ?? null} onClose={() => setArriving(false)} /> : null}
    </Card>
  );
}

function TeamButton({ p }: { p: Preadmission }) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const activate = useActivateTeam();
  const [choice, setChoice] = useState<Team | undefined>(isTeam(p.channel) ? p.channel : undefined);
  if (p.team && p.teamActivatedAt)
    return (
      <Tag color="red" icon={<ThunderboltOutlined />} style={{ padding: '4px 10px', fontSize: 14 }}>
        {t('teamActivated', { team: word(t, 'team', p.team), t: clockSeconds(p.teamActivatedAt) })}
      </Tag>
    );
  const go = async () => {
    if (!choice) return;
    try {
      await activate.mutateAsync({ id: p.id, team: choice });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      {isTeam(p.channel) ? null : (
        <Select
          style={{ width: 170 }}
          placeholder={t('chooseTeam')}
          aria-label={t('chooseTeam')}
          value={choice}
          onChange={setChoice}
          options={TEAMS.map((x) => ({ value: x, label: word(t, 'team', x) }))}
        />
      )}
      <Button
        type="primary"
        danger
        size="large"
        icon={<ThunderboltOutlined />}
        disabled={!choice}
        loading={activate.isPending}
        onClick={() => void go()}
        style={{ flex: 1 }}
        data-testid="activate-team"
      >
        {t('activateTeam', { team: choice ? word(t, 'team', choice) : '' })}
      </Button>
    </Space.Compact>
  );
}

/**
 * 到院: the door time is now, or the one the crew already recorded with 到达医院 (the patient
 * came through the door then; a later time would put the door after the triage stamped since).
 */
function ArriveModal({ p, doorAt, onClose }: { p: Preadmission; doorAt: string | null; onClose: () => void }) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const arrive = useArrive();
  const [form] = Form.useForm<{ at: Dayjs; edBypass: boolean; pathway?: string; residentId?: number }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await arrive.mutateAsync({
        id: p.id,
        at: fromShanghaiWall(v.at.format(PICKER_FORMAT)),
        edBypass: v.edBypass,
        pathway: v.pathway?.trim(),
        residentId: v.residentId,
      });
      void message.success(t('saved'));
      onClose();
    } catch {
      /* shown in the dialog */
    }
  };
  return (
    <Modal
      open
      title={`${t('arriveTitle')} · ${p.patientLabel ?? p.tempId}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okButtonProps={{ loading: arrive.isPending }}
      destroyOnHidden
    >
      {arrive.error ? <ErrorAlert error={arrive.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ at: dayjs(shanghaiWall(doorAt ?? Date.now()), PICKER_FORMAT), edBypass: false }}
      >
        <Form.Item name="at" label={t('at')} rules={[{ required: true }]}>
          <DatePicker showTime format={PICKER_FORMAT} needConfirm={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="edBypass" label={t('edBypass')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="pathway" label={t('pathway')}>
          <Input maxLength={60} placeholder={t('pathwayHint')} />
        </Form.Item>
        <Form.Item name="residentId" label={t('residentSearch')}>
          <ResidentPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MergeRow({ p }: { p: Preadmission }) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const merge = useMerge();
  const [residentId, setResidentId] = useState<number | undefined>(undefined);
  return (
    <div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('residentSearch')}
      </Typography.Text>
      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
        <ResidentPicker value={residentId} onChange={setResidentId} />
        <Button
          type="primary"
          disabled={!residentId}
          loading={merge.isPending}
          onClick={() => {
            if (!residentId) return;
            merge.mutate(
              { id: p.id, residentId },
              {
                onSuccess: () => void message.success(t('merged')),
                onError: (err) => void message.error(errorMessage(err)),
              },
            );
          }}
        >
          {t('merge')}
        </Button>
      </Space.Compact>
    </div>
  );
}
