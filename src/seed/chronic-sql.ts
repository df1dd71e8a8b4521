import { sql } from 'kysely';
import type { Kdb } from '../platform/db.ts';
import type { RuleRow } from '../chronic/rules.ts';
import { REFERRAL_REASONS } from '../chronic/rules.ts';

/**
 * What the chronic-disease and family-doctor generator's statements share (see
 * chronic.seed.ts). Like the care generator, every statement is one INSERT … SELECT run inside
 * PostgreSQL, its randomness md5 of the seed, a salt and a row key: the same seed gives the
 * same county, and nothing travels row by row between Node and the database.
 */
export interface ChronicSql {
  county: number;
  seed: string;
  /** the reference instant (ISO) */
  now: string;
  /** its day in Asia/Shanghai, 'YYYY-MM-DD' */
  today: string;
  /** the county's follow-up rule set and the numbers read from its rows */
  setId: number;
  rules: RuleNumbers;
}

/** A uniform number in [0, 1) from the seed, a salt and a row key (an SQL float8 expression). */
export function u(c: ChronicSql, salt: string, key: string): string {
  return `((('x' || substr(md5('${c.seed}:${salt}:' || ${key}), 1, 8))::bit(32)::int::bigint & 2147483647)::float8 / 2147483648.0)`;
}

/**
 * One md5 of the seed, a salt and a row key, to be cut into four uniform numbers by part():
 * the md5 is most of u()'s cost, so the big statements compute it once in a subquery kept
 * apart by OFFSET 0 (pulled up, each part would compute it again) and take up to four
 * numbers from it.
 */
export function hash(c: ChronicSql, salt: string, key: string): string {
  return `md5('${c.seed}:${salt}:' || ${key})`;
}
/** The k-th (0–3) uniform number in [0, 1) of a hash column. */
export function part(h: string, k: 0 | 1 | 2 | 3): string {
  return `((('x' || substr(${h}, ${1 + 8 * k}, 8))::bit(32)::int::bigint & 2147483647)::float8 / 2147483648.0)`;
}

/** The reference day as an SQL date literal. */
export const day = (c: ChronicSql) => `'${c.today}'::date`;
/** The reference instant as an SQL timestamptz literal. */
export const at = (c: ChronicSql) => `'${c.now}'::timestamptz`;
/** A local (Asia/Shanghai) time on an SQL date expression, as timestamptz. */
export const localAt = (date: string, hours: string) =>
  `((${date})::timestamp + (${hours}) * interval '1 hour') AT TIME ZONE 'Asia/Shanghai'`;

/** The same, never after the reference instant (a time later today has not happened yet). */
export const pastAt = (c: ChronicSql, date: string, hours: string) =>
  `least(${localAt(date, hours)}, ${at(c)} - interval '5 minutes')`;

export const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const textArray = (xs: readonly string[]) => `ARRAY[${xs.map(quote).join(', ')}]::text[]`;

/** The thresholds of the county's rule rows the generator needs, so its classification is the rules'. */
export interface RuleNumbers {
  sbpYoung: number;
  sbpOld: number;
  oldFrom: number;
  dbp: number;
  fbg: number;
  sbpEmergency: number;
  dbpEmergency: number;
  fbgHigh: number;
  fbgLow: number;
  hrHigh: number;
  labels: { sbp: string; dbp: string; fbgHigh: string; fbgLow: string; hr: string };
  satisfiedMonths: number;
  otherDays: number;
}

export function ruleNumbers(rows: readonly RuleRow[]): RuleNumbers {
  const find = (f: (r: RuleRow) => boolean, what: string) => {
    const r = rows.find(f);
    if (!r) throw new Error(`随访规则缺少 ${what}`);
    return r;
  };
  const target = (metric: string, old: boolean | null) =>
    find(
      (r) =>
        r.kind === 'target' && r.metric === metric && (old === null || (old ? r.age_min !== null : r.age_min === null)),
      `${metric} 目标值`,
    );
  const emergency = (metric: string, op: string) =>
    find((r) => r.kind === 'emergency' && r.metric === metric && r.op === op, `${metric} 危急值`);
  const interval = (outcome: string) => find((r) => r.kind === 'interval' && r.outcome === outcome, `${outcome} 间隔`);
  const old = target('sbp', true);
  const sbpE = emergency('sbp', '>=');
  const dbpE = emergency('dbp', '>=');
  const fbgH = emergency('glucose', '>=');
  const fbgL = emergency('glucose', '<=');
  const hr = emergency('heart_rate', '>');
  const satisfied = interval('satisfied');
  const adjust = interval('adjust');
  if (satisfied.months === null || adjust.days === null) throw new Error('演示数据只认月数的满意间隔和天数的其他间隔');
  return {
    sbpYoung: Number(target('sbp', false).value),
    sbpOld: Number(old.value),
    oldFrom: Number(old.age_min),
    dbp: Number(target('dbp', null).value),
    fbg: Number(target('fbg', null).value),
    sbpEmergency: Number(sbpE.value),
    dbpEmergency: Number(dbpE.value),
    fbgHigh: Number(fbgH.value),
    fbgLow: Number(fbgL.value),
    hrHigh: Number(hr.value),
    labels: { sbp: sbpE.label, dbp: dbpE.label, fbgHigh: fbgH.label, fbgLow: fbgL.label, hr: hr.label },
    satisfiedMonths: satisfied.months,
    otherDays: adjust.days,
  };
}

export const TWICE_UNSATISFIED = REFERRAL_REASONS.twiceUnsatisfied;
export const NEW_COMPLICATION = REFERRAL_REASONS.newComplication;

/** Runs one raw statement; returns the rows it touched. */
export async function run(trx: Kdb, text: string): Promise<number> {
  const { numAffectedRows } = await sql.raw(text).execute(trx);
  return Number(numAffectedRows ?? 0);
}

export async function count(trx: Kdb, text: string): Promise<number> {
  const { rows } = await sql.raw<{ n: number }>(`SELECT (${text})::int AS n`).execute(trx);
  return Number(rows[0]?.n ?? 0);
}

/** A small valid PNG (a signature stroke), as a data URL: the demo contracts' drawn signature. */
export const SIGNATURE_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABgAAAAICAAAAADGymC/AAAAMElEQVR4nGP4jwMwoPIYGLBJgEVhUkgSDCg0Nr0MEAJTK5jNAFeA5iSIfQyo4iAhAFUhp1kuiOm1AAAAAElFTkSuQmCC';

export const CADRE_NAMES = [
  '王建军',
  '李春生',
  '张福元',
  '刘志强',
  '陈玉梅',
  '杨国庆',
  '赵长林',
  '郭秀英',
  '任宝山',
  '宋金花',
  '韩德胜',
  '冀海龙',
  '田桂兰',
  '侯文斌',
  '贾永红',
  '梁晓东',
];
