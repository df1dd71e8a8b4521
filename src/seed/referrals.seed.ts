import { addDays, ageOn, todayInShanghai } from '../platform/calendar.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { maskIdNumber, maskMobile } from '../platform/mask.ts';
import { guidanceFor, icd10 } from '../referrals/icd10.ts';
import {
  DEFAULT_ACCEPT_MINUTES,
  type ReferralAction,
  type ReferralStatus,
  type Urgency,
} from '../referrals/referral.states.ts';
import { Rng } from './random.ts';
import { must } from '../platform/must.ts';

/**
 * A year of two-way referral work for the demo county, consistent with the seeds: village
 * and township patients go up to the people's hospital (a few to partner hospitals above the
 * county), stroke and fracture patients come back down to 宋古乡卫生院's rehab centre
 * (the documented rehab hall), township exam orders are honoured at the county hospital
 * (一单通), and some residents still go outside the county. Deterministic for a seed.
 * Called after generateCounty: `await seedReferrals(db, { countyId, seed })`.
 */
export interface ReferralSeedOptions {
  countyId: number;
  seed: number;
  perMonth?: number;
  now?: Date;
}
export interface ReferralSeedResult {
  referrals: number;
  examOrders: number;
  outOfCountyVisits: number;
}

const UP_DIAGNOSES: ReadonlyArray<readonly [string, number]> = [
  ['I63.9', 14],
  ['I21.9', 6],
  ['I20.0', 8],
  ['I61.9', 3],
  ['S72.0', 5],
  ['S72.1', 3],
  ['J44.1', 8],
  ['J18.9', 8],
  ['E11.1', 2],
  ['I50.9', 6],
  ['K80.1', 4],
  ['K35.8', 3],
  ['O14.1', 2],
  ['C34.9', 3],
  ['N20.0', 3],
  ['I10', 2],
  ['M51.2', 3],
  ['H25.9', 4],
];
const DOWN_FOR = /^(I6[0-4]|S72|I69|Z47)/;
const OUTSIDE_HOSPITALS: ReadonlyArray<readonly [string, 'national' | 'provincial' | 'city']> = [
  ['山西白求恩医院', 'provincial'],
  ['山西医科大学第一医院', 'provincial'],
  ['山西省人民医院', 'provincial'],
  ['晋中市第一人民医院', 'city'],
  ['北京协和医院', 'national'],
  ['北京天坛医院', 'national'],
  ['太原市中心医院', 'city'],
];
const EXAMS = [
  'LAB-CBC',
  'LAB-LFT',
  'LAB-RFT',
  'LAB-HBA1C',
  'ECG-12',
  'US-ABD',
  'US-HEART',
  'US-CAROTID',
  'IMG-CXR',
  'IMG-CT-HEAD',
];

function weighted(rng: Rng, items: ReadonlyArray<readonly [string, number]>): string {
  const total = items.reduce((a, [, w]) => a + w, 0);
  let x = rng.next() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}

const addMin = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

interface Plan {
  id?: number;
  path: string[];
  at: Record<string, Date>;
  childOf?: number;
}

export async function seedReferrals(db: Kdb, opts: ReferralSeedOptions): Promise<ReferralSeedResult> {
  const rng = new Rng(opts.seed, 'referrals');
  const now = opts.now ?? new Date();
  const perMonth = opts.perMonth ?? 40;
  const orgs = await db
    .selectFrom('orgs')
    .select(['id', 'kind', 'name', 'parent_id', 'specialities'])
    .where('county_id', '=', opts.countyId)
    .orderBy('id')
    .execute();
  const ids = orgs.map((o) => o.id);
  return withScope(db, { userId: 0, orgIds: ids }, async (trx) => {
    const hospitals = orgs.filter((o) => o.kind === 'county_hospital');
    const people = hospitals.find((o) => o.name.endsWith('人民医院')) ?? hospitals[0];
    const partners = orgs.filter((o) => o.kind === 'partner_hospital');
    const rehab = orgs.find((o) => o.name === '宋古乡卫生院') ?? orgs.find((o) => o.specialities.includes('康复'));
    const staff = await trx
      .selectFrom('staff')
      .select(['id', 'org_id'])
      .where('county_id', '=', opts.countyId)
      .orderBy('id')
      .execute();
    const staffOf = (orgId: number) => staff.find((s) => s.org_id === orgId)?.id ?? staff[0].id;
    const residents = await trx
      .selectFrom('residents')
      .select(['id', 'org_id', 'name', 'sex', 'birth_date', 'id_number', 'mobile', 'village'])
      .where('deceased_on', 'is', null)
      .orderBy('id')
      .limit(4000)
      .execute();
    if (!people || !residents.length || !staff.length) return { referrals: 0, examOrders: 0, outOfCountyVisits: 0 };
    const snapshot = (r: (typeof residents)[number]) =>
      JSON.stringify({
        name: r.name,
        sex: r.sex,
        birthDate: r.birth_date,
        age: ageOn(r.birth_date, todayInShanghai(now)),
        idNumber: maskIdNumber(r.id_number),
        mobile: maskMobile(r.mobile),
        village: r.village,
      });
    const parentOf = new Map(orgs.map((o) => [o.id, o.parent_id]));

    const plans: Plan[] = [];
    let referrals = 0;
    const events: Array<Record<string, unknown>> = [];
    for (let m = 11; m >= 0; m--) {
      for (let k = 0; k < perMonth; k++) {
        const res = rng.pick(residents);
        const fromOrg = rng.chance(0.6) ? res.org_id : (parentOf.get(res.org_id) ?? res.org_id);
        const code = weighted(rng, UP_DIAGNOSES);
        const dx = must(icd10(code), `ICD-10 ${code}`);
        const outside = partners.length > 0 && (guidanceFor(code).level === 'above' || rng.chance(0.04));
        const to = outside ? rng.pick(partners) : rng.chance(0.85) ? people : rng.pick(hospitals);
        const urgency: Urgency = rng.chance(0.15) ? 'emergency' : rng.chance(0.4) ? 'urgent' : 'routine';
        const submitted = new Date(now.getTime() - (m * 30 + rng.int(0, 29)) * 86_400_000 - rng.int(0, 600) * 60_000);
        const window = DEFAULT_ACCEPT_MINUTES[urgency];
        const at: Plan['at'] = { submitted };
        at.accepted = addMin(
          submitted,
          Math.max(1, Math.round(window * (rng.chance(0.9) ? rng.next() * 0.8 : 1 + rng.next()))),
        );
        at.arrived = addMin(at.accepted, urgency === 'emergency' ? rng.int(10, 60) : rng.int(120, 2880));
        at.completed = addMin(at.arrived, rng.int(3, 12) * 1440);
        at.closed = addMin(at.completed, rng.int(1, 3) * 1440);
        const goesDown = DOWN_FOR.test(code) && rehab !== undefined && !outside;
        at.down_referred = at.completed;
        if (goesDown) at.closed = addMin(at.completed, 600);
        const roll = rng.next();
        const full =
          roll < 0.05
            ? ['rejected']
            : roll < 0.08
              ? ['cancelled']
              : ['accepted', 'arrived', 'completed', ...(goesDown ? ['down_referred'] : []), 'closed'];
        // the last weeks are still in progress: keep only the steps already in the past
        const path = full.filter((s) => !at[s] || at[s].getTime() <= now.getTime());
        const row = await trx
          .insertInto('referrals')
          .values({
            county_id: opts.countyId,
            direction: 'up',
            status: 'submitted',
            resident_id: res.id,
            resident_snapshot: snapshot(res),
            origin_org_id: fromOrg,
            from_org_id: fromOrg,
            from_staff_id: staffOf(fromOrg),
            to_org_id: to.id,
            urgency,
            reason: `${dx.name}，基层处置能力不足，申请上转`,
            diagnosis_code: dx.code,
            diagnosis_name: dx.name,
            summary: JSON.stringify({
              vitals: { sbp: rng.int(110, 180), dbp: rng.int(65, 105), heartRate: rng.int(60, 115) },
            }),
            consent_by: 'patient',
            consent_at: submitted,
            out_of_county: outside,
            out_reason: outside ? '县内无相应诊疗条件' : null,
            suggested_level: guidanceFor(dx.code).level,
            priority: path.includes('accepted') && to.kind === 'county_hospital',
            submitted_at: submitted,
            deadline_at: addMin(submitted, window),
            escalation_level: at.accepted > addMin(submitted, window) ? 1 : 0,
            accepted_at: path.includes('accepted') ? at.accepted : null,
            arrived_at: path.includes('arrived') ? at.arrived : null,
            completed_at: path.includes('completed') ? at.completed : null,
            closed_at: path.includes('closed') ? at.closed : null,
            decision_note: path[0] === 'rejected' ? '本院床位已满，建议转中医医院' : null,
            idempotency_key: `seed-up-${m}-${k}-${opts.seed}`,
            request_hash: 'seed',
            created_by: staffOf(fromOrg),
            created_at: submitted,
            updated_at: submitted,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        referrals++;
        events.push({
          county_id: opts.countyId,
          referral_id: row.id,
          at: submitted,
          actor_name: '种子数据',
          action: 'create',
          from_status: null,
          to_status: 'submitted',
          note: null,
        });
        plans.push({ id: row.id, path, at });
        if (path.includes('down_referred') && rehab) {
          const child = await trx
            .insertInto('referrals')
            .values({
              county_id: opts.countyId,
              direction: 'down',
              status: 'submitted',
              resident_id: res.id,
              resident_snapshot: snapshot(res),
              origin_org_id: fromOrg,
              from_org_id: to.id,
              from_staff_id: staffOf(to.id),
              to_org_id: rehab.id,
              urgency: 'routine',
              reason: '病情稳定，下转乡镇康复中心',
              diagnosis_code: dx.code,
              diagnosis_name: dx.name,
              summary: '{}',
              consent_by: 'patient',
              consent_at: at.completed,
              out_of_county: false,
              suggested_level: 'township',
              parent_id: row.id,
              discharge_summary: `${dx.name}，住院治疗后病情稳定出院。`,
              care_plan: JSON.stringify({
                kind: 'rehab',
                tasks: [
                  { kind: 'rehab', title: '康复训练 每周3次' },
                  { kind: 'follow_up', title: '出院两周随访' },
                ],
              }),
              submitted_at: at.completed,
              deadline_at: addMin(at.completed, 1440),
              accepted_at: addMin(at.completed, 600),
              idempotency_key: `seed-down-${m}-${k}-${opts.seed}`,
              request_hash: 'seed',
              created_by: staffOf(to.id),
              created_at: at.completed,
              updated_at: at.completed,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          referrals++;
          events.push({
            county_id: opts.countyId,
            referral_id: child.id,
            at: at.completed,
            actor_name: '种子数据',
            action: 'create',
            from_status: null,
            to_status: 'submitted',
            note: null,
          });
          plans.push({ id: child.id, path: ['accepted'], at: { accepted: addMin(at.completed, 600) } });
          for (const [kind, title] of [
            ['rehab', '康复训练 每周3次'],
            ['follow_up', '出院两周随访'],
          ]) {
            await trx
              .insertInto('referral_tasks')
              .values({
                county_id: opts.countyId,
                referral_id: child.id,
                org_id: rehab.id,
                kind,
                title,
                status: 'confirmed',
                confirmed_at: addMin(at.completed, 600),
              })
              .execute();
          }
        }
      }
    }
    // walk each referral along its path through the guarded transitions, one bulk step at a time
    const STEPS: ReadonlyArray<readonly [ReferralStatus, ReferralStatus, ReferralAction]> = [
      ['submitted', 'accepted', 'accept'],
      ['submitted', 'rejected', 'reject'],
      ['submitted', 'cancelled', 'cancel'],
      ['accepted', 'arrived', 'arrive'],
      ['arrived', 'completed', 'complete'],
      ['completed', 'down_referred', 'down_refer'],
      ['completed', 'closed', 'close'],
      ['down_referred', 'closed', 'close'],
    ];
    for (const [from, to, action] of STEPS) {
      const movers = plans.filter((p) => {
        const i = p.path.indexOf(to);
        return i >= 0 && (i === 0 ? from === 'submitted' : p.path[i - 1] === from);
      });
      if (!movers.length) continue;
      await trx
        .updateTable('referrals')
        .set({ status: to })
        .where(
          'id',
          'in',
          movers.map((p) => must(p.id, 'a moved referral')),
        )
        .where('status', '=', from)
        .execute();
      for (const p of movers) {
        events.push({
          county_id: opts.countyId,
          referral_id: p.id,
          at: p.at[to] ?? p.at.accepted ?? p.at.submitted,
          actor_name: '种子数据',
          action,
          from_status: from,
          to_status: to,
          note: null,
        });
      }
    }
    for (let i = 0; i < events.length; i += 1000)
      await trx
        .insertInto('referral_events')
        .values(events.slice(i, i + 1000) as never)
        .execute();

    const exams: Array<Record<string, unknown>> = [];
    const catalogue = await trx.selectFrom('exam_catalogue').selectAll().where('code', 'in', EXAMS).execute();
    for (let i = 0; i < perMonth * 12 * 0.75; i++) {
      const res = rng.pick(residents);
      const item = rng.pick(catalogue);
      const created = new Date(now.getTime() - rng.int(0, 364) * 86_400_000);
      const orgId = rng.chance(0.5) ? res.org_id : (parentOf.get(res.org_id) ?? res.org_id);
      const done = created.getTime() < now.getTime() - 3 * 86_400_000;
      exams.push({
        county_id: opts.countyId,
        resident_id: res.id,
        ordering_org_id: orgId,
        ordering_staff_id: staffOf(orgId),
        performing_org_id: people.id,
        item_code: item.code,
        item_name: item.name,
        category: item.category,
        price_fen: item.price_fen,
        recognised: item.mutual_recognition,
        urgency: 'routine',
        status: done ? 'reported' : 'ordered',
        scheduled_at: done ? addMin(created, 1440) : null,
        performed_at: done ? addMin(created, 1500) : null,
        result_text: done ? (rng.chance(0.8) ? '未见明显异常' : '结果异常，请结合临床') : null,
        result_flag: done ? 'normal' : null,
        reported_at: done ? addMin(created, 1600) : null,
        idempotency_key: `seed-exam-${i}-${opts.seed}`,
        request_hash: 'seed',
        created_at: created,
      });
    }
    for (let i = 0; i < exams.length; i += 500)
      await trx
        .insertInto('exam_orders')
        .values(exams.slice(i, i + 500) as never)
        .execute();

    const visits: Array<Record<string, unknown>> = [];
    for (let i = 0; i < perMonth * 12 * 0.3; i++) {
      const res = rng.pick(residents);
      const [hospital, level] = rng.pick(OUTSIDE_HOSPITALS);
      const code = weighted(rng, UP_DIAGNOSES);
      const inpatient = rng.chance(0.3);
      visits.push({
        county_id: opts.countyId,
        resident_id: res.id,
        resident_org_id: res.org_id,
        visit_date: addDays(todayInShanghai(now), -rng.int(0, 364)),
        hospital_name: hospital,
        hospital_level: level,
        visit_type: inpatient ? 'inpatient' : 'outpatient',
        diagnosis_code: code,
        diagnosis_name: must(icd10(code), `ICD-10 ${code}`).name,
        cost_fen: inpatient ? rng.int(800_000, 5_000_000) : rng.int(20_000, 150_000),
        reason: rng.pick(['自行前往', '家属要求', '异地工作', '复诊']),
        source: 'seed',
        entered_by: staff[0].id,
      });
    }
    const inserted = visits.length
      ? await trx
          .insertInto('out_of_county_visits')
          .values(visits as never)
          .onConflict((oc) => oc.constraint('out_of_county_visit_once').doNothing())
          .returning('id')
          .execute()
      : [];
    return { referrals, examOrders: exams.length, outOfCountyVisits: inserted.length };
  });
}
