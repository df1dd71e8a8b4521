import { sql } from 'kysely';
import { writeAudit } from '../platform/audit.ts';
import { todayInShanghai } from '../platform/calendar.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, badRequest, conflict, notFound } from '../platform/errors.ts';
import type { Package, Rule, Tier } from './calc.ts';
import type { PolicyVersion, PolicyVersionDetail, PolicyVersionSave } from './settlement.schema.ts';
import './settlement.tables.ts';

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

export function toRule(r: Record<string, unknown>): Rule {
  const tiers = r.tiers === null ? null : ((typeof r.tiers === 'string' ? JSON.parse(r.tiers) : r.tiers) as Tier[]);
  return {
    id: Number(r.id),
    scheme: r.scheme as Rule['scheme'],
    person_cat: r.person_cat as Rule['person_cat'],
    setting: r.setting as Rule['setting'],
    layer: r.layer as Rule['layer'],
    hosp_level: r.hosp_level as Rule['hosp_level'],
    deductible_fen: num(r.deductible_fen as string | null),
    deductible_per: (r.deductible_per as Rule['deductible_per']) ?? null,
    ratio_bp: num(r.ratio_bp as number | null),
    threshold_fen: num(r.threshold_fen as string | null),
    tiers:
      tiers?.map((t) => ({
        upto_fen: t.upto_fen === null ? null : Number(t.upto_fen),
        ratio_bp: Number(t.ratio_bp),
      })) ?? null,
    annual_cap_fen: num(r.annual_cap_fen as string | null),
    cap_fen: num(r.cap_fen as string | null),
    cap_scope: (r.cap_scope as Rule['cap_scope']) ?? null,
    cap_period: (r.cap_period as Rule['cap_period']) ?? null,
    amount_fen: num(r.amount_fen as string | null),
    diseases: (r.diseases as string[] | null) ?? null,
    doc_ref: (r.doc_ref as string | null) ?? null,
  };
}

export function toPackage(p: Record<string, unknown>): Package {
  return {
    id: Number(p.id),
    code: String(p.code),
    disease_name: String(p.disease_name),
    icd_prefixes: p.icd_prefixes as string[],
    hosp_level: p.hosp_level as Package['hosp_level'],
    org_id: p.org_id === null ? null : Number(p.org_id),
    fixed_price_fen: Number(p.fixed_price_fen),
    patient_share_bp: Number(p.patient_share_bp),
    doc_ref: (p.doc_ref as string | null) ?? null,
  };
}

export interface VersionInForce {
  id: number;
  versionNo: number;
  title: string;
  demo: boolean;
  rules: Rule[];
  packages: Package[];
}

/**
 * A published version never changes (the database refuses), so its rules are read once per
 * process: keyed by id and publication instant, which no other database's version shares.
 */
const published = new Map<string, { rules: Rule[]; packages: Package[] }>();

/** the published version in force on a Shanghai calendar day, with its rules and packages */
export async function versionOn(trx: Kdb, countyId: number, day: string): Promise<VersionInForce | null> {
  const v = await trx
    .selectFrom('settlement_policy_versions')
    .select(['id', 'version_no', 'title', 'demo', 'published_at'])
    .where('county_id', '=', countyId)
    .where('status', '=', 'published')
    .where('effective_from', '<=', day)
    .orderBy('effective_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!v) return null;
  const key = `${v.id}:${v.published_at ? new Date(v.published_at).toISOString() : ''}`;
  let content = published.get(key);
  if (!content) {
    content = await contentOf(trx, v.id);
    if (published.size > 100) published.clear();
    published.set(key, content);
  }
  return { id: v.id, versionNo: v.version_no, title: v.title, demo: v.demo, ...content };
}

export async function contentOf(trx: Kdb, versionId: number): Promise<{ rules: Rule[]; packages: Package[] }> {
  const rules = await trx
    .selectFrom('settlement_rules')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('id')
    .execute();
  const packages = await trx
    .selectFrom('settlement_packages')
    .selectAll()
    .where('version_id', '=', versionId)
    .orderBy('id')
    .execute();
  return { rules: rules.map((r) => toRule(r)), packages: packages.map((p) => toPackage(p)) };
}

const countyOf = (ctx: Ctx) => ctx.actor.countyId;

async function versionRow(trx: Kdb, ctx: Ctx, id: number) {
  const v = await trx
    .selectFrom('settlement_policy_versions')
    .selectAll()
    .where('id', '=', id)
    .where('county_id', '=', countyOf(ctx))
    .executeTakeFirst();
  if (!v) throw notFound('政策参数版本');
  return v;
}

const toVersion = (v: {
  id: number;
  version_no: number;
  title: string;
  effective_from: string | Date;
  doc_ref: string;
  demo: boolean;
  status: 'draft' | 'published';
  based_on: number | null;
  published_at: Date | null;
  created_at: Date;
}): PolicyVersion => ({
  id: v.id,
  versionNo: v.version_no,
  title: v.title,
  effectiveFrom: typeof v.effective_from === 'string' ? v.effective_from : v.effective_from.toISOString().slice(0, 10),
  docRef: v.doc_ref,
  demo: v.demo,
  status: v.status,
  basedOn: v.based_on,
  publishedAt: v.published_at ? new Date(v.published_at).toISOString() : null,
  createdAt: new Date(v.created_at).toISOString(),
});

export async function listVersions(ctx: Ctx): Promise<{ items: PolicyVersion[]; inForceId: number | null }> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const rows = await trx
      .selectFrom('settlement_policy_versions')
      .selectAll()
      .where('county_id', '=', countyOf(ctx))
      .orderBy('version_no', 'desc')
      .execute();
    const today = todayInShanghai();
    const inForce = rows
      .filter((r) => r.status === 'published' && toVersion(r).effectiveFrom <= today)
      .sort((a, b) => (toVersion(b).effectiveFrom > toVersion(a).effectiveFrom ? 1 : -1))[0];
    return { items: rows.map(toVersion), inForceId: inForce?.id ?? null };
  });
}

export async function getVersion(ctx: Ctx, id: number): Promise<PolicyVersionDetail> {
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const v = await versionRow(trx, ctx, id);
    return { ...toVersion(v), ...(await contentOf(trx, id)) };
  });
}

/** A new draft, copied from a version (usually the one in force): the way every change starts. */
export async function createDraft(
  ctx: Ctx,
  input: { basedOn: number | null; title: string; effectiveFrom: string; docRef: string },
) {
  const id = await withScope(ctx.db, ctx.scope, async (trx) => {
    const countyId = countyOf(ctx);
    await sql`SELECT pg_advisory_xact_lock(hashtext('settlement_policy_versions'), ${countyId})`.execute(trx);
    const base = input.basedOn === null ? null : await versionRow(trx, ctx, input.basedOn);
    const next = await trx
      .selectFrom('settlement_policy_versions')
      .select((eb) => eb.fn.max('version_no').as('n'))
      .where('county_id', '=', countyId)
      .executeTakeFirst();
    const v = await trx
      .insertInto('settlement_policy_versions')
      .values({
        county_id: countyId,
        version_no: Number(next?.n ?? 0) + 1,
        title: input.title,
        effective_from: input.effectiveFrom,
        doc_ref: input.docRef,
        demo: base?.demo ?? false,
        based_on: base?.id ?? null,
        created_by: ctx.actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (base) {
      await sql`INSERT INTO settlement_rules (version_id, scheme, person_cat, setting, layer, hosp_level, deductible_fen,
          deductible_per, ratio_bp, threshold_fen, tiers, annual_cap_fen, cap_fen, cap_scope, cap_period, amount_fen, diseases, doc_ref)
        SELECT ${v.id}, scheme, person_cat, setting, layer, hosp_level, deductible_fen, deductible_per, ratio_bp, threshold_fen,
          tiers, annual_cap_fen, cap_fen, cap_scope, cap_period, amount_fen, diseases, doc_ref
        FROM settlement_rules WHERE version_id = ${base.id} ORDER BY id`.execute(trx);
      await sql`INSERT INTO settlement_packages (version_id, code, disease_name, icd_prefixes, hosp_level, org_id,
          fixed_price_fen, patient_share_bp, doc_ref)
        SELECT ${v.id}, code, disease_name, icd_prefixes, hosp_level, org_id, fixed_price_fen, patient_share_bp, doc_ref
        FROM settlement_packages WHERE version_id = ${base.id} ORDER BY id`.execute(trx);
    }
    await writeAudit(trx, ctx.audit, {
      action: 'settlement.policy.draft',
      resource: 'settlement_policy_version',
      resourceId: v.id,
      detail: { basedOn: base?.id ?? null, effectiveFrom: input.effectiveFrom },
    });
    return v.id;
  });
  return getVersion(ctx, id);
}

const policyDbError = (err: unknown): unknown => {
  if (err instanceof Error && 'constraint' in err) {
    if (err.constraint === 'settlement_policy_frozen')
      return conflict('POLICY_PUBLISHED', '已发布的政策版本不能修改：请新建一个版本');
    if (err.constraint === 'settlement_policy_versions_one_per_day')
      return conflict('EFFECTIVE_DAY_TAKEN', '该生效日已有一个已发布的版本');
    if (err.constraint === 'settlement_rules_version_id_scheme_person_cat_setting_layer_hosp_level_key')
      return badRequest('DUPLICATE_RULE', '同一险种、人员类别、就医类型、层次和医院级别只能有一条规则', 'rules');
    if (err.constraint === 'settlement_packages_version_id_code_hosp_level_key')
      return badRequest('DUPLICATE_PACKAGE', '同一病种编码和医院级别只能有一个定额', 'packages');
    if ('code' in err && err.code === '23514')
      return badRequest('RULE_INCOMPLETE', '规则参数不完整：起付线、比例、封顶等必填项请填写完整', 'rules');
  }
  return err;
};

/** Replaces a draft's header, rules and packages; a published version refuses (in the database too). */
export async function saveDraft(ctx: Ctx, id: number, input: PolicyVersionSave): Promise<PolicyVersionDetail> {
  await withScope(ctx.db, ctx.scope, async (trx) => {
    const v = await versionRow(trx, ctx, id);
    if (v.status !== 'draft') throw conflict('POLICY_PUBLISHED', '已发布的政策版本不能修改：请新建一个版本');
    await trx
      .updateTable('settlement_policy_versions')
      .set({ title: input.title, effective_from: input.effectiveFrom, doc_ref: input.docRef })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('settlement_rules').where('version_id', '=', id).execute();
    await trx.deleteFrom('settlement_packages').where('version_id', '=', id).execute();
    if (input.rules.length)
      await trx
        .insertInto('settlement_rules')
        .values(
          input.rules.map((r) => ({
            version_id: id,
            scheme: r.scheme,
            person_cat: r.personCat,
            setting: r.setting,
            layer: r.layer,
            hosp_level: r.hospLevel,
            deductible_fen: r.deductibleFen ?? null,
            deductible_per: r.deductiblePer ?? null,
            ratio_bp: r.ratioBp ?? null,
            threshold_fen: r.thresholdFen ?? null,
            tiers: r.tiers ? JSON.stringify(r.tiers.map((t) => ({ upto_fen: t.uptoFen, ratio_bp: t.ratioBp }))) : null,
            annual_cap_fen: r.annualCapFen ?? null,
            cap_fen: r.capFen ?? null,
            cap_scope: r.capScope ?? null,
            cap_period: r.capPeriod ?? null,
            amount_fen: r.amountFen ?? null,
            diseases: r.diseases ?? null,
            doc_ref: r.docRef ?? null,
          })),
        )
        .execute();
    if (input.packages.length)
      await trx
        .insertInto('settlement_packages')
        .values(
          input.packages.map((p) => ({
            version_id: id,
            code: p.code,
            disease_name: p.diseaseName,
            icd_prefixes: p.icdPrefixes,
            hosp_level: p.hospLevel,
            org_id: p.orgId ?? null,
            fixed_price_fen: p.fixedPriceFen,
            patient_share_bp: p.patientShareBp,
            doc_ref: p.docRef ?? null,
          })),
        )
        .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'settlement.policy.save',
      resource: 'settlement_policy_version',
      resourceId: id,
      detail: { rules: input.rules.length, packages: input.packages.length },
    });
  }).catch((err: unknown) => {
    throw policyDbError(err);
  });
  return getVersion(ctx, id);
}

/**
 * Publishes a draft: from its effective day it is the policy; from then on it never changes.
 * Not back-dated: a settlement already made keeps the version it used anyway, and a new
 * version starting in the past would make tomorrow's recalculation of today's bill differ.
 */
export async function publish(ctx: Ctx, id: number, now: Date = new Date()): Promise<PolicyVersionDetail> {
  await withScope(ctx.db, ctx.scope, async (trx) => {
    const v = await versionRow(trx, ctx, id);
    if (v.status !== 'draft') throw conflict('POLICY_PUBLISHED', '该版本已发布');
    const from = toVersion(v).effectiveFrom;
    if (from < todayInShanghai(now))
      throw badRequest(
        'BACKDATED',
        `生效日期不能早于今天（${todayInShanghai(now)}）：已结算的单据按原版本保留`,
        'effectiveFrom',
      );
    const { rules } = await contentOf(trx, id);
    if (!rules.some((r) => r.layer === 'basic'))
      throw badRequest('NO_BASIC_RULE', '版本中没有任何基本医保规则，不能发布', 'rules');
    await trx
      .updateTable('settlement_policy_versions')
      .set({ status: 'published', published_by: ctx.actor.id, published_at: now })
      .where('id', '=', id)
      .execute();
    await writeAudit(trx, ctx.audit, {
      action: 'settlement.policy.publish',
      resource: 'settlement_policy_version',
      resourceId: id,
      detail: { effectiveFrom: from, rules: rules.length },
    });
  }).catch((err: unknown) => {
    throw policyDbError(err);
  });
  return getVersion(ctx, id);
}

export const noPolicy = (day: string) =>
  new AppError(409, 'NO_POLICY', `${day} 没有生效的医保结算政策版本，请管理员先发布政策参数`);
