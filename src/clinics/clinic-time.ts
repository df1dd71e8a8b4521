/**
 * Clinic times are stored as timestamptz and shown on the Asia/Shanghai wall clock. China
 * has had no daylight-saving time since 1991, so the offset is a constant +08:00 and no
 * time-zone database is needed (PGlite and browsers agree). Calendar days (shanghaiDate,
 * addDays, ageOn) are the platform's, shared with residents and referrals.
 */
import { SHANGHAI_OFFSET_MS as OFFSET_MS } from '../platform/calendar.ts';

export { addDays, ageOn, shanghaiDate } from '../platform/calendar.ts';

/** '2026-06-03' + '08:30' (Shanghai) → the instant */
export function shanghaiInstant(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** 'HH:MM' on the Shanghai clock */
export function shanghaiClock(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(11, 16);
}

/** '6月3日 08:30' for messages */
export function shanghaiLabel(at: Date): string {
  const s = new Date(at.getTime() + OFFSET_MS).toISOString();
  return `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 16)}`;
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
