import type { FastifyInstance } from 'fastify';

export interface PeriodicJob {
  /** for logs: 'referral deadlines', 'clinic scheduler' */
  name: string;
  /** the environment variable that sets the interval in ms; 0 turns the job off */
  env: string;
  defaultMs: number;
  run: () => Promise<unknown>;
}

/**
 * A background job in a serving process: starts when the app is ready, never overlaps
 * itself (a slow run skips the next tick instead of piling up), and a run in flight
 * finishes before the database closes under it. Off under vitest unless its variable is
 * set, so tests drive jobs explicitly with their own clock.
 */
export function startPeriodic(app: FastifyInstance, job: PeriodicJob): void {
  const configured = process.env[job.env];
  const ms = configured === undefined ? (process.env.VITEST ? 0 : job.defaultMs) : Number(configured);
  if (!ms || !Number.isFinite(ms)) return;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  app.addHook('onReady', async () => {
    timer = setInterval(() => {
      if (running) return;
      running = job
        .run()
        .catch((err: unknown) => app.log.error({ err }, `${job.name} run failed`))
        .finally(() => {
          running = undefined;
        });
    }, ms);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
}
