import type { Kdb } from '../platform/db.ts';
import { STANDARD_RULES, type RuleRow } from './rules.ts';

export interface RuleSet {
  id: number;
  effectiveFrom: string;
  title: string;
  docRef: string;
  rules: RuleRow[];
}

/** The 规范's rule set for a county, effective from `from`, unless the county already has one. */
export async function ensureStandardRules(db: Kdb, countyId: number, from = '2017-01-01'): Promise<number> {
  const existing = await db
    .selectFrom('followup_rule_sets')
    .select('id')
    .where('county_id', '=', countyId)
    .orderBy('effective_from')
    .executeTakeFirst();
  if (existing) return existing.id;
  const { id } = await db
    .insertInto('followup_rule_sets')
    .values({
      county_id: countyId,
      effective_from: from,
      title: '国家基本公共卫生服务规范（第三版）高血压、2型糖尿病患者健康管理',
      doc_ref: '国卫基层发〔2017〕13号',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('followup_rules')
    .values(STANDARD_RULES.map((r) => ({ ...r, set_id: id })))
    .execute();
  return id;
}

/** the rule set in force on a day (Asia/Shanghai), with its rows */
export async function ruleSetOn(db: Kdb, countyId: number, day: string): Promise<RuleSet> {
  const set = await db
    .selectFrom('followup_rule_sets')
    .selectAll()
    .where('county_id', '=', countyId)
    .where('effective_from', '<=', day)
    .orderBy('effective_from', 'desc')
    .executeTakeFirst();
  if (!set) throw new Error(`county ${countyId} has no follow-up rules in force on ${day}`);
  const rows = await db
    .selectFrom('followup_rules')
    .select(['kind', 'disease', 'metric', 'op', 'value', 'age_min', 'age_max', 'outcome', 'days', 'months', 'label'])
    .where('set_id', '=', set.id)
    .orderBy('id')
    .execute();
  return {
    id: set.id,
    effectiveFrom: String(set.effective_from),
    title: set.title,
    docRef: set.doc_ref,
    rules: rows.map((r) => ({ ...r, value: r.value === null ? null : Number(r.value) })),
  };
}
