import * as sessions from '../clinics/session.service.ts';
import type { Ctx } from '../platform/context.ts';
import { POLICIES } from '../policy.ts';
import * as tasks from '../referrals/down-referral/task.service.ts';
import * as exams from '../referrals/exam-order.service.ts';
import * as referrals from '../referrals/referral.service.ts';
import * as desk from '../settlement/desk.service.ts';
import * as daylist from '../chronic/daylist.service.ts';
import { pharmacyTodo } from '../pharmacy/todo-counts.service.ts';
import { crewTodo, dispatchTodo, hospitalTodo } from '../ems/todo-counts.service.ts';
import { criticalTodo } from '../remote/criticals.read.service.ts';
import { readerTodo, requesterTodo } from '../remote/todo-counts.service.ts';
import type { TodoItem, TodoList } from './todo.schema.ts';

type Route = keyof typeof POLICIES;

/**
 * The caller's work, counted: each count is asked of the feature that owns it (through its
 * service), and only if the caller's roles may take the action the count leads to: a
 * township doctor is not shown exams to report, a reader is not shown referrals to accept.
 * Every count runs in the caller's org scope, under row-level security where the data has it.
 */
export async function todo(ctx: Ctx): Promise<TodoList> {
  const may = (route: Route) => POLICIES[route].roles.some((r) => ctx.actor.roles.includes(r));
  const items: TodoItem[] = [];
  const add = (key: TodoItem['key'], count: number, attention: number, link: string) =>
    items.push({ key, count, attention, link });

  if (may('POST /api/referrals/:id/accept')) {
    const r = await referrals.awaitingDecision(ctx);
    add('referrals_awaiting', r.awaiting, r.escalated, '/referrals?box=incoming&status=awaiting');
  }
  if (may('GET /api/referral-tasks') && tasks.receivesTasks(ctx)) {
    const t = await tasks.pendingCounts(ctx);
    add('down_referral_tasks', t.pending, t.overdue, '/referral-tasks?status=pending');
  }
  const mayPerform = may('POST /api/exam-orders/:id/perform');
  const mayReport = may('POST /api/exam-orders/:id/report');
  if (mayPerform || mayReport) {
    const e = await exams.performingCounts(ctx);
    if (mayPerform)
      add('exams_to_perform', e.toPerform, e.toPerformUrgent, '/exam-orders?box=performing&status=pending');
    if (mayReport) add('exams_to_report', e.toReport, e.toReportUrgent, '/exam-orders?box=performing&status=performed');
  }
  const isExpert = ctx.actor.roles.includes('expert');
  const mayCall = may('POST /api/clinic-sessions/:id/call-next');
  // the registration desk checks patients in; village clinics book for residents but hold no sessions
  const atDesk = ctx.actor.roles.includes('clerk');
  const mayApprove = may('POST /api/clinic-sessions/:id/approve');
  if (isExpert || mayCall || atDesk || mayApprove) {
    const s = await sessions.todayCounts(ctx);
    if (isExpert) add('sessions_as_expert', s.expertToday, 0, '/clinics/console');
    if (!isExpert && (mayCall || atDesk))
      add('sessions_at_my_org', s.orgToday, 0, mayCall ? '/clinics/console' : '/clinics');
    if (mayApprove) add('sessions_to_approve', s.pendingApproval, s.pendingApproval, '/clinics');
  }
  if (may('POST /api/settlements')) {
    const d = await desk.deskCounts(ctx);
    add('discharges_to_settle', d.toSettle, d.toSettleOld, '/settlement/desk?tab=discharged');
    add('admissions_to_check', d.toCheck, 0, '/settlement/desk?tab=admitted');
  }
  if (may('GET /api/chronic/day-list')) {
    const c = await daylist.todoCounts(ctx);
    add('grid_alerts', c.alerts, c.alerts, '/chronic/day');
    add('followups_due', c.overdue + c.today, c.overdue, '/chronic/day');
    add('contracts_to_renew', c.renewals, 0, '/fd/contracts?view=renewal');
  }
  if (may('POST /api/pharmacy/dispenses')) {
    const p = await pharmacyTodo(ctx);
    add('stock_near_expiry', p.near, p.expired, '/pharmacy/stock?view=near_expiry');
    add('recall_calls', p.to_call, 0, '/pharmacy/recalls');
    add('deliveries_to_receive', p.to_receive, p.overdue, '/pharmacy/distribution');
  }
  if (may('POST /api/ems/calls/:id/dispatch')) {
    const d = await dispatchTodo(ctx);
    add('ems_calls_waiting', d.calls, d.calls_old, '/ems/board');
    add('ems_missions_active', d.missions, d.not_out, '/ems/missions?active=true');
  }
  if (may('GET /api/ems/my-missions')) add('ems_my_missions', await crewTodo(ctx), 0, '/ems/crew');
  if (may('POST /api/ems/preadmissions/:id/arrive')) {
    const h = await hospitalTodo(ctx);
    add('ems_patients_expected', h.expected, h.no_team, '/ems/preadmissions');
  }
  if (may('GET /api/remote/worklist')) {
    const r = await readerTodo(ctx);
    add('remote_to_read', r.to_read, r.overdue, '/remote/worklist');
    add('remote_to_review', r.to_review, r.review_overdue, '/remote/worklist?tab=review');
  }
  if (may('POST /api/remote/requests/:id/read')) {
    const q = await requesterTodo(ctx);
    add('remote_reports_unread', q.unread, q.amended, '/remote/requests?status=issued');
  }
  if (may('POST /api/remote/criticals/:id/acknowledge')) {
    const c = await criticalTodo(ctx);
    add('remote_criticals_unacked', c.unacknowledged, c.unacknowledged, '/remote/criticals');
    add('remote_tasks_open', c.tasksOpen, 0, '/remote/criticals?tab=tasks');
  }
  return { items };
}
