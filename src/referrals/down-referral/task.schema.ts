import { z } from 'zod';
import { intQuery } from '../../platform/params.ts';
import { TASK_STATUSES } from '../referral.schema.ts';

export const taskQuery = z.object({
  status: z.enum([...TASK_STATUSES, 'pending', 'all']).default('pending'),
  limit: intQuery({ min: 1, max: 500 }).default(100),
});
export type TaskQuery = z.infer<typeof taskQuery>;

export const noteBody = z.object({
  text: z.string().trim().min(1, '请填写随访记录').max(2000, '记录不能超过 2000 个字'),
  done: z.boolean().optional(),
});
export type NoteBody = z.infer<typeof noteBody>;
