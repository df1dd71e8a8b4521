import { z } from 'zod';
import { listQuery } from '../platform/list.schema.ts';
import { intQuery } from '../platform/params.ts';

/**
 * 村医健康服务包一体机 (issue 12 §6): what a kit sends and what the kit pages ask, shared by the
 * server and the web. The batch's shape is checked here (a malformed batch is refused whole);
 * the values themselves are judged item by item against kit_limits (refused or flagged per
 * reading), so one bad reading never costs the batch.
 */
export const KIT_KINDS = ['bp', 'glucose', 'spo2', 'temperature', 'ecg'] as const;
export type KitKindCode = (typeof KIT_KINDS)[number];
export const GLUCOSE_CTX = ['fasting', 'postprandial', 'random'] as const;
export const ECG_PATTERNS = ['normal', 'inferior_stemi'] as const;
/** most readings one batch may carry */
export const KIT_BATCH_MAX = 200;

const DEVICE_ID = /^[A-Za-z0-9_-]{4,40}$/;
const READING_ID = /^[A-Za-z0-9_.:-]{4,64}$/;

export const deviceId = z
  .string({ error: '请填写一体机设备编号' })
  .trim()
  .regex(DEVICE_ID, '设备编号应为 4–40 位字母、数字、下划线或连字符');

const value = (label: string) => z.number({ error: `${label}应为数字` }).optional();

/** a lead's samples in microvolts, or the same as little-endian int16 in base64 (compact) */
export const kitEcg = z
  .object({
    leads: z.union([z.literal(1), z.literal(12)], { error: '心电导联数应为 1 或 12' }),
    sampleRateHz: z
      .number({ error: '采样率应为整数（Hz）' })
      .int('采样率应为整数（Hz）')
      .min(100, '采样率应为 100–2000 Hz')
      .max(2000, '采样率应为 100–2000 Hz'),
    samplesUv: z
      .array(z.array(z.number().int('心电采样值应为整数（微伏）').min(-32768).max(32767)).max(60_000), {
        error: '心电采样值应为每导联一组整数（微伏）',
      })
      .optional(),
    samplesB64: z.array(z.string().max(160_000, '单导联心电数据过长'), { error: '心电数据格式不正确' }).optional(),
  })
  .refine((e) => (e.samplesUv ?? e.samplesB64) !== undefined, { error: '缺少心电波形数据（samplesUv 或 samplesB64）' });
export type KitEcg = z.infer<typeof kitEcg>;

export const kitReading = z.object({
  readingId: z
    .string({ error: '每条读数须有一体机的读数编号 readingId' })
    .regex(READING_ID, '读数编号应为 4–64 位字母、数字或 _ . : -'),
  residentId: z.number({ error: '请选择居民' }).int('请选择居民').positive('请选择居民').max(2147483647, '请选择居民'),
  kind: z.enum(KIT_KINDS, { error: '读数类型应为血压、血糖、血氧、体温或心电' }),
  measuredAt: z.iso
    .datetime({ offset: true, error: '测量时间应为带时区的时间（ISO 8601）' })
    .transform((s) => new Date(s)),
  systolic: value('收缩压'),
  diastolic: value('舒张压'),
  pulse: value('脉率'),
  glucose: value('血糖'),
  glucoseCtx: z.enum(GLUCOSE_CTX, { error: '血糖测量时机应为空腹、餐后或随机' }).optional(),
  spo2: value('血氧饱和度'),
  temperature: value('体温'),
  heartRate: value('心率'),
  ecg: kitEcg.optional(),
});
export type KitReadingIn = z.infer<typeof kitReading>;

export const kitBatch = z.object({
  deviceId,
  batchId: z.string().regex(READING_ID, '批次编号应为 4–64 位字母、数字或 _ . : -').optional(),
  readings: z
    .array(kitReading, { error: '请提供读数列表' })
    .min(1, '一批至少一条读数')
    .max(KIT_BATCH_MAX, `一批最多 ${KIT_BATCH_MAX} 条读数`),
});
export type KitBatch = z.infer<typeof kitBatch>;

export type KitItemStatus = 'stored' | 'duplicate' | 'refused';
export interface KitItemResult {
  readingId: string;
  status: KitItemStatus;
  /** why a reading was refused (Chinese, one line each) */
  reasons: string[];
  flagged: boolean;
  flagReasons: string[];
  /** an ECG: the reading request it became */
  requestId?: number;
  accession?: string;
}
export interface KitBatchResult {
  deviceId: string;
  batchId: string | null;
  receivedAt: string;
  stored: number;
  duplicates: number;
  refused: number;
  flagged: number;
  items: KitItemResult[];
}

const bool = z.enum(['true', 'false'], { error: '应为 true 或 false' }).optional();
const day = z.iso.date({ error: '日期格式应为 YYYY-MM-DD' }).optional();

export const readingQuery = listQuery.extend({
  residentId: intQuery({ message: '居民编号不正确' }).optional(),
  deviceId: deviceId.optional(),
  kind: z.enum(KIT_KINDS, { error: '读数类型不正确' }).optional(),
  flagged: bool,
  /** measured on or after this day (Asia/Shanghai) */
  from: day,
  /** measured on or before this day (Asia/Shanghai) */
  to: day,
});
export type ReadingQuery = z.infer<typeof readingQuery>;

export const flaggedQuery = listQuery.extend({
  /** true: reviewed ones too */
  all: bool,
});
export type FlaggedQuery = z.infer<typeof flaggedQuery>;

export const readingKey = z.object({
  deviceId,
  readingId: z.string().regex(READING_ID, '读数编号不正确'),
});

export const reviewBody = z.object({
  note: z.string().trim().max(200, '复核意见不超过 200 字').optional(),
});

export const deviceQuery = listQuery.extend({ active: bool });
export type DeviceQuery = z.infer<typeof deviceQuery>;

export const deviceCreate = z.object({
  id: deviceId,
  orgId: z.number({ error: '请选择所属村卫生室' }).int('请选择所属村卫生室').positive('请选择所属村卫生室'),
  model: z.string().trim().max(60, '型号不超过 60 字').optional(),
  hasEcg: z.boolean().default(true),
});
export type DeviceCreate = z.infer<typeof deviceCreate>;

export const deviceUpdate = z.object({ active: z.boolean({ error: '请指明启用或停用' }) });
export const deviceParam = z.object({ id: deviceId });
