import { defineConfig } from 'vitest/config';

/**
 * Three projects: the integration suite on embedded PGlite, the same suite on a real
 * PostgreSQL server (TEST_DATABASE_URL, a superuser URL; .ci/run starts one), and browser
 * journeys in Debian's Chromium. Locally, a missing server skips the postgres project with a
 * notice; in CI (CI=true) it is included and fails loudly instead.
 */
const hasServer = Boolean(process.env.TEST_DATABASE_URL);
const inCi = process.env.CI === 'true';
if (!hasServer && !inCi) console.warn('[vitest] TEST_DATABASE_URL 未设置：跳过 PostgreSQL 服务器测试项目');

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two files at once even on a 2-core machine (the default there is one): most of a file's
    // time is spent waiting on a database server, a browser or the app's server process.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 2),
    projects: [
      {
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.pg.test.ts'],
          env: { TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      ...(hasServer || inCi
        ? [
            {
              test: {
                name: 'postgres',
                include: ['src/**/*.test.ts'],
                exclude: ['src/**/*.unit.test.ts'],
                env: { TEST_DB: 'postgres' },
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]
        : []),
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          // two journeys at once, each with its own server and browser, beside the server tests
          // a page under CI load can take seconds to fetch and render: 1 s (the default) is too tight
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
