import { afterEach, describe, expect, it } from 'vitest';
import { periodic, type JobLog, type PeriodicJob } from './periodic.ts';

const log: JobLog = { error: () => undefined };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ENV = 'PERIODIC_UNIT_TEST_MS';

afterEach(() => {
  delete process.env.PERIODIC_UNIT_TEST_MS;
});

/** A job whose runs take `runMs`; it counts starts and how many runs overlap. */
function slowJob(runMs: number) {
  const seen = { starts: 0, running: 0, maxRunning: 0, finished: 0 };
  const job: PeriodicJob = {
    name: 'unit test job',
    env: ENV,
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
  it('is off under vitest unless its variable is set, and off with 0', async () => {
    const { job, seen } = slowJob(1);
    const off = periodic(job, log);
    expect(off.ms).toBe(0);
    off.start();
    process.env[ENV] = '0';
    const zero = periodic(job, log);
    zero.start();
    await sleep(50);
    await Promise.all([off.stop(), zero.stop()]);
    expect(seen.starts).toBe(0);
  });

  it('runs on its interval after start, never overlaps itself, and stop waits for the run in flight', async () => {
    process.env[ENV] = '10';
    const { job, seen } = slowJob(60);
    const running = periodic(job, log);
    await sleep(40);
    expect(seen.starts).toBe(0); // nothing before start
    running.start();
    await sleep(150);
    expect(seen.starts).toBeGreaterThanOrEqual(1);
    expect(seen.maxRunning).toBe(1);
    await running.stop();
    expect(seen.running).toBe(0);
    expect(seen.finished).toBe(seen.starts);
    const after = seen.starts;
    await sleep(50);
    expect(seen.starts).toBe(after);
  });
});
