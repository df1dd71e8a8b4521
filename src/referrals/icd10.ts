import { namePinyin } from '../residents/pinyin.ts';
import { GUIDANCE, type GuidanceRule } from './guidance.data.ts';
import { ICD10_TEXT } from './icd10.data.ts';

export const CARE_LEVELS = ['village', 'township', 'county', 'above'] as const;
export type CareLevel = (typeof CARE_LEVELS)[number];
export const CARE_LEVEL_LABELS: Record<CareLevel, string> = {
  village: '村卫生室',
  township: '乡镇卫生院',
  county: '县级医院',
  above: '县外上级医院',
};

export interface Icd10Code {
  code: string;
  name: string;
  pinyin: string;
  initials: string;
}

export const ICD10: readonly Icd10Code[] = ICD10_TEXT.trim()
  .split('\n')
  .map((line) => {
    const [code, name] = line.split('|');
    const py = namePinyin(name.replace(/[^\u4e00-\u9fff]/g, ''));
    return { code, name, pinyin: py.full, initials: py.initials };
  });
const BY_CODE = new Map(ICD10.map((c) => [c.code, c]));

export function icd10(code: string): Icd10Code | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** By code prefix (I63), Chinese name fragment (脑梗), pinyin initials (ngs) or full pinyin (naogeng). */
export function searchIcd10(q: string, limit = 20): Icd10Code[] {
  const t = q.trim();
  if (!t) return ICD10.slice(0, limit);
  const upper = t.toUpperCase();
  const lower = t.toLowerCase();
  const scored: Array<[number, Icd10Code]> = [];
  for (const c of ICD10) {
    let score = -1;
    if (c.code === upper) score = 0;
    else if (c.code.startsWith(upper)) score = 1;
    else if (c.name.startsWith(t)) score = 2;
    else if (c.name.includes(t)) score = 3;
    else if (/^[a-z]+$/.test(lower) && c.initials.startsWith(lower)) score = 4;
    else if (/^[a-z]+$/.test(lower) && c.pinyin.startsWith(lower)) score = 5;
    else if (/^[a-z]{2,}$/.test(lower) && (c.initials.includes(lower) || c.pinyin.includes(lower))) score = 6;
    if (score >= 0) scored.push([score, c]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1].code.localeCompare(b[1].code))
    .slice(0, limit)
    .map(([, c]) => c);
}

export interface Guidance {
  code: string;
  level: CareLevel;
  downTo: CareLevel | null;
  speciality: string | null;
  note: string;
}

/** The longest matching prefix wins; unlisted conditions belong to the township centre. */
export function guidanceFor(code: string): Guidance {
  const c = code.trim().toUpperCase();
  let best: GuidanceRule | undefined;
  for (const g of GUIDANCE) if (c.startsWith(g.prefix) && (!best || g.prefix.length > best.prefix.length)) best = g;
  return best
    ? { code: c, level: best.level, downTo: best.downTo ?? null, speciality: best.speciality ?? null, note: best.note }
    : { code: c, level: 'township', downTo: null, speciality: null, note: '常见病、多发病在乡镇卫生院诊治' };
}

/** Which care level an org kind provides. */
export function levelOfKind(kind: string): CareLevel {
  switch (kind) {
    case 'village_clinic':
      return 'village';
    case 'township_center':
    case 'community_center':
      return 'township';
    case 'partner_hospital':
      return 'above';
    default:
      return 'county';
  }
}
