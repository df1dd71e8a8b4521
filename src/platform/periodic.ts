/** A background job of a feature; src/app.ts registers every one of them (registerJobs). */
export interface PeriodicJob {
  /** for logs: 'referral deadlines', 'clinic scheduler' */
  name: string;
  /** the environment variable that sets the interval in ms; 0 turns the job off */
  env: string;
  defaultMs: number;
  run: () => Promise<unknown>;
}

/** where a failed run is reported (the app's logger) */
export interface JobLog {
  error(obj: { err: unknown }, msg: string): void;
}

export interface RunningJob {
  name: string;
  /** the interval in ms, 0 when the job is off */
  ms: number;
  start(): void;
  /** stops the timer and waits for a run in flight */
  stop(): Promise<void>;
}

/**
 * A background job in a serving process: never overlaps itself (a slow run skips the next
 * tick instead of piling up), and stop() waits for a run in flight, so it finishes before the
 * database closes under it. The interval is read when the job is created. Off under vitest
 * unless its variable is set, so tests drive jobs explicitly with their own clock.
 */
export function periodic(job: PeriodicJob, log: JobLog): RunningJob {
  const configured = process.env[job.env];
  const wanted = configured === undefined ? (process.env.VITEST ? 0 : job.defaultMs) : Number(configured);
  const ms = Number.isFinite(wanted) && wanted > 0 ? wanted : 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  return {
    name: job.name,
    ms,
    start() {
      if (!ms || timer) return;
      timer = setInterval(() => {
        if (running) return;
        running = job
          .run()
          .catch((err: unknown) => log.error({ err }, `${job.name} run failed`))
          .finally(() => {
            running = undefined;
          });
      }, ms);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
