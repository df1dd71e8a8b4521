import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { checkDigit } from '../src/residents/id-number.ts';
import { chromiumStatus, login, shot } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * The UI kit in the browser: lists fit a 375 px phone as cards (no sideways scrolling, no
 * name broken one character per line), 导出 Excel downloads the filtered list, and the
 * printable 检查申请单 opens in a preview.
 */
const status = chromiumStatus();
const FIRST17 = '14078119660412021'; // 张三明 of the demo and test counties
const ID_NUMBER = FIRST17 + checkDigit(FIRST17);

/** a JSON API call from inside the signed-in page (cookie and CSRF token as the SPA sends them) */
async function api(page: Page, method: string, url: string, body?: unknown): Promise<unknown> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const res = await fetch(url, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': me.csrfToken,
          'idempotency-key': crypto.randomUUID(),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return res.json();
    },
    { method, url, body },
  );
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.runIf(status.available)('lists, exports and printing in the browser', () => {
  const journey = useJourney();

  it('at 375 px the expert roster and the out-of-county register are cards that fit the screen', async () => {
    const { page, errors } = await journey.newPage(375, 812, true);
    await login(page, journey.url(), 'coordinator');
    await api(page, 'POST', '/api/experts', {
      name: '欧阳明远',
      title: '主任医师',
      homeHospital: '山西医科大学第一医院（山西省第一人民医院）',
      hospitalLevel: 'provincial',
      speciality: '心血管内科',
      nativePlace: '介休市宋古乡',
      mobile: '13912340000',
    });
    await page.goto(`${journey.url()}/clinics/experts`);
    const card = page.locator('.oc-list-card', { hasText: '欧阳明远' });
    await card.waitFor();
    expect(await page.locator('tbody tr').count()).toBe(0);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    // the name sits on one line: wider than two characters, not taller than one line
    const name = await card.locator('.oc-list-card-title').boundingBox();
    expect(name!.width).toBeGreaterThan(40);
    expect(name!.height).toBeLessThan(40);
    await shot(page, 'lists-01-phone-experts');

    await api(page, 'POST', '/api/out-of-county-visits', {
      idNumber: ID_NUMBER,
      visitDate: '2026-01-05',
      hospitalName: '山西白求恩医院（山西医学科学院）',
      hospitalLevel: 'provincial',
      visitType: 'inpatient',
      costFen: 1234560,
    });
    await page.goto(`${journey.url()}/out-of-county`);
    const visit = page.locator('.oc-list-card', { hasText: '山西白求恩医院' });
    await visit.waitFor();
    expect(await visit.textContent()).toContain('¥12,345.60');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await shot(page, 'lists-02-phone-out-of-county');
    expect(errors).toEqual([]);
  });

  it('导出 Excel downloads the filtered list; the exam request prints from a preview', async () => {
    const { page, errors } = await journey.newPage(1280, 900);
    await login(page, journey.url(), 'clerk');
    await page.goto(`${journey.url()}/out-of-county`);
    await page.locator('tbody tr', { hasText: '山西白求恩医院' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^县外就诊登记-\d{4}-\d{2}-\d{2}\.xlsx$/);

    expect(errors).toEqual([]);

    const { page: doctor, errors: doctorErrors } = await journey.newPage(1280, 900);
    await login(doctor, journey.url(), 'village.doctor');
    const residents = (await api(doctor, 'GET', '/api/residents?q=zsm')) as { items: Array<{ id: number }> };
    await api(doctor, 'POST', '/api/exam-orders', { residentId: residents.items[0].id, itemCode: 'US-ABD' });
    await doctor.goto(`${journey.url()}/exam-orders`);
    const row = doctor.locator('tbody tr', { hasText: '张三明' }).first();
    await row.waitFor();
    await row.getByRole('button', { name: /申请单/ }).click();
    const preview = doctor.getByTestId('exam-request');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('检查申请单');
    expect(await preview.textContent()).toContain('张三明');
    await shot(doctor, 'lists-03-exam-request-preview');
    expect(doctorErrors).toEqual([]);
  });
});
