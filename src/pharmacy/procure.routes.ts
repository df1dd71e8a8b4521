import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const procureRoutes: FastifyPluginAsyncZod = async () => {};
