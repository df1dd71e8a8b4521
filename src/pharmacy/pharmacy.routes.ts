import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { catalogueRoutes } from './catalogue.routes.ts';
import { procureRoutes } from './procure.routes.ts';
import { stockRoutes } from './stock.routes.ts';

/** 药品耗材 六统一 (issue 14): catalogue, one price, procurement, distribution, stock, dispensing, recall */
export const pharmacyRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(catalogueRoutes); // the one catalogue, its import and the one price per county
  await app.register(procureRoutes); // requests, purchase orders and receipts, distribution and 调剂
  await app.register(stockRoutes); // stock by batch, stock-take, dispensing with trace codes, recall, shortages, figures
};
