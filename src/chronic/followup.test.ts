import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInShanghai } from '../platform/calendar.ts';
import { createTestEnv, type TestEnv } from '../platform/test-helpers.ts';
import { fdWorld, followupBody, managedCase, signBody, type FdWorld } from './chronic-test-kit.ts';

/**
 * Follow-ups by the 规范 through the API: classification and next due from the rule rows, the
 * up-referral draft a recommendation opens (through the referral service), idempotent saves
 * from a phone on a bad line, late entries, and 履约 against the contract's quotas.
 */
let env: TestEnv;
let w: FdWorld;
beforeAll(async () => {
  env = await createTestEnv();
  w = await fdWorld(env);
});
afterAll(async () => {
  await env?.close();
});

const save = (body: Record<string, unknown>) => w.village.post('/api/chronic/followups', body);
const owner = async (q: string) => (await env.asOwner(q))[0];

describe('saving a follow-up', () => {
  it('satisfied: class 1, next routine visit 3 months on, counted against the contract, case and year updated', async () => {
    const r = w.residents[0];
    await env.asOwner(`UPDATE residents SET birth_date = '1960-06-01' WHERE id = ${r.id}`);
    const caseId = await managedCase(w, r.id);
    expect((await w.village.post('/api/fd/contracts', signBody(w, [r.id]))).statusCode).toBe(200);
    const res = await save(followupBody(caseId, { visitDate: '2025-04-30' }));
    expect(res.statusCode, res.body).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({
      classification: 1,
      controlled: true,
      referral: 'none',
      nextDue: '2025-07-30',
      referralId: null,
    });
    const c = await owner(
      `SELECT next_due::text, last_class, unsatisfied_streak FROM chronic_cases WHERE id = ${caseId}`,
    );
    expect(c).toEqual({ next_due: '2025-07-30', last_class: 1, unsatisfied_streak: 0 });
    const y = await owner(
      `SELECT followups, face_to_face, quarters, last_controlled FROM chronic_case_years WHERE case_id = ${caseId} AND year = 2025`,
    );
    expect(y).toEqual({ followups: 1, face_to_face: 1, quarters: 2, last_controlled: true });
    const used = await env.asOwner(
      `SELECT e.item_code, e.used FROM fd_entitlements e JOIN fd_contracts c ON c.id = e.contract_id WHERE c.resident_id = ${r.id} ORDER BY e.item_code`,
    );
    expect(Object.fromEntries(used.map((u) => [u.item_code, u.used]))).toMatchObject({
      htn_followup: 1,
      bp: 1,
      health_check: 0,
    });
    expect(
      await owner(`SELECT sbp, dbp, source FROM bp_screenings WHERE resident_id = ${r.id} AND year = 2025`),
    ).toEqual({ sbp: 132, dbp: 82, source: 'followup' });
  });

  it('aged 65+: 148/88 is on target (< 150/90); under 65 it is not', async () => {
    const [old, young] = [w.residents[1], w.residents[w.residents.length - 1]];
    await env.asOwner(`UPDATE residents SET birth_date = '1950-01-01' WHERE id = ${old.id}`);
    await env.asOwner(`UPDATE residents SET birth_date = '1980-01-01' WHERE id = ${young.id}`);
    const a = await save(followupBody(await managedCase(w, old.id), { sbp: 148, dbp: 88 }));
    const b = await save(followupBody(await managedCase(w, young.id), { sbp: 148, dbp: 88 }));
    expect(a.json()).toMatchObject({ classification: 1, nextDue: '2025-07-01' });
    expect(b.json()).toMatchObject({ classification: 2, referral: 'none', nextDue: '2025-04-15' });
  });

  it('two unsatisfied in a row: the second recommends up-referral and opens a pre-filled draft', async () => {
    const r = w.residents[2];
    await env.asOwner(`UPDATE residents SET birth_date = '1970-01-01' WHERE id = ${r.id}`);
    const caseId = await managedCase(w, r.id);
    expect((await save(followupBody(caseId, { visitDate: '2025-05-01', sbp: 152, dbp: 94 }))).json()).toMatchObject({
      classification: 2,
      referral: 'none',
      nextDue: '2025-05-15',
    });
    const second = (await save(followupBody(caseId, { visitDate: '2025-05-14', sbp: 158, dbp: 96 }))).json();
    expect(second).toMatchObject({
      classification: 2,
      referral: 'recommend',
      reasons: ['连续两次控制不满意'],
      nextDue: '2025-05-28',
    });
    expect(second.referralError).toBeUndefined();
    expect(second.referralId).toBeGreaterThan(0);
    const draft = (await w.village.get(`/api/referrals/${second.referralId}`)).json();
    expect(draft).toMatchObject({
      status: 'draft',
      direction: 'up',
      urgency: 'urgent',
      diagnosis: { code: 'I10' },
      toOrg: { id: w.townshipOrg },
    });
    expect(draft.reason).toContain('连续两次控制不满意');
    expect(draft.summary.vitals).toMatchObject({ sbp: 158, dbp: 96 });
  });

  it('emergency (185/112): emergency referral to the county hospital, follow-up within 2 weeks', async () => {
    const r = w.residents[3];
    const caseId = await managedCase(w, r.id);
    const out = (await save(followupBody(caseId, { visitDate: '2025-06-02', sbp: 185, dbp: 112 }))).json();
    expect(out).toMatchObject({ referral: 'emergency', nextDue: '2025-06-16' });
    expect(out.reasons).toEqual(['收缩压 ≥ 180 mmHg', '舒张压 ≥ 110 mmHg']);
    const draft = (await w.village.get(`/api/referrals/${out.referralId}`)).json();
    expect(draft).toMatchObject({ status: 'draft', urgency: 'emergency' });
    expect(draft.toOrg.name).toMatch(/人民医院|中医医院|妇幼/);
  });

  it('diabetes: glucose in mg/dL is converted; 300 mg/dL (16.7 mmol/L) is an emergency', async () => {
    const r = w.residents[4];
    const caseId = await managedCase(w, r.id, 't2dm');
    const out = (
      await save(
        followupBody(caseId, {
          sbp: undefined,
          dbp: undefined,
          glucose: { kind: 'fasting', value: 300, unit: 'mg/dL', sample: 'plasma' },
        }),
      )
    ).json();
    expect(out).toMatchObject({ referral: 'emergency', reasons: ['血糖 ≥ 16.7 mmol/L'] });
    expect(await owner(`SELECT fbg_mmol::float AS f FROM followups WHERE id = '${out.id}'`)).toEqual({ f: 16.7 });
  });

  it('a phone retrying 5 times at once saves one follow-up, one delivery, one referral draft', async () => {
    const r = w.residents[5];
    const caseId = await managedCase(w, r.id);
    expect((await w.village.post('/api/fd/contracts', signBody(w, [r.id]))).statusCode).toBe(200);
    const body = followupBody(caseId, { visitDate: '2025-07-01', sbp: 190, dbp: 100 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => save(body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    const ids = new Set(answers.map((a) => a.json().referralId));
    expect(ids.size).toBe(1);
    expect(await owner(`SELECT count(*)::int AS n FROM followups WHERE case_id = ${caseId}`)).toEqual({ n: 1 });
    expect(
      await owner(
        `SELECT count(*)::int AS n FROM fd_deliveries WHERE source_ref = '${body.id}' AND service_kind = 'followup_htn'`,
      ),
    ).toEqual({ n: 1 });
    expect(await owner(`SELECT count(*)::int AS n FROM referrals WHERE resident_id = ${r.id}`)).toEqual({ n: 1 });
    // the same id with other content is refused, and nothing changes
    const other = await save({ ...body, sbp: 120 });
    expect(other.statusCode).toBe(409);
    expect(other.json().message).toContain('随访编号');
  });

  it('a late entry keeps the device time and the recording time, and is flagged', async () => {
    const caseId = await managedCase(w, w.residents[6].id);
    const visit = addDays(todayInShanghai(), -10);
    const deviceAt = `${visit}T09:30:00+08:00`;
    const out = (await save(followupBody(caseId, { visitDate: visit, deviceAt }))).json();
    expect(out.lateEntry).toBe(true);
    const row = await owner(
      `SELECT late_entry, device_at, recorded_at > device_at AS later FROM followups WHERE id = '${out.id}'`,
    );
    expect(row).toMatchObject({ late_entry: true, later: true });
    expect(new Date(row.device_at as string).toISOString()).toBe(new Date(deviceAt).toISOString());
  });

  it('refuses bad input in Chinese and saves nothing', async () => {
    const caseId = await managedCase(w, w.residents[7].id);
    const cases = [
      [{ visitDate: addDays(todayInShanghai(), 2) }, '随访日期不能晚于今天'],
      [{ sbp: 120, dbp: 130 }, '舒张压应低于收缩压'],
      [{ mode: 'wechat' }, '随访方式'],
      [{ sbp: 400 }, '收缩压不能大于 300'],
    ] as const;
    for (const [extra, message] of cases) {
      const res = await save(followupBody(caseId, extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.body).toContain(message);
    }
    expect(await owner(`SELECT count(*)::int AS n FROM followups WHERE case_id = ${caseId}`)).toEqual({ n: 0 });
  });

  it('a follow-up beyond the quota is recorded but not counted: used stays at the quota', async () => {
    const r = w.residents[8];
    const caseId = await managedCase(w, r.id);
    expect((await w.village.post('/api/fd/contracts', signBody(w, [r.id]))).statusCode).toBe(200);
    for (const day of ['2025-03-10', '2025-05-10', '2025-07-10', '2025-09-10', '2025-11-10'])
      expect((await save(followupBody(caseId, { visitDate: day }))).statusCode).toBe(201);
    const e = await owner(
      `SELECT e.used, e.quota FROM fd_entitlements e JOIN fd_contracts c ON c.id = e.contract_id WHERE c.resident_id = ${r.id} AND e.item_code = 'htn_followup'`,
    );
    expect(e).toEqual({ used: 4, quota: 4 });
    expect(
      await owner(
        `SELECT count(*)::int AS n, count(entitlement_id)::int AS counted FROM fd_deliveries WHERE resident_id = ${r.id} AND service_kind = 'followup_htn'`,
      ),
    ).toEqual({ n: 5, counted: 4 });
  });

  it('a terminated case takes no follow-up; a call outcome "moved" terminates it', async () => {
    const caseId = await managedCase(w, w.residents[9].id);
    const call = await w.village.post('/api/chronic/calls', {
      caseId,
      outcome: 'moved',
      on: '2025-08-01',
      note: '迁往太原',
    });
    expect(call.json()).toMatchObject({ state: 'terminated' });
    const res = await save(followupBody(caseId, { id: randomUUID() }));
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('终止管理');
  });
});
