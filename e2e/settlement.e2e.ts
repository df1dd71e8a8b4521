import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { must } from '../src/platform/must.ts';
import { checkDigit } from '../src/residents/id-number.ts';
import { todayInShanghai } from '../src/platform/calendar.ts';
import { FIXTURE_PACKAGE, FIXTURE_RULES } from '../src/settlement/fixture-policy.ts';
import { chooseOption as choose, chromiumStatus, dialog, login, shot, signedInApi, type Api } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 15 journey: `clerk` admits a registered poor resident (no deposit: 先诊疗后付费), the
 * stay gets charges, the county doctor discharges, the clerk settles at the desk — five
 * payers' shares and the patient's ¥ amount — and prints the statement; the `city` role sees
 * the settlement in the city feed.
 */
const status = chromiumStatus();

describe.runIf(status.available)('one-stop settlement in the browser', () => {
  const journey = useJourney();

  async function as(username: string, width = 1360): Promise<Page> {
    const { page } = await journey.newPage(width, 900);
    await login(page, journey.url(), username);
    return page;
  }

  const api = (username: string): Promise<Api> => signedInApi(journey.url(), username);

  /** how many pixels of an element's screenshot are dark: a blank or missing statement has none */
  async function darkPixels(page: Page, png: Buffer): Promise<number> {
    return page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext('2d');
      if (!g) return 0;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, img.width, img.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 300) n++;
      return n;
    }, png.toString('base64'));
  }

  const NAME = '贺贫安';
  let settlementNo = '';

  it('clerk admits a registered poor resident without a deposit, settles at discharge and prints the statement', async () => {
    // the test county has no policy yet: the administrator publishes one from today (fixture values, not official)
    const admin = await api('admin');
    const draft = await admin<{ id: number }>('POST', '/api/settlement/policy/versions', {
      basedOn: null,
      title: '测试参数（非官方政策）',
      effectiveFrom: todayInShanghai(),
      docRef: 'FIXTURE — issue 15 worked example, not official policy',
    });
    await admin('PUT', `/api/settlement/policy/versions/${draft.id}`, {
      title: '测试参数（非官方政策）',
      effectiveFrom: todayInShanghai(),
      docRef: 'FIXTURE — issue 15 worked example, not official policy',
      rules: FIXTURE_RULES,
      packages: [FIXTURE_PACKAGE],
    });
    await admin('POST', `/api/settlement/policy/versions/${draft.id}/publish`, {});
    const clerk = await api('clerk');
    const doctor = await api('county.doctor');
    // a registered poor resident of the clerk's reach, in the resident scheme
    const first17 = '14078119580301' + String(100 + Math.floor(Math.random() * 800));
    const village = await api('village.doctor');
    const resident = await village<{ id: number }>('POST', '/api/residents', {
      idNumber: first17 + checkDigit(first17),
      name: NAME,
      insuranceType: 'resident',
      registeredPoor: true,
    });

    const page = await as('clerk');
    // 办理入院 on the stays page
    await page.goto(`${journey.url()}/stays`);
    await page.getByRole('button', { name: '办理入院' }).click();
    const admit = dialog(page, '办理入院');
    await admit.waitFor();
    await choose(page, admit, '居民', NAME, NAME);
    await choose(page, admit, '科室', '心内', /心内科/);
    await admit.getByRole('button', { name: /^确\s*定$|^OK$/ }).click();
    await admit.waitFor({ state: 'hidden' });
    const stays = await clerk<{ items: Array<{ id: number; residentId: number }> }>(
      'GET',
      '/api/stays?status=admitted&pageSize=100',
    );
    const stayId = must(
      stays.items.find((s) => s.residentId === resident.id),
      'the new stay',
    ).id;

    // 入院核验 at the desk: 先诊疗后付费, no deposit asked
    await page.goto(`${journey.url()}/settlement/desk?tab=admitted`);
    const row = page.locator(`[data-resident="${NAME}"]`);
    await row.getByRole('button', { name: '入院核验' }).click();
    await page
      .getByText(/先诊疗后付费，免押金/)
      .first()
      .waitFor();
    await row.getByText('已核验').waitFor();
    expect(await row.getByRole('button', { name: '收押金' }).count()).toBe(0);
    await shot(page, 'settlement-01-admission-check');

    // the stay gets charges; the county doctor discharges
    await clerk('POST', `/api/stays/${stayId}/fee-lines`, {
      lines: [
        { itemCode: 'BED-GEN', quantity: 6 },
        { itemCode: 'NUR-2', quantity: 6 },
        { itemCode: 'DRG-CEFT', quantity: 12 },
        { itemCode: 'DRG-ATOR', quantity: 2 },
        { itemCode: 'CON-IVSET', quantity: 12 },
        { itemCode: 'OTH-HEAT', quantity: 6 },
        { itemCode: 'OPR-PCI', quantity: 1 },
        { itemCode: 'CON-STENT', quantity: 1 },
      ],
    });
    await doctor('POST', `/api/stays/${stayId}/discharge`, { disposition: 'home', diagnosisCodes: ['I21.9'] });

    // 出院结算: the five payers and what the patient pays
    await page.goto(`${journey.url()}/settlement/desk?tab=discharged`);
    await page
      .locator(`[data-resident="${NAME}"]`)
      .getByRole('button', { name: /^结\s*算$/ })
      .click();
    const drawer = page.getByTestId('settlement-drawer');
    await drawer.waitFor();
    for (const payer of ['基本医保统筹基金', '大病保险', '补充医疗保险', '医疗救助', '兜底保障资金'])
      await drawer.getByTestId('payer-table').getByRole('cell', { name: payer, exact: true }).waitFor();
    const patient = (await drawer.getByTestId('patient-pays').innerText()).trim();
    expect(patient).toMatch(/^¥[\d,]+\.\d{2}$/);
    await shot(page, 'settlement-02-calculated');
    await page.getByRole('button', { name: '确认结算' }).click();
    await page
      .locator('.ant-modal-confirm')
      .getByRole('button', { name: /^确\s*定$|^OK$/ })
      .click();
    await page.locator('[data-testid="settlement-drawer"][data-status="confirmed"]').waitFor();
    expect((await drawer.getByTestId('patient-pays').innerText()).trim()).toBe(patient);

    const settled = await clerk<{ items: Array<{ residentName: string; settlementId: number; settlementNo: string }> }>(
      'GET',
      `/api/settlement/desk?tab=settled&q=${encodeURIComponent(NAME)}`,
    );
    const mine = must(settled.items[0], 'the settled stay');
    settlementNo = mine.settlementNo;
    const detail = await clerk<{ fields: Record<string, number> }>('GET', `/api/settlements/${mine.settlementId}`);
    const f = detail.fields;
    expect(f.hifp_pay + f.hifmi_pay + f.hifob_pay + f.maf_pay + f.oth_pay + f.hosp_part_amt + f.psn_part_amt).toBe(
      f.medfee_sumamt,
    );
    expect(patient).toBe(`¥${(f.psn_part_amt / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);

    // 打印结算单: the A4 statement in Chinese, with the masked ID and each payer
    await page.getByRole('button', { name: '打印结算单' }).click();
    const statement = page.getByTestId('settlement-statement');
    await statement.waitFor();
    const text = await statement.innerText();
    expect(text).toContain('住院费用结算单');
    expect(text).toContain(NAME);
    expect(text).toContain(settlementNo);
    expect(text).toMatch(/\d{4}\*{10}\d{3}[\dX]/);
    for (const payer of ['基本医保统筹基金', '大病保险', '补充医疗保险', '医疗救助', '兜底保障资金'])
      expect(text).toContain(payer);
    // the preview fades in: look again until the text is drawn (a blank or missing statement never gets there)
    await expect
      .poll(async () => darkPixels(page, await statement.screenshot()), { timeout: 15_000 })
      .toBeGreaterThan(2_000);
    await shot(page, 'settlement-03-statement');
  });

  it('the city sees the settlement in its feed, without a name or ID', async () => {
    expect(settlementNo).not.toBe('');
    const page = await as('city');
    await page.goto(`${journey.url()}/city`);
    await page.getByText(settlementNo).waitFor({ timeout: 30_000 });
    const body = await page.locator('main, .ant-layout-content').first().innerText();
    expect(body).not.toContain(NAME);
    expect(body).not.toMatch(/\d{17}[\dX]/);
    await shot(page, 'settlement-04-city');
  });

  it('no page broke', () => {
    expect(journey.errors()).toEqual([]);
  });
});
