/**
 * Calendar days in the county's time zone. A "today", a birthday or a date range is a day on
 * the Asia/Shanghai wall clock, never the server's (UTC) date: from 00:00 to 08:00 Shanghai
 * time the two differ by a day, and at New Year by a year. China has had no daylight-saving
 * time since 1991, so the offset is a constant +08:00 and no time-zone database is needed.
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** the Shanghai calendar date of an instant, 'YYYY-MM-DD' */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** today in Shanghai, 'YYYY-MM-DD' (`now` is injectable for tests) */
export const todayInShanghai = (now: Date = new Date()): string => shanghaiDate(now);

/** '2028-02-29' + 1 → '2028-03-01' */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** whole years between a birth date and a day, both 'YYYY-MM-DD' (born 29 Feb: a year older on 1 Mar) */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
