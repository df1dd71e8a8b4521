import { z } from 'zod';
import { listQuery } from '../platform/list.schema.ts';
import { idParam, intQuery } from '../platform/params.ts';
import { CHANNELS, CREW_STEPS, EVENT_SOURCES, MILESTONES, OBSERVATION_KINDS, TEAMS } from './ems.states.ts';

/** The 120 API's contract (issue 13), shared by the server and the web pages. */

const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int(`请选择${label}`)
    .positive(`请选择${label}`)
    .max(2147483647, `请选择${label}`);
const instant = (label: string) =>
  z.iso.datetime({ offset: true, error: `${label}应为带时区的时间（ISO 8601）` }).transform((s) => new Date(s));
const clientId = z.uuid({ error: '提交编号应为设备生成的 UUID' });

export const callCreate = z
  .object({
    clientId,
    receivedAt: instant('呼入时间'),
    answeredAt: instant('接听时间'),
    callerPhone: z
      .string({ error: '请填写来电号码' })
      .transform((s) => s.replace(/\s+/g, ''))
      .pipe(z.string().regex(/^[0-9+-]{5,20}$/, '来电号码应为 5–20 位数字')),
    address: z
      .string({ error: '请填写呼救地点' })
      .trim()
      .min(2, '呼救地点至少 2 个字')
      .max(120, '呼救地点不能超过 120 个字'),
    villageOrgId: id('村庄').optional(),
    lat: z.number({ error: '请在地图上选择地点' }).min(-90).max(90),
    lng: z.number({ error: '请在地图上选择地点' }).min(-180).max(180),
    complaintCode: z.string({ error: '请选择主诉' }).regex(/^[A-Z0-9_]{2,20}$/, '请选择主诉'),
    triageLevel: z.number().int().min(1, '分级应为 1–4 级').max(4, '分级应为 1–4 级').optional(),
    channel: z.enum(CHANNELS, { error: '请选择绿色通道类型' }).optional(),
    residentId: id('居民').optional(),
    patientLabel: z.string().trim().min(1).max(40, '患者称呼不能超过 40 个字').optional(),
    patientSex: z.enum(['M', 'F'], { error: '性别应为男或女' }).optional(),
    patientAge: z.number().int('年龄应为整数').min(0, '年龄应为 0–120').max(120, '年龄应为 0–120').optional(),
    note: z.string().trim().max(500, '备注不能超过 500 个字').optional(),
  })
  .refine((c) => c.answeredAt.getTime() >= c.receivedAt.getTime(), {
    error: '接听时间不能早于呼入时间',
    path: ['answeredAt'],
  });
export type CallCreate = z.infer<typeof callCreate>;

export const callQuery = listQuery.extend({
  status: z.enum(['open', 'dispatched', 'closed', 'cancelled'], { error: '呼救状态不正确' }).optional(),
  channel: z.enum(CHANNELS, { error: '通道类型不正确' }).optional(),
  from: z.iso.date({ error: '开始日期格式应为 YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: '结束日期格式应为 YYYY-MM-DD' }).optional(),
});
export type CallQuery = z.infer<typeof callQuery>;

export const callCancel = z.object({
  reason: z.string({ error: '请填写取消原因' }).trim().min(2, '请填写取消原因').max(200, '取消原因不能超过 200 个字'),
});

export const dispatchBody = z.object({
  vehicleId: id('车辆'),
  destOrgId: id('目的医院').optional(),
});

export const vehicleStatusBody = z.object({
  action: z.enum(['out_of_service', 'in_service', 'back_in_station'], { error: '车辆操作不正确' }),
});

export const missionQuery = listQuery.extend({
  active: z.enum(['true', 'false'], { error: 'active 应为 true 或 false' }).optional(),
  channel: z.enum(CHANNELS, { error: '通道类型不正确' }).optional(),
  from: z.iso.date({ error: '开始日期格式应为 YYYY-MM-DD' }).optional(),
  to: z.iso.date({ error: '结束日期格式应为 YYYY-MM-DD' }).optional(),
});
export type MissionQuery = z.infer<typeof missionQuery>;

export const stepBody = z.object({
  clientId,
  action: z.enum(CREW_STEPS, { error: '车组操作不正确' }),
  at: instant('操作时间'),
});
export type StepBody = z.infer<typeof stepBody>;

export const eventBody = z.object({
  clientId,
  milestone: z.enum(MILESTONES, { error: '时间节点不正确' }),
  at: instant('发生时间'),
  source: z.enum(EVENT_SOURCES, { error: '来源不正确' }).optional(),
  note: z.string().trim().max(200, '备注不能超过 200 个字').optional(),
});
export type EventBody = z.infer<typeof eventBody>;

export const observationBody = z.object({
  clientId,
  kind: z.enum(OBSERVATION_KINDS, { error: '记录类型不正确' }),
  observedAt: instant('记录时间'),
  value: z.record(z.string(), z.unknown(), { error: '记录内容应为对象' }),
  file: z
    .object({
      name: z.string().trim().min(1).max(120, '文件名不能超过 120 个字'),
      type: z.string().trim().min(1).max(60),
      base64: z.string().min(1, '文件为空').max(7_000_000, '文件不能超过 5 MB'),
    })
    .optional(),
});
export type ObservationBody = z.infer<typeof observationBody>;

export const prealertBody = z.object({
  clientId,
  at: instant('预警时间'),
  etaMinutes: z
    .number({ error: '请填写预计到达分钟数' })
    .int()
    .min(1, '预计到达至少 1 分钟')
    .max(240, '预计到达不能超过 240 分钟'),
});

export const preadmissionQuery = z.object({
  status: z.enum(['expected', 'arrived', 'cancelled'], { error: '状态不正确' }).optional(),
});
export const activateBody = z.object({ team: z.enum(TEAMS, { error: '请选择要启动的团队' }) });
export const arriveBody = z.object({
  at: instant('到院时间'),
  edBypass: z.boolean({ error: '请选择是否绕行急诊' }),
  pathway: z.string().trim().max(60, '路径不能超过 60 个字').optional(),
  residentId: id('居民').optional(),
});
export const mergeBody = z.object({ residentId: id('居民') });
export const placeQuery = z.object({ q: z.string().trim().max(20, '搜索词不能超过 20 个字').optional() });
export const limitQuery = z.object({ limit: intQuery({ min: 1, max: 50 }).optional() });

/** 更正时间节点: the new time, why, and the time the corrector saw (two people correcting at once: one wins) */
export const correctionParams = idParam.extend({
  milestone: z.enum(MILESTONES, { error: '时间节点不正确' }),
});
export const correctionBody = z.object({
  at: instant('更正后的时间'),
  reason: z
    .string({ error: '请填写更正原因' })
    .trim()
    .min(2, '更正原因至少 2 个字')
    .max(200, '更正原因不能超过 200 个字'),
  expectedAt: instant('更正前的时间'),
});
export type CorrectionBody = z.infer<typeof correctionBody>;
/**
 * A batch of fixes from the crew's phone (or a dispatcher placing a vehicle by hand). Only the
 * shape is checked here: an implausible fix (off the county, too fast, a wrong phone clock) is
 * refused on its own with its reason while the others are stored.
 */
export const positionFix = z.object({
  clientId,
  lat: z.number({ error: '纬度应为数字' }),
  lng: z.number({ error: '经度应为数字' }),
  accuracyM: z.number({ error: '定位精度应为数字' }).optional(),
  speedKmh: z.number({ error: '车速应为数字' }).optional(),
  deviceAt: instant('定位时间'),
});
export const positionsBody = z.object({
  fixes: z
    .array(positionFix, { error: '请提交定位记录' })
    .min(1, '请至少提交一条定位记录')
    .max(50, '每次最多提交 50 条定位记录'),
});
export type PositionsBody = z.infer<typeof positionsBody>;
