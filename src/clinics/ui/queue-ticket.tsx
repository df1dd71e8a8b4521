import { formatDateTime } from '../../web/format.ts';
import { QrCode } from '../../web/kit/qr-code.tsx';
import type { Ticket } from '../queue.schema.ts';
import type { ClinicSession } from '../session.schema.ts';

/**
 * 排队小票 (80 mm thermal paper): the number, where to wait, and a QR code of the patient's
 * ticket page, which follows the queue live on their phone. The name is masked: the slip is
 * left on benches and in bins.
 */
export function QueueTicket({ ticket, url, session }: { ticket: Ticket; url: string; session: ClinicSession }) {
  return (
    <div className="oc-ticket" data-testid="queue-ticket">
      <div>
        <b>{session.orgName}</b>
      </div>
      <div>
        {session.departmentName} · {session.room}诊室
      </div>
      <hr />
      <div>排队号</div>
      <div className="oc-ticket-number">{ticket.number}</div>
      <div>{ticket.maskedName}</div>
      {ticket.priorityReason ? <div>（{ticket.priorityReason}）</div> : null}
      <hr />
      <div>
        {session.kind === 'expert' ? '专家' : '医生'}：{session.expertName ?? session.doctorName ?? '—'}
        {session.expertTitle ? ` ${session.expertTitle}` : ''}
      </div>
      <div>签到时间：{formatDateTime(ticket.checkedInAt)}</div>
      <div style={{ margin: '6px auto', display: 'flex', justifyContent: 'center' }}>
        <QrCode text={url} size={140} label="扫码查看排队进度" />
      </div>
      <div>微信或手机浏览器扫码，实时查看排队进度</div>
      <div>请留意叫号屏与语音叫号，过号请到分诊台</div>
    </div>
  );
}
