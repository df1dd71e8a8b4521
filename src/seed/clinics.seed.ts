import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { hashToken } from '../clinics/queue.service.ts';
import { addDays, shanghaiDate, shanghaiInstant } from '../clinics/clinic-time.ts';
import type { Kdb } from '../platform/db.ts';
import type { ProfileName } from './profiles.ts';
import { Rng } from './random.ts';
import { must } from '../platform/must.ts';

/**
 * The demo county's expert programme (issue 4): a roster of visiting experts (乡情医学联盟),
 * a year of past sessions with bookings and attendance, upcoming sessions with free slots,
 * today's clinics ready for check-in, the yearly budget and subsidy rates, and one display
 * screen. Deterministic for a seed (ids, timestamps and screen tokens aside). Dates are
 * relative to today, so the demo always has a past year and a coming month.
 */
export interface ClinicsSeedResult {
  experts: number;
  sessions: number;
  bookings: number;
  screenUrls: string[];
}

const HOME_HOSPITALS: ReadonlyArray<readonly [string, 'national' | 'provincial' | 'city']> = [
  ['北京协和医院', 'national'],
  ['北京天坛医院', 'national'],
  ['中国医学科学院阜外医院', 'national'],
  ['北京积水潭医院', 'national'],
  ['山西白求恩医院', 'provincial'],
  ['山西医科大学第一医院', 'provincial'],
  ['山西医科大学第二医院', 'provincial'],
  ['山西省人民医院', 'provincial'],
  ['山西省心血管病医院', 'provincial'],
  ['晋中市第一人民医院', 'city'],
  ['晋中市中医院', 'city'],
];
/** speciality → the county department it sits in (code in the people's / TCM / MCH hospital) */
const SPECIALITIES: ReadonlyArray<readonly [string, string]> = [
  ['神经内科', 'neurology'],
  ['心血管内科', 'cardiology'],
  ['骨科', 'orthopaedics'],
  ['普通外科', 'surgery'],
  ['消化内科', 'internal'],
  ['呼吸内科', 'internal'],
  ['内分泌科', 'internal'],
  ['妇产科', 'obstetrics'],
  ['儿科', 'paediatrics'],
  ['康复医学科', 'rehab'],
  ['中医内科', 'tcm-internal'],
  ['重症医学科', 'icu'],
];
const SURNAMES = '王李张刘郭杨赵武梁白贾田任韩闫高孙马宋侯温郝薛范乔史段曹霍冯常';
const GIVEN = [
  '建国',
  '志强',
  '海燕',
  '卫东',
  '晓梅',
  '国华',
  '俊峰',
  '丽萍',
  '文斌',
  '秀英',
  '振华',
  '红霞',
  '永刚',
  '春生',
  '玉兰',
  '德明',
  '慧敏',
  '宏伟',
];
const TOWNSHIPS = ['宋古乡', '义安镇', '张兰镇', '连福镇', '洪山镇', '龙凤镇', '绵山镇', '义棠镇', '城关乡'];
const EXPERTS_BY_PROFILE: Record<ProfileName, number> = { tiny: 6, demo: 30, jiexiu: 104 };

interface Dept {
  id: number;
  org_id: number;
  code: string;
  org_kind: string;
}

export async function seedClinics(
  db: Kdb,
  opts: { countyId: number; seed: number; profile: ProfileName },
): Promise<ClinicsSeedResult> {
  const rng = new Rng(opts.seed, 'clinics');
  const { countyId } = opts;
  const today = shanghaiDate(new Date());
  // a budget for each year the seeded sessions fall in: about a year back and a month ahead
  // (at the turn of the year that includes the next one)
  const firstYear = Number(addDays(today, -380).slice(0, 4));
  const years = Array.from({ length: Number(addDays(today, 30).slice(0, 4)) - firstYear + 1 }, (_, i) => firstYear + i);
  return db.transaction().execute(async (trx) => {
    const orgIds = (await trx.selectFrom('orgs').select('id').where('county_id', '=', countyId).execute()).map(
      (o) => o.id,
    );
    await sql`SELECT set_config('app.user_id', '0', true), set_config('app.org_ids', ${orgIds.join(',')}, true)`.execute(
      trx,
    );
    const depts = (await trx
      .selectFrom('departments as d')
      .innerJoin('orgs as o', 'o.id', 'd.org_id')
      .select(['d.id', 'd.org_id', 'd.code', 'o.kind as org_kind'])
      .where('d.county_id', '=', countyId)
      .where('d.active', '=', true)
      .execute()) as Dept[];
    const countyDept = (code: string) =>
      depts.find((d) => d.code === code && d.org_kind === 'county_hospital') ??
      must(
        depts.find((d) => d.code === 'internal' && d.org_kind === 'county_hospital'),
        "the county hospital's internal medicine",
      );
    const residents = await trx
      .selectFrom('residents')
      .select(['id', 'org_id', 'name', 'birth_date'])
      .where('county_id', '=', countyId)
      .where('deceased_on', 'is', null)
      .orderBy('id')
      .limit(20000)
      .execute();
    const expertAccount = await trx
      .selectFrom('staff')
      .select('id')
      .where('username', '=', 'expert')
      .where('county_id', '=', countyId)
      .executeTakeFirst();

    // rules, money
    await trx
      .insertInto('clinic_settings')
      .values({ county_id: countyId })
      .onConflict((oc) => oc.column('county_id').doNothing())
      .execute();
    await trx
      .insertInto('clinic_budgets')
      .values(years.map((y) => ({ county_id: countyId, year: y, budget_fen: 500_000_000 })))
      .onConflict((oc) => oc.columns(['county_id', 'year']).doNothing())
      .execute();
    await trx
      .insertInto('clinic_subsidy_rates')
      .values(
        (
          [
            ['clinic', 300000],
            ['ward_round', 200000],
            ['operation', 800000],
            ['teaching', 150000],
          ] as const
        ).map(([t, fen]) => ({ county_id: countyId, session_type: t, subsidy_fen: fen })),
      )
      .onConflict((oc) => oc.columns(['county_id', 'session_type']).doNothing())
      .execute();

    // the roster: the demo 'expert' account first (神经内科, 山西白求恩医院)
    const n = EXPERTS_BY_PROFILE[opts.profile];
    const roster = Array.from({ length: n }, (_, i) => {
      const r = rng.fork(`expert:${i}`);
      const [speciality, deptCode] = i === 0 ? SPECIALITIES[0] : r.pick(SPECIALITIES);
      const [hospital, level] = i === 0 ? HOME_HOSPITALS[4] : r.pick(HOME_HOSPITALS);
      return {
        county_id: countyId,
        staff_id: i === 0 ? (expertAccount?.id ?? null) : null,
        name: i === 0 ? '郭卫东' : r.pick([...SURNAMES]) + r.pick(GIVEN),
        title: r.chance(0.65) || i === 0 ? '主任医师' : '副主任医师',
        home_hospital: hospital,
        hospital_level: level,
        speciality,
        native_place: `介休市${r.pick(TOWNSHIPS)}`,
        alliance_member: i === 0 || r.chance(0.85),
        mobile: `139${String(r.int(10000000, 99999999))}`,
        email: null,
        deptCode,
      };
    });
    const experts = await trx
      .insertInto('experts')
      .values(roster.map(({ deptCode: _d, ...e }) => e))
      .returning('id')
      .execute();

    let sessions = 0;
    let bookings = 0;
    let room = 0;
    const plan = async (p: {
      expertIdx: number | null;
      dept: Dept;
      date: string;
      start: string;
      slots: number;
      perSlot: number;
      held: number;
      fill: number;
      past: boolean;
      type: 'clinic' | 'ward_round' | 'operation' | 'teaching';
      doctor?: string;
      r: Rng;
      status?: 'closed' | 'published';
    }) => {
      const startsAt = shanghaiInstant(p.date, p.start);
      const slotMs = 30 * 60_000;
      const holdUntil = new Date(startsAt.getTime() - 24 * 3600_000);
      const expertId = p.expertIdx === null ? null : experts[p.expertIdx].id;
      const subsidy =
        expertId === null ? 0 : { clinic: 300000, ward_round: 200000, operation: 800000, teaching: 150000 }[p.type];
      const [{ id }] = await trx
        .insertInto('clinic_sessions')
        .values({
          county_id: countyId,
          kind: expertId === null ? 'ordinary' : 'expert',
          session_type: p.type,
          expert_id: expertId,
          doctor_name: expertId === null ? (p.doctor ?? '门诊医生') : null,
          org_id: p.dept.org_id,
          department_id: p.dept.id,
          room: String((room++ % 9) + 1),
          session_date: p.date,
          starts_at: startsAt,
          ends_at: new Date(startsAt.getTime() + p.slots * slotMs),
          release_at: shanghaiInstant(addDays(p.date, -7), '08:00'),
          hold_until: holdUntil,
          status: p.status ?? (p.past ? 'closed' : 'published'),
          capacity: p.slots * p.perSlot,
          subsidy_fen: subsidy,
        })
        .returning('id')
        .execute();
      sessions++;
      const slots = await trx
        .insertInto('clinic_slots')
        .values(
          Array.from({ length: p.slots }, (_, k) => ({
            county_id: countyId,
            session_id: id,
            starts_at: new Date(startsAt.getTime() + k * slotMs),
            ends_at: new Date(startsAt.getTime() + (k + 1) * slotMs),
            hold_until: holdUntil,
            capacity: p.perSlot,
            held: p.held,
          })),
        )
        .returning(['id'])
        .execute();
      const wanted = Math.round(p.slots * (p.perSlot - p.held) * p.fill);
      const chosen = new Set<number>();
      while (chosen.size < Math.min(wanted, residents.length)) chosen.add(p.r.int(0, residents.length - 1));
      const rows = [...chosen].map((ri, k) => {
        const res = residents[ri];
        const status: 'completed' | 'no_show' | 'cancelled' | 'confirmed' = p.past
          ? p.r.weighted([
              ['completed', 88],
              ['no_show', 6],
              ['cancelled', 6],
            ] as const)
          : 'confirmed';
        return {
          county_id: countyId,
          session_id: id,
          slot_id: slots[k % slots.length].id,
          org_id: p.dept.org_id,
          resident_id: res.id,
          resident_org_id: res.org_id,
          resident_name: res.name,
          resident_birth_date: res.birth_date,
          status,
          channel: p.r.chance(0.3) ? ('self' as const) : ('staff' as const),
          cancelled_at: status === 'cancelled' ? startsAt : null,
          cancel_reason: status === 'cancelled' ? '患者改期' : null,
          no_show_at: status === 'no_show' ? startsAt : null,
        };
      });
      if (rows.length) {
        await trx.insertInto('clinic_bookings').values(rows).execute();
        bookings += rows.length;
        await sql`UPDATE clinic_slots sl SET booked = (SELECT count(*) FROM clinic_bookings b WHERE b.slot_id = sl.id AND b.status <> 'cancelled') WHERE sl.session_id = ${id}`.execute(
          trx,
        );
      }
      return id;
    };

    // a year of past sessions: each expert visits about once a month
    for (let e = 0; e < experts.length; e++) {
      const r = rng.fork(`past:${e}`);
      for (let m = 12; m >= 1; m--) {
        if (!r.chance(0.8)) continue;
        const date = addDays(today, -(m * 30) + r.int(-10, 10));
        if (date >= today) continue;
        const type = r.weighted([
          ['clinic', 80],
          ['ward_round', 8],
          ['operation', 7],
          ['teaching', 5],
        ] as const);
        await plan({
          expertIdx: e,
          dept: countyDept(roster[e].deptCode),
          date,
          start: r.pick(['08:00', '08:30', '14:00']),
          slots: 6,
          perSlot: 4,
          held: 0,
          fill: r.int(60, 100) / 100,
          past: true,
          type,
          r,
        });
      }
    }
    // the coming month: released sessions with free places and referral holds, and some not yet released
    for (let e = 0; e < experts.length; e++) {
      const r = rng.fork(`future:${e}`);
      for (const offset of [r.int(1, 6), r.int(8, 27)]) {
        await plan({
          expertIdx: e,
          dept: countyDept(roster[e].deptCode),
          date: addDays(today, offset),
          start: r.pick(['08:00', '08:30', '14:00']),
          slots: 6,
          perSlot: 4,
          held: 1,
          fill: r.int(10, 60) / 100,
          past: false,
          type: 'clinic',
          r,
        });
      }
    }
    // today: the demo expert's neurology clinic and an ordinary clinic, booked and ready for check-in
    const neuro = countyDept('neurology');
    await plan({
      expertIdx: 0,
      dept: neuro,
      date: today,
      start: '08:00',
      slots: 16,
      perSlot: 3,
      held: 0,
      fill: 0.5,
      past: false,
      type: 'clinic',
      r: rng.fork('today:expert'),
    });
    await plan({
      expertIdx: null,
      dept: neuro,
      date: today,
      start: '08:00',
      slots: 16,
      perSlot: 4,
      held: 0,
      fill: 0.4,
      past: false,
      type: 'clinic',
      doctor: '王志刚',
      r: rng.fork('today:ordinary'),
    });
    // ordinary department clinics in the first township centres for the coming week
    const centreDepts = depts.filter((d) => d.org_kind === 'township_center' && d.code === 'general').slice(0, 4);
    for (const d of centreDepts) {
      for (let day = 1; day <= 5; day++)
        await plan({
          expertIdx: null,
          dept: d,
          date: addDays(today, day),
          start: '08:00',
          slots: 8,
          perSlot: 3,
          held: 0,
          fill: 0.3,
          past: false,
          type: 'clinic',
          doctor: '全科门诊',
          r: rng.fork(`centre:${d.id}:${day}`),
        });
    }
    // no-show suspensions follow from the past year, as the rule would have applied them
    await sql`INSERT INTO clinic_suspensions (resident_id, county_id, until, reason)
      SELECT resident_id, ${countyId}, max(no_show_at) + interval '30 days', '90 天内爽约 3 次'
      FROM clinic_bookings WHERE county_id = ${countyId} AND status = 'no_show' AND no_show_at > now() - interval '90 days'
      GROUP BY resident_id HAVING count(*) >= 3 AND max(no_show_at) + interval '30 days' > now()
      ON CONFLICT (resident_id) DO NOTHING`.execute(trx);
    // a waiting-room screen for neurology; its token is printed once, like a new screen's
    const token = randomBytes(24).toString('base64url');
    await trx
      .insertInto('clinic_screens')
      .values({
        county_id: countyId,
        org_id: neuro.org_id,
        department_id: neuro.id,
        name: '神经内科候诊区',
        token_hash: hashToken(token),
      })
      .execute();
    return { experts: experts.length, sessions, bookings, screenUrls: [`/screen/${token}`] };
  });
}
