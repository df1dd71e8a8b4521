import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { idempotencyHeaders, sendIdempotent } from '../platform/idempotency.ts';
import { idParam } from '../platform/params.ts';
import * as city from './city.service.ts';
import * as desk from './desk.service.ts';
import * as detail from './detail.service.ts';
import * as figures from './figures.service.ts';
import * as policy from './policy.service.ts';
import * as receivables from './receivable.service.ts';
import {
  admissionCheck,
  batchCreate,
  dayReportQuery,
  depositCreate,
  deskQuery,
  figuresQuery,
  policyDraftCreate,
  policyVersionSave,
  receivableQuery,
  returnImport,
  settlementConfirm,
  settlementCreate,
  settlementReverse,
} from './settlement.schema.ts';
import * as settle from './settle.service.ts';

/** 一站式结算 (issue 15): the clerk's desk, settlements, receivables, policy, figures, city supervision */
export const settlementRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['settlement'];
  app.get(
    '/api/settlement/desk',
    { schema: { tags, summary: '结算台列表：在院（核验、押金）、待结算出院、已结算、门诊', querystring: deskQuery } },
    (req) => desk.desk(ctxOf(req), req.query),
  );
  app.post(
    '/api/settlement/admission-checks',
    { schema: { tags, summary: '入院核验：险种与贫困身份；建档立卡先诊疗后付费免押金', body: admissionCheck } },
    (req) => desk.admissionCheck(ctxOf(req), req.body.stayId),
  );
  app.post(
    '/api/settlement/deposits',
    {
      schema: {
        tags,
        summary: '收押金（正数）或退押金（负数）；需 Idempotency-Key',
        headers: idempotencyHeaders,
        body: depositCreate,
      },
    },
    async (req, reply) =>
      sendIdempotent(reply, await desk.deposit(ctxOf(req), req.body, req.headers['idempotency-key'])),
  );
  app.get(
    '/api/settlement/day-report',
    { schema: { tags, summary: '日结报表：每位结算员当日收付款', querystring: dayReportQuery } },
    (req) => desk.dayReport(ctxOf(req), req.query),
  );
  app.post(
    '/api/settlements',
    {
      schema: {
        tags,
        summary: '计算结算（一次出院或一次门诊只有一张结算单；重复点击得到同一张）',
        body: settlementCreate,
      },
    },
    async (req) => {
      return settle.calculateFor(ctxOf(req), req.body).catch((err: unknown) => {
        throw settle.settlementDbError(err);
      });
    },
  );
  app.get('/api/settlements/:id', { schema: { tags, summary: '结算单详情（结算单打印用）', params: idParam } }, (req) =>
    detail.detail(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/settlements/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认结算：按计算时的依据（inputHash）确认，依据变化则须重新计算',
        params: idParam,
        body: settlementConfirm,
      },
    },
    async (req) => {
      return settle.confirm(ctxOf(req), req.params.id, req.body).catch((err: unknown) => {
        throw settle.settlementDbError(err);
      });
    },
  );
  app.post(
    '/api/settlements/:id/reverse',
    { schema: { tags, summary: '冲销：生成负数结算单并退回年度累计', params: idParam, body: settlementReverse } },
    async (req) => {
      return settle.reverse(ctxOf(req), req.params.id, req.body.reason).catch((err: unknown) => {
        throw settle.settlementDbError(err);
      });
    },
  );
  app.get(
    '/api/settlements/:id/verify',
    { schema: { tags, summary: '复核：按保存的依据和政策版本重算，应与原结算分毫不差', params: idParam } },
    (req) => settle.verify(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/settlement/receivables',
    { schema: { tags, summary: '应收款（按支付方）', querystring: receivableQuery } },
    (req) => receivables.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/settlement/receivables/summary',
    { schema: { tags, summary: '各医院垫付未回款与超 30 天应收' } },
    (req) => receivables.summary(ctxOf(req)),
  );
  app.get('/api/settlement/claim-batches', { schema: { tags, summary: '申报批次' } }, (req) =>
    receivables.batches(ctxOf(req)),
  );
  app.post(
    '/api/settlement/claim-batches',
    { schema: { tags, summary: '生成申报批次：某医院某支付方期间内的未申报应收', body: batchCreate } },
    (req) => receivables.createBatch(ctxOf(req), req.body),
  );
  app.get(
    '/api/settlement/claim-batches/:id',
    { schema: { tags, summary: '申报批次明细与回款结果', params: idParam } },
    (req) => receivables.batchDetail(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/settlement/claim-batches/:id/returns',
    {
      schema: {
        tags,
        summary: '导入回款文件（CSV UTF-8/GB18030 或 .xlsx）并对账',
        params: idParam,
        body: returnImport,
      },
    },
    (req) => receivables.importReturn(ctxOf(req), req.params.id, req.body),
  );

  app.get('/api/settlement/policy/versions', { schema: { tags, summary: '医保结算政策版本' } }, (req) =>
    policy.listVersions(ctxOf(req)),
  );
  app.get(
    '/api/settlement/policy/versions/:id',
    { schema: { tags, summary: '政策版本的规则和单病种定额', params: idParam } },
    (req) => policy.getVersion(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/settlement/policy/versions',
    { schema: { tags, summary: '新建草稿版本（复制一个版本）', body: policyDraftCreate } },
    (req) => policy.createDraft(ctxOf(req), req.body),
  );
  app.put(
    '/api/settlement/policy/versions/:id',
    { schema: { tags, summary: '保存草稿版本（已发布版本不能修改）', params: idParam, body: policyVersionSave } },
    (req) => policy.saveDraft(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/settlement/policy/versions/:id/publish',
    { schema: { tags, summary: '发布版本：自生效日起执行，此后不可修改', params: idParam } },
    (req) => policy.publish(ctxOf(req), req.params.id),
  );

  app.get(
    '/api/settlement/figures',
    {
      schema: {
        tags,
        summary: '结算指标：贫困人口住院报销比例、个人负担、垫付、单病种、⑧⑨',
        querystring: figuresQuery,
      },
    },
    (req) => figures.figures(ctxOf(req), req.query.year),
  );
  app.get(
    '/api/city/settlements',
    {
      schema: {
        tags,
        summary: '市级监管：各县结算、报销比例、垫付（逻辑复制）',
        querystring: z.object({ year: figuresQuery.shape.year }),
      },
    },
    (req) => city.overview(ctxOf(req), req.query.year),
  );
};
