import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, chromiumStatus, dialog, login, shot, signedInApi } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 14 journey (procurement, distribution, dispensing, recall): the village clinic
 * requests 2 boxes; the central pharmacist consolidates the request into a purchase order,
 * approves, sends and receives it with a batch, its expiry and one trace code per box; then
 * distributes it to the village (approve, pick, ship). The village confirms receipt one box
 * short with a note: the distribution shows 有差异 and stays open. The village dispenses the
 * box it has to one of its residents, scanning its trace code (also on a 375 px phone
 * screenshot); the pharmacist recalls the batch and finds that resident on the call list.
 */
const status = chromiumStatus();

const DRUG = '缬沙坦胶囊';
const YB_CODE = 'XC09CAV041E001010109988';
const BATCH = 'B2026E2E01';
const CODES = ['81234567890123450001', '81234567890123450002'];

/** YYYY-MM-DD a year from today, Shanghai time */
function nextYear(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

async function open(page: Page, base: string, path: string, title: string): Promise<void> {
  await page.goto(`${base}${path}`);
  await page.getByRole('heading', { name: title, exact: true }).waitFor();
}

describe.runIf(status.available)('drug requests to recall in the browser', () => {
  const journey = useJourney();

  it('requests, purchases, distributes with a discrepancy, dispenses by trace code and recalls the batch', async () => {
    const base = journey.url();
    // set-up: a supplier and the drug with its price (the tiny county has no catalogue)
    const pharmacistApi = await signedInApi(base, 'pharmacist');
    const supplier = await pharmacistApi<{ id: number }>('POST', '/api/pharmacy/suppliers', {
      name: '国药控股山西有限公司',
    });
    await pharmacistApi('POST', '/api/pharmacy/catalogue', {
      item: {
        kind: 'drug',
        ybCode: YB_CODE,
        genericName: DRUG,
        dosageForm: '胶囊剂',
        spec: '80mg',
        packUnit: '盒',
        minUnit: '粒',
        packQty: 7,
        splitAllowed: false,
        manufacturer: '北京诺华制药有限公司',
        insuranceClass: 'class_a',
        essential: true,
        levels: ['county', 'township', 'village'],
        supplierId: supplier.id,
      },
      priceFen: 2350,
      sourceDocument: '晋医保〔2026〕3号',
    });
    // a resident of the village clinic (the village doctor sees only its own)
    const villageApi = await signedInApi(base, 'village.doctor');
    const residents = await villageApi<{ items: { id: number; name: string; idNumber: string }[] }>(
      'GET',
      '/api/residents?pageSize=5',
    );
    const resident = residents.items[0];
    expect(resident).toBeDefined();

    // 1. the village requests 2 boxes
    const village = (await journey.newPage(1280, 900)).page;
    await login(village, base, 'village.doctor');
    await open(village, base, '/pharmacy/requests', '请领');
    await chooseOption(village, village, '药品 1', '缬沙坦', DRUG);
    await village.getByLabel('数量（盒） 1', { exact: true }).fill('2');
    await village.getByRole('button', { name: /^提\s*交$/ }).click();
    await village.getByText('已提交').first().waitFor();
    const requestRow = village.locator('[data-request][data-status="submitted"]').first();
    await requestRow.waitFor();
    const requestId = Number(await requestRow.getAttribute('data-request'));
    expect(requestId).toBeGreaterThan(0);
    await shot(village, 'pharmacy-request');

    // 2. the pharmacist consolidates it into a purchase order, approves, sends and receives it
    const pharmacy = (await journey.newPage(1280, 900)).page;
    await login(pharmacy, base, 'pharmacist');
    await open(pharmacy, base, '/pharmacy/purchase', '统一采购');
    await pharmacy.getByLabel(`请领单号 ${requestId}`, { exact: true }).check();
    await pharmacy.getByRole('button', { name: '汇总生成采购单' }).click();
    const poRow = pharmacy.locator('[data-order][data-status="draft"]').first();
    await poRow.waitFor();
    const orderNo = String(await poRow.getAttribute('data-order'));
    await poRow.click();
    const po = dialog(pharmacy, orderNo);
    await po.getByRole('button', { name: /^审\s*核$/ }).click();
    await po.locator('[data-status="approved"]').waitFor();
    await po.getByRole('button', { name: /^发\s*送$/ }).click();
    await po.locator('[data-status="sent"]').waitFor();
    await po.getByLabel(`批号（${DRUG}）`, { exact: true }).fill(BATCH);
    await po.getByLabel(`有效期（${DRUG}）`, { exact: true }).fill(nextYear());
    await po.getByLabel(`数量（盒）（${DRUG}）`, { exact: true }).fill('2');
    await po.getByLabel(`追溯码（每行一个，每盒一码）（${DRUG}）`, { exact: true }).fill(CODES.join('\n'));
    await po.getByRole('button', { name: '确认入库' }).click();
    await po.locator('[data-status="received"]').waitFor();
    await po.getByText(new RegExp(`${BATCH}.*×2`)).waitFor();
    await shot(pharmacy, 'pharmacy-po-received');
    await po
      .getByRole('button', { name: 'Close' })
      .click()
      .catch(() => pharmacy.keyboard.press('Escape'));

    // 3. the pharmacist distributes the request to the village: approve, pick, ship
    await open(pharmacy, base, '/pharmacy/distribution', '统一配送');
    await pharmacy.getByRole('button', { name: `配送 ${requestId}`, exact: true }).click();
    const distRow = pharmacy.locator('[data-dist][data-status="requested"]').first();
    await distRow.waitFor();
    const distNo = String(await distRow.getAttribute('data-dist'));
    await distRow.click();
    const dist = dialog(pharmacy, distNo);
    await dist.getByRole('button', { name: /^审\s*核$/ }).click();
    await dist.locator('[data-status="approved"]').waitFor();
    await dist.getByRole('button', { name: /^拣\s*货$/ }).click();
    await dist.locator('[data-status="picked"]').waitFor();
    await dist.getByText(new RegExp(`${BATCH}.*×2`)).waitFor();
    await dist.getByRole('button', { name: /^发\s*货$/ }).click();
    await dist.locator('[data-status="shipped"]').waitFor();

    // 4. the village confirms receipt one box short: 有差异, still open
    await open(village, base, '/pharmacy/distribution', '统一配送');
    const inbound = village.locator(`[data-dist="${distNo}"]`);
    await inbound.waitFor();
    await inbound.click();
    const receive = dialog(village, distNo);
    await receive.getByLabel(`实收（盒） ${DRUG} ${BATCH}`, { exact: true }).fill('1');
    await receive.getByLabel('差异说明', { exact: true }).fill('到货少 1 盒，外箱破损');
    await receive.getByRole('button', { name: '确认收货' }).click();
    await receive.locator('[data-status="discrepancy"]').waitFor();
    await receive
      .getByRole('button', { name: 'Close' })
      .click()
      .catch(() => village.keyboard.press('Escape'));
    const short = village.locator(`[data-dist="${distNo}"][data-status="discrepancy"]`);
    await short.waitFor(); // the 未完结 tab (the default) still lists it
    await expect(short.getByText('有差异').isVisible()).resolves.toBe(true);
    await shot(village, 'pharmacy-discrepancy');

    // 5. the village dispenses the box to its resident, scanning its trace code
    await open(village, base, '/pharmacy/dispense', '发药');
    await chooseOption(village, village, '居民', resident.name, resident.idNumber);
    await chooseOption(village, village, '药品', '缬沙坦', DRUG);
    await expect(village.getByLabel('数量 1', { exact: true }).inputValue()).resolves.toBe('7');
    await village.getByLabel('用法用量 1', { exact: true }).fill('每日一次，每次一粒');
    const scan = village.getByLabel('追溯码 1', { exact: true });
    await scan.click();
    await scan.fill(CODES[0]);
    await scan.press('Enter');
    // nothing has failed yet: no error on the counter
    await expect(village.locator('.ant-alert-error').count()).resolves.toBe(0);
    await village.getByRole('button', { name: '确认发药' }).click();
    const done = village.locator('.ant-card-head-title', { hasText: /^发药完成/ });
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain(resident.name);
    await village.getByText(CODES[0]).first().waitFor();
    await expect(village.locator('.ant-alert-error').count()).resolves.toBe(0);
    await shot(village, 'pharmacy-dispensed');
    await village.setViewportSize({ width: 375, height: 812 });
    await village.waitForTimeout(300);
    await shot(village, 'pharmacy-dispense-phone');

    // 6. the pharmacist recalls the batch and finds the resident on the call list
    await open(pharmacy, base, '/pharmacy/recalls', '药品召回');
    await pharmacy.getByRole('button', { name: '发起召回' }).click();
    const start = dialog(pharmacy, '发起召回');
    await chooseOption(pharmacy, start, '药品', '缬沙坦', DRUG);
    await expect(start.locator('.ant-alert-error').count()).resolves.toBe(0);
    await start.getByLabel('批号', { exact: true }).fill(BATCH);
    await start.getByLabel('召回原因', { exact: true }).fill('溶出度不合格（省药监抽检）');
    await start.getByRole('button', { name: '发起召回' }).click();
    const callList = pharmacy.locator('.ant-card', {
      has: pharmacy.locator('.ant-card-head-title', { hasText: /^领药居民联系名单（1 人）$/ }),
    });
    await callList.waitFor();
    const called = callList.locator(`[data-resident="${resident.id}"]`);
    await called.waitFor();
    await expect(called.textContent()).resolves.toContain(resident.name);
    await pharmacy.waitForTimeout(500); // the modal's closing and the drawer's opening animations
    await shot(pharmacy, 'pharmacy-recall');
    expect(journey.errors()).toEqual([]);
  }, 240_000);
});
