import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { downBody, key, referralWorld, type ReferralWorld } from '../referrals/referral-test-kit.ts';

let env: TestEnv;
let w: ReferralWorld;
let admin: Client;
let beds: Array<{ id: number; code: string }>;
let neuroBeds: Array<{ id: number; code: string }>;
let neuroDept: number;
let residents: number[];

beforeAll(async () => {
  env = await createTestEnv();
  w = await referralWorld(env);
  admin = await env.login('admin');
  const people = (await w.county.get(`/api/orgs/${w.people}`)).json<{
    departments: Array<{ id: number; code: string }>;
  }>();
  neuroDept = people.departments.find((d) => d.code === 'neurology')!.id;
  const ward = await admin.post('/api/wards', { departmentId: w.cardiologyDept, code: 'XN1', name: '心内一病区' });
  expect(ward.statusCode, ward.body).toBe(201);
  beds = (await admin.post(`/api/wards/${ward.json().id}/beds`, { count: 3 })).json();
  const ward2 = (await admin.post('/api/wards', { departmentId: neuroDept, code: 'SN1', name: '神内一病区' })).json();
  neuroBeds = (await admin.post(`/api/wards/${ward2.id}/beds`, { count: 2, prefix: 'N' })).json();
  residents = (await env.asOwner(`SELECT id FROM residents ORDER BY id LIMIT 6`)).map((r) => Number(r.id));
});
afterAll(async () => {
  await env?.close();
});

const admit = (client: Client, body: Record<string, unknown>, k = key()) =>
  client.post('/api/stays', { diagnosisCodes: ['I21.9'], ...body }, { 'idempotency-key': k });

async function occupancy(bedId: number) {
  return env.asOwner(`SELECT resident_id, admission_id, stay_id FROM bed_occupancy WHERE bed_id = ${bedId}`);
}

describe('inpatient stays', () => {
  it('admits into a bed once; another patient in the same bed is refused', async () => {
    const a = await admit(w.clerk, { residentId: residents[0], departmentId: w.cardiologyDept, bedId: beds[0].id });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ status: 'admitted', bedCode: '01', departmentId: w.cardiologyDept });
    const b = await admit(w.clerk, { residentId: residents[1], departmentId: w.cardiologyDept, bedId: beds[0].id });
    expect(b.statusCode).toBe(409);
    expect(b.json().code).toBe('BED_OCCUPIED');
    const twice = await admit(w.clerk, { residentId: residents[0], departmentId: w.cardiologyDept, bedId: beds[1].id });
    expect(twice.json().code).toBe('ALREADY_ADMITTED');
    const bedList = (await w.county.get(`/api/departments/${w.cardiologyDept}/beds`)).json<
      Array<{ code: string; occupied: boolean; stayId: number | null }>
    >();
    expect(bedList.find((x) => x.code === '01')).toMatchObject({ occupied: true, stayId: a.json().id });
  });

  it('from the bed board: the request and its stay hold one bed, counted once', async () => {
    const req = await w.coordinator.post('/api/admissions', {
      residentId: residents[2],
      departmentId: w.cardiologyDept,
      urgency: 'urgent',
    });
    expect(req.statusCode, req.body).toBe(201);
    const s = await admit(w.clerk, { admissionRequestId: req.json().id, bedId: beds[1].id });
    expect(s.statusCode, s.body).toBe(201);
    expect(s.json()).toMatchObject({ residentId: residents[2], admissionRequestId: req.json().id, bedCode: '02' });
    const occ = await occupancy(beds[1].id);
    expect(occ).toEqual([{ resident_id: residents[2], admission_id: req.json().id, stay_id: s.json().id }]);
    const board = (await w.coordinator.get(`/api/bed-board?departmentId=${w.cardiologyDept}`)).json();
    expect(board.beds.find((b: { code: string }) => b.code === '02').admission.id).toBe(req.json().id);
    // the board shows the bed a direct stay holds as taken too
    expect(board.beds.find((b: { code: string }) => b.code === '01').occupant).toMatchObject({
      stayId: expect.any(Number),
    });
    expect(board.beds.find((b: { code: string }) => b.code === '03').occupant).toBeNull();
    const wards = (await w.county.get(`/api/wards?departmentId=${w.cardiologyDept}`)).json();
    expect(wards[0]).toMatchObject({ beds: 3, occupied: 2 });
    // the old referral admit path cannot put anyone in a bed a stay holds
    const other = (
      await w.coordinator.post('/api/admissions', {
        residentId: residents[3],
        departmentId: w.cardiologyDept,
        urgency: 'routine',
      })
    ).json();
    const clash = await w.clerk.post(`/api/admissions/${other.id}/admit`, { bedId: beds[0].id });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('BED_OCCUPIED');
  });

  it('transfers to another department as a movement; the request follows; the old bed is free', async () => {
    const stays = (await w.county.get('/api/stays?status=admitted')).json<{
      items: Array<{ id: number; residentId: number }>;
    }>();
    const s = stays.items.find((x) => x.residentId === residents[2])!;
    const t = await w.county.post(`/api/stays/${s.id}/transfer`, { departmentId: neuroDept, bedId: neuroBeds[0].id });
    expect(t.statusCode, t.body).toBe(200);
    expect(t.json().movements.map((m: { departmentId: number }) => m.departmentId)).toEqual([
      w.cardiologyDept,
      neuroDept,
    ]);
    expect(await occupancy(beds[1].id)).toEqual([]);
    expect((await occupancy(neuroBeds[0].id))[0]).toMatchObject({ stay_id: s.id });
    const op = await w.county.post(`/api/stays/${s.id}/operations`, {
      name: '经皮冠状动脉介入治疗',
      grade: 4,
      performedAt: new Date().toISOString(),
    });
    expect(op.statusCode, op.body).toBe(200);
    expect(op.json().operations[0]).toMatchObject({ grade: 4 });
    const bad = await w.county.post(`/api/stays/${s.id}/operations`, {
      name: '手术',
      grade: 5,
      performedAt: new Date().toISOString(),
    });
    expect(bad.statusCode).toBe(400);
  });

  it('discharges with a down-referral made through the referral feature; the bed is freed, LOS counted', async () => {
    const stays = (await w.county.get('/api/stays?status=admitted')).json<{
      items: Array<{ id: number; residentId: number }>;
    }>();
    const s = stays.items.find((x) => x.residentId === residents[0])!;
    const fees = await w.clerk.post(`/api/stays/${s.id}/fee-lines`, {
      lines: [
        { itemCode: 'BED-GEN', quantity: 3 },
        { itemCode: 'DRG-CEFT', quantity: 6 },
        { itemCode: 'CON-IVSET', quantity: 6 },
      ],
    });
    expect(fees.statusCode, fees.body).toBe(200);
    expect(fees.json().fees.totals).toEqual([
      { category: 'bed', amountFen: 9000 },
      { category: 'consumable', amountFen: 1560 },
      { category: 'drug', amountFen: 9360 },
    ]);
    const missing = await w.county.post(`/api/stays/${s.id}/discharge`, {
      disposition: 'down_referral',
      diagnosisCodes: ['I21.9'],
    });
    expect(missing.json().code).toBe('DOWN_REFERRAL_REQUIRED');
    // a code of the full list (I21.002) goes down as its referral-list subcategory (I21.0)
    const d = await w.county.post(`/api/stays/${s.id}/discharge`, {
      disposition: 'down_referral',
      diagnosisCodes: ['I21.002'],
      downReferral: downBody(w),
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({
      status: 'discharged',
      disposition: 'down_referral',
      bedId: null,
      lengthOfStayDays: 1,
    });
    const ref = await w.county.get(`/api/referrals/${d.json().downReferralId}`);
    expect(ref.json()).toMatchObject({ direction: 'down', residentId: residents[0], diagnosis: { code: 'I21.0' } });
    expect(await occupancy(beds[0].id)).toEqual([]);
    const again = await w.county.post(`/api/stays/${s.id}/discharge`, {
      disposition: 'home',
      diagnosisCodes: ['I21.9'],
    });
    expect(again.json().code).toBe('INVALID_TRANSITION');
  });

  it('a township centre sees no stay of the county hospital', async () => {
    const list = (await w.township.get('/api/stays')).json<{ items: unknown[] }>();
    expect(list.items).toEqual([]);
  });
});

describe('wards and beds (administrator)', () => {
  it('refuses a taken ward code and duplicate bed codes; an occupied bed cannot go out of service', async () => {
    const dup = await admin.post('/api/wards', { departmentId: w.cardiologyDept, code: 'XN1', name: '重复' });
    expect(dup.json().code).toBe('WARD_CODE_TAKEN');
    const wards = (await admin.get(`/api/wards?departmentId=${w.cardiologyDept}`)).json();
    const again = await admin.post(`/api/wards/${wards[0].id}/beds`, { codes: ['03', '04'] });
    expect(again.json().code).toBe('BED_CODE_TAKEN');
    const occupied = (await admin.get(`/api/departments/${neuroDept}/beds`))
      .json()
      .find((b: { occupied: boolean }) => b.occupied);
    const shut = await admin.patch(`/api/beds/${occupied.id}`, { status: 'maintenance' });
    expect(shut.json().code).toBe('BED_OCCUPIED');
    const free = await admin.patch(`/api/beds/${beds[2].id}`, { status: 'maintenance', bedType: 'icu' });
    expect(free.json()).toMatchObject({ status: 'maintenance', bedType: 'icu' });
    const into = await admit(w.clerk, { residentId: residents[4], departmentId: w.cardiologyDept, bedId: beds[2].id });
    expect(into.json().code).toBe('BED_NOT_OPEN');
  });
});
