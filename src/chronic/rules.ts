import { addDays } from '../platform/calendar.ts';
import type { FollowedDisease, Referral } from './chronic.tables.ts';

/**
 * The follow-up rules of the 国家基本公共卫生服务规范 (third edition) as data. The numbers
 * (targets per age band, emergency signs, intervals) are rows of `followup_rules`, effective-
 * dated per county; this file only says how rows combine:
 * - controlled: every target row of the disease and age band holds (a missing measurement is
 *   not controlled);
 * - classification: 4 并发症 (new or worse complication) → 3 不良反应 → 1 控制满意 → 2 控制不满意;
 * - outcome: emergency (any emergency row fires) → refer (two consecutive uncontrolled, an
 *   uncontrollable ADR, a new or worse complication) → adjust (uncontrolled or an ADR) → satisfied;
 * - next due: the interval row of the outcome, counted in days or calendar months.
 */

export interface RuleRow {
  kind: 'target' | 'emergency' | 'interval';
  disease: FollowedDisease | '*';
  metric: string | null;
  op: '<' | '<=' | '>' | '>=' | 'flag' | null;
  value: number | null;
  age_min: number | null;
  age_max: number | null;
  outcome: Outcome | null;
  days: number | null;
  months: number | null;
  label: string;
}
export type Outcome = 'satisfied' | 'adjust' | 'refer' | 'emergency';

export interface Facts {
  disease: FollowedDisease;
  /** age in whole years on the visit day */
  age: number;
  visitDate: string;
  /** fbg: fasting glucose (the target); glucose: any glucose measured (the emergency signs) */
  metrics: Partial<Record<'sbp' | 'dbp' | 'heart_rate' | 'fbg' | 'glucose' | 'temperature', number>>;
  /** emergency signs ticked on the form (consciousness, pregnancy ...) */
  flags: readonly string[];
  adr: 'none' | 'controllable' | 'uncontrollable';
  complication: 'none' | 'new' | 'worse';
  /** uncontrolled follow-ups in a row before this one */
  previousStreak: number;
}

export interface Decision {
  classification: 1 | 2 | 3 | 4;
  controlled: boolean;
  outcome: Outcome;
  referral: Referral;
  reasons: string[];
  nextDue: string;
  streak: number;
}

export const REFERRAL_REASONS = {
  twiceUnsatisfied: '连续两次控制不满意',
  adr: '药物不良反应难以控制',
  newComplication: '出现新的并发症',
  worseComplication: '原有并发症加重',
} as const;

const appliesTo = (r: RuleRow, disease: FollowedDisease) => r.disease === '*' || r.disease === disease;
const inAgeBand = (r: RuleRow, age: number) =>
  (r.age_min === null || age >= r.age_min) && (r.age_max === null || age <= r.age_max);

function holds(op: RuleRow['op'], actual: number, value: number): boolean {
  switch (op) {
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    default:
      return false;
  }
}

/** the emergency rows that fire for these facts (their labels are the referral reasons) */
export function emergencySigns(
  rules: readonly RuleRow[],
  facts: Pick<Facts, 'disease' | 'metrics' | 'flags'>,
): string[] {
  const fired: string[] = [];
  for (const r of rules) {
    if (r.kind !== 'emergency' || !appliesTo(r, facts.disease) || r.metric === null) continue;
    if (r.op === 'flag') {
      if (facts.flags.includes(r.metric)) fired.push(r.label);
      continue;
    }
    const actual = facts.metrics[r.metric as keyof Facts['metrics']];
    if (actual !== undefined && r.value !== null && holds(r.op, actual, r.value)) fired.push(r.label);
  }
  return fired;
}

/** controlled when every target row of the disease and the patient's age band holds */
export function isControlled(rules: readonly RuleRow[], facts: Pick<Facts, 'disease' | 'age' | 'metrics'>): boolean {
  const targets = rules.filter((r) => r.kind === 'target' && appliesTo(r, facts.disease) && inAgeBand(r, facts.age));
  if (targets.length === 0) return false;
  return targets.every((r) => {
    const actual = facts.metrics[r.metric as keyof Facts['metrics']];
    return actual !== undefined && r.value !== null && holds(r.op, actual, r.value);
  });
}

/** 'YYYY-MM-DD' + n calendar months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb) */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export function nextDueFor(
  rules: readonly RuleRow[],
  disease: FollowedDisease,
  outcome: Outcome,
  from: string,
): string {
  const row =
    rules.find((r) => r.kind === 'interval' && r.outcome === outcome && r.disease === disease) ??
    rules.find((r) => r.kind === 'interval' && r.outcome === outcome && r.disease === '*');
  if (!row) throw new Error(`随访规则缺少"${outcome}"的下次随访间隔`);
  return row.months !== null ? addMonths(from, row.months) : addDays(from, row.days ?? 14);
}

export function decide(rules: readonly RuleRow[], facts: Facts): Decision {
  const controlled = isControlled(rules, facts);
  const emergency = emergencySigns(rules, facts);
  const complication = facts.complication !== 'none';
  const adr = facts.adr !== 'none';
  const classification: Decision['classification'] = complication ? 4 : adr ? 3 : controlled ? 1 : 2;
  const reasons: string[] = [];
  if (!controlled && facts.previousStreak >= 1) reasons.push(REFERRAL_REASONS.twiceUnsatisfied);
  if (facts.adr === 'uncontrollable') reasons.push(REFERRAL_REASONS.adr);
  if (facts.complication === 'new') reasons.push(REFERRAL_REASONS.newComplication);
  if (facts.complication === 'worse') reasons.push(REFERRAL_REASONS.worseComplication);
  let outcome: Outcome;
  if (emergency.length > 0) outcome = 'emergency';
  else if (reasons.length > 0) outcome = 'refer';
  else if (!controlled || adr) outcome = 'adjust';
  else outcome = 'satisfied';
  const referral: Referral = outcome === 'emergency' ? 'emergency' : outcome === 'refer' ? 'recommend' : 'none';
  return {
    classification,
    controlled,
    outcome,
    referral,
    reasons: outcome === 'emergency' ? [...emergency, ...reasons] : reasons,
    nextDue: nextDueFor(rules, facts.disease, outcome, facts.visitDate),
    streak: controlled ? 0 : facts.previousStreak + 1,
  };
}

/** mg/dL → mmol/L for glucose (1 mmol/L = 18 mg/dL), one decimal */
export const glucoseToMmol = (value: number, unit: 'mmol/L' | 'mg/dL'): number =>
  unit === 'mmol/L' ? Math.round(value * 10) / 10 : Math.round((value / 18) * 10) / 10;

/**
 * The rule set a new county starts with: the 规范's numbers (third edition). Stored as rows;
 * a county changes them by adding a set with a later effective day.
 */
export const STANDARD_RULES: readonly RuleRow[] = [
  t('htn', 'sbp', 140, null, 64, '收缩压 < 140 mmHg（65 岁以下）'),
  t('htn', 'sbp', 150, 65, null, '收缩压 < 150 mmHg（65 岁及以上）'),
  t('htn', 'dbp', 90, null, null, '舒张压 < 90 mmHg'),
  t('t2dm', 'fbg', 7.0, null, null, '空腹血糖 < 7.0 mmol/L'),
  e('htn', 'sbp', '>=', 180, '收缩压 ≥ 180 mmHg'),
  e('htn', 'dbp', '>=', 110, '舒张压 ≥ 110 mmHg'),
  e('t2dm', 'glucose', '>=', 16.7, '血糖 ≥ 16.7 mmol/L'),
  e('t2dm', 'glucose', '<=', 3.9, '血糖 ≤ 3.9 mmol/L'),
  e('*', 'heart_rate', '>', 100, '心率 > 100 次/分'),
  e('*', 'temperature', '>', 39, '体温 > 39 ℃'),
  f('*', 'consciousness', '意识改变'),
  f('htn', 'severe_headache', '剧烈头痛或呕吐'),
  f('htn', 'chest_pain', '心前区疼痛'),
  f('htn', 'blurred_vision', '视力模糊、眼痛'),
  f('t2dm', 'ketone_breath', '呼气有烂苹果样丙酮味'),
  f('t2dm', 'dehydration', '明显脱水、多饮多尿'),
  f('t2dm', 'dyspnoea', '深大呼吸、皮肤潮红'),
  f('*', 'pregnancy', '妊娠期或哺乳期'),
  f('*', 'other_danger', '其他无法处理的危急情况'),
  i('satisfied', null, 3, '控制满意：3 个月后常规随访'),
  i('adjust', 14, null, '控制不满意或不良反应：调整用药，2 周内随访'),
  i('refer', 14, null, '建议转诊：2 周内主动随访转诊情况'),
  i('emergency', 14, null, '紧急转诊：2 周内主动随访转诊情况'),
];

function t(
  disease: FollowedDisease,
  metric: string,
  value: number,
  ageMin: number | null,
  ageMax: number | null,
  label: string,
): RuleRow {
  return {
    kind: 'target',
    disease,
    metric,
    op: '<',
    value,
    age_min: ageMin,
    age_max: ageMax,
    outcome: null,
    days: null,
    months: null,
    label,
  };
}
function e(disease: FollowedDisease | '*', metric: string, op: RuleRow['op'], value: number, label: string): RuleRow {
  return {
    kind: 'emergency',
    disease,
    metric,
    op,
    value,
    age_min: null,
    age_max: null,
    outcome: null,
    days: null,
    months: null,
    label,
  };
}
function f(disease: FollowedDisease | '*', flag: string, label: string): RuleRow {
  return e(disease, flag, 'flag', 0, label);
}
function i(outcome: Outcome, days: number | null, months: number | null, label: string): RuleRow {
  return {
    kind: 'interval',
    disease: '*',
    metric: null,
    op: null,
    value: null,
    age_min: null,
    age_max: null,
    outcome,
    days,
    months,
    label,
  };
}
