import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/context.ts';
import { todoList } from './todo.schema.ts';
import * as svc from './todo.service.ts';

export const todoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/todo',
    {
      schema: {
        tags: ['todo'],
        summary: '首页待办：按角色统计待接收转诊、待执行/待出报告检查、今日门诊、下转任务等（限本人机构范围）',
        response: { 200: todoList },
      },
    },
    (req) => svc.todo(ctxOf(req)),
  );
};
