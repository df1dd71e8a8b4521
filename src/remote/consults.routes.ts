import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { sendIdempotent } from '../platform/idempotency.ts';
import { sendXlsx } from '../platform/list.ts';
import { idParam } from '../platform/params.ts';
import { addFile, downloadFile } from './consults.files.ts';
import {
  CONSULT_FILE_MAX_BYTES,
  CONSULT_STEP_BODIES,
  CONSULT_STEPS,
  consultApply,
  consultFileParams,
  consultFileQuery,
  consultQuery,
} from './consults.schema.ts';
import * as consults from './consults.service.ts';
import { CONSULT_STEP_LABELS } from './consults.shared.ts';
import { takeStep } from './consults.steps.ts';

const STEP_SUMMARIES: Record<(typeof CONSULT_STEPS)[number], string> = {
  accept: '受邀方接受会诊（费用以分计，默认按收费标准）',
  decline: '受邀方拒绝会诊（须填写原因）',
  consent: '申请方记录患者知情同意（安排时间前必须记录）',
  schedule: '受邀方安排视频会诊时间（须 https 视频链接）',
  hold: '受邀方记录会诊开始、结束时间',
  opinion: '受邀专家签署会诊意见',
  decide: '申请机构医生记录诊疗决定（申请机构承担诊疗责任）',
  close: '申请方结束会诊',
  cancel: '申请方在会诊开展前取消（须填写原因）',
};

/** 远程会诊 (issue 12 §5): application → acceptance → consent → schedule → held → opinion → decision → closed */
export const remoteConsultsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['remote'];
  // attachments travel as the raw request body; these parsers apply inside this plugin only
  app.addContentTypeParser(
    ['application/pdf', 'image/jpeg', 'image/png', 'application/dicom', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: CONSULT_FILE_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.get('/api/remote/consults', { schema: { tags, summary: '远程会诊列表', querystring: consultQuery } }, (req) =>
    consults.list(ctxOf(req), req.query),
  );
  app.get(
    '/api/remote/consults/export',
    { schema: { tags, summary: '远程会诊导出 Excel', querystring: consultQuery } },
    async (req, reply) => sendXlsx(reply, await consults.exportList(ctxOf(req), req.query)),
  );
  app.get('/api/remote/consults/options', { schema: { tags, summary: '可邀请的医院、专家与会诊收费标准' } }, (req) =>
    consults.options(ctxOf(req)),
  );
  app.post(
    '/api/remote/consults',
    {
      schema: {
        tags,
        summary: '发起远程会诊（同一 clientId 重复提交返回同一会诊，内容不同则 422）',
        body: consultApply,
      },
    },
    async (req, reply) => sendIdempotent(reply, await consults.apply(ctxOf(req), req.body)),
  );
  app.get('/api/remote/consults/:id', { schema: { tags, summary: '会诊详情、附件与时间轴', params: idParam } }, (req) =>
    consults.detail(ctxOf(req), req.params.id),
  );
  for (const step of CONSULT_STEPS) {
    app.post(
      `/api/remote/consults/:id/${step}`,
      {
        schema: {
          tags,
          summary: STEP_SUMMARIES[step] ?? CONSULT_STEP_LABELS[step],
          params: idParam,
          body: CONSULT_STEP_BODIES[step],
        },
      },
      (req) => takeStep(ctxOf(req), req.params.id, step, req.body as never),
    );
  }
  app.post(
    '/api/remote/consults/:id/files',
    {
      bodyLimit: CONSULT_FILE_MAX_BYTES,
      schema: {
        tags,
        summary: '添加会诊附件（PDF/JPEG/PNG/DICOM，≤8 MB，按内容识别，按 SHA-256 存储）',
        params: idParam,
        querystring: consultFileQuery,
      },
    },
    async (req, reply) => {
      const added = await addFile(ctxOf(req), req.params.id, req.query.filename, req.body);
      return reply.status(added.created ? 201 : 200).send(added);
    },
  );
  app.get(
    '/api/remote/consults/:id/files/:sha',
    { schema: { tags, summary: '下载会诊附件（仅限会诊双方）', params: consultFileParams } },
    async (req, reply) => {
      const file = await downloadFile(ctxOf(req), req.params.id, req.params.sha);
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  );
};
