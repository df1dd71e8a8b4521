import { describe, expect, it } from 'vitest';
import { chooseOption, chromiumStatus, DEMO_PASSWORD, login, shot, signedInApi } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 12's journey in Chromium: `village.doctor` uploads a kit ECG; `reader` sees it appear
 * on the live worklist, claims it, measures an interval with the calipers, drafts
 * "急性下壁心肌梗死" and flags a critical value; a second reader confirms the critical value,
 * reviews and issues; the village doctor's screen shows the critical value at once, they
 * acknowledge it with read-back, and the timeline shows every step.
 */
const status = chromiumStatus();

describe.runIf(status.available)('远程诊断: kit ECG → live worklist → report and critical value → read-back', () => {
  const journey = useJourney();

  it('the whole loop, each person on their own screen', async () => {
    const base = journey.url();
    const admin = await signedInApi(base, 'admin');
    const village = await signedInApi(base, 'village.doctor');
    const me = await village<{ org: { id: number } }>('GET', '/api/auth/me');
    const township = await signedInApi(base, 'township.doctor');
    await township('POST', '/api/remote/kit/devices', { id: 'E2E-KIT-RD', orgId: me.org.id, model: '健康一体机' });
    // the second reader: an account made by the administrator, its first password changed
    const readerMe = await (await signedInApi(base, 'reader'))<{ org: { id: number } }>('GET', '/api/auth/me');
    const made = await admin<{ temporaryPassword: string }>('POST', '/api/staff', {
      username: 'reader.second',
      displayName: '韩冬梅',
      roles: ['reader'],
      orgId: readerMe.org.id,
    });
    const first = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'reader.second', password: made.temporaryPassword }),
    });
    const cookie = String(first.headers.get('set-cookie')).split(';')[0];
    const { csrfToken } = (await first.json()) as { csrfToken: string };
    const changed = await fetch(`${base}/api/auth/password`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: made.temporaryPassword, newPassword: DEMO_PASSWORD }),
    });
    expect(changed.status).toBeLessThan(300);

    // the reader's worklist is open before the ECG exists: it must appear live
    const { page: reader, errors: readerErrors } = await journey.newPage(1280, 900);
    await login(reader, base, 'reader');
    await reader.goto(`${base}/remote/worklist?centre=ecg`);
    await reader.getByText('实时', { exact: true }).waitFor({ timeout: 20_000 });

    // the village doctor uploads a kit ECG (inferior STEMI)
    const { page: doc, errors: docErrors } = await journey.newPage(1280, 900);
    await login(doc, base, 'village.doctor');
    await doc.goto(`${base}/remote/kit`);
    await chooseOption(doc, doc, '居民', null, /./);
    await chooseOption(doc, doc, '波形', null, /下壁/);
    await doc.getByTestId('kit-ecg-upload').click();
    const result = doc.getByTestId('kit-ecg-result');
    await result.waitFor({ timeout: 30_000 });
    const accession = String(await result.getAttribute('data-accession'));

    // it appears on the reader's list without a reload
    const row = reader.locator('tr', { hasText: accession });
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('button', { name: /领\s*取/ }).click();
    await reader.waitForURL(/\/remote\/read\/\d+/);
    const requestId = Number(/\/remote\/read\/(\d+)/.exec(reader.url())?.[1]);

    // calipers on the rhythm strip: two clicks 40 px apart at 4 px/mm = 10 mm = 400 ms
    const canvas = reader.getByTestId('ecg-canvas');
    await canvas.waitFor({ timeout: 20_000 });
    await canvas.click({ position: { x: 140, y: 420 } });
    await canvas.click({ position: { x: 180, y: 420 } });
    await expect.poll(() => reader.getByTestId('caliper-readout').innerText()).toContain('400 ms');

    // the structured report
    await reader.getByLabel('心律', { exact: true }).fill('窦性心律');
    await reader.getByLabel('心率（次/分）', { exact: true }).fill('88');
    await reader.getByLabel('PR 间期（ms）', { exact: true }).fill('160');
    await reader.getByLabel('检查所见', { exact: true }).fill('II、III、aVF 导联 ST 段抬高，I、aVL 导联 ST 段压低');
    await reader.getByTestId('report-conclusion-input').fill('急性下壁心肌梗死');
    await reader.getByTestId('report-save').click();
    await reader.getByText('已保存').first().waitFor();

    // flag the critical value
    await chooseOption(reader, reader.getByTestId('critical-panel'), '危急值项目', null, /急性心肌梗死/);
    await reader.getByTestId('critical-detail').fill('下壁导联 ST 段抬高 0.3 mV');
    await reader.getByTestId('critical-flag').click();
    await reader.getByTestId('critical-panel').getByText('急性心肌梗死').first().waitFor();
    await reader.getByTestId('report-submit').click();
    await reader.getByText('已提交审核').first().waitFor();
    await shot(reader, 'remote-reader-1280');

    // the second reader confirms the critical value, then reviews and signs
    const { page: second, errors: secondErrors } = await journey.newPage(1280, 900);
    await login(second, base, 'reader.second');
    await second.goto(`${base}/remote/read/${requestId}`);
    await second.getByTestId('critical-check').click();
    await second.getByTestId('report-issue').click();
    await second.getByText('报告已签发').first().waitFor();

    // the village doctor's screen shows it at once, and read-back is required
    const banner = doc.getByTestId('critical-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('急性心肌梗死');
    await doc.getByTestId('critical-ack').click();
    await doc
      .getByTestId('critical-banner')
      .getByText(/复述|回读/)
      .first()
      .waitFor();
    await doc.getByTestId('critical-readback').fill('急性下壁心肌梗死，ST 段抬高');
    await doc.getByTestId('critical-ack').click();
    await banner.waitFor({ state: 'detached', timeout: 20_000 });

    // the request's timeline, as the village doctor sees it
    await doc.goto(`${base}/remote/requests/${requestId}`);
    await doc.getByTestId('report-v1').waitFor();
    expect(await doc.getByTestId('report-v1').innerText()).toContain('急性下壁心肌梗死');
    const timeline = await doc.getByTestId('request-timeline').innerText();
    for (const step of ['提交申请', '领取阅片', '提交审核', '审核签发']) expect(timeline).toContain(step);
    const critical = doc.getByTestId('critical-timeline').first();
    await critical.waitFor();
    const criticalText = await critical.innerText();
    expect(criticalText).toContain('急性下壁心肌梗死，ST 段抬高');
    await shot(doc, 'remote-village-timeline-1280');
    await doc.setViewportSize({ width: 375, height: 800 });
    await shot(doc, 'remote-village-timeline-375');

    expect([...readerErrors, ...docErrors, ...secondErrors]).toEqual([]);
  }, 300_000);
});
