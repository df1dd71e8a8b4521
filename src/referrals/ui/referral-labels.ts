import { translate, type Lang } from '../../web/i18n.ts';
import type { ReferralStatus, Urgency } from '../referral.states.ts';
import { referralStatusText, referralWords, urgencyText } from './referrals.i18n.ts';

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
export const statusLabel = (s: ReferralStatus, lang: Lang = 'zh') => referralStatusText(s, lang);
export const urgencyLabel = (u: Urgency, lang: Lang = 'zh') => urgencyText(u, lang);

/** "还剩 12 分" / "超时 5 分" (or "12 min left" / "Overdue by 5 min") against the server's clock. */
export function countdown(
  deadlineAt: string | null,
  serverNow: number,
  lang: Lang = 'zh',
): { text: string; overdue: boolean } | null {
  if (!deadlineAt) return null;
  const w = (key: keyof typeof referralWords & string, vars: Record<string, string | number>) =>
    translate(referralWords, lang, key, vars);
  const ms = new Date(deadlineAt).getTime() - serverNow;
  const mins = Math.round(Math.abs(ms) / 60_000);
  const span =
    mins >= 1440
      ? w('spanDays', { d: Math.floor(mins / 1440), h: Math.floor((mins % 1440) / 60) })
      : mins >= 60
        ? w('spanHours', { h: Math.floor(mins / 60), m: mins % 60 })
        : w('spanMinutes', { m: mins });
  return ms >= 0 ? { text: w('left', { span }), overdue: false } : { text: w('overdue', { span }), overdue: true };
}
