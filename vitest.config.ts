import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // CI asks for a JSON report to print its one totals line.
    reporters: process.env.CORESHARE_TEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.CORESHARE_TEST_JSON ? { json: process.env.CORESHARE_TEST_JSON } : {},
  },
});
