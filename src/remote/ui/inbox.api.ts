import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { z } from 'zod';
import { apiGet } from '../../web/api.ts';

/**
 * The clinician's inbox (src/remote/inbox.service.ts): the live stream is only the doorbell.
 * On every (re)connect and every event the hook asks for the notifications after the last id
 * this user saw on this device (kept in localStorage), so a device that was offline gets all
 * it missed; the red banner comes from `unacknowledged`, whatever the device has seen.
 */
export const INBOX_KEY = ['remote', 'inbox'] as const;

const inboxSchema = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      criticalId: z.number().nullable(),
      requestId: z.number().nullable(),
      title: z.string(),
      body: z.string().nullable(),
      createdAt: z.string(),
      criticalStatus: z.string().nullable(),
    }),
  ),
  lastId: z.number(),
  unacknowledged: z.array(
    z.object({
      id: z.number(),
      requestId: z.number(),
      itemName: z.string(),
      detail: z.string(),
      notifiedAt: z.string(),
      residentName: z.string().nullable(),
      requestingOrgName: z.string(),
      accession: z.string(),
    }),
  ),
});
export type Inbox = z.infer<typeof inboxSchema>;
export type InboxItem = Inbox['items'][number];

const PAGE = 100;
const storageKey = (userId: number) => `onecounty.remote.inbox.lastSeen.${userId}`;

function lastSeen(userId: number): number {
  try {
    const v = Number(localStorage.getItem(storageKey(userId)));
    return Number.isSafeInteger(v) && v > 0 ? v : 0;
  } catch {
    return 0;
  }
}

function remember(userId: number, id: number): void {
  try {
    localStorage.setItem(storageKey(userId), String(id));
  } catch {
    /* private mode: the next load replays from the start, which only repeats the popups */
  }
}

/** `onNew` gets the notifications this device had not seen yet (after a reconnect: all it missed) */
export function useInbox(userId: number | undefined, enabled: boolean, onNew: (items: InboxItem[]) => void) {
  const qc = useQueryClient();
  const onNewRef = useRef(onNew);
  onNewRef.current = onNew;
  const query = useQuery({
    queryKey: [...INBOX_KEY, userId],
    enabled: enabled && userId !== undefined,
    refetchInterval: 60_000,
    queryFn: async () => {
      const id = userId ?? 0;
      // a device back from a long time offline pages through everything it missed (100 at a time)
      let answer = await apiGet('/api/remote/inbox', inboxSchema, { after: lastSeen(id), limit: PAGE });
      const fresh = [...answer.items];
      for (let pages = 1; answer.items.length === PAGE && pages < 20; pages++) {
        answer = await apiGet('/api/remote/inbox', inboxSchema, { after: answer.lastId, limit: PAGE });
        fresh.push(...answer.items);
      }
      if (fresh.length) {
        remember(id, answer.lastId);
        onNewRef.current(fresh);
      }
      return answer;
    },
  });
  useEffect(() => {
    if (!enabled || userId === undefined || typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/api/remote/inbox/stream');
    const refetch = () => void qc.invalidateQueries({ queryKey: INBOX_KEY });
    source.onopen = refetch; // (re)connected: replay what was missed
    source.addEventListener('remote.notice', refetch);
    return () => source.close();
  }, [enabled, userId, qc]);
  return query;
}
