import { defineDict } from '../../web/i18n.ts';
import type { TodoKey } from '../todo.schema.ts';

/** The to-do panel on the home page. */
export const todoMessages = defineDict({
  title: ['待办', 'To do'],
  allClear: ['暂无待办', 'Nothing waiting'],
  escalated: ['其中 {n} 件已超时升级', '{n} escalated (past deadline)'],
  overdue: ['其中 {n} 项已过期', '{n} past their due date'],
  urgent: ['其中 {n} 项为急诊或加急', '{n} emergency or urgent'],
  amended: ['其中 {n} 份为更正报告', '{n} amended reports'],
});

/** What each count is, in the words of the person who does the work. */
export const TODO_KINDS: Record<
  TodoKey,
  { label: readonly [zh: string, en: string]; hint: readonly [zh: string, en: string] }
> = {
  referrals_awaiting: {
    label: ['待接收转诊', 'Referrals to accept'],
    hint: ['转入本机构，等待接收、拒绝或改派', 'Incoming: accept, refuse or redirect'],
  },
  down_referral_tasks: {
    label: ['下转任务', 'Down-referral tasks'],
    hint: ['下转患者的接收确认与随访', 'Confirm down-referred patients, follow up'],
  },
  exams_to_perform: {
    label: ['待执行检查', 'Exams to perform'],
    hint: ['一单通检查：待预约或待检查', 'Group exam orders to schedule or perform'],
  },
  exams_to_report: {
    label: ['待出报告', 'Exams to report'],
    hint: ['已完成检查，等待阅片和报告', 'Performed, waiting for the reading and report'],
  },
  sessions_as_expert: {
    label: ['今日我的坐诊', 'My sessions today'],
    hint: ['打开叫号工作台', 'Open the calling console'],
  },
  sessions_at_my_org: {
    label: ['今日本机构门诊', "Today's sessions here"],
    hint: ['签到与叫号', 'Check-in and calling'],
  },
  sessions_to_approve: {
    label: ['待审批门诊', 'Sessions to approve'],
    hint: ['超出补贴预算的坐诊安排', 'Sessions over the subsidy budget'],
  },
  discharges_to_settle: {
    label: ['待出院结算', 'Discharges to settle'],
    hint: ['已出院尚未结算；红色为出院超过 3 天', 'Discharged, not yet settled; red: over 3 days'],
  },
  admissions_to_check: {
    label: ['待入院核验', 'Admissions to check'],
    hint: ['在院患者尚未核验险种与贫困身份', 'Inpatients whose insurance and poverty status are not checked'],
  },
  grid_alerts: {
    label: ['网格预警', 'Grid alerts'],
    hint: ['网格员报告的血压、血糖超标或需要医生处理', 'Readings past a threshold or a call for the doctor'],
  },
  followups_due: {
    label: ['今日及逾期随访', 'Follow-ups due'],
    hint: ['高血压、糖尿病随访：今日到期与已逾期', 'Due today and overdue'],
  },
  contracts_to_renew: {
    label: ['待续签', 'Contracts to renew'],
    hint: ['家庭医生签约到期前 30 天内尚未续签', 'Ending within the renewal window, not yet renewed'],
  },
  stock_near_expiry: {
    label: ['近效期药品', 'Stock near expiry'],
    hint: [
      '在库批次 90 天内到期；已过期仍在库的优先处理',
      'Batches expiring within 90 days; expired ones on the shelf first',
    ],
  },
  recall_calls: {
    label: ['召回待联系', 'Recall calls'],
    hint: ['进行中的召回批次，领过药而尚未联系的居民', 'Residents who received a recalled batch, not yet called'],
  },
  deliveries_to_receive: {
    label: ['待收货', 'Deliveries to receive'],
    hint: ['中心药房已发货、本机构尚未确认收货的配送单', 'Shipped to you, not yet received'],
  },
  remote_criticals_unacked: {
    label: ['待确认危急值', 'Critical values to acknowledge'],
    hint: ['诊断中心推送、本机构尚未复述确认的危急值', 'Pushed by a centre, not yet acknowledged with read-back'],
  },
  remote_tasks_open: {
    label: ['危急值待办', 'Critical-value tasks'],
    hint: ['回访已离院患者、补写病程记录', 'Call patients back, write the progress note'],
  },
  remote_to_read: {
    label: ['待阅片', 'Studies to read'],
    hint: ['本诊断中心待阅与阅片中的检查；超过报告时限的优先', 'Waiting or being read; past the due time first'],
  },
  remote_to_review: {
    label: ['待审核报告', 'Reports to review'],
    hint: ['其他医师提交、待您审核签发的报告', 'Submitted by another doctor, for you to sign'],
  },
  remote_reports_unread: {
    label: ['待阅读的诊断报告', 'Reports to read'],
    hint: [
      '近 30 天签发、本机构尚未确认阅读的远程诊断报告；更正报告优先',
      'Issued in 30 days, not yet confirmed; amendments first',
    ],
  },
  ems_calls_waiting: {
    label: ['待派车呼救', 'Calls waiting'],
    hint: [
      '已接听、尚未派车的 120 呼救；等待超过 1 分钟的优先',
      'Answered 120 calls with no vehicle yet; over a minute first',
    ],
  },
  ems_missions_active: {
    label: ['进行中任务', 'Missions under way'],
    hint: [
      '已派车、尚未完成的出车任务；派车 3 分钟仍未出车的优先',
      'Dispatched and not finished; not out 3 minutes after dispatch first',
    ],
  },
  ems_my_missions: {
    label: ['我的出车任务', 'My missions'],
    hint: ['本车组进行中的任务', 'Missions your crew is on'],
  },
  ems_patients_expected: {
    label: ['院前预警待接收', 'Patients on their way'],
    hint: [
      '120 预警送往本院的患者；尚未启动救治团队的优先',
      'Pre-alerted patients coming to you; no team activated first',
    ],
  },
};
