import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { lineBreakOf } from './layout';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Fixer = TSESLint.RuleFixer;
type Fix = TSESLint.RuleFix;

/** How a file loads modules: `import` declarations or `require(…)` calls. */
export type ModuleSyntax = 'esm' | 'commonjs';

/** What a name in a file's top-level scope is bound to, seen from one import's point of view. */
export type BindingState = 'free' | 'same' | 'other';

function isRequireOf(node: TSESTree.Node | null | undefined, module: string | null): boolean {
  return (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    node.arguments[0]!.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0]!.value === 'string' &&
    (module === null || node.arguments[0]!.value === module)
  );
}

/** `const x = require('m')`, `const { a } = require('m')`: a top-level statement that loads a module. */
function isRequireDeclaration(statement: TSESTree.Node): boolean {
  return statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((d) => isRequireOf(d.init, null));
}

/**
 * Whether the file loads modules with `import` or with `require`: its own import/export
 * declarations first, then `.cjs`/`.mjs`, then top-level `require` declarations, then the parser's source type.
 */
export function moduleSyntaxOf(sourceCode: SourceCode, filename: string): ModuleSyntax {
  const body = sourceCode.ast.body;
  if (body.some((s) => s.type === AST_NODE_TYPES.ImportDeclaration || s.type === AST_NODE_TYPES.ExportNamedDeclaration || s.type === AST_NODE_TYPES.ExportDefaultDeclaration || s.type === AST_NODE_TYPES.ExportAllDeclaration)) {
    return 'esm';
  }
  if (/\.c[jt]s$/u.test(filename)) {
    return 'commonjs';
  }
  if (/\.m[jt]s$/u.test(filename)) {
    return 'esm';
  }
  if (body.some(isRequireDeclaration)) {
    return 'commonjs';
  }
  return sourceCode.ast.sourceType === 'module' ? 'esm' : 'commonjs';
}

/**
 * What `local` is bound to where `scope` sees it: `free` when nothing declares it, `same` when
 * it is already the export `exported` of `module` (`import { exported as local } from 'module'`,
 * `const { exported: local } = require('module')`), `other` for anything else.
 */
export function bindingState(scope: TSESLint.Scope.Scope, local: string, module: string, exported: string): BindingState {
  let current: TSESLint.Scope.Scope | null = scope;
  while (current) {
    const variable = current.set.get(local);
    if (variable && variable.defs.length > 0) {
      return variable.defs.every((def) => definesImport(def, module, exported)) ? 'same' : 'other';
    }
    current = current.upper;
  }
  return 'free';
}

function definesImport(def: TSESLint.Scope.Definition, module: string, exported: string): boolean {
  const node = def.node as TSESTree.Node;
  if (node.type === AST_NODE_TYPES.ImportSpecifier) {
    const imported = node.imported.type === AST_NODE_TYPES.Identifier ? node.imported.name : node.imported.value;
    const declaration = node.parent as TSESTree.ImportDeclaration;
    return imported === exported && declaration.source.value === module && node.importKind !== 'type' && declaration.importKind !== 'type';
  }
  if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.ObjectPattern && isRequireOf(node.init, module)) {
    const target = def.name as TSESTree.Node;
    return node.id.properties.some(
      (p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === exported && p.value === target,
    );
  }
  return false;
}

/**
 * The text that imports `exported` of `module` as `local`, in the file's module syntax:
 * `import { requireUser } from '@acme/auth';` or `const { requireUser } = require('@acme/auth');`.
 */
export function importText(syntax: ModuleSyntax, module: string, exported: string, local: string): string {
  const binding = exported === local ? local : syntax === 'esm' ? `${exported} as ${local}` : `${exported}: ${local}`;
  const source = `'${module.replace(/[\\']/gu, (c) => `\\${c}`)}'`;
  return syntax === 'esm' ? `import { ${binding} } from ${source};` : `const { ${binding} } = require(${source});`;
}

/**
 * Inserts `text` (a whole import statement) on its own line: after the last top-level `import`
 * (ESM) or `require` declaration (CommonJS); without one, after the directives (`'use server'`),
 * else before the first statement (so after a leading comment block and a shebang).
 * @example insertImport(sourceCode, fixer, 'esm', "import { requireUser } from '@acme/auth';")
 */
export function insertImport(sourceCode: SourceCode, fixer: Fixer, syntax: ModuleSyntax, text: string): Fix {
  const body = sourceCode.ast.body;
  const eol = lineBreakOf(sourceCode);
  const loads = body.filter((s) => (syntax === 'esm' ? s.type === AST_NODE_TYPES.ImportDeclaration : isRequireDeclaration(s)));
  let directives = 0;
  while (body[directives]?.type === AST_NODE_TYPES.ExpressionStatement && typeof (body[directives] as TSESTree.ExpressionStatement).directive === 'string') {
    directives += 1;
  }
  const after = loads.at(-1) ?? body[directives - 1];
  if (after) {
    return fixer.insertTextAfter(after, `${eol}${text}`);
  }
  const first = body[0];
  if (!first) {
    return fixer.insertTextAfterRange([sourceCode.text.length, sourceCode.text.length], `${eol}${text}${eol}`);
  }
  return fixer.insertTextBefore(first, `${text}${eol}`);
}
