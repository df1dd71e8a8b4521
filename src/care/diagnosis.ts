import { AppError } from '../platform/errors.ts';
import { ICD10, type Icd10Code } from '../referrals/icd10.ts';
import type { DiagnosisEntry } from './care.tables.ts';
import { CARE_ICD10_TEXT } from './icd10-common.data.ts';
import { ICD10_FULL_TEXT } from './icd10-full.data.ts';
import { diagnosisSyllables } from './icd10-pinyin.ts';

const ICD10_CODE = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;

/** A code of care's diagnosis list; `common` for the referral list and care's outpatient codes. */
export interface Diagnosis extends Icd10Code {
  common: boolean;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function rows(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => line.split('|'));
}

function entry(code: string, name: string, syllables: string[], common: boolean): Diagnosis {
  return { code, name, pinyin: syllables.join(''), initials: syllables.map((s) => s[0]).join(''), common };
}

/**
 * The common set first (the referral feature's list and care's outpatient codes, read here in
 * context rather than as surnames), then the 北京临床版 list with its stored pinyin; one entry
 * per code, the common name winning.
 */
function buildList(): Diagnosis[] {
  const byCode = new Map<string, Diagnosis>();
  const common = [...ICD10.map((c) => [c.code, c.name]), ...rows(CARE_ICD10_TEXT)];
  for (const [code, name] of common)
    if (!byCode.has(code)) byCode.set(code, entry(code, name, diagnosisSyllables(name), true));
  for (const [code, name, pinyin] of rows(ICD10_FULL_TEXT))
    if (!byCode.has(code)) byCode.set(code, entry(code, name, pinyin ? pinyin.split(' ') : [], false));
  return [...byCode.values()].sort((a, b) => Number(b.common) - Number(a.common) || byString(a.code, b.code));
}

/** Every code, common ones first and each group in code order. */
export const DIAGNOSES: readonly Diagnosis[] = buildList();
const BY_CODE = new Map(DIAGNOSES.map((c) => [c.code, c]));

// The search index, built once: the fields each query compares, in arrays scanned without allocating.
const N = DIAGNOSES.length;
const CODES = DIAGNOSES.map((c) => c.code);
const NAMES = DIAGNOSES.map((c) => c.name);
const FULL = DIAGNOSES.map((c) => c.pinyin);
const INITIALS = DIAGNOSES.map((c) => c.initials);
const COMMON = DIAGNOSES.map((c) => c.common);

/**
 * How well entry i matches, 0 best, -1 not at all: the exact code, a code prefix, the exact name,
 * a name beginning or ending with the query (a Chinese name ends with its head word: 原发性高血压),
 * a name containing it; a query of letters alone is compared with the pinyin the same way.
 */
function tier(i: number, t: string, upper: string, lower: string, letters: boolean): number {
  const code = CODES[i];
  if (code === upper) return 0;
  if (code.startsWith(upper)) return 1;
  if (letters) return pinyinTier(i, lower);
  const name = NAMES[i];
  if (name === t) return 2;
  if (name.startsWith(t) || name.endsWith(t)) return 3;
  if (name.includes(t)) return 4;
  return -1;
}

function pinyinTier(i: number, lower: string): number {
  const initials = INITIALS[i];
  const full = FULL[i];
  if (initials === lower || full === lower) return 5;
  if (initials.startsWith(lower) || initials.endsWith(lower)) return 6;
  if (full.startsWith(lower) || full.endsWith(lower)) return 7;
  if (lower.length >= 2 && (initials.includes(lower) || full.includes(lower))) return 8;
  return -1;
}

/**
 * By code prefix (I10, J18.9), Chinese name fragment (高血压), pinyin initials (gxy) or full
 * pinyin (gaoxueya). An exact code comes first; then the common outpatient codes before the rest
 * of the list; within each, the closer match, then the shorter name, then the code.
 */
export function searchDiagnoses(q: string, limit = 30): Diagnosis[] {
  const t = q.trim();
  if (!t) return DIAGNOSES.slice(0, limit);
  const upper = t.toUpperCase();
  const lower = t.toLowerCase();
  const letters = /^[a-z]+$/.test(lower);
  const hits: Array<[number, number]> = [];
  for (let i = 0; i < N; i++) {
    const k = tier(i, t, upper, lower, letters);
    if (k >= 0) hits.push([k, i]);
  }
  const rank = ([k, i]: [number, number]) => (k === 0 ? 0 : COMMON[i] ? 1 : 2);
  return hits
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        a[0] - b[0] ||
        NAMES[a[1]].length - NAMES[b[1]].length ||
        byString(CODES[a[1]], CODES[b[1]]),
    )
    .slice(0, limit)
    .map(([, i]) => DIAGNOSES[i]);
}

/**
 * A diagnosis as stored on a visit or stay: the code and its Chinese name from the code list.
 * A well-formed code the list does not know (a hospital's extension code) keeps the code as
 * its name rather than being refused.
 */
export function diagnosisEntry(raw: string, field = 'diagnosisCode'): DiagnosisEntry {
  const code = raw.trim().toUpperCase();
  if (!ICD10_CODE.test(code))
    throw new AppError(400, 'INVALID_DIAGNOSIS', `诊断编码 ${raw} 不是有效的 ICD-10 编码`, field);
  return { code, name: BY_CODE.get(code)?.name ?? code };
}
