import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

import { createRule } from '../../src/core/create-rule';
import { CALL, CONSTRUCT, globalMentionSource, iterateModuleReferences, iteratePromisifiedCalls, iterateValueReferences, mayReferenceModules, requireSpecifier, resolveCallTarget } from '../../src/core/modules';
import type { TraceMap } from '../../src/core/modules';
import { createRuleTester } from '../rule-tester';

const MODULES: Record<string, TraceMap<string>> = {
  fs: { readFile: { [CALL]: 'fs.readFile' }, promises: { readFile: { [CALL]: 'fs.promises.readFile' } } },
  'fs/promises': { readFile: { [CALL]: 'fsp.readFile' } },
  axios: { [CALL]: 'axios', get: { [CALL]: 'axios.get' }, create: { [CALL]: 'axios.create' } },
};
const GLOBALS: TraceMap<string> = { fetch: { [CALL]: 'fetch' } };

/** Reports every traced call (and calls on instances made by `axios.create`) with its info. */
const traceProbe = createRule({
  name: 'trace-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    messages: { found: '{{info}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const ref of iterateModuleReferences(context, MODULES, GLOBALS)) {
          context.report({ node: ref.node, messageId: 'found', data: { info: ref.info } });
          if (ref.info === 'axios.create') {
            for (const use of iterateValueReferences(context, ref.node, { get: { [CALL]: 'instance.get' } })) {
              context.report({ node: use.node, messageId: 'found', data: { info: use.info } });
            }
          }
        }
      },
    };
  },
});

/** Reports every call of a `util.promisify()` result of a function MODULES lists, with that function's info. */
const promisifyProbe = createRule({
  name: 'promisify-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    messages: { found: '{{info}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const { node, info } of iteratePromisifiedCalls(context, MODULES)) {
          context.report({ node, messageId: 'found', data: { info } });
        }
      },
    };
  },
});

/** Reports what `resolveCallTarget` says about each call's callee. */
const resolveProbe = createRule({
  name: 'resolve-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    messages: { target: '{{target}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require') {
          return;
        }
        const target = resolveCallTarget(context, node.callee);
        context.report({
          node,
          messageId: 'target',
          data: { target: target ? `${target.module ?? '<global>'}:${target.path.join('.')}` : 'null' },
        });
      },
    };
  },
});

const ruleTester = createRuleTester();

ruleTester.run('iterateModuleReferences', traceProbe, {
  valid: [
    // a local binding that shadows the global or an unrelated module
    'function fetch() {} fetch("x");',
    "import { readFile } from 'not-fs'; readFile('x');",
    "const fs = { readFile() {} }; fs.readFile('x');",
    "function f(require) { require('fs').readFile('x'); }",
  ],
  invalid: [
    {
      code: "import fs from 'fs'; fs.readFile('a');",
      errors: [{ messageId: 'found', data: { info: 'fs.readFile' }, line: 1, column: 22, endLine: 1, endColumn: 38 }],
    },
    {
      code: "import { readFile as rf } from 'node:fs'; rf('a');",
      errors: [{ messageId: 'found', data: { info: 'fs.readFile' }, line: 1, column: 43, endLine: 1, endColumn: 50 }],
    },
    {
      code: "import * as fs from 'node:fs'; fs.promises.readFile('a');",
      errors: [{ messageId: 'found', data: { info: 'fs.promises.readFile' }, line: 1, column: 32, endLine: 1, endColumn: 57 }],
    },
    {
      code: "import { readFile } from 'node:fs/promises'; await readFile('a');",
      errors: [{ messageId: 'found', data: { info: 'fsp.readFile' }, line: 1, column: 52, endLine: 1, endColumn: 65 }],
    },
    {
      code: "const { promises: { readFile } } = require('fs');\nreadFile('a');",
      filename: 'file.js',
      errors: [{ messageId: 'found', data: { info: 'fs.promises.readFile' }, line: 2, column: 1, endLine: 2, endColumn: 14 }],
    },
    {
      code: "const fs = process.getBuiltinModule('node:fs');\nfs.readFile('a');",
      errors: [{ messageId: 'found', data: { info: 'fs.readFile' }, line: 2, column: 1, endLine: 2, endColumn: 17 }],
    },
    {
      code: "import fs = require('fs');\nfs.readFile('a');",
      errors: [{ messageId: 'found', data: { info: 'fs.readFile' }, line: 2, column: 1, endLine: 2, endColumn: 17 }],
    },
    {
      code: "const axios = require('axios').default;\naxios.get('u');",
      filename: 'file.js',
      errors: [{ messageId: 'found', data: { info: 'axios.get' }, line: 2, column: 1, endLine: 2, endColumn: 15 }],
    },
    {
      code: "globalThis.fetch('u');\nfetch('v');",
      errors: [
        { messageId: 'found', data: { info: 'fetch' }, line: 1, column: 1, endLine: 1, endColumn: 22 },
        { messageId: 'found', data: { info: 'fetch' }, line: 2, column: 1, endLine: 2, endColumn: 11 },
      ],
    },
    {
      code: "import axios from 'axios';\nconst api = axios.create({});\napi.get('/x');",
      errors: [
        { messageId: 'found', data: { info: 'axios.create' }, line: 2, column: 13, endLine: 2, endColumn: 29 },
        { messageId: 'found', data: { info: 'instance.get' }, line: 3, column: 1, endLine: 3, endColumn: 14 },
      ],
    },
  ],
});

ruleTester.run('resolveCallTarget', resolveProbe, {
  valid: [],
  invalid: [
    {
      code: "import { readFile as rf } from 'node:fs/promises'; rf('a');",
      errors: [{ messageId: 'target', data: { target: 'fs/promises:readFile' }, line: 1, column: 52, endLine: 1, endColumn: 59 }],
    },
    {
      code: "import * as fs from 'fs'; fs['promises'].readFile('a');",
      errors: [{ messageId: 'target', data: { target: 'fs:promises.readFile' }, line: 1, column: 27, endLine: 1, endColumn: 55 }],
    },
    {
      code: "const { readFile } = require('node:fs'); readFile('a');",
      filename: 'file.js',
      errors: [{ messageId: 'target', data: { target: 'fs:readFile' }, line: 1, column: 42, endLine: 1, endColumn: 55 }],
    },
    {
      code: "const axios = require('axios').default; axios.get('u');",
      filename: 'file.js',
      errors: [{ messageId: 'target', data: { target: 'axios:get' }, line: 1, column: 41, endLine: 1, endColumn: 55 }],
    },
    {
      code: "const f = globalThis.fetch; f('u');",
      errors: [{ messageId: 'target', data: { target: '<global>:fetch' }, line: 1, column: 29, endLine: 1, endColumn: 35 }],
    },
    {
      code: "let f = fetch; f = other; f('u');",
      errors: [{ messageId: 'target', data: { target: 'null' }, line: 1, column: 27, endLine: 1, endColumn: 33 }],
    },
    {
      code: "function g(x) { x.query('u'); }",
      errors: [{ messageId: 'target', data: { target: 'null' }, line: 1, column: 17, endLine: 1, endColumn: 29 }],
    },
    {
      code: "import knex = require('knex');\nknex.raw('x');",
      errors: [{ messageId: 'target', data: { target: 'knex:raw' }, line: 2, column: 1, endLine: 2, endColumn: 14 }],
    },
    {
      code: "import { Pool } from 'pg';\nimport type { Client } from 'pg';\nnew Pool().query('x');",
      errors: [{ messageId: 'target', data: { target: 'null' }, line: 3, column: 1, endLine: 3, endColumn: 22 }],
    },
    {
      code: "const { default: got } = await import('got'); got('u');",
      errors: [{ messageId: 'target', data: { target: 'got:' }, line: 1, column: 47, endLine: 1, endColumn: 55 }],
    },
  ],
});

// ESLint's default parser, no globals declared: `require` and `fetch` are still Node's.
const espreeTester = new RuleTester({ languageOptions: { parser: espree, sourceType: 'commonjs' } });

espreeTester.run('iterateModuleReferences (espree, undeclared globals)', traceProbe, {
  valid: ["var require = function () {}; require('fs').readFile('a');"],
  invalid: [
    {
      code: "const fs = require('fs');\nfs.readFile('a');\nfetch('u');",
      errors: [
        { messageId: 'found', data: { info: 'fs.readFile' }, line: 2, column: 1, endLine: 2, endColumn: 17 },
        { messageId: 'found', data: { info: 'fetch' }, line: 3, column: 1, endLine: 3, endColumn: 11 },
      ],
    },
  ],
});

/**
 * Reports each traced call found by an outer search, and what an inner search for the same map,
 * started while the outer one is still being read, finds: the two must not disturb each other
 * (ReferenceTracker keeps the variables it is inside of on the instance both searches share).
 */
const nestedProbe = createRule({
  name: 'nested-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    messages: { found: '{{info}} (inner search: {{inner}})' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      'Program:exit'() {
        for (const ref of iterateModuleReferences(context, MODULES)) {
          const inner = [...iterateModuleReferences(context, MODULES)].length;
          context.report({ node: ref.node, messageId: 'found', data: { info: ref.info, inner: String(inner) } });
        }
      },
    };
  },
});

espreeTester.run('iterateModuleReferences (a search inside a search)', nestedProbe, {
  valid: [],
  invalid: [
    {
      code: "const fs = require('fs');\nfs.readFile('a');\nfs.readFile('b');",
      errors: [
        { messageId: 'found', data: { info: 'fs.readFile', inner: '2' }, line: 2, column: 1, endLine: 2, endColumn: 17 },
        { messageId: 'found', data: { info: 'fs.readFile', inner: '2' }, line: 3, column: 1, endLine: 3, endColumn: 17 },
      ],
    },
  ],
});

ruleTester.run('iterateModuleReferences (a search inside a search, ESM)', nestedProbe, {
  valid: [],
  invalid: [
    {
      code: "import fs from 'fs';\nfs.readFile('a');\nfs.readFile('b');",
      errors: [
        { messageId: 'found', data: { info: 'fs.readFile', inner: '2' }, line: 2, column: 1, endLine: 2, endColumn: 17 },
        { messageId: 'found', data: { info: 'fs.readFile', inner: '2' }, line: 3, column: 1, endLine: 3, endColumn: 17 },
      ],
    },
  ],
});

describe('requireSpecifier', () => {
  const argumentOf = (code: string): TSESTree.Node => {
    const program = espree.parse(code, { ecmaVersion: 'latest' }) as unknown as TSESTree.Program;
    const statement = program.body[0] as TSESTree.ExpressionStatement;
    return (statement.expression as TSESTree.CallExpression).arguments[0]!;
  };

  it.each([
    ["require('./x')", './x'],
    ["require('pg')", 'pg'],
    ["require(__dirname + '/env/all.js')", './env/all.js'],
    ["require(__dirname + '/../config/' + 'env.js')", '../config/env.js'],
    ["require(path.resolve(__dirname + '/../config/env/all.js'))", '../config/env/all.js'],
    ["require(path.join(__dirname, 'env', 'all.js'))", './env/all.js'],
    ["require(path.resolve(__dirname, '..', 'lib'))", '../lib'],
    ['require(`${__dirname}/routes`)', './routes'],
    ['require(__dirname)', '.'],
  ])('%s names %s', (code, expected) => {
    expect(requireSpecifier(argumentOf(code))).toBe(expected);
  });

  it.each([
    'require(name)',
    "require(__dirname + name)",
    "require(path.resolve(__dirname, '/etc/passwd'))",
    "require(path.join(root, 'x'))",
    "require(__filename + '/x')",
    "require(__dirname + 'x')",
    "require(other.join(__dirname, 'x'))",
  ])('%s names no file beside this one', (code) => {
    expect(requireSpecifier(argumentOf(code))).toBeNull();
  });
});

ruleTester.run('iteratePromisifiedCalls', promisifyProbe, {
  valid: [
    // promisify of something the map does not list, of a local function, or a local promisify
    "import { promisify } from 'node:util'; import { stat } from 'fs'; promisify(stat)('x');",
    "import util from 'util'; const readFile = () => {}; util.promisify(readFile)('x');",
    "import { readFile } from 'fs'; const promisify = (f) => f; promisify(readFile)('x');",
    // the promisified function passed on, never called here
    "import { promisify } from 'util'; import fs from 'fs'; export const read = promisify(fs.readFile);",
  ],
  invalid: [
    {
      code: "import { promisify } from 'node:util';\nimport { readFile } from 'fs';\nconst readAsync = promisify(readFile);\nreadAsync('a');\nconst again = readAsync;\nagain('b');",
      errors: [
        { messageId: 'found', data: { info: 'fs.readFile' }, line: 4, column: 1, endLine: 4, endColumn: 15 },
        { messageId: 'found', data: { info: 'fs.readFile' }, line: 6, column: 1, endLine: 6, endColumn: 11 },
      ],
    },
    {
      code: "const util = require('util');\nconst fs = require('fs');\nutil.promisify(fs.promises.readFile)('x');",
      errors: [{ messageId: 'found', data: { info: 'fs.promises.readFile' }, line: 3, column: 1, endLine: 3, endColumn: 42 }],
    },
  ],
});

/** Reports, at the program, whether the module index says a search may find anything, and how many references the search finds. */
const mayProbe = createRule({
  name: 'may-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    messages: { answer: 'may {{may}}, found {{found}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      Program(node) {
        const may = mayReferenceModules(context, MODULES, GLOBALS);
        const found = [...iterateModuleReferences(context, MODULES, GLOBALS)].length;
        context.report({ node, messageId: 'answer', data: { may: String(may), found: String(found) } });
      },
    };
  },
});

/** A probe's one report, on the whole program, with `data`. */
const onWholeProgram = (code: string, data: Record<string, string>) => ({
  code,
  errors: [{ messageId: 'answer' as const, data, line: 1, column: 1, endLine: code.split('\n').length, endColumn: code.split('\n').at(-1)!.length + 1 }],
});

const answerAt = (code: string, may: boolean, found: number) => onWholeProgram(code, { may: String(may), found: String(found) });

// A `false` answer must never hide a reference the search would find.
espreeTester.run('mayReferenceModules', mayProbe, {
  valid: [],
  invalid: [
    answerAt("const x = require('./x'); x.readFile('a'); axios.get('u');", false, 0),
    answerAt("const fs = require('fs'); fs.readFile('a');", true, 1),
    answerAt("const fs = require('node:fs'); fs.readFile('a');", true, 1),
    answerAt("const fs = process.getBuiltinModule('fs'); fs.readFile('a');", true, 1),
    answerAt("fetch('u');", true, 1),
    answerAt("globalThis.fetch('u');", true, 1),
    // named but not used as the maps say: the index answers `true`, the search finds nothing
    answerAt("const fs = require('fs'); fs.stat('a');", true, 0),
  ],
});

ruleTester.run('mayReferenceModules (ESM)', mayProbe, {
  valid: [],
  invalid: [
    answerAt("import { readFile } from './fs.js'; readFile('a');", false, 0),
    answerAt("import { readFile } from 'fs'; readFile('a');", true, 1),
    answerAt("export { readFile } from 'fs/promises';", true, 0),
  ],
});

const CALLED_GLOBALS: TraceMap<string> = { fetch: { [CALL]: 'fetch' }, WebSocket: { [CONSTRUCT]: 'WebSocket' } };
const MENTIONS = new RegExp(Object.entries(CALLED_GLOBALS).map(([name, trace]) => globalMentionSource(name, trace)).join('|'), 'u');

/** Whether the text passes the mention pre-test of the globals, and how many uses the search finds. */
const mentionProbe = createRule({
  name: 'mention-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    messages: { answer: 'mentions {{mentions}}, found {{found}}' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      Program(node) {
        const found = [...iterateModuleReferences(context, {}, CALLED_GLOBALS)].length;
        context.report({ node, messageId: 'answer', data: { mentions: String(MENTIONS.test(context.sourceCode.text)), found: String(found) } });
      },
    };
  },
});

const mentionAt = (code: string, mentions: boolean, found: number) => onWholeProgram(code, { mentions: String(mentions), found: String(found) });

// The pre-test of a file not parsed yet: every text in which the search finds a call must pass it;
// prose, prompts, types and members named like the global need not.
ruleTester.run('globalMentionSource', mentionProbe, {
  valid: [],
  invalid: [
    mentionAt("await fetch('u');", true, 1),
    mentionAt("await fetch?.('u');", true, 1),
    mentionAt("await fetch<Response>('u');", true, 1),
    mentionAt("await fetch\n  ('u');", true, 1),
    mentionAt("await fetch!('u');", true, 1),
    mentionAt("await globalThis.fetch('u');", true, 1),
    mentionAt("await window?.fetch('u');", true, 1),
    mentionAt("await self['fetch']('u');", true, 1),
    mentionAt("const get = fetch;\nawait get('u');", true, 1),
    mentionAt("let get;\nget = fetch;\nawait get('u');", true, 1),
    mentionAt("const { fetch: get } = globalThis;\nawait get('u');", true, 1),
    mentionAt("new WebSocket('wss://u');", true, 1),
    mentionAt("new WebSocket\n('wss://u');", true, 1),
    // no call of the global: the word in a comment, a prompt, a type, a member, a longer name
    mentionAt("// fetch the user first\nexport const a = 1;", false, 0),
    mentionAt("export const prompt = 'Always fetch the latest emails (then reply)';", false, 0),
    mentionAt('export type Fetcher = typeof fetch;', false, 0),
    mentionAt("await api.fetch('u');\nawait client.WebSocket('u');", false, 0),
    mentionAt("const fetchUser = (id: string) => id;\nfetchUser('1');", false, 0),
  ],
});
