import { AppError } from '../platform/errors.ts';
import { icd10 } from '../referrals/icd10.ts';
import type { DiagnosisEntry } from './care.tables.ts';

const ICD10_CODE = /^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/;

/**
 * A diagnosis as stored on a visit or stay: the code and its Chinese name from the code list.
 * A well-formed code the list does not know (a hospital's extension code such as I10.x00 is
 * normalised by HIS, others pass) keeps the code as its name rather than being refused.
 */
export function diagnosisEntry(raw: string, field = 'diagnosisCode'): DiagnosisEntry {
  const code = raw.trim().toUpperCase();
  if (!ICD10_CODE.test(code))
    throw new AppError(400, 'INVALID_DIAGNOSIS', `诊断编码 ${raw} 不是有效的 ICD-10 编码`, field);
  return { code, name: icd10(code)?.name ?? code };
}
