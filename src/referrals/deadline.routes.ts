import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { requireChanges } from '../platform/errors.ts';
import { deadlinePatch, deadlineSettings } from './deadline.schema.ts';
import { getSettings, setSettings } from './deadline.service.ts';

export const deadlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['referrals'];
  app.get(
    '/api/referral-settings/deadlines',
    { schema: { tags, summary: '各紧急程度的接收时限', response: { 200: deadlineSettings } } },
    (req) => getSettings(ctxOf(req)),
  );
  app.patch(
    '/api/referral-settings/deadlines',
    { schema: { tags, summary: '修改接收时限（分钟）', body: deadlinePatch, response: { 200: deadlineSettings } } },
    (req) => {
      requireChanges(req.body);
      return setSettings(ctxOf(req), req.body);
    },
  );
};
