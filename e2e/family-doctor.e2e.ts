import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { must } from '../src/platform/must.ts';
import { todayInShanghai } from '../src/platform/calendar.ts';
import { chromiumStatus, login, shot, signedInApi, type Api } from './browser.ts';
import { useJourney } from './journey.ts';

/**
 * Issue 11 journey: the administrator publishes a basic service package and a 1+1+N team serves
 * a village (set up through the API); on a 375 px phone `village.doctor` signs a whole household
 * on /fd/sign with a signature drawn on the canvas; the contracts list shows the members; and the
 * administrator's 签约率 on /chronic/figures counted them (compared before and after, not fixed numbers).
 */
const status = chromiumStatus();

interface Me {
  id: number;
  org: { id: number; name: string; kind: string };
}
interface Figures {
  total: { signed: Record<string, { numerator: number; denominator: number }> };
}
interface HouseholdAnswer {
  members: Array<{ residentId: number; name: string; deceased: boolean; contractId: number | null }>;
}

describe.runIf(status.available)('family doctor signing in the browser', () => {
  const journey = useJourney();
  const api = (username: string): Promise<Api> => signedInApi(journey.url(), username);
  const year = Number(todayInShanghai().slice(0, 4));
  const signedNumerator = async (admin: Api) =>
    (await admin<Figures>('GET', `/api/chronic/figures?year=${year}&level=county`)).total.signed.all.numerator;

  async function as(username: string, width: number, height: number, mobile = false): Promise<Page> {
    const { page } = await journey.newPage(width, height, mobile);
    await login(page, journey.url(), username);
    return page;
  }

  it('a village doctor signs a whole household on the phone; the list and the 签约率 count them', async () => {
    const admin = await api('admin');
    const village = await api('village.doctor');
    const township = await api('township.doctor');
    const vd = await village<Me>('GET', '/api/auth/me');
    const td = await township<Me>('GET', '/api/auth/me');
    const orgs = await admin<Array<{ id: number; parentId: number | null }>>('GET', '/api/orgs');
    const centre = must(orgs.find((o) => o.id === vd.org.id)?.parentId, "the village clinic's township centre");
    const today = todayInShanghai();

    // set-up: a basic package (admin) and a team serving the village doctor's village
    await admin('POST', '/api/fd/packages', {
      code: 'E2E-BASIC',
      name: '基础签约服务包',
      category: 'basic',
      fundPublicHealthFen: 2500,
      fundInsuranceFen: 1000,
      effectiveFrom: today,
      items: [
        { itemCode: 'health_check', name: '年度健康体检', serviceKind: 'health_check', quota: 1 },
        { itemCode: 'bp', name: '血压测量', serviceKind: 'bp_measure', quota: 4 },
      ],
    });
    await admin('POST', '/api/fd/teams', {
      orgId: centre,
      name: '签约测试团队',
      leadStaffId: vd.id,
      members: [
        { staffId: vd.id, role: 'village_doctor', fromDate: today },
        { staffId: td.id, role: 'township_doctor', fromDate: today },
      ],
      villageOrgIds: [vd.org.id],
    });

    // a household of the village with at least two members who may sign
    const residents = await village<{
      items: Array<{ id: number; name: string; orgId: number; householdNo: string | null; deceasedOn: string | null }>;
    }>('GET', '/api/residents?q=&pageSize=100');
    const byHousehold = new Map<string, typeof residents.items>();
    for (const r of residents.items)
      if (r.householdNo && r.orgId === vd.org.id && !r.deceasedOn)
        byHousehold.set(r.householdNo, [...(byHousehold.get(r.householdNo) ?? []), r]);
    let head: (typeof residents.items)[number] | undefined;
    let members: HouseholdAnswer['members'] = [];
    for (const rows of byHousehold.values()) {
      if (rows.length < 2) continue;
      const h = await village<HouseholdAnswer>('GET', `/api/fd/households/${rows[0].id}`);
      const open = h.members.filter((m) => !m.deceased && m.contractId === null);
      if (open.length >= 2) {
        head = rows[0];
        members = open;
        break;
      }
    }
    const first = must(head, 'a household with two members to sign');
    const before = await signedNumerator(admin);

    // on the phone: find the resident, tick the household, team and package, draw, submit
    const phone = await as('village.doctor', 375, 812, true);
    await phone.goto(`${journey.url()}/fd/sign`);
    const box = phone.getByPlaceholder('姓名 / 拼音首字母 / 身份证号');
    await box.fill(first.name);
    await box.press('Enter');
    await phone
      .locator('.fd-resident-hit', { hasText: must(first.householdNo, 'household number') })
      .first()
      .click();
    for (const m of members) await phone.locator(`[data-member="${m.name}"] input[type=checkbox]`).check();
    await shot(phone, 'fd-01-household');
    await phone.getByRole('button', { name: /下一步/ }).click();
    await phone.getByText('负责本村的团队：签约测试团队').waitFor();
    await phone.getByLabel('村干部姓名（双签约）').fill('王村长');
    expect(await phone.locator('[data-package="E2E-BASIC"] input').isChecked()).toBe(true);
    await shot(phone, 'fd-02-team-package');
    await phone.getByRole('button', { name: /下一步/ }).click();
    const pad = phone.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const b = must(await pad.boundingBox(), 'the signature pad');
    await phone.mouse.move(b.x + 20, b.y + b.height / 2);
    await phone.mouse.down();
    for (let i = 1; i <= 24; i++) await phone.mouse.move(b.x + 20 + i * 12, b.y + b.height / 2 + Math.sin(i / 2) * 40);
    await phone.mouse.up();
    await shot(phone, 'fd-03-signature');
    await phone.getByRole('button', { name: /提交签约/ }).click();
    await phone.getByText(`签约成功：${members.length} 人`).waitFor();
    await shot(phone, 'fd-04-signed');

    // the contracts list shows them (cards on the phone)
    await phone.goto(`${journey.url()}/fd/contracts`);
    for (const m of members) await phone.locator(`[data-resident="${m.name}"]`).first().waitFor();
    await shot(phone, 'fd-05-contracts-phone');

    // the administrator's 签约率 counted them: the API moved by the household, the page shows the API's number
    const after = await signedNumerator(admin);
    expect(after - before).toBe(members.length);
    const desk = await as('admin', 1280, 900);
    await desk.goto(`${journey.url()}/chronic/figures`);
    await desk.getByTestId('caliber-label').waitFor();
    const shown = (await desk.getByTestId('signed-all-num').innerText()).replace(/,/g, '').trim();
    expect(Number(shown)).toBe(after);
    await shot(desk, 'fd-06-figures');

    // the numerator opens the named list, with the household in it
    await desk.getByTestId('signed-all-num').click();
    await desk.locator(`[data-record="${members[0].name}"]`).first().waitFor();
    expect(journey.errors()).toEqual([]);
  });
});
