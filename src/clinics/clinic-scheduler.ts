import type { Kdb } from '../platform/db.ts';
import type { PeriodicJob } from '../platform/periodic.ts';
import { retryDue } from './notify.ts';
import { countyScopes } from './waitlist.queries.ts';
import { releaseHolds } from './waitlist.service.ts';

export interface ClinicSchedulerRun {
  promoted: number;
  sent: number;
  failed: number;
}

/**
 * One pass of the clinic scheduler over every county: waiting residents get the held places
 * whose hold is over, then failed messages whose back-off is over are sent again. `now` is
 * passed in so tests can move the clock. Safe to run twice or in several processes at once:
 * promotion is serialised per session by an advisory lock, a send by its claim.
 */
export async function runClinicScheduler(db: Kdb, now: Date = new Date()): Promise<ClinicSchedulerRun> {
  const run: ClinicSchedulerRun = { promoted: 0, sent: 0, failed: 0 };
  for (const c of await countyScopes(db)) {
    const scope = { countyId: c.county_id, orgIds: c.org_ids };
    run.promoted += await releaseHolds(db, scope, now);
    const retried = await retryDue(db, scope, now);
    run.sent += retried.sent;
    run.failed += retried.failed;
  }
  return run;
}

/** Every 30 s in a serving process (CLINIC_SCHEDULER_MS=0 turns it off); registered in src/app.ts. */
export const clinicSchedulerJob = (db: Kdb): PeriodicJob => ({
  name: 'clinic scheduler',
  env: 'CLINIC_SCHEDULER_MS',
  defaultMs: 30_000,
  run: () => runClinicScheduler(db),
});
