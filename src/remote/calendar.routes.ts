import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { calendarDayBody, calendarDayParam, calendarQuery } from './calendar.schema.ts';
import * as calendar from './calendar.service.ts';

/** remote diagnosis (issue 12): 工作日历 — holidays and 调休 days for the limits in working time */
export const remoteCalendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['remote-calendar'];
  app.get(
    '/api/remote/calendar',
    { schema: { tags, summary: '工作日历（节假日与调休上班日）', querystring: calendarQuery } },
    (req) => calendar.listYear(ctxOf(req), req.query.year),
  );
  app.put(
    '/api/remote/calendar/:day',
    { schema: { tags, summary: '设置某日放假或调休上班（管理员）', params: calendarDayParam, body: calendarDayBody } },
    (req) => calendar.setDay(ctxOf(req), req.params.day, req.body),
  );
  app.delete(
    '/api/remote/calendar/:day',
    { schema: { tags, summary: '删除某日设置，恢复按周一至周五（管理员）', params: calendarDayParam } },
    (req) => calendar.clearDay(ctxOf(req), req.params.day),
  );
};
