import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { AppError } from '../platform/errors.ts';
import { idParam } from '../platform/params.ts';
import { requestStudies, studyFile, studyWaveform, unmatchedStudies } from './studies.read.ts';
import { matchBody, MAX_STUDY_BYTES, STUDY_BODY_TYPES, studyUploadQuery, unmatchedQuery } from './studies.schema.ts';
import { matchStudy, uploadStudy } from './studies.service.ts';

/**
 * remote diagnosis (issue 12): studies. A file travels as the raw request body (its name and
 * the request in the query): DICOM, HL7 aECG, PDF, JPEG, PNG, recognised by the bytes.
 */
export const remoteStudiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['remote'];
  app.addContentTypeParser(STUDY_BODY_TYPES, { parseAs: 'buffer', bodyLimit: MAX_STUDY_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/api/remote/studies',
    {
      bodyLimit: MAX_STUDY_BYTES,
      schema: {
        tags,
        summary: '上传检查文件（DICOM、HL7 aECG、PDF、JPEG、PNG；按检查号与患者编号匹配申请）',
        querystring: studyUploadQuery,
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body))
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请直接上传文件内容（application/octet-stream）');
      const result = await uploadStudy(ctxOf(req), { ...req.query, bytes: req.body });
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
  app.get(
    '/api/remote/studies/unmatched',
    { schema: { tags, summary: '未匹配到申请的检查文件（待人工关联）', querystring: unmatchedQuery } },
    (req) => unmatchedStudies(ctxOf(req), req.query),
  );
  app.get('/api/remote/requests/:id/studies', { schema: { tags, summary: '申请的检查文件', params: idParam } }, (req) =>
    requestStudies(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/remote/studies/:id/file',
    { schema: { tags, summary: '检查文件原件', params: idParam } },
    async (req, reply) => {
      const f = await studyFile(ctxOf(req), req.params.id);
      return reply
        .type(f.mime)
        .header(
          'content-disposition',
          `${f.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(f.bytes);
    },
  );
  app.get(
    '/api/remote/studies/:id/waveform',
    { schema: { tags, summary: '心电波形（各导联 µV 与采样率）', params: idParam } },
    (req) => studyWaveform(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/remote/studies/:id/match',
    { schema: { tags, summary: '人工关联检查文件与申请', params: idParam, body: matchBody } },
    (req) => matchStudy(ctxOf(req), req.params.id, req.body.requestId),
  );
};
