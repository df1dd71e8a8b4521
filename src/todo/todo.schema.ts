import { z } from 'zod';

/** The kinds of work the home page counts; each links to the list where the work is done. */
export const TODO_KEYS = [
  'referrals_awaiting',
  'down_referral_tasks',
  'exams_to_perform',
  'exams_to_report',
  'sessions_as_expert',
  'sessions_at_my_org',
  'sessions_to_approve',
  'discharges_to_settle',
  'admissions_to_check',
  'grid_alerts',
  'followups_due',
  'contracts_to_renew',
  'stock_near_expiry',
  'recall_calls',
  'deliveries_to_receive',
  'ems_calls_waiting',
  'ems_missions_active',
  'ems_my_missions',
  'ems_patients_expected',
  'remote_to_read',
  'remote_to_review',
  'remote_reports_unread',
  'remote_criticals_unacked',
  'remote_tasks_open',
] as const;
export type TodoKey = (typeof TODO_KEYS)[number];

export const todoItem = z.object({
  key: z.enum(TODO_KEYS),
  count: z.number().int(),
  /** of `count`, the ones to do first: escalated, overdue or urgent */
  attention: z.number().int(),
  /** the web page where this work is done */
  link: z.string(),
});
export type TodoItem = z.infer<typeof todoItem>;

export const todoList = z.object({ items: z.array(todoItem) });
export type TodoList = z.infer<typeof todoList>;
