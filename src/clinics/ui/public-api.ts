import type { z } from 'zod';
import { ApiError } from '../../web/api.ts';

/** Public pages (screen, ticket, resident phone) call the API without a staff session. */
export async function publicFetch<S extends z.ZodType>(url: string, schema: S, init: { method?: 'GET' | 'POST'; body?: unknown; headers?: Record<string, string> } = {}): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? 'GET', credentials: 'omit',
      headers: { accept: 'application/json', ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    throw new ApiError(res.status, String(json.code ?? `HTTP_${res.status}`), String(json.message ?? `服务器返回错误（${res.status}）`),
      typeof json.field === 'string' ? json.field : undefined, typeof json.requestId === 'string' ? json.requestId : undefined, json);
  }
  return schema.parse(json);
}
