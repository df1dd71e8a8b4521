import { writeAudit } from '../platform/audit.ts';
import type { Ctx } from '../platform/context.ts';
import type { Kdb } from '../platform/db.ts';
import { AppError, requireChanges } from '../platform/errors.ts';
import type { ClinicSettings, ClinicSettingsPatch } from './settings.schema.ts';
import * as q from './settings.queries.ts';

type Row = Awaited<ReturnType<typeof q.ensure>>;
const load = q.ensure;

function toSettings(r: Row): ClinicSettings {
  return {
    releaseDays: r.release_days,
    releaseTime: r.release_time,
    cancelCutoffMinutes: r.cancel_cutoff_minutes,
    referralHoldHours: r.referral_hold_hours,
    noShowLimit: r.no_show_limit,
    noShowWindowDays: r.no_show_window_days,
    suspensionDays: r.suspension_days,
    minutesPerPatient: r.minutes_per_patient,
    avgOutOfCountyCostFen: Number(r.avg_out_of_county_cost_fen),
    avgTravelCostFen: Number(r.avg_travel_cost_fen),
    avgInCountyCostFen: Number(r.avg_in_county_cost_fen),
  };
}

/** The county's rules, created with the documented defaults on first use. */
export async function settingsFor(db: Kdb, countyId: number): Promise<ClinicSettings> {
  const row = await q.find(db, countyId);
  return toSettings(row ?? (await load(db, countyId)));
}

export const get = (ctx: Ctx) => settingsFor(ctx.db, ctx.actor.countyId);

/**
 * Held slots (三优先) go public `referralHoldHours` before the session; if that is no later
 * than general release (`releaseDays` ahead), referred patients never get a held slot.
 */
function checkHoldBeforeRelease(s: ClinicSettings, input: ClinicSettingsPatch): void {
  // same-day release (0 days): whether a hold helps depends on each session's hour, not on the rule
  if (s.releaseDays === 0 || s.referralHoldHours === 0 || s.referralHoldHours < s.releaseDays * 24) return;
  const field = input.referralHoldHours !== undefined ? 'referralHoldHours' : 'releaseDays';
  throw new AppError(
    400,
    'HOLD_AFTER_RELEASE',
    `转诊预留小时数须小于提前放号天数 × 24（现为 ${s.releaseDays} 天，即 ${s.releaseDays * 24} 小时），否则预留号源在放号时已释放，转诊患者无号可用`,
    field,
  );
}

export async function patch(ctx: Ctx, input: ClinicSettingsPatch): Promise<ClinicSettings> {
  requireChanges(input);
  return ctx.db.transaction().execute(async (trx) => {
    await load(trx, ctx.actor.countyId);
    await q.update(trx, ctx.actor.countyId, {
      release_days: input.releaseDays,
      release_time: input.releaseTime,
      cancel_cutoff_minutes: input.cancelCutoffMinutes,
      referral_hold_hours: input.referralHoldHours,
      no_show_limit: input.noShowLimit,
      no_show_window_days: input.noShowWindowDays,
      suspension_days: input.suspensionDays,
      minutes_per_patient: input.minutesPerPatient,
      avg_out_of_county_cost_fen: input.avgOutOfCountyCostFen,
      avg_travel_cost_fen: input.avgTravelCostFen,
      avg_in_county_cost_fen: input.avgInCountyCostFen,
      updated_at: new Date(),
    });
    // checked on the merged row, inside the UPDATE's row lock: a patch of one field is judged
    // against the other fields as they now stand, and a refusal rolls the whole change back
    checkHoldBeforeRelease(toSettings(await load(trx, ctx.actor.countyId)), input);
    await writeAudit(trx, ctx.audit, {
      action: 'clinic.settings.update',
      resource: 'clinic_settings',
      resourceId: ctx.actor.countyId,
      detail: { changed: Object.keys(input) },
    });
    return toSettings(await load(trx, ctx.actor.countyId));
  });
}
