import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { jpegBaselineDicom } from '../src/remote/fixtures/jpeg-dicom.ts';
import { newDicomUid, TS_JPEG_BASELINE, writeDicomEncapsulated } from '../src/remote/formats/dicom-write.ts';
import { headCtSeries } from '../src/remote/formats/phantom.ts';
import { chromiumStatus, DEMO_PASSWORD, login, shot, signedInApi } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * The image viewer on dwv (issue 12 §2) in Chromium against the production build: `reader`
 * opens a seeded head-CT series (10 slices) on the reading page, sets 肺窗, zooms, scrolls
 * through slices; then a JPEG-baseline ultrasound image uploaded to the same request decodes
 * (dwv's decoder worker loads from dist/web) and shows a picture, not an error.
 */
const status = chromiumStatus();

interface ListItem {
  id: number;
  accession: string;
  itemCode: string;
  status: string;
  residentId: number;
}
interface StudyRow {
  id: number;
  format: string;
  modality: string | null;
}

/** the raw-body upload the studies page does (signedInApi only sends JSON) */
async function uploadRaw(base: string, username: string, bytes: Uint8Array, query: string) {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/remote/studies?${query}`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/octet-stream' },
    body: Buffer.from(bytes),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`upload → ${res.status}: ${text}`);
  return JSON.parse(text) as { id: number; requestId: number | null };
}

/** what dwv drew: how many distinct grey levels and how spread they are on its canvases */
async function canvasStats(viewer: Locator): Promise<{ canvases: number; levels: number; spread: number }> {
  return viewer.evaluate((el) => {
    const canvases = [...el.querySelectorAll<HTMLCanvasElement>('[data-testid="dwv-layers"] canvas')];
    const seen = new Set<number>();
    let min = 255;
    let max = 0;
    for (const c of canvases) {
      const ctx = c.getContext('2d');
      if (!ctx || !c.width || !c.height) continue;
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      for (let i = 0; i < d.length; i += 4 * 7) {
        if (d[i + 3] === 0) continue;
        const g = Math.round((d[i] + d[i + 1] + d[i + 2]) / 3);
        seen.add(g);
        min = Math.min(min, g);
        max = Math.max(max, g);
      }
    }
    return { canvases: canvases.length, levels: seen.size, spread: max - min };
  });
}

const button = (scope: Locator, text: string) =>
  scope.getByRole('button', { name: new RegExp(`^${[...text].join('\\s*')}$`) });

async function ready(page: Page): Promise<Locator> {
  await page.locator('[data-testid="image-viewer"][data-ready="true"]:visible').waitFor({ timeout: 60_000 });
  return page.locator('[data-testid="image-viewer"]:visible');
}

describe.runIf(status.available)('影像阅片: dwv viewer with window/level, zoom, slices and compressed images', () => {
  const journey = useJourney();

  it('reader reads a CT series and a JPEG-baseline ultrasound image', async () => {
    const base = journey.url();
    const reader = await signedInApi(base, 'reader');
    const list = await reader<{ items: ListItem[] }>(
      'GET',
      '/api/remote/requests?box=centre&centre=imaging&pageSize=100',
    );
    const cts = list.items.filter((i) => i.itemCode === 'IMG-CT-HEAD' && i.status !== 'cancelled');
    let target: ListItem | undefined;
    for (const r of cts) {
      const studies = await reader<StudyRow[]>('GET', `/api/remote/requests/${r.id}/studies`);
      if (studies.filter((s) => s.format === 'dicom' && s.modality === 'CT').length >= 3) {
        target = r;
        break;
      }
    }
    if (!target) {
      // this build's test county has no imaging history: the township doctor asks for a head CT
      // and the phantom series (8 slices) arrives as the CT scanner would send it
      const township = await signedInApi(base, 'township.doctor');
      const residents = await township<{ items: { id: number }[] }>('GET', '/api/residents?pageSize=1');
      target = await township<ListItem>(
        'POST',
        '/api/remote/requests',
        { residentId: residents.items[0].id, itemCode: 'IMG-CT-HEAD', priority: 'routine', clinicalInfo: '头痛' },
        { 'idempotency-key': `e2e-dwv-${Date.now()}` },
      );
      const series = headCtSeries({ patientId: String(target.residentId), accession: target.accession, slices: 8 });
      for (const [i, sl] of series.entries())
        await uploadRaw(base, 'township.doctor', sl.bytes, `fileName=ct-${i + 1}.dcm&requestId=${target.id}`);
    }

    // the JPEG-baseline image joins the same request (its accession and patient ID)
    const jpegDcm = jpegBaselineDicom({ patientId: String(target.residentId), accession: target.accession });
    const up = await uploadRaw(base, 'township.doctor', jpegDcm, `fileName=us.dcm&requestId=${target.id}`);
    expect(up.requestId).toBe(target.id);

    const { page, errors } = await journey.newPage(1280, 900);
    await login(page, base, 'reader');
    await page.goto(`${base}/remote/read/${target.id}`);
    await page.getByRole('tab', { name: /序列/ }).first().click();
    const viewer = await ready(page);
    expect(Number(await viewer.getAttribute('data-slices'))).toBeGreaterThanOrEqual(3);
    const stats = await canvasStats(viewer);
    expect(stats.canvases).toBeGreaterThan(0);
    expect(stats.levels).toBeGreaterThan(3);
    expect(stats.spread).toBeGreaterThan(100);
    expect(await viewer.getAttribute('data-window')).toBe('80/40');

    // 肺窗 sets W 1500 / C -600, and the text says so
    await button(viewer, '肺窗').click();
    await expect.poll(() => viewer.getAttribute('data-window')).toBe('1500/-600');
    expect(await viewer.innerText()).toContain('窗宽 1500 / 窗位 -600');

    // zoom in by the button
    await button(viewer, '放大').click();
    await expect.poll(async () => Number(await viewer.getAttribute('data-zoom'))).toBeGreaterThan(1);

    // the wheel moves through the slices, and so does the slider's keyboard
    const slice0 = Number(await viewer.getAttribute('data-slice'));
    const box = await viewer.getByTestId('dwv-layers').boundingBox();
    if (!box) throw new Error('no viewer box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, slice0 > 4 ? 120 : -120); // dwv: wheel up = next slice
    await expect.poll(async () => Number(await viewer.getAttribute('data-slice'))).not.toBe(slice0);
    const slice1 = Number(await viewer.getAttribute('data-slice'));
    await viewer.getByRole('slider').focus();
    await page.keyboard.press(slice1 > 5 ? 'ArrowLeft' : 'ArrowRight');
    await expect.poll(async () => Number(await viewer.getAttribute('data-slice'))).not.toBe(slice1);
    expect(await viewer.innerText()).toMatch(/第 \d+ \/ \d+ 层/);
    await shot(page, 'remote-image-viewer-1280');

    // reset brings the default window and zoom back
    await button(viewer, '复位').click();
    await expect.poll(() => viewer.getAttribute('data-window')).toBe('80/40');
    await expect.poll(async () => Number(await viewer.getAttribute('data-zoom'))).toBe(1);

    // the compressed (JPEG baseline) ultrasound image decodes in dwv's worker
    await page.getByRole('tab', { name: new RegExp(`US #${up.id}`) }).click();
    const us = await ready(page);
    expect(await us.getByRole('alert').count()).toBe(0);
    const usStats = await canvasStats(us);
    expect(usStats.levels).toBeGreaterThan(3);
    expect(usStats.spread).toBeGreaterThan(100);
    await shot(page, 'remote-image-viewer-jpeg-1280');

    // a damaged compressed image: a clear Chinese error instead of a blank box
    const broken = writeDicomEncapsulated({
      patientId: String(target.residentId),
      accession: target.accession,
      studyUid: newDicomUid(),
      seriesUid: newDicomUid(),
      sopUid: newDicomUid(),
      rows: 64,
      cols: 64,
      transferSyntax: TS_JPEG_BASELINE,
      frame: Uint8Array.from([0xff, 0xd8, ...Array.from({ length: 200 }, (_, i) => (i * 37) % 251), 0xff, 0xd9]),
      samplesPerPixel: 3,
      photometric: 'YBR_FULL',
      bitsAllocated: 8,
    });
    const bad = await uploadRaw(base, 'township.doctor', broken, `fileName=bad.dcm&requestId=${target.id}`);
    await page.reload();
    await page.getByRole('tab', { name: new RegExp(`US #${bad.id}`) }).click();
    const alert = page.locator('[data-testid="image-viewer"]:visible').getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.innerText()).toContain('影像无法解码');

    // a phone: the viewer fits 375 px and still works
    const { page: phone, errors: phoneErrors } = await journey.newPage(375, 800, true);
    await login(phone, base, 'reader');
    await phone.goto(`${base}/remote/read/${target.id}`);
    await phone.getByRole('tab', { name: /序列/ }).first().click();
    const small = await ready(phone);
    const smallBox = await small.getByTestId('dwv-layers').boundingBox();
    expect(smallBox?.width ?? 999).toBeLessThanOrEqual(375);
    expect((await canvasStats(small)).spread).toBeGreaterThan(100);
    await button(small, '骨窗').click();
    await expect.poll(() => small.getAttribute('data-window')).toBe('1800/400');
    await shot(phone, 'remote-image-viewer-375');

    expect(errors).toEqual([]);
    expect(phoneErrors).toEqual([]);
  }, 240_000);
});
