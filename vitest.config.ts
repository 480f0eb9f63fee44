import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // RuleTester finds describe/it/afterAll as globals.
    globals: true,
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/integration/**', 'node_modules/**'],
    pool: 'threads',
    // Tests that pass malformed settings on purpose: their warnings are asserted where they matter, not printed.
    setupFiles: ['tests/settings/quiet-warnings.setup.ts', 'tests/temp-dirs.setup.ts'],
  },
});
