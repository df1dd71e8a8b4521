import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { ageOn, todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { badRequest, conflict, notFound } from '../platform/errors.ts';
import { publish } from '../platform/events.ts';
import { requestHash } from '../platform/idempotency.ts';
import type { ServiceKind } from '../family-doctor/fd.schema.ts';
import { deliver } from '../family-doctor/fulfilment.ts';
import * as referrals from '../referrals/referral.service.ts';
import * as kit from '../remote/kit-chronic.service.ts';
import { withKitValues } from './followup-kit.ts';
import type { FollowupCreate } from './chronic.schema.ts';
import type { FollowedDisease, Referral } from './chronic.tables.ts';
import { ruleSetOn } from './rule-set.ts';
import { decide, glucoseToMmol, type Facts } from './rules.ts';

/**
 * Saving a follow-up (规范 form): the rules in force on the visit day classify it and set the
 * next due day; the case, its year's summary (what the figures read), the first-BP screening
 * and the contract's entitlements move in the same transaction. The id comes from the phone:
 * a retry is answered with the first save. A recommended or emergency referral opens an
 * up-referral draft through the referral service, keyed by the follow-up so it is opened once.
 */

export const CHRONIC_TOPIC = 'chronic.changed';

export interface FollowupResult {
  id: string;
  caseId: number;
  classification: number;
  controlled: boolean;
  referral: Referral;
  reasons: string[];
  nextDue: string;
  lateEntry: boolean;
  referralId: number | null;
  referralError?: string;
  ruleSet: string;
}

const DIAGNOSIS: Record<FollowedDisease, string> = { htn: 'I10', t2dm: 'E11.9' };
const DISEASE_LABEL: Record<FollowedDisease, string> = { htn: '高血压', t2dm: '2型糖尿病' };

async function storedResult(
  trx: Kdb,
  id: string,
): Promise<(FollowupResult & { hash: string; residentId: number; disease: FollowedDisease }) | null> {
  const f = await trx
    .selectFrom('followups as f')
    .innerJoin('followup_rule_sets as s', 's.id', 'f.rule_set_id')
    .select([
      'f.id',
      'f.case_id',
      'f.classification',
      'f.controlled',
      'f.referral',
      'f.referral_reasons',
      'f.next_due',
      'f.late_entry',
      'f.referral_id',
      'f.request_hash',
      's.title',
      'f.resident_id',
      'f.disease',
    ])
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!f) return null;
  return {
    id: f.id,
    caseId: f.case_id,
    classification: f.classification,
    controlled: f.controlled,
    referral: f.referral,
    reasons: f.referral_reasons,
    nextDue: String(f.next_due),
    lateEntry: f.late_entry,
    referralId: f.referral_id,
    ruleSet: f.title,
    hash: f.request_hash,
    residentId: f.resident_id,
    disease: f.disease,
  };
}

/** uncontrolled follow-ups in a row before a visit day (the "two consecutive" rule) */
async function streakBefore(trx: Kdb, caseId: number, visitDate: string): Promise<number> {
  const rows = await trx
    .selectFrom('followups')
    .select('controlled')
    .where('case_id', '=', caseId)
    .where('visit_date', '<=', visitDate)
    .orderBy('visit_date', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(12)
    .execute();
  let n = 0;
  for (const r of rows) {
    if (r.controlled) break;
    n += 1;
  }
  return n;
}

export async function saveFollowup(
  ctx: Ctx,
  entered: FollowupCreate,
  now = new Date(),
): Promise<{ result: FollowupResult; replayed: boolean }> {
  const { deviceAt, ...body } = entered;
  const hash = requestHash(body);
  let input = entered;
  const today = todayInShanghai(now);
  if (input.visitDate > today) throw badRequest('VISIT_IN_FUTURE', '随访日期不能晚于今天', 'visitDate');
  const saved = await withScope(ctx.db, ctx.scope, async (trx) => {
    const c = await trx
      .selectFrom('chronic_cases as c')
      .innerJoin('residents as r', 'r.id', 'c.resident_id')
      .select([
        'c.id',
        'c.org_id',
        'c.resident_id',
        'c.disease',
        'c.state',
        'c.last_followup_on',
        'r.birth_date',
        'r.name',
      ])
      .where('c.id', '=', input.caseId)
      .forUpdate('c')
      .executeTakeFirst();
    // the case is locked first: a retry racing its first attempt waits here, then finds it saved
    const before = await storedResult(trx, input.id);
    if (before) {
      if (before.hash !== hash) throw conflict('CLIENT_ID_REUSED', '该随访编号已保存过不同内容，请刷新后重新填写');
      const { hash: _h, residentId, disease, ...result } = before;
      // a referral draft the first save could not open (or link) is opened now: it is keyed by the follow-up
      return {
        result,
        replayed: true,
        referralWanted: result.referral !== 'none' && result.referralId === null,
        residentId,
        disease,
      };
    }
    if (!c) throw notFound('慢病档案');
    if (c.disease !== 'htn' && c.disease !== 't2dm')
      throw badRequest('DISEASE_NOT_FOLLOWED', '该病种暂无规范随访表', 'caseId');
    if (c.state === 'terminated') throw conflict('CASE_TERMINATED', '该患者已终止管理，不能再录入随访');
    if (c.state === 'screened') throw conflict('CASE_NOT_CONFIRMED', '该患者尚未确诊，请先确诊后纳入管理');
    const disease = c.disease;
    const kitRefs = entered.kitReadings ?? [];
    // the visit's blood pressure and glucose as the kit measured them, unless the doctor typed the same
    if (kitRefs.length)
      input = withKitValues(entered, await kit.readingsForFollowup(trx, kitRefs, c.resident_id, entered.visitDate));
    const rules = await ruleSetOn(trx, ctx.actor.countyId, input.visitDate);
    const fbg = input.glucose ? glucoseToMmol(input.glucose.value, input.glucose.unit) : undefined;
    const facts: Facts = {
      disease,
      age: ageOn(String(c.birth_date), input.visitDate),
      visitDate: input.visitDate,
      metrics: {
        ...(input.sbp !== undefined ? { sbp: input.sbp } : {}),
        ...(input.dbp !== undefined ? { dbp: input.dbp } : {}),
        ...(input.heartRate !== undefined ? { heart_rate: input.heartRate } : {}),
        ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
        ...(fbg !== undefined ? { glucose: fbg } : {}),
        ...(fbg !== undefined && input.glucose?.kind === 'fasting' ? { fbg } : {}),
      },
      flags: input.emergencyFlags,
      adr: input.adr,
      complication: input.complication,
      previousStreak: await streakBefore(trx, c.id, input.visitDate),
    };
    const d = decide(rules.rules, facts);
    const lateEntry = input.visitDate < today;
    const bmi =
      input.weightKg && input.heightCm ? Math.round((input.weightKg / (input.heightCm / 100) ** 2) * 10) / 10 : null;
    await trx
      .insertInto('followups')
      .values({
        id: input.id,
        county_id: ctx.actor.countyId,
        org_id: c.org_id,
        case_id: c.id,
        resident_id: c.resident_id,
        disease,
        visit_date: input.visitDate,
        mode: input.mode,
        staff_id: ctx.actor.id,
        // as saved: the kit's values where the doctor took them from the kit
        form: JSON.stringify({ ...input, deviceAt: undefined, bmi, fbgMmol: fbg ?? null, age: facts.age }),
        sbp: input.sbp ?? null,
        dbp: input.dbp ?? null,
        heart_rate: input.heartRate ?? null,
        fbg_mmol: facts.metrics.fbg ?? null,
        classification: d.classification,
        controlled: d.controlled,
        referral: d.referral,
        referral_reasons: d.reasons,
        next_due: d.nextDue,
        rule_set_id: rules.id,
        late_entry: lateEntry,
        device_at: deviceAt ? new Date(deviceAt) : null,
        request_hash: hash,
      })
      .execute();
    const year = Number(input.visitDate.slice(0, 4));
    const faceToFace = input.mode !== 'phone';
    const quarterBit = faceToFace ? 1 << Math.floor((Number(input.visitDate.slice(5, 7)) - 1) / 3) : 0;
    await sql`
      INSERT INTO chronic_case_years AS y (case_id, year, county_id, org_id, disease, followups, face_to_face, quarters, last_visit, last_controlled)
      VALUES (${c.id}, ${year}, ${ctx.actor.countyId}, ${c.org_id}, ${disease}, 1, ${faceToFace ? 1 : 0}, ${quarterBit}, ${input.visitDate}::date, ${d.controlled})
      ON CONFLICT (case_id, year) DO UPDATE SET
        followups = y.followups + 1,
        face_to_face = y.face_to_face + EXCLUDED.face_to_face,
        quarters = y.quarters | EXCLUDED.quarters,
        last_controlled = CASE WHEN EXCLUDED.last_visit >= y.last_visit THEN EXCLUDED.last_controlled ELSE y.last_controlled END,
        last_visit = greatest(y.last_visit, EXCLUDED.last_visit)`.execute(trx);
    const latest = c.last_followup_on === null || input.visitDate >= String(c.last_followup_on);
    const becomesManaged = c.state === 'confirmed' || c.state === 'lost';
    // a back-entered visit older than the case's last one changes neither the due day nor the state
    if (latest || becomesManaged)
      await trx
        .updateTable('chronic_cases')
        .set({
          ...(latest
            ? {
                last_followup_on: input.visitDate,
                next_due: d.nextDue,
                last_class: d.classification,
                unsatisfied_streak: d.streak,
              }
            : {}),
          ...(becomesManaged
            ? {
                state: 'managed',
                managed_on: sql<string>`coalesce(managed_on, ${input.visitDate}::date)`,
                lost_on: null,
              }
            : {}),
        })
        .where('id', '=', c.id)
        .execute();
    if (becomesManaged)
      await trx
        .insertInto('chronic_case_events')
        .values({
          case_id: c.id,
          org_id: c.org_id,
          from_state: c.state,
          to_state: 'managed',
          on_date: input.visitDate,
          reason: '随访纳入管理',
          staff_id: ctx.actor.id,
        })
        .execute();
    if (input.sbp !== undefined && input.dbp !== undefined && facts.age >= 35)
      await trx
        .insertInto('bp_screenings')
        .values({
          resident_id: c.resident_id,
          year,
          county_id: ctx.actor.countyId,
          org_id: c.org_id,
          screened_on: input.visitDate,
          sbp: input.sbp,
          dbp: input.dbp,
          source: 'followup',
        })
        .onConflict((oc) => oc.columns(['resident_id', 'year']).doNothing())
        .execute();
    const kinds: ServiceKind[] = [disease === 'htn' ? 'followup_htn' : 'followup_t2dm'];
    if (input.sbp !== undefined) kinds.push('bp_measure');
    if (input.glucose) kinds.push('glucose_test');
    for (const kind of kinds)
      await deliver(trx, {
        countyId: ctx.actor.countyId,
        residentId: c.resident_id,
        serviceKind: kind,
        on: input.visitDate,
        staffId: ctx.actor.id,
        source: 'followup',
        sourceRef: input.id,
      });
    const kitReviewed = kitRefs.length
      ? await kit.linkToFollowup(trx, {
          followupId: input.id,
          refs: kitRefs,
          countyId: ctx.actor.countyId,
          orgId: c.org_id,
          staffId: ctx.actor.id,
          at: now,
        })
      : 0;
    await writeAudit(trx, ctx.audit, {
      action: 'chronic.followup.create',
      resource: 'followup',
      resourceId: input.id,
      residentId: c.resident_id,
      detail: {
        caseId: c.id,
        classification: d.classification,
        referral: d.referral,
        lateEntry,
        ...(kitRefs.length ? { kitReadings: kitRefs, kitReviewed } : {}),
      },
    });
    await publish(trx, {
      topic: CHRONIC_TOPIC,
      countyId: ctx.actor.countyId,
      orgIds: [c.org_id],
      data: { kind: 'followup', caseId: c.id },
    });
    const result: FollowupResult = {
      id: input.id,
      caseId: c.id,
      classification: d.classification,
      controlled: d.controlled,
      referral: d.referral,
      reasons: d.reasons,
      nextDue: d.nextDue,
      lateEntry,
      referralId: null,
      ruleSet: rules.title,
    };
    return { result, replayed: false, referralWanted: d.referral !== 'none', residentId: c.resident_id, disease };
  });
  if (!saved.referralWanted) return { result: saved.result, replayed: saved.replayed };
  return {
    result: await openReferralDraft(ctx, saved.result, saved.residentId, saved.disease, input),
    replayed: saved.replayed,
  };
}

/** The up-referral draft a recommended or emergency referral opens, through the referral service. */
async function openReferralDraft(
  ctx: Ctx,
  r: FollowupResult,
  residentId: number,
  disease: FollowedDisease,
  input: FollowupCreate,
): Promise<FollowupResult> {
  try {
    // the targets as GET /api/referral-targets answers them: its reach is the whole county
    const tree = await ctx.platform.orgTree.fresh();
    const targets = await referrals.targets(
      { ...ctx, scope: { ...ctx.scope, orgIds: tree.county(ctx.actor.countyId) } },
      'up',
    );
    const target =
      (input.referralTargetOrgId ? targets.find((t) => t.id === input.referralTargetOrgId) : undefined) ??
      (r.referral === 'emergency' ? targets.find((t) => t.kind === 'county_hospital') : undefined) ??
      targets[0];
    if (!target) return { ...r, referralError: '没有可上转的机构' };
    const glucose = input.glucose ? glucoseToMmol(input.glucose.value, input.glucose.unit) : undefined;
    const { result } = await referrals.create(
      ctx,
      {
        residentId,
        direction: 'up',
        toOrgId: target.id,
        urgency: r.referral === 'emergency' ? 'emergency' : 'urgent',
        reason: `${DISEASE_LABEL[disease]}随访${r.referral === 'emergency' ? '紧急转诊' : '建议转诊'}：${r.reasons.join('；')}`,
        diagnosisCode: DIAGNOSIS[disease],
        summary: {
          vitals: {
            ...(input.sbp !== undefined ? { sbp: input.sbp } : {}),
            ...(input.dbp !== undefined ? { dbp: input.dbp } : {}),
            ...(input.heartRate !== undefined ? { heartRate: input.heartRate } : {}),
            ...(input.temperature !== undefined ? { temperature: input.temperature } : {}),
            ...(glucose !== undefined ? { glucose } : {}),
          },
          medications: input.drugs.map((dr) => `${dr.name}${dr.dose ? ` ${dr.dose}` : ''}`).join('；') || undefined,
          findings: `随访日期 ${input.visitDate}，随访分类 ${r.classification}${input.adrText ? `；不良反应：${input.adrText}` : ''}${input.complicationText ? `；并发症：${input.complicationText}` : ''}`,
        },
        submit: false,
      },
      `followup-${r.id}`,
    );
    await withScope(ctx.db, ctx.scope, async (trx) => {
      await trx.updateTable('followups').set({ referral_id: result.id }).where('id', '=', r.id).execute();
    });
    return { ...r, referralId: result.id };
  } catch (err) {
    return { ...r, referralError: err instanceof Error ? err.message : '转诊单未能生成' };
  }
}
