import { createRequire } from 'node:module';

import * as parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { FileContext } from '../../src/core/context';
import { importedDefinition } from '../../src/project/exports';
import { projectFile } from '../../src/project/files';
import { fixture } from './helpers';

const load = createRequire(import.meta.url);

interface AnyLinter {
  defineRule?: (name: string, rule: unknown) => void;
  defineParser?: (name: string, parser: unknown) => void;
  verify(text: string, config: unknown, options: { filename: string }): { message: string; ruleId: string | null }[];
}

/**
 * Reports what it reads of another file through `project/`: the definition an import leads
 * to (found through that file's scope manager), its text, its token and comment counts (a
 * project file is kept without tokens, with its comments), and the scope of the definition's
 * body from that file's own SourceCode.
 */
const probe = {
  meta: { type: 'problem', schema: [], messages: { found: '{{found}}' } },
  create(context: TSESLint.RuleContext<'found', []>) {
    return {
      'Program:exit'() {
        const like = context as unknown as FileContext;
        const call = context.sourceCode.ast.body[1];
        if (call?.type !== 'ExpressionStatement' || call.expression.type !== 'CallExpression') {
          return;
        }
        const definition = importedDefinition(like, call.expression.callee);
        const other = projectFile(fixture('app/src/lib/auth.ts'), like)!;
        const node = definition!.node;
        const found = [
          definition!.name,
          node.type,
          definition!.file.sourceCode.getText(node).split('\n')[0],
          `tokens ${other.sourceCode.ast.tokens.length} comments ${other.sourceCode.getAllComments().length}`,
          other.sourceCode.getScope(node).type,
          definition!.file.sourceCode.constructor === context.sourceCode.constructor,
        ].join(' | ');
        context.report({ node: call, messageId: 'found', data: { found } });
      },
    };
  },
};

const text = "import { requireUser } from '@/lib/auth';\nrequireUser();\n";
const filename = fixture('app/src/probe.ts');
const expected = 'requireUser | FunctionDeclaration | async function requireUser(request: Request) { | tokens 0 comments 1 | function | true';

describe('projectFile with each supported ESLint', () => {
  it('ESLint 8.57 (eslintrc Linter)', () => {
    const { Linter } = load('eslint8') as { Linter: new () => AnyLinter };
    const linter = new Linter();
    linter.defineParser!('ts', parser);
    linter.defineRule!('probe', probe);
    const messages = linter.verify(text, { parser: 'ts', parserOptions: { sourceType: 'module', ecmaVersion: 'latest' }, rules: { probe: 'error' } }, { filename });
    expect(messages.map((m) => m.message)).toEqual([expected]);
  });

  it('ESLint 9 (flat Linter)', () => {
    const { Linter } = load('eslint9') as { Linter: new (options: object) => AnyLinter };
    const config = [{ files: ['**/*.ts'], languageOptions: { parser }, plugins: { t: { rules: { probe } } }, rules: { 't/probe': 'error' } }];
    const messages = new Linter({ configType: 'flat' }).verify(text, config, { filename });
    expect(messages.map((m) => m.message)).toEqual([expected]);
  });

  it('ESLint 10 (flat Linter)', () => {
    const { Linter } = load('eslint') as { Linter: new (options: object) => AnyLinter };
    const config = [{ files: ['**/*.ts'], languageOptions: { parser }, plugins: { t: { rules: { probe } } }, rules: { 't/probe': 'error' } }];
    const messages = new Linter({}).verify(text, config, { filename });
    expect(messages.map((m) => m.message)).toEqual([expected]);
  });
});
