import { STATUS_LABELS, URGENCY_LABELS, type ReferralStatus, type Urgency } from '../referral.states.ts';

export const STATUS_COLORS: Record<ReferralStatus, string> = {
  draft: 'default',
  submitted: 'blue',
  accepted: 'cyan',
  rejected: 'red',
  redirected: 'purple',
  arrived: 'geekblue',
  completed: 'green',
  down_referred: 'lime',
  closed: 'success',
  cancelled: 'default',
  expired: 'orange',
};
export const URGENCY_COLORS: Record<Urgency, string> = { emergency: 'red', urgent: 'orange', routine: 'default' };
export const statusLabel = (s: ReferralStatus) => STATUS_LABELS[s];
export const urgencyLabel = (u: Urgency) => URGENCY_LABELS[u];

/** "还剩 12 分" / "超时 5 分" against the server's clock. */
export function countdown(deadlineAt: string | null, serverNow: number): { text: string; overdue: boolean } | null {
  if (!deadlineAt) return null;
  const ms = new Date(deadlineAt).getTime() - serverNow;
  const mins = Math.round(Math.abs(ms) / 60_000);
  const span =
    mins >= 1440
      ? `${Math.floor(mins / 1440)} 天 ${Math.floor((mins % 1440) / 60)} 时`
      : mins >= 60
        ? `${Math.floor(mins / 60)} 时 ${mins % 60} 分`
        : `${mins} 分`;
  return ms >= 0 ? { text: `还剩 ${span}`, overdue: false } : { text: `超时 ${span}`, overdue: true };
}
