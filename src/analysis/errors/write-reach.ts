import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isFunctionLike } from '../../core/functions';

type Variable = TSESLint.Scope.Variable;

const LOOPS = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** The nearest function around `node` (or the Program). */
function enclosingFunction(node: TSESTree.Node): TSESTree.Node {
  let current = node.parent;
  while (current && !isFunctionLike(current) && current.type !== AST_NODE_TYPES.Program) {
    current = current.parent;
  }
  return current ?? node;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The child of `ancestor` on the way down to `node`. */
function childTowards(ancestor: TSESTree.Node, node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && current.parent !== ancestor) {
    current = current.parent;
  }
  return current;
}

/**
 * Whether a write of `variable` (`result.error = err`, `message = err.message`) can have run
 * before `use` reads the variable, judged from the syntax of the one function both sit in:
 * not when the use is in a branch exclusive with the write (the `try` block of the write's
 * `catch`, the other branch of an `if` or `?:`), comes before it in source order, or lies past
 * a `return` that ends the write's block. Without a loop between them and with the variable
 * declared in that function, source order is control-flow order. Anything else (another
 * function, a loop, a variable that outlives the call) keeps the write: a shared object written
 * in one request's catch is sent by the next.
 * @example try { res.send(result) } catch (err) { result.error = err } // the send cannot see the write
 */
export function writeMayReach(variable: Variable, write: TSESTree.Node, use: TSESTree.Node): boolean {
  const fn = enclosingFunction(use);
  const declaration = variable.defs[0]?.name;
  if (!declaration) {
    return true;
  }
  const writer = enclosingFunction(write);
  if (writer !== fn) {
    return !exclusiveCallbacks(writer, fn, declaration);
  }
  if (!contains(fn, declaration) || enclosingFunction(declaration) !== fn) {
    return true;
  }
  // The lowest common ancestor, and whether a loop around it (inside the function) repeats both.
  let common: TSESTree.Node | undefined = write.parent;
  while (common && !contains(common, use)) {
    common = common.parent;
  }
  if (!common) {
    return true;
  }
  for (let current: TSESTree.Node | undefined = common; current && current !== fn; current = current.parent) {
    if (LOOPS.has(current.type)) {
      return true;
    }
  }
  if (use.range[1] <= write.range[0]) {
    return false; // read before the write, in a function without a loop around both
  }
  const writeSide = childTowards(common, write);
  const useSide = childTowards(common, use);
  switch (common.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      if (writeSide !== common.test && useSide !== common.test) {
        return false; // `if (err) { result.error = err } else { res.send(result) }`
      }
      break;
    case AST_NODE_TYPES.TryStatement:
      if (writeSide === common.handler && useSide === common.block) {
        return false;
      }
      if (useSide === common.finalizer) {
        return true; // a `finally` runs after a `return` too
      }
      break;
    default:
      break;
  }
  return !returnsAfter(write, common);
}

/** Whether a block between `write` and `common` goes on with a `return` after the write: nothing after the block sees it. */
function returnsAfter(write: TSESTree.Node, common: TSESTree.Node): boolean {
  for (let current = write; current.parent && current.parent !== common; current = current.parent) {
    const parent = current.parent;
    const body =
      parent.type === AST_NODE_TYPES.BlockStatement ? parent.body : parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : null;
    if (body) {
      const index = body.indexOf(current as TSESTree.Statement);
      if (index >= 0 && body.slice(index + 1).some((statement) => statement.type === AST_NODE_TYPES.ReturnStatement)) {
        return true;
      }
    }
  }
  return false;
}

const PROMISE_METHODS = new Set(['then', 'catch']);

/** The `.then(…)`/`.catch(…)` call a function is handed to directly, with its position. */
function promiseCallOf(fn: TSESTree.Node): { call: TSESTree.CallExpression; index: number } | null {
  const call = fn.parent;
  if (!isFunctionLike(fn) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const property = call.callee.property;
  const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  return index >= 0 && !call.callee.computed && property.type === AST_NODE_TYPES.Identifier && PROMISE_METHODS.has(property.name) ? { call, index } : null;
}

/**
 * Two callbacks of one promise chain, where the reading one cannot run after the writing one:
 * `.then(ok, failed)` (one of them runs) and `.then(ok).catch(failed)` (`ok` runs first, if at
 * all), for a variable declared in the function that builds the chain, with no loop around it.
 * @example p.then((rows) => res.json(out)).catch((err) => { out.error = err }) // the json never sees the write
 */
function exclusiveCallbacks(writer: TSESTree.Node, reader: TSESTree.Node, declaration: TSESTree.Node): boolean {
  const write = promiseCallOf(writer);
  const read = promiseCallOf(reader);
  if (!write || !read) {
    return false;
  }
  let earlier = read.call === write.call;
  // `.then(ok)` sits inside the callee of `.catch(failed)`: walk the chain down from the writer's call.
  for (let current: TSESTree.Node = write.call; !earlier && current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression; ) {
    current = current.callee.object;
    earlier = current === read.call;
  }
  if (!earlier) {
    return false;
  }
  const fn = enclosingFunction(write.call);
  if (enclosingFunction(declaration) !== fn || !contains(fn, declaration)) {
    return false;
  }
  for (let current: TSESTree.Node | undefined = write.call.parent; current && current !== fn; current = current.parent) {
    if (LOOPS.has(current.type)) {
      return false;
    }
  }
  return true;
}
