import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { key, referralWorld, type ReferralWorld } from '../referrals/referral-test-kit.ts';
import { chargeExact, dischargedStay, publishFixturePolicy, settleStay, type Settled } from './settlement-test-kit.ts';

/** The one-stop settlement end to end over HTTP, with the issue's fixture parameters (not official policy). */
let env: TestEnv;
let w: ReferralWorld;
let admin: Client;
let residents: number[];
let versionId: number;

beforeAll(async () => {
  env = await createTestEnv();
  w = await referralWorld(env);
  admin = await env.login('admin');
  residents = (await env.asOwner(`SELECT id FROM residents WHERE deceased_on IS NULL ORDER BY id LIMIT 30`)).map((r) =>
    Number(r.id),
  );
  await env.asOwner(`UPDATE residents SET insurance_type = 'resident', registered_poor = (id = ANY('{${residents.slice(0, 15).join(',')}}'::int[]))
    WHERE id = ANY('{${residents.join(',')}}'::int[])`);
  versionId = await publishFixturePolicy(admin, todayInShanghai());
});
afterAll(async () => {
  await env?.close();
});

const stay = (residentId: number, bill: { aFen: number; bFen: number; selfFen: number }, diagnosis?: string) =>
  dischargedStay(env, { clerk: w.clerk, doctor: w.county, dept: w.cardiologyDept }, residentId, bill, diagnosis);

describe('the worked cases through the desk', () => {
  let caseA: Settled;
  it('case A: a poor inpatient admitted without deposit pays ¥1,000.00; five payers advance ¥59,000.00', async () => {
    const adm = await w.clerk.post(
      '/api/stays',
      { residentId: residents[0], departmentId: w.cardiologyDept },
      { 'idempotency-key': key() },
    );
    const stayId = adm.json<{ id: number }>().id;
    const check = await w.clerk.post('/api/settlement/admission-checks', { stayId });
    expect(check.json()).toMatchObject({ payLater: true, personCat: 'poor', depositAskedFen: 0 });
    await chargeExact(env, stayId, { aFen: 4_500_000, bFen: 1_200_000, selfFen: 300_000 });
    // not discharged yet: no settlement
    expect((await w.clerk.post('/api/settlements', { stayId })).json().code).toBe('NOT_DISCHARGED');
    expect(
      (await w.county.post(`/api/stays/${stayId}/discharge`, { disposition: 'home', diagnosisCodes: ['I21.9'] }))
        .statusCode,
    ).toBe(200);
    caseA = await settleStay(w.clerk, stayId);
    expect(caseA.fields).toMatchObject({
      medfee_sumamt: 6_000_000,
      fulamt_ownpay_amt: 300_000,
      preselfpay_amt: 120_000,
      inscp_scp_amt: 5_580_000,
      act_pay_dedc: 30_000,
      hifp_pay: 4_440_000,
      hifmi_pay: 416_000,
      hifob_pay: 362_000,
      maf_pay: 253_400,
      oth_pay: 428_600,
      psn_part_amt: 100_000,
      fund_pay_sumamt: 5_900_000,
    });
    expect(caseA.settlementNo).toMatch(/^JS\d{8}\d{7}$/);
    const recs = await env.asOwner(
      `SELECT payer, amount_fen::int AS amount FROM receivables WHERE settlement_id = ${caseA.id} ORDER BY payer`,
    );
    expect(recs).toEqual([
      { payer: 'assistance', amount: 253_400 },
      { payer: 'basic', amount: 4_440_000 },
      { payer: 'doudi', amount: 428_600 },
      { payer: 'serious', amount: 416_000 },
      { payer: 'supplementary', amount: 362_000 },
    ]);
    // the patient paid their share at the desk: one receipt of ¥1,000.00
    const cash = await env.asOwner(
      `SELECT kind, amount_fen::int AS amount FROM cash_movements WHERE settlement_id = ${caseA.id}`,
    );
    expect(cash).toEqual([{ kind: 'settlement_pay', amount: 100_000 }]);
    // the city feed got it, without a name or ID
    const feed = await env.asOwner(`SELECT * FROM settlement_feed WHERE settlement_no = '${caseA.settlementNo}'`);
    expect(feed).toHaveLength(1);
    expect(JSON.stringify(feed[0])).not.toMatch(/id_number|name_pinyin/);
  });

  it('case C (another poor resident): ¥3,000.00 all compliant → the patient pays ¥126.00', async () => {
    const s = await settleStay(w.clerk, await stay(residents[1], { aFen: 300_000, bFen: 0, selfFen: 0 }));
    expect(s.fields).toMatchObject({
      hifp_pay: 216_000,
      hifmi_pay: 0,
      hifob_pay: 42_000,
      maf_pay: 29_400,
      oth_pay: 0,
      psn_part_amt: 12_600,
    });
  });

  it('a confirmed settlement is reproduced to the fen from its stored inputs and version', async () => {
    const v = await w.clerk.get(`/api/settlements/${caseA.id}/verify`);
    expect(v.json()).toEqual({ reproduced: true, inputHashMatches: true, differences: [] });
  });

  it('the database refuses an edit of a confirmed settlement and of a published version', async () => {
    await expect(env.asOwner(`UPDATE settlements SET psn_part_amt = 1 WHERE id = ${caseA.id}`)).rejects.toThrow(
      /confirmed/,
    );
    await expect(
      env.asOwner(`UPDATE settlement_rules SET ratio_bp = 9000 WHERE version_id = ${versionId}`),
    ).rejects.toThrow(/published/);
    // a settled discharge cannot be cancelled (HIS A13 included) until the settlement is reversed
    await expect(
      env.asOwner(`UPDATE stays SET status = 'admitted', discharged_at = NULL, disposition = NULL, length_of_stay_days = NULL
        WHERE id = (SELECT stay_id FROM settlements WHERE id = ${caseA.id})`),
    ).rejects.toThrow(/settled/);
    const put = await admin.put(`/api/settlement/policy/versions/${versionId}`, {
      title: '改动版本',
      effectiveFrom: todayInShanghai(),
      docRef: '改动文件',
      rules: [],
      packages: [],
    });
    expect(put.statusCode).toBe(409);
    expect(put.json().code).toBe('POLICY_PUBLISHED');
  });

  it('a settled stay takes no more charges', async () => {
    const r = await w.clerk.post(
      `/api/stays/${caseA.inputHash ? (await env.asOwner(`SELECT stay_id FROM settlements WHERE id = ${caseA.id}`))[0].stay_id : 0}/fee-lines`,
      {
        lines: [{ itemCode: 'BED-GEN', quantity: 1 }],
      },
    );
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('ALREADY_SETTLED');
  });
});

describe('deposits, pay-later and the till', () => {
  it('a general resident is asked the deposit; at discharge the deposit is applied and the surplus refunded', async () => {
    const adm = await w.clerk.post(
      '/api/stays',
      { residentId: residents[20], departmentId: w.cardiologyDept },
      { 'idempotency-key': key() },
    );
    const stayId = adm.json<{ id: number }>().id;
    const check = await w.clerk.post('/api/settlement/admission-checks', { stayId });
    expect(check.json()).toMatchObject({ payLater: false, personCat: 'general', depositAskedFen: 200_000 });
    const k = key();
    const dep = await w.clerk.post(
      '/api/settlement/deposits',
      { stayId, amountFen: 200_000, method: 'wechat' },
      { 'idempotency-key': k },
    );
    expect(dep.statusCode, dep.body).toBe(201);
    const again = await w.clerk.post(
      '/api/settlement/deposits',
      { stayId, amountFen: 200_000, method: 'wechat' },
      { 'idempotency-key': k },
    );
    expect(again.json().receiptNo).toBe(dep.json().receiptNo);
    const tooMuch = await w.clerk.post(
      '/api/settlement/deposits',
      { stayId, amountFen: -300_000, method: 'cash' },
      { 'idempotency-key': key() },
    );
    expect(tooMuch.json().code).toBe('REFUND_TOO_LARGE');
    await chargeExact(env, stayId, { aFen: 400_000, bFen: 0, selfFen: 0 });
    await w.county.post(`/api/stays/${stayId}/discharge`, { disposition: 'home', diagnosisCodes: ['J18.9'] });
    const s = await settleStay(w.clerk, stayId);
    // (4,000 − 600) × 75% = 2,550 → the patient pays 1,450 of a 2,000 deposit: 550 back
    expect(s.fields).toMatchObject({ hifp_pay: 255_000, psn_part_amt: 145_000 });
    const d = (await w.clerk.get(`/api/settlements/${s.id}`)).json();
    expect(d).toMatchObject({ depositFen: 145_000, refundFen: 55_000, collectedFen: 0 });
    const report = (await w.clerk.get(`/api/settlement/day-report?day=${todayInShanghai()}`)).json();
    const mine = report.clerks[0];
    expect(mine.lines).toEqual(
      expect.arrayContaining([
        { kind: 'deposit', method: 'wechat', count: 1, amountFen: 200_000 },
        { kind: 'deposit_refund', method: 'cash', count: 1, amountFen: -55_000 },
      ]),
    );
  });

  it('concurrent clicks on one discharge make one settlement', async () => {
    const stayId = await stay(residents[2], { aFen: 100_000, bFen: 0, selfFen: 0 });
    const res = await Promise.all(Array.from({ length: 5 }, () => w.clerk.post('/api/settlements', { stayId })));
    expect(res.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(res.map((r) => r.json().id)).size).toBe(1);
    const rows = await env.asOwner(`SELECT count(*)::int AS n FROM settlements WHERE stay_id = ${stayId}`);
    expect(rows[0].n).toBe(1);
  });

  it('a stale calculation cannot be confirmed: a charge added after it makes the clerk look again', async () => {
    const stayId = await stay(residents[3], { aFen: 100_000, bFen: 0, selfFen: 0 });
    const calc = (await w.clerk.post('/api/settlements', { stayId })).json();
    await chargeExact(env, stayId, { aFen: 5_000, bFen: 0, selfFen: 0 });
    const stale = await w.clerk.post(`/api/settlements/${calc.id}/confirm`, { inputHash: calc.inputHash });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('SETTLEMENT_CHANGED');
  });
});

describe('reversal, accumulators and policy versions', () => {
  it('a reversal is a negative settlement that gives the accumulators back; the corrected bill settles again', async () => {
    const stayId = await stay(residents[4], { aFen: 2_000_000, bFen: 0, selfFen: 0 });
    const acc0 = await env.asOwner(
      `SELECT serious_base_fen::int AS b FROM settlement_accumulators WHERE resident_id = ${residents[4]}`,
    );
    const s = await settleStay(w.clerk, stayId);
    const acc1 = await env.asOwner(
      `SELECT serious_base_fen::int AS b, settlements FROM settlement_accumulators WHERE resident_id = ${residents[4]}`,
    );
    expect(acc1[0].b).toBeGreaterThan(0);
    const noReason = await w.clerk.post(`/api/settlements/${s.id}/reverse`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const rev = await w.clerk.post(`/api/settlements/${s.id}/reverse`, { reason: '费用录入错误' });
    expect(rev.statusCode, rev.body).toBe(200);
    expect(rev.json()).toMatchObject({ kind: 'reversal', reversesNo: s.settlementNo });
    expect(rev.json().fields.psn_part_amt).toBe(-s.fields.psn_part_amt);
    const acc2 = await env.asOwner(
      `SELECT serious_base_fen::int AS b, settlements FROM settlement_accumulators WHERE resident_id = ${residents[4]}`,
    );
    expect(acc2[0]).toEqual({ b: acc0[0]?.b ?? 0, settlements: 0 });
    expect((await w.clerk.post(`/api/settlements/${s.id}/reverse`, { reason: '再次冲销' })).json().code).toBe(
      'ALREADY_REVERSED',
    );
    // open receivables written off, the patient's payment refunded
    const recs = await env.asOwner(`SELECT DISTINCT status FROM receivables WHERE settlement_id = ${s.id}`);
    expect(recs).toEqual([{ status: 'written_off' }]);
    const again = await settleStay(w.clerk, stayId);
    expect(again.fields).toEqual(s.fields);
  });

  it('a new version changes new settlements only; the old one still reproduces', async () => {
    const first = await settleStay(w.clerk, await stay(residents[5], { aFen: 300_000, bFen: 0, selfFen: 0 }));
    // the day after the server's Shanghai today: publishing is never back-dated
    const tomorrow = addDays(todayInShanghai(), 1);
    const draft = (
      await admin.post('/api/settlement/policy/versions', {
        basedOn: versionId,
        title: '明年参数',
        effectiveFrom: tomorrow,
        docRef: '测试文件 2',
      })
    ).json();
    expect(draft.rules.length).toBeGreaterThan(5);
    const back = await admin.post(`/api/settlement/policy/versions/${draft.id}/publish`, {});
    expect(back.statusCode).toBe(200);
    const v = await w.clerk.get(`/api/settlements/${first.id}/verify`);
    expect(v.json().reproduced).toBe(true);
    const past = await admin.post('/api/settlement/policy/versions', {
      basedOn: versionId,
      title: '倒签',
      effectiveFrom: '2020-01-01',
      docRef: '倒签文件',
    });
    const pub = await admin.post(`/api/settlement/policy/versions/${past.json().id}/publish`, {});
    expect(pub.json().code).toBe('BACKDATED');
  });

  it('a per-case package is chosen when the diagnosis and hospital match', async () => {
    const s = await settleStay(w.clerk, await stay(residents[6], { aFen: 900_000, bFen: 0, selfFen: 0 }, 'K35.800'));
    expect(s.fields).toMatchObject({ hosp_part_amt: 100_000, hifp_pay: 720_000 });
    const d = (await w.clerk.get(`/api/settlements/${s.id}`)).json();
    expect(d.package).toMatchObject({ code: 'PKG-K35' });
  });
});

describe('outpatient settlement at the desk', () => {
  const visitWith = async (residentId: number, code: string) => {
    const v = await w.clerk.post(
      '/api/visits',
      { residentId, departmentId: w.cardiologyDept, diagnosisCodes: [code] },
      { 'idempotency-key': key() },
    );
    expect(v.statusCode, v.body).toBe(201);
    const id = v.json<{ id: number }>().id;
    const fees = await w.clerk.post(`/api/visits/${id}/fee-lines`, {
      lines: [
        { itemCode: 'DRG-AMLO', quantity: 2 },
        { itemCode: 'REG-GEN', quantity: 1 },
      ],
    });
    expect(fees.statusCode, fees.body).toBe(200);
    return { id, total: fees.json<{ fees: { totalFen: number } }>().fees.totalFen };
  };
  it('a hypertension visit is settled under 门诊慢特病 (70%); a cold at the county hospital has no 门诊统筹 there', async () => {
    const chronic = await visitWith(residents[25], 'I10');
    const s = (await w.clerk.post('/api/settlements', { visitId: chronic.id })).json();
    expect(s.setting).toBe('chronic');
    expect(s.fields.hifp_pay).toBe(Math.floor((chronic.total * 7000 + 5000) / 10000));
    const ok = await w.clerk.post(`/api/settlements/${s.id}/confirm`, { inputHash: s.inputHash, method: 'wechat' });
    expect(ok.statusCode, ok.body).toBe(200);
    const cold = await visitWith(residents[26], 'J06.9');
    const c = (await w.clerk.post('/api/settlements', { visitId: cold.id })).json();
    expect(c).toMatchObject({ setting: 'outpatient', fields: { hifp_pay: 0, psn_part_amt: cold.total } });
  });
});

describe('receivables and reconciliation', () => {
  it('a claim batch and a partly rejected return: matched, difference, rejected, unknown', async () => {
    const people = (await w.clerk.get('/api/settlement/receivables?payer=basic&status=open&pageSize=100')).json();
    expect(people.items.length).toBeGreaterThanOrEqual(3);
    const orgId = (await env.asOwner(`SELECT org_id FROM receivables LIMIT 1`))[0].org_id as number;
    const today = todayInShanghai();
    const batch = await w.clerk.post('/api/settlement/claim-batches', {
      orgId,
      payer: 'basic',
      periodFrom: '2020-01-01',
      periodTo: today,
    });
    expect(batch.statusCode, batch.body).toBe(200);
    const b = batch.json();
    const items = (await w.clerk.get(`/api/settlement/claim-batches/${b.id}`)).json().items as Array<{
      settlementNo: string;
      amountFen: number;
    }>;
    const lines = [
      '结算单号,申报金额,实付金额,拒付原因',
      `${items[0].settlementNo},${items[0].amountFen / 100},${items[0].amountFen / 100},`,
      `${items[1].settlementNo},${items[1].amountFen / 100},${(items[1].amountFen - 10_000) / 100},超限用药扣减`,
      `${items[2].settlementNo},${items[2].amountFen / 100},0,诊断与用药不符`,
      `JS2099010100000,1.00,1.00,`,
      ...items.slice(3).map((i) => `${i.settlementNo},${i.amountFen / 100},${i.amountFen / 100},`),
    ];
    const iconv = (await import('iconv-lite')).default;
    const file = iconv.encode(lines.join('\r\n'), 'gb18030');
    const ret = await w.clerk.post(`/api/settlement/claim-batches/${b.id}/returns`, {
      fileName: '回款.csv',
      contentBase64: file.toString('base64'),
    });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json()).toMatchObject({ matched: items.length - 2, difference: 1, rejected: 1, unknown: 1 });
    const again = await w.clerk.post(`/api/settlement/claim-batches/${b.id}/returns`, {
      fileName: '回款.csv',
      contentBase64: file.toString('base64'),
    });
    expect(again.json().code).toBe('RETURN_IMPORTED');
    const rejected = (await w.clerk.get('/api/settlement/receivables?status=rejected')).json();
    expect(rejected.items[0]).toMatchObject({ rejectReason: '诊断与用药不符' });
    const bad = await w.clerk.post(`/api/settlement/claim-batches/${b.id}/returns`, {
      fileName: 'x.csv',
      contentBase64: Buffer.from('a,b\n1,2').toString('base64'),
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('access', () => {
  it('a clerk of another hospital sees none of these settlements; the bureau sees figures; the city sees the feed', async () => {
    const first = (await env.asOwner(`SELECT id FROM settlements WHERE kind = 'settlement' ORDER BY id LIMIT 1`))[0].id;
    const other = await env.asOwner(`SELECT s.username FROM staff s JOIN orgs o ON o.id = s.org_id
      WHERE 'clerk' = ANY(s.roles) AND o.id <> (SELECT org_id FROM settlements WHERE id = ${first}) LIMIT 1`);
    if (other[0]) {
      const c = await env.login(String(other[0].username));
      expect((await c.get(`/api/settlements/${first}`)).statusCode).toBe(404);
      expect((await c.get('/api/settlement/desk?tab=settled')).json().items).toEqual([]);
    }
    const bureau = await env.login('bureau');
    const f = await bureau.get(`/api/settlement/figures?year=${todayInShanghai().slice(0, 4)}`);
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json().poorInpatientRatio.total.ratio).toBeGreaterThan(0.5);
    expect((await bureau.get(`/api/settlements/${first}`)).statusCode).toBe(403);
    const city = await env.login('city');
    const o = await city.get(`/api/city/settlements?year=${todayInShanghai().slice(0, 4)}`);
    expect(o.statusCode, o.body).toBe(200);
    expect(o.json().counties[0].settlements).toBeGreaterThan(3);
    expect(JSON.stringify(o.json())).not.toMatch(/\d{17}[\dX]/);
  });
});
