import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../platform/calendar.ts';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';

/** The booking rules and subsidy rates the staff pages edit: bad input is refused in Chinese and changes nothing. */
let env: TestEnv;
let admin: Client;
let coordinator: Client;

beforeAll(async () => {
  env = await createTestEnv();
  [admin, coordinator] = await Promise.all(['admin', 'coordinator'].map((u) => env.login(u)));
});
afterAll(async () => {
  await env?.close();
});

const settingsRow = async () => (await env.asOwner('SELECT * FROM clinic_settings'))[0];

describe('booking rules', () => {
  it('the administrator changes a rule; everyone reads it; a coordinator may not change it', async () => {
    const res = await admin.patch('/api/clinic-settings', { releaseDays: 10, releaseTime: '07:30', noShowLimit: 4 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      releaseDays: 10,
      releaseTime: '07:30',
      noShowLimit: 4,
      cancelCutoffMinutes: 120,
    });
    expect((await coordinator.get('/api/clinic-settings')).json()).toMatchObject({
      releaseDays: 10,
      releaseTime: '07:30',
    });
    expect((await coordinator.patch('/api/clinic-settings', { releaseDays: 3 })).statusCode).toBe(403);
  });

  it('an out-of-range value gets a Chinese message on its field and nothing is written', async () => {
    const before = await settingsRow();
    const res = await admin.patch('/api/clinic-settings', { releaseDays: 5, suspensionDays: 400 });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'suspensionDays' });
    expect(res.json().message).toContain('暂停预约天数不能大于 365');
    const bad = await admin.patch('/api/clinic-settings', { releaseTime: '25:00' });
    expect(bad.json()).toMatchObject({ field: 'releaseTime', message: expect.stringContaining('时间格式应为 HH:MM') });
    expect(await settingsRow()).toEqual(before);
  });

  it('a referral hold that would end before release opens is refused, judged against the stored rules', async () => {
    await admin.patch('/api/clinic-settings', { releaseDays: 7, referralHoldHours: 24 });
    const before = await settingsRow();
    // 200 h ≥ 7 days: held slots would already be public when booking opens
    const hold = await admin.patch('/api/clinic-settings', { referralHoldHours: 200, noShowLimit: 5 });
    expect(hold.statusCode).toBe(400);
    expect(hold.json()).toMatchObject({
      code: 'HOLD_AFTER_RELEASE',
      field: 'referralHoldHours',
      message: expect.stringContaining('168 小时'),
    });
    // shortening the release window under the existing 24 h hold is blamed on the release
    const release = await admin.patch('/api/clinic-settings', { releaseDays: 1 });
    expect(release.json()).toMatchObject({ code: 'HOLD_AFTER_RELEASE', field: 'releaseDays' });
    expect(await settingsRow()).toEqual(before);
    // together, consistent: accepted
    expect(
      (await admin.patch('/api/clinic-settings', { releaseDays: 14, referralHoldHours: 200 })).json(),
    ).toMatchObject({ releaseDays: 14, referralHoldHours: 200 });
  });
});

describe('subsidy rates and budget', () => {
  it('a negative or fractional rate is refused in Chinese on its own row and no rate changes', async () => {
    await admin.post('/api/clinic-subsidy/rates', {
      rates: [
        { sessionType: 'clinic', subsidyFen: 80000 },
        { sessionType: 'operation', subsidyFen: 150000 },
      ],
    });
    const before = await env.asOwner(
      'SELECT session_type, subsidy_fen FROM clinic_subsidy_rates ORDER BY session_type',
    );
    const res = await admin.post('/api/clinic-subsidy/rates', {
      rates: [
        { sessionType: 'clinic', subsidyFen: 1 },
        { sessionType: 'operation', subsidyFen: -5 },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      field: 'rates.1.subsidyFen',
      message: expect.stringContaining('补贴标准不能为负'),
    });
    const twice = await admin.post('/api/clinic-subsidy/rates', {
      rates: [
        { sessionType: 'clinic', subsidyFen: 1 },
        { sessionType: 'clinic', subsidyFen: 2 },
      ],
    });
    expect(twice.json().message).toContain('每类活动只能填写一次');
    expect(
      await env.asOwner('SELECT session_type, subsidy_fen FROM clinic_subsidy_rates ORDER BY session_type'),
    ).toEqual(before);
    const ledger = (await coordinator.get('/api/clinic-subsidy')).json();
    expect(ledger.rates).toEqual(
      expect.arrayContaining([
        { sessionType: 'clinic', subsidyFen: 80000 },
        { sessionType: 'operation', subsidyFen: 150000 },
      ]),
    );
  });

  it('a negative budget is refused in Chinese; a valid one shows as budget and left', async () => {
    const year = Number(todayInShanghai().slice(0, 4)) + 2; // a year no session of this file falls in
    const neg = await admin.post('/api/clinic-subsidy/budget', { year, budgetFen: -1 });
    expect(neg.json()).toMatchObject({ field: 'budgetFen', message: expect.stringContaining('预算不能为负') });
    expect((await coordinator.get(`/api/clinic-subsidy?year=${year}`)).json()).toMatchObject({
      budgetFen: null,
      leftFen: null,
    });
    expect((await admin.post('/api/clinic-subsidy/budget', { year, budgetFen: 12_345_600 })).json()).toMatchObject({
      year,
      budgetFen: 12_345_600,
      leftFen: 12_345_600,
    });
  });
});
