import { z } from 'zod';
import { intQuery, isoDate } from '../platform/params.ts';

/** 工作日历 (the report time limits' working days): the administrator's entries by day */
export const calendarQuery = z.object({
  year: intQuery({ min: 2000, max: 2100, message: '年份应为 2000–2100 的整数' }),
});
export const calendarDayParam = z.object({ day: isoDate('日期') });
export const calendarDayBody = z.object({
  working: z.boolean({ error: '请选择上班或放假' }),
  name: z
    .string({ error: '请填写名称（如 春节、春节调休上班）' })
    .trim()
    .min(1, '请填写名称（如 春节、春节调休上班）')
    .max(30, '名称不能超过 30 个字'),
});
export type CalendarDayBody = z.infer<typeof calendarDayBody>;

export const calendarDay = z.object({
  day: z.string(),
  working: z.boolean(),
  name: z.string(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type CalendarDay = z.infer<typeof calendarDay>;
