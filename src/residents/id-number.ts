import { shanghaiDate } from '../platform/calendar.ts';
import { divisionName } from './division-codes.ts';

/** GB 11643-1999: weights and check characters of the 18-digit citizen ID number. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export interface IdNumberInfo {
  normalized: string;
  birthDate: string;
  sex: 'M' | 'F';
  region: string;
}

export type IdNumberResult = { ok: true; info: IdNumberInfo } | { ok: false; message: string };

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

function realDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Validates and normalises (trim, lowercase x → X); born after today (in Shanghai) is refused; `today` is injectable for tests. */
export function parseIdNumber(raw: string, today: Date = new Date()): IdNumberResult {
  const value = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(value)) {
    return {
      ok: false,
      message:
        value.length !== 18
          ? `身份证号应为 18 位，当前为 ${value.length} 位`
          : '身份证号只能包含数字，最后一位可以是 X',
    };
  }
  const region = divisionName(value.slice(0, 6));
  if (!region) return { ok: false, message: `身份证号前 6 位 ${value.slice(0, 6)} 不是已知的行政区划代码` };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (y < 1900 || !realDate(y, m, d))
    return { ok: false, message: `身份证号中的出生日期 ${value.slice(6, 14)} 不是有效日期` };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const todayIso = shanghaiDate(today);
  if (birthDate > todayIso) return { ok: false, message: `身份证号中的出生日期 ${birthDate} 晚于今天` };
  const expected = checkDigit(value.slice(0, 17));
  if (value[17] !== expected) return { ok: false, message: '身份证号校验位不正确，请核对后重新输入' };
  return { ok: true, info: { normalized: value, birthDate, sex: Number(value[16]) % 2 === 1 ? 'M' : 'F', region } };
}
