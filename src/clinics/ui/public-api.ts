import type { z } from 'zod';
import { apiGet, apiSend } from '../../web/api.ts';

/**
 * Public pages (screen, ticket, resident phone) call the API without a staff session: no
 * cookie, no CSRF header, and a 401 is their own (an expired portal token), not a staff logout.
 */
export function publicFetch<S extends z.ZodType>(
  url: string,
  schema: S,
  init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {},
): Promise<z.output<S>> {
  const opts = { credentials: 'omit', noAuthRedirect: true, headers: init.headers } as const;
  return init.method === 'POST' ? apiSend('POST', url, init.body, schema, opts) : apiGet(url, schema, undefined, opts);
}
