import { defineConfig } from 'vitest/config';

// Real ESLint 8.57/9/10 and tsc runs against the packed package (tests/integration/).
// Each test spawns ESLint; the files run two at a time, their tests one after another.
export default defineConfig({
  test: {
    globals: true,
    include: ['tests/integration/**/*.test.ts'],
    exclude: ['tests/integration/projects/**', 'node_modules/**'],
    globalSetup: ['tests/integration/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
