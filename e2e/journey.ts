import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, watchErrors } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { must } from '../src/platform/must.ts';

/**
 * One real server and one Chromium per journey file. Every page opened through it has its
 * uncaught errors collected; `errors()` is the union, for a final "no page broke" check.
 */
export function useJourney(opts: { mllp?: boolean } = {}) {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const watched: string[][] = [];

  beforeAll(async () => {
    server = await startServer(opts);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  return {
    url: (): string => must(server, 'the journey server').url,
    /** the server's HIS MLLP port (useJourney({ mllp: true })) */
    mllpPort: (): number => must(server?.mllpPort, "the journey server's MLLP port"),
    errors: (): string[] => watched.flat(),
    async newPage(width: number, height: number, mobile = false): Promise<{ page: Page; errors: string[] }> {
      const context = await must(browser, 'the journey browser').newContext({
        viewport: { width, height },
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        isMobile: mobile,
        hasTouch: mobile,
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors = watchErrors(page);
      watched.push(errors);
      return { page, errors };
    },
  };
}
