import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** remote diagnosis (issue 12): figures */
export const remoteFiguresRoutes: FastifyPluginAsyncZod = async () => {};
