import { AppError } from '../platform/errors.ts';
import { ICD10, icd10, type Icd10Code } from '../referrals/icd10.ts';
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

// The search index, built once: the fields each query compares, in arrays ordered by name length
// then code, so that hits collected in that order need no sorting.
const ORDER = DIAGNOSES.map((_, i) => i).sort(
  (a, b) => DIAGNOSES[a].name.length - DIAGNOSES[b].name.length || byString(DIAGNOSES[a].code, DIAGNOSES[b].code),
);
const ENTRIES = ORDER.map((i) => DIAGNOSES[i]);
const CODES = ENTRIES.map((c) => c.code);
const NAMES = ENTRIES.map((c) => c.name);
const FULL = ENTRIES.map((c) => c.pinyin);
const INITIALS = ENTRIES.map((c) => c.initials);
const COMMON = ENTRIES.map((c) => c.common);
// Names of Chinese characters alone: only these are read exactly by their pinyin (高血压Ⅱ is not gxy).
const HAN_ONLY = ENTRIES.map((c) => /^[\u4e00-\u9fff]+$/.test(c.name));

/**
 * How well entry i matches, 0 best, -1 not at all: the exact code, the exact name, the exact
 * pinyin; a code prefix; a name beginning or ending with the query (a Chinese name ends with its
 * head word: 原发性高血压); a name containing it; the same for pinyin initials and full pinyin.
 */
function tier(i: number, t: string, upper: string, lower: string, letters: boolean): number {
  const code = CODES[i];
  if (code === upper) return 0;
  if (letters) {
    const initials = INITIALS[i];
    const full = FULL[i];
    const inInitials = initials.indexOf(lower);
    const inFull = full.indexOf(lower);
    if (inInitials < 0 && inFull < 0) return code.startsWith(upper) ? 3 : -1;
    if ((initials === lower || full === lower) && HAN_ONLY[i]) return 2;
    if (code.startsWith(upper)) return 3;
    if (inInitials === 0 || initials.endsWith(lower)) return 6;
    if (inFull === 0 || full.endsWith(lower)) return 7;
    return lower.length >= 2 ? 8 : -1;
  }
  const name = NAMES[i];
  const inName = name.indexOf(t);
  if (inName < 0) return code.startsWith(upper) ? 3 : -1;
  if (name === t) return 1;
  if (code.startsWith(upper)) return 3;
  if (inName === 0 || name.endsWith(t)) return 4;
  return 5;
}

const EXACT = 3; // tiers below this are exact matches
const TIERS = 9;

/**
 * By code prefix (I10, J18.9), Chinese name fragment (高血压), pinyin initials (gxy) or full
 * pinyin (gaoxueya). Exact matches (code, name or pinyin) come first; then the common outpatient
 * codes before the rest of the list; within each, the closer match, then the shorter name, then
 * the code. One pass over the index into buckets of equal rank, no sorting.
 */
export function searchDiagnoses(q: string, limit = 30): Diagnosis[] {
  const t = q.trim();
  if (!t) return DIAGNOSES.slice(0, limit);
  const upper = t.toUpperCase();
  const lower = t.toLowerCase();
  const letters = /^[a-z]+$/.test(lower);
  const buckets: number[][] = Array.from({ length: 3 * TIERS }, () => []);
  for (let i = 0; i < CODES.length; i++) {
    const k = tier(i, t, upper, lower, letters);
    if (k < 0) continue;
    const group = k < EXACT ? 0 : COMMON[i] ? 1 : 2;
    buckets[group * TIERS + k].push(i);
  }
  const out: Diagnosis[] = [];
  for (const bucket of buckets)
    for (const i of bucket) {
      if (out.length === limit) return out;
      out.push(ENTRIES[i]);
    }
  return out;
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

/**
 * The code a referral made from these diagnoses carries: the referral feature reads its own,
 * shorter list, so a code of the full list (I10.X02) stands there as its subcategory or
 * category (I10). The first diagnosis that has one wins; none: undefined.
 */
export function referralDiagnosisCode(codes: readonly string[]): string | undefined {
  for (const raw of codes) {
    const code = raw.trim().toUpperCase();
    for (const candidate of [code, code.slice(0, 5), code.slice(0, 3)]) if (icd10(candidate)) return candidate;
  }
  return undefined;
}
