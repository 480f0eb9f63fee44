import { ESLintUtils } from '@typescript-eslint/utils';

import { createGuard } from '../../src/core/guards';
import { createRuleTester } from '../rule-tester';

/**
 * Probe: reports every `use()` call that runs only where `ok` is true, by the one guard engine,
 * with a condition judge that knows `ok` and `!ok`.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'guarded'>({
  meta: { type: 'problem', messages: { guarded: 'guarded' }, schema: [] },
  defaultOptions: [],
  create(context) {
    const text = (node: Parameters<typeof context.sourceCode.getText>[0]) => context.sourceCode.getText(node);
    const guard = createGuard((test, branch) => (text(test) === 'ok' && branch) || (text(test) === '!ok' && !branch), {
      caseHolds: (switchCase) => switchCase.test !== null && text(switchCase.test) === "'ok'",
    });
    return {
      'CallExpression[callee.name="use"]'(node: Parameters<typeof guard>[0]) {
        if (guard(node)) {
          context.report({ node, messageId: 'guarded' });
        }
      },
    };
  },
});

createRuleTester().run('createGuard', probe, {
  valid: [
    'use(); if (ok) {} use();',
    'if (!ok) { log(); } use();',
    'ok ?? use();',
    'if (ok) {} else { use(); }',
    'function f() { if (!ok) { if (a) return; } use(); }',
    'switch (x) { case "no": use(); }',
  ],
  invalid: [
    {
      code: 'if (ok) use(); ok ? use() : 0; ok && use(); !ok || use();',
      errors: [
        { messageId: 'guarded', line: 1, column: 9, endLine: 1, endColumn: 14 },
        { messageId: 'guarded', line: 1, column: 21, endLine: 1, endColumn: 26 },
        { messageId: 'guarded', line: 1, column: 38, endLine: 1, endColumn: 43 },
        { messageId: 'guarded', line: 1, column: 52, endLine: 1, endColumn: 57 },
      ],
    },
    {
      // Early exits: return, throw, continue, an if whose branches both exit, an exiting else.
      code: `function f() { if (!ok) return; use(); }
function g() { if (!ok) { log(); throw e; } use(); }
for (;;) { if (!ok) continue; use(); }
function h() { if (!ok) { if (a) return; else throw e; } use(); }
function i() { if (ok) { log(); } else { return; } use(); }`,
      errors: [
        { messageId: 'guarded', line: 1, column: 33, endLine: 1, endColumn: 38 },
        { messageId: 'guarded', line: 2, column: 45, endLine: 2, endColumn: 50 },
        { messageId: 'guarded', line: 3, column: 31, endLine: 3, endColumn: 36 },
        { messageId: 'guarded', line: 4, column: 58, endLine: 4, endColumn: 63 },
        { messageId: 'guarded', line: 5, column: 52, endLine: 5, endColumn: 57 },
      ],
    },
    {
      code: "switch (x) { case 'ok': use(); }",
      errors: [{ messageId: 'guarded', line: 1, column: 25, endLine: 1, endColumn: 30 }],
    },
  ],
});
