import type { z } from 'zod';

/**
 * The one way the web talks to the API. Responses are parsed with the same zod schemas the
 * server serialises with, so a contract drift shows up as a clear error on the page instead
 * of `undefined` deep inside a table.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly requestId?: string,
    readonly body: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isApiError(err: unknown): err is ApiError {
  return err instanceof ApiError;
}

// The session cookie is HttpOnly; the CSRF token comes in the login and /me bodies and must
// be echoed in a header on every state-changing request (the server rejects it otherwise).
let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

let unauthorizedHandler: (() => void) | null = null;
/** Called on any 401 (session expired or revoked): the app sends the user to 登录. */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

export type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

export interface Options {
  /** a wrong password answers 401 at login: a normal outcome, not "your session ended" */
  noAuthRedirect?: boolean;
  /** extra headers, e.g. Idempotency-Key on a create, or a portal token */
  headers?: Readonly<Record<string, string>>;
  /** public pages (screen, ticket, resident phone) send no staff cookie */
  credentials?: 'same-origin' | 'omit';
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function stringField(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  return typeof value === 'string' ? value : undefined;
}

async function send(method: Method, url: string, body: unknown, opts: Options): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken && opts.credentials !== 'omit') headers['x-csrf-token'] = csrfToken;
  Object.assign(headers, opts.headers);
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      credentials: opts.credentials ?? 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (res.ok) return res;
  throw await failure(res, opts);
}

async function failure(res: Response, opts: Options): Promise<ApiError> {
  const parsed: unknown = await res.json().catch(() => null);
  const errBody = parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  if (res.status === 401 && !opts.noAuthRedirect) unauthorizedHandler?.();
  return new ApiError(
    res.status,
    stringField(errBody, 'code') ?? `HTTP_${res.status}`,
    stringField(errBody, 'message') ?? `服务器返回错误（${res.status}），请稍后重试`,
    stringField(errBody, 'field'),
    stringField(errBody, 'requestId'),
    errBody,
  );
}

/**
 * A file the API builds (an Excel export): fetched with the session like any call, so a
 * refusal arrives as the usual Chinese ApiError, then handed to the browser as a download
 * under the name the server chose.
 */
export async function apiDownload(url: string, query?: Query): Promise<string> {
  const full = withQuery(url, query);
  let res: Response;
  try {
    res = await fetch(full, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (!res.ok) throw await failure(res, {});
  const disposition = res.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const filename = encoded ? decodeURIComponent(encoded) : 'export.xlsx';
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return filename;
}

async function parse<S extends z.ZodType>(res: Response, schema: S, url: string): Promise<z.output<S>> {
  const json: unknown = await res.json();
  const result = schema.safeParse(json);
  if (!result.success) {
    console.error('response of', url, 'does not match its schema', result.error.issues);
    throw new ApiError(res.status, 'BAD_RESPONSE', '服务器返回的数据格式不正确，请刷新页面或联系管理员');
  }
  return result.data;
}

export async function apiGet<S extends z.ZodType>(
  url: string,
  schema: S,
  query?: Query,
  opts: Options = {},
): Promise<z.output<S>> {
  const full = withQuery(url, query);
  return parse(await send('GET', full, undefined, opts), schema, full);
}

export async function apiSend<S extends z.ZodType>(
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body: unknown,
  schema: S,
  opts: Options = {},
): Promise<z.output<S>> {
  return parse(await send(method, url, body ?? {}, opts), schema, url);
}

/** For 204 answers (logout, password change). */
export async function apiSendNoContent(method: 'POST' | 'PATCH', url: string, body: unknown = {}): Promise<void> {
  await send(method, url, body, {});
}
