import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Browser tests wait for panels that, on two cores shared with ClickHouse and DuckDB tests,
    // can take longer than the default second.
    expect: { poll: { timeout: 15_000 } },
  },
});
