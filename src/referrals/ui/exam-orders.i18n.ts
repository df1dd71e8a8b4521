import { defineDict } from '../../web/i18n.ts';
import type { ExamOrder } from '../exam-order.schema.ts';

/** 一单通检查: exam orders from the group catalogue, performed and reported by the county hospital. */
export const examOrderMessages = defineDict({
  title: ['一单通检查', 'Exam orders'],
  orderTitle: ['开具检查（医共体统一目录，统一价格）', 'Order an exam (group catalogue, unified prices)'],
  residentRequired: ['请选择居民', 'Please choose a resident'],
  residentPlaceholder: ['居民姓名/拼音', 'Resident name / pinyin'],
  resident: ['居民', 'Resident'],
  residentOption: ['{name}（{idNumber}）', '{name} ({idNumber})'],
  itemRequired: ['请选择项目', 'Please choose an exam'],
  item: ['检查项目', 'Exam'],
  mutual: [' 互认', ' · mutually recognised'],
  urgency: ['紧急程度', 'Urgency'],
  order: ['开单', 'Order'],
  ordered: ['我开的检查', 'Ordered by me'],
  performing: ['本院执行（三优先在前）', 'Performed here (priority group first)'],
  priority: ['三优先', 'Priority group'],
  itemShort: ['项目', 'Exam'],
  recognised: ['结果互认', 'Result recognised'],
  price: ['价格', 'Price'],
  urgencyShort: ['紧急', 'Urgency'],
  orderingOrg: ['开单机构', 'Ordered by'],
  status: ['状态', 'Status'],
  result: ['结果', 'Result'],
  critical: ['危急', 'Critical'],
  abnormal: ['异常', 'Abnormal'],
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
