import type { TSESTree } from '@typescript-eslint/utils';

import { createRule } from '../../../src/core/create-rule';
import { getErrorOrigin } from '../../../src/analysis/errors/origin';
import type { ErrorOriginOptions } from '../../../src/analysis/errors/origin';
import { createRuleTester } from '../../rule-tester';

const OPTIONS: ErrorOriginOptions = { errorHandlers: [], devGuards: [] };

/** `probe(x)` reports the taint the origin analysis gives `x` where it is read. */
const probe = createRule({
  name: 'write-reach-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    messages: { taint: '{{kind}} {{origin}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    const origin = getErrorOrigin(context, OPTIONS);
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const arg = node.arguments[0];
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'probe' || !arg) {
          return;
        }
        const taint = origin.taintOf(arg);
        if (taint) {
          context.report({ node: arg, messageId: 'taint', data: { kind: taint.kind, origin: context.sourceCode.getText(taint.origin) } });
        }
      },
    };
  },
});

const ruleTester = createRuleTester();

/** Later writes of a local (`message = e.message`, `out.error = e`) reach only the reads they can run before. */
ruleTester.run('error-origin: writes and the reads they reach', probe, {
  valid: [
    // a reassignment in the catch does not reach a read in the try block
    `
async function run() {
  let message = 'ok';
  try {
    await work();
    probe(message);
  } catch (e) {
    message = e.message;
  }
}
`,
    // the other arm of a conditional expression
    `
function pick(ok) {
  const out = {};
  try { work() } catch (e) { ok ? probe(out) : (out.error = e); }
}
`,
    // an else-if chain: the write on one branch, the read on another
    `
function handle(kind) {
  const body = {};
  try {
    work();
  } catch (e) {
    if (kind === 1) {
      body.stack = e.stack;
    } else if (kind === 2) {
      probe(body);
    }
  }
}
`,
  ],
  invalid: [
    {
      // the read after the try/catch
      code: `
async function run() {
  let message = 'ok';
  try {
    await work();
  } catch (e) {
    message = e.message;
  }
  probe(message);
}
`,
      errors: [{ messageId: 'taint', data: { kind: 'message', origin: 'e.message' }, line: 9, column: 9, endLine: 9, endColumn: 16 }],
    },
    {
      // a while loop around both: the next round reads what the last catch wrote
      code: `
async function poll() {
  const state = {};
  while (await more()) {
    try {
      probe(state);
    } catch (e) {
      state.last = e;
    }
  }
}
`,
      errors: [{ messageId: 'taint', data: { kind: 'error', origin: 'e' }, line: 6, column: 13, endLine: 6, endColumn: 18 }],
    },
    {
      // a read in a callback may run after the catch: kept
      code: `
async function later(emitter) {
  const out = {};
  try {
    emitter.on('done', () => probe(out));
    await work();
  } catch (e) {
    out.error = e;
  }
}
`,
      errors: [{ messageId: 'taint', data: { kind: 'error', origin: 'e' }, line: 5, column: 36, endLine: 5, endColumn: 39 }],
    },
  ],
});
