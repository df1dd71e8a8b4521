import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openPglite, withScope, type Database } from '../platform/db.ts';
import { verifyPassword } from '../platform/password.ts';
import { generateCounty } from './seed.ts';
import { seedEms, type EmsSeedResult } from './ems.seed.ts';
import { seedRoads } from './ems-roads.seed.ts';

/**
 * The issue-13 demo data on the demo county, checked in SQL: the fleet and its crews, a year of
 * calls per channel, one active mission per vehicle and no vehicle on two missions at once,
 * every mission's milestones in the order ems_milestone_order demands, the answer and departure
 * times, pre-hospital ECG transmission, door-to-wire (most near 53 min, a few near 27), DNT, DIDO,
 * pre-admissions, and the live calls and missions around `now`.
 */
const onPglite = process.env.TEST_DB !== 'postgres';
const NOW = new Date('2026-06-30T12:00:00+08:00');
const PASSWORD = 'Ems-Seed-2026!x';
let database: Database;
let result: EmsSeedResult;
let ms = 0;
let countyId = 0;

beforeAll(async () => {
  if (!onPglite) return;
  database = await openPglite(undefined);
  ({ countyId } = await generateCounty(database.db, { profile: 'demo', seed: 2026, password: PASSWORD }));
  await seedRoads(database.db, { countyId, seed: 2026, scale: 'demo' });
  const started = performance.now();
  result = await seedEms(database.db, {
    countyId,
    seed: 2026,
    now: NOW,
    scale: 'demo',
    onStep: (step, stepMs) => console.log(`${step}: ${Math.round(stepMs)} ms`),
  });
  ms = performance.now() - started;
  console.log(`ems seed: ${JSON.stringify(result)} in ${Math.round(ms)} ms`);
}, 600_000);
afterAll(async () => {
  await database?.close();
});

async function rows(q: string): Promise<Array<Record<string, unknown>>> {
  const orgs = await database.db.selectFrom('orgs').select('id').execute();
  return withScope(database.db, { userId: 0, orgIds: orgs.map((o) => o.id) }, async (trx) => {
    await sql`SET LOCAL enable_nestloop = off`.execute(trx);
    return (await sql.raw<Record<string, unknown>>(q).execute(trx)).rows;
  });
}

async function one(q: string): Promise<Record<string, number>> {
  const [row] = await rows(q);
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** every mission's events pivoted: <milestone> = its time as epoch seconds */
const PIVOT = `(SELECT m.id, m.channel, m.status, m.dest_org_id, d.kind AS dest_kind, m.backfilled,
    ${[
      'call_received',
      'call_answered',
      'departed',
      'on_scene',
      'fmc',
      'first_ecg',
      'ecg_transmitted',
      'left_scene',
      'door',
      'wire',
      'needle',
      'ct_start',
      'door_out',
      'obstetric_team',
      'available',
      'last_known_well',
    ]
      .map((k) => `extract(epoch FROM min(e.at) FILTER (WHERE e.milestone = '${k}')) AS ${k}`)
      .join(', ')}
  FROM ems_missions m JOIN ems_events e ON e.mission_id = m.id LEFT JOIN orgs d ON d.id = m.dest_org_id
  GROUP BY m.id, m.channel, m.status, m.dest_org_id, d.kind, m.backfilled)`;

describe.runIf(onPglite)('120 demo data', () => {
  it('a fleet of 20 ambulances and a mobile CT at 6 stations, most negative-pressure, two crew each', async () => {
    expect(result.stations).toBe(6);
    const s = await one(`SELECT
        (SELECT count(*) FROM ems_stations) AS stations,
        (SELECT count(*) FROM ems_stations WHERE node_id IS NOT NULL) AS with_node,
        (SELECT count(*) FROM ems_stations s JOIN road_nodes n ON n.id = s.node_id AND n.org_id = s.org_id) AS node_matches,
        (SELECT count(*) FROM ems_stations s JOIN orgs o ON o.id = s.org_id WHERE o.kind = 'township_center') AS townships,
        (SELECT count(*) FROM ems_vehicles WHERE kind <> 'mobile_ct') AS ambulances,
        (SELECT count(*) FROM ems_vehicles WHERE kind = 'mobile_ct') AS ct,
        (SELECT count(DISTINCT kind) FROM ems_vehicles WHERE kind <> 'mobile_ct') AS kinds,
        (SELECT count(*) FILTER (WHERE negative_pressure)::float8 / count(*) FROM ems_vehicles WHERE kind <> 'mobile_ct') AS np,
        (SELECT count(*) FROM ems_vehicles WHERE plate !~ '^晋K·[A-Z][0-9]{4}$' OR call_sign !~ '^介休120-([0-9]{2}|CT)$') AS odd,
        (SELECT count(*) FROM ems_vehicles v WHERE cardinality(v.crew_staff_ids) < 2 OR EXISTS (
           SELECT 1 FROM unnest(v.crew_staff_ids) c JOIN staff s ON s.id = c
           WHERE s.org_id <> v.org_id OR NOT 'crew' = ANY (s.roles))) AS bad_crew,
        (SELECT count(*) FROM staff WHERE roles = ARRAY['crew']) AS crew_staff,
        (SELECT count(*) FROM ems_vehicles v JOIN staff s ON s.username = 'crew' AND s.id = v.crew_staff_ids[1]
         WHERE v.call_sign = '介休120-01') AS crew_account_on_01`);
    expect(s.stations).toBe(6);
    expect(s.with_node).toBe(6);
    expect(s.node_matches).toBe(6);
    expect(s.townships).toBe(4);
    expect(s.ambulances).toBe(20);
    expect(s.ct).toBe(1);
    expect(s.kinds).toBe(3);
    expect(s.np).toBeGreaterThanOrEqual(0.4);
    expect(s.odd).toBe(0);
    expect(s.bad_crew).toBe(0);
    expect(s.crew_staff).toBe(42 + 1);
    expect(s.crew_account_on_01).toBe(1);
    // the crews log in with the demo password, as every seeded account
    const [hash] = await rows(`SELECT password_hash FROM staff WHERE username = 'jijiu.1'`);
    expect(await verifyPassword(String(hash.password_hash), PASSWORD)).toBe(true);
  });

  it('a year of calls in every channel, each with its mission', async () => {
    const s = await one(`SELECT count(*) AS calls,
        count(*) FILTER (WHERE channel = 'chest_pain') AS chest_pain, count(*) FILTER (WHERE channel = 'stroke') AS stroke,
        count(*) FILTER (WHERE channel = 'trauma') AS trauma, count(*) FILTER (WHERE channel = 'maternal') AS maternal,
        count(*) FILTER (WHERE channel = 'neonatal') AS neonatal, count(*) FILTER (WHERE channel = 'general') AS general,
        count(*) FILTER (WHERE (SELECT count(*) FROM ems_missions m WHERE m.call_id = c.id) <> 1) AS not_one_mission,
        count(*) FILTER (WHERE c.received_at < timestamptz '${NOW.toISOString()}' - interval '365 days'
                            OR c.received_at > timestamptz '${NOW.toISOString()}') AS outside,
        count(*) FILTER (WHERE village_org_id IS NOT NULL) AS village,
        count(*) FILTER (WHERE resident_id IS NOT NULL) AS known_patient,
        (SELECT count(*) FROM ems_events WHERE at > timestamptz '${NOW.toISOString()}') AS future_events
      FROM ems_calls c WHERE c.status IN ('closed', 'cancelled')`);
    expect(s.calls).toBeGreaterThan(2700);
    expect(s.calls).toBeLessThan(3300);
    expect(s.chest_pain).toBeGreaterThan(300);
    expect(s.stroke).toBeGreaterThan(250);
    expect(s.trauma).toBeGreaterThan(500);
    expect(s.maternal).toBeGreaterThan(150);
    expect(s.neonatal).toBeGreaterThan(70);
    expect(s.general).toBeGreaterThan(1000);
    expect(s.not_one_mission).toBe(0);
    expect(s.outside).toBe(0);
    expect(s.village / s.calls).toBeGreaterThan(0.5);
    expect(s.known_patient).toBeGreaterThan(300);
    expect(s.future_events).toBe(0);
    // 15–30 s on a shared 2-core machine, three quarters of it the milestone order trigger
    // (0.1 ms of CPU per milestone at best, 43,000 milestones); the bound leaves room for CI
    expect(ms).toBeLessThan(180_000);
  });

  it('no vehicle on two missions at once; history completed and every vehicle back in service', async () => {
    const s = await one(`SELECT
        (SELECT count(*) FROM (SELECT vehicle_id FROM ems_missions WHERE status NOT IN ('completed', 'cancelled')
                               GROUP BY vehicle_id HAVING count(*) > 1) x) AS double_active,
        (SELECT count(*) FROM ems_missions a JOIN ems_missions b ON b.vehicle_id = a.vehicle_id AND b.id > a.id
           AND b.created_at < coalesce(a.ended_at, 'infinity') AND a.created_at < coalesce(b.ended_at, 'infinity')) AS overlapping,
        (SELECT count(*) FROM ems_missions WHERE backfilled AND (status NOT IN ('completed', 'cancelled') OR ended_at IS NULL)) AS unfinished,
        (SELECT count(*) FROM ems_missions m WHERE m.backfilled AND NOT EXISTS (
           SELECT 1 FROM ems_events e WHERE e.mission_id = m.id AND e.milestone = 'available')) AS never_available,
        (SELECT count(*) FROM ems_missions WHERE status = 'cancelled') AS stood_down,
        (SELECT count(*) FROM ems_missions m WHERE m.status = 'completed' AND NOT EXISTS (
           SELECT 1 FROM ems_events e WHERE e.mission_id = m.id AND e.milestone = 'door')) AS not_transported,
        (SELECT count(*) FROM ems_vehicles v WHERE v.status NOT IN ('available', 'out_of_service') AND v.status IS DISTINCT FROM
           (SELECT m.status FROM ems_missions m WHERE m.vehicle_id = v.id AND m.status NOT IN ('completed', 'cancelled'))) AS status_mismatch,
        (SELECT count(*) FROM ems_vehicles WHERE status = 'available') AS available,
        (SELECT count(*) FROM ems_vehicles WHERE status = 'out_of_service') AS workshop`);
    expect(s.double_active).toBe(0);
    expect(s.overlapping).toBe(0);
    expect(s.unfinished).toBe(0);
    expect(s.never_available).toBe(0);
    expect(s.stood_down).toBeGreaterThan(20);
    expect(s.not_transported).toBeGreaterThan(50);
    expect(s.status_mismatch).toBe(0);
    expect(s.available).toBe(18);
    expect(s.workshop).toBe(1);
  });

  it('every mission’s milestones in the order ems_milestone_order demands, back-entered a little later', async () => {
    const s = await one(`SELECT
        (SELECT count(*) FROM ems_events a JOIN ems_events b ON b.mission_id = a.mission_id
           JOIN ems_milestone_order o ON o.before_code = a.milestone AND o.after_code = b.milestone
         WHERE a.at > b.at) AS out_of_order,
        (SELECT count(*) FROM ems_events e JOIN ems_missions m ON m.id = e.mission_id
         WHERE m.backfilled AND (e.source <> 'backfill' OR e.recorded_at <= e.at OR e.recorded_at > e.at + interval '20 minutes')) AS bad_backfill,
        (SELECT count(*) FROM ems_missions m WHERE NOT EXISTS (
           SELECT 1 FROM ems_events e WHERE e.mission_id = m.id AND e.milestone = 'call_received')) AS no_call_received,
        (SELECT count(DISTINCT milestone) FROM ems_events) AS milestones,
        (SELECT count(*) FROM ems_milestones) AS all_milestones`);
    expect(s.out_of_order).toBe(0);
    expect(s.bad_backfill).toBe(0);
    expect(s.no_call_received).toBe(0);
    expect(s.milestones).toBe(s.all_milestones);
  });

  it('answered in 10 s and out in 3 minutes mostly, on scene in 8–20 minutes, the mountains slower', async () => {
    const s = await one(`SELECT
        avg((call_answered - call_received <= 10)::int) AS answered_10s,
        avg((departed - call_answered <= 180)::int) AS departed_3min,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY (on_scene - call_answered) / 60) AS response_median,
        percentile_cont(0.1) WITHIN GROUP (ORDER BY (on_scene - call_answered) / 60) AS response_p10,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY (on_scene - call_answered) / 60) AS response_p90,
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (p.on_scene - p.call_answered) / 60)
         FROM ${PIVOT} p JOIN ems_missions m ON m.id = p.id JOIN ems_calls c ON c.id = m.call_id JOIN orgs v ON v.id = c.village_org_id
         WHERE v.lng < (SELECT lng FROM orgs WHERE kind = 'county') - 0.1) AS mountain_median,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY (fmc - call_received) / 60) AS fmc_median
      FROM ${PIVOT} p WHERE backfilled`);
    expect(s.answered_10s).toBeGreaterThan(0.9);
    expect(s.answered_10s).toBeLessThan(1);
    expect(s.departed_3min).toBeGreaterThan(0.9);
    expect(s.departed_3min).toBeLessThan(1);
    expect(s.response_median).toBeGreaterThan(8);
    expect(s.response_median).toBeLessThan(20);
    expect(s.response_p10).toBeGreaterThan(5);
    expect(s.response_p90).toBeLessThan(45);
    expect(s.mountain_median).toBeGreaterThan(s.response_median + 3);
  });

  it('chest pain: ECG ahead of the patient for over 30%, door-to-wire mostly near 53 min and a few near 27', async () => {
    const s = await one(`SELECT
        avg((ecg_transmitted < door)::int) AS ecg_ahead,
        avg((first_ecg - fmc <= 600)::int) FILTER (WHERE first_ecg IS NOT NULL) AS fmc_to_ecg_10,
        count(wire) AS pci,
        count(*) FILTER (WHERE (wire - door) / 60 BETWEEN 22 AND 32) AS near_27,
        count(*) FILTER (WHERE (wire - door) / 60 BETWEEN 40 AND 66)::float8 / nullif(count(wire), 0) AS near_53,
        avg((wire - door) / 60) AS d2w_mean,
        avg(((wire - door) / 60 <= 90)::int) FILTER (WHERE wire IS NOT NULL) AS d2w_90
      FROM ${PIVOT} p WHERE channel = 'chest_pain' AND backfilled AND door IS NOT NULL`);
    expect(s.ecg_ahead).toBeGreaterThanOrEqual(0.3);
    expect(s.fmc_to_ecg_10).toBeGreaterThan(0.9);
    expect(s.pci).toBeGreaterThan(40);
    expect(s.near_27).toBeGreaterThanOrEqual(3);
    expect(s.near_53).toBeGreaterThan(0.6);
    expect(s.d2w_mean).toBeGreaterThan(48);
    expect(s.d2w_mean).toBeLessThan(60);
    expect(s.d2w_90).toBeGreaterThan(0.75);
    const c = await one(`SELECT count(*) AS consents,
        count(*) FILTER (WHERE s.at - c.at > interval '30 minutes') AS long_consents
      FROM ems_events c JOIN ems_events s ON s.mission_id = c.mission_id AND s.milestone = 'consent_signed'
      JOIN ems_missions m ON m.id = c.mission_id
      WHERE c.milestone = 'consent_started' AND m.channel = 'chest_pain'`);
    expect(c.long_consents).toBeGreaterThan(3);
    expect(c.long_consents).toBeLessThan(c.consents / 2);
  });

  it('stroke DNT around 45–70 min with some thrombectomies; CT for injuries; obstetric teams; DIDO over 30 min', async () => {
    const s = await one(`SELECT
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY (needle - door) / 60) FROM ${PIVOT} p
         WHERE channel = 'stroke' AND needle IS NOT NULL) AS dnt_median,
        (SELECT count(*) FROM ${PIVOT} p WHERE channel = 'stroke' AND needle IS NOT NULL) AS needles,
        (SELECT count(*) FROM ${PIVOT} p WHERE channel = 'stroke' AND wire IS NOT NULL) AS thrombectomies,
        (SELECT count(*) FROM ${PIVOT} p WHERE channel = 'stroke' AND last_known_well IS NULL) AS stroke_no_lkw,
        (SELECT count(*) FROM ${PIVOT} p WHERE channel = 'trauma' AND ct_start IS NOT NULL) AS trauma_ct,
        (SELECT count(*) FROM ${PIVOT} p WHERE channel = 'maternal' AND obstetric_team IS NOT NULL) AS obstetric,
        (SELECT count(*) FROM ${PIVOT} p WHERE door_out IS NOT NULL AND dest_kind = 'township_center') AS dido,
        (SELECT min((door_out - door) / 60) FROM ${PIVOT} p WHERE door_out IS NOT NULL) AS dido_min,
        (SELECT count(*) FROM ${PIVOT} p WHERE door_out IS NOT NULL AND dest_kind <> 'township_center') AS door_out_elsewhere,
        (SELECT count(*) FROM ems_missions WHERE channel = 'stroke' AND backfilled AND onset_known IS NULL) AS onset_unset`);
    expect(s.dnt_median).toBeGreaterThan(45);
    expect(s.dnt_median).toBeLessThan(70);
    expect(s.needles).toBeGreaterThan(20);
    expect(s.thrombectomies).toBeGreaterThan(3);
    expect(s.stroke_no_lkw).toBe(0);
    expect(s.trauma_ct).toBeGreaterThan(100);
    expect(s.obstetric).toBeGreaterThan(100);
    expect(s.dido).toBeGreaterThan(50);
    expect(s.dido_min).toBeGreaterThan(30);
    expect(s.door_out_elsewhere).toBe(0);
    expect(s.onset_unset).toBe(0);
  });

  it('pre-admissions for the pre-alerted chest-pain and stroke missions, a share bypassing the ED', async () => {
    const s = await one(`SELECT count(*) AS pre,
        count(*) FILTER (WHERE p.status = 'arrived') AS arrived,
        count(*) FILTER (WHERE p.ed_bypass) AS bypass,
        count(*) FILTER (WHERE NOT p.ed_bypass) AS via_ed,
        count(*) FILTER (WHERE p.channel NOT IN ('chest_pain', 'stroke')) AS other_channel,
        count(*) FILTER (WHERE p.dest_org_id IS DISTINCT FROM m.dest_org_id OR p.channel <> m.channel) AS mismatch,
        count(*) FILTER (WHERE p.status = 'arrived' AND p.arrived_at IS DISTINCT FROM
          (SELECT e.at FROM ems_events e WHERE e.mission_id = m.id AND e.milestone = 'door')) AS arrived_not_door,
        count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM ems_events e WHERE e.mission_id = m.id AND e.milestone = 'prealert')) AS no_prealert,
        (SELECT count(*) FROM ems_events e JOIN ems_missions x ON x.id = e.mission_id
         WHERE e.milestone = 'prealert' AND NOT EXISTS (SELECT 1 FROM ems_preadmissions q WHERE q.mission_id = x.id)) AS prealert_without
      FROM ems_preadmissions p JOIN ems_missions m ON m.id = p.mission_id`);
    expect(s.pre).toBeGreaterThan(200);
    expect(s.arrived).toBe(s.pre - 1);
    expect(s.bypass).toBeGreaterThan(20);
    expect(s.via_ed).toBeGreaterThan(s.bypass);
    expect(s.other_channel).toBe(0);
    expect(s.mismatch).toBe(0);
    expect(s.arrived_not_door).toBe(0);
    expect(s.no_prealert).toBe(0);
    expect(s.prealert_without).toBe(0);
  });

  it('around now: two calls waiting, two missions under way (one the crew account’s), a chest-pain patient expected', async () => {
    const open = await rows(`SELECT c.channel, c.answered_at > c.received_at AS answered,
        (SELECT count(*) FROM ems_missions m WHERE m.call_id = c.id) AS missions
      FROM ems_calls c WHERE c.status = 'open' ORDER BY c.received_at`);
    expect(open.map((r) => r.channel)).toEqual(['stroke', 'general']);
    expect(open.every((r) => r.answered === true && Number(r.missions) === 0)).toBe(true);
    const active = await rows(`SELECT m.status, m.channel, v.status AS vehicle_status, c.status AS call_status,
        EXISTS (SELECT 1 FROM staff s WHERE s.username = 'crew' AND s.id = ANY (m.crew_staff_ids)) AS has_crew_account,
        (SELECT count(*) FROM ems_observations o WHERE o.mission_id = m.id) AS observations,
        p.status AS pre_status, p.eta_at > timestamptz '${NOW.toISOString()}' AS eta_ahead, d.code AS dest
      FROM ems_missions m JOIN ems_vehicles v ON v.id = m.vehicle_id JOIN ems_calls c ON c.id = m.call_id
      LEFT JOIN ems_preadmissions p ON p.mission_id = m.id LEFT JOIN orgs d ON d.id = p.dest_org_id
      WHERE m.status NOT IN ('completed', 'cancelled') ORDER BY m.id`);
    expect(active).toEqual([
      {
        status: 'to_hospital',
        channel: 'chest_pain',
        vehicle_status: 'to_hospital',
        call_status: 'dispatched',
        has_crew_account: true,
        observations: 2,
        pre_status: 'expected',
        eta_ahead: true,
        dest: 'JX-RMYY',
      },
      {
        status: 'en_route',
        channel: 'trauma',
        vehicle_status: 'en_route',
        call_status: 'dispatched',
        has_crew_account: false,
        observations: 0,
        pre_status: null,
        eta_ahead: null,
        dest: null,
      },
    ]);
    const s = await one(`SELECT count(*) FILTER (WHERE e.source = 'backfill') AS backfill,
        count(*) FILTER (WHERE e.source = 'crew' AND e.recorded_by IS NOT NULL) AS by_crew
      FROM ems_events e JOIN ems_missions m ON m.id = e.mission_id WHERE NOT m.backfilled`);
    expect(s.backfill).toBe(0);
    expect(s.by_crew).toBeGreaterThan(4);
  });
});
