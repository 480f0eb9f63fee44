import { ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { compileNameSpecs, matchNameSpec, parseNameSpec, withModuleCalls } from '../../src/core/name-specs';
import { CALL } from '../../src/core/modules';
import { createRuleTester } from '../rule-tester';

/** Probe: reports, for every call, the entry of the `specs` option its callee matches. */
const probe = ESLintUtils.RuleCreator.withoutDocs<[{ specs: string[] }], 'matched'>({
  meta: {
    type: 'problem',
    messages: { matched: '{{spec}}' },
    schema: [{ type: 'object', additionalProperties: false, properties: { specs: { type: 'array', items: { type: 'string' } } } }],
    defaultOptions: [{ specs: [] }],
  },
  create(context, [options]) {
    const list = compileNameSpecs(options.specs);
    return {
      CallExpression(node) {
        const spec = matchNameSpec(context, node.callee, list);
        if (spec) {
          context.report({ node: node.callee, messageId: 'matched', data: { spec: spec.module === null ? spec.name : `${spec.module}#${spec.name}` } });
        }
      },
    };
  },
});

const ruleTester = createRuleTester();

ruleTester.run('matchNameSpec', probe, {
  valid: [
    // Plain names: only whole dotted segments count.
    { code: 'xdb.query(sql); storageReadObject(p); queryAll(x);', options: [{ specs: ['db.query', 'readObject', 'query.all'] }] },
    // A module entry needs the module: a local function of the same name is not it.
    { code: 'function requireRole() {} requireRole();', options: [{ specs: ['@acme/auth#requireRole'] }] },
    // Another export of the same module is not the entry.
    { code: "import { requireUser } from '@acme/auth'; requireUser();", options: [{ specs: ['@acme/auth#requireRole'] }] },
    { code: "import auth from '@acme/auth'; auth.other();", options: [{ specs: ['@acme/auth#default.check'] }] },
  ],
  invalid: [
    {
      code: 'requireUser(req); auth.requireUser(req); this.auth.requireUser(req);',
      options: [{ specs: ['requireUser'] }],
      errors: [
        { messageId: 'matched', line: 1, column: 1, endLine: 1, endColumn: 12, data: { spec: 'requireUser' } },
        { messageId: 'matched', line: 1, column: 19, endLine: 1, endColumn: 35, data: { spec: 'requireUser' } },
        { messageId: 'matched', line: 1, column: 42, endLine: 1, endColumn: 63, data: { spec: 'requireUser' } },
      ],
    },
    {
      // Calls and `new` read as their callee, as in `dottedName`; a nameless object leaves the property alone.
      code: 'getClient().auth.required(); new Webhook(secret).verify(body); list[0].required();',
      options: [{ specs: ['auth.required', 'Webhook.verify', 'required'] }],
      errors: [
        { messageId: 'matched', line: 1, column: 1, endLine: 1, endColumn: 26, data: { spec: 'auth.required' } },
        { messageId: 'matched', line: 1, column: 30, endLine: 1, endColumn: 56, data: { spec: 'Webhook.verify' } },
        { messageId: 'matched', line: 1, column: 64, endLine: 1, endColumn: 80, data: { spec: 'required' } },
      ],
    },
    {
      code: 'this.db.query(sql); db.query(sql);',
      options: [{ specs: ['db.query'] }],
      errors: [
        { messageId: 'matched', line: 1, column: 1, endLine: 1, endColumn: 14, data: { spec: 'db.query' } },
        { messageId: 'matched', line: 1, column: 21, endLine: 1, endColumn: 29, data: { spec: 'db.query' } },
      ],
    },
    {
      // Every import style reaches the same module export.
      code: `import { requireRole } from '@acme/auth';
import { requireRole as role } from '@acme/auth';
import * as auth from '@acme/auth';
const { requireRole: fromRequire } = require('@acme/auth');
const alias = auth.requireRole;
requireRole(); role(); auth.requireRole(); fromRequire(); alias();
`,
      options: [{ specs: ['@acme/auth#requireRole'] }],
      errors: [
        { messageId: 'matched', line: 6, column: 1, endLine: 6, endColumn: 12, data: { spec: '@acme/auth#requireRole' } },
        { messageId: 'matched', line: 6, column: 16, endLine: 6, endColumn: 20, data: { spec: '@acme/auth#requireRole' } },
        { messageId: 'matched', line: 6, column: 24, endLine: 6, endColumn: 40, data: { spec: '@acme/auth#requireRole' } },
        { messageId: 'matched', line: 6, column: 44, endLine: 6, endColumn: 55, data: { spec: '@acme/auth#requireRole' } },
        { messageId: 'matched', line: 6, column: 59, endLine: 6, endColumn: 64, data: { spec: '@acme/auth#requireRole' } },
      ],
    },
    {
      // `default`, members of an export, and `node:` on either side.
      code: `import check from '@acme/check';
import db from '@acme/db';
import { readFile } from 'node:fs';
import fs from 'fs';
check(); db.pool.query(); readFile(); fs.readFile();
`,
      options: [{ specs: ['@acme/check#default', '@acme/db#default.pool.query', 'fs#readFile'] }],
      errors: [
        { messageId: 'matched', line: 5, column: 1, endLine: 5, endColumn: 6, data: { spec: '@acme/check#default' } },
        { messageId: 'matched', line: 5, column: 10, endLine: 5, endColumn: 23, data: { spec: '@acme/db#default.pool.query' } },
        { messageId: 'matched', line: 5, column: 27, endLine: 5, endColumn: 35, data: { spec: 'fs#readFile' } },
        { messageId: 'matched', line: 5, column: 39, endLine: 5, endColumn: 50, data: { spec: 'fs#readFile' } },
      ],
    },
  ],
});

describe('withModuleCalls', () => {
  it('adds an entry to a module the map already traces, keeping its other exports', () => {
    const map = { fs: { readFile: { [CALL]: 'built-in' } } };
    const out = withModuleCalls(map, [parseNameSpec('node:fs#customRead'), parseNameSpec('@acme/db#default.query')], 'configured');
    expect(out.fs?.readFile?.[CALL]).toBe('built-in');
    expect(out.fs?.customRead?.[CALL]).toBe('configured');
    expect(out['@acme/db']?.query?.[CALL]).toBe('configured');
    expect(map).toEqual({ fs: { readFile: { [CALL]: 'built-in' } } });
  });

  it('compiles a list once per array', () => {
    const list = ['a', 'm#b'];
    expect(compileNameSpecs(list)).toBe(compileNameSpecs(list));
    expect(compileNameSpecs(list).hasModuleSpecs).toBe(true);
    expect([...compileNameSpecs(list).lastSegments]).toEqual(['a']);
    expect(compileNameSpecs(['a.b.c', 'm#x.y.z.w', 'd']).maxSegments).toBe(3);
  });
});
