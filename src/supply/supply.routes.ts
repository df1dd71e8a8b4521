import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** 消毒供应与医疗废物 (issue 14): sterile packs and loads, the medical-waste handover chain */
export const supplyRoutes: FastifyPluginAsyncZod = async () => {};
