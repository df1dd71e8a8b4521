import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chooseOption, chromiumStatus, dialog, login, SCREENSHOTS, shot, signedInApi } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * 急救资源 in the browser (issue 13): the dispatcher adds an ambulance through the drawer and
 * finds it in the list, closes a road with a reason and sees it red on the small map; the same
 * page on a 375 px phone has no sideways scroll on any tab.
 */
const status = chromiumStatus();

async function noSidewaysScroll(page: Page): Promise<void> {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth + 1);
}

describe.runIf(status.available)('急救资源: vehicles, stations and roads on screen', () => {
  const journey = useJourney();

  it('the dispatcher adds an ambulance and closes a road; desktop and phone', async () => {
    const base = journey.url();
    const api = await signedInApi(base, 'dispatcher');
    const { page, errors } = await journey.newPage(1280, 900);
    await login(page, base, 'dispatcher');
    await page.goto(`${base}/ems/fleet`);
    await page.locator('[data-vehicle-id]').first().waitFor({ timeout: 20_000 });
    await shot(page, 'ems-fleet-vehicles-1280');

    // ---- a new ambulance through the drawer
    await page.getByRole('button', { name: /新增车辆/ }).click();
    const drawer = dialog(page, '新增车辆');
    await drawer.getByLabel('呼号', { exact: true }).fill('E2E-01');
    await drawer.getByLabel('车牌号', { exact: true }).fill('晋K99876');
    await chooseOption(page, drawer, '站点', null, /急救/);
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.waitFor({ state: 'hidden', timeout: 15_000 });
    const found = await api<{ items: Array<{ callSign: string; plate: string }> }>(
      'GET',
      '/api/ems/fleet/vehicles?q=E2E-01',
    );
    expect(found.items).toMatchObject([{ callSign: 'E2E-01', plate: '晋K·99876' }]);
    await page.getByText('E2E-01').first().waitFor();

    // ---- stations
    await page.getByRole('tab', { name: '站点' }).click();
    await page.locator('[data-station-id]').first().waitFor();
    await shot(page, 'ems-fleet-stations-1280');

    // ---- close the first road, see it on the map
    await page.getByRole('tab', { name: '路网' }).click();
    const firstRoad = page.locator('[data-road-id]').first();
    await firstRoad.waitFor();
    const roadId = Number(await firstRoad.getAttribute('data-road-id'));
    await firstRoad.getByRole('button', { name: /^封\s*路$/ }).click();
    const modal = page.getByRole('dialog').filter({ hasText: '封闭路段' });
    await modal.getByLabel('封路原因', { exact: true }).fill('大雪封路');
    await modal.getByRole('button', { name: /封\s*路/ }).click();
    await modal.waitFor({ state: 'hidden', timeout: 15_000 });
    await page.locator(`[data-road-id="${roadId}"]`).getByText('封闭中').waitFor();
    await page.getByRole('button', { name: /显示路网图/ }).click();
    await page.locator('canvas').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await shot(page, 'ems-fleet-roads-1280');

    // ---- the phone
    const phone = await journey.newPage(375, 812, true);
    await login(phone.page, base, 'dispatcher');
    for (const tab of ['', '?tab=stations', '?tab=roads']) {
      await phone.page.goto(`${base}/ems/fleet${tab}`);
      await phone.page.locator('[data-vehicle-id], [data-station-id], [data-road-id]').first().waitFor();
      await noSidewaysScroll(phone.page);
      // the first screen as the phone shows it (the full page is a long strip of cards)
      await phone.page.screenshot({
        path: path.join(SCREENSHOTS, `ems-fleet${tab.replace('?tab=', '-') || '-vehicles'}-375.png`),
      });
    }
    await api('POST', `/api/ems/roads/${roadId}/reopen`);
    expect([...errors, ...phone.errors]).toEqual([]);
  });
});
