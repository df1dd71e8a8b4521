import { describe, expect, it } from 'vitest';
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
});
