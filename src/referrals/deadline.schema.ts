import { z } from 'zod';
import { URGENCIES } from './referral.states.ts';

const minutes = z.number().int('请填写整数分钟').min(1, '时限至少 1 分钟').max(10080, '时限最长 7 天').optional();

export const deadlineSetting = z.object({
  urgency: z.enum(URGENCIES),
  acceptMinutes: z.number(),
  isDefault: z.boolean(),
});
export type DeadlineSetting = z.infer<typeof deadlineSetting>;
export const deadlineSettings = z.array(deadlineSetting);

export const deadlinePatch = z.object({ emergency: minutes, urgent: minutes, routine: minutes }).strict();
export type DeadlinePatch = z.infer<typeof deadlinePatch>;
