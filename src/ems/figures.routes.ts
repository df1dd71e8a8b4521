import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { sendXlsx } from '../platform/list.ts';
import { exportFigures, figures } from './figures.service.ts';

const month = (label: string) =>
  z
    .string({ error: `${label}格式应为 YYYY-MM` })
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, `${label}格式应为 YYYY-MM（如 2025-03）`);

/** a month range, both included; default the 12 months up to this one (Asia/Shanghai) */
export const emsFiguresQuery = z
  .object({ from: month('起始月份').optional(), to: month('截止月份').optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: '起始月份不能晚于截止月份', path: ['from'] });

export const emsFigureRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['ems'];
  app.get(
    '/api/ems/figures',
    {
      schema: {
        tags,
        summary:
          '急救统计：10 秒接听率、3 分钟出车率、反应时间、胸痛中心与卒中中心时间节点、乡镇 DIDO（分子/分母/定义/目标，定义见 db/views/indicator_ems_*_v01.sql）',
        querystring: emsFiguresQuery,
      },
    },
    (req) => figures(ctxOf(req), req.query),
  );
  app.get(
    '/api/ems/figures/export',
    {
      schema: {
        tags,
        summary: '导出急救统计（Excel：合计、按月、按急救站、医院、乡镇）',
        querystring: emsFiguresQuery,
      },
    },
    async (req, reply) => sendXlsx(reply, await exportFigures(ctxOf(req), req.query)),
  );
};
