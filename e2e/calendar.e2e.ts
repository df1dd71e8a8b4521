import { describe, expect, it } from 'vitest';
import { chromiumStatus, login, shot, signedInApi } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * 工作日历 in the browser (issue 12 §1, limits in working time): the administrator sees the
 * year's holidays, enters a county day off, sees it listed, and deletes it again.
 */
const status = chromiumStatus();

describe.runIf(status.available)('工作日历: the administrator keeps the days off', () => {
  const journey = useJourney();

  it('enters a county day off and deletes it; a weekday entered as 调休 is refused in Chinese', async () => {
    const base = journey.url();
    const { page, errors } = await journey.newPage(1280, 900);
    await login(page, base, 'admin');
    await page.goto(`${base}/remote/schedule`);
    await page.getByRole('tab', { name: '工作日历' }).click();
    const cal = page.getByTestId('work-calendar');
    await cal.getByRole('combobox', { name: '年份' }).click();
    await page.locator('.ant-select-item-option', { hasText: '2026' }).click();
    await cal.locator('tr', { hasText: '2026-02-15' }).getByText('春节').waitFor({ timeout: 15_000 });

    const submit = cal.locator('button[type="submit"]');
    // name and arrangement first, the date last; then the picker's panel must be closed before saving
    const fill = async (day: string, name: string, arrangement: '放假' | '调休上班') => {
      await cal.getByLabel('名称', { exact: true }).fill(name);
      await cal.locator('.ant-radio-wrapper', { hasText: arrangement }).click();
      const date = cal.getByLabel('日期', { exact: true });
      await date.click();
      await date.fill(day);
      await date.press('Tab');
      await expect.poll(async () => date.inputValue()).toBe(day);
      await expect.poll(async () => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
      await submit.click();
    };
    // a Wednesday cannot be a 调休 working day: the server's sentence, nothing saved
    await fill('2026-11-25', '调休', '调休上班');
    await cal
      .getByText(/本来就上班/)
      .first()
      .waitFor({ timeout: 15_000 });
    expect(await cal.locator('tr', { hasText: '2026-11-25' }).count()).toBe(0);

    await fill('2026-11-26', '县庆', '放假');
    const row = cal.locator('tr', { hasText: '2026-11-26' });
    await row.getByText('县庆').waitFor({ timeout: 15_000 });
    await shot(page, 'remote-work-calendar');
    const api = await signedInApi(base, 'admin');
    const year = await api<Array<{ day: string; working: boolean }>>('GET', '/api/remote/calendar?year=2026');
    expect(year.find((d) => d.day === '2026-11-26')?.working).toBe(false);

    await row.getByRole('button', { name: /删\s*除/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.waitFor({ state: 'detached', timeout: 15_000 });
    expect(errors).toEqual([]);
  });
});
