import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** remote diagnosis (issue 12): requests */
export const remoteRequestsRoutes: FastifyPluginAsyncZod = async () => {};
