import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParam } from '../platform/params.ts';
import { ctxOf } from '../platform/context.ts';
import { MAX_ATTACHMENT_BYTES, uploadQuery } from './attachment.schema.ts';
import { download, upload } from './attachment.service.ts';
import { attachmentMeta } from './referral.schema.ts';

/** Files travel as the raw request body (no multipart parser needed); this plugin's parsers apply only here. */
export const attachmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['referrals'];
  app.addContentTypeParser(
    ['application/pdf', 'image/jpeg', 'image/png', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES },
    (_req, body, done) => done(null, body),
  );
  app.post(
    '/api/referrals/:id/attachments',
    {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags,
        summary: '上传附件（PDF/JPEG/PNG，≤5 MB，按内容识别类型）',
        params: idParam,
        querystring: uploadQuery,
        response: { 201: attachmentMeta },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await upload(ctxOf(req), req.params.id, req.query.filename, req.headers['content-type'], req.body)),
  );
  app.get(
    '/api/referral-attachments/:id',
    { schema: { tags, summary: '下载附件（仅限可查看该转诊单者）', params: idParam } },
    async (req, reply) => {
      const file = await download(ctxOf(req), req.params.id);
      return reply
        .type(file.mime)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  );
};
