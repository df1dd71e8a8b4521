import { createHash } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * Idempotency-Key on every POST that creates something (a referral, an exam order, a
 * booking): the same key with the same body answers the first result again (200 and
 * `Idempotent-Replayed: true`); the same key with another body is 422. Keys belong to their
 * caller, so each feature stores (owner, key, request hash) with a unique constraint.
 */
export const REPLAY_HEADER = 'Idempotent-Replayed';

const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;
const KEY_MESSAGE = '缺少或无效的 Idempotency-Key 请求头（8–100 位字母、数字或 _.:-），请刷新页面后重试';

const KEY_DESCRIPTION =
  '每次新建生成一个新键，8–100 位字母、数字或 _ . : -；网络重试时原样重发同一键，返回原结果（200，Idempotent-Replayed: true）而不重复创建';

/** The request header as a create route declares it (validation and the OpenAPI document). */
export const idempotencyHeaders = z.object({
  'idempotency-key': z.string().trim().regex(KEY, KEY_MESSAGE).describe(KEY_DESCRIPTION),
});

/**
 * For creates whose clients may send the key as `requestKey` in the body instead (referrals,
 * exam orders): optional here, and idempotencyKey() refuses a request with neither.
 */
export const optionalIdempotencyHeaders = z.looseObject({
  'idempotency-key': z
    .string()
    .optional()
    .describe(`必填（无法设置请求头的客户端可改用请求体 requestKey）：${KEY_DESCRIPTION}`),
});

/** The caller's key, from the header (or a body field for clients that cannot set headers): 400 if absent or malformed. */
export function idempotencyKey(header: string | string[] | undefined, fallback?: string): string {
  const raw = Array.isArray(header) ? header[0] : header;
  const key = (raw ?? fallback)?.trim();
  if (!key || !KEY.test(key)) throw new AppError(400, 'IDEMPOTENCY_KEY_REQUIRED', KEY_MESSAGE);
  return key;
}

/** Canonical JSON: object keys sorted, undefined members left out, so the same body always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${members.join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 of the canonical JSON of the (validated) request body. */
export const requestHash = (body: unknown): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

/**
 * The same key sent again with a different body: the client must make a new key for a new
 * request. `what` names the earlier request with its measure word: '份转诊单', '笔预约'.
 */
export const keyReused = (what: string): AppError =>
  new AppError(
    422,
    'IDEMPOTENCY_KEY_REUSED',
    `该请求编号（Idempotency-Key）已用于内容不同的另一${what}，请刷新页面后重新提交`,
  );

/** A stored request under the same key: its hash must match, or the key was reused for another request. */
export function assertSameRequest(storedHash: string | null, hash: string, what: string): void {
  if (storedHash !== hash) throw keyReused(what);
}

export interface Idempotent<T> {
  result: T;
  replayed: boolean;
}

/** 201 for a new resource; 200 with `Idempotent-Replayed: true` when the key answered an earlier request. */
export function sendIdempotent<T>(reply: FastifyReply, { result, replayed }: Idempotent<T>) {
  if (replayed) return reply.status(200).header(REPLAY_HEADER, 'true').send(result);
  return reply.status(201).send(result);
}
