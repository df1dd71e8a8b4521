import { describe, expect, it } from 'vitest';
import { AppError, isUniqueViolation } from './errors.ts';
import { assertSameRequest, canonicalJson, idempotencyKey, requestHash } from './idempotency.ts';

describe('request hashing for Idempotency-Key', () => {
  it('canonical JSON sorts keys at every depth, keeps array order and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: 'x' }, e: undefined })).toBe('{"a":{"c":"x","d":[2,1]},"b":1}');
    expect(canonicalJson([{ y: 1, x: null }])).toBe('[{"x":null,"y":1}]');
  });

  it('the same body in another key order hashes the same; another value does not', () => {
    const a = requestHash({ residentId: 7, summary: { vitals: { sbp: 160, dbp: 95 } }, urgency: 'urgent' });
    const b = requestHash({ urgency: 'urgent', summary: { vitals: { dbp: 95, sbp: 160 } }, residentId: 7 });
    expect(a).toBe(b);
    expect(requestHash({ residentId: 8, summary: { vitals: { sbp: 160, dbp: 95 } }, urgency: 'urgent' })).not.toBe(a);
  });

  it('a reused key with another body is 422 IDEMPOTENCY_KEY_REUSED in Chinese', () => {
    expect(() => assertSameRequest('abc', 'abc', '份转诊单')).not.toThrow();
    const err = (() => {
      try {
        assertSameRequest('abc', 'def', '份转诊单');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      status: 422,
      code: 'IDEMPOTENCY_KEY_REUSED',
      message: expect.stringMatching(/转诊单/),
    });
  });

  it('a key is 8-100 letters, digits or _.:-; the header wins over the body fallback', () => {
    expect(idempotencyKey('test-6f1c2a9e', 'body-key-123')).toBe('test-6f1c2a9e');
    expect(idempotencyKey(undefined, 'body-key-123')).toBe('body-key-123');
    expect(idempotencyKey(['first-key-1', 'second-key'])).toBe('first-key-1');
    for (const bad of [undefined, '', 'short', 'with space inside', 'x'.repeat(101)])
      expect(() => idempotencyKey(bad)).toThrow(
        expect.objectContaining({ status: 400, code: 'IDEMPOTENCY_KEY_REQUIRED' }),
      );
  });
});

describe('isUniqueViolation', () => {
  /** what the pg and PGlite drivers throw: an Error with the SQLSTATE and the constraint */
  const pgError = (code: string, constraint?: string) =>
    Object.assign(new Error('duplicate key'), { code, constraint });

  it('is a 23505 of one of the named constraints, nothing else', () => {
    expect(isUniqueViolation(pgError('23505', 'clinic_waitlist_one'), 'clinic_waitlist_one')).toBe(true);
    expect(isUniqueViolation(pgError('23505', 'b'), 'a', 'b')).toBe(true);
    expect(isUniqueViolation(pgError('23505', 'other'), 'clinic_waitlist_one')).toBe(false);
    // a check or foreign-key violation naming the same constraint is not a duplicate
    expect(isUniqueViolation(pgError('23514', 'clinic_waitlist_one'), 'clinic_waitlist_one')).toBe(false);
    expect(isUniqueViolation(pgError('23505'), 'clinic_waitlist_one')).toBe(false);
    expect(isUniqueViolation({ code: '23505', constraint: 'x' }, 'x')).toBe(false);
    expect(isUniqueViolation(undefined, 'x')).toBe(false);
  });
});
