import { AppError } from '../platform/errors.ts';
import { ICD10, icd10, type Icd10Code } from '../referrals/icd10.ts';
import { namePinyin } from '../residents/pinyin.ts';
import type { DiagnosisEntry } from './care.tables.ts';
import { CARE_ICD10_TEXT } from './icd10-common.data.ts';

const ICD10_CODE = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;

/** The referral list and care's common outpatient codes, one entry per code. */
const CARE_CODES: readonly Icd10Code[] = CARE_ICD10_TEXT.trim()
  .split('\n')
  .map((line) => {
    const [code, name] = line.split('|');
    const py = namePinyin(name.replace(/[^\u4e00-\u9fff]/g, ''));
    return { code, name, pinyin: py.full, initials: py.initials };
  });
const ALL: readonly Icd10Code[] = [...ICD10, ...CARE_CODES.filter((c) => !icd10(c.code))].sort((a, b) =>
  a.code.localeCompare(b.code),
);
const BY_CODE = new Map(ALL.map((c) => [c.code, c]));

/** By code prefix (I10), Chinese name fragment (高血压), pinyin initials (gxy) or full pinyin. */
export function searchDiagnoses(q: string, limit = 30): Icd10Code[] {
  const t = q.trim();
  if (!t) return ALL.slice(0, limit);
  const upper = t.toUpperCase();
  const lower = t.toLowerCase();
  const letters = /^[a-z]+$/.test(lower);
  const scored: Array<[number, Icd10Code]> = [];
  for (const c of ALL) {
    let score = -1;
    if (c.code === upper) score = 0;
    else if (c.code.startsWith(upper)) score = 1;
    else if (c.name.startsWith(t)) score = 2;
    else if (c.name.includes(t)) score = 3;
    else if (letters && c.initials.startsWith(lower)) score = 4;
    else if (letters && c.pinyin.startsWith(lower)) score = 5;
    else if (letters && lower.length >= 2 && (c.initials.includes(lower) || c.pinyin.includes(lower))) score = 6;
    if (score >= 0) scored.push([score, c]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code))
    .slice(0, limit)
    .map(([, c]) => c);
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
