import { randomUUID } from 'node:crypto';
import type { Client, TestEnv } from '../platform/test-helpers.ts';
import { addDays, shanghaiDate } from './clinic-time.ts';

/** Shared set-up for the clinics tests: places, residents, and sessions with shifted clocks. */
export interface Place {
  orgId: number;
  departmentId: number;
}

export async function place(env: TestEnv, deptCode = 'neurology'): Promise<Place> {
  const [row] = await env.asOwner(`SELECT d.id, d.org_id FROM departments d JOIN orgs o ON o.id = d.org_id
    WHERE d.code = '${deptCode}' AND o.kind = 'county_hospital' AND o.county_id = ${env.countyId} ORDER BY o.id LIMIT 1`);
  return { orgId: Number(row.org_id), departmentId: Number(row.id) };
}

export async function residentIds(env: TestEnv, n: number, offset = 0): Promise<number[]> {
  const rows = await env.asOwner(
    `SELECT id FROM residents WHERE county_id = ${env.countyId} AND deceased_on IS NULL ORDER BY id LIMIT ${n} OFFSET ${offset}`,
  );
  return rows.map((r) => Number(r.id));
}

let expertSerial = 0;
export async function createExpert(coordinator: Client, extra: Record<string, unknown> = {}): Promise<number> {
  expertSerial++;
  const res = await coordinator.post('/api/experts', {
    name: `赵${'一二三四五六七八九十'[expertSerial % 10]}平`,
    title: '主任医师',
    homeHospital: '山西白求恩医院',
    hospitalLevel: 'provincial',
    speciality: '神经内科',
    nativePlace: '介休市宋古乡',
    allianceMember: true,
    mobile: '13900001111',
    ...extra,
  });
  if (res.statusCode !== 201) throw new Error(`expert: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

let roomSerial = 0;
/**
 * A published session about `daysAhead` days from today (Shanghai). Each call gets its own
 * room and hour (06:00–19:00, spilling over to following days), so one expert can be
 * planned many times without clashing.
 */
export async function createSession(
  coordinator: Client,
  p: Place,
  expertId: number | null,
  opts: {
    daysAhead?: number;
    slots?: number;
    capacityPerSlot?: number;
    heldPerSlot?: number;
    slotMinutes?: number;
    kind?: 'expert' | 'ordinary';
    sessionType?: string;
  } = {},
) {
  roomSerial++;
  const slotMinutes = opts.slotMinutes ?? 10;
  const slots = opts.slots ?? 3;
  const start = (6 + (roomSerial % 14)) * 60;
  const end = start + slotMinutes * slots;
  const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const res = await coordinator.post('/api/clinic-sessions', {
    kind: opts.kind ?? 'expert',
    sessionType: opts.sessionType ?? 'clinic',
    ...(expertId ? { expertId } : { doctorName: '王医生' }),
    orgId: p.orgId,
    departmentId: p.departmentId,
    room: `${roomSerial}`,
    date: addDays(shanghaiDate(new Date()), (opts.daysAhead ?? 3) + (Math.floor(roomSerial / 14) % 2)),
    startTime: clock(start),
    endTime: clock(end),
    slotMinutes,
    capacityPerSlot: opts.capacityPerSlot ?? 1,
    heldPerSlot: opts.heldPerSlot ?? 0,
  });
  if (res.statusCode !== 201) throw new Error(`session: ${res.statusCode} ${res.body}`);
  return res.json<{
    id: number;
    status: string;
    capacity: number;
    date: string;
    slots: Array<{ id: number; startsAt: string; free: number }>;
  }>();
}

/**
 * The fake clock: moves a session (its slots, release and hold times) by an interval, e.g.
 * '-3 days' brings a session planned for three days ahead to today.
 */
export async function shiftSession(env: TestEnv, sessionId: number, interval: string) {
  await env.asOwner(`UPDATE clinic_sessions SET starts_at = starts_at + interval '${interval}', ends_at = ends_at + interval '${interval}',
    session_date = (session_date + interval '${interval}')::date, release_at = release_at + interval '${interval}', hold_until = hold_until + interval '${interval}' WHERE id = ${sessionId}`);
  await env.asOwner(`UPDATE clinic_slots SET starts_at = starts_at + interval '${interval}', ends_at = ends_at + interval '${interval}',
    hold_until = hold_until + interval '${interval}' WHERE session_id = ${sessionId}`);
}

export const key = () => randomUUID();

export function bookAs(client: Client, body: Record<string, unknown>, idem: string = key()) {
  return client.post('/api/clinic-bookings', body, { 'idempotency-key': idem });
}
