/** Constant values, part two: what a constant table or list (object/array literal, enum, `Set`, imported SCREAMING_CASE name) can give, and which lists count as allow-lists. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { TSESLint } from '@typescript-eslint/utils';

import { callbackReturns } from '../../core/functions';
import { skipTsWrappers } from '../../core/static';
import { constInitOf, laterWrites, methodCallsOn, variableFor } from '../../core/variable-index';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { ARRAY_SUBSETS } from '../../data/js-builtins';
import { OBJECT_WRITING_CALLS } from '../../data/sql';

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
/** Array and `Set` methods that add elements in place. */
const MUTATING_METHODS = ['push', 'unshift', 'splice', 'fill', 'add'];

/** Members of a `Map` that read it or only take entries out: a lookup then still gives one of the values written. */
const MAP_READS = new Set(['get', 'has', 'delete', 'clear', 'forEach', 'keys', 'values', 'entries', 'size']);

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
    ? weakest([tableDerivation(context, init, sub), tableWrites(context, variable!, sub).values])
    : null;
}

/** What the code writes into a table after declaring it: the values it can then hold, and whether its keys stay constant. */
interface TableWrites {
  readonly values: Derivation;
  readonly keys: Derivation;
}

/** Per variable: the writes into the table it holds (its own references only, looked at once). */
const tableWriteMemo = new WeakMap<TSESLint.Scope.Variable, TableWrites>();

/**
 * `TABLE.b = x`, `TABLE[k] = x`, `TABLE.a.b = x`, `Object.assign(TABLE, x)`, lodash `merge(TABLE, x)`:
 * a `const` table written into later can give the written values, under the written keys.
 * @example const SORT = { a: 'a' }; SORT[req.body.k] = req.body.v; // values and keys: null
 */
export function tableWrites(context: FileContext, variable: TSESLint.Scope.Variable, sub: Sub): TableWrites {
  const known = tableWriteMemo.get(variable);
  if (known) {
    return known;
  }
  tableWriteMemo.set(variable, { values: null, keys: null }); // cycle guard: a table written from itself
  const values: Derivation[] = [];
  const keys: Derivation[] = [];
  for (const ref of variable.references) {
    const id = ref.identifier;
    const parent = id.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === id) {
      let top: TSESTree.Node = parent;
      while (top.parent?.type === AST_NODE_TYPES.MemberExpression && top.parent.object === top) {
        top = top.parent;
      }
      const written = top.parent;
      const key = parent.computed ? sub(parent.property) : 'constant';
      if (written?.type === AST_NODE_TYPES.AssignmentExpression && written.left === top) {
        values.push(sub(written.right));
        keys.push(key);
      } else if (
        (written?.type === AST_NODE_TYPES.ForInStatement || written?.type === AST_NODE_TYPES.ForOfStatement) &&
        written.left === top
      ) {
        values.push(null);
        keys.push(key);
      }
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === id) {
      const callee = skipTsWrappers(parent.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier
        ? callee.name
        : callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
      if (name !== null && OBJECT_WRITING_CALLS.has(name)) {
        values.push(weakest(parent.arguments.slice(1).map((arg) =>
          arg.type === AST_NODE_TYPES.SpreadElement ? null : tableDerivation(context, arg, sub))));
        keys.push(null);
      }
    }
  }
  const result = { values: weakest(values), keys: weakest(keys) };
  tableWriteMemo.set(variable, result);
  return result;
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
        // Keys and values written into the table later count too (`TABLE[req.body.k] = …`).
        const variable = target.type === AST_NODE_TYPES.Identifier && resolved ? variableFor(context, target) : null;
        const written = variable ? tableWrites(context, variable, sub) : { values: 'constant' as const, keys: 'constant' as const };
        if (name === 'keys' && resolved?.type === AST_NODE_TYPES.ObjectExpression) {
          return resolved.properties.every((prop) => prop.type === AST_NODE_TYPES.Property && !prop.computed)
            ? written.keys
            : null;
        }
        if (name === 'values' && resolved) {
          return weakest([tableDerivation(context, resolved, sub), written.values]);
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
  const variable = variableFor(context, node);
  const def = variable?.defs.length === 1 ? variable.defs[0]! : undefined;
  if (def?.type === 'ImportBinding') {
    return true;
  }
  if (def?.type !== 'Variable') {
    // Undeclared here (a global) or declared in a way we do not follow: trust the constant's name.
    return SCREAMING_CASE.test(node.name);
  }
  // Declared in this file: the declaration decides, whatever the name (a reassigned list, or one
  // holding or given a request value, is not an allow-list).
  if (laterWrites(variable!).length > 0) {
    return false;
  }
  const init = def.node.init ? skipTsWrappers(def.node.init) : null;
  if (!init) {
    return false;
  }
  if (init.type === AST_NODE_TYPES.ObjectExpression) {
    return tableWrites(context, variable!, classifyAny).keys === 'constant';
  }
  if (init.type === AST_NODE_TYPES.ArrayExpression || init.type === AST_NODE_TYPES.NewExpression || init.type === AST_NODE_TYPES.CallExpression) {
    // Through the name, so that later `push`/`add` calls count; an unknown call keeps the constant's name.
    const derived = arrayDerivation(context, node, classifyAny);
    return derived === 'constant' || (derived === null && init.type === AST_NODE_TYPES.CallExpression &&
      !isArrayBuilder(init) && SCREAMING_CASE.test(node.name));
  }
  if (init.type === AST_NODE_TYPES.Identifier || init.type === AST_NODE_TYPES.MemberExpression) {
    return isAllowList(context, classifyAny, init); // `const allowed = SORTABLE`
  }
  return SCREAMING_CASE.test(node.name);
}

/** Calls whose elements `arrayDerivation` judges itself (a verdict of `null` there means "holds non-constant values"). */
function isArrayBuilder(call: TSESTree.CallExpression): boolean {
  const callee = skipTsWrappers(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    return callee.name === 'Array';
  }
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : null;
  return name !== null && (name === 'map' || name === 'flatMap' || name === 'fill' || name === 'split' || name === 'concat' ||
    ARRAY_SUBSETS.includes(name) || (callee.type === AST_NODE_TYPES.MemberExpression &&
      callee.object.type === AST_NODE_TYPES.Identifier && (callee.object.name === 'Object' || callee.object.name === 'Array')));
}

/**
 * What `map.get(key)` can give, whatever the key, for a `const` map made from a literal list of
 * pairs (`const SORTABLE = new Map([['created', 'created_at'], ['title', 'title']])`): the weakest
 * of its values and of those `map.set(k, v)` writes (or `undefined`). `null` when the map is made
 * otherwise, or used other than by its own read and write methods (passed on, reassigned).
 * @example const column = SORTABLE.get(req.query.sort) ?? 'created_at'; // 'constant'
 */
export function mapLookupDerivation(context: FileContext, raw: TSESTree.Node, sub: Sub): Derivation {
  const node = skipTsWrappers(raw);
  const variable = node.type === AST_NODE_TYPES.Identifier ? variableFor(context, node) : undefined;
  const def = variable?.defs.length === 1 ? variable.defs[0]! : undefined;
  if (def?.type !== 'Variable' || (def.parent as TSESTree.VariableDeclaration | undefined)?.kind !== 'const') {
    return null;
  }
  const init = def.node.init ? skipTsWrappers(def.node.init) : null;
  if (init?.type !== AST_NODE_TYPES.NewExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'Map' || variableFor(context, init.callee)?.defs.length) {
    return null;
  }
  const values: Derivation[] = [];
  const [entries, ...rest] = init.arguments;
  if (rest.length > 0 || (entries !== undefined && entries.type !== AST_NODE_TYPES.ArrayExpression)) {
    return null;
  }
  for (const pair of entries?.elements ?? []) {
    const value = pair?.type === AST_NODE_TYPES.ArrayExpression ? pair.elements[1] : undefined;
    if (!value || value.type === AST_NODE_TYPES.SpreadElement) {
      return null;
    }
    values.push(sub(value));
  }
  for (const ref of variable!.references) {
    if (ref.init) {
      continue;
    }
    const member = ref.identifier.parent;
    const name = member?.type === AST_NODE_TYPES.MemberExpression && member.object === ref.identifier ? propertyName(member) : null;
    if (name === 'set' && member!.parent?.type === AST_NODE_TYPES.CallExpression && member!.parent.callee === member) {
      const value = member!.parent.arguments[1];
      values.push(value === undefined ? 'constant' : value.type === AST_NODE_TYPES.SpreadElement ? null : sub(value));
    } else if (name === null || !MAP_READS.has(name)) {
      return null;
    }
  }
  return weakest(values);
}
