import { describe, expect, it } from 'vitest';

import { typecheckProject } from './harness';

// `tsc --noEmit` (strict, module nodenext) on consumer configs that resolve the packed types.
// Each fixture also holds a `@ts-expect-error` on a misspelt config name, so an `any`-typed
// import (types not found, or lost in the build) fails the check as well.
describe('consumer eslint.config types', () => {
  it('ESM package: eslint.config.ts resolves the `import` condition (index.d.mts)', async () => {
    const result = await typecheckProject('flat-ts-config');
    expect({ exitCode: result.exitCode, output: result.stdout + result.stderr }).toEqual({ exitCode: 0, output: '' });
  });

  it('CommonJS package: eslint.config.cts resolves the `require` condition (index.d.cts)', async () => {
    const result = await typecheckProject('flat-cts-config');
    expect({ exitCode: result.exitCode, output: result.stdout + result.stderr }).toEqual({ exitCode: 0, output: '' });
  });
});
