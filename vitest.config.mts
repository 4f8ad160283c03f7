import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure logic, milliseconds), `integration` (real SQLite, real files,
 * real child processes) and `browser` (headless Chromium against the renderer and the real core).
 */
export default defineConfig({
  test: {
    // Every library a test makes is encrypted with this key (CLI runs inherit it). It guards
    // nothing: test data is generated; tests of the key's own handling set their own.
    env: { CAIRN_DB_KEY: '7e57'.repeat(16) },
    // The no-egress guard: any connection beyond 127.0.0.1 (and a configured S3 endpoint), from a
    // test or from a process a test starts, fails the run. See test/setup/egress-guard.cjs.
    setupFiles: ['test/setup/no-egress.ts'],
    // CI also writes a JSON summary, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test/artifacts/vitest-results.json' }]]
      : ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
