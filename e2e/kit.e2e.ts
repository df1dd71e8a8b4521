import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '../src/platform/calendar.ts';
import { checkDigit } from '../src/residents/id-number.ts';
import { chooseOption, chromiumStatus, login, shot, signedInApi } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * 健康一体机 in the browser (issue 12 §6): the township registers a kit for the village clinic;
 * `village.doctor` enters a high blood pressure (flagged, then reviewed) and uploads a kit ECG
 * (inferior STEMI, twelve leads), which answers with the reading request's accession number,
 * the start of the remote-diagnosis journey.
 */
const status = chromiumStatus();

describe.runIf(status.available)('健康一体机: the village doctor uploads readings and a kit ECG', () => {
  const journey = useJourney();

  it('a flagged blood pressure is reviewed; a kit ECG becomes a reading request', async () => {
    const base = journey.url();
    const village = await signedInApi(base, 'village.doctor');
    const me = await village<{ org: { id: number } }>('GET', '/api/auth/me');
    const township = await signedInApi(base, 'township.doctor');
    await township('POST', '/api/remote/kit/devices', { id: 'E2E-KIT-01', orgId: me.org.id, model: '健康一体机' });

    const { page, errors } = await journey.newPage(1280, 900);
    await login(page, base, 'village.doctor');
    await page.goto(`${base}/remote/kit`);
    await chooseOption(page, page, '居民', null, /./);

    await page.locator('input[data-testid="kit-systolic"], [data-testid="kit-systolic"] input').first().fill('190');
    await page.locator('input[data-testid="kit-diastolic"], [data-testid="kit-diastolic"] input').first().fill('100');
    await page.getByRole('button', { name: /^上\s*传$/ }).click();
    await expect.poll(() => page.getByTestId('kit-result').innerText()).toContain('收缩压 190 mmHg 高于警戒值 180');
    const flaggedRow = page.getByTestId('kit-flagged').locator('tbody tr', { hasText: '190' }).first();
    await flaggedRow.waitFor();
    await flaggedRow.getByRole('button', { name: /已复核/ }).click();
    await flaggedRow.waitFor({ state: 'detached', timeout: 15_000 });

    await chooseOption(page, page, '波形', null, /下壁/);
    await page.getByTestId('kit-ecg-upload').click();
    const result = page.getByTestId('kit-ecg-result');
    await result.waitFor({ timeout: 30_000 });
    const accession = await result.getAttribute('data-accession');
    expect(accession).toMatch(/^R\d{13}$/);
    expect(await result.innerText()).toContain(String(accession));
    await shot(page, 'remote-kit-ecg-1280');
    const readings = await village<{ items: Array<{ accession: string | null; kind: string }> }>(
      'GET',
      '/api/remote/kit/readings?kind=ecg',
    );
    expect(readings.items.map((r) => r.accession)).toContain(accession);
    expect(errors).toEqual([]);
  }, 180_000);

  it("the visit day's kit blood pressure goes into the chronic follow-up in one tap", async () => {
    const base = journey.url();
    const village = await signedInApi(base, 'village.doctor');
    const township = await signedInApi(base, 'township.doctor');
    const me = await village<{ org: { id: number } }>('GET', '/api/auth/me');
    await township('POST', '/api/remote/kit/devices', { id: 'E2E-KIT-02', orgId: me.org.id, model: '健康一体机' });
    // the server runs on the real clock: the day is read once, and the reading is taken on it
    // (ten minutes ago, but never before its midnight, so the form's visit day is the reading's day)
    const today = todayInShanghai();
    const measured = new Date(Math.max(Date.now() - 10 * 60_000, Date.parse(`${today}T00:00:00+08:00`)));
    const NAME = '柯血压';
    const first17 = '14078119560715' + String(100 + Math.floor(Math.random() * 800));
    const resident = await village<{ id: number }>('POST', '/api/residents', {
      idNumber: first17 + checkDigit(first17),
      name: NAME,
      insuranceType: 'resident',
      registeredPoor: false,
    });
    const kase = await village<{ id: number }>('POST', '/api/chronic/cases', {
      residentId: resident.id,
      disease: 'htn',
      state: 'managed',
      onDate: today,
    });
    // the kit at the clinic measured 158/96, pulse 80, this morning
    await village('POST', '/api/remote/kit/batches', {
      deviceId: 'E2E-KIT-02',
      readings: [
        {
          readingId: 'e2e-fu-bp-1',
          residentId: resident.id,
          kind: 'bp',
          systolic: 158,
          diastolic: 96,
          pulse: 80,
          measuredAt: measured.toISOString(),
        },
      ],
    });

    const { page, errors } = await journey.newPage(1280, 900);
    await login(page, base, 'village.doctor');
    await page.goto(`${base}/chronic/cases`);
    const search = page.getByPlaceholder('姓名、拼音首字母或身份证号');
    await search.fill(NAME);
    await search.press('Enter');
    await page.locator('tbody tr', { hasText: NAME }).first().click();
    await page.getByTestId('case-kit-readings').getByText('158/96').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: /新增随访/ }).click();
    const form = page.locator('.oc-followup-drawer');
    const prefill = form.getByTestId('kit-prefill');
    await prefill.getByText('158/96').waitFor({ timeout: 15_000 });
    await prefill.getByRole('button', { name: /^带\s*入$/ }).click();
    await expect.poll(() => form.getByLabel('收缩压', { exact: true }).inputValue()).toBe('158');
    expect(await form.getByLabel('舒张压', { exact: true }).inputValue()).toBe('96');
    expect(await form.getByLabel('心率', { exact: true }).inputValue()).toBe('80');
    await shot(page, 'remote-kit-followup-prefill');
    await form.getByRole('button', { name: /^保\s*存$/ }).click();
    await page.getByTestId('followup-result').waitFor({ timeout: 20_000 });

    type Detail = {
      followups: Array<{ sbp: number | null; dbp: number | null }>;
      kitReadings: Array<{ readingId: string; followupDate: string | null }>;
    };
    const detail = await village<Detail>('GET', `/api/chronic/cases/${kase.id}`);
    expect(detail.followups[0]).toMatchObject({ sbp: 158, dbp: 96 });
    expect(detail.kitReadings.find((k) => k.readingId === 'e2e-fu-bp-1')?.followupDate).toBe(today);
    expect(errors).toEqual([]);
  }, 180_000);
});
