import { AimOutlined, CloudUploadOutlined, DisconnectOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Popconfirm, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { useCurrentUser } from '../../web/current-user.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { Page } from '../../web/page.tsx';
import { CrewRecords, PrealertForm } from './crew-forms.tsx';
import { isStepAction, nextStep, sideStep, statusAfter, type MissionStatus, type StepAction } from './crew-steps.ts';
import { callFacts, useEmsLive, useMyMissions, type MissionDetail } from './ems.api.ts';
import { emsMessages } from './ems.i18n.ts';
import { CHANNEL_COLOR, clockSeconds, MISSION_COLOR, TRIAGE_COLOR, word, type EmsT } from './ems-labels.ts';
import { RiskBadges } from './mission.page.tsx';
import { pendingSteps, type OutboxEntry, type OutboxFailure } from './outbox.ts';
import { useCrewGps, type GpsState } from './use-gps.ts';
import { useCrewOutbox, type CrewOutbox } from './use-outbox.ts';

function subscribeOnline(cb: () => void): () => void {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
}

/** what an outbox entry was, in the crew's words */
function entryLabel(t: EmsT, e: OutboxEntry): string {
  switch (e.kind) {
    case 'step':
      return word(t, 'step', e.what);
    case 'event':
      return word(t, 'ms', e.what);
    case 'observation':
      return word(t, 'obs', e.what);
    case 'prealert':
      return t('prealert');
    case 'position':
      return t('gpsFix');
  }
}

/**
 * 车组 (the ambulance crew, on a phone): the mission the crew is on, one big button for the
 * next status step, and the records of the ride. Every tap is kept on the phone first (the
 * outbox) with the phone's time and sent when the network lets it; 未发送 N 条 lists what has
 * not reached the server yet, and the button already counts a step that is still on its way.
 */
export function EmsCrewPage() {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  const me = useCurrentUser();
  useEmsLive();
  const missions = useMyMissions();
  const onReject = useCallback(
    (f: OutboxFailure) => void message.error({ content: `${entryLabel(t, f.entry)}：${f.message}`, duration: 10 }),
    [message, t],
  );
  const outbox = useCrewOutbox(me.id, onReject);
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine);
  const list = missions.data ?? [];
  const [chosen, setChosen] = useState<number | null>(null);
  const mission = list.find((m) => m.id === chosen) ?? list[0] ?? null;
  // the vehicle's position goes out while any of the crew's missions runs
  const running = list.find((m) => !['completed', 'cancelled'].includes(m.status) && m.vehicleId !== undefined);
  const gps = useCrewGps(running?.vehicleId ?? null, running !== undefined, outbox.submit);

  return (
    <Page title={t('crewTitle')}>
      <div className="oc-ems-crew">
        {online ? null : (
          <Alert
            type="warning"
            showIcon
            icon={<DisconnectOutlined />}
            title={t('offline')}
            style={{ marginBottom: 12 }}
          />
        )}
        {missions.error ? <ErrorAlert error={missions.error} onRetry={() => void missions.refetch()} /> : null}
        <GpsTag state={gps} />
        {list.length > 1 ? (
          <Segmented
            block
            style={{ marginBottom: 12 }}
            value={mission?.id}
            onChange={(v) => setChosen(Number(v))}
            options={list.map((m) => ({ value: m.id, label: `${m.callSign} #${m.id}` }))}
          />
        ) : null}
        {mission ? (
          <MissionView mission={mission} outbox={outbox} />
        ) : missions.isLoading ? (
          <Skeleton active />
        ) : (
          <Card size="small">
            <Empty description={t('noMission')}>
              <Typography.Text type="secondary">{t('noMissionHint')}</Typography.Text>
            </Empty>
          </Card>
        )}
        <OutboxPanel outbox={outbox} />
      </div>
    </Page>
  );
}

function MissionView({ mission, outbox }: { mission: MissionDetail; outbox: CrewOutbox }) {
  const t = useT(emsMessages);
  const call = callFacts(mission);
  const status = statusAfter(mission.status, pendingSteps(outbox.entries, mission.id));
  const ended = status === 'completed' || status === 'cancelled';
  const patient = [
    call.patientLabel,
    call.patientSex ? word(t, 'sex', call.patientSex) : null,
    call.patientAge != null ? String(call.patientAge) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space size={4} wrap>
            <span>{mission.callSign}</span>
            <Tag color={MISSION_COLOR[status] ?? 'default'}>{word(t, 'mission', status)}</Tag>
          </Space>
        }
        extra={<Typography.Text type="secondary">#{mission.id}</Typography.Text>}
        data-testid="crew-mission"
      >
        <Typography.Title level={4} style={{ margin: '0 0 6px' }}>
          <EnvironmentOutlined /> {call.address ?? '—'}
        </Typography.Title>
        <Space size={4} wrap style={{ marginBottom: 6 }}>
          {call.triageLevel ? (
            <Tag color={TRIAGE_COLOR[call.triageLevel]}>{word(t, 'triage', call.triageLevel)}</Tag>
          ) : null}
          <Tag color={CHANNEL_COLOR[mission.channel]}>{word(t, 'channel', mission.channel)}</Tag>
          <Typography.Text strong>{call.complaintName ?? '—'}</Typography.Text>
        </Space>
        <div>
          <Typography.Text type="secondary">{t('patient')}：</Typography.Text>
          {patient || '—'}
        </div>
        {call.callerPhone ? (
          <div>
            <Typography.Text type="secondary">{t('callerShort')}：</Typography.Text>
            <span className="oc-mono">{call.callerPhone}</span>
          </div>
        ) : null}
        <div>
          <Typography.Text type="secondary">{t('destination')}：</Typography.Text>
          {mission.destOrgName ?? t('destinationNone')}
        </div>
        {call.note ? <Typography.Paragraph type="secondary">{call.note}</Typography.Paragraph> : null}
      </Card>
      {mission.risks.length && !ended ? <RiskBadges risks={mission.risks} /> : null}
      <StepButton mission={mission} status={status} outbox={outbox} />
      {ended ? null : (
        <>
          {status === 'at_hospital' ? null : (
            <Card size="small" title={t('prealert')}>
              <PrealertForm mission={mission} submit={outbox.submit} />
            </Card>
          )}
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            <CrewRecords mission={mission} submit={outbox.submit} />
          </Card>
        </>
      )}
    </Space>
  );
}

function StepButton({
  mission,
  status,
  outbox,
}: {
  mission: MissionDetail;
  status: MissionStatus;
  outbox: CrewOutbox;
}) {
  const t = useT(emsMessages);
  const { message } = App.useApp();
  // a double tap in a bouncing ambulance must not send two steps
  const [cooling, setCooling] = useState(false);
  useEffect(() => {
    if (!cooling) return undefined;
    const id = setTimeout(() => setCooling(false), 1500);
    return () => clearTimeout(id);
  }, [cooling]);
  const step = (action: StepAction) => {
    setCooling(true);
    const entry = outbox.submit({
      missionId: mission.id,
      kind: 'step',
      what: action,
      url: `/api/ems/missions/${mission.id}/step`,
      body: (at) => ({ action, at }),
    });
    void message.success(t('stepDone', { step: word(t, 'step', action), t: clockSeconds(entry.deviceAt) }));
  };
  const next = nextStep(status);
  const side = sideStep(status);
  if (!next) {
    return (
      <Card size="small">
        <Typography.Text type="secondary">{t('missionOver')}</Typography.Text>
      </Card>
    );
  }
  return (
    <div>
      <Button
        type="primary"
        block
        className="oc-ems-step"
        disabled={cooling}
        onClick={() => step(next)}
        data-testid="step-button"
        data-action={next}
      >
        {word(t, 'step', next)}
      </Button>
      {side && isStepAction(side) ? (
        <Popconfirm title={t('clearOnScene')} onConfirm={() => step(side)}>
          <Button type="link" block style={{ marginTop: 4 }}>
            {t('clearOnScene')}
          </Button>
        </Popconfirm>
      ) : null}
    </div>
  );
}

const GPS_COLOR: Record<GpsState, string> = { on: 'green', off: 'default', unavailable: 'orange' };

function GpsTag({ state }: { state: GpsState }) {
  const t = useT(emsMessages);
  return (
    <div style={{ marginBottom: 8, textAlign: 'right' }}>
      <Tag icon={<AimOutlined />} color={GPS_COLOR[state]} data-testid="gps-state" data-state={state}>
        {t('gpsState', { s: t(`gps.${state}`) })}
      </Tag>
    </div>
  );
}

function OutboxPanel({ outbox }: { outbox: CrewOutbox }) {
  const t = useT(emsMessages);
  const n = outbox.entries.length;
  // GPS fixes are many and alike: one row for them all
  const fixes = outbox.entries.filter((e) => e.kind === 'position');
  const records = outbox.entries.filter((e) => e.kind !== 'position');
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      data-testid="outbox"
      title={
        <Space size={6}>
          <CloudUploadOutlined />
          {n ? (
            <Typography.Text type="warning" data-testid="outbox-count">
              {t('outboxTitle', { n })}
            </Typography.Text>
          ) : (
            <Typography.Text type="success">{t('outboxEmpty')}</Typography.Text>
          )}
        </Space>
      }
      extra={
        n ? (
          <Button size="small" onClick={outbox.retryNow}>
            {t('outboxRetryNow')}
          </Button>
        ) : null
      }
    >
      {outbox.persisted ? null : (
        <Alert type="error" showIcon title={t('outboxNotPersisted')} style={{ marginBottom: 8 }} />
      )}
      {fixes.length ? (
        <div className="oc-ems-outbox-row" data-testid="outbox-entry">
          <Space size={6} wrap>
            <Typography.Text strong>{t('gpsFixes', { n: fixes.length })}</Typography.Text>
            <Typography.Text type="secondary" className="oc-mono">
              {formatDateTime(fixes[0].deviceAt, { seconds: true }).slice(5)}
            </Typography.Text>
            <Tag color="orange">{t('outboxWaiting')}</Tag>
          </Space>
        </div>
      ) : null}
      {records.map((e) => (
        <div key={e.clientId} className="oc-ems-outbox-row" data-testid="outbox-entry">
          <Space size={6} wrap>
            <Typography.Text strong>{entryLabel(t, e)}</Typography.Text>
            <Typography.Text type="secondary" className="oc-mono">
              {formatDateTime(e.deviceAt, { seconds: true }).slice(5)}
            </Typography.Text>
            <Tag color="orange">{t('outboxWaiting')}</Tag>
          </Space>
          {e.attempts ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('outboxAttempt', { n: e.attempts, err: e.lastError ?? '' })}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ))}
      {outbox.failures.map((f) => (
        <Alert
          key={f.entry.clientId}
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          title={`${entryLabel(t, f.entry)} · ${t('outboxRejected')}`}
          description={f.message}
          data-testid="outbox-failure"
          action={
            <Button size="small" onClick={() => outbox.dismiss(f.entry.clientId)}>
              {t('outboxDismiss')}
            </Button>
          }
        />
      ))}
    </Card>
  );
}
