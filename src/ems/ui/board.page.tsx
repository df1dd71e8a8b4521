import { AlertOutlined, PhoneOutlined, WifiOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Col, Empty, Form, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useCallback, useMemo, useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useOrgs } from '../../orgs/ui/orgs.api.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import {
  applyPlace,
  CallForm,
  newDraft,
  orgAsPlace,
  ANSWER_LIMIT_S,
  type CallDraft,
  type CallFormValues,
} from './call-form.tsx';
import { CountyMap } from './county-map.tsx';
import { useCalls, useEmsLive, useNow, useVehicles, useVehicleStatus, type Call, type Vehicle } from './ems.api.ts';
import { emsMessages } from './ems.i18n.ts';
import { CHANNEL_COLOR, clockSeconds, MISSION_COLOR, mmss, TRIAGE_COLOR, VEHICLE_COLOR, word } from './ems-labels.ts';
import { RecommendPanel } from './recommend-panel.tsx';
import { DEPART_LIMIT_S } from '../ems.states.ts';

/** 3 minutes from the dispatch order to the wheels turning (the server's limit, one constant) */
export { DEPART_LIMIT_S };

/** how long a vehicle has been in its status: `3:07` within the hour, then the time it began (`03-02 14:05`) */
function sinceText(now: number, iso: string): string {
  const s = (now - Date.parse(iso)) / 1000;
  return s < 3600 ? mmss(s) : formatDateTime(iso).slice(5);
}

/**
 * Vehicles sent more than 3 minutes ago and still standing (status dispatched): as the server
 * said in its last answer (its own clock), or as this screen's clock sees it since.
 */
export function notDeparted(vehicles: readonly Vehicle[], now: number): Vehicle[] {
  return vehicles.filter(
    (v) =>
      v.status === 'dispatched' &&
      (v.alarms.some((a) => a.kind === 'not_departed_3min') || (now - Date.parse(v.statusAt)) / 1000 > DEPART_LIMIT_S),
  );
}

/**
 * 调度台 (120 dispatcher, desktop first): take a call, see the county, send the nearest fitting
 * vehicle. Alarms are visual only (the dispatcher is on the phone): a call ringing > 10 s
 * without 接听, a vehicle not departed 3 minutes after dispatch. Everything refetches on the
 * live stream; the lists poll every 30 s when the stream is down.
 */
export function EmsBoardPage() {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const live = useEmsLive();
  const now = useNow(1000);
  const orgs = useOrgs();
  const vehicles = useVehicles();
  const openCalls = useCalls({ status: 'open', pageSize: 100 });
  const sentCalls = useCalls({ status: 'dispatched', pageSize: 100 });
  const [form] = Form.useForm<CallFormValues>();
  const [draft, setDraft] = useState<CallDraft | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);

  const calls = useMemo(
    () => [...(openCalls.data?.items ?? []), ...(sentCalls.data?.items ?? [])],
    [openCalls.data, sentCalls.data],
  );
  const fleet = useMemo(() => vehicles.data ?? [], [vehicles.data]);
  const late = notDeparted(fleet, now);
  const lateIds = new Set(late.map((v) => v.id));
  const ringingLate =
    draft !== null && !draft.answeredAt && (now - Date.parse(draft.receivedAt)) / 1000 > ANSWER_LIMIT_S;
  const alarmCount = late.length + (ringingLate ? 1 : 0);
  const selectedCall = calls.find((c) => c.id === selected) ?? null;

  const startCall = () => {
    form.resetFields();
    setDraft(newDraft());
  };
  const onPick = useCallback(
    (pos: { lat: number; lng: number }) => form.setFieldsValue({ lat: pos.lat, lng: pos.lng }),
    [form],
  );

  return (
    <Page
      title={t('boardTitle')}
      extra={
        <Space size={8} wrap>
          <Badge count={alarmCount} overflowCount={99}>
            <Tag
              icon={<AlertOutlined />}
              color={alarmCount ? 'red' : 'default'}
              className={alarmCount ? 'oc-ems-alarm' : undefined}
              data-testid="alarm-badge"
              style={{ marginInlineEnd: 0, padding: '2px 10px' }}
            >
              {t('alarms', { n: alarmCount })}
            </Tag>
          </Badge>
          <Tag icon={<WifiOutlined />} color={live ? 'green' : 'default'}>
            {live ? t('live') : t('notLive')}
          </Tag>
          {draft ? null : (
            <Button type="primary" size="large" icon={<PhoneOutlined />} onClick={startCall} data-testid="new-call">
              {t('newCall')}
            </Button>
          )}
        </Space>
      }
    >
      <Row gutter={[16, 16]}>
        {draft ? (
          <Col xs={24} xl={8}>
            <CallForm
              form={form}
              draft={draft}
              now={now}
              onAnswer={() => setDraft((d) => (d ? { ...d, answeredAt: new Date().toISOString() } : d))}
              onDone={(c) => {
                void message.success(t('callCreated', { id: c.id }));
                setDraft(null);
                setSelected(c.id);
              }}
              onDiscard={() => setDraft(null)}
            />
          </Col>
        ) : null}
        <Col xs={24} xl={draft ? 16 : 24}>
          <Card size="small" title={t('map')} styles={{ body: { padding: 8 } }}>
            {orgs.error ? <ErrorAlert error={orgs.error} /> : null}
            <CountyMap
              orgs={orgs.data ?? []}
              vehicles={fleet}
              calls={calls}
              selectedCallId={selected}
              picked={draft && typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null}
              onPick={draft ? onPick : null}
              onPickOrg={draft ? (o) => applyPlace(form, orgAsPlace(o)) : null}
              onSelectCall={setSelected}
              height={draft ? 560 : 420}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <CallList
            calls={calls}
            now={now}
            lateIds={lateIds}
            selected={selected}
            onSelect={setSelected}
            loading={openCalls.isLoading || sentCalls.isLoading}
            error={openCalls.error ?? sentCalls.error}
            onRetry={() => {
              void openCalls.refetch();
              void sentCalls.refetch();
            }}
          />
        </Col>
        <Col xs={24} xl={14}>
          {selectedCall ? (
            <RecommendPanel key={selectedCall.id} call={selectedCall} onCancelled={() => setSelected(null)} />
          ) : (
            <Card size="small">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('selectCall')} />
            </Card>
          )}
        </Col>
        <Col span={24}>
          <VehicleTable
            vehicles={fleet}
            now={now}
            lateIds={lateIds}
            loading={vehicles.isLoading}
            error={vehicles.error}
          />
        </Col>
      </Row>
    </Page>
  );
}

function CallList({
  calls,
  now,
  lateIds,
  selected,
  onSelect,
  loading,
  error,
  onRetry,
}: {
  calls: Call[];
  now: number;
  lateIds: ReadonlySet<number>;
  selected: number | null;
  onSelect: (id: number) => void;
  loading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const t = useT(emsMessages);
  const alarmed = (c: Call) => c.missions.some((m) => lateIds.has(m.vehicleId));
  return (
    <Card
      size="small"
      title={t('openCalls')}
      extra={<Typography.Text type="secondary">{calls.length}</Typography.Text>}
    >
      {error ? <ErrorAlert error={error} onRetry={onRetry} /> : null}
      <Table<Call>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={calls}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noOpenCalls')} /> }}
        rowClassName={(c) =>
          ['oc-clickable-row', c.id === selected ? 'oc-ems-selected' : '', alarmed(c) ? 'oc-ems-alarm-row' : '']
            .join(' ')
            .trim()
        }
        onRow={(c) => ({ onClick: () => onSelect(c.id), 'data-call-id': c.id }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'wait',
            title: t('waiting'),
            width: 70,
            render: (_, c) => {
              // the server's alarms: answered after more than 10 s; still without a vehicle after 60 s
              const waiting = c.alarms.find((a) => a.kind === 'not_dispatched');
              const late = c.alarms.find((a) => a.kind === 'answered_late');
              const title = [
                `${t('received')} ${clockSeconds(c.receivedAt)}`,
                late ? t('alarmAnsweredLate', { s: late.seconds }) : null,
                waiting ? t('alarmCallWaiting', { s: waiting.seconds }) : null,
              ]
                .filter(Boolean)
                .join(' · ');
              return (
                <Tooltip title={title}>
                  <Typography.Text className="oc-mono" type={waiting || late ? 'danger' : undefined}>
                    {mmss((now - Date.parse(c.receivedAt)) / 1000)}
                  </Typography.Text>
                </Tooltip>
              );
            },
          },
          {
            key: 'what',
            title: t('complaint'),
            render: (_, c) => (
              <div>
                <Space size={2} wrap>
                  <Tag color={TRIAGE_COLOR[c.triageLevel]} variant="filled">
                    {word(t, 'triage', c.triageLevel).split(' ')[0]}
                  </Tag>
                  <Tag color={CHANNEL_COLOR[c.channel]} variant="filled">
                    {word(t, 'channel', c.channel)}
                  </Tag>
                  <span>{c.complaintName}</span>
                </Space>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.villageName ?? c.address}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            key: 'status',
            title: t('status'),
            render: (_, c) =>
              c.missions.length === 0 ? (
                <Tag color="red">{word(t, 'call', c.status)}</Tag>
              ) : (
                <Space size={2} orientation="vertical">
                  {c.missions.map((m) =>
                    lateIds.has(m.vehicleId) ? (
                      <Tag key={m.id} color="red" icon={<AlertOutlined />} className="oc-ems-alarm">
                        {t('alarmNotDepartedShort', { callSign: m.callSign })}
                      </Tag>
                    ) : (
                      <Tag key={m.id} color={MISSION_COLOR[m.status] ?? 'default'}>
                        {m.callSign} {word(t, 'mission', m.status)}
                      </Tag>
                    ),
                  )}
                </Space>
              ),
          },
        ]}
      />
    </Card>
  );
}

function VehicleTable({
  vehicles,
  now,
  lateIds,
  loading,
  error,
}: {
  vehicles: Vehicle[];
  now: number;
  lateIds: ReadonlySet<number>;
  loading: boolean;
  error: unknown;
}) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const setStatus = useVehicleStatus();
  const act = async (v: Vehicle, action: 'out_of_service' | 'in_service' | 'back_in_station') => {
    try {
      await setStatus.mutateAsync({ id: v.id, action });
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };
  return (
    <Card size="small" title={t('vehicles')}>
      {error ? <ErrorAlert error={error} /> : null}
      <Table<Vehicle>
        size="small"
        rowKey="id"
        loading={loading}
        pagination={false}
        dataSource={vehicles}
        scroll={{ x: 900 }}
        rowClassName={(v) => (lateIds.has(v.id) ? 'oc-ems-alarm-row' : '')}
        columns={[
          {
            key: 'cs',
            title: t('callSign'),
            render: (_, v) => (
              <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                {v.callSign}
              </Typography.Text>
            ),
          },
          { key: 'plate', title: t('plate'), render: (_, v) => <span className="oc-mono">{v.plate}</span> },
          {
            key: 'kind',
            title: t('vehicleKind'),
            render: (_, v) => (
              <Space size={2}>
                <span>{word(t, 'kind', v.kind)}</span>
                {v.negativePressure ? <Tag color="purple">{t('negativePressure')}</Tag> : null}
              </Space>
            ),
          },
          { key: 'station', title: t('station'), render: (_, v) => v.stationName ?? '—' },
          {
            key: 'status',
            title: t('status'),
            render: (_, v) => (
              <Space size={4}>
                <Tag color={VEHICLE_COLOR[v.status]}>{word(t, 'vehicle', v.status)}</Tag>
                {lateIds.has(v.id) ? (
                  <Tag color="red" icon={<AlertOutlined />} className="oc-ems-alarm">
                    {t('alarmNotDeparted', { callSign: v.callSign })}
                  </Tag>
                ) : null}
              </Space>
            ),
          },
          {
            key: 'since',
            title: t('statusSince'),
            render: (_, v) => (
              <Tooltip title={formatDateTime(v.statusAt, { seconds: true })}>
                <span className="oc-mono">{sinceText(now, v.statusAt)}</span>
              </Tooltip>
            ),
          },
          { key: 'crew', title: t('crew'), render: (_, v) => v.crew.map((c) => c.name).join('、') || '—' },
          {
            key: 'mission',
            title: t('missionNo'),
            render: (_, v) =>
              v.activeMissionId ? <Link to={`/ems/missions/${v.activeMissionId}`}>#{v.activeMissionId}</Link> : '—',
          },
          {
            key: 'act',
            title: '',
            render: (_, v) => {
              const action =
                v.status === 'available'
                  ? ('out_of_service' as const)
                  : v.status === 'out_of_service'
                    ? ('in_service' as const)
                    : v.status === 'returning'
                      ? ('back_in_station' as const)
                      : null;
              if (!action) return null;
              const label = {
                out_of_service: t('outOfService'),
                in_service: t('inService'),
                back_in_station: t('backInStation'),
              }[action];
              return (
                <Button size="small" danger={action === 'out_of_service'} onClick={() => void act(v, action)}>
                  {label}
                </Button>
              );
            },
          },
        ]}
      />
    </Card>
  );
}
