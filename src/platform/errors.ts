import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';

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

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', '请求内容过大，请减少内容后重试'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请以 JSON 提交'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'INVALID_JSON', '请求内容为空，请提交 JSON 数据'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_REQUEST', '请求长度不正确'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'INVALID_JSON', '请求内容不是有效的 JSON'],
};

function send(reply: FastifyReply, req: FastifyRequest, status: number, body: Record<string, unknown>) {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({ ...body, requestId: req.id });
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
  app.setNotFoundHandler((req, reply) =>
    send(reply, req, 404, { code: 'ROUTE_NOT_FOUND', message: '请求的接口不存在' }),
  );
}

/**
 * A PostgreSQL unique violation (23505) of one of the named constraints or unique indexes:
 * the one way to turn a lost race on a unique key into a typed answer.
 */
export function isUniqueViolation(err: unknown, ...constraints: readonly string[]): boolean {
  if (!(err instanceof Error) || !('code' in err) || err.code !== '23505') return false;
  return 'constraint' in err && typeof err.constraint === 'string' && constraints.includes(err.constraint);
}
