import { z } from 'zod';
import { listQueryWith, pageOf } from '../../platform/list.schema.ts';
import { referralTask, TASK_STATUSES } from '../referral.schema.ts';

export const TASK_SORTS = ['dueOn', 'createdAt', 'status'] as const;
/** q: the patient's name (prefix) or the task's title */
export const taskQuery = listQueryWith(TASK_SORTS).extend({
  status: z.enum([...TASK_STATUSES, 'pending', 'all'], { error: '状态不正确' }).default('pending'),
});
export type TaskQuery = z.infer<typeof taskQuery>;
/** counts: the caller's open (to confirm) and confirmed (to follow up) tasks, whatever the filter */
export const taskPage = pageOf(referralTask).extend({
  counts: z.object({ open: z.number(), confirmed: z.number() }),
});

export const noteBody = z.object({
  text: z.string().trim().min(1, '请填写随访记录').max(2000, '记录不能超过 2000 个字'),
  done: z.boolean().optional(),
});
export type NoteBody = z.infer<typeof noteBody>;
