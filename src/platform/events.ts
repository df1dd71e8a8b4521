import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { batcherPerDb } from './batch.ts';
import type { Kdb } from './db.ts';
import { securityHeaders } from './security-headers.ts';

/**
 * Domain events for live screens (worklists, queue displays). Publishing is a pg_notify
 * inside the writer's transaction, so an event is delivered only if the change committed,
 * and every server process listening on the channel receives it (LISTEN/NOTIFY fan-out).
 * Payloads stay small (ids and states): NOTIFY carries at most 8,000 bytes.
 */
export interface DomainEvent {
  topic: string;
  countyId: number;
  /** the orgs whose people may see this event; streams filter on it */
  orgIds: number[];
  data: Record<string, unknown>;
}

export const EVENT_CHANNEL = 'onecounty_events';

export async function publish(trx: Kdb, event: DomainEvent): Promise<void> {
  await sql`SELECT pg_notify(${EVENT_CHANNEL}, ${JSON.stringify(event)})`.execute(trx);
}

/** NOTIFY carries at most 8,000 bytes; coalesced payloads stay below with room to spare */
const PAYLOAD_LIMIT = 7000;

/**
 * For hot paths (a booking rush): publish after the change has committed, coalescing the
 * events of concurrent requests into one NOTIFY. A NOTIFY inside the writer's transaction
 * takes PostgreSQL's notification-queue lock from commit until the commit is flushed, which
 * serialises every such commit; here only the (few) coalesced notifies queue for it. The
 * price: an event is lost if the process dies between commit and notify, which screens
 * survive because they refetch whenever their stream reconnects. Resolves once sent.
 */
export const publishCommitted = batcherPerDb(
  async (db: Kdb, events: readonly DomainEvent[]): Promise<undefined[]> => {
    let chunk: string[] = [];
    let size = 2;
    const flush = async () => {
      if (chunk.length) await sql`SELECT pg_notify(${EVENT_CHANNEL}, ${`[${chunk.join(',')}]`})`.execute(db);
      chunk = [];
      size = 2;
    };
    for (const e of events) {
      const text = JSON.stringify(e);
      if (size + text.length + 1 > PAYLOAD_LIMIT) await flush();
      chunk.push(text);
      size += text.length + 1;
    }
    await flush();
    return events.map(() => undefined);
  },
  { maxInFlight: 1 },
);

type Listener = (event: DomainEvent) => void;

export class EventHub {
  private listeners = new Map<string, Set<Listener>>();
  private resyncs = new Set<() => void>();

  /** fn runs whenever events may have been missed (the LISTEN connection was lost and re-made). */
  onResync(fn: () => void): () => void {
    this.resyncs.add(fn);
    return () => {
      this.resyncs.delete(fn);
    };
  }

  /** Called once the LISTEN connection is back: whatever was notified meanwhile never arrived. */
  resync(): void {
    for (const fn of [...this.resyncs]) fn();
  }

  /** Listeners whose prefix starts the topic get it: 'referral.' hears 'referral.accepted'. */
  subscribe(topicPrefix: string, listener: Listener): () => void {
    const set = this.listeners.get(topicPrefix) ?? new Set();
    set.add(listener);
    this.listeners.set(topicPrefix, set);
    return () => {
      set.delete(listener);
    };
  }

  /** Called with each NOTIFY payload received from the database. */
  dispatch(payload: string): void {
    let parsed: DomainEvent | DomainEvent[];
    try {
      parsed = JSON.parse(payload) as DomainEvent | DomainEvent[];
    } catch {
      return;
    }
    // one event from publish(), or several coalesced by publishCommitted()
    for (const event of Array.isArray(parsed) ? parsed : [parsed]) {
      for (const [prefix, set] of this.listeners) {
        if (!event.topic.startsWith(prefix)) continue;
        for (const listener of set) listener(event);
      }
    }
  }

  get listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}

let nextEventId = 1;

/**
 * Serves a Server-Sent Events stream of the events on `topics` that `visible` lets through.
 * A comment line every 15 s keeps proxies from closing an idle stream; clients reconnect by
 * themselves (EventSource) and refetch their list, so no replay is kept. For the same reason
 * the stream is ended when the hub may have missed events (its database connection was lost):
 * the client reconnects and refetches instead of showing a list that silently stopped moving.
 */
export function openEventStream(
  req: FastifyRequest,
  reply: FastifyReply,
  hub: EventHub,
  opts: { topics: string[]; visible: (e: DomainEvent) => boolean; heartbeatMs?: number },
): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    ...securityHeaders(req.url),
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(`retry: 3000\n: connected\n\n`);
  const send = (e: DomainEvent) => {
    if (!opts.visible(e)) return;
    res.write(`id: ${nextEventId++}\nevent: ${e.topic}\ndata: ${JSON.stringify({ topic: e.topic, ...e.data })}\n\n`);
  };
  const unsubscribers = opts.topics.map((t) => hub.subscribe(t, send));
  const heartbeat = setInterval(() => res.write(`: ping\n\n`), opts.heartbeatMs ?? 15_000);
  const close = () => {
    clearInterval(heartbeat);
    for (const u of unsubscribers) u();
    stopResync();
  };
  const stopResync = hub.onResync(() => {
    close();
    res.end();
  });
  req.raw.on('close', close);
}
