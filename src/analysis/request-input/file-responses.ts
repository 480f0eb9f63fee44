import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isFunctionLike } from '../../core/functions';
import { findObjectProperty, resolveConstInit, skipTsWrappers } from '../../core/static';
import type { FileContext } from '../../core/context';
import { FILE_METHODS } from '../../frameworks/registry';

/**
 * Calls that send a file from disk to the client (Express `res.sendFile(path, options)`,
 * `res.download(path, name, options, cb)`, `send(req, path, options)`): Express and `send`
 * refuse to leave an options object's `root`, so only a call without one receives a path
 * that can reach any file.
 */

/** Whether an options argument sets `root` (Express and `send` then refuse to leave it). */
export function rootOption(context: FileContext, arg: TSESTree.Node | undefined, mayBeFileName = false): 'absent' | 'present' {
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) {
    return arg ? 'present' : 'absent';
  }
  let node = skipTsWrappers(arg);
  if (node.type === AST_NODE_TYPES.Identifier) {
    node = resolveConstInit(context, node) ?? node;
  }
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    return findObjectProperty(context, node, 'root').kind === 'absent' ? 'absent' : 'present';
  }
  // Functions are callbacks; strings are `download`'s file name. Other values may hold a root.
  const notOptions = isFunctionLike(node) || node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.TemplateLiteral || mayBeFileName;
  return notOptions ? 'absent' : 'present';
}

/**
 * The path argument of a response's file-sending method call (`res.download(p)`), when no option
 * sets a `root`; `null` for a call of another method or with a root. The receiver is not checked.
 */
export function unconfinedFilePath(context: FileContext, call: TSESTree.CallExpression, method: string): TSESTree.CallExpressionArgument | null {
  const spec = FILE_METHODS.get(method);
  if (!spec) {
    return null;
  }
  // `download(path, name, options)`: a string second argument is the name the client sees.
  const options = spec.optionArgs.map((index) => rootOption(context, call.arguments[index], index === 1 && method === 'download'));
  return options.every((option) => option === 'absent') ? (call.arguments[spec.pathArg] ?? null) : null;
}
