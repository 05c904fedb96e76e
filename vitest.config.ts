import { defineConfig } from 'vitest/config';

// Three projects: fast unit tests beside the code, integration tests against real SQL and HTTP,
// and browser tests in Debian's Chromium (run by `npm run test:e2e`, not by `npm test`).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'bot/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // The demo chat polls every 1.5 s, so a bot reply may take that long to appear; vitest's
          // default of 1 s for expect.poll made waiting for it a race.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
