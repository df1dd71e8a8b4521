import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** remote diagnosis (issue 12): criticals */
export const remoteCriticalsRoutes: FastifyPluginAsyncZod = async () => {};
