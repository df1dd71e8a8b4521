import { z } from 'zod';
import { listQueryWith } from '../platform/list.schema.ts';
import { intQuery, isoDate } from '../platform/params.ts';
import { CALL_OUTCOMES, CASE_STATES, DISEASES, END_REASONS, FOLLOWED_DISEASES } from './chronic.tables.ts';

/** The chronic-disease API's contract (issue 11): registries, follow-ups, grids, day list, figures. */

const id = (label: string) =>
  z
    .number({ error: `请选择${label}` })
    .int()
    .positive(`请选择${label}`)
    .max(2147483647);
const uuid = z.uuid('客户端编号应为 UUID');
const deviceAt = z.iso.datetime({ offset: true, error: '设备时间格式不正确' }).optional();
const optText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过 ${max} 个字`).optional();

export const caseCreate = z.object({
  residentId: id('居民'),
  disease: z.enum(DISEASES, { error: '病种不正确' }),
  state: z.enum(['screened', 'confirmed', 'managed'], { error: '建档状态应为筛查、确诊或纳入管理' }),
  onDate: isoDate('日期'),
});
export const caseTransition = z.object({
  to: z.enum(CASE_STATES, { error: '目标状态不正确' }),
  onDate: isoDate('日期'),
  reason: z.enum(END_REASONS, { error: '终止管理原因应为死亡、迁出或拒绝' }).optional(),
  note: optText('说明', 200),
});
export const CASE_DUE = ['overdue', 'today', 'week'] as const;
export const caseQuery = listQueryWith(['nextDue', 'lastFollowup', 'name']).extend({
  disease: z.enum(DISEASES, { error: '病种不正确' }).optional(),
  state: z.enum(CASE_STATES, { error: '状态不正确' }).optional(),
  due: z.enum(CASE_DUE, { error: '随访到期筛选不正确' }).optional(),
  orgId: intQuery().optional(),
  gridId: intQuery().optional(),
  lastClass: intQuery({ min: 1, max: 4 }).optional(),
  on: isoDate('查询日期').optional(),
});
export type CaseQuery = z.infer<typeof caseQuery>;

const num = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}应为数字` })
    .min(min, `${label}不能小于 ${min}`)
    .max(max, `${label}不能大于 ${max}`);
const int = (label: string, min: number, max: number) => num(label, min, max).int(`${label}应为整数`);

export const ADHERENCE = ['regular', 'intermittent', 'none', 'refused'] as const;
export const ADHERENCE_REASONS = ['economic', 'forgot', 'adr', 'inconvenient', 'other'] as const;
export const HYPO = ['none', 'occasional', 'frequent'] as const;
export const SALT = ['light', 'medium', 'heavy'] as const;
export const PSYCH = ['good', 'fair', 'poor'] as const;
export const COMPLIANCE = ['good', 'fair', 'poor'] as const;
export const HTN_SYMPTOMS = [
  'none',
  'headache_dizzy',
  'nausea',
  'tinnitus',
  'dyspnoea',
  'palpitation',
  'nosebleed',
  'numbness',
  'oedema',
  'other',
] as const;
export const DM_SYMPTOMS = [
  'none',
  'polydipsia',
  'polyphagia',
  'polyuria',
  'blurred_vision',
  'infection',
  'numbness',
  'oedema',
  'weight_loss',
  'other',
] as const;
export const EMERGENCY_FLAGS = [
  'consciousness',
  'severe_headache',
  'chest_pain',
  'blurred_vision',
  'ketone_breath',
  'dehydration',
  'dyspnoea',
  'pregnancy',
  'other_danger',
] as const;

const lifestyle = z
  .object({
    cigarettes: int('日吸烟量', 0, 100).optional(),
    alcoholLiang: num('日饮酒量', 0, 50).optional(),
    exerciseTimes: int('每周运动次数', 0, 21).optional(),
    exerciseMinutes: int('每次运动时长', 0, 600).optional(),
    salt: z.enum(SALT).optional(),
    stapleGrams: int('主食量', 0, 2000).optional(),
  })
  .strict();

/** the 规范's follow-up form (hypertension and type-2 diabetes share most of it) */
export const followupCreate = z
  .object({
    id: uuid,
    caseId: id('慢病档案'),
    visitDate: isoDate('随访日期'),
    mode: z.enum(['clinic', 'home', 'phone'], { error: '随访方式应为门诊、家庭或电话' }),
    symptoms: z.array(z.string().max(20)).max(12).default([]),
    otherSymptom: optText('其他症状', 100),
    sbp: int('收缩压', 40, 300).optional(),
    dbp: int('舒张压', 20, 200).optional(),
    heartRate: int('心率', 20, 250).optional(),
    temperature: num('体温', 30, 45).optional(),
    weightKg: num('体重', 10, 300).optional(),
    targetWeightKg: num('目标体重', 10, 300).optional(),
    heightCm: num('身高', 50, 250).optional(),
    footPulse: z.enum(['normal', 'weak', 'absent']).optional(),
    lifestyle: lifestyle.default({}),
    lifestyleTarget: lifestyle.default({}),
    psychology: z.enum(PSYCH).optional(),
    compliance: z.enum(COMPLIANCE).optional(),
    glucose: z
      .object({
        kind: z.enum(['fasting', 'post_meal', 'random'], { error: '血糖类型应为空腹、餐后或随机' }),
        value: num('血糖', 0.5, 1100),
        unit: z.enum(['mmol/L', 'mg/dL'], { error: '血糖单位应为 mmol/L 或 mg/dL' }),
        sample: z.enum(['capillary', 'plasma'], { error: '血样应为末梢血或静脉血浆' }),
      })
      .optional(),
    hba1c: num('糖化血红蛋白', 3, 20).optional(),
    lipids: z
      .object({
        tc: num('总胆固醇', 0, 30).optional(),
        ldl: num('LDL', 0, 30).optional(),
        hdl: num('HDL', 0, 10).optional(),
        tg: num('甘油三酯', 0, 50).optional(),
      })
      .strict()
      .optional(),
    adherence: z.enum(ADHERENCE, { error: '服药依从性应为规律、间断、不服药或拒绝服药' }),
    adherenceReason: z.enum(ADHERENCE_REASONS).optional(),
    adr: z.enum(['none', 'controllable', 'uncontrollable'], { error: '药物不良反应选项不正确' }).default('none'),
    adrText: optText('不良反应描述', 200),
    hypoglycaemia: z.enum(HYPO).optional(),
    complication: z.enum(['none', 'new', 'worse'], { error: '并发症选项不正确' }).default('none'),
    complicationText: optText('并发症描述', 200),
    emergencyFlags: z
      .array(z.enum(EMERGENCY_FLAGS, { error: '危急情况选项不正确' }))
      .max(9)
      .default([]),
    drugs: z
      .array(z.object({ name: z.string().trim().min(1).max(40), dose: z.string().trim().max(40).optional() }))
      .max(10)
      .default([]),
    referralTargetOrgId: id('转诊机构').optional(),
    note: optText('备注', 500),
    // the kit readings of the visit day this follow-up takes its blood pressure / glucose from
    kitReadings: z
      .array(
        z.object({
          deviceId: z.string().trim().min(1, '设备编号不能为空').max(64),
          readingId: z.string().trim().min(4, '读数编号不正确').max(64),
        }),
        { error: '健康一体机读数格式不正确' },
      )
      .max(2, '同一次随访最多带入一条血压和一条血糖读数')
      .optional(),
    deviceAt,
  })
  .superRefine((f, ctx) => {
    if (f.sbp !== undefined && f.dbp !== undefined && f.dbp >= f.sbp)
      ctx.addIssue({ code: 'custom', message: '舒张压应低于收缩压', path: ['dbp'] });
    if ((f.sbp === undefined) !== (f.dbp === undefined))
      ctx.addIssue({ code: 'custom', message: '血压须同时填写收缩压和舒张压', path: ['sbp'] });
    if (f.adherence !== 'regular' && f.adherence !== 'refused' && !f.adherenceReason && f.adherence !== 'none')
      ctx.addIssue({ code: 'custom', message: '间断服药请选择原因', path: ['adherenceReason'] });
  });
export type FollowupCreate = z.infer<typeof followupCreate>;

export const screeningCreate = z.object({
  residentId: id('居民'),
  on: isoDate('测量日期'),
  sbp: int('收缩压', 40, 300),
  dbp: int('舒张压', 20, 200),
});

export const callCreate = z.object({
  caseId: id('慢病档案'),
  outcome: z.enum(CALL_OUTCOMES, { error: '联系结果应为已联系、无法联系、已迁出、已死亡或拒绝' }),
  note: optText('备注', 300),
  on: isoDate('联系日期'),
});

export const gridCreate = z.object({
  orgId: id('村卫生室'),
  name: z.string().trim().min(2, '网格名称至少 2 个字').max(40),
  memberStaffId: id('网格员'),
  doctorStaffId: id('村医'),
});
export const gridPatientAdd = z.object({ residentId: id('患者') });

export const readingCreate = z
  .object({
    id: uuid,
    residentId: id('患者'),
    kind: z.enum(['bp', 'glucose', 'observation'], { error: '记录类型应为血压、血糖或观察' }),
    sbp: int('收缩压', 40, 300).optional(),
    dbp: int('舒张压', 20, 200).optional(),
    glucose: num('血糖', 0.5, 60).optional(),
    glucoseTiming: z.enum(['fasting', 'post_meal', 'random']).optional(),
    symptoms: z.array(z.string().max(20)).max(12).default([]),
    medicationTaken: z.boolean().optional(),
    needsDoctor: z.boolean().default(false),
    note: optText('备注', 500),
    deviceAt,
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'bp' && (r.sbp === undefined || r.dbp === undefined))
      ctx.addIssue({ code: 'custom', message: '请填写收缩压和舒张压', path: ['sbp'] });
    if (r.kind === 'bp' && r.sbp !== undefined && r.dbp !== undefined && r.dbp >= r.sbp)
      ctx.addIssue({ code: 'custom', message: '舒张压应低于收缩压', path: ['dbp'] });
    if (r.kind === 'glucose' && r.glucose === undefined)
      ctx.addIssue({ code: 'custom', message: '请填写血糖值', path: ['glucose'] });
  });
export type ReadingCreate = z.infer<typeof readingCreate>;
export const readingHandle = z.object({ note: optText('处理说明', 200) });
export const gridLogCreate = z.object({
  weekStart: isoDate('周一日期'),
  attendees: int('参加人数', 0, 200),
  note: z.string().trim().min(2, '请填写交流记录').max(1000),
});

export const dayListQuery = z.object({ on: isoDate('日期').optional() });

export const CALIBERS = ['four', 'quarterly'] as const;
export const LEVELS = ['county', 'township', 'village', 'grid'] as const;
export const figuresQuery = z.object({
  year: intQuery({ min: 2000, max: 2100, message: '年份不正确' }),
  level: z.enum(LEVELS, { error: '汇总层级应为县、乡镇、村或网格' }).default('township'),
  caliber: z.enum(CALIBERS, { error: '规范管理口径应为全年 4 次或每季度 1 次' }).default('four'),
  orgId: intQuery().optional(),
  on: isoDate('截至日期').optional(),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;
export const FIGURES = [
  'signed',
  'renewed',
  'fulfilment',
  'managed',
  'standard',
  'controlled',
  'simple_controlled',
  'simple_lost',
] as const;
export const recordsQuery = figuresQuery.extend({
  figure: z.enum(FIGURES, { error: '指标不正确' }),
  disease: z.enum(FOLLOWED_DISEASES, { error: '病种不正确' }).default('htn'),
  part: z.enum(['numerator', 'denominator'], { error: '应为分子或分母' }).default('numerator'),
  page: intQuery({ min: 1, max: 10_000 }).default(1),
  pageSize: intQuery({ min: 1, max: 100 }).default(20),
});
export type RecordsQuery = z.infer<typeof recordsQuery>;
export const baseDataPut = z.object({
  year: z.number().int().min(2000).max(2100),
  rows: z
    .array(
      z.object({
        orgId: id('地区'),
        pop35Plus: z.number().int().min(0).max(5_000_000),
        htnPrevalencePct: num('高血压患病率', 0, 100),
        t2dmPrevalencePct: num('糖尿病患病率', 0, 100),
      }),
    )
    .min(1)
    .max(500),
});
