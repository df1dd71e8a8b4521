import { describe, expect, it } from 'vitest';
import { checkDigit } from '../src/residents/id-number.ts';
import { chromiumStatus, login, shot } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 4 journey: the coordinator plans an expert session; a resident books it on the phone
 * page (ID + mobile + one-time code); the front desk checks them in; the expert calls next;
 * the waiting-room screen shows and announces the call with a masked name.
 */
const status = chromiumStatus();
// 张三明 of the demo county (src/seed/people.ts knownResident)
const FIRST17 = '14078119660412021';
const ID_NUMBER = FIRST17 + checkDigit(FIRST17);
const MOBILE = '13935412688';

/**
 * A one-hour session starting soon on the Shanghai clock; late in the evening it starts just
 * after midnight instead (check-in opens three hours before a session).
 */
function soon(): { date: string; start: string; end: string } {
  const at = new Date(Math.ceil((Date.now() + 10 * 60_000) / 300_000) * 300_000 + 8 * 3600_000).toISOString();
  const hh = Number(at.slice(11, 13));
  if (hh >= 23) {
    const next = new Date(Date.now() + 8 * 3600_000 + 3 * 3600_000).toISOString().slice(0, 10);
    return { date: next, start: '00:05', end: '01:05' };
  }
  return {
    date: at.slice(0, 10),
    start: at.slice(11, 16),
    end: `${String(hh + 1).padStart(2, '0')}:${at.slice(14, 16)}`,
  };
}

describe.runIf(status.available)('expert clinic journey in the browser', () => {
  const journey = useJourney();
  const newPage = journey.newPage;

  async function pick(page: import('playwright-core').Page, label: string, option: string) {
    // inside an open form dialog the label names its field, not the table's column behind it
    const dialog = page.getByRole('dialog');
    const scope = (await dialog.count()) > 0 ? dialog : page;
    await scope.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  }

  it('plan → phone booking → check-in → call next → the screen shows and announces it', async () => {
    // 1. the coordinator registers an expert and plans today's session
    const { page: coord, errors: coordErrors } = await newPage(1280, 900);
    await login(coord, journey.url(), 'coordinator');
    await coord.goto(`${journey.url()}/clinics/experts`);
    await coord.getByRole('button', { name: /登记专家/ }).click();
    const expertForm = coord.getByRole('dialog');
    await expertForm.getByLabel('姓名', { exact: true }).fill('赵建华');
    await expertForm.getByLabel('所在医院', { exact: true }).fill('山西白求恩医院');
    await expertForm.getByLabel('专业', { exact: true }).fill('神经内科');
    await expertForm.getByLabel('籍贯', { exact: true }).fill('介休市宋古乡');
    await coord.getByRole('button', { name: /^确\s*定$|^OK$/ }).click();
    await coord.locator('tbody tr', { hasText: '赵建华' }).waitFor();

    await coord.goto(`${journey.url()}/clinics`);
    await coord.getByRole('button', { name: /安排门诊/ }).click();
    await pick(coord, '专家', '赵建华');
    await pick(coord, '机构', '人民医院');
    await pick(coord, '科室', '神经内科');
    await coord.getByRole('dialog').getByLabel('诊室', { exact: true }).fill('3');
    const when = soon();
    // antd pickers (YYYY-MM-DD, HH:mm whatever the PC's locale): type, then Enter commits
    for (const [id, value] of [
      ['plan-date', when.date],
      ['plan-start', when.start],
      ['plan-end', when.end],
    ] as const) {
      await coord.getByTestId(id).click();
      await coord.getByTestId(id).fill(value);
      await coord.getByTestId(id).press('Enter');
    }
    await coord.getByRole('button', { name: /^确\s*定$|^OK$/ }).click();
    await coord.waitForURL(/\/clinics\/sessions\/\d+$/, { timeout: 15_000 }).catch(async (err: unknown) => {
      await shot(coord, 'clinics-failed-plan');
      throw err;
    });
    const sessionId = Number(new URL(coord.url()).pathname.split('/').pop());
    await coord.getByTestId('session-free').waitFor();
    await shot(coord, 'clinics-01-session-planned');
    // a waiting-room screen for neurology (the API answers the link once)
    const screenUrl = await coord.evaluate(async () => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
      const depts = (await (await fetch('/api/clinic-sessions?pageSize=100')).json()) as {
        items: Array<{ departmentId: number; departmentName: string }>;
      };
      const dept = depts.items.find((s) => s.departmentName === '神经内科');
      if (!dept) throw new Error('no 神经内科 session');
      const res = await fetch('/api/clinic-screens', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ departmentId: dept.departmentId, name: '神经内科候诊区' }),
      });
      return ((await res.json()) as { url: string }).url;
    });
    expect(coordErrors).toEqual([]);

    // 2. the resident books on a phone
    const { page: phone, errors: phoneErrors } = await newPage(390, 844, true);
    await phone.goto(`${journey.url()}/book`);
    await phone.getByTestId('portal-id').fill(ID_NUMBER);
    await phone.getByTestId('portal-mobile').fill(MOBILE);
    await phone.getByTestId('portal-get-code').click();
    const code = await phone.getByTestId('portal-demo-code').textContent();
    await phone.getByTestId('portal-code').fill(code ?? '');
    await phone.getByTestId('portal-verify').click();
    await phone.getByTestId(`portal-session-${sessionId}`).click();
    // the times open right under the tapped clinic, in view; nothing is booked before the confirmation
    await phone.getByTestId('portal-slots').waitFor();
    expect(await phone.getByTestId('portal-slots').isVisible()).toBe(true);
    await phone.locator('[data-testid^="portal-slot-"]:not([disabled])').first().click();
    await phone.getByTestId('portal-confirm-text').waitFor();
    expect(await phone.getByTestId('portal-confirm-text').textContent()).toContain('赵建华');
    expect(await phone.getByTestId('portal-booking').count()).toBe(0);
    await shot(phone, 'clinics-02a-phone-confirm');
    await phone.getByTestId('portal-confirm').click();
    await phone.getByTestId('portal-booking').first().waitFor();
    expect(await phone.getByTestId('portal-booking').first().textContent()).toContain('赵建华');
    await shot(phone, 'clinics-02-phone-booked');
    await phone.getByText('EN', { exact: true }).click();
    await phone.getByText('Clinics open for booking').waitFor();
    await shot(phone, 'clinics-02b-phone-english');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(phoneErrors).toEqual([]);

    // 3. the waiting-room screen, live
    const { page: screen, errors: screenErrors } = await newPage(1600, 900);
    await screen.goto(`${journey.url()}${screenUrl}`);
    await screen.getByText('● 实时连接').waitFor();

    // 4. the front desk checks the patient in
    const { page: desk } = await newPage(1280, 900);
    await login(desk, journey.url(), 'clerk');
    await desk.goto(`${journey.url()}/clinics/sessions/${sessionId}`);
    // 爽约 counts toward suspension: it asks first, stating the consequence; 再等等 records nothing
    await desk
      .locator('tbody tr', { hasText: '张三明' })
      .getByRole('button', { name: /爽\s*约/ })
      .click();
    const noShowConfirm = desk.locator('.ant-popover:visible', { hasText: '暂停其自助预约' });
    await noShowConfirm.waitFor();
    await shot(desk, 'clinics-03a-no-show-confirm');
    await noShowConfirm.getByRole('button', { name: /再等等/ }).click();
    await desk.locator('tbody tr', { hasText: '张三明' }).getByText('已预约').waitFor();
    await desk
      .locator('tbody tr', { hasText: '张三明' })
      .getByRole('button', { name: /签到取号/ })
      .click();
    await desk.getByTestId('ticket-url').waitFor();
    const ticketUrl = (await desk.getByTestId('ticket-url').textContent())?.trim() ?? '';
    await shot(desk, 'clinics-03-checked-in');
    // the patient opens the slip's link before the call: the page streams (no 10 s poll)
    const { page: ticket, errors: ticketErrors } = await newPage(375, 812, true);
    await ticket.goto(ticketUrl);
    await ticket.getByText('● 实时更新').waitFor();
    expect(await ticket.getByTestId('ticket-status').textContent()).toBe('候诊中');

    // 5. the expert calls next
    const { page: expert, errors: expertErrors } = await newPage(1280, 900);
    await login(expert, journey.url(), 'expert');
    await expert.goto(`${journey.url()}/clinics/console`);
    await expert.getByTestId('call-next').click();
    await expert.getByTestId('console-current').waitFor();
    expect(await expert.getByTestId('console-current').textContent()).toContain('张三明');
    expect(expertErrors).toEqual([]);

    // 6. the screen shows the call with a masked name and the words it speaks
    await screen.getByTestId('screen-announcement').waitFor({ timeout: 10_000 });
    expect(await screen.getByTestId('screen-announcement').textContent()).toBe('请 1 号 张*明 到 3 诊室就诊');
    // the board refetches after the announcement: wait for it rather than read it at once
    await expect.poll(() => screen.getByTestId(`screen-current-${sessionId}`).textContent()).toContain('1 号 张*明');
    expect(await screen.content()).not.toContain('张三明');
    await shot(screen, 'clinics-04-screen-called');
    expect(screenErrors).toEqual([]);

    // 7. the patient's phone page says it is their turn, pushed live (the fallback poll is 30 s)
    await ticket.getByText('请立即到诊室就诊').waitFor({ timeout: 5_000 });
    await shot(ticket, 'clinics-05-ticket-called');
    // a visitor switches the public page to English; Chinese stays the default elsewhere
    await ticket.getByText('EN', { exact: true }).click();
    await ticket.getByText('Please go to the consulting room now').waitFor();
    await shot(ticket, 'clinics-06-ticket-english');
    expect(ticketErrors).toEqual([]);
    await screen.goto(`${journey.url()}${screenUrl}?lang=en`);
    await screen.getByText('Now seeing').first().waitFor();
    await shot(screen, 'clinics-07-screen-english');
  });
});
