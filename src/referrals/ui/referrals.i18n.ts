import { defineDict, type Lang } from '../../web/i18n.ts';
import type { CareLevel } from '../icd10.ts';
import {
  ACTION_LABELS,
  STATUS_LABELS,
  URGENCY_LABELS,
  type ReferralAction,
  type ReferralStatus,
  type Urgency,
} from '../referral.states.ts';

/**
 * Words of the referral pages. The Chinese names of statuses, actions and urgencies live in
 * referral.states.ts (the server speaks them too); their English names are kept here.
 */
const STATUS_EN: Record<ReferralStatus, string> = {
  draft: 'Draft',
  submitted: 'Awaiting acceptance',
  accepted: 'Accepted',
  rejected: 'Rejected',
  redirected: 'Redirected',
  arrived: 'Arrived',
  completed: 'Treatment completed',
  down_referred: 'Referred down',
  closed: 'Loop closed',
  cancelled: 'Withdrawn',
  expired: 'Expired',
};

const ACTION_EN: Record<ReferralAction, string> = {
  submit: 'Submit',
  accept: 'Accept',
  reject: 'Reject',
  redirect: 'Redirect',
  arrive: 'Record arrival',
  complete: 'Treatment completed',
  down_refer: 'Refer down',
  close: 'Close the case',
  cancel: 'Withdraw',
  expire: 'Expire',
};

const URGENCY_EN: Record<Urgency, string> = { emergency: 'Emergency', urgent: 'Urgent', routine: 'Routine' };

export const referralStatusText = (s: ReferralStatus, lang: Lang): string =>
  lang === 'zh' ? STATUS_LABELS[s] : STATUS_EN[s];
export const referralActionText = (a: ReferralAction, lang: Lang): string =>
  lang === 'zh' ? ACTION_LABELS[a] : ACTION_EN[a];
export const urgencyText = (u: Urgency, lang: Lang): string => (lang === 'zh' ? URGENCY_LABELS[u] : URGENCY_EN[u]);

/** Shared by every referral page: directions, the 三优先 flag, time spans. */
export const referralWords = defineDict({
  priority: ['三优先', 'Priority group'],
  up: ['上转', 'Up-referral'],
  upOutOfCounty: ['上转（县外）', 'Up-referral (out of county)'],
  down: ['下转', 'Down-referral'],
  out: ['外转', 'Out of county'],
  spanDays: ['{d} 天 {h} 时', '{d} d {h} h'],
  spanHours: ['{h} 时 {m} 分', '{h} h {m} min'],
  spanMinutes: ['{m} 分', '{m} min'],
  left: ['还剩 {span}', '{span} left'],
  overdue: ['超时 {span}', 'Overdue by {span}'],
});

/** The referral form (转诊单) page and its action dialogs. */
export const referralDetailMessages = defineDict({
  title: ['转诊单', 'Referral'],
  titleWithId: ['转诊单 #{id}', 'Referral #{id}'],
  statusFirst: ['状态：{status}', 'Status: {status}'],
  printSlip: ['打印转诊单', 'Print the referral form'],
  slipTitle: ['双向转诊单', 'Two-way referral form'],
  info: ['转诊信息', 'Referral details'],
  patient: ['患者', 'Patient'],
  patientLine: ['{name}（{sex}，{age}岁）', '{name} ({sex}, {age} years)'],
  male: ['男', 'male'],
  female: ['女', 'female'],
  idNumber: ['身份证号', 'ID number'],
  direction: ['方向', 'Direction'],
  urgency: ['紧急程度', 'Urgency'],
  from: ['转出', 'From'],
  to: ['转入', 'To'],
  diagnosis: ['初步诊断', 'Provisional diagnosis'],
  deadline: ['接收时限', 'Accept by'],
  reason: ['转诊原因', 'Reason for referral'],
  vitals: ['生命体征', 'Vital signs'],
  bloodPressure: ['血压 {sbp}/{dbp} mmHg', 'BP {sbp}/{dbp} mmHg'],
  heartRate: ['心率 {v}', 'Heart rate {v}'],
  temperature: ['体温 {v}℃', 'Temperature {v} °C'],
  spo2: ['血氧 {v}%', 'SpO₂ {v}%'],
  listSeparator: ['，', ', '],
  history: ['病史', 'History'],
  medications: ['用药', 'Medication'],
  outReason: ['外转原因', 'Reason for out-of-county referral'],
  decisionNote: ['处理意见', 'Decision note'],
  dischargeSummary: ['出院小结', 'Discharge summary'],
  consent: ['知情同意', 'Informed consent'],
  consentPatient: ['患者本人', 'The patient'],
  consentGuardian: ['监护人', 'Guardian'],
  notRecorded: ['未记录', 'Not recorded'],
  suggestDown: [
    '该病种稳定后建议下转基层（分级诊疗指引）',
    'Once stable, this condition should be referred down to primary care (tiered-care guideline)',
  ],
  tasks: ['下转任务与随访', 'Down-referral tasks and follow-up'],
  taskOpen: ['待确认', 'To confirm'],
  taskConfirmed: ['已确认', 'Confirmed'],
  taskDone: ['已完成', 'Done'],
  noteAuthor: ['{author}：', '{author}: '],
  notePlaceholder: ['随访/康复记录', 'Follow-up / rehabilitation note'],
  noteLabel: ['随访记录', 'Follow-up note'],
  addNote: ['记录', 'Add note'],
  attachments: ['附件（PDF/JPEG/PNG，≤5 MB）', 'Attachments (PDF/JPEG/PNG, ≤5 MB)'],
  noAttachments: ['暂无附件', 'No attachments'],
  upload: ['上传附件', 'Upload attachment'],
  timeline: ['全程时间线', 'Full timeline'],
  eventCreate: ['创建', 'Created'],
  eventEscalate: ['超时升级', 'Escalated (overdue)'],
  eventFollowUp: ['随访记录', 'Follow-up note'],
  related: ['关联转诊', 'Related referrals'],
  // the action buttons and their dialogs
  reject: ['拒绝', 'Reject'],
  redirect: ['改派', 'Redirect'],
  dischargeDown: ['出院下转', 'Discharge and refer down'],
  rejectTitle: ['拒绝转诊', 'Reject the referral'],
  redirectTitle: ['改派到其他机构', 'Redirect to another organisation'],
  downOrg: [
    '下转机构（乡镇康复中心/村卫生室）',
    'Receiving organisation (township rehabilitation centre / village clinic)',
  ],
  redirectOrg: ['改派机构', 'Redirect to'],
  org: ['机构', 'Organisation'],
  orgSpecialities: ['{name}（{specialities}）', '{name} ({specialities})'],
  specialitySeparator: ['、', ', '],
  downReason: ['下转原因', 'Reason for down-referral'],
  actionReason: ['原因', 'Reason'],
  goals: ['康复目标', 'Rehabilitation goals'],
  downTasks: ['下转任务（每行一项）', 'Down-referral tasks (one per line)'],
  downTasksDefault: [
    '康复训练 每周3次\n出院两周随访',
    'Rehabilitation exercises 3 times a week\nFollow-up two weeks after discharge',
  ],
  // admission request (申请住院) on an arrived up-referral
  admissionDepartment: ['住院科室', 'Ward'],
  requestAdmission: ['申请住院', 'Request admission'],
  admissionQueued: ['已加入{department}待入院列表', 'Added to the admission queue of {department}'],
  admissionQueuedPriority: ['（三优先）', ' (priority group)'],
});

/** 床位看板: beds of one department and its admission queue. */
export const bedBoardMessages = defineDict({
  title: ['床位看板', 'Bed board'],
  chooseDepartment: ['选择科室', 'Choose a department'],
  department: ['科室', 'Department'],
  beds: ['床位（空 {free} / 共 {total}）', 'Beds ({free} free of {total})'],
  bed: ['{code} 床', 'Bed {code}'],
  emptyBed: ['空床', 'Free'],
  noBeds: ['请选择科室，或该科室尚未登记床位', 'Choose a department, or this department has no beds registered yet'],
  waiting: ['待入院', 'Awaiting admission'],
  noWaiting: ['暂无待入院患者', 'No patients awaiting admission'],
  admitTo: ['安排 {code} 床', 'Admit to bed {code}'],
});

/** 转诊工作台: the worklist of incoming and outgoing referrals. */
export const worklistMessages = defineDict({
  title: ['转诊工作台', 'Referrals'],
  create: ['发起转诊', 'New referral'],
  incoming: ['转入', 'Incoming'],
  outgoing: ['转出', 'Outgoing'],
  all: ['全部', 'All'],
  status: ['状态', 'Status'],
  awaiting: ['待处理', 'Awaiting action'],
  open: ['进行中', 'In progress'],
  urgency: ['紧急程度', 'Urgency'],
  escalation: ['超时升级', 'Escalation'],
  escalated: ['已升级', 'Escalated'],
  counts: [
    '待处理 {awaiting} · 已升级 {escalated} · 未读 {unread}',
    '{awaiting} awaiting · {escalated} escalated · {unread} unread',
  ],
  id: ['编号', 'No.'],
  patient: ['患者', 'Patient'],
  direction: ['方向', 'Direction'],
  urgencyShort: ['紧急', 'Urgency'],
  diagnosis: ['诊断', 'Diagnosis'],
  diagnosisLine: ['{name}（{code}）', '{name} ({code})'],
  from: ['转出', 'From'],
  to: ['转入', 'To'],
  deadline: ['接收时限', 'Accept by'],
  coordinatorAlerted: ['已提醒协调员', 'Coordinator alerted'],
  headAlerted: ['已报科主任', 'Head of department alerted'],
  suggestDown: ['建议下转', 'Refer down'],
  searchPatient: ['患者姓名', "Patient's name"],
  createdAt: ['创建时间', 'Created'],
});

/** 下转任务: the township's to-do list of patients referred down. */
export const tasksMessages = defineDict({
  title: ['下转任务', 'Down-referral tasks'],
  empty: ['暂无待办的下转任务', 'No pending down-referral tasks'],
  confirm: ['去确认接收', 'Confirm receipt'],
  followUp: ['填写随访', 'Record follow-up'],
  open: ['待确认', 'To confirm'],
  confirmed: ['已确认', 'Confirmed'],
  due: [' · 截止 {date}', ' · due {date}'],
  followUps: [' · 已随访 {n} 次', ' · {n} follow-up(s) so far'],
  view: ['查看', 'View'],
  done: ['已完成', 'Done'],
  pending: ['未完成', 'Not done'],
  all: ['全部', 'All'],
  status: ['状态', 'Status'],
  search: ['患者姓名或任务', 'Patient or task'],
  patient: ['患者', 'Patient'],
  task: ['任务', 'Task'],
  org: ['机构', 'Organisation'],
  dueOn: ['截止日期', 'Due'],
  notes: ['随访', 'Follow-ups'],
  notesCount: ['{n} 次', '{n}'],
  counts: ['待确认 {open} · 随访中 {confirmed}', '{open} to confirm · {confirmed} in follow-up'],
  inFollowUp: ['随访中', 'In follow-up'],
});

/** 双向转诊指标: the referral figures. */
export const dashboardMessages = defineDict({
  title: ['双向转诊指标', 'Two-way referral figures'],
  period: [
    '统计区间：{from} 至 {to}（卫健局账号：小于 5 的格子不显示）',
    'Period: {from} to {to} (health bureau accounts: cells below 5 are hidden)',
  ],
  periodUnknown: [
    '统计区间：—（卫健局账号：小于 5 的格子不显示）',
    'Period: — (health bureau accounts: cells below 5 are hidden)',
  ],
  minutes: ['分钟', 'min'],
  spanHours: ['{n} 小时', '{n} hours'],
  spanMinutes: ['{n} 分钟', '{n} minutes'],
  acceptP50: ['一半的转诊在 {span}内被接收', 'Half of the referrals are accepted within {span}'],
  acceptP90: ['90% 的转诊在 {span}内被接收', '90% of the referrals are accepted within {span}'],
  suppressed: [
    '（为保护居民隐私，小于 5 的格子显示为 “<5”）',
    " (to protect residents' privacy, cells below 5 show as “<5”)",
  ],
  byOrgMonth: ['各机构每月上转/下转', 'Up- and down-referrals per organisation and month'],
  month: ['月份', 'Month'],
  org: ['机构', 'Organisation'],
  up: ['上转', 'Up'],
  down: ['下转', 'Down'],
  monthChart: [
    '每月上转/下转（全部机构合计，小于 5 的格子未计入）',
    'Up- and down-referrals per month (all organisations; cells below 5 left out)',
  ],
});

/** The tiered-care levels (icd10.ts names them for the server; the form needs both languages). */
const CARE_LEVEL_TEXT: Record<CareLevel, readonly [zh: string, en: string]> = {
  village: ['村卫生室', 'village clinic'],
  township: ['乡镇卫生院', 'township health centre'],
  county: ['县级医院', 'county hospital'],
  above: ['县外上级医院', 'hospital above the county'],
};
export const careLevelText = (l: CareLevel, lang: Lang): string => CARE_LEVEL_TEXT[l][lang === 'zh' ? 0 : 1];

/**
 * The follow-up task a down-referral made on this form carries: stored data that the township
 * reads, so it stays in the product language whatever the sender's screen shows.
 */
export const DOWN_FOLLOW_UP_TASK = '下转后随访';

/** 发起转诊: the referral form. */
export const referralCreateMessages = defineDict({
  title: ['发起转诊', 'New referral'],
  patient: ['患者', 'Patient'],
  patientPlaceholder: ['输入姓名、拼音首字母或身份证号', 'Name, pinyin initials or ID number'],
  patientOption: ['{name}（{sex}，{age}岁，{idNumber}）', '{name} ({sex}, {age} years, {idNumber})'],
  male: ['男', 'male'],
  female: ['女', 'female'],
  direction: ['方向', 'Direction'],
  up: ['上转', 'Up'],
  down: ['下转', 'Down'],
  diagnosis: ['初步诊断（ICD-10）', 'Provisional diagnosis (ICD-10)'],
  diagnosisShort: ['初步诊断', 'Provisional diagnosis'],
  diagnosisPlaceholder: [
    '编码、名称或拼音首字母，如 I63 / 脑梗 / ngs',
    'Code, name or pinyin initials, e.g. I63 / 脑梗 / ngs',
  ],
  guidance: ['分级诊疗建议：{level}', 'Tiered-care advice: {level}'],
  guidanceSpeciality: ['（{speciality}）', ' ({speciality})'],
  guidanceDownTo: ['；稳定后建议下转至{level}', '; once stable, refer down to a {level}'],
  toOrg: ['接收机构', 'Receiving organisation'],
  toOrgPlaceholder: ['选择机构', 'Choose an organisation'],
  noUpTargets: ['本机构没有可上转的上级机构', 'This organisation has no higher level to refer up to'],
  noDownTargets: ['本机构没有可下转的下级机构', 'This organisation has no lower level to refer down to'],
  outOfCounty: ['{name}（县外）', '{name} (out of county)'],
  nearUp: ['{name}（上级）', '{name} (next level up)'],
  nearDown: ['{name}（本辖区）', '{name} (in our area)'],
  toDepartment: ['接收科室', 'Receiving department'],
  optional: ['可选', 'Optional'],
  urgency: ['紧急程度', 'Urgency'],
  outReason: ['外转原因（县外转诊单独统计）', 'Reason for going out of county (counted separately)'],
  reason: ['转诊原因', 'Reason for referral'],
  vitals: ['生命体征', 'Vital signs'],
  sbp: ['收缩压', 'Systolic BP'],
  dbp: ['舒张压', 'Diastolic BP'],
  heartRate: ['心率', 'Heart rate'],
  perMinute: ['次/分', 'bpm'],
  temperature: ['体温', 'Temperature'],
  spo2: ['血氧', 'SpO₂'],
  dischargeSummary: ['出院小结', 'Discharge summary'],
  history: ['病史', 'History'],
  medications: ['用药', 'Medication'],
  consent: ['已告知并取得知情同意', 'Informed and consent obtained'],
  consentPatient: ['患者本人', 'The patient'],
  consentGuardian: ['监护人/家属', 'Guardian / family'],
  submit: ['提交转诊', 'Submit referral'],
});

/** 双向转诊单 (A4), printed in the language of the screen. */
export const referralSlipMessages = defineDict({
  title: ['双向转诊单（{direction}）', 'Two-way referral form ({direction})'],
  id: ['单号：{id}', 'No.: {id}'],
  status: ['状态：{status}', 'Status: {status}'],
  issuedAt: ['开具时间：{at}', 'Issued: {at}'],
  bloodPressure: ['血压 {sbp}/{dbp} mmHg', 'BP {sbp}/{dbp} mmHg'],
  heartRate: ['心率 {v} 次/分', 'Heart rate {v} bpm'],
  temperature: ['体温 {v}℃', 'Temperature {v} °C'],
  spo2: ['血氧 {v}%', 'SpO₂ {v}%'],
  listSeparator: ['，', ', '],
  name: ['患者姓名', "Patient's name"],
  sexAge: ['性别 / 年龄', 'Sex / age'],
  sexAgeValue: ['{sex} / {age} 岁', '{sex} / {age} years'],
  male: ['男', 'Male'],
  female: ['女', 'Female'],
  idNumber: ['身份证号', 'ID number'],
  mobile: ['联系电话', 'Telephone'],
  birthDate: ['出生日期', 'Date of birth'],
  village: ['住址（村）', 'Address (village)'],
  fromOrg: ['转出机构', 'Referring organisation'],
  fromStaff: ['转出医生', 'Referring doctor'],
  toOrg: ['转入机构', 'Receiving organisation'],
  toDepartment: ['转入科室', 'Receiving department'],
  urgency: ['紧急程度', 'Urgency'],
  priority: ['（三优先）', ' (priority group)'],
  diagnosis: ['初步诊断', 'Provisional diagnosis'],
  diagnosisValue: ['{name}（{code}）', '{name} ({code})'],
  reason: ['转诊原因', 'Reason for referral'],
  outReason: ['外转原因', 'Reason for out-of-county referral'],
  vitals: ['生命体征', 'Vital signs'],
  history: ['病史摘要', 'History'],
  medications: ['目前用药', 'Current medication'],
  dischargeSummary: ['出院小结', 'Discharge summary'],
  plan: ['康复 / 随访计划', 'Rehabilitation / follow-up plan'],
  goals: ['目标：{goals}', 'Goals: {goals}'],
  dueBy: ['（{date} 前）', ' (by {date})'],
  taskDetail: ['：{detail}', ': {detail}'],
  consent: ['知情同意', 'Informed consent'],
  consentGiven: ['{who}已知情同意（{at}）', '{who} gave informed consent ({at})'],
  consentPatient: ['患者本人', 'The patient'],
  consentGuardian: ['监护人', 'The guardian'],
  notRecorded: ['未记录', 'Not recorded'],
  decisionNote: ['接收意见', 'Receiving note'],
  signFrom: ['转出医生签名：__________', "Referring doctor's signature: __________"],
  signPatient: ['患者/家属签名：__________', 'Patient / family signature: __________'],
  signTo: ['接收医生签名：__________', "Receiving doctor's signature: __________"],
  note: [
    '请患者持本单及既往检查资料到转入机构就诊；医共体内检查结果互认。本单由县域医共体一体化平台生成，单号可在平台查询。',
    'The patient brings this form and earlier exam results to the receiving organisation; exam results are recognised across the group. This form was made by the County Medical Group Platform; its number can be looked up there.',
  ],
});

/**
 * The figures' names and definitions in English. The server names each figure in Chinese (the
 * definition of record, next to its view in db/views/); in English the page shows these by key.
 */
const FIGURE_EN: Record<string, { label: string; definition: string }> = {
  closed_loop: {
    label: 'Closed-loop rate of up-referrals',
    definition: 'closed up-referrals ÷ up-referrals with treatment complete (incl. down-referred and closed)',
  },
  down_share: { label: 'Down-referral share', definition: 'down-referrals ÷ all submitted referrals (up + down)' },
  out_of_county_referrals: {
    label: 'Out-of-county referral rate',
    definition: 'up-referrals to hospitals outside the county ÷ all up-referrals',
  },
  accepted_in_time: {
    label: 'Accepted in time',
    definition: 'referrals accepted within the acceptance limit ÷ accepted referrals',
  },
  county_internal_visits: {
    label: 'County-internal visit rate (visit records)',
    definition:
      'outpatient visits + admissions in the group (not cancelled) ÷ (those + registered out-of-county visits)',
  },
  out_of_county_visits: {
    label: 'Out-of-county visit rate (visit records)',
    definition:
      'registered out-of-county visits ÷ (visits + admissions in the group + registered out-of-county visits)',
  },
  accept_p50: {
    label: 'Median time to accept',
    definition: 'half of the referrals were accepted within this many minutes of submission; over accepted referrals',
  },
  accept_p90: {
    label: 'Time within which 90% are accepted',
    definition: '90% of the referrals were accepted within this many minutes of submission; over accepted referrals',
  },
};

/** A figure's name and definition in the reader's language (Chinese: as the server states them). */
export function figureText(
  f: { key: string; label: string; definition: string },
  lang: Lang,
): { label: string; definition: string } {
  return lang === 'en' ? (FIGURE_EN[f.key] ?? f) : f;
}
