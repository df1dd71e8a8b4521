import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Card, Result, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { useLang, useT } from '../../web/i18n.ts';
import { LangSwitch, useLangFromLink } from '../../web/lang-switch.tsx';
import { ticketStatus } from '../queue.schema.ts';
import { clock } from './clinics.i18n.ts';
import { publicFetch } from './public-api.ts';
import { publicErrorMessage, publicMessages, roomLabel } from './public.i18n.ts';

/** while the live stream is down (a proxy that buffers, a flaky phone signal) the page still moves */
const FALLBACK_POLL_MS = 30_000;

/**
 * The ticket's own view pushed over SSE on every queue change. EventSource reconnects by
 * itself and the server sends the current view on each connect, so nothing is missed.
 */
function useLiveTicket(token: string) {
  const qc = useQueryClient();
  const [live, setLive] = useState(false);
  const query = useQuery({
    queryKey: ['ticket', token],
    queryFn: () => publicFetch(`/api/queue-ticket?token=${encodeURIComponent(token)}`, ticketStatus),
    refetchInterval: live ? false : FALLBACK_POLL_MS,
  });
  useEffect(() => {
    const es = new EventSource(`/api/queue-ticket/stream?token=${encodeURIComponent(token)}`);
    es.onopen = () => setLive(true);
    es.onerror = () => setLive(false);
    es.addEventListener('clinic.ticket', (ev: MessageEvent<string>) => {
      const parsed = ticketStatus.safeParse(JSON.parse(ev.data));
      if (parsed.success) qc.setQueryData(['ticket', token], parsed.data);
    });
    return () => es.close();
  }, [token, qc]);
  return { ...query, live };
}

/** The patient's phone page (from the check-in slip): place in the queue and estimated wait, live. */
export function TicketPage() {
  useLangFromLink();
  const t = useT(publicMessages);
  const lang = useLang();
  const token = useParams().token ?? '';
  const q = useLiveTicket(token);
  const tk = q.data;
  const header = (
    <div style={{ textAlign: 'right', marginBottom: 8 }}>
      <LangSwitch />
    </div>
  );
  if (q.isError && !tk)
    return (
      <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>
        {header}
        <Result status="warning" title={t('ticketUnavailable')} subTitle={publicErrorMessage(q.error, lang)} />
      </div>
    );
  if (!tk) return null;
  return (
    <div style={{ maxWidth: 480, margin: '0 auto', padding: 16 }}>
      {header}
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {tk.orgName} · {tk.departmentName}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {tk.doctor} · {roomLabel(tk.room, lang)} · {t('opensAt', { time: clock(tk.sessionStartsAt) })}
        </Typography.Paragraph>
        <Statistic
          title={t('yourNumber', { name: tk.maskedName })}
          value={t('number', { n: tk.number })}
          styles={{ content: { fontSize: 48 } }}
        />
        <Typography.Title level={3} data-testid="ticket-status" type={tk.status === 'called' ? 'danger' : undefined}>
          {t(`ticket.${tk.status}`)}
        </Typography.Title>
        {tk.status === 'waiting' ? (
          <>
            <Statistic title={t('ahead')} value={tk.position ?? 0} suffix={t('people')} data-testid="ticket-position" />
            <Statistic title={t('wait')} value={tk.estimatedWaitMinutes ?? 0} suffix={t('minutes')} />
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t('estimateNote', { m: tk.minutesPerPatient })}
            </Typography.Paragraph>
          </>
        ) : null}
        <Typography.Paragraph>
          {t('nowCalling', { n: tk.currentNumber === null ? '—' : t('number', { n: tk.currentNumber }) })}
        </Typography.Paragraph>
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12, color: q.live ? '#389e0d' : '#d48806' }}
          data-testid="ticket-live"
        >
          {q.live ? t('live') : t('polling')}
        </Typography.Text>
      </Card>
    </div>
  );
}
