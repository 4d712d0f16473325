import { defineConfig } from 'vitest/config';

// Unit tests (pure logic, no I/O) and the server's integration suite, which runs on PGlite, and
// again on PostgreSQL when PLUGBOARD_TEST_DATABASE_URL is set (scripts/plugboard.mjs sets it when
// a server answers on 127.0.0.1:5432). The browser suite lives in e2e/ with its own config.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'shell/src/**/*.test.ts',
            'sdk/src/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/src/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['server/src/test-support/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
