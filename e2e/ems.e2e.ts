import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseOption, chromiumStatus, login, shot, signedInApi } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 13 journey: the dispatcher takes a chest-pain call from a mountain village (the
 * westernmost village of the county) and sends the recommended ambulance; the crew, on a
 * 375 px phone, steps through departure and arrival, uploads an ECG and sends the pre-alert,
 * then brings the patient in; at the people's hospital the chest-pain team sees the
 * pre-admission with its ETA, activates the cath lab and records the wire; the timeline shows
 * the door-to-wire interval and the month's door-to-wire figure counts the case.
 */
const status = chromiumStatus();

type Place = { orgId: number; name: string; kind: string; lat: number; lng: number };
type Figures = { figures: Array<{ key: string; denominator: number | null }> };

describe.runIf(status.available)('120 in the browser: call, dispatch, crew phone, pre-admission, cath lab', () => {
  const journey = useJourney();

  it('a chest-pain call from a mountain village reaches the cath lab and the month’s door-to-wire figure', async () => {
    const base = journey.url();
    const dispatcherApi = await signedInApi(base, 'dispatcher');
    const adminApi = await signedInApi(base, 'admin');
    const places = await dispatcherApi<Place[]>('GET', '/api/ems/places');
    const village = places.filter((p) => p.kind === 'village_clinic').sort((a, b) => a.lng - b.lng)[0];
    const villageWord = village.name.replace(/卫生室$/, '').replace(/村$/, '');
    const d2wBefore =
      (await adminApi<Figures>('GET', '/api/ems/figures')).figures.find((f) => f.key === 'door_to_wire_p50')
        ?.denominator ?? 0;

    // ---- the dispatcher takes the call and sends the recommended ambulance
    const desk = await journey.newPage(1280, 900);
    const d = desk.page;
    await login(d, base, 'dispatcher');
    await d.goto(`${base}/ems/board`);
    await d.getByTestId('new-call').click();
    await d.getByLabel('来电号码', { exact: true }).fill('13912345678');
    const placeBox = d.getByLabel('地点', { exact: true });
    await placeBox.click();
    await placeBox.fill(villageWord);
    const option = d.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: villageWord }).first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    await d.getByTestId('answer').click();
    await chooseOption(d, d, '主诉', '胸痛', /胸痛/);
    await d.getByTestId('create-call').click();
    const panel = d.getByTestId('recommend-panel');
    await panel.waitFor({ timeout: 20_000 });
    const first = panel.locator('[data-testid^="dispatch-"]').first();
    await first.waitFor({ timeout: 20_000 });
    const callSign = (await first.getAttribute('data-testid'))?.replace(/^dispatch-/, '') ?? '';
    await first.click();
    const calls = await dispatcherApi<{
      items: Array<{ id: number; address: string; missions: Array<{ id: number; callSign: string }> }>;
    }>('GET', '/api/ems/calls?pageSize=5');
    await expect
      .poll(async () => {
        const c = await dispatcherApi<{ items: Array<{ missions: Array<{ id: number; callSign: string }> }> }>(
          'GET',
          '/api/ems/calls?pageSize=5',
        );
        return c.items[0]?.missions[0]?.callSign ?? null;
      })
      .toBe(callSign);
    expect(calls.items.length).toBeGreaterThan(0);
    const mission = (
      await dispatcherApi<{ items: Array<{ missions: Array<{ id: number }> }> }>('GET', '/api/ems/calls?pageSize=5')
    ).items[0].missions[0].id;
    await shot(d, 'ems-board-dispatched');

    // ---- the crew's phone: depart, on scene, ECG, pre-alert, leave, at the hospital
    const phone = await journey.newPage(375, 812, true);
    const p = phone.page;
    // the phone's GPS, allowed by the crew, at the village: the vehicle's position goes out with the steps
    await p.context().grantPermissions(['geolocation']);
    await p.context().setGeolocation({ latitude: village.lat, longitude: village.lng, accuracy: 10 });
    await login(p, base, 'crew');
    await p.goto(`${base}/ems/crew`);
    await p.getByTestId('crew-mission').waitFor({ timeout: 20_000 });
    const stepTo = async (action: string) => {
      const button = p.getByTestId('step-button');
      await expect.poll(() => button.getAttribute('data-action'), { timeout: 20_000 }).toBe(action);
      await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true);
      await button.click();
    };
    await stepTo('depart');
    await expect.poll(() => p.getByTestId('gps-state').getAttribute('data-state'), { timeout: 20_000 }).toBe('on');
    await expect
      .poll(
        async () => {
          const fleet = await dispatcherApi<Array<{ callSign: string; pos: { fresh: boolean } | null }>>(
            'GET',
            '/api/ems/vehicles',
          );
          return fleet.find((v) => v.callSign === callSign)?.pos?.fresh ?? false;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await shot(d, 'ems-board-gps');
    await stepTo('arrive_scene');
    await p.getByRole('tab', { name: '心电图' }).click();
    const ecg = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecg-')), 'ecg-12lead.pdf');
    fs.writeFileSync(ecg, '%PDF-1.4\n% 12-lead ECG, ST elevation V1-V4\n');
    const chooser = p.waitForEvent('filechooser');
    await p.getByTestId('ecg-pick').click();
    await (await chooser).setFiles(ecg);
    await p.getByRole('button', { name: '上传心电图' }).click();
    await p.getByTestId('prealert').click();
    await stepTo('leave_scene');
    await stepTo('arrive_hospital');
    // everything the phone recorded reaches the server
    await expect.poll(() => p.getByTestId('outbox-count').count(), { timeout: 30_000 }).toBe(0);
    await shot(p, 'ems-crew-phone');

    // ---- the people's hospital: the pre-admission with its ETA, the cath lab, the wire
    const ward = await journey.newPage(1280, 900);
    const h = ward.page;
    await login(h, base, 'county.doctor');
    await h.goto(`${base}/ems/preadmissions`);
    const card = h.getByTestId('preadmission').filter({ hasText: callSign }).first();
    await card.waitFor({ timeout: 20_000 });
    // the crew pressed 到达医院: no countdown any more, the patient is at the door to be received
    await expect.poll(() => card.getByTestId('at-door').count()).toBeGreaterThan(0);
    expect(await card.getByTestId('eta').count()).toBe(0);
    await card.getByTestId('activate-team').click();
    await expect
      .poll(async () => {
        const m = await dispatcherApi<{ events: Array<{ milestone: string }> }>('GET', `/api/ems/missions/${mission}`);
        return m.events.some((e) => e.milestone === 'cathlab_activated');
      })
      .toBe(true);
    await card.locator('[data-milestone="cathlab_arrived"]').click();
    await expect.poll(() => card.locator('[data-milestone="cathlab_arrived"]').isDisabled()).toBe(true);
    await card.locator('[data-milestone="wire"]').click();
    await expect.poll(() => card.locator('[data-milestone="wire"]').isDisabled()).toBe(true);
    await shot(h, 'ems-preadmission-wire');

    // ---- the timeline and the month's figure
    await h.goto(`${base}/ems/missions/${mission}`);
    const timeline = h.getByTestId('timeline');
    await timeline.waitFor({ timeout: 20_000 });
    await expect.poll(() => timeline.textContent()).toContain('导丝通过');
    const detail = await dispatcherApi<{
      intervals: Array<{ key: string; minutes: number }>;
      events: Array<{ milestone: string; source: string }>;
    }>('GET', `/api/ems/missions/${mission}`);
    expect(detail.events.map((e) => e.milestone)).toEqual(
      expect.arrayContaining([
        'departed',
        'on_scene',
        'first_ecg',
        'ecg_transmitted',
        'prealert',
        'door',
        'cathlab_arrived',
        'wire',
      ]),
    );
    expect(detail.intervals.find((i) => i.key === 'door_to_wire')?.minutes).toBeGreaterThanOrEqual(0);
    await shot(h, 'ems-timeline');
    const d2wAfter =
      (await adminApi<Figures>('GET', '/api/ems/figures')).figures.find((f) => f.key === 'door_to_wire_p50')
        ?.denominator ?? 0;
    expect(d2wAfter).toBe(d2wBefore + 1);
    expect([...desk.errors, ...phone.errors, ...ward.errors]).toEqual([]);
  });
});
