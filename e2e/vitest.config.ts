import { defineConfig } from 'vitest/config';

// One browser and one server for the whole run; files run one after another because they share
// the machine's two cores with Chromium and the server.
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
