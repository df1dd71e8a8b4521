import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { chromiumStatus, login, shot, signedInApi, type Api } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 13, data quality: the dispatcher opens a completed chest-pain mission, corrects the wire
 * time two minutes later with a reason, and sees 已更正 with its history and the
 * door-to-wire interval two minutes longer; the same timeline on a 375 px phone.
 */
const status = chromiumStatus();

type Detail = {
  id: number;
  status: string;
  events: Array<{ milestone: string; at: string; corrections: number }>;
  intervals: Array<{ key: string; minutes: number | null }>;
};

/** YYYY-MM-DD HH:mm:ss on the county clock, as the picker takes it */
const wall = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * The small demo county has no 120 history: the dispatch centre takes a chest-pain call and
 * runs it to the end (door at +3 min, wire back-entered at +6, D2W 3 min), as it does every day.
 */
async function completedChestPain(api: Api): Promise<Detail> {
  const now = Date.now();
  const iso = (min: number) => new Date(now + min * 60_000).toISOString();
  const places = await api<Array<{ orgId: number; kind: string; lat: number; lng: number; name: string }>>(
    'GET',
    '/api/ems/places',
  );
  const village = places.find((p) => p.kind === 'village_clinic');
  if (!village) throw new Error('no village in the demo county');
  const call = await api<{ id: number }>('POST', '/api/ems/calls', {
    clientId: randomUUID(),
    receivedAt: iso(-1),
    answeredAt: iso(-0.9),
    callerPhone: '13912340000',
    address: `${village.name}村口`,
    villageOrgId: village.orgId,
    lat: village.lat,
    lng: village.lng,
    complaintCode: 'CHEST_PAIN',
    patientLabel: '男，62岁',
  });
  const vehicles = await api<Array<{ id: number; status: string }>>('GET', '/api/ems/vehicles');
  const hospitals = await api<Array<{ orgId: number; capabilities?: string[] }>>('GET', '/api/ems/hospitals');
  const pci = hospitals.find((h) => h.capabilities?.includes('pci')) ?? hospitals[0];
  const vehicle = vehicles.find((v) => v.status === 'available');
  if (!vehicle) throw new Error('no available vehicle');
  const mission = await api<{ id: number }>('POST', `/api/ems/calls/${call.id}/dispatch`, {
    vehicleId: vehicle.id,
    destOrgId: pci.orgId,
  });
  for (const [action, min] of [
    ['depart', 0.25],
    ['arrive_scene', 1],
    ['leave_scene', 2],
    ['arrive_hospital', 3],
  ] as const)
    await api('POST', `/api/ems/missions/${mission.id}/step`, { clientId: randomUUID(), action, at: iso(min) });
  await api('POST', `/api/ems/missions/${mission.id}/events`, {
    clientId: randomUUID(),
    milestone: 'wire',
    at: iso(6),
    source: 'backfill',
  });
  await api('POST', `/api/ems/missions/${mission.id}/step`, { clientId: randomUUID(), action: 'clear', at: iso(7) });
  const d = await api<Detail>('GET', `/api/ems/missions/${mission.id}`);
  expect(d.status).toBe('completed');
  expect(d.intervals.find((i) => i.key === 'door_to_wire')?.minutes).toBe(3);
  return d;
}

describe.runIf(status.available)('120: correcting a milestone time in the browser', () => {
  const journey = useJourney();

  it('the dispatcher corrects the wire time of a completed mission and sees 已更正 and the new D2W', async () => {
    const base = journey.url();
    const api = await signedInApi(base, 'dispatcher');
    const m = await completedChestPain(api);
    const d2wBefore = m.intervals.find((i) => i.key === 'door_to_wire')?.minutes ?? 0;
    const wireAt = Date.parse(m.events.find((e) => e.milestone === 'wire')?.at ?? '');

    const { page, errors } = await journey.newPage(1280, 900);
    await login(page, base, 'dispatcher');
    await page.goto(`${base}/ems/missions/${m.id}`);
    const wire = page.getByTestId('timeline').locator('[data-milestone="wire"]');
    await wire.getByTestId('correct-wire').click();
    const modal = page.getByRole('dialog');
    await modal.getByText('更正「导丝通过」时间').waitFor();
    const picker = modal.getByTestId('correct-at');
    const setTime = async (ms: number) => {
      await picker.click();
      await picker.fill(wall(ms));
      await picker.press('Enter');
      await expect.poll(async () => picker.inputValue()).toBe(wall(ms));
      // the picker's panel closed: nothing lies over the dialog's buttons
      await expect.poll(async () => page.locator('.ant-picker-dropdown:visible').count()).toBe(0);
    };
    const ok = modal.getByTestId('correct-ok');
    // a wire time before the door: the database's own sentence in the dialog, nothing changed
    await setTime(wireAt - 5 * 60_000);
    await modal.getByTestId('correct-reason').fill('核对导管室记录，导丝通过晚 2 分钟');
    await ok.click();
    await modal.getByText(/时间顺序不合理：「导丝通过」/).waitFor({ timeout: 15_000 });
    await shot(page, 'ems-correct-00-order-refused');
    await setTime(wireAt + 2 * 60_000);
    await expect.poll(async () => (await ok.textContent())?.replace(/\s/g, '')).toBe('更正');
    await ok.click();
    await wire.getByTestId('corrected-wire').waitFor({ timeout: 15_000 });
    await expect.poll(async () => (await page.getByRole('dialog').count()) === 0).toBe(true);

    const after = await api<Detail>('GET', `/api/ems/missions/${m.id}`);
    const d2wAfter = after.intervals.find((i) => i.key === 'door_to_wire')?.minutes ?? 0;
    expect(Math.round((d2wAfter - d2wBefore) * 10) / 10).toBe(2);
    // the interval table shows the new D2W as the page formats minutes
    const shown = Number.isInteger(d2wAfter) ? d2wAfter : d2wAfter.toFixed(d2wAfter < 10 ? 1 : 0);
    const d2wRow = page.locator('tr', { hasText: '进门→导丝通过' });
    await expect.poll(async () => d2wRow.textContent()).toContain(`${shown} 分钟`);
    await wire.getByTestId('corrected-wire').click();
    const history = page.getByTestId('correction-history');
    await history.getByText(/核对导管室记录/).waitFor({ timeout: 15_000 });
    await shot(page, 'ems-correct-01-history');
    // the printed record marks the corrected time and lists the correction
    await page.keyboard.press('Escape');
    await page
      .getByRole('button', { name: /打\s*印/ })
      .first()
      .click();
    const preview = page.locator('.oc-doc');
    await preview.getByText(/（已更正）/).waitFor({ timeout: 15_000 });
    await preview.getByText(/核对导管室记录/).waitFor();
    await shot(page, 'ems-correct-02-print');

    const phone = await journey.newPage(375, 812, true);
    await login(phone.page, base, 'dispatcher');
    await phone.page.goto(`${base}/ems/missions/${m.id}`);
    await phone.page.getByTestId('corrected-wire').waitFor({ timeout: 15_000 });
    await shot(phone.page, 'ems-correct-03-timeline-375');
    expect([...errors, ...phone.errors]).toEqual([]);
  });
});
