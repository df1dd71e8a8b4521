import { z } from 'zod';

/**
 * Integers that arrive as text (path ids, query fields) and values every feature shares.
 *
 * A path id is read only in its canonical decimal form: " 1", "+1", "01", "1.0", "1e5" and
 * "0x10" are refused, not read as 1, 100000 or 16 (z.coerce.number() did, and
 * `/api/staff/%201/reset-password` reset account 1). Everything stays within PostgreSQL's
 * integer, so an out-of-range number is refused here, before any SQL runs.
 */
export const INT_MAX = 2_147_483_647;

export interface IntOptions {
  min?: number;
  max?: number;
  /** said for text that is no integer, or out of range when no bound message is given */
  message?: string;
  tooSmall?: string;
  tooBig?: string;
}

/** A canonical decimal integer in text ("0" only when min is 0), parsed to a number in [min, max]. */
export function intQuery({ min = 1, max = INT_MAX, message, tooSmall, tooBig }: IntOptions = {}) {
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || max < min) {
    throw new Error(`intQuery: bad range ${min}..${max}`);
  }
  const said = message ?? `应为 ${min} 到 ${max} 之间的整数`;
  const digits = String(max).length;
  const canonical = new RegExp(`^${min === 0 ? '(?:0|' : '(?:'}[1-9][0-9]{0,${digits - 1}})$`);
  return z
    .string({ error: said })
    .regex(canonical, said)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, tooSmall ?? said)
        .max(max, tooBig ?? said),
    );
}

/** One id in a path or a query: 1..2147483647, canonical decimal. */
export const idQuery = (message = '编号应为正整数（1 至 2147483647，不含空格、符号或前导零）') =>
  intQuery({ min: 1, max: INT_MAX, message });

/** `params: idParam` for routes with one `:id`. */
export const idParam = z.object({ id: idQuery() });

/** `params: idParams('id', 'slotId')` for routes with several ids in the path. */
export function idParams<const K extends string>(...names: K[]) {
  return z.object(Object.fromEntries(names.map((n) => [n, idQuery()])) as { [P in K]: ReturnType<typeof idQuery> });
}

/** An id in a JSON body: an integer in PostgreSQL's integer range. */
export const intId = (message?: string) =>
  z.number({ error: message }).int(message).positive(message).max(INT_MAX, '数值过大（最大 2147483647）');

function isRealDate(v: string): boolean {
  const [y, m, d] = v.split('-').map(Number);
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  return d <= days;
}

/**
 * A calendar date 'YYYY-MM-DD' that exists: 2026-02-30 and 2027-02-29 are refused here
 * rather than by PostgreSQL (or, worse, rolled over to March by Date).
 */
export const isoDate = (label = '日期') =>
  z
    .string({ error: `${label}格式应为 YYYY-MM-DD` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`)
    .refine(isRealDate, `${label}不存在，请检查年月日（如 2 月没有 30 日）`);

/**
 * A person's name as on an ID card: letters of any script, CJK including the extension planes
 * (𠮷), 〇, combining marks (and ideographic variation selectors) after a letter, the middle dot
 * of minority and foreign names (买买提·艾力) and single spaces between the parts of a Latin-script
 * name. No digits, emoji, pictographs or other symbols.
 */
const NAME = /^[\p{L}\u3007][\p{L}\p{M}\u3007]*(?:[· ][\p{L}\u3007][\p{L}\p{M}\u3007]*)*$/u;

export const personName = (max: number, label = '姓名') =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`)
    .regex(NAME, `${label}只能包含汉字、字母和间隔号「·」，不能有数字、表情或其他符号`);
