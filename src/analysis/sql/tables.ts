/** SQL constant values, part two: what a constant table or list (object/array literal, enum, `Set`, imported SCREAMING_CASE name) can give, and which lists count as allow-lists. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { callbackReturns } from './string-building';
import { skipTsWrappers } from '../../core/static';
import { constInitOf, methodCallsOn, variableFor } from '../../core/variable-index';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { ARRAY_SUBSETS } from '../../data/js-builtins';

/**
 * What text a value can produce:
 * - `'constant'`: only text written in the source (literals, constants, enum members,
 *   allow-list lookups, values checked against an allow-list, placeholder lists);
 * - `'numeric'`: a number derived from non-constant input (`Number(x)`, `+x`, `a * b`);
 * - `null`: arbitrary text.
 */
export type Derivation = 'constant' | 'numeric' | null;

/** Arrays made from a constant table's elements (`concat` of constant tables stays constant: its arguments are checked too). */
const ARRAY_PASS_THROUGH = new Set([...ARRAY_SUBSETS, 'concat']);
export const SCREAMING_CASE = /^[A-Z][A-Z\d_]*$/u;
/** Array methods that add elements in place. */
const MUTATING_METHODS = ['push', 'unshift', 'splice', 'fill'];

/** The least safe of the derivations (an array, not spread arguments: lists can be huge literals). */
export function weakest(values: readonly Derivation[]): Derivation {
  if (values.includes(null)) {
    return null;
  }
  return values.includes('numeric') ? 'numeric' : 'constant';
}

export function propertyName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    return node.property.name;
  }
  return node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string'
    ? node.property.value
    : null;
}

/** Classifies a sub-expression (the caller's recursion, with its depth and memo). */
export type Sub = (node: TSESTree.Node) => Derivation;

/** Active `tableDerivation`/`arrayDerivation` frames: beyond the limit the answer is "not constant". */
let nesting = 0;
export const MAX_NESTING = 64;
/** Per Program: table and array derivations per node (`null` while in progress, so cycles end). */
const TABLE_MEMOS_KEY = perFileKey<{ table: WeakMap<TSESTree.Node, Derivation>; array: WeakMap<TSESTree.Node, Derivation> }>('tableMemos');

/**
 * Memoised per node with a cycle guard (`const a = [...b], b = [...a]`) and a nesting
 * limit, so chains of constants are followed once and never overflow the stack.
 */
function memoised(context: FileContext, which: 'table' | 'array', node: TSESTree.Node, compute: () => Derivation): Derivation {
  const memos = perFile(context, TABLE_MEMOS_KEY, () => ({ table: new WeakMap(), array: new WeakMap() }));
  const memo = memos[which];
  if (memo.has(node)) {
    return memo.get(node)!;
  }
  if (nesting >= MAX_NESTING) {
    return null;
  }
  memo.set(node, null);
  nesting++;
  try {
    const result = compute();
    memo.set(node, result);
    return result;
  } finally {
    nesting--;
  }
}

/** Whether every value a constant table (object/array literal, enum, imported SCREAMING_CASE) can give is constant. */
export function tableDerivation(context: FileContext, raw: TSESTree.Node, sub: Sub): Derivation {
  let node = skipTsWrappers(raw);
  let member = false;
  // `TABLE.a.b` is constant when `TABLE` is a constant table (a loop: chains can be long).
  while (node.type === AST_NODE_TYPES.MemberExpression) {
    member = true;
    node = skipTsWrappers(node.object);
  }
  const root = node;
  const result = memoised(context, 'table', root, () => computeTableDerivation(context, root, sub));
  return member ? (result === 'constant' ? 'constant' : null) : result;
}

function computeTableDerivation(context: FileContext, node: TSESTree.Node, sub: Sub): Derivation {
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    return weakest(node.properties.map((prop) =>
      prop.type === AST_NODE_TYPES.Property ? sub(prop.value) : tableDerivation(context, prop.argument, sub)));
  }
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    return arrayDerivation(context, node, sub);
  }
  if (node.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const variable = variableFor(context, node);
  const def = variable?.defs.length === 1 ? variable.defs[0]! : undefined;
  if (def?.type === 'TSEnumName') {
    return 'constant';
  }
  if (def?.type === 'ImportBinding') {
    return SCREAMING_CASE.test(node.name) ? 'constant' : null;
  }
  const init = constInitOf(context, node);
  return init && (def?.parent as TSESTree.VariableDeclaration | undefined)?.kind === 'const'
    ? tableDerivation(context, init, sub)
    : null;
}

/** Derivation of every element an array expression can hold. */
export function arrayDerivation(context: FileContext, raw: TSESTree.Node, sub: Sub): Derivation {
  const node = skipTsWrappers(raw);
  return memoised(context, 'array', node, () => computeArrayDerivation(context, node, sub));
}

function computeArrayDerivation(context: FileContext, node: TSESTree.Node, sub: Sub): Derivation {
  switch (node.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return weakest(node.elements.map((element) => {
        if (!element) {
          return 'constant';
        }
        return element.type === AST_NODE_TYPES.SpreadElement ? arrayDerivation(context, element.argument, sub) : sub(element);
      }));
    case AST_NODE_TYPES.Identifier: {
      const init = constInitOf(context, node);
      if (init) {
        // pushes into a constant array are checked too
        const variable = variableFor(context, node);
        const pushed: Derivation[] = [];
        for (const { call } of variable ? methodCallsOn(variable, MUTATING_METHODS) : []) {
          pushed.push(...call.arguments.map((arg) =>
            arg.type === AST_NODE_TYPES.SpreadElement ? arrayDerivation(context, arg.argument, sub) : sub(arg)));
        }
        return weakest([arrayDerivation(context, init, sub), ...pushed]);
      }
      const def = variableFor(context, node)?.defs[0];
      return def?.type === 'ImportBinding' && SCREAMING_CASE.test(node.name) ? 'constant' : null;
    }
    case AST_NODE_TYPES.NewExpression:
      // new Set(CONSTANTS), new Array(n)
      if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Set') {
        return node.arguments[0] ? arrayDerivation(context, node.arguments[0], sub) : 'constant';
      }
      return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Array' ? 'constant' : null;
    case AST_NODE_TYPES.CallExpression: {
      const callee = skipTsWrappers(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Array') {
        return 'constant'; // Array(n): holes only
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) {
        return null;
      }
      const name = propertyName(callee);
      const first = node.arguments[0];
      if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object' && first) {
        const target = skipTsWrappers(first);
        const resolved = target.type === AST_NODE_TYPES.Identifier ? constInitOf(context, target) : target;
        if (name === 'keys' && resolved?.type === AST_NODE_TYPES.ObjectExpression) {
          return resolved.properties.every((prop) => prop.type === AST_NODE_TYPES.Property && !prop.computed) ? 'constant' : null;
        }
        if (name === 'values' && resolved) {
          return tableDerivation(context, resolved, sub);
        }
        return null;
      }
      if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array' && name === 'from' && first) {
        const mapper = node.arguments[1];
        const returns = mapper ? callbackReturns(mapper) : null;
        if (mapper) {
          return returns ? weakest(returns.map(sub)) : null;
        }
        return first.type === AST_NODE_TYPES.SpreadElement ? null : arrayDerivation(context, first, sub);
      }
      if (name === 'fill') {
        return first && first.type !== AST_NODE_TYPES.SpreadElement ? sub(first) : 'constant';
      }
      if (name === 'map' || name === 'flatMap') {
        const returns = first ? callbackReturns(first) : null;
        return returns ? weakest(returns.map(sub)) : null;
      }
      if (name && ARRAY_PASS_THROUGH.has(name)) {
        const extra = name === 'concat'
          ? node.arguments.map((arg) => arrayDerivation(context, arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg, sub) ?? sub(arg))
          : [];
        return weakest([arrayDerivation(context, callee.object, sub), ...extra]);
      }
      if (name === 'split') {
        return sub(callee.object);
      }
      return null;
    }
    default:
      return null;
  }
}

/** A list the code itself controls: a constant array/Set/object, or an imported/SCREAMING_CASE name. */
export function isAllowList(context: FileContext, classifyAny: Sub, raw: TSESTree.Node): boolean {
  let node = skipTsWrappers(raw);
  while (node.type === AST_NODE_TYPES.MemberExpression) {
    node = skipTsWrappers(node.object);
  }
  if (node.type === AST_NODE_TYPES.ArrayExpression || node.type === AST_NODE_TYPES.NewExpression) {
    return arrayDerivation(context, node, classifyAny) === 'constant';
  }
  if (node.type === AST_NODE_TYPES.ObjectExpression) {
    return true;
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    return arrayDerivation(context, node, classifyAny) === 'constant';
  }
  if (node.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  if (SCREAMING_CASE.test(node.name)) {
    return true;
  }
  const variable = variableFor(context, node);
  if (variable?.defs[0]?.type === 'ImportBinding') {
    return true;
  }
  const init = constInitOf(context, node);
  return init !== null && (init.type === AST_NODE_TYPES.ObjectExpression || arrayDerivation(context, init, classifyAny) === 'constant');
}
