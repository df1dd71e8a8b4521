import { describe, expect, it } from 'vitest';
import { addMonths, decide, emergencySigns, glucoseToMmol, STANDARD_RULES, type Facts, type RuleRow } from './rules.ts';

/**
 * Table-driven over the 规范's rule rows (STANDARD_RULES is what every county starts with):
 * each row is exercised on both sides of its threshold, with the classification, the next
 * due day (day precision) and the referral it must give.
 */
const base: Facts = {
  disease: 'htn',
  age: 58,
  visitDate: '2026-03-31',
  metrics: { sbp: 128, dbp: 78, heart_rate: 72 },
  flags: [],
  adr: 'none',
  complication: 'none',
  previousStreak: 0,
};
const dm: Facts = { ...base, disease: 't2dm', metrics: { fbg: 6.1, glucose: 6.1, heart_rate: 72 } };
const run = (f: Partial<Facts> & { metrics?: Facts['metrics'] }, from: Facts = base) =>
  decide(STANDARD_RULES, { ...from, ...f, metrics: { ...from.metrics, ...f.metrics } });

describe('the standard rule set', () => {
  it('has the targets, emergency signs and intervals of the 规范', () => {
    const kinds = (k: RuleRow['kind']) => STANDARD_RULES.filter((r) => r.kind === k).length;
    expect([kinds('target'), kinds('emergency'), kinds('interval')]).toEqual([4, 15, 4]);
  });

  const cases: Array<
    [string, Partial<Facts>, Facts, { classification: number; referral: string; nextDue: string; reasons?: string[] }]
  > = [
    // targets, age-specific (65+: SBP < 150)
    [
      'htn 139/89 at 58: satisfied, 3 months',
      { metrics: { sbp: 139, dbp: 89 } },
      base,
      { classification: 1, referral: 'none', nextDue: '2026-06-30' },
    ],
    [
      'htn 140/80 at 58: unsatisfied, 2 weeks',
      { metrics: { sbp: 140, dbp: 80 } },
      base,
      { classification: 2, referral: 'none', nextDue: '2026-04-14' },
    ],
    [
      'htn 130/90 at 58: DBP off target',
      { metrics: { sbp: 130, dbp: 90 } },
      base,
      { classification: 2, referral: 'none', nextDue: '2026-04-14' },
    ],
    [
      'htn 149/85 at 65: satisfied',
      { age: 65, metrics: { sbp: 149, dbp: 85 } },
      base,
      { classification: 1, referral: 'none', nextDue: '2026-06-30' },
    ],
    [
      'htn 150/85 at 65: unsatisfied',
      { age: 65, metrics: { sbp: 150, dbp: 85 } },
      base,
      { classification: 2, referral: 'none', nextDue: '2026-04-14' },
    ],
    [
      'htn 149/85 at 64: unsatisfied',
      { age: 64, metrics: { sbp: 149, dbp: 85 } },
      base,
      { classification: 2, referral: 'none', nextDue: '2026-04-14' },
    ],
    [
      'htn without a BP: not controlled',
      { metrics: { sbp: undefined, dbp: undefined } },
      base,
      { classification: 2, referral: 'none', nextDue: '2026-04-14' },
    ],
    // two consecutive unsatisfied → refer
    [
      'second unsatisfied in a row: refer',
      { previousStreak: 1, metrics: { sbp: 152, dbp: 92 } },
      base,
      { classification: 2, referral: 'recommend', nextDue: '2026-04-14', reasons: ['连续两次控制不满意'] },
    ],
    [
      'satisfied after one unsatisfied: no referral',
      { previousStreak: 1 },
      base,
      { classification: 1, referral: 'none', nextDue: '2026-06-30' },
    ],
    // ADR and complications
    [
      'controllable ADR: class 3, adjust',
      { adr: 'controllable' },
      base,
      { classification: 3, referral: 'none', nextDue: '2026-04-14' },
    ],
    [
      'uncontrollable ADR: class 3, refer',
      { adr: 'uncontrollable' },
      base,
      { classification: 3, referral: 'recommend', nextDue: '2026-04-14', reasons: ['药物不良反应难以控制'] },
    ],
    [
      'new complication: class 4, refer',
      { complication: 'new' },
      base,
      { classification: 4, referral: 'recommend', nextDue: '2026-04-14', reasons: ['出现新的并发症'] },
    ],
    [
      'worse complication: class 4, refer',
      { complication: 'worse' },
      base,
      { classification: 4, referral: 'recommend', nextDue: '2026-04-14', reasons: ['原有并发症加重'] },
    ],
    // emergency signs, both sides
    [
      'SBP 180: emergency',
      { metrics: { sbp: 180, dbp: 100 } },
      base,
      { classification: 2, referral: 'emergency', nextDue: '2026-04-14', reasons: ['收缩压 ≥ 180 mmHg'] },
    ],
    [
      'SBP 179: no emergency',
      { metrics: { sbp: 179, dbp: 100 } },
      base,
      { classification: 2, referral: 'none', nextDue: '2026-04-14' },
    ],
    [
      'DBP 110: emergency',
      { metrics: { sbp: 170, dbp: 110 } },
      base,
      { classification: 2, referral: 'emergency', nextDue: '2026-04-14', reasons: ['舒张压 ≥ 110 mmHg'] },
    ],
    [
      'HR 101: emergency',
      { metrics: { heart_rate: 101 } },
      base,
      { classification: 1, referral: 'emergency', nextDue: '2026-04-14', reasons: ['心率 > 100 次/分'] },
    ],
    [
      'HR 100: none',
      { metrics: { heart_rate: 100 } },
      base,
      { classification: 1, referral: 'none', nextDue: '2026-06-30' },
    ],
    [
      'T 39.1: emergency',
      { metrics: { temperature: 39.1 } },
      base,
      { classification: 1, referral: 'emergency', nextDue: '2026-04-14', reasons: ['体温 > 39 ℃'] },
    ],
    [
      'T 39.0: none',
      { metrics: { temperature: 39 } },
      base,
      { classification: 1, referral: 'none', nextDue: '2026-06-30' },
    ],
    [
      'altered consciousness: emergency',
      { flags: ['consciousness'] },
      base,
      { classification: 1, referral: 'emergency', nextDue: '2026-04-14', reasons: ['意识改变'] },
    ],
    [
      'pregnancy: emergency',
      { flags: ['pregnancy'] },
      base,
      { classification: 1, referral: 'emergency', nextDue: '2026-04-14', reasons: ['妊娠期或哺乳期'] },
    ],
    [
      'chest pain (htn sign): emergency',
      { flags: ['chest_pain'] },
      base,
      { classification: 1, referral: 'emergency', nextDue: '2026-04-14', reasons: ['心前区疼痛'] },
    ],
    [
      'emergency plus two unsatisfied: both reasons',
      { previousStreak: 2, metrics: { sbp: 186, dbp: 100 } },
      base,
      {
        classification: 2,
        referral: 'emergency',
        nextDue: '2026-04-14',
        reasons: ['收缩压 ≥ 180 mmHg', '连续两次控制不满意'],
      },
    ],
    // diabetes
    [
      'FBG 6.9: satisfied',
      { metrics: { fbg: 6.9, glucose: 6.9 } },
      dm,
      { classification: 1, referral: 'none', nextDue: '2026-06-30' },
    ],
    [
      'FBG 7.0: unsatisfied',
      { metrics: { fbg: 7.0, glucose: 7.0 } },
      dm,
      { classification: 2, referral: 'none', nextDue: '2026-04-14' },
    ],
    [
      'glucose 16.7: emergency',
      { metrics: { fbg: 16.7, glucose: 16.7 } },
      dm,
      { classification: 2, referral: 'emergency', nextDue: '2026-04-14', reasons: ['血糖 ≥ 16.7 mmol/L'] },
    ],
    [
      'glucose 16.6: none',
      { metrics: { fbg: 16.6, glucose: 16.6 } },
      dm,
      { classification: 2, referral: 'none', nextDue: '2026-04-14' },
    ],
    [
      'glucose 3.9: emergency',
      { metrics: { fbg: 3.9, glucose: 3.9 } },
      dm,
      { classification: 1, referral: 'emergency', nextDue: '2026-04-14', reasons: ['血糖 ≤ 3.9 mmol/L'] },
    ],
    [
      'random glucose 18 (no fasting value): emergency, not controlled',
      { metrics: { fbg: undefined, glucose: 18 } },
      dm,
      { classification: 2, referral: 'emergency', nextDue: '2026-04-14', reasons: ['血糖 ≥ 16.7 mmol/L'] },
    ],
    [
      'ketone breath (diabetes sign): emergency',
      { flags: ['ketone_breath'] },
      dm,
      { classification: 1, referral: 'emergency', nextDue: '2026-04-14', reasons: ['呼气有烂苹果样丙酮味'] },
    ],
    [
      'SBP 185 in a diabetic: not a diabetes emergency row',
      { metrics: { sbp: 185, dbp: 100 } },
      dm,
      { classification: 1, referral: 'none', nextDue: '2026-06-30' },
    ],
  ];
  for (const [name, facts, from, expected] of cases)
    it(name, () => {
      const d = run(facts, from);
      expect({ classification: d.classification, referral: d.referral, nextDue: d.nextDue }).toEqual({
        classification: expected.classification,
        referral: expected.referral,
        nextDue: expected.nextDue,
      });
      expect(d.reasons).toEqual(expected.reasons ?? []);
    });

  it('every emergency row fires on its own sign and not below it', () => {
    for (const row of STANDARD_RULES.filter((r) => r.kind === 'emergency')) {
      const disease = row.disease === '*' ? 'htn' : row.disease;
      const metric = row.metric as keyof Facts['metrics'];
      if (row.op === 'flag') {
        expect(emergencySigns(STANDARD_RULES, { disease, metrics: {}, flags: [row.metric!] })).toContain(row.label);
        continue;
      }
      const v = row.value!;
      const step = Number.isInteger(v) ? 1 : 0.1;
      const fires = row.op === '>=' ? v : row.op === '>' ? v + step : row.op === '<=' ? v : v - step;
      const quiet =
        row.op === '>=' || row.op === '>' ? (row.op === '>=' ? v - step : v) : row.op === '<=' ? v + step : v;
      expect(
        emergencySigns(STANDARD_RULES, { disease, metrics: { [metric]: fires }, flags: [] }),
        `${row.label} at ${fires}`,
      ).toContain(row.label);
      expect(
        emergencySigns(STANDARD_RULES, { disease, metrics: { [metric]: quiet }, flags: [] }),
        `${row.label} at ${quiet}`,
      ).not.toContain(row.label);
    }
  });

  it('a county that changes an interval changes the due day: the numbers are data', () => {
    const edited = STANDARD_RULES.map((r) => (r.kind === 'interval' && r.outcome === 'adjust' ? { ...r, days: 7 } : r));
    expect(decide(edited, { ...base, metrics: { sbp: 150, dbp: 95 } }).nextDue).toBe('2026-04-07');
  });
});

describe('days and units', () => {
  it('3 months from the end of a month lands on the last day of a shorter month', () => {
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 3)).toBe('2027-03-15');
  });
  it('glucose mg/dL → mmol/L, one decimal', () => {
    expect(glucoseToMmol(126, 'mg/dL')).toBe(7);
    expect(glucoseToMmol(70, 'mg/dL')).toBe(3.9);
    expect(glucoseToMmol(301, 'mg/dL')).toBe(16.7);
    expect(glucoseToMmol(6.25, 'mmol/L')).toBe(6.3);
  });
});
