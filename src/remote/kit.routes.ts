import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** remote diagnosis (issue 12): kit */
export const remoteKitRoutes: FastifyPluginAsyncZod = async () => {};
