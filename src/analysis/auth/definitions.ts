/** Functions defined in other project files: what an imported name stands for, as a function to analyse there. */

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { importedDefinition } from '../../project/index';
import type { DefinitionOptions, ProjectFile } from '../../project/index';
import type { FileContext } from '../../core/context';
import { isFunctionLike, resolveFunction } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';

/** Files followed from the linted one, at most: a gate that calls a gate that calls a gate. */
export const MAX_FOLLOW_HOPS = 3;

/** A function found in a file, with the file context to analyse it in. */
export interface FoundFunction {
  readonly context: FileContext;
  readonly fn: FunctionLike;
  /** The name it is declared under (`getContractById`). */
  readonly name: string;
  /** The project file it is in, when it is not the asking file. */
  readonly file: ProjectFile | null;
}

/**
 * The function a definition denotes: a function itself, or the one function handed to a
 * factory call (`createMiddleware(async (c, next) => …)`, `t.middleware(fn)`, `cache(fn)`).
 */
export function functionOfNode(context: FileContext, node: TSESTree.Node): FunctionLike | null {
  const expr = skipTsWrappers(node);
  if (isFunctionLike(expr)) {
    return expr;
  }
  if (expr.type === AST_NODE_TYPES.CallExpression) {
    const fns = expr.arguments.filter((arg) => isFunctionLike(arg)) as FunctionLike[];
    if (fns.length === 1) {
      return fns[0]!;
    }
    if (expr.arguments.length === 1 && expr.arguments[0]!.type === AST_NODE_TYPES.Identifier) {
      return resolveFunction(context, expr.arguments[0]!);
    }
  }
  return null;
}

/**
 * The function an expression names, in this file (`resolveFunction`) or, when it is imported,
 * in the project file that defines it: `getContractById`, `files.downloadFile`, `autenticar`.
 * `null` when it is neither, does not resolve, or `crossFile` is off. `options.mentions` skips
 * (unparsed) a file whose text cannot hold what the caller looks for.
 */
export function functionNamed(context: FileContext, node: TSESTree.Node, options: DefinitionOptions = {}): FoundFunction | null {
  const expr = skipTsWrappers(node);
  const local = resolveFunction(context, expr);
  if (local) {
    return { context, fn: local, name: nameOf(expr), file: null };
  }
  if (expr.type === AST_NODE_TYPES.Identifier) {
    const def = variableFor(context, expr)?.defs[0];
    if (def?.type === 'Variable' && def.node.init && def.node.id.type === AST_NODE_TYPES.Identifier) {
      const fn = functionOfNode(context, def.node.init);
      if (fn) {
        return { context, fn, name: expr.name, file: null };
      }
    }
  }
  if (expr.type !== AST_NODE_TYPES.Identifier && expr.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const definition = importedDefinition(context, expr, undefined, options);
  const fn = definition ? functionOfNode(definition.file.context, definition.node) : null;
  return definition && fn ? { context: definition.file.context, fn, name: definition.name, file: definition.file } : null;
}

function nameOf(node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.Identifier) {
    return node.name;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    return node.property.name;
  }
  return 'handler';
}

/** Functions a factory returns: `return (req, res, next) => …`, `=> async (req) => …`. */
export function returnedFunctions(fn: FunctionLike): FunctionLike[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const body = skipTsWrappers(fn.body);
    return isFunctionLike(body) ? [body] : [];
  }
  const out: FunctionLike[] = [];
  for (const statement of fn.body.body) {
    const argument = statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument ? skipTsWrappers(statement.argument) : null;
    if (argument && isFunctionLike(argument)) {
      out.push(argument);
    } else if (statement.type === AST_NODE_TYPES.FunctionDeclaration && fn.body.body.some((s) => s.type === AST_NODE_TYPES.ReturnStatement && s.argument?.type === AST_NODE_TYPES.Identifier && s.argument.name === statement.id?.name)) {
      out.push(statement);
    }
  }
  return out;
}
