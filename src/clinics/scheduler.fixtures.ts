import type { Client, TestEnv } from '../platform/test-helpers.ts';
import { bookAs, createExpert, createSession, place, type Place } from './clinics.fixtures.ts';
import { setMessageChannel, type MessageChannel } from './notify.ts';

/**
 * A gateway the test steers: it fails while `down`, can be slow (so two schedulers overlap
 * inside one send), and records every text it accepted.
 */
export class ScriptedChannel implements MessageChannel {
  readonly name = 'scripted';
  down = false;
  delayMs = 0;
  calls = 0;
  readonly sent: Array<{ mobile: string; text: string }> = [];
  async send(mobile: string, text: string): Promise<void> {
    this.calls++;
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.down) throw new Error('短信网关无响应（测试）');
    this.sent.push({ mobile, text });
  }
}

/** Residents who have a mobile number, so their messages can be sent at all. */
export async function residentsWithMobile(env: TestEnv, n: number, offset = 0): Promise<number[]> {
  const rows =
    await env.asOwner(`SELECT id FROM residents WHERE county_id = ${env.countyId} AND deceased_on IS NULL AND mobile IS NOT NULL
    ORDER BY id LIMIT ${n} OFFSET ${offset}`);
  return rows.map((r) => Number(r.id));
}

/**
 * A session whose ordinary places are all booked and whose held places (三优先) are still
 * free, with `waiters` on its waitlist in this order: the situation at the end of the hold.
 */
export async function heldSessionWithWaitlist(
  desk: Client,
  where: Place,
  expertId: number,
  o: { held: number; booker: number; waiters: number[] },
) {
  const s = await createSession(desk, where, expertId, { slots: 1, capacityPerSlot: o.held + 1, heldPerSlot: o.held });
  const b = await bookAs(desk, { sessionId: s.id, residentId: o.booker });
  if (b.statusCode !== 201) throw new Error(`book: ${b.statusCode} ${b.body}`);
  for (const r of o.waiters) {
    const w = await desk.post('/api/clinic-waitlist', { sessionId: s.id, residentId: r });
    if (w.statusCode !== 201) throw new Error(`waitlist: ${w.statusCode} ${w.body}`);
  }
  return s;
}

/** The fake clock for holds: the session's hold ended a minute ago (by the database clock, which slotOpen reads). */
export async function endHold(env: TestEnv, sessionId: number) {
  await env.asOwner(`UPDATE clinic_sessions SET hold_until = now() - interval '1 minute' WHERE id = ${sessionId}`);
  await env.asOwner(`UPDATE clinic_slots SET hold_until = now() - interval '1 minute' WHERE session_id = ${sessionId}`);
}

export const later = (ms: number, from = new Date()) => new Date(from.getTime() + ms);

export interface SchedulerWorld {
  desk: Client;
  where: Place;
  expertId: number;
  people: number[];
  channel: ScriptedChannel;
}

/**
 * A coordinator's desk (plans expert sessions, books for residents), an expert, residents
 * with a mobile number, and the steered gateway in place of the SMS channel.
 */
export async function schedulerWorld(env: TestEnv, residents: number): Promise<SchedulerWorld> {
  const channel = new ScriptedChannel();
  setMessageChannel(channel);
  const desk = await env.login('coordinator');
  return {
    desk,
    where: await place(env),
    expertId: await createExpert(desk),
    people: await residentsWithMobile(env, residents),
    channel,
  };
}
