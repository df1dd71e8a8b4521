import type { Lang } from './i18n.ts';

/**
 * The one place numbers, money and times are turned into text. Times are stored as
 * timestamptz and always shown in county time (Asia/Shanghai, UTC+8 all year: China has no
 * daylight saving), whatever the PC's own zone, as `2026-03-01 08:30`. Money is integer fen in
 * the API and shown as `¥1,234.50`. Due dates are calendar dates (`YYYY-MM-DD`) and are shown
 * as they are.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** `YYYY-MM-DDTHH:mm:ss` of the instant on a Shanghai wall clock, or null for no/invalid input */
function shanghaiIso(value: string | number | Date | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  const t = d.getTime();
  return Number.isNaN(t) ? null : new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19);
}

/** `2026-03-01 08:30` (with `seconds`: `2026-03-01 08:30:05`); `—` when empty */
export function formatDateTime(
  iso: string | number | Date | null | undefined,
  opts: { seconds?: boolean } = {},
): string {
  const s = shanghaiIso(iso);
  return s ? `${s.slice(0, 10)} ${s.slice(11, opts.seconds ? 19 : 16)}` : '—';
}

/** The county calendar day of an instant, or a `YYYY-MM-DD` date as it is; `—` when empty */
export function formatDate(value: string | number | Date | null | undefined): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return shanghaiIso(value)?.slice(0, 10) ?? '—';
}

/** `08:30` on the county clock */
export function formatClock(iso: string | number | Date | null | undefined): string {
  return shanghaiIso(iso)?.slice(11, 16) ?? '—';
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** `3月1日 08:30` / `1 Mar 08:30`: for phone screens and tickets, where the year is obvious */
export function formatDayClock(iso: string | number | Date, lang: Lang = 'zh'): string {
  const s = shanghaiIso(iso);
  if (!s) return '—';
  const [month, day] = [Number(s.slice(5, 7)), Number(s.slice(8, 10))];
  return lang === 'zh' ? `${month}月${day}日 ${s.slice(11, 16)}` : `${day} ${MONTHS_EN[month - 1]} ${s.slice(11, 16)}`;
}

/** Today in the county, `YYYY-MM-DD` */
export const todayShanghai = (): string => (shanghaiIso(Date.now()) ?? '').slice(0, 10);

/** `YYYY-MM-DD` plus whole days (calendar arithmetic, no time zone involved) */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** @deprecated the language no longer changes the format; kept for pages not yet moved to formatDateTime */
export function formatTime(iso: string | null | undefined, _lang?: Lang): string {
  return formatDateTime(iso, { seconds: true });
}

const MONEY = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** `¥1,234.50` from integer fen; `—` for null (no amount) */
export function formatMoney(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : `¥${MONEY.format(fen / 100)}`;
}

const COUNT = new Intl.NumberFormat('zh-CN');
/** `12,345` */
export const formatCount = (n: number | null | undefined): string => (n == null ? '—' : COUNT.format(n));

/**
 * Money is integer fen in the API; forms take yuan. Rounding to whole fen here keeps a typed
 * 12.345 from reaching the server as a fraction it would refuse. null stays null (cleared).
 */
export const yuanToFen = (yuan: number | null | undefined): number | null =>
  yuan == null ? null : Math.round(yuan * 100);
export const fenToYuan = (fen: number): number => fen / 100;
