/**
 * The crew's outbox: every submission from the ambulance (a status step, a milestone, an
 * observation, the pre-alert) is written here first, with its clientId and the phone's own
 * time, and sent from here. On a poor connection the entry stays, kept in localStorage across
 * reloads and dead batteries, and is retried with a growing pause until the server answers:
 *
 * - 2xx: acknowledged, removed;
 * - 409, 422 (and the other answers a resend cannot change: 400, 403, 404, 413): removed and
 *   kept as a failure for the crew to read (the server's own Chinese message);
 * - no answer, 401 (log in again), 408, 429, 5xx: kept, tried again later.
 *
 * Entries go out strictly in the order they were made: 出车 must reach the server before
 * 到达现场, or the second would be refused. A failed head therefore holds back those behind it.
 * The server treats a resend with the same clientId as the same submission, so a reply lost on
 * the way back costs nothing but one more request.
 *
 * GPS fixes (kind 'position', one entry per fix, its body the fix) wait in the same line; when
 * one reaches the head, it goes out together with the fixes queued right behind it for the same
 * vehicle, up to POSITION_BATCH_MAX, as one request `{ fixes: [...] }`, and all of them are
 * acknowledged (or retried) together.
 *
 * Pure logic: storage, transport and clock are passed in (the unit test runs it without a browser).
 */

export type OutboxKind = 'step' | 'event' | 'observation' | 'prealert' | 'position';

/** the server takes at most this many fixes in one request */
export const POSITION_BATCH_MAX = 50;

export interface OutboxEntry {
  clientId: string;
  missionId: number;
  kind: OutboxKind;
  /** for a step: the action (depart, arrive_scene …); for an event: the milestone; for an observation: its kind */
  what: string;
  url: string;
  body: Record<string, unknown>;
  /** the phone's time when the crew made it (ISO) */
  deviceAt: string;
  attempts: number;
  /** epoch ms before which it is not tried again (unless forced) */
  nextAttemptAt: number;
  lastError: string | null;
}

export interface OutboxFailure {
  entry: OutboxEntry;
  status: number;
  code: string;
  message: string;
  /** when the server refused it (epoch ms) */
  at: number;
}

export type SendOutcome = { ok: true; data: unknown } | { ok: false; status: number; code: string; message: string };

/** The part of localStorage the outbox uses. */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type Verdict = 'done' | 'rejected' | 'retry';

/** What an HTTP status means for an entry: 0 is "no answer at all" (offline, timeout). */
export function classify(status: number): Verdict {
  if (status >= 200 && status < 300) return 'done';
  if (status === 409 || status === 422) return 'rejected';
  if (status === 400 || status === 403 || status === 404 || status === 413) return 'rejected';
  return 'retry';
}

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 60_000;

/** Pause after the n-th failed attempt (n ≥ 1): 2 s, 4 s, 8 s … at most a minute, ±20 % so phones do not march in step. */
export function backoffMs(attempts: number, random: () => number = Math.random): number {
  const n = Math.max(1, attempts);
  const plain = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(n - 1, 16));
  return Math.round(plain * (0.8 + 0.4 * random()));
}

/** A v4 uuid, also where crypto.randomUUID is missing (a phone on plain http over the LAN). */
export function newClientId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export interface OutboxOptions {
  storage: OutboxStorage | null;
  /** one key per signed-in person: a colleague's unsent entries never go out under another login */
  key: string;
  send: (entry: OutboxEntry) => Promise<SendOutcome>;
  now?: () => number;
  random?: () => number;
  onAck?: (entry: OutboxEntry, data: unknown) => void;
  onReject?: (failure: OutboxFailure) => void;
}

export interface NewEntry {
  missionId: number;
  kind: OutboxKind;
  what: string;
  url: string;
  /** must hold the clientId */
  body: Record<string, unknown> & { clientId: string };
  deviceAt: string;
}

export interface FlushResult {
  sent: number;
  rejected: number;
  /** entries still waiting */
  left: number;
}

interface Stored {
  v: 1;
  entries: OutboxEntry[];
  failures: OutboxFailure[];
}

const MAX_FAILURES = 20;

function readStored(storage: OutboxStorage | null, key: string): Partial<Stored> {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as Partial<Stored>) : {};
  } catch {
    return {}; // storage disabled, or a half-written value
  }
}

function isEntry(x: unknown): x is OutboxEntry {
  if (!x || typeof x !== 'object') return false;
  const e = x as Record<string, unknown>;
  return (
    typeof e.clientId === 'string' &&
    typeof e.missionId === 'number' &&
    typeof e.url === 'string' &&
    typeof e.kind === 'string' &&
    typeof e.body === 'object' &&
    e.body !== null
  );
}

export class Outbox {
  private items: OutboxEntry[] = [];
  private failed: OutboxFailure[] = [];
  private flushing: Promise<FlushResult> | null = null;
  private listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly random: () => number;
  /** false when the last write to storage failed (quota, private mode): entries then live in this page only */
  persisted = true;

  constructor(private readonly opts: OutboxOptions) {
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.reload();
  }

  /** Reads the stored state again (another tab of the same phone may have changed it). */
  reload(): void {
    const parsed = readStored(this.opts.storage, this.opts.key);
    this.items = Array.isArray(parsed.entries) ? parsed.entries.filter(isEntry) : [];
    this.failed = Array.isArray(parsed.failures) ? parsed.failures.filter((f) => isEntry(f.entry)) : [];
    this.emit();
  }

  entries(): readonly OutboxEntry[] {
    return this.items;
  }

  failures(): readonly OutboxFailure[] {
    return this.failed;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Keeps a new submission (persisted before anything is sent) and returns it. */
  add(input: NewEntry): OutboxEntry {
    const existing = this.items.find((e) => e.clientId === input.body.clientId);
    if (existing) return existing;
    const entry: OutboxEntry = {
      clientId: input.body.clientId,
      missionId: input.missionId,
      kind: input.kind,
      what: input.what,
      url: input.url,
      body: input.body,
      deviceAt: input.deviceAt,
      attempts: 0,
      nextAttemptAt: this.now(),
      lastError: null,
    };
    this.items = [...this.items, entry];
    this.save();
    return entry;
  }

  /** Forgets a refused entry once the crew has read why. */
  dismiss(clientId: string): void {
    this.failed = this.failed.filter((f) => f.entry.clientId !== clientId);
    this.save();
  }

  /** When the head entry is next due (epoch ms), or null when nothing waits. */
  nextDueAt(): number | null {
    return this.items.length ? this.items[0].nextAttemptAt : null;
  }

  /**
   * Sends what is due, oldest first, one at a time; stops at the first entry that must wait.
   * `force` ignores the pauses (the crew tapped 立即重发, or the phone came back online).
   * A flush already running is joined, never doubled.
   */
  flush(opts: { force?: boolean } = {}): Promise<FlushResult> {
    this.flushing ??= this.run(Boolean(opts.force)).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async run(force: boolean): Promise<FlushResult> {
    let sent = 0;
    let rejected = 0;
    for (;;) {
      const head = this.items[0] as OutboxEntry | undefined;
      if (!head) break;
      if (!force && head.nextAttemptAt > this.now()) break;
      const batch = this.batchFrom(head);
      const sending: OutboxEntry =
        head.kind === 'position' ? { ...head, body: { fixes: batch.map((e) => e.body) } } : head;
      let outcome: SendOutcome;
      try {
        outcome = await this.opts.send(sending);
      } catch (err) {
        outcome = { ok: false, status: 0, code: 'NETWORK', message: err instanceof Error ? err.message : String(err) };
      }
      const verdict = outcome.ok ? 'done' : classify(outcome.status);
      if (verdict === 'done') {
        this.remove(batch);
        sent += batch.length;
        this.opts.onAck?.(head, outcome.ok ? outcome.data : null);
        continue;
      }
      if (outcome.ok) continue; // unreachable: an ok outcome is always done
      if (verdict === 'rejected') {
        this.remove(batch);
        const failure: OutboxFailure = {
          entry: head,
          status: outcome.status,
          code: outcome.code,
          message: outcome.message,
          at: this.now(),
        };
        this.failed = [failure, ...this.failed].slice(0, MAX_FAILURES);
        this.save();
        rejected += batch.length;
        this.opts.onReject?.(failure);
        continue;
      }
      const attempts = head.attempts + 1;
      this.items = this.items.map((e) =>
        e.clientId === head.clientId
          ? { ...e, attempts, nextAttemptAt: this.now() + backoffMs(attempts, this.random), lastError: outcome.message }
          : e,
      );
      this.save();
      break;
    }
    return { sent, rejected, left: this.items.length };
  }

  /** the head, and for a GPS fix the fixes for the same vehicle queued right behind it */
  private batchFrom(head: OutboxEntry): OutboxEntry[] {
    if (head.kind !== 'position') return [head];
    const batch: OutboxEntry[] = [];
    for (const e of this.items) {
      if (e.kind !== 'position' || e.url !== head.url || batch.length >= POSITION_BATCH_MAX) break;
      batch.push(e);
    }
    return batch;
  }

  private remove(entries: readonly OutboxEntry[]): void {
    const gone = new Set(entries.map((e) => e.clientId));
    this.items = this.items.filter((e) => !gone.has(e.clientId));
    this.save();
  }

  private save(): void {
    const state: Stored = { v: 1, entries: this.items, failures: this.failed };
    try {
      this.opts.storage?.setItem(this.opts.key, JSON.stringify(state));
      this.persisted = this.opts.storage !== null;
    } catch {
      // quota exceeded (a large ECG) or storage disabled: keep going in memory, and say so
      this.persisted = false;
    }
    this.emit();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

/** The status steps still in the outbox for a mission, oldest first. */
export function pendingSteps(entries: readonly OutboxEntry[], missionId: number): string[] {
  return entries.filter((e) => e.missionId === missionId && e.kind === 'step').map((e) => e.what);
}
