import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { ROOT } from './server.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = path.join(ROOT, 'screenshots');
export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'OneCounty2026!';

/**
 * Debian's Chromium, not a downloaded browser. In CI a missing binary must fail the run
 * (a skipped journey would read as green); on a developer machine it may skip.
 */
export function chromiumStatus(): { available: boolean; mustFail: boolean } {
  const available = fs.existsSync(CHROMIUM);
  return { available, mustFail: !available && process.env.CI === 'true' };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/**
 * Uncaught page errors fail the journey: a blank screen must not pass as "element not found".
 * So does anything the Content-Security-Policy blocked (Chromium reports it on the console),
 * so every journey proves the SPA works under the policy.
 */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) errors.push(msg.text());
  });
  return errors;
}

export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function login(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  // antd puts a space between two CJK characters on buttons ("登 录")
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await page.waitForURL((u) => u.pathname === '/', { timeout: 30_000 });
  await page.locator('.oc-header').waitFor();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /退出登录/ }).click();
  await page.waitForURL((u) => u.pathname === '/login');
}

/**
 * Menu item → its page; pages load lazily, so wait for the page's own title. The menu is in
 * groups (转诊, 专家门诊, ...): a closed group is opened first.
 */
export async function openFromMenu(page: Page, label: string): Promise<void> {
  const item = page.getByRole('menuitem', { name: label });
  const closed = page.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title');
  // open the closed groups one at a time (each click changes which are closed) until the item shows
  for (let i = 0; i < 8 && !(await item.isVisible()) && (await closed.count()) > 0; i++) {
    await closed.first().click();
    await page.waitForTimeout(300); // the group's opening animation
  }
  await item.click();
  await page.getByRole('heading', { name: label, exact: true }).waitFor();
}

export async function searchResidents(page: Page, q: string): Promise<void> {
  // the 居民查询 box (the home page's quick search has a different placeholder)
  const box = page.getByPlaceholder(/^姓名 \/ 拼音首字母/);
  await box.fill(q);
  await box.press('Enter');
  await page.waitForURL((u) => u.pathname === '/residents' && u.searchParams.get('q') === q);
}

export type Api = <T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<T>;

/** A signed-in API client, for the set-up a group's staff does once (beds, policies, charges). */
export async function signedInApi(baseUrl: string, username: string): Promise<Api> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username} → ${res.status}`);
  const cookie = String(res.headers.get('set-cookie')).split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async <T>(method: string, p: string, body?: unknown, headers: Record<string, string> = {}) => {
    const r = await fetch(`${baseUrl}${p}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${p} → ${r.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
}

/** an antd Select inside `scope`: open it, type, pick the first option matching */
export async function chooseOption(
  page: Page,
  scope: Page | Locator,
  label: string,
  typed: string | null,
  option: string | RegExp,
): Promise<void> {
  const select = scope.getByLabel(label, { exact: true });
  await select.click();
  if (typed !== null) await select.fill(typed);
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first();
  await item.waitFor({ timeout: 15_000 });
  await item.click();
}

/** an open modal or drawer by its title (antd does not name the dialog role after it) */
export const dialog = (page: Page, title: string): Locator =>
  page
    .getByRole('dialog')
    .filter({ has: page.locator('.ant-modal-title, .ant-drawer-title', { hasText: new RegExp(`^${title}$`) }) });
