import {
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../web/api.ts';
import { ErrorAlert, errorMessage } from '../../web/error-alert.tsx';
import { useT } from '../../web/i18n.ts';
import { useCancelCall, useDispatch, useRecommendation, type Call, type Recommendation } from './ems.api.ts';
import { emsMessages } from './ems.i18n.ts';
import {
  CHANNEL_COLOR,
  clockSeconds,
  MISSION_COLOR,
  mmss,
  TRIAGE_COLOR,
  VEHICLE_COLOR,
  word,
  type EmsT,
} from './ems-labels.ts';

type RecVehicle = Recommendation['vehicles'][number];

const TOP = 8;

/** The message of a 409 VEHICLE_BUSY: which mission the vehicle is on now, in the dispatcher's words. */
export function busyMessage(t: EmsT, err: unknown, callSign: string): string | null {
  if (!isApiError(err) || err.code !== 'VEHICLE_BUSY') return null;
  const missionId = err.body.missionId;
  const status = typeof err.body.status === 'string' ? err.body.status : '';
  const statusWord = `mission.${status}` in emsMessages ? word(t, 'mission', status) : word(t, 'vehicle', status);
  return t('vehicleBusy', {
    callSign,
    missionId: typeof missionId === 'number' || typeof missionId === 'string' ? missionId : '?',
    status: statusWord,
  });
}

/**
 * The selected call: who and where, the vehicles ranked by road minutes with 派车 on each, and
 * the destination hospital (capable ones first). A vehicle taken a moment ago by a colleague
 * answers 409: the message names its current mission and the ranking is fetched again.
 */
export function RecommendPanel({ call, onCancelled }: { call: Call; onCancelled: () => void }) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const rec = useRecommendation(call.id);
  const dispatch = useDispatch();
  const [dest, setDest] = useState<number | undefined>(undefined);
  const [cancelling, setCancelling] = useState(false);
  const hospitals = rec.data?.hospitals ?? [];
  // the best destination is preselected: capable first, then nearest (the server's order)
  useEffect(() => {
    setDest(undefined);
  }, [call.id]);
  const chosen = dest ?? hospitals[0]?.orgId;
  // the nearest few decide a dispatch; the rest of the fleet is one click away
  const [all, setAll] = useState(false);
  const ranked = rec.data?.vehicles ?? [];
  const shown = all ? ranked : ranked.slice(0, TOP);
  const hidden = ranked.length - shown.length;

  const send = async (v: RecVehicle) => {
    try {
      await dispatch.mutateAsync({ callId: call.id, vehicleId: v.vehicleId, destOrgId: chosen });
      void message.success(t('dispatched', { callSign: v.callSign }));
    } catch (err) {
      const busy = busyMessage(t, err, v.callSign);
      void message.error({ content: busy ?? errorMessage(err), duration: 8 });
      void rec.refetch();
    }
  };

  const dispatchedHere = call.missions;
  return (
    <Card
      size="small"
      title={
        <Space size={6} wrap>
          <span>#{call.id}</span>
          <Tag color={TRIAGE_COLOR[call.triageLevel]}>{word(t, 'triage', call.triageLevel)}</Tag>
          <Tag color={CHANNEL_COLOR[call.channel]}>{word(t, 'channel', call.channel)}</Tag>
          <span>{call.complaintName}</span>
        </Space>
      }
      extra={
        call.status === 'open' ? (
          <Button size="small" danger onClick={() => setCancelling(true)}>
            {t('cancelCall')}
          </Button>
        ) : null
      }
      data-testid="recommend-panel"
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'place', label: t('place'), children: call.villageName ?? call.address },
          { key: 'addr', label: t('address'), children: call.address },
          { key: 'phone', label: t('callerPhone'), children: <span className="oc-mono">{call.callerPhone}</span> },
          {
            key: 'patient',
            label: t('patient'),
            children: [
              call.patientLabel,
              call.patientSex ? word(t, 'sex', call.patientSex) : null,
              call.patientAge != null ? `${call.patientAge}` : null,
            ]
              .filter(Boolean)
              .join(' · '),
          },
          { key: 'rx', label: t('received'), children: clockSeconds(call.receivedAt) },
          {
            key: 'sent',
            label: t('dispatchedVehicles'),
            children: dispatchedHere.length ? (
              <Space size={4} wrap>
                {dispatchedHere.map((m) => (
                  <Link key={m.id} to={`/ems/missions/${m.id}`}>
                    <Tag color={MISSION_COLOR[m.status] ?? 'default'}>
                      {m.callSign} {word(t, 'mission', m.status)}
                    </Tag>
                  </Link>
                ))}
              </Space>
            ) : (
              t('none')
            ),
          },
        ]}
      />
      {rec.error ? <ErrorAlert error={rec.error} onRetry={() => void rec.refetch()} /> : null}
      <div style={{ margin: '12px 0 8px' }}>
        <Typography.Text strong>{t('destination')}</Typography.Text>
        <Select
          style={{ width: '100%', marginTop: 4 }}
          placeholder={t('destinationHint')}
          aria-label={t('destination')}
          value={chosen}
          onChange={setDest}
          loading={rec.isLoading}
          data-testid="destination"
          options={hospitals.map((h) => ({
            value: h.orgId,
            label: (
              <Space size={4}>
                <span>{h.name}</span>
                {h.minutes !== null ? (
                  <Typography.Text type="secondary">{t('minutes', { n: h.minutes.toFixed(0) })}</Typography.Text>
                ) : null}
                {h.capable ? <Tag color="green">{t('capable')}</Tag> : <Tag>{t('notCapable')}</Tag>}
                {h.capabilities.map((c) => (
                  <Tag key={c} variant="filled">
                    {word(t, 'cap', c)}
                  </Tag>
                ))}
              </Space>
            ),
          }))}
        />
      </div>
      <Typography.Text strong>{t('recommend')}</Typography.Text>
      <Table<RecVehicle>
        size="small"
        rowKey="vehicleId"
        style={{ marginTop: 4 }}
        loading={rec.isFetching}
        pagination={false}
        dataSource={shown}
        scroll={{ x: 520 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
        columns={[
          { key: 'rank', title: t('rank'), width: 36, render: (_, _v, i) => i + 1 },
          {
            key: 'cs',
            title: t('callSign'),
            render: (_, v) => (
              <Space size={4}>
                <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                  {v.callSign}
                </Typography.Text>
                {v.status === 'available' ? null : (
                  <Tag color={VEHICLE_COLOR[v.status]}>{word(t, 'vehicle', v.status)}</Tag>
                )}
              </Space>
            ),
          },
          {
            key: 'min',
            title: t('etaMin'),
            align: 'right',
            render: (_, v) => (
              <Space size={4} style={{ whiteSpace: 'nowrap' }}>
                <Typography.Text strong>{v.minutes === null ? '—' : v.minutes.toFixed(1)}</Typography.Text>
                <Tooltip
                  title={
                    v.from === 'gps'
                      ? t('fromGpsAge', { s: mmss(v.fixAgeSeconds ?? 0) })
                      : v.fixAgeSeconds === null
                        ? t('fromStationNone')
                        : t('fromStationStale', { s: mmss(v.fixAgeSeconds) })
                  }
                >
                  <Tag
                    color={v.from === 'gps' ? 'green' : 'default'}
                    style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}
                    data-testid={`from-${v.callSign}`}
                  >
                    {v.from === 'gps' ? t('fromGps') : t('fromStation')}
                  </Tag>
                </Tooltip>
              </Space>
            ),
          },
          {
            key: 'km',
            title: t('distance'),
            align: 'right',
            render: (_, v) => (
              <span style={{ whiteSpace: 'nowrap' }}>{v.km === null ? '—' : `${v.km.toFixed(1)} ${t('km')}`}</span>
            ),
          },
          {
            key: 'kind',
            title: t('vehicleKind'),
            render: (_, v) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {word(t, 'kind', v.kind)}
                {v.negativePressure ? (
                  <Tag color="purple" style={{ marginInlineStart: 4 }}>
                    {t('negativePressure')}
                  </Tag>
                ) : null}
              </span>
            ),
          },
          {
            key: 'st',
            title: t('station'),
            ellipsis: true,
            render: (_, v) => v.stationName ?? '—',
          },
          {
            key: 'go',
            title: '',
            width: 76,
            render: (_, v) => (
              <Button
                type="primary"
                size="small"
                danger={call.triageLevel === 1}
                loading={dispatch.isPending && dispatch.variables.vehicleId === v.vehicleId}
                onClick={() => void send(v)}
                data-testid={`dispatch-${v.callSign}`}
              >
                {t('dispatch')}
              </Button>
            ),
          },
        ]}
      />
      {hidden > 0 ? (
        <Button type="link" size="small" onClick={() => setAll(true)}>
          {t('showAll', { n: hidden })}
        </Button>
      ) : null}
      {cancelling ? (
        <CancelModal
          callId={call.id}
          onClose={(done) => {
            setCancelling(false);
            if (done) onCancelled();
          }}
        />
      ) : null}
    </Card>
  );
}

function CancelModal({ callId, onClose }: { callId: number; onClose: (done: boolean) => void }) {
  const t = useT(emsMessages);
  const cancel = useCancelCall();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={t('cancelCall')}
      onCancel={() => onClose(false)}
      okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: cancel.isPending }}
      onOk={() => cancel.mutate({ callId, reason: reason.trim() }, { onSuccess: () => onClose(true) })}
    >
      {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
      <Input.TextArea
        rows={3}
        maxLength={200}
        placeholder={t('cancelReason')}
        aria-label={t('cancelReason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
