import { withScope, type Kdb } from '../platform/db.ts';
import * as q from './notify.queries.ts';

/**
 * How messages reach residents (one-time codes, "your session was cancelled"). The channel
 * is pluggable: the demo logs to the console; production plugs an SMS gateway adapter in.
 */
export interface MessageChannel {
  readonly name: string;
  send(mobile: string, text: string): Promise<void>;
}

/** Demo channel: prints, and keeps the last messages so the demo page and tests can read them. */
export class ConsoleChannel implements MessageChannel {
  readonly name = 'console';
  readonly outbox: Array<{ mobile: string; text: string; at: Date }> = [];
  constructor(private readonly quiet = Boolean(process.env.VITEST)) {}
  async send(mobile: string, text: string): Promise<void> {
    this.outbox.push({ mobile, text, at: new Date() });
    if (this.outbox.length > 500) this.outbox.splice(0, this.outbox.length - 500);
    if (!this.quiet) console.log(`[短信·演示] ${mobile.slice(0, 3)}****${mobile.slice(7)}：${text}`);
  }
  lastTo(mobile: string): string | undefined {
    return [...this.outbox].reverse().find((m) => m.mobile === mobile)?.text;
  }
}

/**
 * Adapter for an HTTP SMS gateway (the county's contracted operator). The wire format is the
 * operator's; this posts {mobile, text} as JSON with a bearer key and treats any non-2xx as
 * a failure.
 */
export class SmsGatewayChannel implements MessageChannel {
  readonly name = 'sms';
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {}
  async send(mobile: string, text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
      body: JSON.stringify({ mobile, text }),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
  }
}

function defaultChannel(): MessageChannel {
  const url = process.env.SMS_GATEWAY_URL;
  return url ? new SmsGatewayChannel(url, process.env.SMS_GATEWAY_KEY ?? '') : new ConsoleChannel();
}

let channel: MessageChannel = defaultChannel();
export const messageChannel = (): MessageChannel => channel;
/** for tests and for a deployment that wires its own adapter */
export function setMessageChannel(c: MessageChannel): void {
  channel = c;
}

/** Retry policy: 1 min, 2, 4, 8, 16 between attempts; after the 6th failure a person calls. */
export const RETRY = { maxAttempts: 6, baseMs: 60_000, capMs: 30 * 60_000 } as const;

type Outcome = 'sent' | 'failed' | 'retry' | 'skipped';
class NoMobile extends Error {}

/** The RLS scope of a send: the system user (app.user_id 0) acting for the notification's host org. */
const asHost = <T>(db: Kdb, orgId: number, fn: (trx: Kdb) => Promise<T>): Promise<T> =>
  withScope(db, { userId: 0, orgIds: [orgId] }, fn);

/**
 * One attempt at one notification. The claim commits before the send, so no other process
 * sends the same message meanwhile; a failure records the error, and the last allowed
 * failure marks the message failed for staff to follow up.
 */
async function attempt(db: Kdb, orgId: number, id: number, due: Date | null, now: Date): Promise<Outcome> {
  const claimed = await asHost(db, orgId, (trx) => q.claim(trx, id, { due, now, ...RETRY }));
  if (!claimed) return 'skipped';
  const mobile = await q.mobileOf(db, id);
  try {
    if (!mobile) throw new NoMobile('居民未登记手机号');
    await channel.send(mobile, claimed.message);
  } catch (err) {
    // retrying cannot conjure a number: without one, staff must call at once
    const giveUp = err instanceof NoMobile || claimed.attempts >= RETRY.maxAttempts;
    const error = err instanceof Error ? err.message : String(err);
    await asHost(db, orgId, (trx) => q.markFailure(trx, id, error, giveUp ? now : null));
    return giveUp ? 'failed' : 'retry';
  }
  await asHost(db, orgId, (trx) => q.markSent(trx, id, new Date()));
  return 'sent';
}

const DELIVERY_CONCURRENCY = 4;

/**
 * Sends notifications written by a committed transaction. A failed send never undoes the
 * booking change that caused it: the clinic scheduler retries it (retryDue).
 */
export async function deliver(db: Kdb, orgId: number, ids: readonly number[], now: Date = new Date()): Promise<void> {
  // a cancelled session tells dozens of residents: a few sends at a time keep the request
  // from waiting on the gateway once per resident
  const queue = [...ids];
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        await attempt(db, orgId, id, null, now);
      } catch {
        // the database itself failed: the row stays due and the scheduler tries again
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(DELIVERY_CONCURRENCY, queue.length) }, worker));
}

export interface RetryRun {
  sent: number;
  failed: number;
}

/** The scheduler's retry pass for one county: every unsent message whose back-off is over. */
export async function retryDue(
  db: Kdb,
  scope: { countyId: number; orgIds: readonly number[] },
  now: Date,
): Promise<RetryRun> {
  const rows = await withScope(db, { userId: 0, orgIds: scope.orgIds }, (trx) => q.due(trx, scope.countyId, now, 200));
  const run: RetryRun = { sent: 0, failed: 0 };
  for (const r of rows) {
    const outcome = await attempt(db, r.org_id, r.id, now, now);
    if (outcome === 'sent') run.sent++;
    if (outcome === 'failed') run.failed++;
  }
  return run;
}
