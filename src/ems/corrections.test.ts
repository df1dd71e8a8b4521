import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { dispatched, emsWorld, type EmsWorld } from './ems-test-kit.ts';

/**
 * 更正时间节点 (issue 13): a milestone time corrected with a reason keeps its history and moves
 * the intervals; the order rule still holds; a stale view loses; the crew's times are evidence;
 * a hospital corrects only its own milestones of the patients coming to it; the history cannot
 * be rewritten, not even by the database owner.
 */
let clock = new Date('2026-11-20T02:00:00Z');
let env: TestEnv;
let w: EmsWorld;
beforeAll(async () => {
  env = await createTestEnv({ now: () => clock });
  w = await emsWorld(env);
});
afterAll(async () => {
  await env?.close();
});
const owner = async (q: string) => (await env.asOwner(q))[0];

interface Detail {
  status: string;
  intervals: Array<{ key: string; minutes: number; met: boolean }>;
  events: Array<{ milestone: string; at: string; corrections: number; mayCorrect: boolean }>;
}

/** the hand-built chest-pain case of ems.test.ts: door at +27, wire at +54 (D2W 27, FMC2W 45), completed */
async function handBuilt(vehicleId = w.v1) {
  const t0 = clock.getTime();
  const at = (min: number) => new Date(t0 + min * 60_000).toISOString();
  const m = await dispatched(w, clock, vehicleId);
  clock = new Date(t0 + 70 * 60_000);
  const stepper = vehicleId === w.v1 ? w.crew : w.dispatcher;
  for (const [action, minute] of [
    ['depart', 1],
    ['arrive_scene', 9],
    ['leave_scene', 16],
    ['arrive_hospital', 27],
  ] as const) {
    const r = await stepper.post(`/api/ems/missions/${m.id}/step`, { clientId: randomUUID(), action, at: at(minute) });
    expect(r.statusCode, r.body).toBe(200);
  }
  const wire = await w.countyDoctor.post(`/api/ems/missions/${m.id}/events`, {
    clientId: randomUUID(),
    milestone: 'wire',
    at: at(54),
    source: 'backfill',
  });
  expect(wire.statusCode, wire.body).toBe(201);
  const done = await stepper.post(`/api/ems/missions/${m.id}/step`, {
    clientId: randomUUID(),
    action: 'clear',
    at: at(60),
  });
  expect(done.statusCode, done.body).toBe(200);
  await stepper.post(`/api/ems/vehicles/${vehicleId}/status`, { action: 'back_in_station' });
  return { id: m.id, at };
}

const detail = async (id: number, c = w.dispatcher) => (await c.get(`/api/ems/missions/${id}`)).json<Detail>();
const eventAt = (d: Detail, ms: string) => d.events.find((e) => e.milestone === ms);
const interval = (d: Detail, k: string) => d.intervals.find((i) => i.key === k)?.minutes;
/** the month's median door-to-wire on 急救统计 (read live from db/views) */
const d2wFigure = async () =>
  (await w.dispatcher.get('/api/ems/figures?from=2026-11&to=2026-11'))
    .json<{ figures: Array<{ key: string; value: number | null }> }>()
    .figures.find((f) => f.key === 'door_to_wire_p50')?.value;
const historyRows = async (id: number) =>
  (await owner(`SELECT count(*)::int AS n FROM ems_event_corrections WHERE mission_id = ${id}`)) as { n: number };

describe('correcting a milestone time', () => {
  it('on a completed mission: the wire time moves +3 min, D2W 27 → 30, the history keeps old, new, who and why', async () => {
    const { id, at } = await handBuilt();
    const before = await detail(id);
    expect(before.status).toBe('completed');
    expect(interval(before, 'door_to_wire')).toBe(27);
    expect(eventAt(before, 'wire')).toMatchObject({ corrections: 0, mayCorrect: true });
    expect(await d2wFigure()).toBe(27);

    const res = await w.countyDoctor.post(`/api/ems/missions/${id}/events/wire/correct`, {
      at: at(57),
      reason: '导管室记录核对，导丝通过时间晚 3 分钟',
      expectedAt: at(54),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ milestone: 'wire', oldAt: at(54), at: at(57), corrections: 1 });

    const after = await detail(id);
    expect(interval(after, 'door_to_wire')).toBe(30);
    expect(interval(after, 'fmc_to_wire')).toBe(48);
    expect(await d2wFigure()).toBe(30);
    expect(eventAt(after, 'wire')).toMatchObject({ at: at(57), corrections: 1 });
    expect(eventAt(after, 'door')).toMatchObject({ corrections: 0 });

    const history = await w.dispatcher.get(`/api/ems/missions/${id}/corrections`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json()).toEqual([
      expect.objectContaining({
        milestone: 'wire',
        label: '导丝通过',
        oldAt: at(54),
        newAt: at(57),
        oldSource: 'backfill',
        reason: '导管室记录核对，导丝通过时间晚 3 分钟',
        correctedAt: clock.toISOString(),
        correctedBy: expect.any(String),
      }),
    ]);
    expect(
      await owner(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'ems.event.correct' AND resource_id = '${id}'`,
      ),
    ).toEqual({ n: 1 });

    // a second correction, by the dispatch centre, counts and is listed first
    const again = await w.dispatcher.post(`/api/ems/missions/${id}/events/wire/correct`, {
      at: at(56),
      reason: '与心电监护时间核对',
      expectedAt: at(57),
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(eventAt(await detail(id), 'wire')).toMatchObject({ at: at(56), corrections: 2 });
    const list = (await w.countyDoctor.get(`/api/ems/missions/${id}/corrections`)).json<Array<{ newAt: string }>>();
    expect(list.map((c) => c.newAt)).toEqual([at(56), at(57)]);
  });

  it('a correction breaking the order: 422 with the database sentence, nothing changed, no history row', async () => {
    const { id, at } = await handBuilt();
    const res = await w.countyDoctor.post(`/api/ems/missions/${id}/events/wire/correct`, {
      at: at(20),
      reason: '误操作测试',
      expectedAt: at(54),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('EVENT_ORDER');
    expect(res.json().message).toMatch(/时间顺序不合理：「导丝通过」.*不能早于「到达医院大门」/);
    expect(eventAt(await detail(id), 'wire')).toMatchObject({ at: at(54), corrections: 0 });
    expect(await historyRows(id)).toEqual({ n: 0 });
  });

  it('a stale view (409), the same time (422), no reason (400) and a future time are refused; nothing is written', async () => {
    const { id, at } = await handBuilt();
    const post = (body: Record<string, unknown>) =>
      w.dispatcher.post(`/api/ems/missions/${id}/events/door/correct`, body);
    const stale = await post({ at: at(26), reason: '核对大门监控', expectedAt: at(28) });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'CORRECTION_STALE', message: '该时间已被他人更正，请刷新' });
    const same = await post({ at: at(27), reason: '核对大门监控', expectedAt: at(27) });
    expect(same.statusCode).toBe(422);
    expect(same.json().code).toBe('CORRECTION_UNCHANGED');
    const noReason = await post({ at: at(26), expectedAt: at(27) });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().message).toMatch(/更正原因/);
    const short = await post({ at: at(26), reason: ' 改 ', expectedAt: at(27) });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toMatch(/至少 2 个字/);
    const future = await post({
      at: new Date(clock.getTime() + 3600_000).toISOString(),
      reason: '测试',
      expectedAt: at(27),
    });
    expect(future.statusCode).toBe(422);
    const missing = await w.dispatcher.post(`/api/ems/missions/${id}/events/needle/correct`, {
      at: at(40),
      reason: '核对',
      expectedAt: at(41),
    });
    expect(missing.statusCode).toBe(404);
    expect(eventAt(await detail(id), 'door')).toMatchObject({ at: at(27), corrections: 0 });
    expect(await historyRows(id)).toEqual({ n: 0 });
  });

  it('who: the crew never; a hospital only its own milestones of its patients; the dispatch centre any', async () => {
    const { id, at } = await handBuilt();
    const body = (from: number, to: number) => ({ at: at(to), reason: '核对记录', expectedAt: at(from) });
    const crew = await w.crew.post(`/api/ems/missions/${id}/events/on_scene/correct`, body(9, 10));
    expect(crew.statusCode).toBe(403);
    // the crew may still read the history of its own mission
    expect((await w.crew.get(`/api/ems/missions/${id}/corrections`)).statusCode).toBe(200);

    const answered = (await detail(id)).events.find((e) => e.milestone === 'call_answered');
    const doctorView = await detail(id, w.countyDoctor);
    expect(eventAt(doctorView, 'call_answered')?.mayCorrect).toBe(false);
    expect(eventAt(doctorView, 'door')?.mayCorrect).toBe(true);
    const callAnswered = await w.countyDoctor.post(`/api/ems/missions/${id}/events/call_answered/correct`, {
      at: new Date(Date.parse(answered?.at ?? '') - 2000).toISOString(),
      reason: '核对录音时间',
      expectedAt: answered?.at,
    });
    expect(callAnswered.statusCode).toBe(403);
    expect(callAnswered.json().message).toMatch(/调度中心/);

    // a township that neither sent nor receives this mission does not see it
    expect((await w.townshipDoctor.post(`/api/ems/missions/${id}/events/door/correct`, body(27, 26))).statusCode).toBe(
      404,
    );
    // the dispatch centre corrects a call time
    const byDispatch = await w.dispatcher.post(`/api/ems/missions/${id}/events/call_answered/correct`, {
      at: new Date(Date.parse(answered?.at ?? '') - 2000).toISOString(),
      reason: '核对录音时间',
      expectedAt: answered?.at,
    });
    expect(byDispatch.statusCode, byDispatch.body).toBe(200);
    expect(eventAt(await detail(id), 'on_scene')).toMatchObject({ at: at(9), corrections: 0 });
  });

  it("a township's ambulance taking a patient to the county hospital: the township sees it but may not correct it", async () => {
    const { id, at } = await handBuilt(w.v3);
    const seen = await w.townshipDoctor.get(`/api/ems/missions/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<Detail>().events.every((e) => !e.mayCorrect)).toBe(true);
    const res = await w.townshipDoctor.post(`/api/ems/missions/${id}/events/door/correct`, {
      at: at(26),
      reason: '核对记录',
      expectedAt: at(27),
    });
    expect(res.statusCode).toBe(404);
    expect(await historyRows(id)).toEqual({ n: 0 });
  });

  it('the history is append-only, even for the database owner', async () => {
    const { id, at } = await handBuilt();
    const ok = await w.dispatcher.post(`/api/ems/missions/${id}/events/departed/correct`, {
      at: at(2),
      reason: '车载记录仪核对',
      expectedAt: at(1),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    await expect(
      env.asOwner(`UPDATE ems_event_corrections SET reason = '改写' WHERE mission_id = ${id}`),
    ).rejects.toThrow(/不可修改或删除/);
    await expect(env.asOwner(`DELETE FROM ems_event_corrections WHERE mission_id = ${id}`)).rejects.toThrow(
      /不可修改或删除/,
    );
    expect(await owner(`SELECT reason FROM ems_event_corrections WHERE mission_id = ${id}`)).toEqual({
      reason: '车载记录仪核对',
    });
  });
});
