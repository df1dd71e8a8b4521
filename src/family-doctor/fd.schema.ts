import { z } from 'zod';
import { listQueryWith } from '../platform/list.schema.ts';
import { isoDate, intQuery, personName } from '../platform/params.ts';
export type { ServiceKind } from './fd.tables.ts';
import { KEY_POPS, PACKAGE_CATEGORIES, PACKAGE_TARGETS, SERVICE_KINDS, TEAM_ROLES } from './fd.tables.ts';

/** The family-doctor API's contract (issue 11), shared by the server and the web pages. */

const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int()
    .positive(`请选择${label}`)
    .max(2147483647);
const reason = z.string().trim().min(2, '请填写原因（至少 2 个字）').max(200, '原因不能超过 200 个字');
const uuid = z.uuid('客户端编号应为 UUID');

export const teamMember = z.object({
  staffId: id('成员'),
  role: z.enum(TEAM_ROLES, { error: '成员角色不正确' }),
  fromDate: isoDate('加入日期'),
  toDate: isoDate('退出日期').optional(),
});
export const teamCreate = z.object({
  orgId: id('所属乡镇卫生院'),
  name: z.string().trim().min(2, '团队名称至少 2 个字').max(60, '团队名称不能超过 60 个字'),
  leadStaffId: id('团队长'),
  members: z.array(teamMember).min(2, '1+1+N 团队至少需要 2 名成员').max(40),
  villageOrgIds: z.array(id('服务村')).min(1, '请选择团队服务的村').max(60),
});
export type TeamCreate = z.infer<typeof teamCreate>;

export const packageItem = z.object({
  itemCode: z.string().regex(/^[a-z0-9_]{2,30}$/, '项目编码应为 2–30 位小写字母、数字或下划线'),
  name: z.string().trim().min(2, '项目名称至少 2 个字').max(60),
  serviceKind: z.enum(SERVICE_KINDS, { error: '服务类型不正确' }),
  quota: z.number().int('次数应为整数').min(1, '每期次数至少 1 次').max(365, '每期次数不能超过 365'),
  unit: z.string().trim().min(1).max(10).default('次'),
  countsAsFollowup: z.boolean().default(false),
});
export const packageCreate = z
  .object({
    code: z.string().regex(/^[A-Z0-9_-]{2,20}$/, '服务包编码应为 2–20 位大写字母、数字、- 或 _'),
    name: z.string().trim().min(2, '服务包名称至少 2 个字').max(60),
    category: z.enum(PACKAGE_CATEGORIES, { error: '服务包类别应为基础、个性化或有偿' }),
    target: z.enum(PACKAGE_TARGETS, { error: '适用人群不正确' }).optional(),
    fundPublicHealthFen: z.number().int().min(0).max(10_000_000).default(0),
    fundInsuranceFen: z.number().int().min(0).max(10_000_000).default(0),
    fundSelfFen: z.number().int().min(0).max(10_000_000).default(0),
    effectiveFrom: isoDate('生效日期'),
    items: z.array(packageItem).min(1, '服务包至少包含一个服务项目').max(40),
  })
  .refine((p) => p.category === 'paid' || p.fundSelfFen === 0, {
    error: '只有有偿服务包可以由个人付费',
    path: ['fundSelfFen'],
  })
  .refine((p) => new Set(p.items.map((i) => i.itemCode)).size === p.items.length, {
    error: '服务项目编码不能重复',
    path: ['items'],
  });
export type PackageCreate = z.infer<typeof packageCreate>;

/** a drawn signature (PNG) or a scanned paper contract (PNG/JPEG), as a data URL */
export const signatureImage = z
  .string()
  .max(900_000, '签名或扫描件图片过大（不超过约 600 KB），请压缩后再上传')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]{100,}$/, '请手写签名或上传纸质协议扫描件（PNG/JPEG）');

export const contractSign = z.object({
  /** one id per resident: a whole household is signed in one step, with one client id each */
  members: z
    .array(z.object({ residentId: id('居民'), clientId: uuid, keyPops: z.array(z.enum(KEY_POPS)).max(9).default([]) }))
    .min(1, '请选择签约居民')
    .max(20, '一次最多签约 20 人'),
  teamId: id('签约团队'),
  doctorStaffId: id('签约医生'),
  packageIds: z.array(id('服务包')).min(1, '请至少选择一个服务包').max(10),
  startDate: isoDate('签约开始日期'),
  cadreName: personName(20, '村干部姓名').optional(),
  signatureKind: z.enum(['drawn', 'scan'], { error: '签名方式应为手写签名或纸质扫描' }),
  signature: signatureImage,
  deviceAt: z.iso.datetime({ offset: true, error: '设备时间格式不正确' }).optional(),
});
export type ContractSign = z.infer<typeof contractSign>;

export const contractRenew = z.object({
  clientId: uuid,
  packageIds: z.array(id('服务包')).min(1, '请至少选择一个服务包').max(10).optional(),
  signatureKind: z.enum(['drawn', 'scan']),
  signature: signatureImage,
});
export const contractTerminate = z.object({ reason, endDate: isoDate('解约日期') });
export const contractChangeTeam = z.object({ teamId: id('新团队'), doctorStaffId: id('新签约医生'), reason });
export const deliveryCreate = z.object({
  contractId: id('签约'),
  serviceKind: z.enum(SERVICE_KINDS, { error: '服务类型不正确' }),
  deliveredOn: isoDate('服务日期'),
  clientId: uuid,
});

export const CONTRACT_VIEWS = ['all', 'active', 'renewal', 'idle', 'ended'] as const;
export const contractQuery = listQueryWith(['signedTo', 'fulfilment', 'name']).extend({
  view: z.enum(CONTRACT_VIEWS, { error: '列表视图不正确' }).default('active'),
  teamId: intQuery().optional(),
  orgId: intQuery().optional(),
  keyPop: z.enum(KEY_POPS, { error: '重点人群不正确' }).optional(),
  staffId: intQuery().optional(),
  on: isoDate('查询日期').optional(),
});
export type ContractQuery = z.infer<typeof contractQuery>;

export const settingsPatch = z
  .object({
    gridMaxPatients: z.number().int().min(1).max(200),
    doctorMaxGrids: z.number().int().min(1).max(100),
    renewalWindowDays: z.number().int().min(1).max(180),
    idleDays: z.number().int().min(7).max(365),
  })
  .partial();
