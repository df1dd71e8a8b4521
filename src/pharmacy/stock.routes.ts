import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const stockRoutes: FastifyPluginAsyncZod = async () => {};
