import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { vi } from 'vitest';

import rule from '../../src/rules/no-command-injection';
import { createRuleTester } from '../rule-tester';

/**
 * no-command-injection on large and deep input: request input through thousands of operators and
 * interpolations still reaches the sink's report, without a stack overflow and in linear time
 * (the template readers visit each part once).
 */
// A hang guard, not a benchmark: the deep conditional costs the request-input tracker seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

const ruleTester = createRuleTester();
const espreeTester = new RuleTester({ languageOptions: { parser: espree, sourceType: 'module' } });

const handler = (sink: string): string =>
  [
    "import { exec } from 'node:child_process';",
    "import { $ } from 'zx';",
    "import express from 'express';",
    'const app = express();',
    "app.get('/x', async (req, res) => {",
    '  const a = req.query.a;',
    `  ${sink};`,
    '});',
    '',
  ].join('\n');

const manyParts = (count: number): string => Array.from({ length: count }, (_, i) => `-o${i} \${a}`).join(' ');
// Each argument of `exec(…)` below starts on line 7 at column 8 (`  exec(` is 7 characters).

const CONCATENATION = `'ls ' + ${Array.from({ length: 10_000 }, () => 'a').join(' + ')}`;
const TEMPLATE = `\`ls ${manyParts(5000)}\``;
const CONDITIONAL = `${'a ? b : '.repeat(1000)}a`;
const MEMBER_CHAIN = `req.query${'.a'.repeat(3000)}`;
const BASH_PREFIX = `await $\`bash ${manyParts(5000)} -c \${`;

// The same sizes with input escaped for single quotes: each link and part asks where it stands once.
const ESCAPED = "a.replace(/'/g, \"'\\\\''\")";
const QUOTED_CONCATENATION = `'ls ' + ${Array.from({ length: 1500 }, () => `"'" + ${ESCAPED} + "'"`).join(' + ')}`;
const QUOTED_TEMPLATE = `\`ls ${Array.from({ length: 5000 }, (_, i) => `-o${i} '\${${ESCAPED}}'`).join(' ')}\``;

espreeTester.run('no-command-injection', rule, {
  valid: [
    { name: '1,500 single-quoted escaped terms (4,500 operands) in a concatenation', code: handler(`exec(${QUOTED_CONCATENATION})`) },
    { name: '5,000 single-quoted escaped interpolations in a template', code: handler(`exec(${QUOTED_TEMPLATE})`) },
    // 5,000 quoted interpolations in a zx template: nothing to report, read once.
    { name: 'zx template with 5,000 quoted interpolations', code: handler(`await $\`ls ${manyParts(5000)}\``) },
  ],
  invalid: [
    {
      name: '10,000-term concatenation',
      code: handler(`exec(${CONCATENATION})`),
      errors: [{ messageId: 'requestCommand', line: 7, column: 8, endLine: 7, endColumn: 8 + CONCATENATION.length }],
    },
    {
      // The 5,000-part command is still a simple command: the suggestion writes a 10,000-element array.
      name: 'exec template with 5,000 interpolations, and its suggestion',
      code: handler(`exec(${TEMPLATE})`),
      errors: [
        {
          messageId: 'requestCommand',
          line: 7, column: 8, endLine: 7, endColumn: 8 + TEMPLATE.length,
          suggestions: [
            {
              messageId: 'useExecFile',
              output: handler(`execFile('ls', [${Array.from({ length: 5000 }, (_, i) => `'-o${i}', a`).join(', ')}])`).replace(
                "import { exec } from 'node:child_process';",
                "import { exec, execFile } from 'node:child_process';",
              ),
            },
          ],
        },
      ],
    },
    {
      // A shell handed the last of 5,000 interpolations.
      name: 'zx template handing the last of 5,000 interpolations to bash -c',
      code: handler(`${BASH_PREFIX}a}\``),
      errors: [{ messageId: 'requestCommand', line: 7, column: 3 + BASH_PREFIX.length, endLine: 7, endColumn: 4 + BASH_PREFIX.length }],
    },
  ],
});

ruleTester.run('no-command-injection', rule, {
  valid: [],
  invalid: [
    {
      name: '1,000-deep conditional (TS parser)',
      code: handler(`exec(${CONDITIONAL})`),
      errors: [{ messageId: 'requestCommand', line: 7, column: 8, endLine: 7, endColumn: 8 + CONDITIONAL.length }],
    },
    {
      name: '3,000-long member chain (TS parser)',
      code: handler(`exec(${MEMBER_CHAIN})`),
      errors: [{ messageId: 'requestCommand', line: 7, column: 8, endLine: 7, endColumn: 8 + MEMBER_CHAIN.length }],
    },
  ],
});
