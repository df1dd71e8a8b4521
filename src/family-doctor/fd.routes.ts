import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { sendXlsx } from '../platform/list.ts';
import { idParam, isoDate } from '../platform/params.ts';
import * as contracts from './contract.service.ts';
import * as changes from './contract-change.service.ts';
import * as lists from './contract-list.service.ts';
import {
  contractChangeTeam,
  contractQuery,
  contractRenew,
  contractSign,
  contractTerminate,
  deliveryCreate,
  packageCreate,
  settingsPatch,
  teamCreate,
} from './fd.schema.ts';
import * as teams from './team.service.ts';

/** 家庭医生签约 (issue 11): teams, packages, contracts, 履约 */
export const familyDoctorRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['family-doctor'];
  app.get('/api/fd/teams', { schema: { tags, summary: '1+1+N 家庭医生团队（成员、服务村、有效签约数）' } }, (req) =>
    teams.listTeams(ctxOf(req)),
  );
  app.post('/api/fd/teams', { schema: { tags, summary: '建立团队', body: teamCreate } }, (req) =>
    teams.createTeam(ctxOf(req), req.body),
  );
  app.get(
    '/api/fd/packages',
    {
      schema: {
        tags,
        summary: '服务包及其各版本（现行版本标出）',
        querystring: z.object({ on: isoDate().optional() }),
      },
    },
    (req) => teams.listPackages(ctxOf(req), req.query.on),
  );
  app.post('/api/fd/packages', { schema: { tags, summary: '新服务包或服务包新版本', body: packageCreate } }, (req) =>
    teams.createPackage(ctxOf(req), req.body),
  );
  app.get('/api/fd/settings', { schema: { tags, summary: '网格人数、村医网格数、续签窗口、签而不约天数' } }, (req) =>
    teams.getSettings(ctxOf(req)),
  );
  app.patch('/api/fd/settings', { schema: { tags, summary: '修改设置', body: settingsPatch } }, (req) =>
    teams.patchSettings(ctxOf(req), req.body),
  );
  app.get(
    '/api/fd/contracts',
    { schema: { tags, summary: '签约列表（有效、待续签、签而不约、已结束）', querystring: contractQuery } },
    (req) => lists.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/fd/contracts/export',
    { schema: { tags, summary: '签约列表导出 Excel', querystring: contractQuery } },
    async (req, reply) => sendXlsx(reply, await lists.exportList(ctxOf(req), req.query)),
  );
  app.post(
    '/api/fd/contracts',
    { schema: { tags, summary: '签约（可一次签全户；每人一个客户端编号，重试不重复）', body: contractSign } },
    (req) => contracts.sign(ctxOf(req), req.body),
  );
  app.get(
    '/api/fd/contracts/:id',
    { schema: { tags, summary: '签约详情：服务包、权益与履约、服务记录、变更', params: idParam } },
    (req) => lists.detail(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/fd/contracts/:id/renew',
    { schema: { tags, summary: '续签（到期前窗口内）', params: idParam, body: contractRenew } },
    (req) => changes.renew(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/fd/contracts/:id/terminate',
    { schema: { tags, summary: '解约（须填原因）', params: idParam, body: contractTerminate } },
    (req) => changes.terminate(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/fd/contracts/:id/change-team',
    { schema: { tags, summary: '变更签约团队（须填原因）', params: idParam, body: contractChangeTeam } },
    (req) => changes.changeTeam(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/fd/deliveries',
    { schema: { tags, summary: '登记一次签约服务（体检、上门等）', body: deliveryCreate } },
    (req) => changes.recordDelivery(ctxOf(req), req.body),
  );
  app.get(
    '/api/fd/households/:id',
    { schema: { tags, summary: '居民所在户的成员及其签约状态（全户签约用）', params: idParam } },
    (req) => lists.household(ctxOf(req), req.params.id),
  );
};
