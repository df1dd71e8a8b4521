import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** 药品耗材 六统一 (issue 14): catalogue, one price, procurement, distribution, stock, dispensing, recall */
export const pharmacyRoutes: FastifyPluginAsyncZod = async () => {};
