import { defineDict } from '../../web/i18n.ts';

/** 工作日历 (the report time limits' working days), zh / en */
export const calendarMessages = defineDict({
  pageTitle: ['值班与工作日历', 'Duty roster and work calendar'],
  tab: ['工作日历', 'Work calendar'],
  intro: [
    '报告时限按工作时间计算（工作日 08:00–17:00）。每年国务院办公厅节假日通知发布后，在此录入放假日和调休上班日；未录入的日子按周一至周五。修改只影响此后提交的申请。',
    'Limits in working time count working days 08:00–17:00. Enter each year’s public holidays and the weekend days worked instead when the notice is published; other days follow Monday–Friday. A change applies to requests made after it.',
  ],
  year: ['年份', 'Year'],
  day: ['日期', 'Date'],
  weekday: ['星期', 'Weekday'],
  kind: ['安排', 'Arrangement'],
  off: ['放假', 'Day off'],
  worked: ['调休上班', 'Worked'],
  name: ['名称', 'Name'],
  namePlaceholder: ['如 春节、春节调休上班', 'e.g. Spring Festival'],
  updatedBy: ['录入人', 'Entered by'],
  save: ['保存', 'Save'],
  remove: ['删除', 'Delete'],
  removeConfirm: ['删除后该日按周一至周五计算，确定吗？', 'The day will follow Monday–Friday again. Delete?'],
  saved: ['已保存', 'Saved'],
  removed: ['已删除', 'Deleted'],
  pickDay: ['请选择日期', 'Choose a date'],
  offDays: ['放假 {n} 天，调休上班 {m} 天', '{n} days off, {m} weekend days worked'],
  wd0: ['周日', 'Sun'],
  wd1: ['周一', 'Mon'],
  wd2: ['周二', 'Tue'],
  wd3: ['周三', 'Wed'],
  wd4: ['周四', 'Thu'],
  wd5: ['周五', 'Fri'],
  wd6: ['周六', 'Sat'],
});
