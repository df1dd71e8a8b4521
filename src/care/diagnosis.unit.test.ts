import { describe, expect, it } from 'vitest';
import { DIAGNOSES, diagnosisEntry, referralDiagnosisCode, searchDiagnoses } from './diagnosis.ts';
import { ICD10_FULL_TEXT } from './icd10-full.data.ts';
import { diagnosisSyllables } from './icd10-pinyin.ts';

const codes = (q: string, limit?: number) => searchDiagnoses(q, limit).map((d) => d.code);

describe("care's diagnosis list", () => {
  it('holds at least 3,000 unique ICD-10 codes of valid shape, each with a Chinese name', () => {
    const all = DIAGNOSES.map((d) => d.code);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(3000);
    for (const d of DIAGNOSES) {
      expect(d.code).toMatch(/^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?$/);
      expect(d.name).toMatch(/[\u4e00-\u9fff]/);
      expect(d.initials.length).toBeGreaterThan(0);
    }
    const full = ICD10_FULL_TEXT.trim().split('\n');
    expect(new Set(full.map((l) => l.split('|')[0])).size).toBe(full.length);
    expect(full.length).toBeGreaterThanOrEqual(3000);
  });

  it("stores each name's pinyin as pinyin-pro reads it (rerun icd10-full.cli.ts after editing rows)", () => {
    const stale = ICD10_FULL_TEXT.trim()
      .split('\n')
      .map((l) => l.split('|'))
      .filter(([, name, py]) => diagnosisSyllables(name).join(' ') !== py);
    expect(stale).toEqual([]);
  });

  it('finds diagnoses by pinyin initials', () => {
    expect(codes('gxy').slice(0, 3)).toContain('I10');
    const tnb = searchDiagnoses('tnb');
    expect(tnb[0].name).toContain('糖尿病');
    expect(tnb.map((d) => d.code)).toEqual(expect.arrayContaining(['E11.9', 'E14.9']));
    expect(searchDiagnoses('mxwy')[0].name).toBe('慢性胃炎');
    // a name read in context: 膀胱 is pang guang, not bang guang
    expect(codes('mxpgy')).toContain('N30.201');
    expect(codes('szk')).toContain('B08.4');
  });

  it('finds diagnoses by full pinyin, whole or begun', () => {
    expect(codes('gaoxueya')).toContain('I10');
    expect(codes('feiyan')).toEqual(expect.arrayContaining(['J18.9', 'J18.901']));
    expect(codes('jixingyanxia')).toContain('J06.002');
    expect(codes('jixingyany')).toContain('J02.904');
    expect(codes('pangguangyan')).toContain('N30.201');
  });

  it('finds a Chinese name fragment in the whole list', () => {
    expect(codes('膀胱炎', 100)).toEqual(expect.arrayContaining(['N30.001', 'N30.201', 'N30.901']));
    expect(searchDiagnoses('前列腺肥大')[0]).toMatchObject({ code: 'N40.X01', name: '前列腺肥大(增生)' });
  });

  it('ranks exact matches first, then the common outpatient codes before the rest of the list', () => {
    for (const q of ['肺炎', 'fy', '胃炎', 'J', 'gxb']) {
      const exact = (d: { code: string; name: string; initials: string; pinyin: string }) =>
        d.code === q.toUpperCase() ||
        d.name === q ||
        ([d.initials, d.pinyin].includes(q) && /^[\u4e00-\u9fff]+$/.test(d.name));
      const hits = searchDiagnoses(q, 200);
      const rest = hits.filter((d) => !exact(d));
      expect(hits.slice(0, hits.length - rest.length).every(exact), q).toBe(true);
      const firstRare = rest.findIndex((d) => !d.common);
      expect(firstRare, q).toBeGreaterThan(0);
      expect(
        rest.slice(firstRare).every((d) => !d.common),
        q,
      ).toBe(true);
    }
    // 冠心病 is typed by its initials: the exact reading beats a common name that merely begins so
    expect(searchDiagnoses('gxb')[0]).toMatchObject({ code: 'I25.101', name: '冠心病' });
    expect(searchDiagnoses('')[0].common).toBe(true);
  });

  it('finds a code by its prefix, an exact code first', () => {
    expect(codes('J18.90')).toContain('J18.901');
    expect(codes('j18.901')[0]).toBe('J18.901');
    expect(codes('n40')).toContain('N40.X01');
    expect(codes('K35').every((c) => c.startsWith('K35'))).toBe(true);
    expect(codes('I10')[0]).toBe('I10');
  });

  it('limits the result count', () => {
    expect(searchDiagnoses('炎')).toHaveLength(30);
    expect(searchDiagnoses('炎', 5)).toHaveLength(5);
  });

  it('names a stored diagnosis from the whole list', () => {
    expect(diagnosisEntry(' j18.901 ')).toEqual({ code: 'J18.901', name: '肺炎' });
    expect(diagnosisEntry('I10')).toEqual({ code: 'I10', name: '原发性高血压' });
  });

  it('gives a down-referral a code of the referral list: the code, its subcategory or its category', () => {
    expect(referralDiagnosisCode(['I10.X02'])).toBe('I10');
    expect(referralDiagnosisCode(['s72.001'])).toBe('S72.0');
    expect(referralDiagnosisCode(['I10'])).toBe('I10');
    expect(referralDiagnosisCode(['Z99.9', 'I10.X02'])).toBe('I10');
    expect(referralDiagnosisCode(['Z99.9'])).toBeUndefined();
  });
});
