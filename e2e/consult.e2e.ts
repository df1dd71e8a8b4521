import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumStatus, dialog, login, shot, signedInApi } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 12 §5 journey (远程会诊): the township doctor asks the people's hospital's neurologist
 * (`expert`) for a video consultation with a PDF attached; the expert accepts; the township
 * doctor records the patient's consent; the expert schedules it with a video link, records it
 * as held and signs the opinion; the township doctor, on a 375 px phone, records the decision
 * (the requesting clinic keeps clinical responsibility) and closes it; the timeline shows every step.
 */
const status = chromiumStatus();

type Detail = { id: number; status: string; timeline: Array<{ action: string }> };

async function takeStep(page: Page, step: string, fill: (modal: ReturnType<typeof dialog>) => Promise<void>) {
  await page.locator(`[data-step="${step}"]`).click();
  const titles: Record<string, string> = {
    accept: '接受',
    consent: '记录知情同意',
    schedule: '安排时间',
    hold: '记录会诊开展',
    opinion: '签署会诊意见',
    decide: '记录诊疗决定',
  };
  const modal = dialog(page, titles[step]);
  await modal.waitFor();
  await fill(modal);
  await modal.getByTestId('step-ok').click();
  await modal.waitFor({ state: 'hidden' });
}

describe.runIf(status.available)(
  '远程会诊 in the browser: apply, accept, consent, schedule, hold, opinion, decision',
  () => {
    const journey = useJourney();

    it('a township doctor’s video consultation reaches the expert’s signed opinion and the clinic’s decision', async () => {
      const base = journey.url();
      const townshipApi = await signedInApi(base, 'township.doctor');
      const residents = await townshipApi<{ items: Array<{ id: number; name: string }> }>(
        'GET',
        '/api/residents?pageSize=1',
      );
      const patient = residents.items[0].name;

      // ---- the township doctor applies, with a PDF, inviting 郭卫东 (神经内科)
      const desk = await journey.newPage(1280, 900);
      const d = desk.page;
      await login(d, base, 'township.doctor');
      await d.goto(`${base}/remote/consults`);
      await d.getByTestId('consult-apply').click();
      const form = dialog(d, '发起远程会诊');
      await form.waitFor();
      const who = form.getByLabel('患者', { exact: true });
      await who.click();
      await who.fill(patient);
      await d.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: patient }).first().click();
      await form.getByLabel('受邀医院', { exact: true }).click();
      await d.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '人民医院' }).first().click();
      await form.getByLabel('受邀专家', { exact: true }).click();
      await d.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '郭卫东' }).first().click();
      await form.getByLabel('专科', { exact: true }).fill('神经内科');
      await form.getByLabel('会诊目的', { exact: true }).fill('反复头晕一周，明确诊断及下一步治疗');
      await form
        .getByLabel('病情摘要', { exact: true })
        .fill('高血压病史10年，近一周反复头晕，无肢体无力，血压 168/96 mmHg。');
      await form.locator('input[type=file]').setInputFiles({
        name: '心电图.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
      });
      await d.getByTestId('consult-submit').click();
      await d.waitForURL(/\/remote\/consults\/\d+$/, { timeout: 20_000 });
      const id = Number(new URL(d.url()).pathname.split('/').pop());
      await expect
        .poll(async () => (await d.locator('a', { hasText: '心电图.pdf' }).count()) > 0, { timeout: 15_000 })
        .toBe(true);

      // ---- the expert accepts
      const hospital = await journey.newPage(1280, 900);
      const e = hospital.page;
      await login(e, base, 'expert');
      await e.goto(`${base}/remote/consults?direction=incoming`);
      await e.locator(`[data-consult-id="${id}"]`).first().click();
      await e.waitForURL(new RegExp(`/remote/consults/${id}$`));
      await takeStep(e, 'accept', async () => {});
      await expect.poll(() => e.getByTestId('consult-status').textContent()).toBe('已接受');

      // ---- the township doctor records consent
      await d.reload();
      await takeStep(d, 'consent', async (m) => {
        await m.getByLabel('知情同意签署人', { exact: true }).fill(`患者本人 ${patient}`);
      });

      // ---- the expert schedules (the link), holds it, signs the opinion
      await e.reload();
      await takeStep(e, 'schedule', async (m) => {
        await m.getByLabel('视频会议链接', { exact: true }).fill('https://meet.example.cn/r/2026');
      });
      await expect.poll(() => e.getByTestId('consult-status').textContent()).toBe('已排期');
      await takeStep(e, 'hold', async () => {});
      await expect.poll(() => e.getByTestId('consult-status').textContent()).toBe('已开展');
      await takeStep(e, 'opinion', async (m) => {
        await m.getByLabel('会诊意见', { exact: true }).fill('考虑后循环缺血，建议头颅 MRI 及颈动脉彩超，强化降压。');
      });
      await expect.poll(() => e.getByTestId('consult-status').textContent()).toBe('意见已签署');
      expect(await e.locator('[data-step="decide"]').count()).toBe(0);
      await shot(e, 'consult-expert-opinion');

      // ---- the township doctor, on a phone, records the decision and closes
      const phone = await journey.newPage(375, 812, true);
      const p = phone.page;
      await login(p, base, 'township.doctor');
      await p.goto(`${base}/remote/consults/${id}`);
      await p.getByTestId('consult-opinion').waitFor();
      await takeStep(p, 'decide', async (m) => {
        await m.getByLabel('诊疗决定', { exact: true }).fill('采纳会诊意见，预约头颅 MRI，调整降压方案。');
      });
      await expect.poll(() => p.getByTestId('consult-status').textContent()).toBe('已决定');
      await p.locator('[data-step="close"]').click();
      await expect.poll(() => p.getByTestId('consult-status').textContent()).toBe('已结束');
      await shot(p, 'consult-phone-375');

      const done = await townshipApi<Detail>('GET', `/api/remote/consults/${id}`);
      expect(done.status).toBe('closed');
      expect(done.timeline.map((t) => t.action)).toEqual([
        'applied',
        'file_added',
        'accepted',
        'consent',
        'scheduled',
        'held',
        'opinion_signed',
        'decided',
        'closed',
      ]);
      expect(await p.locator('[data-testid="consult-timeline"] [data-action]').count()).toBe(9);
      expect(journey.errors()).toEqual([]);
    });
  },
);
