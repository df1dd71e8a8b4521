import type { FastifyInstance } from 'fastify';
import { isDatabaseUnavailable } from './errors.ts';

/** A background job of a feature; src/app.ts starts every one of them (registerJobs). */
export interface PeriodicJob {
  /** for logs: 'referral deadlines', 'clinic scheduler' */
  name: string;
  /** the environment variable that sets the interval in ms; 0 turns the job off */
  env: string;
  defaultMs: number;
  run: () => Promise<unknown>;
}

/** Exponential back-off: baseMs after no failure, doubling with each failure in a row, at most maxMs. */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.min(failures, 20));
}

/**
 * A background job in a serving process: starts when the app is ready, never overlaps
 * itself (the next run is timed from the end of the last), and a run in flight finishes
 * before the database closes under it. A failed run (the database away) is logged, never
 * fatal, and the job backs off: twice the interval after each failure in a row, at most 8×
 * the interval or a minute, whichever is less (never less than the interval), back to the
 * interval after the first success. Off
 * under vitest unless its variable is set, so tests drive jobs explicitly with their own clock.
 */
export function startPeriodic(app: FastifyInstance, job: PeriodicJob): void {
  const configured = process.env[job.env];
  const ms = configured === undefined ? (process.env.VITEST ? 0 : job.defaultMs) : Number(configured);
  if (!ms || !Number.isFinite(ms)) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let failures = 0;
  let closed = false;
  const maxMs = Math.max(ms, Math.min(8 * ms, 60_000));
  const schedule = () => {
    timer = setTimeout(tick, backoffMs(failures, ms, maxMs));
    timer.unref();
  };
  const tick = () => {
    running = Promise.resolve()
      .then(() => job.run())
      .then(
        () => {
          if (failures) app.log.warn(`${job.name} runs again after ${failures} failed runs`);
          failures = 0;
        },
        (err: unknown) => {
          failures++;
          const message = `${job.name} run failed (${failures} in a row); next run in ${backoffMs(failures, ms, maxMs)} ms`;
          // the database being away is expected weather, not a fault to page about with a stack trace
          if (isDatabaseUnavailable(err)) app.log.warn({ err: { message: (err as Error).message } }, message);
          else app.log.error({ err }, message);
        },
      )
      .finally(() => {
        running = undefined;
        if (!closed) schedule();
      });
  };
  app.addHook('onReady', async () => {
    schedule();
  });
  app.addHook('onClose', async () => {
    closed = true;
    if (timer) clearTimeout(timer);
    await running;
  });
}
