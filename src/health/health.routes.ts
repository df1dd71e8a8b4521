import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';

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
        },
      },
    },
    async () => {
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM schema_migrations`.execute(
        app.platform.db,
      );
      return {
        status: 'ok' as const,
        database: app.platform.databaseKind,
        migrations: rows[0].n,
        time: new Date().toISOString(),
      };
    },
  );
};
