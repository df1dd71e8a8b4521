import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** remote diagnosis (issue 12): consults */
export const remoteConsultsRoutes: FastifyPluginAsyncZod = async () => {};
