import { describe, expect, it } from 'vitest';
import { nextStep, sideStep, statusAfter } from './crew-steps.ts';
import {
  BACKOFF_MAX_MS,
  backoffMs,
  classify,
  newClientId,
  Outbox,
  pendingSteps,
  type NewEntry,
  type OutboxEntry,
  type OutboxStorage,
  type SendOutcome,
} from './outbox.ts';

class MemoryStorage implements OutboxStorage {
  data = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new Error('QuotaExceededError');
    this.data.set(key, value);
  }
}

const KEY = 'onecounty.ems.outbox.7';

function entry(n: number, kind: NewEntry['kind'] = 'observation', what = 'vitals'): NewEntry {
  const clientId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    missionId: 5,
    kind,
    what,
    url: `/api/ems/missions/5/${kind === 'step' ? 'step' : 'observations'}`,
    body: { clientId, n },
    deviceAt: `2026-03-01T08:${String(n).padStart(2, '0')}:00.000Z`,
  };
}

/** A server whose answers are scripted per call; records what reached it. */
function server(answers: Array<SendOutcome | 'throw'>) {
  const seen: string[] = [];
  const send = (e: OutboxEntry): Promise<SendOutcome> => {
    seen.push(e.clientId);
    const a = answers.shift() ?? { ok: true, data: null };
    return a === 'throw' ? Promise.reject(new Error('Failed to fetch')) : Promise.resolve(a);
  };
  return { seen, send };
}

const ok: SendOutcome = { ok: true, data: { id: 1 } };
const down: SendOutcome = { ok: false, status: 0, code: 'NETWORK', message: '网络连接失败' };
const err = (status: number, code = `HTTP_${status}`, message = '被拒绝'): SendOutcome => ({
  ok: false,
  status,
  code,
  message,
});

describe('classify and backoff', () => {
  it('acknowledges 2xx, drops what a resend cannot change, retries the rest', () => {
    expect([200, 201, 204].map(classify)).toEqual(['done', 'done', 'done']);
    expect([409, 422, 400, 403, 404, 413].map(classify)).toEqual(Array(6).fill('rejected'));
    expect([0, 401, 408, 429, 500, 502, 503].map(classify)).toEqual(Array(7).fill('retry'));
  });

  it('doubles the pause from 2 s up to a minute, within ±20 %', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 30].map((n) => backoffMs(n, mid))).toEqual([
      2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ]);
    expect(backoffMs(1, () => 0)).toBe(1600);
    expect(backoffMs(1, () => 1)).toBe(2400);
    expect(backoffMs(40, () => 1)).toBe(BACKOFF_MAX_MS * 1.2);
  });

  it('makes v4 uuids', () => {
    const ids = new Set(Array.from({ length: 50 }, newClientId));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('Outbox', () => {
  it('keeps an entry in storage before sending, and a new page finds it there', () => {
    const storage = new MemoryStorage();
    const box = new Outbox({ storage, key: KEY, send: server([]).send, now: () => 1000 });
    box.add(entry(1));
    box.add(entry(1)); // the same clientId twice is one entry
    expect(box.entries()).toHaveLength(1);
    const again = new Outbox({ storage, key: KEY, send: server([]).send });
    expect(again.entries().map((e) => e.body)).toEqual([entry(1).body]);
    expect(again.entries()[0]).toMatchObject({ deviceAt: entry(1).deviceAt, attempts: 0, missionId: 5 });
    // another person's outbox on the same phone is separate
    expect(new Outbox({ storage, key: 'onecounty.ems.outbox.8', send: server([]).send }).entries()).toEqual([]);
  });

  it('sends oldest first and removes what the server acknowledged', async () => {
    const storage = new MemoryStorage();
    const srv = server([ok, ok, ok]);
    const acked: string[] = [];
    const box = new Outbox({ storage, key: KEY, send: srv.send, onAck: (e) => acked.push(e.clientId) });
    [1, 2, 3].forEach((n) => box.add(entry(n)));
    expect(await box.flush()).toEqual({ sent: 3, rejected: 0, left: 0 });
    expect(srv.seen).toEqual([1, 2, 3].map((n) => entry(n).body.clientId));
    expect(acked).toEqual(srv.seen);
    expect(JSON.parse(storage.getItem(KEY)!).entries).toEqual([]);
  });

  it('on no answer keeps the entry, holds back those behind it, and waits longer each time', async () => {
    let now = 10_000;
    const srv = server([down, 'throw', err(503), ok, ok]);
    const box = new Outbox({
      storage: new MemoryStorage(),
      key: KEY,
      send: srv.send,
      now: () => now,
      random: () => 0.5,
    });
    box.add(entry(1, 'step', 'depart'));
    box.add(entry(2, 'step', 'arrive_scene'));

    expect(await box.flush()).toEqual({ sent: 0, rejected: 0, left: 2 });
    expect(srv.seen).toHaveLength(1); // 到达现场 did not overtake 出车
    expect(box.entries()[0]).toMatchObject({ attempts: 1, nextAttemptAt: 12_000, lastError: '网络连接失败' });

    // not due yet: nothing is sent
    now = 11_999;
    await box.flush();
    expect(srv.seen).toHaveLength(1);

    now = 12_000;
    await box.flush(); // a thrown fetch counts as no answer
    expect(box.entries()[0]).toMatchObject({ attempts: 2, nextAttemptAt: 16_000, lastError: 'Failed to fetch' });

    now = 16_000;
    await box.flush(); // 503
    expect(box.entries()[0]).toMatchObject({ attempts: 3, nextAttemptAt: 24_000 });

    now = 24_000;
    expect(await box.flush()).toEqual({ sent: 2, rejected: 0, left: 0 });
    expect(srv.seen.slice(-2)).toEqual([entry(1).body.clientId, entry(2).body.clientId]);
  });

  it('a forced flush (back online, 立即重发) ignores the pause', async () => {
    const srv = server([down, ok]);
    const box = new Outbox({ storage: new MemoryStorage(), key: KEY, send: srv.send, now: () => 0 });
    box.add(entry(1));
    await box.flush();
    expect(await box.flush()).toMatchObject({ sent: 0, left: 1 });
    expect(await box.flush({ force: true })).toMatchObject({ sent: 1, left: 0 });
  });

  it('409 and 422 are shown as failures with the server message, removed, and do not block the rest', async () => {
    const storage = new MemoryStorage();
    const srv = server([err(422, 'EVENT_ORDER', '时间顺序不合理'), err(409, 'VEHICLE_STATE', '车辆状态已变化'), ok]);
    const rejected: string[] = [];
    const box = new Outbox({ storage, key: KEY, send: srv.send, onReject: (f) => rejected.push(f.code) });
    [1, 2, 3].forEach((n) => box.add(entry(n)));
    expect(await box.flush()).toEqual({ sent: 1, rejected: 2, left: 0 });
    expect(rejected).toEqual(['EVENT_ORDER', 'VEHICLE_STATE']);
    expect(box.failures().map((f) => [f.status, f.message, f.entry.clientId])).toEqual([
      [409, '车辆状态已变化', entry(2).body.clientId],
      [422, '时间顺序不合理', entry(1).body.clientId],
    ]);
    // the failures survive a reload until the crew dismisses them
    const again = new Outbox({ storage, key: KEY, send: srv.send });
    expect(again.failures()).toHaveLength(2);
    again.dismiss(entry(1).body.clientId);
    expect(new Outbox({ storage, key: KEY, send: srv.send }).failures().map((f) => f.code)).toEqual(['VEHICLE_STATE']);
  });

  it('401 (session ended) keeps the entry for after the next login', async () => {
    const box = new Outbox({ storage: new MemoryStorage(), key: KEY, send: server([err(401)]).send });
    box.add(entry(1));
    expect(await box.flush()).toMatchObject({ sent: 0, rejected: 0, left: 1 });
  });

  it('joins a running flush instead of sending twice', async () => {
    let release: (v: SendOutcome) => void = () => undefined;
    const seen: string[] = [];
    const box = new Outbox({
      storage: new MemoryStorage(),
      key: KEY,
      send: (e) => {
        seen.push(e.clientId);
        return new Promise<SendOutcome>((r) => (release = r));
      },
    });
    box.add(entry(1));
    const a = box.flush();
    const b = box.flush({ force: true });
    release(ok);
    expect(await a).toEqual(await b);
    expect(seen).toHaveLength(1);
  });

  it('an entry added while a flush runs goes out in the same flush', async () => {
    const box: Outbox = new Outbox({
      storage: new MemoryStorage(),
      key: KEY,
      send: (e) => {
        if (e.body.n === 1) box.add(entry(2));
        return Promise.resolve(ok);
      },
    });
    box.add(entry(1));
    expect(await box.flush()).toEqual({ sent: 2, rejected: 0, left: 0 });
  });

  it('survives broken or full storage: starts empty, keeps entries in memory and says it could not persist', async () => {
    const storage = new MemoryStorage();
    storage.data.set(KEY, '{not json');
    const box = new Outbox({ storage, key: KEY, send: server([down]).send });
    expect(box.entries()).toEqual([]);
    storage.full = true;
    box.add(entry(1));
    expect(box.persisted).toBe(false);
    expect(box.entries()).toHaveLength(1);
    await box.flush();
    expect(box.entries()).toHaveLength(1);
    storage.full = false;
    box.add(entry(2));
    expect(box.persisted).toBe(true);
    expect(JSON.parse(storage.getItem(KEY)!).entries).toHaveLength(2);
    // entries of a foreign shape are dropped on load
    storage.data.set(KEY, JSON.stringify({ v: 1, entries: [{ clientId: 1 }], failures: [{}] }));
    box.reload();
    expect(box.entries()).toEqual([]);
    expect(box.failures()).toEqual([]);
  });

  it('tells subscribers about every change', async () => {
    const box = new Outbox({ storage: new MemoryStorage(), key: KEY, send: server([ok]).send });
    let calls = 0;
    const off = box.subscribe(() => (calls += 1));
    box.add(entry(1));
    await box.flush();
    off();
    box.add(entry(2));
    expect(calls).toBe(2);
  });
});

describe('the next step, counting unsent steps', () => {
  it('follows the main line and the on-scene way out', () => {
    expect(nextStep('dispatched')).toBe('depart');
    expect(nextStep(statusAfter('dispatched', ['depart']))).toBe('arrive_scene');
    expect(statusAfter('dispatched', ['depart', 'arrive_scene', 'leave_scene', 'arrive_hospital'])).toBe('at_hospital');
    expect(nextStep('at_hospital')).toBe('clear');
    expect(statusAfter('on_scene', ['clear'])).toBe('completed');
    expect(nextStep('completed')).toBeNull();
    expect(sideStep('on_scene')).toBe('clear');
    expect(sideStep('en_route')).toBeNull();
    // a step that does not fit (already recorded on the server) changes nothing
    expect(statusAfter('on_scene', ['depart', 'bogus'])).toBe('on_scene');
  });

  it('reads the unsent steps of one mission from the outbox', () => {
    const box = new Outbox({ storage: null, key: KEY, send: server([]).send });
    box.add(entry(1, 'step', 'depart'));
    box.add(entry(2, 'observation', 'vitals'));
    box.add({ ...entry(3, 'step', 'arrive_scene'), missionId: 6 });
    expect(pendingSteps(box.entries(), 5)).toEqual(['depart']);
    expect(nextStep(statusAfter('dispatched', pendingSteps(box.entries(), 5)))).toBe('arrive_scene');
  });
});

describe('GPS fixes in the outbox', () => {
  const fixEntry = (n: number, vehicle = 3): NewEntry => ({
    ...entry(n, 'position', 'fix'),
    url: `/api/ems/vehicles/${vehicle}/positions`,
  });

  it('the fixes queued together go out as one batch, behind the step before them and ahead of the record after', async () => {
    const bodies: unknown[] = [];
    const box = new Outbox({
      storage: new MemoryStorage(),
      key: KEY,
      send: (e) => {
        bodies.push({ url: e.url, body: e.body });
        return Promise.resolve(ok);
      },
    });
    box.add(entry(1, 'step', 'depart'));
    for (let n = 2; n <= 54; n++) box.add(fixEntry(n));
    box.add(fixEntry(55, 4));
    box.add(entry(56));
    expect(box.entries()).toHaveLength(56); // 未发送 counts every fix
    const r = await box.flush();
    expect(r).toEqual({ sent: 56, rejected: 0, left: 0 });
    const sizes = bodies.map((b) => {
      const body = (b as { body: { fixes?: unknown[] } }).body;
      return body.fixes ? body.fixes.length : 0;
    });
    // the step, 50 fixes, the 3 left, the other vehicle's fix alone, the record
    expect(sizes).toEqual([0, 50, 3, 1, 0]);
    expect((bodies[1] as { body: { fixes: Array<{ clientId: string }> } }).body.fixes[0].clientId).toBe(
      fixEntry(2).body.clientId,
    );
  });

  it('a batch with no answer stays whole and is resent whole', async () => {
    const { seen, send } = server([down]);
    const box = new Outbox({ storage: null, key: KEY, send, random: () => 0.5 });
    box.add(fixEntry(1));
    box.add(fixEntry(2));
    expect(await box.flush()).toEqual({ sent: 0, rejected: 0, left: 2 });
    expect(await box.flush({ force: true })).toEqual({ sent: 2, rejected: 0, left: 0 });
    expect(seen).toHaveLength(2);
  });
});
