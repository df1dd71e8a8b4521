import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type Client, type TestEnv } from '../platform/test-helpers.ts';
import { criticalWorld, notifiedCritical, type CriticalWorld } from './criticals-test-kit.ts';

/**
 * The inbox doorbell on a real server (issue 12 §4): a village doctor's open stream hears the
 * critical value the moment a second reader checks it; another township's doctor hears
 * nothing; and a device whose stream was closed gets the same notifications by `after=`.
 */
const clock = new Date('2026-03-10T02:00:00Z');
let env: TestEnv;
let w: CriticalWorld;
let base: string;
beforeAll(async () => {
  env = await createTestEnv({ now: () => clock });
  w = await criticalWorld(env);
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(() => env?.close());

async function stream(client: Client) {
  const ctrl = new AbortController();
  const res = await fetch(`${base}/api/remote/inbox/stream`, {
    headers: { accept: 'text/event-stream', cookie: client.cookie },
    signal: ctrl.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = decoder.decode((await reader.read()).value);
  return {
    async heard(criticalId: number, ms: number): Promise<boolean> {
      const found = () =>
        text
          .split('\n\n')
          .some((m) => m.includes('event: remote.notice\n') && m.includes(`"criticalId":${criticalId}`));
      const deadline = Date.now() + ms;
      while (!found() && Date.now() < deadline) {
        const timeout = new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now())));
        const chunk = await Promise.race([reader.read(), timeout]);
        if (!chunk || chunk.done) break;
        text += decoder.decode(chunk.value, { stream: true });
      }
      return found();
    },
    close: () => ctrl.abort(),
  };
}

describe('the critical-value push', () => {
  it('live to the requesting clinic only; replayed by after= to a device that was offline', async () => {
    expect((await w.village.get('/api/remote/inbox/stream')).statusCode).toBe(406);
    const before = (await w.village.get('/api/remote/inbox')).json<{ lastId: number }>().lastId;
    const village = await stream(w.village);
    const outsider = await stream(w.outsider);
    try {
      const { criticalId } = await notifiedCritical(env, w);
      expect(await village.heard(criticalId, 5000)).toBe(true);
      expect(await outsider.heard(criticalId, 1000)).toBe(false);
    } finally {
      village.close();
      outsider.close();
    }
    // offline now: nothing listens, yet the next check is waiting in the inbox
    const { criticalId } = await notifiedCritical(env, w);
    const missed = (await w.village.get(`/api/remote/inbox?after=${before}`)).json<{
      items: Array<{ criticalId: number }>;
    }>();
    expect(missed.items.filter((n) => n.criticalId === criticalId)).toHaveLength(2);
  });
});
