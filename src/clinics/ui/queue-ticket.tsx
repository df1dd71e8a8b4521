import { formatDateTime } from '../../web/format.ts';
import { useT } from '../../web/i18n.ts';
import { QrCode } from '../../web/kit/qr-code.tsx';
import type { Ticket } from '../queue.schema.ts';
import type { ClinicSession } from '../session.schema.ts';
import { clinicMessages } from './clinics.i18n.ts';

/**
 * 排队小票 (80 mm thermal paper): the number, where to wait, and a QR code of the patient's
 * ticket page, which follows the queue live on their phone. The name is masked: the slip is
 * left on benches and in bins.
 */
export function QueueTicket({ ticket, url, session }: { ticket: Ticket; url: string; session: ClinicSession }) {
  const t = useT(clinicMessages);
  return (
    <div className="oc-ticket" data-testid="queue-ticket">
      <div>
        <b>{session.orgName}</b>
      </div>
      <div>
        {session.departmentName} · {t('roomNo', { room: session.room })}
      </div>
      <hr />
      <div>{t('ticketQueueNo')}</div>
      <div className="oc-ticket-number">{ticket.number}</div>
      <div>{ticket.maskedName}</div>
      {ticket.priorityReason ? <div>（{ticket.priorityReason}）</div> : null}
      <hr />
      <div>
        {session.kind === 'expert' ? t('ticketExpert') : t('ticketDoctor')}
        {session.expertName ?? session.doctorName ?? '—'}
        {session.expertTitle ? ` ${session.expertTitle}` : ''}
      </div>
      <div>{t('ticketCheckedIn', { time: formatDateTime(ticket.checkedInAt) })}</div>
      <div style={{ margin: '6px auto', display: 'flex', justifyContent: 'center' }}>
        <QrCode text={url} size={140} label={t('ticketQrLabel')} />
      </div>
      <div>{t('ticketScan')}</div>
      <div>{t('ticketListen')}</div>
    </div>
  );
}
