import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/**
 * One `npm test`, several projects:
 * - unit: pure rules beside the code (domain/, functions/) and the mini-program's pure helpers (test/unit/miniapp);
 * - api: the HTTP app against a fresh PGlite per file;
 * - api-pg: the same API files against the PostgreSQL server, plus the Neon-driver path through a
 *   WebSocket relay — only when TEST_DATABASE_URL is set (CI sets it);
 * - slow: the weapp build and the browser journey, one file at a time.
 */
const pg = !!process.env.TEST_DATABASE_URL

export default defineConfig({
  // The mini-program's own aliases (miniapp/config/index.ts), so its pure helpers run under vitest.
  resolve: {
    alias: [
      { find: /^@domain\//, replacement: fileURLToPath(new URL('./domain/', import.meta.url)) },
      { find: /^@\//, replacement: fileURLToPath(new URL('./miniapp/src/', import.meta.url)) },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'domain/**/*.test.ts',
            'functions/**/*.test.ts',
            'db/**/*.test.ts',
            'test/deploy/**/*.test.ts',
            'test/architecture.test.ts',
            'test/unit/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: { name: 'api', include: ['test/api/**/*.test.ts'], env: { TEST_DB: 'pglite' }, testTimeout: 30_000, hookTimeout: 60_000 },
      },
      ...(pg
        ? [
            {
              extends: true as const,
              test: {
                name: 'api-pg',
                include: ['test/api/**/*.test.ts', 'test/pg/**/*.test.ts'],
                env: { TEST_DB: 'pg' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'slow',
          include: ['test/build/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 300_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
})
