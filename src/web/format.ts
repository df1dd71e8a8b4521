import type { Lang } from './i18n.ts';

/** Times are stored as timestamptz and always shown in county time, whatever the PC's zone. */
export function formatTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(d);
}

/**
 * Money is integer fen in the API; forms take yuan. Rounding to whole fen here keeps a typed
 * 12.345 from reaching the server as a fraction it would refuse. null stays null (cleared).
 */
export const yuanToFen = (yuan: number | null | undefined): number | null =>
  yuan == null ? null : Math.round(yuan * 100);
export const fenToYuan = (fen: number): number => fen / 100;
