import { readFileSync } from 'node:fs';
import path from 'node:path';

import { beforeAll } from 'vitest';

import rule from '../../src/rules/require-auth-gate-in-route';
import { clearProjectCaches } from '../../src/project/index';
import { createRuleTester } from '../rule-tester';

/**
 * Gate helpers imported from another file and called as statements (tests/fixtures/cross-file/answering-helpers/):
 * one that redirects or answers 401 and returns lets the handler go on, and is reported at the call;
 * one that throws, a tested result and a `headersSent` test after the call are gates.
 */
const ROOT = path.resolve(__dirname, '../fixtures/cross-file/answering-helpers');
const file = (relative: string): { filename: string; code: string } => {
  const filename = path.join(ROOT, relative);
  return { filename, code: readFileSync(filename, 'utf8') };
};

beforeAll(() => clearProjectCaches());

const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (imported helpers that answer and let the handler go on)', rule, {
  valid: [file('routes/gated.js')],
  invalid: [
    {
      ...file('routes/open.js'),
      errors: [
        {
          // named like a gate (`requireLogin`), read in lib/require-login.js
          messageId: 'gateDoesNotStop',
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 25,
          data: { route: 'POST /cart/checkout', framework: 'express', call: 'requireLogin()', answer: 'with a redirect' },
        },
        {
          // a name the vocabulary does not know, followed into lib/guards.js
          messageId: 'gateDoesNotStop',
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 24,
          data: { route: 'DELETE /members/posts/:id', framework: 'express', call: 'onlyMembers()', answer: 'with 401' },
        },
        {
          // an imported controller calls the helper: reported at the registration, naming the controller's file
          messageId: 'gateDoesNotStop',
          line: 20,
          column: 8,
          endLine: 20,
          endColumn: 12,
          data: { route: 'POST /cart/clear', framework: 'express; its handler clearCart in controllers/cart.js', call: 'requireLogin()', answer: 'with a redirect' },
        },
      ],
    },
  ],
});
