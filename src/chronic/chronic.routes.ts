import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { sendIdempotent } from '../platform/idempotency.ts';
import { sendXlsx } from '../platform/list.ts';
import { idParam, idParams, intQuery } from '../platform/params.ts';
import * as cases from './case.service.ts';
import * as caseList from './case-list.service.ts';
import * as baseData from './base-data.service.ts';
import * as readings from './grid-reading.service.ts';
import {
  baseDataPut,
  callCreate,
  caseCreate,
  caseQuery,
  caseTransition,
  dayListQuery,
  figuresQuery,
  followupCreate,
  gridCreate,
  gridLogCreate,
  gridPatientAdd,
  readingCreate,
  readingHandle,
  recordsQuery,
  screeningCreate,
} from './chronic.schema.ts';
import * as daylist from './daylist.service.ts';
import * as records from './figure-records.service.ts';
import * as figures from './figures.service.ts';
import * as followups from './followup.service.ts';
import * as grids from './grid.service.ts';
import { ruleSetOn } from './rule-set.ts';
import { todayInShanghai } from '../platform/calendar.ts';

/** 慢病管理 (issue 11): registries, follow-ups by the 规范, grids, the village doctor's day, figures */
export const chronicRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['chronic'];
  const uuidParam = z.object({ id: z.uuid('编号应为 UUID') });
  app.get(
    '/api/chronic/cases',
    { schema: { tags, summary: '慢病档案列表（到期、逾期、分类筛选）', querystring: caseQuery } },
    (req) => caseList.listCases(ctxOf(req), req.query),
  );
  app.get(
    '/api/chronic/cases/export',
    { schema: { tags, summary: '慢病档案导出 Excel', querystring: caseQuery } },
    async (req, reply) => sendXlsx(reply, await caseList.exportCases(ctxOf(req), req.query)),
  );
  app.post(
    '/api/chronic/cases',
    { schema: { tags, summary: '建立慢病档案（筛查、确诊或纳入管理）', body: caseCreate } },
    (req) => cases.createCase(ctxOf(req), req.body),
  );
  app.get(
    '/api/chronic/cases/:id',
    { schema: { tags, summary: '慢病档案：随访记录、状态变化、联系记录、网格员记录', params: idParam } },
    (req) => caseList.getCase(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/chronic/cases/:id/transition',
    {
      schema: {
        tags,
        summary: '档案状态变更（确诊、纳入管理、失访、终止管理）',
        params: idParam,
        body: caseTransition,
      },
    },
    (req) => cases.transition(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/chronic/followups',
    {
      schema: {
        tags,
        summary: '保存随访（编号由手机生成，重试只保存一次）；按规范规则分类、定下次随访、必要时生成上转草稿',
        body: followupCreate,
      },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      return sendIdempotent(reply, await followups.saveFollowup(ctx, req.body, ctx.platform.config.now()));
    },
  );
  app.get(
    '/api/chronic/rules',
    { schema: { tags, summary: '某日生效的随访规则（规范）', querystring: z.object({ on: z.string().optional() }) } },
    async (req) => {
      const ctx = ctxOf(req);
      return ruleSetOn(ctx.db, ctx.actor.countyId, req.query.on ?? todayInShanghai());
    },
  );
  app.post(
    '/api/chronic/screenings',
    { schema: { tags, summary: '35 岁以上居民年度首诊测血压', body: screeningCreate } },
    (req) => cases.recordScreening(ctxOf(req), req.body),
  );
  app.post('/api/chronic/calls', { schema: { tags, summary: '逾期随访电话联系结果', body: callCreate } }, (req) =>
    cases.recordCall(ctxOf(req), req.body),
  );
  app.get(
    '/api/chronic/day-list',
    {
      schema: {
        tags,
        summary: '村医今日工作：预警、逾期与到期随访、转诊草稿、下转任务、待续签',
        querystring: dayListQuery,
      },
    },
    (req) => daylist.dayList(ctxOf(req), req.query.on),
  );
  app.get(
    '/api/chronic/stream',
    { schema: { tags, summary: '网格预警与随访的实时推送（Server-Sent Events）' } },
    (req, reply) => readings.stream(ctxOf(req), req, reply),
  );
  app.get('/api/grids', { schema: { tags, summary: '网格列表（网格员、负责村医、人数、未处理预警）' } }, (req) =>
    grids.listGrids(ctxOf(req)),
  );
  app.post('/api/grids', { schema: { tags, summary: '建立网格', body: gridCreate } }, (req) =>
    grids.createGrid(ctxOf(req), req.body),
  );
  app.post(
    '/api/grids/:id/patients',
    { schema: { tags, summary: '将慢病患者编入网格', params: idParam, body: gridPatientAdd } },
    (req) => grids.addPatient(ctxOf(req), req.params.id, req.body.residentId),
  );
  app.post(
    '/api/grids/:id/patients/:residentId/remove',
    { schema: { tags, summary: '将患者移出网格', params: idParams('id', 'residentId') } },
    (req) => grids.removePatient(ctxOf(req), req.params.id, req.params.residentId),
  );
  app.get('/api/grid/mine', { schema: { tags, summary: '网格员：我的网格和患者' } }, (req) => grids.mine(ctxOf(req)));
  app.post(
    '/api/grid/readings',
    {
      schema: {
        tags,
        summary: '网格员记录家庭血压、血糖或观察（编号由手机生成）；超过阈值即向村医预警',
        body: readingCreate,
      },
    },
    async (req, reply) => sendIdempotent(reply, await readings.recordReading(ctxOf(req), req.body)),
  );
  app.post(
    '/api/grid/readings/:id/handle',
    { schema: { tags, summary: '村医处理网格预警', params: uuidParam, body: readingHandle } },
    (req) => readings.handleAlert(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/grid/logs', { schema: { tags, summary: '网格每周交流记录', body: gridLogCreate } }, (req) =>
    grids.addLog(ctxOf(req), req.body),
  );
  app.get(
    '/api/chronic/figures',
    {
      schema: {
        tags,
        summary: '签约率、续签率、履约率、管理率、规范管理率、控制率与 Simple 口径',
        querystring: figuresQuery,
      },
    },
    (req) => figures.dashboard(ctxOf(req), req.query),
  );
  app.get(
    '/api/chronic/figures/records',
    { schema: { tags, summary: '指标分子或分母的患者名单', querystring: recordsQuery } },
    (req) => records.records(ctxOf(req), req.query),
  );
  app.get(
    '/api/chronic/figures/records/export',
    { schema: { tags, summary: '指标名单导出 Excel', querystring: recordsQuery } },
    async (req, reply) => sendXlsx(reply, await records.exportRecords(ctxOf(req), req.query)),
  );
  app.get(
    '/api/chronic/data-quality',
    {
      schema: {
        tags,
        summary: '血压数据质量：尾数 0 偏好与 139/89 堆积（按随访医生）',
        querystring: z.object({ year: intQuery({ min: 2000, max: 2100 }), orgId: intQuery().optional() }),
      },
    },
    (req) => figures.dataQuality(ctxOf(req), req.query),
  );
  app.get(
    '/api/chronic/base-data',
    {
      schema: {
        tags,
        summary: '管理率分母的基础数据（35 岁以上人口、患病率）',
        querystring: z.object({ year: intQuery({ min: 2000, max: 2100 }) }),
      },
    },
    (req) => baseData.baseData(ctxOf(req), req.query.year),
  );
  app.put('/api/chronic/base-data', { schema: { tags, summary: '填写基础数据', body: baseDataPut } }, (req) =>
    baseData.saveBaseData(ctxOf(req), req.body),
  );
};
