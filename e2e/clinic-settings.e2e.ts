import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumStatus, login, openFromMenu, shot } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 4 settings journey: the group administrator (the only role the policy lets change
 * money and rules) edits a booking rule and a subsidy rate, sees both after a reload, and
 * gets a Chinese error next to the field for a bad value, which then changes nothing.
 */
const status = chromiumStatus();

/** The field's error line under an antd Form.Item, found from its label. */
const fieldError = (page: Page, label: string) =>
  page
    .locator('.ant-form-item', { has: page.getByLabel(label, { exact: true }) })
    .locator('.ant-form-item-explain-error');

describe.runIf(status.available)('clinic settings pages in the browser', () => {
  const journey = useJourney();

  it('admin changes a booking rule and a subsidy rate; both survive a reload; bad values are refused in Chinese', async () => {
    const { page, errors } = await journey.newPage(1280, 900);
    await login(page, journey.url(), 'admin');

    // booking rules: release 10 days ahead
    await openFromMenu(page, '预约规则');
    const releaseDays = page.getByLabel('提前放号天数', { exact: true });
    await expect.poll(() => releaseDays.inputValue()).toBe('7');
    await releaseDays.fill('10');
    await page.getByTestId('rules-save').click();
    await page.getByText('已保存').waitFor();
    await page.reload();
    await expect.poll(() => releaseDays.inputValue()).toBe('10');

    // out of range: the shared schema's message, under the field; nothing saved
    await releaseDays.fill('200');
    await page.getByTestId('rules-save').click();
    await fieldError(page, '提前放号天数').getByText('提前放号天数不能大于 90').waitFor();
    // a rule only the server can judge (against the stored release days): its message lands on the field too
    await releaseDays.fill('10');
    const hold = page.getByLabel('转诊预留号源保留至就诊前（小时）', { exact: true });
    await hold.fill('300');
    await page.getByTestId('rules-save').click();
    await fieldError(page, '转诊预留号源保留至就诊前（小时）')
      .getByText(/转诊预留小时数须小于提前放号天数/)
      .waitFor();
    await shot(page, 'clinic-settings-01-rules-error');
    await page.reload();
    await expect.poll(() => hold.inputValue()).toBe('24');
    await expect.poll(() => releaseDays.inputValue()).toBe('10');

    // subsidy: ¥800 per clinic session
    await openFromMenu(page, '补贴标准与预算');
    const clinicRate = page.getByLabel('门诊', { exact: true });
    await clinicRate.waitFor();
    await clinicRate.fill('800');
    await page.getByTestId('rates-save').click();
    await page.getByText('已保存').first().waitFor();
    await page.reload();
    await expect.poll(() => clinicRate.inputValue()).toBe('800.00');

    const teachingRate = page.getByLabel('带教', { exact: true });
    const teachingBefore = await teachingRate.inputValue();
    await teachingRate.fill('-5');
    await page.getByTestId('rates-save').click();
    await fieldError(page, '带教').getByText('补贴标准不能为负').waitFor();
    await shot(page, 'clinic-settings-02-subsidy-error');
    await page.reload();
    await expect.poll(() => teachingRate.inputValue()).toBe(teachingBefore);
    await expect.poll(() => clinicRate.inputValue()).toBe('800.00');

    // the annual budget, and what is left of it
    await page.getByLabel('年度补贴预算（元）', { exact: true }).fill('500000');
    await page.getByTestId('budget-save').click();
    await expect.poll(async () => page.getByTestId('subsidy-budget').textContent()).toContain('¥500,000');
    await shot(page, 'clinic-settings-03-subsidy');
    expect(errors).toEqual([]);
  });
});
