import { z } from 'zod';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM');

/** The booking office's rules for a county; every figure is shown where it is used. */
export const clinicSettings = z.object({
  releaseDays: z.number().int().describe('slots open this many days before the session'),
  releaseTime: z.string().describe('at this Shanghai time of day'),
  cancelCutoffMinutes: z.number().int().describe('cancellation allowed until this long before the slot'),
  referralHoldHours: z
    .number()
    .int()
    .describe('slots held for referred patients (三优先) until this long before the session'),
  noShowLimit: z.number().int(),
  noShowWindowDays: z.number().int(),
  suspensionDays: z.number().int(),
  minutesPerPatient: z.number().int().describe("for the estimated wait on the patient's phone"),
  avgOutOfCountyCostFen: z.number().int(),
  avgTravelCostFen: z.number().int(),
  avgInCountyCostFen: z.number().int(),
});
export type ClinicSettings = z.infer<typeof clinicSettings>;

const int = (min: number, max: number, label: string) =>
  z.number().int(`${label}应为整数`).min(min, `${label}不能小于 ${min}`).max(max, `${label}不能大于 ${max}`).optional();

export const clinicSettingsPatch = z.object({
  releaseDays: int(0, 90, '提前放号天数'),
  releaseTime: clock.optional(),
  cancelCutoffMinutes: int(0, 10080, '取消截止分钟数'),
  referralHoldHours: int(0, 720, '转诊预留小时数'),
  noShowLimit: int(1, 20, '爽约次数上限'),
  noShowWindowDays: int(1, 365, '爽约统计天数'),
  suspensionDays: int(1, 365, '暂停预约天数'),
  minutesPerPatient: int(1, 120, '每位患者就诊分钟数'),
  avgOutOfCountyCostFen: int(0, 1e10, '县外就医平均费用'),
  avgTravelCostFen: int(0, 1e10, '平均交通住宿费用'),
  avgInCountyCostFen: int(0, 1e10, '县内就医平均费用'),
});
export type ClinicSettingsPatch = z.infer<typeof clinicSettingsPatch>;
