import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccessControl, type PolicyTable } from '../platform/access.ts';
import { withScope } from '../platform/db.ts';
import { registerErrorHandling } from '../platform/errors.ts';
import { Client, createTestEnv, readXlsx, type TestEnv } from '../platform/test-helpers.ts';
import { POLICIES } from '../policy.ts';
import { emsFigureRoutes } from './figures.routes.ts';
import type { EmsFigure, EmsFigures } from './figures.service.ts';

/**
 * 急救统计 against the real database: hand-built missions (inserted as the owner, with their
 * milestones) must come out of ems_mission_intervals_v01 and the indicator views exactly: the
 * Suzhou chest-pain case with a door-to-wire of 27 min and FMC-to-wire of 45 min, a 10-second
 * answer that counts and an 11-second one that does not, DIDO per township centre. The routes
 * are not in src/app.ts yet, so they run here in a small app behind the real access control
 * with the policy lines proposed for src/policy.ts. Fixed months of 2020, so no test depends on
 * the day it runs or on demo data.
 */

/** the lines proposed for src/policy.ts */
const EMS_FIGURE_READERS = [
  'admin',
  'bureau',
  'coordinator',
  'dispatcher',
  'county_doctor',
  'township_doctor',
] as const;
const PROPOSED: PolicyTable = {
  'GET /api/ems/figures': { roles: EMS_FIGURE_READERS, relation: 'descendant' },
  'GET /api/ems/figures/export': { roles: EMS_FIGURE_READERS, relation: 'descendant' },
};

let env: TestEnv;
let app: FastifyInstance;
let admin: Client;
let people: number; // 人民医院: the dispatch centre, the station's org, the PCI hospital
let townA: number; // the township doctor's centre
let townB: number;
let villageA: number; // a village of township A
let station: number;
let vehicle: number;

const one = async (q: string) => (await env.asOwner(q))[0];
const ts = (t: string) => `'${t}+08'::timestamptz`;

async function as(username: string): Promise<Client> {
  const c = await env.login(username);
  return new Client(app, c.cookie, c.csrf);
}

/**
 * One call and one completed mission with its milestones (Shanghai wall-clock times), inserted
 * as the owner in time order, the way the crew and hospital would have recorded them.
 */
async function mission(m: {
  channel: string;
  dest: number;
  received: string;
  answered: string;
  events: Record<string, string>;
  edBypass?: boolean;
}): Promise<number> {
  const complaint = m.channel === 'chest_pain' ? 'CHEST_PAIN' : m.channel === 'stroke' ? 'STROKE' : 'DYSPNOEA';
  const call = await one(`
    INSERT INTO ems_calls (county_id, org_id, client_id, received_at, answered_at, caller_phone, address, village_org_id,
      lat, lng, complaint_code, triage_level, channel, patient_label, status)
    VALUES (${env.countyId}, ${people}, gen_random_uuid(), ${ts(m.received)}, ${ts(m.answered)}, '13800001234',
      '测试村 3 组', ${villageA}, 36.1, 111.5, '${complaint}', 1, '${m.channel}', '男，60 岁', 'closed')
    RETURNING id`);
  const row = await one(`
    INSERT INTO ems_missions (county_id, call_id, vehicle_id, org_id, station_org_id, dest_org_id, channel, status, backfilled)
    VALUES (${env.countyId}, ${String(call.id)}, ${vehicle}, ${people}, ${people}, ${m.dest}, '${m.channel}', 'completed', true)
    RETURNING id`);
  const id = Number(row.id);
  const ordered = Object.entries(m.events).sort((a, b) => a[1].localeCompare(b[1]));
  for (const [milestone, at] of ordered)
    await env.asOwner(`
      INSERT INTO ems_events (county_id, mission_id, milestone, at, source)
      VALUES (${env.countyId}, ${id}, '${milestone}', ${ts(at)}, 'backfill')`);
  if (m.edBypass !== undefined)
    await env.asOwner(`
      INSERT INTO ems_preadmissions (county_id, mission_id, dest_org_id, temp_id, channel, status, arrived_at, ed_bypass)
      VALUES (${env.countyId}, ${id}, ${m.dest}, 'T20200210-${String(id).padStart(4, '0')}', '${m.channel}', 'arrived',
        ${ts(m.events.door)}, ${m.edBypass})`);
  return id;
}

async function getFigures(client: Client, from: string, to: string): Promise<EmsFigures> {
  const res = await client.get(`/api/ems/figures?from=${from}&to=${to}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<EmsFigures>();
}
const fig = (f: EmsFigures, key: string): EmsFigure => {
  const found = f.figures.find((x) => x.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
};

let chestPain: number;

beforeAll(async () => {
  env = await createTestEnv();
  app = Fastify();
  app.decorate('platform', env.app.platform);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  await app.register(cookie);
  registerAccessControl(app, { ...POLICIES, ...PROPOSED });
  await app.register(emsFigureRoutes);
  await app.ready();
  admin = await as('admin');

  people = Number((await one(`SELECT org_id FROM staff WHERE username = 'county.doctor'`)).org_id);
  townA = Number((await one(`SELECT org_id FROM staff WHERE username = 'township.doctor'`)).org_id);
  townB = Number(
    (
      await one(`SELECT id FROM orgs WHERE county_id = ${env.countyId} AND kind = 'township_center' AND id <> ${townA}
                 ORDER BY id LIMIT 1`)
    ).id,
  );
  villageA = Number((await one(`SELECT org_id FROM staff WHERE username = 'village.doctor'`)).org_id);
  expect(Number((await one(`SELECT parent_id FROM orgs WHERE id = ${villageA}`)).parent_id)).toBe(townA);
  station = Number(
    (
      await one(`INSERT INTO ems_stations (county_id, org_id, name) VALUES (${env.countyId}, ${people}, '测试急救分站')
                 RETURNING id`)
    ).id,
  );
  vehicle = Number(
    (
      await one(`INSERT INTO ems_vehicles (county_id, station_id, org_id, call_sign, plate, kind)
                 VALUES (${env.countyId}, ${station}, ${people}, '测试01', '晋Z99T01', 'emergency') RETURNING id`)
    ).id,
  );

  // the Suzhou case: door 08:30, wire 08:57 (D2W 27), FMC 08:12 (FMC-to-wire 45)
  chestPain = await mission({
    channel: 'chest_pain',
    dest: people,
    received: '2020-02-10 08:00:00',
    answered: '2020-02-10 08:00:08',
    edBypass: true,
    events: {
      dispatch_decided: '2020-02-10 08:00:40',
      crew_notified: '2020-02-10 08:00:50',
      departed: '2020-02-10 08:02:00',
      on_scene: '2020-02-10 08:11:00',
      fmc: '2020-02-10 08:12:00',
      first_ecg: '2020-02-10 08:17:00',
      ecg_transmitted: '2020-02-10 08:18:00',
      left_scene: '2020-02-10 08:19:00',
      ecg_read: '2020-02-10 08:20:00',
      prealert: '2020-02-10 08:21:00',
      diagnosis: '2020-02-10 08:22:00',
      consent_started: '2020-02-10 08:23:00',
      cathlab_activated: '2020-02-10 08:24:00',
      door: '2020-02-10 08:30:00',
      consent_signed: '2020-02-10 08:31:00',
      handover: '2020-02-10 08:35:00',
      cathlab_arrived: '2020-02-10 08:40:00',
      wire: '2020-02-10 08:57:00',
    },
  });
});
afterAll(async () => {
  await app?.close();
  await env?.close();
});

describe('ems_mission_intervals_v01', () => {
  it('pivots the milestones and computes the chest-pain intervals exactly (D2W 27, FMC-to-wire 45)', async () => {
    // read as the app role under a county-wide scope, as the lead's timeline will
    const county = (await env.app.platform.orgTree.fresh()).county(env.countyId);
    const row = await withScope(env.db, { userId: 0, orgIds: county }, (trx) =>
      trx
        .selectFrom('ems_mission_intervals_v01')
        .selectAll()
        .where('mission_id', '=', chestPain)
        .executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({
      channel: 'chest_pain',
      month: '2020-02',
      station_id: station,
      station_org_id: people,
      dest_org_id: people,
      dest_kind: 'county_hospital',
      township_id: townA,
      answer_s: 8,
      departure_s: 112,
      departed_3min: true,
      fmc_to_ecg_min: 5,
      ecg_to_diagnosis_min: 5,
      door_to_wire_min: 27,
      fmc_to_wire_min: 45,
      consent_min: 8,
      transport_min: 11,
      dido_min: null, // the county hospital is not a township centre
      dnt_min: null,
      dpt_min: null, // not a stroke mission
      ed_bypass: true,
      ecg_transmitted_prehospital: true,
    });
    expect(row.response_min).toBeCloseTo(10 + 52 / 60, 10);
    expect(row.door_at?.toISOString()).toBe('2020-02-10T00:30:00.000Z');
    // without call_received / call_answered events the call's own times stand in
    expect(row.call_received_at.toISOString()).toBe('2020-02-10T00:00:00.000Z');
  });

  it('the month’s chest-pain figures read the same minutes, with numerator and denominator', async () => {
    const f = await getFigures(admin, '2020-02', '2020-02');
    expect(fig(f, 'door_to_wire_p50')).toMatchObject({ value: 27, numerator: null, denominator: 1, met: true });
    expect(fig(f, 'door_to_wire_p50').byMonth).toEqual([
      { month: '2020-02', value: 27, numerator: null, denominator: 1 },
    ]);
    expect(fig(f, 'door_to_wire_p50').byDest).toEqual([
      expect.objectContaining({ id: people, value: 27, denominator: 1 }),
    ]);
    expect(fig(f, 'door_to_wire_90')).toMatchObject({ numerator: 1, denominator: 1, value: 100, met: true });
    expect(fig(f, 'fmc_to_wire_p50')).toMatchObject({ value: 45, denominator: 1 });
    expect(fig(f, 'fmc_to_ecg_10')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(fig(f, 'ecg_to_diagnosis_10')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(fig(f, 'ecg_transmitted')).toMatchObject({ numerator: 1, denominator: 1, met: true });
    expect(fig(f, 'ed_bypass')).toMatchObject({ numerator: 1, denominator: 1, met: true });
    expect(fig(f, 'consent_p50')).toMatchObject({ value: 8, met: true });
    expect(fig(f, 'departed_3min')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(fig(f, 'response_p50')).toMatchObject({ value: 10.9, denominator: 1, met: true });
    expect(fig(f, 'door_to_wire_90').view).toBe('db/views/indicator_ems_chest_pain_v01.sql');
    expect(fig(f, 'door_to_wire_90').definition).toContain('90');
    expect(f.responseDistribution.map((b) => b.n)).toEqual([0, 0, 1, 0, 0, 0, 0]);
    // another month has none of it
    const january = await getFigures(admin, '2020-01', '2020-01');
    expect(fig(january, 'door_to_wire_p50')).toMatchObject({ value: null, denominator: 0, met: null });
  });
});

describe('stroke', () => {
  it('DNT and DPT against 60 and 90 minutes, onset-to-needle from the last time seen well', async () => {
    const id = await mission({
      channel: 'stroke',
      dest: people,
      received: '2020-06-01 07:30:00',
      answered: '2020-06-01 07:30:05',
      events: {
        last_known_well: '2020-06-01 07:00:00',
        departed: '2020-06-01 07:32:00',
        on_scene: '2020-06-01 07:45:00',
        door: '2020-06-01 08:10:00',
        ct_start: '2020-06-01 08:20:00',
        needle: '2020-06-01 08:55:00',
        cathlab_arrived: '2020-06-01 09:20:00',
        wire: '2020-06-01 09:45:00',
      },
    });
    const row = await one(
      `SELECT dnt_min, dpt_min, door_to_wire_min, onset_to_needle_min FROM ems_mission_intervals_v01 WHERE mission_id = ${id}`,
    );
    expect(row).toEqual({ dnt_min: 45, dpt_min: 95, door_to_wire_min: 95, onset_to_needle_min: 115 });
    const f = await getFigures(admin, '2020-06', '2020-06');
    expect(fig(f, 'dnt_60')).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(fig(f, 'dnt_p50')).toMatchObject({ value: 45, met: true });
    expect(fig(f, 'dpt_90')).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(fig(f, 'dpt_p50')).toMatchObject({ value: 95, met: false });
    expect(fig(f, 'onset_to_needle_p50')).toMatchObject({ value: 115 });
    // a stroke mission is no chest-pain case
    expect(fig(f, 'door_to_wire_p50')).toMatchObject({ denominator: 0, value: null });
  });
});

describe('10-second answer rate', () => {
  it('a call answered in 10 s counts, one answered in 11 s does not; months are Shanghai months', async () => {
    for (const [received, answered] of [
      ['2020-03-05 09:00:00', '2020-03-05 09:00:10'],
      ['2020-03-06 09:00:00', '2020-03-06 09:00:11'],
      // 2020-03-31 16:00:05 UTC: April in Shanghai
      ['2020-04-01 00:00:05', '2020-04-01 00:00:15'],
    ])
      await env.asOwner(`
        INSERT INTO ems_calls (county_id, org_id, client_id, received_at, answered_at, caller_phone, address, lat, lng,
          complaint_code, triage_level, channel, patient_label, status)
        VALUES (${env.countyId}, ${people}, gen_random_uuid(), ${ts(received)}, ${ts(answered)}, '13900001111', '县城',
          36.1, 111.5, 'FEVER', 4, 'general', '女', 'cancelled')`);
    const march = fig(await getFigures(admin, '2020-03', '2020-03'), 'answer_10s');
    expect(march).toMatchObject({ numerator: 1, denominator: 2, value: 50, met: false });
    const april = fig(await getFigures(admin, '2020-04', '2020-04'), 'answer_10s');
    expect(april).toMatchObject({ numerator: 1, denominator: 1, value: 100, met: true });
    const both = await getFigures(admin, '2020-02', '2020-04');
    expect(both.months).toEqual(['2020-02', '2020-03', '2020-04']);
    expect(fig(both, 'answer_10s')).toMatchObject({ numerator: 3, denominator: 4, value: 75 });
    expect(fig(both, 'answer_10s').byMonth.map((m) => [m.month, m.numerator, m.denominator])).toEqual([
      ['2020-02', 1, 1],
      ['2020-03', 1, 2],
      ['2020-04', 1, 1],
    ]);
  });
});

describe('DIDO per township and 3-minute departures', () => {
  beforeAll(async () => {
    // township A: 35 min; township B: 20 and 40 min; the county hospital's door-out is no DIDO
    const transfer = (dest: number, day: string, departedAfter: number | null, dido: number) => {
      const at = (min: number) =>
        `2020-05-${day} ${String(10 + Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}:00`;
      const events: Record<string, string> = {
        on_scene: at(12),
        left_scene: at(20),
        door: at(40),
        door_out: at(40 + dido),
      };
      if (departedAfter !== null)
        events.departed = `2020-05-${day} 10:0${Math.floor(departedAfter / 60)}:${String(departedAfter % 60).padStart(2, '0')}`;
      return mission({
        channel: 'general',
        dest,
        received: `2020-05-${day} 09:59:55`,
        answered: `2020-05-${day} 10:00:00`,
        events,
      });
    };
    await transfer(townA, '02', 180, 35);
    await transfer(townB, '03', 181, 20);
    await transfer(townB, '04', null, 40);
    await transfer(people, '05', 60, 25);
  });

  it('is the median door-in to door-out per township centre, and only at township centres', async () => {
    const f = await getFigures(admin, '2020-05', '2020-05');
    const p50 = fig(f, 'dido_p50');
    expect(p50).toMatchObject({ value: 35, denominator: 3, met: false });
    expect(p50.byTownship?.map((t) => [t.id, t.value, t.denominator])).toEqual(
      [
        [townA, 35, 1],
        [townB, 30, 2],
      ].sort((a, b) => a[0] - b[0]),
    );
    const within = fig(f, 'dido_30');
    expect(within.byTownship?.map((t) => [t.id, t.numerator, t.denominator])).toEqual(
      [
        [townA, 0, 1],
        [townB, 1, 2],
      ].sort((a, b) => a[0] - b[0]),
    );
    expect(p50.byTownship?.find((t) => t.id === townA)?.name).toBeTruthy();
  });

  it('3-minute 出车: 180 s counts, 181 s does not, no departure is not counted', async () => {
    const f = await getFigures(admin, '2020-05', '2020-05');
    expect(fig(f, 'departed_3min')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(fig(f, 'departed_3min').byStation).toEqual([
      expect.objectContaining({ id: station, name: '测试急救分站', numerator: 2, denominator: 3 }),
    ]);
    // on scene 12 min after the answer: within 12 minutes, all four
    expect(fig(f, 'response_12min')).toMatchObject({ numerator: 4, denominator: 4 });
  });

  it('a township doctor counts only the missions of their township', async () => {
    const f = await getFigures(await as('township.doctor'), '2020-05', '2020-05');
    // the missions' call came from village A, but only the one to centre A is visible to A (RLS by org)
    expect(fig(f, 'dido_p50').byTownship?.map((t) => t.id)).toEqual([townA]);
  });
});

describe('the figures API', () => {
  it('exports the figures as Excel with numerator, denominator and definition', async () => {
    const res = await admin.get('/api/ems/figures/export?from=2020-02&to=2020-02');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const rows = readXlsx(res.rawPayload);
    expect(rows[0].slice(0, 6)).toEqual(['指标', '维度', '月份/名称', '分子', '分母', '数值']);
    const d2w = rows.find((r) => r[0] === '进门-导丝时间中位数' && r[1] === '合计');
    expect(d2w?.slice(3, 7)).toEqual(['', '1', '27', '分钟']);
    const audit = await one(`SELECT count(*) AS n FROM audit_log WHERE action = 'ems.figures.export'`);
    expect(Number(audit.n)).toBe(1);
  });

  it('refuses a bad period in Chinese, and roles outside the figures', async () => {
    for (const q of ['from=2020-13', 'from=2020-05&to=2020-02', 'from=2017-01&to=2020-12']) {
      const res = await admin.get(`/api/ems/figures?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json<{ message: string }>().message).toMatch(/月份|区间/);
    }
    const village = await as('village.doctor');
    expect((await village.get('/api/ems/figures')).statusCode).toBe(403);
    const dispatcher = await as('dispatcher');
    expect((await dispatcher.get('/api/ems/figures?from=2020-02&to=2020-02')).statusCode).toBe(200);
  });
});
