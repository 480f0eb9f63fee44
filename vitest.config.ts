import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // RuleTester finds describe/it/afterAll as globals.
    globals: true,
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/integration/**', 'node_modules/**'],
    pool: 'threads',
  },
});
