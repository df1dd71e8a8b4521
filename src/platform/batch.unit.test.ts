import { describe, expect, it } from 'vitest';
import { Batcher } from './batch.ts';

/** A run function whose batches finish only when the test says so. */
function controlled() {
  const calls: Array<{ inputs: number[]; finish: (fail?: boolean) => void; startedAfter: number }> = [];
  let arrivals = 0;
  const run = (inputs: readonly number[]) =>
    new Promise<number[]>((resolve, reject) => {
      calls.push({
        inputs: [...inputs],
        startedAfter: arrivals,
        finish: (fail) => (fail ? reject(new Error('db down')) : resolve(inputs.map((i) => i * 10))),
      });
    });
  return { calls, run, arrive: () => arrivals++ };
}

const tick = () => new Promise((r) => setImmediate(r));
/** a finished batch starts the next one on the following turn: two turns */
const settle = async () => {
  await tick();
  await tick();
};

describe('Batcher', () => {
  it('answers each input with its own result, many inputs per statement', async () => {
    const c = controlled();
    const b = new Batcher(c.run, { maxInFlight: 1 });
    const first = b.load(1);
    await tick();
    const rest = [2, 3, 4].map((i) => b.load(i));
    await tick();
    expect(c.calls.map((x) => x.inputs)).toEqual([[1]]);
    c.calls[0].finish();
    await settle();
    expect(c.calls.map((x) => x.inputs)).toEqual([[1], [2, 3, 4]]);
    c.calls[1].finish();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30, 40]);
  });

  it('never answers an input from a statement that started before it arrived', async () => {
    const c = controlled();
    const b = new Batcher(c.run, { maxInFlight: 2 });
    const answered: Array<{ input: number; arrivedAt: number; promise: Promise<number> }> = [];
    let finished = 0;
    for (let i = 0; i < 60; i++) {
      answered.push({ input: i, arrivedAt: c.arrive(), promise: b.load(i) });
      if (i % 3 === 0) await tick();
      if (i % 4 === 0 && c.calls[finished]) c.calls[finished++].finish();
    }
    while (answered.some((a) => !c.calls.some((x) => x.inputs.includes(a.input))) || finished < c.calls.length) {
      if (c.calls[finished]) c.calls[finished++].finish();
      await tick();
    }
    await Promise.all(answered.map((a) => a.promise));
    expect(c.calls.length).toBeGreaterThan(3);
    for (const a of answered) {
      const call = c.calls.find((x) => x.inputs.includes(a.input))!;
      expect(call.startedAfter).toBeGreaterThan(a.arrivedAt);
    }
  });

  it('keeps at most maxInFlight statements running; the rest wait and form the next batch', async () => {
    const c = controlled();
    const b = new Batcher(c.run, { maxInFlight: 2, maxBatch: 3 });
    const all = Array.from({ length: 10 }, (_, i) => b.load(i));
    await tick();
    expect(c.calls.map((x) => x.inputs)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    c.calls[0].finish();
    await settle();
    expect(c.calls.map((x) => x.inputs)).toEqual([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ]);
    c.calls[1].finish();
    c.calls[2].finish();
    await settle();
    c.calls[3].finish();
    expect(await Promise.all(all)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
  });

  it('a failed statement fails only its own batch', async () => {
    const c = controlled();
    const b = new Batcher(c.run, { maxInFlight: 1 });
    const a = b.load(1);
    await tick();
    const later = b.load(2);
    c.calls[0].finish(true);
    await expect(a).rejects.toThrow('db down');
    await settle();
    c.calls[1].finish();
    expect(await later).toBe(20);
  });

  it('a run that returns the wrong number of results fails its callers instead of mixing answers', async () => {
    const b = new Batcher(async (inputs: readonly number[]) => inputs.slice(1));
    await expect(Promise.all([b.load(1), b.load(2)])).rejects.toThrow(/2 inputs/);
  });
});
