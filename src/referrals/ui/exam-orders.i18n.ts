import { defineDict } from '../../web/i18n.ts';
import type { ExamOrder } from '../exam-order.schema.ts';

/** 一单通检查: exam orders from the group catalogue, performed and reported by the county hospital. */
export const examOrderMessages = defineDict({
  title: ['一单通检查', 'Exam orders'],
  orderTitle: ['开具检查（医共体统一目录，统一价格）', 'Order an exam (group catalogue, unified prices)'],
  residentPlaceholder: ['居民姓名/拼音', 'Resident name / pinyin'],
  resident: ['居民', 'Resident'],
  residentOption: ['{name}（{idNumber}）', '{name} ({idNumber})'],
  residentTag: ['居民：{name}', 'Resident: {name}'],
  item: ['检查项目', 'Exam'],
  mutual: [' 互认', ' · mutually recognised'],
  urgency: ['紧急程度', 'Urgency'],
  order: ['开单', 'Order'],
  ordered: ['我开的检查', 'Ordered by me'],
  performing: ['本院执行（未完成的在前）', 'Performed here (open ones first)'],
  search: ['居民姓名或检查项目', 'Resident or exam'],
  pending: ['未完成', 'Open'],
  pendingCount: ['未完成 {n}', '{n} open'],
  priority: ['三优先', 'Priority group'],
  itemShort: ['项目', 'Exam'],
  recognised: ['结果互认', 'Result recognised'],
  price: ['价格', 'Price'],
  urgencyShort: ['紧急', 'Urgency'],
  orderingOrg: ['开单机构', 'Ordered by'],
  createdAt: ['开单时间', 'Ordered at'],
  status: ['状态', 'Status'],
  result: ['结果', 'Result'],
  critical: ['危急', 'Critical'],
  abnormal: ['异常', 'Abnormal'],
  printRequest: ['申请单', 'Request form'],
  printRequestTitle: ['打印检查申请单', 'Print the exam request form'],
  schedule: ['预约', 'Schedule'],
  perform: ['完成检查', 'Mark performed'],
  report: ['出报告', 'Report'],
  resultLabel: ['检查结果', 'Exam result'],
});

export const EXAM_STATUS: Record<ExamOrder['status'], readonly [zh: string, en: string]> = {
  ordered: ['已开单', 'Ordered'],
  scheduled: ['已预约', 'Scheduled'],
  performed: ['已检查', 'Performed'],
  reported: ['已出报告', 'Reported'],
  cancelled: ['已撤销', 'Cancelled'],
};

export const EXAM_CATEGORY: Record<ExamOrder['category'], readonly [zh: string, en: string]> = {
  lab: ['检验', 'Laboratory'],
  imaging: ['影像', 'Imaging'],
  ecg: ['心电', 'ECG'],
  ultrasound: ['超声', 'Ultrasound'],
};

/** 检查申请单 (A4), printed in the language of the screen. */
export const examRequestMessages = defineDict({
  title: ['检查申请单', 'Exam request form'],
  sub: ['一单通 · 医共体统一目录', 'Group exam order · group catalogue'],
  id: ['单号：{id}', 'No.: {id}'],
  createdAt: ['开单时间：{at}', 'Ordered at: {at}'],
  patient: ['患者', 'Patient'],
  urgency: ['紧急程度', 'Urgency'],
  priority: ['（三优先）', ' (priority group)'],
  item: ['检查项目', 'Exam'],
  itemLine: ['{name}（{code}）', '{name} ({code})'],
  category: ['类别', 'Category'],
  price: ['统一价格', 'Unified price'],
  recognised: ['结果互认', 'Result recognised'],
  yes: ['是', 'Yes'],
  no: ['否', 'No'],
  orderingOrg: ['开单机构', 'Ordering organisation'],
  orderingDoctor: ['开单医生', 'Ordering doctor'],
  performingOrg: ['执行机构', 'Performing organisation'],
  scheduledAt: ['预约时间', 'Appointment'],
  notScheduled: ['待预约', 'Not yet scheduled'],
  clinicalNote: ['临床说明', 'Clinical note'],
  referral: ['关联转诊单', 'Related referral'],
  status: ['状态', 'Status'],
  note: [
    '凭此单到执行机构检查；结果由执行机构出具并回传开单医生，医共体内结果互认的项目不重复检查。',
    'Bring this form to the performing organisation. It issues the result and sends it back to the ordering doctor; exams recognised across the group are not repeated.',
  ],
  signDoctor: ['开单医生签名：__________', "Ordering doctor's signature: __________"],
  signDept: ['执行科室签收：__________', 'Received by the performing department: __________'],
  signDate: ['日期：____年__月__日', 'Date: ____-__-__'],
});
