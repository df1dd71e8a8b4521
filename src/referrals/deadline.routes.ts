import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/context.ts';
import { requireChanges } from '../platform/errors.ts';
import { getSettings, setSettings } from './deadline.service.ts';
import { URGENCIES } from './referral.states.ts';

const minutes = z.number().int('请填写整数分钟').min(1, '时限至少 1 分钟').max(10080, '时限最长 7 天').optional();
const settings = z.array(z.object({ urgency: z.enum(URGENCIES), acceptMinutes: z.number(), isDefault: z.boolean() }));

export const deadlineRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['referrals'];
  app.get(
    '/api/referral-settings/deadlines',
    { schema: { tags, summary: '各紧急程度的接收时限', response: { 200: settings } } },
    (req) => getSettings(ctxOf(req)),
  );
  app.patch(
    '/api/referral-settings/deadlines',
    {
      schema: {
        tags,
        summary: '修改接收时限（分钟）',
        body: z.object({ emergency: minutes, urgent: minutes, routine: minutes }).strict(),
        response: { 200: settings },
      },
    },
    (req) => {
      requireChanges(req.body);
      return setSettings(ctxOf(req), req.body);
    },
  );
};
