import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumStatus, DEMO_PASSWORD, login, shot } from './browser.ts';
import { useJourney } from './journey.ts';
import { must } from '../src/platform/must.ts';

/**
 * Issue 3 journey: village.doctor refers a resident up; the coordinator sees it appear live
 * and accepts; the patient arrives and is admitted with priority; county.doctor discharges
 * with a down-referral to the township rehab centre; township.doctor sees the task and
 * confirms; village.doctor sees the whole timeline.
 */
const status = chromiumStatus();

describe.runIf(status.available)('two-way referral in the browser', () => {
  const journey = useJourney();

  async function as(username: string): Promise<Page> {
    const { page } = await journey.newPage(1360, 900);
    await login(page, journey.url(), username);
    return page;
  }

  async function choose(page: Page, label: string, typed: string | null, option: string | RegExp) {
    const select = page.getByLabel(label, { exact: true });
    await select.click();
    if (typed !== null) await select.fill(typed);
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
    await item.waitFor({ timeout: 15_000 });
    await item.click();
  }

  /** Beds are set up through the API, as the group's coordinator would once. */
  async function addBeds() {
    const login = await fetch(`${journey.url()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'coordinator', password: DEMO_PASSWORD }),
    });
    const cookie = String(login.headers.get('set-cookie')).split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const h = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
    const orgs = (await (await fetch(`${journey.url()}/api/orgs`, { headers: h })).json()) as Array<{
      id: number;
      name: string;
    }>;
    const people = must(
      orgs.find((o) => o.name.endsWith('人民医院')),
      '人民医院',
    );
    const detail = (await (await fetch(`${journey.url()}/api/orgs/${people.id}`, { headers: h })).json()) as {
      departments: Array<{ id: number; code: string }>;
    };
    const cardiology = must(
      detail.departments.find((d) => d.code === 'cardiology'),
      'cardiology',
    );
    const res = await fetch(`${journey.url()}/api/beds`, {
      method: 'POST',
      headers: h,
      body: JSON.stringify({ departmentId: cardiology.id, codes: ['01', '02', '03'] }),
    });
    expect(res.status).toBe(201);
  }

  // a long journey through five accounts: more than the default two minutes on a loaded machine
  it('closes the loop from the village to the county and back to the township rehab centre', async () => {
    await addBeds();
    const coordinator = await as('coordinator');
    await coordinator.goto(`${journey.url()}/referrals`);
    await coordinator.getByRole('heading', { name: '转诊工作台' }).waitFor();

    // the coordinator's home page counts the referrals waiting for acceptance (a second tab)
    const coordinatorHome = await as('coordinator');
    const awaiting = coordinatorHome.getByTestId('todo-count-referrals_awaiting');
    const awaitingBefore = Number(await awaiting.textContent());

    // the village doctor starts from the resident's profile: 发起转诊 carries the resident along
    const village = await as('village.doctor');
    await village.getByPlaceholder(/快速查找居民/).fill('zsm');
    await village.getByPlaceholder(/快速查找居民/).press('Enter');
    await village.locator('tbody tr', { hasText: '张三明' }).first().click();
    await village.getByTestId('resident-next-steps').waitFor();
    await village.getByTestId('resident-refer').click();
    await village.getByRole('heading', { name: '发起转诊' }).waitFor();
    await village.getByTestId('breadcrumb').getByText('转诊工作台').waitFor();
    await expect
      .poll(() => village.locator('.ant-form-item', { hasText: '患者' }).first().textContent())
      .toContain('张三明');
    await choose(village, '初步诊断', 'I20', 'I20.0');
    await village.getByText('分级诊疗建议').waitFor();
    // an up-referral from a village clinic is offered the levels above, its own centre first
    await village.getByLabel('接收机构', { exact: true }).click();
    const options = village.locator('.ant-select-dropdown:visible .ant-select-item-option');
    // the diagnosis dropdown may still be closing: wait for the target list to be the visible one
    await expect.poll(() => options.first().textContent()).toContain('（上级）');
    expect(await options.allTextContents()).not.toContainEqual(expect.stringMatching(/卫生室/));
    await village.keyboard.press('Escape');
    await choose(village, '接收机构', null, /人民医院/);
    await village.getByLabel('转诊原因').fill('胸闷气短加重，村卫生室无法处理');
    await village.getByLabel('收缩压').fill('168');
    await village.getByText('已告知并取得知情同意').click();
    await shot(village, 'referral-01-village-form');
    await village.getByRole('button', { name: /提交转诊/ }).click();
    await village.waitForURL(/\/referrals\/\d+$/);
    const upId = Number(new URL(village.url()).pathname.split('/').pop());
    await expect.poll(() => village.getByTestId('referral-status').textContent()).toBe('待接收');

    await coordinatorHome.reload();
    await expect.poll(async () => Number(await awaiting.textContent())).toBe(awaitingBefore + 1);
    await shot(coordinatorHome, 'referral-01b-coordinator-todo');
    await coordinatorHome.getByTestId('todo-referrals_awaiting').click();
    await coordinatorHome.waitForURL((u) => u.pathname === '/referrals');

    // live: the new referral appears on the coordinator's worklist without a reload
    const row = coordinator.locator(`tr[data-referral-id="${upId}"]`);
    await row.waitFor({ timeout: 15_000 });
    await shot(coordinator, 'referral-02-coordinator-worklist-live');
    await row.click();
    await coordinator.getByRole('button', { name: /^接\s*收$/ }).click();
    await expect.poll(() => coordinator.getByTestId('referral-status').textContent()).toBe('已接收');
    await coordinator.getByText('三优先').first().waitFor();
    await coordinator.getByRole('button', { name: '到院登记' }).click();
    await expect.poll(() => coordinator.getByTestId('referral-status').textContent()).toBe('已到院');
    await choose(coordinator, '住院科室', null, '心内科');
    await coordinator.getByRole('button', { name: '申请住院' }).click();
    await coordinator.getByText(/已加入心内科待入院列表（三优先）/).waitFor();
    await coordinator.goto(`${journey.url()}/bed-board`);
    await choose(coordinator, '科室', null, '心内科');
    const waiting = coordinator.getByTestId('waiting-admission').filter({ hasText: '张三明' });
    await waiting.getByText('三优先').waitFor();
    await waiting.getByRole('button', { name: /安排/ }).click();
    await expect.poll(() => coordinator.getByTestId('waiting-admission').count()).toBe(0);
    await coordinator.getByTestId('bed-01').getByText('张三明').waitFor();
    await shot(coordinator, 'referral-03-bed-board');

    const county = await as('county.doctor');
    await county.goto(`${journey.url()}/referrals/${upId}`);
    await county.getByRole('button', { name: '诊疗完成' }).click();
    await expect.poll(() => county.getByTestId('referral-status').textContent()).toBe('诊疗完成');
    await county.getByRole('button', { name: '出院下转' }).click();
    await county.getByRole('dialog', { name: '出院下转' }).waitFor();
    await county.waitForTimeout(800); // the modal's opening animation re-mounts its fields
    await choose(county, '机构', null, '宋古乡卫生院');
    await county.getByLabel('下转原因').fill('病情稳定，转乡镇康复中心');
    await county.getByLabel('出院小结').fill('不稳定型心绞痛，住院治疗 7 天，病情稳定出院。');
    await county.getByRole('button', { name: /^确\s*定$/ }).click();
    await expect
      .poll(async () => (await county.getByTestId('referral-status').textContent()) ?? '')
      .toMatch(/已下转|待接收/);

    const township = await as('township.doctor');
    await township.goto(`${journey.url()}/referral-tasks`);
    const task = township.getByTestId('down-task').filter({ hasText: '张三明' }).first();
    await task.waitFor({ timeout: 15_000 });
    await shot(township, 'referral-04-township-tasks');
    await task.getByRole('button', { name: '去确认接收' }).click();
    await township.getByRole('button', { name: /^接\s*收$/ }).click();
    await expect.poll(() => township.getByTestId('referral-status').textContent()).toBe('已接收');
    await township.getByLabel('随访记录').first().fill('首次康复训练完成，步行 200 米无不适');
    await township
      .getByRole('button', { name: /^记\s*录$/ })
      .first()
      .click();
    await township.getByText('首次康复训练完成').first().waitFor();

    await village.goto(`${journey.url()}/referrals/${upId}`);
    await expect.poll(() => village.getByTestId('referral-status').textContent()).toBe('已闭环');
    const timeline = village.getByTestId('timeline');
    for (const step of ['创建', '接收', '到院登记', '诊疗完成', '下转', '结案'])
      await timeline.getByText(step, { exact: true }).first().waitFor();
    await shot(village, 'referral-05-village-timeline');
    await timeline.getByRole('link', { name: /下转/ }).click();
    await village.getByText('首次康复训练完成').first().waitFor();
    expect(journey.errors()).toEqual([]);
  }, 300_000);
});
