import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';

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
  constructor(private readonly url: string, private readonly apiKey: string) {}
  async send(mobile: string, text: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.apiKey}` },
      body: JSON.stringify({ mobile, text }), signal: AbortSignal.timeout(5000),
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
export function setMessageChannel(c: MessageChannel): void { channel = c; }

/**
 * Sends notifications written by a committed transaction. A failed send leaves sent_at
 * empty for a later retry; it never undoes the booking change that caused it.
 */
export async function deliver(db: Kdb, orgId: number, ids: readonly number[]): Promise<void> {
  for (const id of ids) {
    try {
      const { rows } = await sql<{ mobile: string | null }>`SELECT clinic_notification_mobile(${id}) AS mobile`.execute(db);
      const mobile = rows[0]?.mobile;
      const n = await db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('app.user_id', '0', true), set_config('app.org_ids', ${String(orgId)}, true)`.execute(trx);
        return trx.selectFrom('clinic_notifications').select(['message']).where('id', '=', id).executeTakeFirst();
      });
      if (!mobile || !n) continue;
      await channel.send(mobile, n.message);
      await db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('app.user_id', '0', true), set_config('app.org_ids', ${String(orgId)}, true)`.execute(trx);
        await trx.updateTable('clinic_notifications').set({ sent_at: new Date() }).where('id', '=', id).execute();
      });
    } catch {
      // left unsent; the message stays visible to staff and the resident's portal
    }
  }
}
