import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { apiSend, isApiError } from '../../web/api.ts';
import { EMS_KEY } from './ems.api.ts';
import {
  newClientId,
  Outbox,
  type NewEntry,
  type OutboxEntry,
  type OutboxFailure,
  type SendOutcome,
} from './outbox.ts';

/** a request with no answer after this long counts as lost (the resend is harmless: same clientId) */
const SEND_TIMEOUT_MS = 20_000;

async function sendEntry(entry: OutboxEntry): Promise<SendOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<SendOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, status: 0, code: 'TIMEOUT', message: 'timeout' }), SEND_TIMEOUT_MS);
  });
  const request = apiSend('POST', entry.url, entry.body, z.unknown()).then(
    (data): SendOutcome => ({ ok: true, data }),
    (err: unknown): SendOutcome => {
      if (isApiError(err)) return { ok: false, status: err.status, code: err.code, message: err.message };
      return { ok: false, status: 0, code: 'NETWORK', message: err instanceof Error ? err.message : String(err) };
    },
  );
  try {
    return await Promise.race([request, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// one outbox per person per page load: remounting the crew page must not start a second sender
const boxes = new Map<string, Outbox>();
const rejectListeners = new Set<(f: OutboxFailure) => void>();
let queryClient: ReturnType<typeof useQueryClient> | null = null;

function boxFor(key: string): Outbox {
  let box = boxes.get(key);
  if (!box) {
    box = new Outbox({
      storage: storage(),
      key,
      send: sendEntry,
      onAck: () => void queryClient?.invalidateQueries({ queryKey: EMS_KEY }),
      onReject: (f) => {
        for (const l of rejectListeners) l(f);
        void queryClient?.invalidateQueries({ queryKey: EMS_KEY });
      },
    });
    boxes.set(key, box);
  }
  return box;
}

export interface CrewOutbox {
  entries: readonly OutboxEntry[];
  failures: readonly OutboxFailure[];
  persisted: boolean;
  /**
   * Keeps the submission and starts sending. The clientId and the phone's time are made here;
   * `body` receives the time (ISO) to put in its own field (at, observedAt). `quiet` (a GPS
   * fix) waits for the outbox's own timer instead of forcing a resend past a pause.
   */
  submit: (
    e: Omit<NewEntry, 'body' | 'deviceAt'> & { body: (deviceAt: string) => Record<string, unknown>; quiet?: boolean },
  ) => OutboxEntry;
  retryNow: () => void;
  dismiss: (clientId: string) => void;
}

/**
 * The crew page's outbox (outbox.ts) wired to the browser: localStorage under the signed-in
 * person's id, a timer for the next retry, an immediate try when the phone comes back online,
 * and the other tabs' changes read back.
 */
export function useCrewOutbox(staffId: number, onReject?: (f: OutboxFailure) => void): CrewOutbox {
  const qc = useQueryClient();
  queryClient = qc;
  const box = boxFor(`onecounty.ems.outbox.${staffId}`);
  const entries = useSyncExternalStore(
    useCallback((l) => box.subscribe(l), [box]),
    () => box.entries(),
  );
  const failures = useSyncExternalStore(
    useCallback((l) => box.subscribe(l), [box]),
    () => box.failures(),
  );

  useEffect(() => {
    if (!onReject) return undefined;
    rejectListeners.add(onReject);
    return () => {
      rejectListeners.delete(onReject);
    };
  }, [onReject]);

  // the next retry: when the head entry falls due, or at once when something new waits
  const due = entries[0]?.nextAttemptAt ?? null;
  useEffect(() => {
    if (due === null) return undefined;
    const id = setTimeout(() => void box.flush(), Math.max(0, due - Date.now()) + 50);
    return () => clearTimeout(id);
  }, [box, due, entries.length]);

  useEffect(() => {
    const online = () => void box.flush({ force: true });
    const other = (e: StorageEvent) => {
      if (e.key === null || e.key.startsWith('onecounty.ems.outbox.')) box.reload();
    };
    window.addEventListener('online', online);
    window.addEventListener('storage', other);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('storage', other);
    };
  }, [box]);

  return {
    entries,
    failures,
    persisted: box.persisted,
    submit: ({ body, quiet, ...rest }) => {
      const deviceAt = new Date().toISOString();
      const entry = box.add({ ...rest, deviceAt, body: { ...body(deviceAt), clientId: newClientId() } });
      void box.flush({ force: !quiet });
      return entry;
    },
    retryNow: () => void box.flush({ force: true }),
    dismiss: (clientId) => box.dismiss(clientId),
  };
}
