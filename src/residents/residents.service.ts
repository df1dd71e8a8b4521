import { writeAudit } from '../platform/audit.ts';
import { ageOn, todayInShanghai } from '../platform/calendar.ts';
import { must } from '../platform/must.ts';
import type { Ctx } from '../platform/context.ts';
import { withScope, type Kdb } from '../platform/db.ts';
import { AppError, conflict, isUniqueViolation, notFound, requireChanges } from '../platform/errors.ts';
import { countRows, exportFilter, exportRows, refuseIfTooMany, toXlsx, type SheetColumn } from '../platform/list.ts';
import { maskIdNumber, maskMobile } from '../platform/mask.ts';
import { parseIdNumber } from './id-number.ts';
import { namePinyin } from './pinyin.ts';
import * as q from './residents.queries.ts';
import type { Resident, ResidentCreate, ResidentPatch, ResidentSearch, RevealBody } from './residents.schema.ts';

const RESIDENT_ORG_KINDS = new Set(['village_clinic', 'township_center', 'community_center']);

/** Every response carries masked identifiers; full values leave only through reveal(). */
function toResident(r: q.ResidentRow): Resident {
  return {
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    idNumber: maskIdNumber(r.id_number),
    name: r.name,
    sex: r.sex,
    birthDate: r.birth_date,
    age: ageOn(r.birth_date, todayInShanghai()),
    mobile: maskMobile(r.mobile),
    village: r.village,
    householdNo: r.household_no,
    address: r.address,
    insuranceType: r.insurance_type as Resident['insuranceType'],
    registeredPoor: r.registered_poor,
    chronicConditions: r.chronic_conditions,
    deceasedOn: r.deceased_on,
    version: r.version,
  };
}

/** What kind of term the user typed decides the index: ID, mobile, pinyin or a name prefix. */
export function classify(term: string | undefined): q.Match {
  const t = (term ?? '').trim();
  if (!t) return { by: 'all' };
  if (/^\d{17}[\dXx]$/.test(t)) return { by: 'id_number', value: t.toUpperCase() };
  if (/^1\d{10}$/.test(t)) return { by: 'mobile', value: t };
  if (/^[A-Za-z]+$/.test(t)) return { by: 'pinyin', value: t.toLowerCase() };
  if (/^\d+$/.test(t)) throw new AppError(400, 'INVALID_SEARCH', '请输入完整的 18 位身份证号或 11 位手机号', 'q');
  return { by: 'name', value: t };
}

/** counting stops here: a county-wide list shows "10,000+" rather than scanning every resident */
const COUNT_CAP = 10_000;

/** What the audit row records of a search term: IDs and mobiles masked, names as typed. */
function auditTerm(match: q.Match, term: string | undefined) {
  return match.by === 'id_number'
    ? maskIdNumber(match.value)
    : match.by === 'mobile'
      ? maskMobile(match.value)
      : (term ?? '');
}

const searchOpts = (input: ResidentSearch) => ({ orgId: input.orgId, condition: input.condition, sort: input.sort });

export async function search(ctx: Ctx, input: ResidentSearch) {
  const match = classify(input.q);
  const page = { limit: input.pageSize, offset: (input.page - 1) * input.pageSize };
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const { rows } = await q.search(trx, ctx.scope.orgIds, match, { ...searchOpts(input), ...page });
    const count = await countRows(trx, q.matching(trx, ctx.scope.orgIds, match, searchOpts(input)), COUNT_CAP);
    await writeAudit(trx, ctx.audit, {
      action: 'resident.search',
      resource: 'resident',
      residentId: rows.length === 1 ? rows[0].id : null,
      detail: { matchedBy: match.by, term: auditTerm(match, input.q), results: rows.map((r) => r.id) },
    });
    return {
      ...count,
      page: input.page,
      pageSize: input.pageSize,
      items: rows.map(toResident),
      matchedBy: match.by,
    };
  });
}

const INSURANCE: Record<Resident['insuranceType'], string> = {
  employee: '城镇职工医保',
  resident: '城乡居民医保',
  none: '未参保',
};
const CONDITIONS: Record<string, string> = {
  hypertension: '高血压',
  diabetes: '糖尿病',
  copd: '慢阻肺',
  coronary: '冠心病',
  stroke: '脑卒中',
  tuberculosis: '肺结核',
  mental: '严重精神障碍',
  cancer: '恶性肿瘤',
};
const SHEET: Array<SheetColumn<Resident>> = [
  { header: '姓名', value: (r) => r.name, width: 10 },
  { header: '性别', value: (r) => (r.sex === 'M' ? '男' : '女'), width: 6 },
  { header: '出生日期', value: (r) => r.birthDate, width: 11 },
  { header: '年龄', value: (r) => r.age, width: 6 },
  { header: '身份证号', value: (r) => r.idNumber, width: 21 },
  { header: '手机号', value: (r) => r.mobile, width: 14 },
  { header: '村（社区）', value: (r) => r.village, width: 12 },
  { header: '户号', value: (r) => r.householdNo, width: 10 },
  { header: '住址', value: (r) => r.address, width: 24 },
  { header: '管理机构', value: (r) => r.orgName, width: 18 },
  { header: '医保类型', value: (r) => INSURANCE[r.insuranceType], width: 12 },
  { header: '建档立卡', value: (r) => (r.registeredPoor ? '是' : ''), width: 9 },
  { header: '慢病', value: (r) => r.chronicConditions.map((c) => CONDITIONS[c] ?? c).join('、'), width: 18 },
  { header: '死亡日期', value: (r) => r.deceasedOn, width: 11 },
];

/** The search's rows as Excel: identifiers masked by the same mapping as the screen; never a reveal. */
export async function exportXlsx(ctx: Ctx, input: ResidentSearch) {
  const match = classify(input.q);
  const result = await withScope(ctx.db, ctx.scope, (trx) =>
    exportRows(trx, ctx.audit, q.matchingOrdered(trx, ctx.scope.orgIds, match, searchOpts(input)), {
      action: 'resident.export',
      resource: 'resident',
      filter: { ...exportFilter(input), q: auditTerm(match, input.q) || undefined, matchedBy: match.by },
    }),
  );
  return toXlsx(refuseIfTooMany(result).map(toResident), SHEET, '居民名单');
}

/**
 * Out of scope and absent look the same (404); both are audited as denied reads. The denial
 * is written in the same transaction, which then commits, so the error is thrown after it.
 */
async function readOne(ctx: Ctx, trx: Kdb, id: number, action: string): Promise<q.ResidentRow | null> {
  const row = await q.findById(trx, id);
  if (!row)
    await writeAudit(trx, ctx.audit, {
      action,
      outcome: 'denied',
      resource: 'resident',
      resourceId: id,
      residentId: id,
    });
  return row ?? null;
}

const found = <T>(value: T | null): T => {
  if (value === null) throw notFound('居民');
  return value;
};

/**
 * For interfaces that identify a resident by ID number inside their own scoped transaction
 * (the HIS interface): the resident's id and org, or null when no resident in scope has it.
 * The number must already be validated (parseIdNumber); nothing is audited here, the caller
 * records what it did with the match.
 */
export async function findByIdNumber(trx: Kdb, idNumber: string): Promise<{ id: number; orgId: number } | null> {
  const row = await q.idByIdNumber(trx, idNumber);
  return row ? { id: row.id, orgId: row.org_id } : null;
}

export async function get(ctx: Ctx, id: number) {
  return found(
    await withScope(ctx.db, ctx.scope, async (trx) => {
      const row = await readOne(ctx, trx, id, 'resident.read');
      if (!row) return null;
      await writeAudit(trx, ctx.audit, {
        action: 'resident.read',
        resource: 'resident',
        resourceId: id,
        residentId: id,
      });
      return toResident(row);
    }),
  );
}

export async function reveal(ctx: Ctx, id: number, input: RevealBody) {
  return found(
    await withScope(ctx.db, ctx.scope, async (trx) => {
      const row = await readOne(ctx, trx, id, 'resident.reveal');
      if (!row) return null;
      await writeAudit(trx, ctx.audit, {
        action: 'resident.reveal',
        resource: 'resident',
        resourceId: id,
        residentId: id,
        detail: { fields: input.fields, reason: input.reason },
      });
      return {
        ...(input.fields.includes('idNumber') ? { idNumber: row.id_number } : {}),
        ...(input.fields.includes('mobile') ? { mobile: row.mobile } : {}),
      };
    }),
  );
}

function checkOrg(ctx: Ctx, orgId: number) {
  const node = ctx.platform.orgTree.get(orgId);
  if (!node || !ctx.scope.orgIds.includes(orgId))
    throw new AppError(403, 'OUT_OF_SCOPE', '所选管理机构不在您的管辖范围内', 'orgId');
  if (!RESIDENT_ORG_KINDS.has(node.kind))
    throw new AppError(400, 'INVALID_ORG', '居民应由村卫生室或乡镇/社区卫生服务中心管理', 'orgId');
  return node;
}

export async function create(ctx: Ctx, input: ResidentCreate) {
  const parsed = parseIdNumber(input.idNumber);
  if (!parsed.ok) throw new AppError(400, 'INVALID_ID_NUMBER', parsed.message, 'idNumber');
  const { info } = parsed;
  if (input.sex && input.sex !== info.sex)
    throw new AppError(
      400,
      'SEX_MISMATCH',
      `性别与身份证号不符（身份证号显示为${info.sex === 'M' ? '男' : '女'}）`,
      'sex',
    );
  if (input.birthDate && input.birthDate !== info.birthDate)
    throw new AppError(
      400,
      'BIRTH_DATE_MISMATCH',
      `出生日期与身份证号不符（身份证号显示为 ${info.birthDate}）`,
      'birthDate',
    );
  const node = checkOrg(ctx, input.orgId ?? ctx.actor.orgId);
  const py = namePinyin(input.name);
  return withScope(ctx.db, ctx.scope, async (trx) => {
    const existing = await q.findDuplicate(trx, info.normalized);
    if (existing) {
      throw conflict(
        'DUPLICATE_RESIDENT',
        `该身份证号已登记：居民 ${existing.masked_name}（编号 ${existing.id}，${existing.org_name}）`,
        { existingId: existing.id, field: 'idNumber' },
      );
    }
    const row = await q.insert(trx, {
      county_id: node.countyId,
      org_id: node.id,
      id_number: info.normalized,
      name: input.name,
      name_pinyin: py.full,
      name_initials: py.initials,
      sex: info.sex,
      birth_date: info.birthDate,
      mobile: input.mobile ?? null,
      village: input.village ?? null,
      household_no: input.householdNo ?? null,
      address: input.address ?? null,
      insurance_type: input.insuranceType,
      registered_poor: input.registeredPoor,
      chronic_conditions: input.chronicConditions,
    });
    await writeAudit(trx, ctx.audit, {
      action: 'resident.create',
      resource: 'resident',
      resourceId: row.id,
      residentId: row.id,
    });
    return toResident(must(await q.findById(trx, row.id), 'the resident just written'));
  }).catch((err: unknown) => {
    // a concurrent twin slipped past the pre-check: the unique index still says no
    if (isUniqueViolation(err, 'residents_id_number_key')) {
      throw conflict('DUPLICATE_RESIDENT', '该身份证号刚刚已被登记，请重新搜索', { field: 'idNumber' });
    }
    throw err;
  });
}

export async function patch(ctx: Ctx, id: number, input: ResidentPatch) {
  requireChanges(input, ['version']);
  if (input.orgId !== undefined) checkOrg(ctx, input.orgId);
  const py = input.name ? namePinyin(input.name) : undefined;
  return found(
    await withScope(ctx.db, ctx.scope, async (trx) => {
      const before = await readOne(ctx, trx, id, 'resident.update');
      if (!before) return null;
      const ok = await q.update(trx, id, input.version, {
        name: input.name,
        name_pinyin: py?.full,
        name_initials: py?.initials,
        mobile: input.mobile,
        org_id: input.orgId,
        village: input.village,
        household_no: input.householdNo,
        address: input.address,
        insurance_type: input.insuranceType,
        registered_poor: input.registeredPoor,
        chronic_conditions: input.chronicConditions,
        deceased_on: input.deceasedOn,
      });
      if (!ok)
        throw conflict('STALE_VERSION', `该居民档案已被他人修改（当前版本 ${before.version}），请刷新后再编辑`, {
          currentVersion: before.version,
        });
      const changed = Object.keys(input).filter((k) => k !== 'version');
      await writeAudit(trx, ctx.audit, {
        action: 'resident.update',
        resource: 'resident',
        resourceId: id,
        residentId: id,
        detail: { changed },
      });
      const after = await q.findById(trx, id);
      // moved to an org outside the editor's scope: the edit stands, the record leaves their view
      return after ? toResident(after) : toResident({ ...before, version: before.version + 1 });
    }),
  );
}

export async function stats(ctx: Ctx) {
  const rows = await q.countsByOrg(ctx.db, ctx.actor.countyId);
  const tree = ctx.platform.orgTree;
  await writeAudit(ctx.db, ctx.audit, { action: 'resident.stats', resource: 'resident' });
  const names = new Map((await q.orgNames(ctx.db, ctx.actor.countyId)).map((o) => [o.id, o.name]));
  return rows
    .filter((r) => tree.get(r.org_id))
    .map((r) => ({
      orgId: r.org_id,
      orgName: names.get(r.org_id) ?? '',
      residents: Number(r.residents),
      poor: r.poor,
      hypertension: r.hypertension,
      diabetes: r.diabetes,
    }));
}
