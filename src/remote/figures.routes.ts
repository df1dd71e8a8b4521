import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { sendXlsx } from '../platform/list.ts';
import { remoteFiguresQuery } from './figures.schema.ts';
import { exportRemoteFigures, remoteFigures } from './figures.service.ts';

/** remote diagnosis (issue 12): figures */
export const remoteFiguresRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['remote'];
  app.get(
    '/api/remote/figures',
    {
      schema: {
        tags,
        summary:
          '远程诊断统计：报告时限达标率、审核用时、危急值、更正率、结果互认率、服务量、心电设备村级覆盖率、远程会诊同比（分子/分母/定义见 db/views/indicator_remote_*_v01.sql）',
        querystring: remoteFiguresQuery,
      },
    },
    (req) => remoteFigures(ctxOf(req), req.query),
  );
  app.get(
    '/api/remote/figures/export',
    {
      schema: {
        tags,
        summary: '导出远程诊断统计（Excel：合计、按月、按乡镇、按诊断中心）',
        querystring: remoteFiguresQuery,
      },
    },
    async (req, reply) => sendXlsx(reply, await exportRemoteFigures(ctxOf(req), req.query)),
  );
};
