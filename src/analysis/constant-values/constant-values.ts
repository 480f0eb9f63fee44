/** Constant values, part one: the text a value can produce (`classifyValue`); tables and allow-lists are in `tables.ts`, guard checks in `guards.ts`. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isGuarded, isMembershipTest } from './guards';
import { narrowedDerivation } from './narrowing';
import { arrayDerivation, mapLookupDerivation, propertyName, SCREAMING_CASE, tableDerivation, weakest } from './tables';
import type { Derivation, Sub } from './tables';
import { skipTsWrappers, staticValue } from '../../core/static';
import { constInitOf, laterWrites, variableFor } from '../../core/variable-index';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { ARRAY_CALLBACKS, STRING_PADDING, STRING_PARTS, STRING_TRANSFORMS } from '../../data/js-builtins';

export type { Derivation } from './tables';

const NUMERIC_GLOBALS = new Set(['Number', 'parseInt', 'parseFloat', 'BigInt']);
const NUMERIC_NAMESPACES = new Set(['Math', 'Number']);
const NUMBER_FORMAT_METHODS = new Set(['toFixed', 'toPrecision', 'toExponential']);
/** A constant receiver (and constant arguments) give a constant result. */
const STRING_PASS_THROUGH = new Set([...STRING_TRANSFORMS, ...STRING_PARTS, ...STRING_PADDING]);

/** Memo per Program so rules sharing the analysis share the work. */
const MEMOS_KEY = perFileKey<WeakMap<TSESTree.Node, Derivation>>('memos');

/**
 * Classifies the text an expression can produce (see {@link Derivation}).
 * @example
 * const col = SORTABLE[req.query.sort] ?? 'created_at' // classifyValue(col) -> 'constant'
 * if (!ALLOWED.includes(dir)) return;                // classifyValue(dir) -> 'constant' after the check
 * Number(req.query.limit)                             // 'numeric'
 */
export function classifyValue(context: FileContext, node: TSESTree.Node): Derivation {
  const memo = perFile(context, MEMOS_KEY, () => new WeakMap());
  return classify(context, memo, node, 0);
}

function classify(context: FileContext, memo: WeakMap<TSESTree.Node, Derivation>, raw: TSESTree.Node, depth: number): Derivation {
  if (memo.has(raw)) {
    return memo.get(raw)!;
  }
  if (depth > 24) {
    return null;
  }
  memo.set(raw, null); // cycle guard: a value defined through itself is not proven constant
  const result = compute(context, memo, raw, depth + 1);
  memo.set(raw, result);
  return result;
}

function compute(context: FileContext, memo: WeakMap<TSESTree.Node, Derivation>, raw: TSESTree.Node, depth: number): Derivation {
  const sub = (node: TSESTree.Node): Derivation => classify(context, memo, node, depth);
  // Allow-lists in guards are classified from the top (their own depth), as before.
  const classifyAny: Sub = (inner) => classifyValue(context, inner);
  const node = skipTsWrappers(raw);
  const staticResult = node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.Literal ||
    node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.TemplateLiteral ||
    node.type === AST_NODE_TYPES.BinaryExpression
    ? staticValue(context, node)
    : null;
  if (staticResult) {
    return 'constant';
  }
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return 'constant';
    case AST_NODE_TYPES.TemplateLiteral:
      return weakest(node.expressions.map(sub));
    case AST_NODE_TYPES.ChainExpression:
      return sub(node.expression);
    case AST_NODE_TYPES.BinaryExpression: {
      const both = weakest([sub(node.left), sub(node.right)]);
      if (node.operator === '+') {
        return both;
      }
      if (['-', '*', '/', '%', '**', '|', '&', '^', '<<', '>>', '>>>'].includes(node.operator)) {
        return both === 'constant' ? 'constant' : 'numeric';
      }
      return 'constant'; // comparisons, `in`, `instanceof`: booleans
    }
    case AST_NODE_TYPES.UnaryExpression:
      if (node.operator === '+' || node.operator === '-' || node.operator === '~') {
        return sub(node.argument) === 'constant' ? 'constant' : 'numeric';
      }
      return node.operator === 'delete' ? null : 'constant'; // `!x`, `typeof x`, `void x`
    case AST_NODE_TYPES.UpdateExpression:
      return sub(node.argument) === 'constant' ? 'constant' : 'numeric';
    case AST_NODE_TYPES.ConditionalExpression: {
      const consequent = sub(node.consequent) ?? (isMembershipTest(context, classifyAny, node.test, node.consequent, true) ? 'constant' : null);
      const alternate = sub(node.alternate) ?? (isMembershipTest(context, classifyAny, node.test, node.alternate, false) ? 'constant' : null);
      return weakest([consequent, alternate]);
    }
    case AST_NODE_TYPES.LogicalExpression:
      return weakest([sub(node.left), sub(node.right)]);
    case AST_NODE_TYPES.MemberExpression:
      return memberDerivation(context, node, sub) ?? (isGuarded(context, classifyAny, node) ? 'constant' : null);
    case AST_NODE_TYPES.CallExpression:
      return callDerivation(context, node, sub);
    case AST_NODE_TYPES.Identifier: {
      // A reassigned variable is followed to this use first: weighing all its writes at once would meet
      // the writes that read it (`dir = dir.trim()`) while they are still being weighed.
      const reassigned = reassignedDerivation(context, node, sub, classifyAny);
      if (reassigned !== undefined) {
        return reassigned ?? identifierDerivation(context, node, sub);
      }
      return identifierDerivation(context, node, sub) ?? (isGuarded(context, classifyAny, node) ? 'constant' : null);
    }
    default:
      return null;
  }
}

function memberDerivation(context: FileContext, node: TSESTree.MemberExpression, sub: Sub): Derivation {
  const name = propertyName(node);
  if (name === 'length' && !node.computed) {
    // An array's or string's length is an integer; a client object's `length` could be anything.
    const object = skipTsWrappers(node.object);
    const init = object.type === AST_NODE_TYPES.Identifier ? constInitOf(context, object) : object;
    const kind = init ? skipTsWrappers(init).type : null;
    return kind === AST_NODE_TYPES.ArrayExpression || kind === AST_NODE_TYPES.TemplateLiteral ||
      (kind === AST_NODE_TYPES.Literal && typeof (skipTsWrappers(init!) as TSESTree.Literal).value === 'string')
      ? 'constant'
      : null;
  }
  const object = skipTsWrappers(node.object);
  // A lookup in a constant table (`SORTABLE[req.query.sort]`, `Direction.Asc`, `COLUMNS.name`).
  if (tableDerivation(context, object, sub) === 'constant') {
    return 'constant';
  }
  return null;
}

function callDerivation(context: FileContext, node: TSESTree.CallExpression, sub: Sub): Derivation {
  const callee = skipTsWrappers(node.callee);
  const argDerivation = (): Derivation => weakest(node.arguments.map((arg) =>
    arg.type === AST_NODE_TYPES.SpreadElement ? null : sub(arg)));
  if (callee.type === AST_NODE_TYPES.Identifier && isGlobal(context, callee)) {
    if (NUMERIC_GLOBALS.has(callee.name)) {
      return argDerivation() === 'constant' ? 'constant' : 'numeric';
    }
    if (callee.name === 'String') {
      return node.arguments[0] ? sub(node.arguments[0]) : 'constant';
    }
    if (callee.name === 'Boolean') {
      return 'constant';
    }
    return null;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const name = propertyName(callee);
  if (
    callee.object.type === AST_NODE_TYPES.Identifier &&
    NUMERIC_NAMESPACES.has(callee.object.name) &&
    isGlobal(context, callee.object)
  ) {
    return argDerivation() === 'constant' ? 'constant' : 'numeric';
  }
  if (name && NUMBER_FORMAT_METHODS.has(name)) {
    return sub(callee.object) === 'constant' ? 'constant' : 'numeric';
  }
  if (name === 'join') {
    const separator = node.arguments[0];
    return weakest([
      arrayDerivation(context, callee.object, sub),
      !separator ? 'constant' : separator.type === AST_NODE_TYPES.SpreadElement ? null : sub(separator),
    ]);
  }
  if (name && STRING_PASS_THROUGH.has(name)) {
    return sub(callee.object);
  }
  if (name === 'replace' || name === 'replaceAll') {
    const replacement = node.arguments[1];
    return weakest([sub(callee.object), replacement && replacement.type !== AST_NODE_TYPES.SpreadElement ? sub(replacement) : null]);
  }
  // A lookup in a constant map (`SORTABLE.get(req.query.sort)`): one of its values, or `undefined`.
  if (name === 'get') {
    return mapLookupDerivation(context, callee.object, sub);
  }
  return null;
}

function isGlobal(context: FileContext, id: TSESTree.Identifier): boolean {
  const variable = variableFor(context, id);
  return !variable || variable.defs.length === 0;
}

function identifierDerivation(context: FileContext, node: TSESTree.Identifier, sub: Sub): Derivation {
  const variable = variableFor(context, node);
  if (!variable || variable.defs.length === 0) {
    return node.name === 'undefined' || node.name === 'NaN' || node.name === 'Infinity' ? 'constant' : null;
  }
  if (variable.defs.length !== 1) {
    return null;
  }
  const def = variable.defs[0]!;
  if (def.type === 'ImportBinding') {
    return SCREAMING_CASE.test(node.name) ? 'constant' : null;
  }
  if (def.type === 'Parameter') {
    return parameterDerivation(context, def.name as TSESTree.Identifier, def.node as TSESTree.Node, sub);
  }
  if (def.type !== 'Variable') {
    return null;
  }
  const declaration = def.parent as TSESTree.VariableDeclaration;
  const loop = declaration.parent;
  if (
    (loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) &&
    loop.left === declaration
  ) {
    // for (const col of COLUMNS): each element; for…in: the keys of a constant table
    return loop.type === AST_NODE_TYPES.ForOfStatement
      ? arrayDerivation(context, loop.right, sub)
      : tableDerivation(context, loop.right, sub) === null ? null : 'constant';
  }
  if (def.node.id.type !== AST_NODE_TYPES.Identifier) {
    return null; // destructured: unknown shape
  }
  const annotated = typeDerivation(def.node.id.typeAnnotation?.typeAnnotation);
  const values: Derivation[] = [];
  if (def.node.init) {
    values.push(sub(def.node.init));
  }
  for (const ref of laterWrites(variable)) {
    const parent = ref.identifier.parent;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.identifier) {
      values.push(parent.operator === '=' || parent.operator === '+=' || parent.operator === '??=' || parent.operator === '||='
        ? sub(parent.right)
        : sub(parent.right) === 'constant' ? 'constant' : 'numeric');
    } else if (parent.type === AST_NODE_TYPES.UpdateExpression) {
      values.push('constant'); // a counter stays numeric-from-constant if its other writes are
    } else {
      values.push(null);
    }
  }
  const fromWrites = values.length === 0 ? 'constant' : weakest(values);
  return fromWrites ?? annotated;
}

/**
 * A reassigned `let`/`var` or parameter: what the writes and checks on the paths to this use leave
 * (`narrowing.ts`); `null` when that is not constant or cannot be followed. `undefined` when the
 * variable is never reassigned, so that the enclosing checks (`isGuarded`) decide; a reassigned variable
 * is not judged by them, as a check before a later write no longer holds at the use.
 */
function reassignedDerivation(context: FileContext, node: TSESTree.Identifier, sub: Sub, classifyAny: Sub): Derivation | undefined {
  const variable = variableFor(context, node);
  const def = variable?.defs.length === 1 ? variable.defs[0]! : undefined;
  if (!def || laterWrites(variable!).length === 0 || (def.type !== 'Variable' && def.type !== 'Parameter') ||
    def.name.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  return narrowedDerivation(context, classifyAny, sub, node, variable!, () => {
    if (def.type === 'Parameter') {
      return parameterDerivation(context, def.name as TSESTree.Identifier, def.node as TSESTree.Node, sub);
    }
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) {
      return null; // destructured: unknown shape
    }
    return declarator.init ? sub(declarator.init) : 'constant';
  });
}

/** `(dir: 'asc' | 'desc')` → constant; `(id: number)` → numeric. */
function typeDerivation(type: TSESTree.TypeNode | undefined): Derivation {
  if (!type) {
    return null;
  }
  switch (type.type) {
    case AST_NODE_TYPES.TSLiteralType:
      return type.literal.type === AST_NODE_TYPES.TemplateLiteral ? null : 'constant';
    case AST_NODE_TYPES.TSUnionType:
      return weakest(type.types.map(typeDerivation));
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
      return 'numeric';
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
      return 'constant';
    default:
      return null;
  }
}

function parameterDerivation(context: FileContext, name: TSESTree.Identifier, fn: TSESTree.Node, sub: Sub): Derivation {
  const typed = typeDerivation(name.typeAnnotation?.typeAnnotation);
  if (typed) {
    return typed;
  }
  if (
    (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) ||
    fn.parent.type !== AST_NODE_TYPES.CallExpression
  ) {
    return null;
  }
  const callee = skipTsWrappers(fn.parent.callee);
  const index = fn.params.indexOf(name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const method = propertyName(callee);
  // Array.from({ length: n }, (_, i) => …): the index (the mapper is the second argument)
  if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array' && method === 'from') {
    return fn.parent.arguments[1] === fn && index === 1 ? 'constant' : null;
  }
  const callback = method && Object.hasOwn(ARRAY_CALLBACKS, method) ? ARRAY_CALLBACKS[method]! : null;
  if (fn.parent.arguments[0] !== fn || !callback) {
    return null;
  }
  if (index === callback.index) {
    return 'constant'; // the element index
  }
  return index === callback.element ? arrayDerivation(context, callee.object, sub) : null;
}
