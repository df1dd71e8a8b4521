import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { chargeRoutes } from './charge.routes.ts';
import { figuresRoutes } from './figures.routes.ts';
import { stayRoutes } from './stay.routes.ts';
import { visitRoutes } from './visit.routes.ts';

/** Visits, stays and charges (issue 10). */
export const careRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(chargeRoutes);
  await app.register(visitRoutes);
  await app.register(stayRoutes);
  await app.register(figuresRoutes);
};
