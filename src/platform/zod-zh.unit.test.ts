import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { residentCreate } from '../residents/residents.schema.ts';
import { staffCreate } from '../staff/staff.schema.ts';
import { idParam, intQuery, isoDate } from './params.ts';
import { chineseErrors } from './zod-zh.ts';

/** The map the server and the web forms (src/web/main.tsx) both install, issue code by issue code. */
beforeAll(() => {
  z.config(chineseErrors);
});

const ENGLISH =
  /\b(string|number|boolean|object|array|undefined|null|nan|int|bigint|date|expected|received|invalid)\b/i;

function messages(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  expect(r.success, JSON.stringify(value)).toBe(false);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}
const one = (schema: z.ZodType, value: unknown) => messages(schema, value)[0];

describe('plain Chinese zod messages', () => {
  it('invalid_type names both sides in Chinese', () => {
    expect(one(z.string(), 5)).toBe('应为文字，收到的是数字');
    expect(one(z.number(), '5')).toBe('应为数字，收到的是文字');
    expect(one(z.boolean(), [])).toBe('应为是/否，收到的是列表');
    expect(one(z.array(z.string()), {})).toBe('应为列表，收到的是对象');
    expect(one(z.object({}), null)).toBe('应为对象，收到的是空值');
    expect(one(z.date(), 'x')).toBe('应为日期，收到的是文字');
    expect(one(z.number().int(), 1.5)).toBe('应为整数，收到的是小数');
    expect(one(z.string(), undefined)).toBe('未填写，应为文字');
    expect(one(z.number(), Number.NaN)).toBe('应为数字，收到的是无效数字');
    expect(one(z.null(), 1)).toBe('应为空值，收到的是数字');
  });

  it('sizes and ranges', () => {
    expect(one(z.string().min(1), '')).toBe('不能为空');
    expect(one(z.string().min(3), 'ab')).toBe('至少 3 个字');
    expect(one(z.string().max(2), 'abc')).toBe('不能超过 2 个字');
    expect(one(z.string().length(4), 'abc')).toBe('应为 4 个字');
    expect(one(z.array(z.number()).min(2), [1])).toBe('至少 2 项');
    expect(one(z.array(z.number()).max(1), [1, 2])).toBe('最多 1 项');
    expect(one(z.number().positive(), 0)).toBe('应大于 0');
    expect(one(z.number().min(5), 4)).toBe('不能小于 5');
    expect(one(z.number().max(5), 6)).toBe('不能大于 5');
    expect(one(z.number().lt(5), 5)).toBe('应小于 5');
    expect(one(z.number().int(), 2 ** 60)).toMatch(/^不能大于 \d+$/);
    expect(one(z.date().min(new Date('2026-01-01')), new Date('2025-01-01'))).toBe('不能早于 2026-01-01');
    expect(one(z.number().multipleOf(5), 3)).toBe('应为 5 的倍数');
  });

  it('formats, values, keys, unions', () => {
    expect(one(z.string().regex(/^a$/), 'b')).toBe('格式不正确');
    expect(one(z.email(), 'x')).toBe('电子邮箱格式不正确');
    expect(one(z.iso.date(), '2026-02-30')).toMatch(/^日期不正确/);
    expect(one(z.iso.datetime(), 'x')).toMatch(/^日期时间格式不正确/);
    expect(one(z.string().startsWith('ab'), 'x')).toBe('应以「ab」开头');
    expect(one(z.enum(['M', 'F']), 'X')).toBe('应为以下之一：「M」、「F」');
    expect(one(z.literal(null), 1)).toBe('应为 空值');
    expect(one(z.literal(true), false)).toBe('应为 是');
    expect(one(z.object({ a: z.string() }).strict(), { a: 'x', b: 1 })).toBe('包含不允许的字段：「b」');
    expect(one(z.union([z.string(), z.number()]), true)).toBe('应为文字或数字，收到的是是/否');
    expect(
      one(z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b') })]), { k: 'c' }),
    ).toBe('类型不正确，应为以下之一：「a」、「b」');
    expect(one(z.record(z.string().regex(/^a/), z.number()), { b: 1 })).toBe('对象中有不正确的字段名');
    expect(
      one(
        z.string().refine(() => false),
        'x',
      ),
    ).toBe('输入不正确');
  });

  it('a schema’s own message still wins', () => {
    expect(one(z.string().min(1, '请填写姓名'), '')).toBe('请填写姓名');
  });

  it('the web forms’ schemas answer every wrong type without an English type name', () => {
    const wrong = [5, 1.5, true, null, [], {}, 'x', [1, 'a'], { a: 1 }];
    for (const schema of [residentCreate, staffCreate, idParam]) {
      for (const v of wrong) {
        const fields = Object.keys(schema.shape);
        for (const m of messages(schema, Object.fromEntries(fields.map((f) => [f, v])))) expect(m).not.toMatch(ENGLISH);
        for (const m of messages(schema, v)) expect(m).not.toMatch(ENGLISH);
      }
    }
  });

  it('params: canonical decimal only, in range', () => {
    const limit = intQuery({ min: 0, max: 100 });
    expect(limit.parse('0')).toBe(0);
    expect(limit.parse('100')).toBe(100);
    for (const bad of ['', ' 1', '1 ', '01', '+1', '-1', '1.0', '1e1', '0x1', '101', '1_0', '１']) {
      expect(limit.safeParse(bad).success, bad).toBe(false);
    }
    expect(idParam.parse({ id: '2147483647' })).toEqual({ id: 2147483647 });
    expect(idParam.safeParse({ id: '2147483648' }).success).toBe(false);
    expect(idParam.safeParse({ id: '0' }).success).toBe(false);
    expect(isoDate().safeParse('2028-02-29').success).toBe(true);
    expect(isoDate().safeParse('2100-02-29').success).toBe(false);
    expect(isoDate().safeParse('2000-02-29').success).toBe(true);
    expect(isoDate().safeParse('2026-02-30').success).toBe(false);
  });
});
