import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParam } from '../../platform/params.ts';
import { ctxOf } from '../../platform/context.ts';
import { referralTask } from '../referral.schema.ts';
import { noteBody, taskQuery } from './task.schema.ts';
import { addNote, list } from './task.service.ts';

export const taskRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['referrals'];
  app.get(
    '/api/referral-tasks',
    {
      schema: {
        tags,
        summary: '下转任务（本机构及下属村卫生室）',
        querystring: taskQuery,
        response: { 200: z.array(referralTask) },
      },
    },
    (req) => list(ctxOf(req), req.query),
  );
  app.post(
    '/api/referral-tasks/:id/notes',
    {
      schema: {
        tags,
        summary: '填写随访/康复记录',
        params: idParam,
        body: noteBody,
        response: { 201: referralTask.nullable() },
      },
    },
    async (req, reply) => reply.status(201).send(await addNote(ctxOf(req), req.params.id, req.body)),
  );
};
