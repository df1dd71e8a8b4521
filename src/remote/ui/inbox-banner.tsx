import { Alert, App, Button, Card, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../auth/ui/auth.api.ts';
import { mayCall } from '../../web/access.ts';
import { ErrorAlert } from '../../web/error-alert.tsx';
import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { PATIENT_STATUSES } from '../criticals.schema.ts';
import { useCriticalAction } from './criticals.api.ts';
import { criticalMessages } from './criticals.i18n.ts';
import { useInbox, type Inbox } from './inbox.api.ts';

type Key = keyof typeof criticalMessages & string;

/**
 * 危急值 banner for every page of the signed-in app: for users who receive critical values it
 * shows each unacknowledged one at once, red, with the patient, item, detail and time, and
 * takes the acknowledgement with read-back. Renders nothing, and calls nothing, for other roles.
 */
export function CriticalInboxBanner() {
  const me = useMe().data;
  const allowed = Boolean(me && mayCall(me.roles, 'GET /api/remote/inbox'));
  if (!allowed || !me) return null;
  return <Banner userId={me.id} />;
}

function Banner({ userId }: { userId: number }) {
  const t = useT(criticalMessages);
  const { notification } = App.useApp();
  const inbox = useInbox(userId, true, (items) => {
    // the clinic's row and the doctor's own row of one critical value make one popup
    const byCritical = new Map(
      items.filter((i) => i.kind === 'critical' || i.kind === 'escalation').map((i) => [i.criticalId ?? i.id, i]),
    );
    for (const n of [...byCritical.values()].slice(-3))
      notification.error({ title: n.title, description: n.body, duration: 0, key: `remote-notice-${n.criticalId}` });
  });
  const open = inbox.data?.unacknowledged ?? [];
  if (!open.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="critical-banner"
      style={{ marginBottom: 12 }}
      title={<Typography.Text strong>{t('bannerTitle')}</Typography.Text>}
      description={
        <Space orientation="vertical" style={{ width: '100%' }}>
          {open.map((c) => (
            <AckCard key={c.id} c={c} />
          ))}
        </Space>
      }
    />
  );
}

function AckCard({ c }: { c: Inbox['unacknowledged'][number] }) {
  const t = useT(criticalMessages);
  const { message } = App.useApp();
  const action = useCriticalAction();
  const [readback, setReadback] = useState('');
  const [patientStatus, setPatientStatus] = useState<(typeof PATIENT_STATUSES)[number]>('present');
  const [missing, setMissing] = useState(false);
  const ack = () => {
    if (readback.trim().length < 2) {
      setMissing(true);
      return;
    }
    action.mutate(
      { url: `/api/remote/criticals/${c.id}/acknowledge`, body: { readback, patientStatus } },
      { onSuccess: () => void message.success(t('acked')) },
    );
  };
  return (
    <Card size="small" data-critical-id={c.id} styles={{ body: { padding: 12 } }}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong style={{ color: '#cf1322' }}>
          {c.residentName ?? c.accession} · {c.itemName}
        </Typography.Text>
        <Typography.Text>{c.detail}</Typography.Text>
        <Typography.Text type="secondary">
          {c.requestingOrgName} · {formatDateTime(c.notifiedAt, { seconds: true })}
        </Typography.Text>
        {action.isError ? <ErrorAlert error={action.error} /> : null}
        <Input
          data-testid="critical-readback"
          aria-label={t('readback')}
          placeholder={t('readbackHint')}
          value={readback}
          maxLength={500}
          status={missing ? 'error' : undefined}
          onChange={(e) => {
            setReadback(e.target.value);
            setMissing(false);
          }}
        />
        {missing ? <Typography.Text type="danger">{t('readbackRequired')}</Typography.Text> : null}
        <Space wrap>
          <Typography.Text>{t('patientStatus')}</Typography.Text>
          <Radio.Group
            value={patientStatus}
            onChange={(e) => setPatientStatus(e.target.value as typeof patientStatus)}
            options={PATIENT_STATUSES.map((s) => ({ value: s, label: t(`patient.${s}` as Key) }))}
          />
          <Button danger type="primary" data-testid="critical-ack" loading={action.isPending} onClick={ack}>
            {t('ack')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
