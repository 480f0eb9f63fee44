/**
 * Where a request-derived path can be cut down to a file name with `path.basename()`: the one
 * request-derived segment of `path.join(ROOT, x)` / `path.resolve(ROOT, x)`, or the last segment
 * of `ROOT + '/' + x` and `` `${ROOT}/${x}.json` ``, with the name the file gives the `path`
 * module (and the import that brings it in when it has none). The rule turns it into a suggestion.
 */
import { findVariable } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { concatOperands } from '../../core/ast';
import type { FileContext } from '../../core/context';
import { bindingState, moduleSyntaxOf } from '../../core/imports';
import { resolveCallTarget } from '../../core/modules';
import { resolveConstInit, skipTsWrappers } from '../../core/static';
import { pathFunctionName } from './path-functions';

/** The segment to wrap in `<pathName>.basename(…)`, and the import to add first when the file loads no `path`. */
export interface BasenameEdit {
  readonly segment: TSESTree.Node;
  readonly pathName: string;
  readonly importText: string | null;
}

/**
 * The `basename()` edit for a path argument, or `null` when none applies: no single
 * request-derived segment, a segment followed by more directories, a `path` name taken by
 * something else. `isInput` says which values are request input.
 */
export function basenameEdit(context: FileContext, arg: TSESTree.Node, isInput: (node: TSESTree.Node) => boolean): BasenameEdit | null {
  let node = skipTsWrappers(arg);
  if (node.type === AST_NODE_TYPES.Identifier) {
    node = skipTsWrappers(resolveConstInit(context, node) ?? node);
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral || (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')) {
    return builtPathEdit(context, node, isInput);
  }
  if (
    node.type !== AST_NODE_TYPES.CallExpression ||
    node.callee.type !== AST_NODE_TYPES.MemberExpression ||
    node.callee.object.type !== AST_NODE_TYPES.Identifier ||
    node.arguments.length < 2 ||
    node.arguments.some((a) => a.type === AST_NODE_TYPES.SpreadElement)
  ) {
    return null;
  }
  const target = resolveCallTarget(context, node.callee);
  const fn = pathFunctionName(target);
  if ((fn !== 'join' && fn !== 'resolve') || target?.path.length !== 1 || isInput(node.arguments[0]!)) {
    return null;
  }
  const tainted = node.arguments.slice(1).filter((a) => isInput(a));
  const segment = tainted.length === 1 ? tainted[0]! : null;
  return segment ? { segment, pathName: node.callee.object.name, importText: null } : null;
}

/**
 * `ROOT + '/' + name` and `` `${ROOT}/${name}.json` ``: the one request-derived value when a `/`
 * comes right before it and only constant text without `/` after it (the file name).
 */
function builtPathEdit(context: FileContext, node: TSESTree.TemplateLiteral | TSESTree.BinaryExpression, isInput: (node: TSESTree.Node) => boolean): BasenameEdit | null {
  const parts = pathParts(node);
  if (!parts) {
    return null;
  }
  const index = parts.findIndex((part) => typeof part !== 'string' && isInput(part));
  const segment = parts[index];
  const before = parts[index - 1];
  const after = parts.slice(index + 1);
  if (
    segment === undefined || typeof segment === 'string' ||
    typeof before !== 'string' || !/[/\\]$/u.test(before) ||
    !after.every((part) => typeof part === 'string' && !/[/\\]/u.test(part))
  ) {
    return null;
  }
  const module = pathModuleName(context, segment);
  return module ? { segment, pathName: module.name, importText: module.importText } : null;
}

/**
 * The name the `path` module has where `at` is (`path`, `nodePath`), or the import that
 * brings it in as `path` when the file loads none and `path` is free there; `null` otherwise.
 */
function pathModuleName(context: FileContext, at: TSESTree.Node): { name: string; importText: string | null } | null {
  const scope = context.sourceCode.getScope(at);
  for (const statement of context.sourceCode.ast.body) {
    const name = pathBinding(statement);
    if (name !== null) {
      // The same binding where the value is (not shadowed by a parameter named `path`).
      const variable = findVariable(scope as never, name) as TSESLint.Scope.Variable | null;
      return variable?.defs.some((def) => def.node === statement || (def.parent as TSESTree.Node | null) === statement || (def.node as TSESTree.Node).parent === statement) ? { name, importText: null } : null;
    }
  }
  if (bindingState(scope, 'path', 'node:path', 'default') !== 'free') {
    return null;
  }
  return { name: 'path', importText: moduleSyntaxOf(context.sourceCode, context.filename) === 'esm' ? "import path from 'node:path';" : "const path = require('node:path');" };
}

/** `import path from 'node:path'`, `import * as p from 'path'`, `const path = require('path')`: the local name, or `null`. */
function pathBinding(statement: TSESTree.ProgramStatement): string | null {
  if (statement.type === AST_NODE_TYPES.ImportDeclaration && (statement.source.value === 'path' || statement.source.value === 'node:path') && statement.importKind !== 'type') {
    const specifier = statement.specifiers.find((s) => s.type === AST_NODE_TYPES.ImportDefaultSpecifier || s.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
    return specifier?.local.name ?? null;
  }
  if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
    for (const declarator of statement.declarations) {
      const init = declarator.init;
      if (
        declarator.id.type === AST_NODE_TYPES.Identifier && init?.type === AST_NODE_TYPES.CallExpression &&
        init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require' &&
        init.arguments[0]?.type === AST_NODE_TYPES.Literal && (init.arguments[0].value === 'path' || init.arguments[0].value === 'node:path')
      ) {
        return declarator.id.name;
      }
    }
  }
  return null;
}

/**
 * The pieces of a path built by `+` or a template literal: constant text (cooked strings) and
 * the values between, or `null` when a piece cannot be read as either (a nested `+` operand, a
 * template with an invalid escape).
 */
function pathParts(node: TSESTree.TemplateLiteral | TSESTree.BinaryExpression): (string | TSESTree.Expression)[] | null {
  const out: (string | TSESTree.Expression)[] = [];
  const addText = (text: string): void => {
    if (typeof out.at(-1) === 'string') {
      out[out.length - 1] = `${out.at(-1) as string}${text}`;
    } else {
      out.push(text);
    }
  };
  const addTemplate = (template: TSESTree.TemplateLiteral): boolean => {
    for (const [index, quasi] of template.quasis.entries()) {
      if (quasi.value.cooked === null) {
        return false;
      }
      addText(quasi.value.cooked);
      const expression = template.expressions[index];
      if (expression) {
        out.push(expression);
      }
    }
    return true;
  };
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    return addTemplate(node) ? out : null;
  }
  for (const operand of concatOperands(node)) {
    if (operand.type === AST_NODE_TYPES.Literal && typeof operand.value === 'string') {
      addText(operand.value);
    } else if (operand.type === AST_NODE_TYPES.TemplateLiteral) {
      if (!addTemplate(operand)) {
        return null;
      }
    } else if (operand.type === AST_NODE_TYPES.PrivateIdentifier || (operand.type === AST_NODE_TYPES.BinaryExpression && operand.operator === '+')) {
      return null;
    } else {
      out.push(operand as TSESTree.Expression);
    }
  }
  return out;
}
