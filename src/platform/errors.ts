import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Every 4xx leaves as {code, message, field?, requestId}; message is Chinese a user can act on.
 * An AppError is an answer, not a fault: it carries no stack (capturing one costs more than
 * the rest of a "session full" reply during a booking rush).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly extra?: Record<string, unknown>,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `${what}不存在或您无权查看`);
export const forbidden = (message = '您没有执行此操作的权限') => new AppError(403, 'FORBIDDEN', message);
export const conflict = (code: string, message: string, extra?: Record<string, unknown>) =>
  new AppError(409, code, message, undefined, extra);
export const badRequest = (code: string, message: string, field?: string) => new AppError(400, code, message, field);

/** A PATCH that names no field changes nothing; say so instead of issuing an empty UPDATE. */
export function requireChanges(input: Record<string, unknown>, ignore: readonly string[] = []): void {
  if (!Object.entries(input).some(([k, v]) => v !== undefined && !ignore.includes(k))) {
    throw new AppError(400, 'NOTHING_TO_CHANGE', '没有需要修改的内容');
  }
}

export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂时无法连接，请稍后重试';

/** Socket-level failures reaching the database server (the server is down, restarting or unreachable). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** What pg and pg-pool say when a connection died, was never made or timed out being made. */
const CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Connection is not open)/;

/**
 * The database is away (stopped, restarting, unreachable) rather than the request being wrong:
 * socket errors, SQLSTATE class 08 (connection exception), 57P01–57P03 (admin shutdown, crash
 * shutdown, cannot connect now), and pg's own "Connection terminated" and connect timeouts.
 * Looks into an AggregateError (Node tries every address of a host name), not into `cause`: an
 * outside service's failure (fetch wraps its socket error there) is not the database's.
 */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 4) return false;
  const code = (err as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || /^57P0[123]$/.test(code))
  )
    return true;
  if (CONNECTION_MESSAGES.test(err.message)) return true;
  return err instanceof AggregateError && err.errors.some((e) => isDatabaseUnavailable(e, depth + 1));
}

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', '请求内容过大，请减少内容后重试'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请以 JSON 提交'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', '请求内容为空，请提交 JSON 数据'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_REQUEST', '请求长度不正确'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', '请求内容不是有效的 JSON'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'INVALID_REQUEST', '请求的内容类型不正确'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'URI_TOO_LONG', '请求地址中的参数过长'],
  FST_ERR_BAD_URL: [400, 'INVALID_URL', '请求地址不正确（含有无法识别的字符）'],
  FST_ERR_ASYNC_CONSTRAINT: [500, 'INTERNAL', '服务器内部错误，请稍后重试'],
};

/**
 * Fastify's `frameworkErrors` option: failures of the router itself, before any route or hook
 * (a path parameter over `maxParamLength`, a path that does not decode). Same shape as the rest.
 */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const [status, code, message] = (err.code && FASTIFY_CODES[err.code]) || [400, 'INVALID_REQUEST', '请求格式不正确'];
  if (status >= 500) req.log.error({ err }, 'router error');
  void send(reply, req, status, { code, message });
}

/**
 * The Node server's `clientError` (Fastify's `clientErrorHandler` option): requests the HTTP
 * parser refuses before Fastify sees them (headers over 16 KB, an address that long, garbage).
 * There is no request yet, so the request id is made here; the socket is closed afterwards,
 * as Node and Fastify do.
 */
export function clientErrorHandler(this: FastifyInstance, err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message]: [number, string, string] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', '请求头或请求地址过长，请清除本站 Cookie 或缩短查询内容后重试']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', '请求超时，请重试']
        : [400, 'INVALID_REQUEST', '请求格式不正确，服务器无法识别'];
  const requestId = randomUUID();
  this.log.info({ err, requestId }, 'client error');
  const body = JSON.stringify({ code, message, requestId });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

function send(reply: FastifyReply, req: FastifyRequest, status: number, body: Record<string, unknown>) {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({ ...body, requestId: req.id });
}

/** as the router measures a parameter: decoded when it decodes */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function fieldName(path: readonly PropertyKey[]): string | undefined {
  return path.length ? path.map(String).join('.') : undefined;
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return send(reply, req, err.status, { code: err.code, message: err.message, field: err.field, ...err.extra });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const field = fieldName(first?.instancePath?.split('/').filter(Boolean) ?? []);
      const where =
        err.validationContext === 'querystring' ? '查询参数' : err.validationContext === 'params' ? '路径参数' : '';
      const message = `${where}${field ? `「${field}」` : ''}${first?.message ?? '输入不正确'}`;
      return send(reply, req, 400, { code: 'VALIDATION_FAILED', message, field });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return send(reply, req, 500, { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
    }
    // the database is away: the request is fine, try again shortly (its transaction did not commit,
    // or its outcome is unknown and it was never acknowledged)
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: { message: err.message, code: err.code } }, 'database unavailable');
      return send(reply, req, 503, { code: 'DATABASE_UNAVAILABLE', message: DATABASE_UNAVAILABLE_MESSAGE });
    }
    // PostgreSQL data exceptions (class 22: NUL bytes, out-of-range numbers ...) are the
    // caller's input, not our fault; the transaction has already rolled back
    if (typeof err.code === 'string' && /^22[0-9A-Z]{3}$/.test(err.code)) {
      req.log.warn({ err }, 'data exception from input');
      return send(reply, req, 400, {
        code: 'INVALID_INPUT',
        message: '输入包含无法保存的字符或超出范围的数值，请检查后重试',
      });
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return send(reply, req, known[0], { code: known[1], message: known[2] });
    if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
      return send(reply, req, 400, { code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' });
    }
    if (err.statusCode === 429) {
      return send(reply, req, 429, { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' });
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return send(reply, req, err.statusCode, { code: 'INVALID_REQUEST', message: '请求格式不正确' });
    }
    req.log.error({ err }, 'unhandled error');
    return send(reply, req, 500, { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' });
  });
  app.setNotFoundHandler((req, reply) => {
    // the SPA's catch-all matches what the router refused as too long: still a 414
    const maxParamLength = app.initialConfig.routerOptions?.maxParamLength ?? 100;
    if (
      req.url
        .split('?')[0]
        .split('/')
        .some((segment) => decoded(segment).length > maxParamLength)
    ) {
      return send(reply, req, 414, { code: 'URI_TOO_LONG', message: '请求地址中的参数过长' });
    }
    return send(reply, req, 404, { code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在' });
  });
}

/**
 * A PostgreSQL unique violation (23505) of one of the named constraints or unique indexes:
 * the one way to turn a lost race on a unique key into a typed answer.
 */
export function isUniqueViolation(err: unknown, ...constraints: readonly string[]): boolean {
  if (!(err instanceof Error) || !('code' in err) || err.code !== '23505') return false;
  return 'constraint' in err && typeof err.constraint === 'string' && constraints.includes(err.constraint);
}
