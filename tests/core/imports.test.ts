import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import { createRule } from '../../src/core/create-rule';
import { bindingState, importText, insertImport, moduleSyntaxOf } from '../../src/core/imports';

/** Reports once per file with the binding state of `requireUser` and a suggestion that imports it. */
const importProbe = createRule({
  name: 'import-probe',
  meta: {
    type: 'problem',
    docs: { description: 'probe', recommended: false },
    hasSuggestions: true,
    messages: { found: '{{syntax}} {{state}}', add: 'add' },
    schema: [],
    defaultOptions: [],
  },
  create(context) {
    return {
      'Program:exit'(node) {
        const syntax = moduleSyntaxOf(context.sourceCode, context.filename);
        const global = context.sourceCode.getScope(node);
        const state = bindingState(global.childScopes.find((scope) => scope.type === 'module') ?? global, 'requireUser', '@acme/auth', 'requireUser');
        const text = importText(syntax, '@acme/auth', 'requireUser', 'requireUser');
        context.report({ node, messageId: 'found', data: { syntax, state }, suggest: [{ messageId: 'add', fix: (fixer) => insertImport(context.sourceCode, fixer, syntax, text) }] });
      },
    };
  },
});

function run(code: string, filename = 'file.ts'): { message: string; output: string } {
  const linter = new Linter({ configType: 'flat' });
  const [message] = linter.verify(code, [{ files: ['**/*.ts', '**/*.js', '**/*.cjs'], languageOptions: { parser: tsParser as never }, plugins: { p: { rules: { probe: importProbe as never } } }, rules: { 'p/probe': 'error' } }], { filename: `${process.cwd()}/${filename}` });
  if (!message?.suggestions) {
    throw new Error(message?.message ?? 'no message');
  }
  const fix = message.suggestions[0]!.fix;
  return { message: message!.message, output: `${code.slice(0, fix.range[0])}${fix.text}${code.slice(fix.range[1])}` };
}

describe('importText', () => {
  it('writes an import or a require destructuring, renamed when the local name differs', () => {
    expect(importText('esm', '@acme/auth', 'requireUser', 'requireUser')).toBe("import { requireUser } from '@acme/auth';");
    expect(importText('esm', '@acme/auth', 'requireUser', 'gate')).toBe("import { requireUser as gate } from '@acme/auth';");
    expect(importText('commonjs', '@acme/auth', 'requireUser', 'requireUser')).toBe("const { requireUser } = require('@acme/auth');");
    expect(importText('commonjs', "it's", 'a', 'b')).toBe("const { a: b } = require('it\\'s');");
  });
});

describe('insertImport and bindingState', () => {
  it('after the last import declaration', () => {
    expect(run("import a from 'a';\nimport { b } from 'b';\nb(a);\n")).toEqual({ message: 'esm free', output: "import a from 'a';\nimport { b } from 'b';\nimport { requireUser } from '@acme/auth';\nb(a);\n" });
  });
  it('after the last require declaration in CommonJS', () => {
    expect(run("'use strict';\nconst a = require('a');\nconst b = require('b');\nb(a);\n", 'file.js')).toEqual({
      message: 'commonjs free',
      output: "'use strict';\nconst a = require('a');\nconst b = require('b');\nconst { requireUser } = require('@acme/auth');\nb(a);\n",
    });
  });
  it('after the directives, or after a leading comment block; CRLF kept', () => {
    expect(run("'use server';\r\nexport async function a() {}\r\n").output).toBe("'use server';\r\nimport { requireUser } from '@acme/auth';\r\nexport async function a() {}\r\n");
    expect(run('/* header */\n// more\nexport const a = 1;\n').output).toBe("/* header */\n// more\nimport { requireUser } from '@acme/auth';\nexport const a = 1;\n");
    expect(run('module.exports = 1;\n', 'file.cjs').output).toBe("const { requireUser } = require('@acme/auth');\nmodule.exports = 1;\n");
    expect(run('').output).toBe("\nimport { requireUser } from '@acme/auth';\n");
  });
  it('tells an existing binding of the same export from another one', () => {
    expect(run("import { requireUser } from '@acme/auth';\n").message).toBe('esm same');
    expect(run("const { requireUser } = require('@acme/auth');\n", 'file.js').message).toBe('commonjs same');
    expect(run("import { requireUser } from './local';\n").message).toBe('esm other');
    expect(run('const requireUser = () => {};\n').message).toBe('esm other');
    expect(run("import type { requireUser } from '@acme/auth';\n").message).toBe('esm other');
  });
});
