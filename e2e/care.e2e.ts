import net from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { a01 } from '../src/his/fixtures/simulated-his.ts';
import { frame, MllpDecoder } from '../src/his/mllp.ts';
import { must } from '../src/platform/must.ts';
import { checkDigit } from '../src/residents/id-number.ts';
import { chooseOption, chromiumStatus, dialog, login, shot, signedInApi, type Api } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 10 journeys: township.doctor registers a visit, diagnoses by pinyin initials, orders
 * an exam and prescribes; a stay is admitted from the bed board, transferred and discharged
 * with a down-referral; an ADT^A01 sent over MLLP lands on the bed board; the figures page
 * counts a new visit and a new stay.
 */
const status = chromiumStatus();
// 张三明 of the demo county (src/seed/people.ts knownResident)
const ZSM_FIRST17 = '14078119660412021';
const ZSM_ID = ZSM_FIRST17 + checkDigit(ZSM_FIRST17);

describe.runIf(status.available)('visits, stays, the HIS interface and the figures in the browser', () => {
  const journey = useJourney({ mllp: true });

  async function as(username: string): Promise<Page> {
    const { page } = await journey.newPage(1360, 900);
    await login(page, journey.url(), username);
    return page;
  }

  const api = (username: string): Promise<Api> => signedInApi(journey.url(), username);

  async function peopleHospital(call: Api) {
    const orgs = await call<Array<{ id: number; name: string; kind: string }>>('GET', '/api/orgs');
    const people = must(
      orgs.find((o) => o.name.endsWith('人民医院')),
      '人民医院',
    );
    const detail = await call<{ departments: Array<{ id: number; code: string; name: string }> }>(
      'GET',
      `/api/orgs/${people.id}`,
    );
    const dept = (code: string) =>
      must(
        detail.departments.find((d) => d.code === code),
        code,
      );
    return { people, orgs, dept };
  }

  async function residentId(call: Api, name: string): Promise<number> {
    const found = await call<{ items: Array<{ id: number; name: string }> }>(
      'GET',
      `/api/residents?q=${encodeURIComponent(name)}&pageSize=20`,
    );
    return must(
      found.items.find((r) => r.name === name),
      name,
    ).id;
  }

  const choose = chooseOption;

  const card = (scope: Locator, title: string) =>
    scope.locator('.ant-card').filter({ has: scope.page().locator('.ant-card-head-title', { hasText: title }) });

  it('township.doctor registers a visit, diagnoses by pinyin, orders an exam and prescribes', async () => {
    const page = await as('township.doctor');
    await page.goto(`${journey.url()}/visits`);
    await page.getByRole('heading', { name: '门诊就诊' }).waitFor();
    await page.getByRole('button', { name: /^挂\s*号$/ }).click();
    const form = dialog(page, '门诊挂号');
    await form.waitFor();
    await choose(page, form, '居民', '张三明', '张三明');
    await form.getByLabel('主诉', { exact: true }).fill('头晕三天，血压偏高');
    // pinyin initials: gxy → 高血压
    await choose(page, form, '诊断', 'gxy', / 高血压$/);
    await page.keyboard.press('Escape');
    await form.locator('.ant-select-selection-item', { hasText: '高血压' }).first().waitFor();
    await shot(page, 'care-01-register');
    await form.getByRole('button', { name: /^确\s*定$|^OK$/ }).click();

    const drawer = dialog(page, '就诊详情');
    await drawer.waitFor();
    await drawer.getByText('张三明').first().waitFor();
    await drawer.getByText('头晕三天，血压偏高').waitFor();

    // 一单通: an exam from the group's catalogue, charged at its price
    const exam = card(drawer, '开检查（一单通）');
    await choose(page, exam, '检查项目', '心电图', '十二导联心电图');
    await exam.getByRole('button', { name: '开检查（一单通）' }).click();
    await exam.getByText(/十二导联心电图 ·/).waitFor();

    // a prescription line: drug, dose, route, frequency, days
    const rx = card(drawer, '处方');
    await choose(page, rx, '药品', '氨氯地平', '苯磺酸氨氯地平片');
    await rx.getByLabel('单次剂量', { exact: true }).fill('5mg');
    await choose(page, rx, '途径', null, '口服');
    await choose(page, rx, '频次', null, '每日两次');
    await rx.getByLabel('天数', { exact: true }).fill('14');
    await rx.getByLabel('数量', { exact: true }).fill('1');
    await rx.getByRole('button', { name: /^开处方$/ }).click();
    await rx.getByText(/苯磺酸氨氯地平片.*· 5mg · 口服 · 每日两次 · 14d × 1/).waitFor();

    // the fee lines: the exam and the drug charged, totals by category
    const fees = card(drawer, '费用明细');
    await fees.locator('tbody tr', { hasText: '十二导联心电图' }).waitFor();
    await fees.locator('tbody tr', { hasText: '苯磺酸氨氯地平片' }).waitFor();
    const totals = fees.getByTestId('fee-totals');
    await expect.poll(() => totals.textContent()).toMatch(/药品 [^，]*\d/);
    expect(await totals.textContent()).toMatch(/检查 [^，]*\d/);
    await shot(page, 'care-02-visit-detail');

    // the list shows the visit with its diagnosis
    await drawer.getByRole('button', { name: /close|关闭/i }).click();
    const row = page.locator('tbody tr', { hasText: '张三明' }).first();
    await row.getByText('高血压').waitFor();
    expect(journey.errors()).toEqual([]);
  }, 240_000);

  it('a stay admitted from the bed board is transferred and discharged with a down-referral', async () => {
    const coordinatorApi = await api('coordinator');
    const { dept } = await peopleHospital(coordinatorApi);
    const cardiology = dept('cardiology');
    const neurology = dept('neurology');
    await coordinatorApi('POST', '/api/beds', { departmentId: cardiology.id, codes: ['C01', 'C02'] });
    await coordinatorApi('POST', '/api/beds', { departmentId: neurology.id, codes: ['N01'] });
    // the waiting request the bed board admits from (an arrived up-referral's 申请住院 makes the same)
    const zsmin = await residentId(coordinatorApi, '张思敏');
    await coordinatorApi('POST', '/api/admissions', {
      residentId: zsmin,
      departmentId: cardiology.id,
      urgency: 'urgent',
    });

    const page = await as('coordinator');
    await page.goto(`${journey.url()}/bed-board`);
    await page.getByRole('heading', { name: '床位看板' }).waitFor();
    await choose(page, page, '科室', null, '心内科');
    const waiting = page.getByTestId('waiting-admission').filter({ hasText: '张思敏' });
    await waiting.getByRole('button', { name: /安排 C01 床/ }).click();
    await expect.poll(() => page.getByTestId('waiting-admission').count()).toBe(0);
    await page.getByTestId('bed-C01').getByText('张思敏').waitFor();
    await shot(page, 'care-03-bed-board-admitted');

    await page.goto(`${journey.url()}/stays`);
    await page.getByRole('heading', { name: '住院' }).waitFor();
    await page.locator('tr[data-stay-id]', { hasText: '张思敏' }).click();
    const drawer = dialog(page, '住院');
    await drawer.waitFor();
    await drawer.getByText('C01').first().waitFor();

    // transfer to neurology, bed N01
    const moves = card(drawer, '转科记录');
    await choose(page, moves, '科室', '神经内科', /人民医院 · 神经内科/);
    await choose(page, moves, '床位', null, 'N01');
    await moves.getByRole('button', { name: '转科/转床' }).click();
    // the movements: cardiology closed, neurology open; the form is empty again
    await moves.getByText(/→ … · 神经内科 N01/).waitFor();
    await moves.getByText(/→ .* · 心内科 C01/).waitFor();
    await expect.poll(() => moves.locator('.ant-select-selection-item').count()).toBe(0);

    // discharge: disposition 下转 through the referral feature
    const out = card(drawer, '出院');
    await choose(page, out, '离院方式', null, '下转');
    await choose(page, out, '诊断', 'gxy', / 高血压$/);
    await page.keyboard.press('Escape');
    await choose(page, out, '下转机构', '宋古乡', '宋古乡卫生院');
    await out.getByLabel('下转原因', { exact: true }).fill('病情稳定，转乡镇卫生院康复');
    await out.getByLabel('出院小结', { exact: true }).fill('脑梗死恢复期，住院治疗，病情稳定出院。');
    await out.getByLabel('康复/随访任务', { exact: true }).fill('每周随访血压与肢体功能');
    await shot(page, 'care-04-discharge-form');
    await out.locator('button[type="submit"]').click();
    await drawer
      .getByText('已出院')
      .waitFor()
      .catch(async (err: unknown) => {
        // the drawer's error shows at its top, out of view: name it in the failure
        await shot(page, 'care-failed-discharge');
        const shown = await drawer.locator('.ant-alert, .ant-form-item-explain-error').allTextContents();
        throw new Error(`not discharged: ${shown.join(' / ') || String(err)}`);
      });
    await expect.poll(() => out.count()).toBe(0); // the discharge card is gone
    // off the 在院 list behind the drawer
    await page.locator('tr[data-stay-id]', { hasText: '张思敏' }).waitFor({ state: 'detached' });

    // the beds are free again
    await page.goto(`${journey.url()}/bed-board`);
    await choose(page, page, '科室', null, '神经内科');
    await page.getByTestId('bed-N01').getByText('空床').waitFor();

    // the down-referral reached the township centre's tasks
    const township = await as('township.doctor');
    await township.goto(`${journey.url()}/referral-tasks`);
    const task = township.getByTestId('down-task').filter({ hasText: '张思敏' }).first();
    await task.waitFor({ timeout: 15_000 });
    await shot(township, 'care-05-down-referral-task');
    expect(journey.errors()).toEqual([]);
  }, 240_000);

  /** one MLLP exchange on a real TCP socket: the frame out, the ACK back */
  function sendMllp(port: number, message: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      const decoder = new MllpDecoder();
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('no ACK within 60 s'));
      }, 60_000);
      socket.on('connect', () => socket.write(frame(message)));
      socket.on('data', (chunk) => {
        const [ack] = decoder.push(chunk);
        if (ack === undefined) return;
        clearTimeout(timer);
        socket.end();
        resolve(ack);
      });
      socket.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }

  /** HL7 time of now on the Shanghai clock (the HIS sends local time) */
  function hl7Now(): string {
    const p = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date())
        .map((x) => [x.type, x.value]),
    );
    return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
  }

  it('an ADT^A01 sent over MLLP appears on the bed board', async () => {
    const adminApi = await api('admin');
    const coordinatorApi = await api('coordinator');
    const { people, dept } = await peopleHospital(coordinatorApi);
    const orthopaedics = dept('orthopaedics');
    await coordinatorApi('POST', '/api/beds', { departmentId: orthopaedics.id, codes: ['G01', 'G02', 'G03'] });
    // the county hospital's HIS, registered once by the group's administrator
    const facility = 'RMYY-HIS-E2E';
    await adminApi('POST', '/api/his/senders', { facility, name: '人民医院 HIS', orgId: people.id });

    const message = a01({
      facility,
      controlId: `E2E-A01-${Date.now()}`,
      visitNumber: `ZY${Date.now()}`,
      at: hl7Now(),
      patient: { idNumber: ZSM_ID, name: '张三明' },
      dept: 'orthopaedics',
      bed: 'G02',
      diagnosis: 'S72.0',
    });
    const ack = await sendMllp(journey.mllpPort(), message);
    expect(ack, ack).toMatch(/(^|\r)MSA\|AA\|/);

    const page = await as('coordinator');
    await page.goto(`${journey.url()}/bed-board`);
    await page.getByRole('heading', { name: '床位看板' }).waitFor();
    await choose(page, page, '科室', null, '骨科');
    await page.getByTestId('bed-G02').getByText('张三明').waitFor();
    await page.getByTestId('bed-G01').getByText('空床').waitFor();
    await shot(page, 'care-06-his-a01-bed-board');
    expect(journey.errors()).toEqual([]);
  }, 180_000);

  type Figures = {
    to: string;
    figures: Array<{ key: string; byMonth: Array<{ month: string; numerator: number }> }>;
  };
  const countOf = (f: Figures, key: string, month: string) =>
    must(
      must(
        f.figures.find((x) => x.key === key),
        key,
      ).byMonth.find((m) => m.month === month),
      month,
    ).numerator;

  it('the figures page counts the new visit and the new stay', async () => {
    const adminApi = await api('admin');
    const before = await adminApi<Figures>('GET', '/api/care-figures');
    const month = before.to; // this month, as the app reckons it
    const visitsBefore = countOf(before, 'outpatient_growth', month);
    const staysBefore = countOf(before, 'inpatient_growth', month);

    // a visit at the township centre and a direct admission at the county hospital
    const townshipApi = await api('township.doctor');
    const visit = await townshipApi<{ id: number }>(
      'POST',
      '/api/visits',
      { residentId: await residentId(townshipApi, '张三明'), chiefComplaint: '复诊取药' },
      { 'idempotency-key': `e2e-visit-${Date.now()}` },
    );
    const countyApi = await api('county.doctor');
    const { dept } = await peopleHospital(countyApi);
    // someone no other journey admits
    const someone = must(
      (await countyApi<{ items: Array<{ id: number; name: string }> }>('GET', '/api/residents?pageSize=20')).items.find(
        (r) => !['张三明', '张思敏'].includes(r.name),
      ),
      'a resident',
    );
    const stay = await countyApi<{ id: number }>(
      'POST',
      '/api/stays',
      { residentId: someone.id, departmentId: dept('internal').id },
      { 'idempotency-key': `e2e-stay-${Date.now()}` },
    );

    const page = await as('admin');
    await page.goto(`${journey.url()}/care-figures`);
    await page.getByRole('heading', { name: '医共体运行指标' }).waitFor();
    // the page's period ends with the same month
    await page.getByLabel('截止月份', { exact: true }).waitFor();

    const byMonth = async (key: string, count: number, record: string) => {
      await page.locator(`[data-figure="${key}"]`).click();
      const row = page.locator(`tr[data-row-key="${month}"]`);
      const numerator = row.locator('td').nth(1);
      await expect.poll(async () => Number((await numerator.textContent())?.replace(/,/g, ''))).toBe(count);
      await numerator.getByRole('button').click();
      const records = page.getByRole('dialog').filter({ has: page.locator(`[data-record="${record}"]`) });
      await records.waitFor();
      await records.getByRole('button', { name: /close|关闭/i }).click();
      await records.waitFor({ state: 'detached' });
    };
    await byMonth('outpatient_growth', visitsBefore + 1, `visit-${visit.id}`);
    await shot(page, 'care-07-figures-visit');
    await byMonth('inpatient_growth', staysBefore + 1, `stay-${stay.id}`);
    await shot(page, 'care-08-figures-stay');
    expect(journey.errors()).toEqual([]);
  }, 180_000);
});
