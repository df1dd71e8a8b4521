import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish, publishCommitted, type DomainEvent } from './events.ts';
import { createTestEnv, type TestEnv } from './test-helpers.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const waitFor = async (cond: () => boolean, ms = 3000) => {
  const until = Date.now() + ms;
  while (!cond() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
};

describe('events over LISTEN/NOTIFY', () => {
  it('delivers an event only when its transaction commits', async () => {
    const got: DomainEvent[] = [];
    const stop = env.app.platform.events.subscribe('test.', (e) => got.push(e));
    await env.db.transaction().execute(async (trx) => {
      await publish(trx, { topic: 'test.kept', countyId: env.countyId, orgIds: [1], data: { n: 1 } });
    });
    await env.db
      .transaction()
      .execute(async (trx) => {
        await publish(trx, { topic: 'test.lost', countyId: env.countyId, orgIds: [1], data: { n: 2 } });
        throw new Error('rollback');
      })
      .catch(() => undefined);
    await publish(env.db, { topic: 'other.topic', countyId: env.countyId, orgIds: [1], data: {} });
    await waitFor(() => got.length > 0);
    await new Promise((r) => setTimeout(r, 200));
    stop();
    expect(got.map((e) => e.topic)).toEqual(['test.kept']);
    expect(got[0].data).toEqual({ n: 1 });
  });

  it('events published after commit by many requests at once all arrive, in order, over few NOTIFYs', async () => {
    const got: DomainEvent[] = [];
    const stop = env.app.platform.events.subscribe('rush.', (e) => got.push(e));
    // 300 events of ~200 bytes: more than one NOTIFY payload (8,000 bytes) can carry
    const sent = Array.from({ length: 300 }, (_, i) => ({
      topic: 'rush.booked',
      countyId: env.countyId,
      orgIds: [1],
      data: { i, pad: 'x'.repeat(150) },
    }));
    await Promise.all(sent.map((e) => publishCommitted(env.db, e)));
    await waitFor(() => got.length >= sent.length);
    stop();
    expect(got.map((e) => e.data.i)).toEqual(sent.map((e) => e.data.i));
  });
});
