import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '../platform/errors.ts';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: '健康检查',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'postgresql']),
            migrations: z.number(),
            time: z.string(),
          }),
          // the database is away: the process is up and serves again by itself once it is back
          503: z.object({
            status: z.literal('unavailable'),
            database: z.literal('down'),
            code: z.literal('DATABASE_UNAVAILABLE'),
            message: z.string(),
            requestId: z.string(),
            time: z.string(),
          }),
        },
      },
    },
    async (req, reply) => {
      try {
        const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations`.execute(
          app.platform.db,
        );
        return {
          status: 'ok' as const,
          database: app.platform.databaseKind,
          migrations: rows[0].n,
          time: new Date().toISOString(),
        };
      } catch (err) {
        if (!isDatabaseUnavailable(err)) throw err;
        req.log.warn({ err: { message: (err as Error).message } }, 'health: database unavailable');
        return reply.status(503).send({
          status: 'unavailable' as const,
          database: 'down' as const,
          code: 'DATABASE_UNAVAILABLE' as const,
          message: DATABASE_UNAVAILABLE_MESSAGE,
          requestId: req.id,
          time: new Date().toISOString(),
        });
      }
    },
  );
};
