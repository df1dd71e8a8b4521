import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** remote diagnosis (issue 12): studies */
export const remoteStudiesRoutes: FastifyPluginAsyncZod = async () => {};
