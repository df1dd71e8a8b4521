import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '../src/platform/calendar.ts';
import { checkDigit } from '../src/residents/id-number.ts';
import { chromiumStatus, login, shot, signedInApi, type Api } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 11 journey: the village doctor places a hypertensive patient in a grid; the grid member
 * records a home BP of 185/112 on the phone; the doctor's 今日工作, already open, shows the
 * alert without a reload; the doctor follows up from the alert (185/112), the rules answer
 * 紧急转诊 and the up-referral draft opens pre-filled with the BP.
 */
const status = chromiumStatus();

describe.runIf(status.available)('chronic grids and follow-ups in the browser', () => {
  const journey = useJourney();

  async function as(username: string, width: number, mobile = false): Promise<Page> {
    const { page } = await journey.newPage(width, mobile ? 800 : 900, mobile);
    await login(page, journey.url(), username);
    return page;
  }
  const api = (username: string): Promise<Api> => signedInApi(journey.url(), username);

  const NAME = '贺压高';

  it('a home BP of 185/112 alerts the doctor live; the follow-up opens an emergency up-referral', async () => {
    // set-up by the village doctor: a hypertensive resident of the village, a grid with grid.member, the patient in it
    const doctor = await api('village.doctor');
    const member = await api('grid.member');
    const me = await doctor<{ id: number; org: { id: number } }>('GET', '/api/auth/me');
    const gm = await member<{ id: number }>('GET', '/api/auth/me');
    const first17 = '14078119580301' + String(100 + Math.floor(Math.random() * 800));
    const resident = await doctor<{ id: number }>('POST', '/api/residents', {
      idNumber: first17 + checkDigit(first17),
      name: NAME,
      insuranceType: 'resident',
      registeredPoor: false,
    });
    await doctor('POST', '/api/chronic/cases', {
      residentId: resident.id,
      disease: 'htn',
      state: 'managed',
      onDate: todayInShanghai(),
    });
    // the demo county may already give grid.member a grid: use it, else make one
    let gridId = (await member<{ grid: { id: number } | null }>('GET', '/api/grid/mine')).grid?.id;
    if (gridId === undefined)
      gridId = (
        await doctor<{ id: number }>('POST', '/api/grids', {
          orgId: me.org.id,
          name: '测试网格',
          memberStaffId: gm.id,
          doctorStaffId: me.id,
        })
      ).id;
    await doctor('POST', `/api/grids/${gridId}/patients`, { residentId: resident.id });

    // the county dashboard's count of managed hypertension patients this year, before the follow-up
    const year = todayInShanghai().slice(0, 4);
    type Figures = { total: { htn: { managed: number; controlled: { denominator: number } } } };
    const managed = async () =>
      (await doctor<Figures>('GET', `/api/chronic/figures?year=${year}&level=county`)).total.htn;
    const before = await managed();

    // the doctor's day list is open before anything happens
    const desk = await as('village.doctor', 1360);
    await desk.goto(`${journey.url()}/chronic/day`);
    await desk.getByRole('heading', { name: '今日工作', exact: true }).waitFor();
    await desk.getByTestId('day-alerts').waitFor();
    expect(await desk.locator('[data-alert-id]', { hasText: NAME }).count()).toBe(0);

    // the grid member, on the phone: my grid → the patient → 185/112 → 保存
    const phone = await as('grid.member', 375, true);
    await phone.goto(`${journey.url()}/grid`);
    await phone.locator(`[data-resident-id="${resident.id}"]`).click();
    const reading = phone.locator('.oc-reading-drawer');
    await reading.getByLabel('收缩压', { exact: true }).fill('185');
    await reading.getByLabel('舒张压', { exact: true }).fill('112');
    await reading.getByRole('button', { name: /^保\s*存$/ }).click();
    await phone.getByText('已通知村医').waitFor();
    await phone.getByText(/收缩压 ≥ 180/).waitFor();
    await shot(phone, 'chronic-01-grid-member-alert');

    // the doctor's page shows the alert without a reload
    const alert = desk.locator('[data-alert-id]', { hasText: NAME });
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toContain('185/112');
    await shot(desk, 'chronic-02-day-list-alert');

    // 随访 from the alert: the form opens with today and 门诊; the doctor measures 185/112 and saves
    await alert.getByRole('button', { name: /^随\s*访$/ }).click();
    const form = desk.locator('.oc-followup-drawer');
    await form.getByLabel('收缩压', { exact: true }).fill('185');
    await form.getByLabel('舒张压', { exact: true }).fill('112');
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    const result = desk.getByTestId('followup-result');
    await result.waitFor({ timeout: 20_000 });
    await result.getByText('紧急转诊').waitFor();
    // the follow-up answered the alert: it leaves the day list
    await expect.poll(() => desk.locator('[data-alert-id]', { hasText: NAME }).count(), { timeout: 15_000 }).toBe(0);
    await shot(desk, 'chronic-03-followup-emergency');

    // the up-referral draft opens pre-filled with the BP
    await result.getByRole('button', { name: '查看上转草稿' }).click();
    await desk.waitForURL((u) => /^\/referrals\/\d+$/.test(u.pathname));
    await desk
      .getByText(/血压 185\/112 mmHg/)
      .first()
      .waitFor({ timeout: 20_000 });
    await desk.getByText(NAME).first().waitFor();
    await shot(desk, 'chronic-04-referral-draft');

    // the dashboard counts the follow-up at once: one more managed patient this year
    const after = await managed();
    expect(after.managed).toBe(before.managed + 1);
    expect(after.controlled.denominator).toBe(before.controlled.denominator + 1);
  });

  it('no page broke', () => {
    expect(journey.errors()).toEqual([]);
  });
});
