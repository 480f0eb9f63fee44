import { RuleTester } from '@typescript-eslint/rule-tester';

/**
 * The untyped tester every rule suite uses: TypeScript parser, latest syntax, JSX on.
 * Cases for plain JS set `filename: 'file.js'`; TS cases use the default `file.ts`.
 */
export function createRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}
