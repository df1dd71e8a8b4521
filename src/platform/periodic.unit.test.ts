import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { startPeriodic, type PeriodicJob } from './periodic.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterEach(() => {
  delete process.env.PERIODIC_UNIT_TEST_MS;
});

/** A job whose runs take `runMs`; it counts starts and how many runs overlap. */
function slowJob(runMs: number) {
  const seen = { starts: 0, running: 0, maxRunning: 0, finished: 0 };
  const job: PeriodicJob = {
    name: 'unit test job',
    env: 'PERIODIC_UNIT_TEST_MS',
    defaultMs: 10,
    run: async () => {
      seen.starts++;
      seen.running++;
      seen.maxRunning = Math.max(seen.maxRunning, seen.running);
      await sleep(runMs);
      seen.running--;
      seen.finished++;
    },
  };
  return { job, seen };
}

describe('periodic jobs', () => {
  it('are off under vitest unless their variable is set, and off with 0', async () => {
    const { job, seen } = slowJob(1);
    const app = Fastify();
    startPeriodic(app, job);
    process.env.PERIODIC_UNIT_TEST_MS = '0';
    startPeriodic(app, job);
    await app.ready();
    await sleep(50);
    await app.close();
    expect(seen.starts).toBe(0);
  });

  it('start when the app is ready, never overlap themselves, and closing the app waits for the run in flight', async () => {
    process.env.PERIODIC_UNIT_TEST_MS = '10';
    const { job, seen } = slowJob(60);
    const app = Fastify();
    startPeriodic(app, job);
    await sleep(40);
    expect(seen.starts).toBe(0); // nothing before the app is ready
    await app.ready();
    await sleep(200);
    expect(seen.starts).toBeGreaterThanOrEqual(2);
    expect(seen.maxRunning).toBe(1);
    await app.close();
    expect(seen.running).toBe(0);
    expect(seen.finished).toBe(seen.starts);
    const after = seen.starts;
    await sleep(50);
    expect(seen.starts).toBe(after);
  });
});
