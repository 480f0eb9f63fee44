import { getStaticValue } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { callbackReturns } from './string-building';
import { skipTsWrappers } from '../../core/static';
import { alwaysExits } from '../../core/control-flow';
import { constInitOf, laterWrites, methodCallsOn, scopeFor, variableFor } from '../../core/variable-index';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';

/**
 * What text a value can produce:
 * - `'constant'`: only text written in the source (literals, constants, enum members,
 *   allow-list lookups, values checked against an allow-list, placeholder lists);
 * - `'numeric'`: a number derived from non-constant input (`Number(x)`, `+x`, `a * b`);
 * - `null`: arbitrary text.
 */
export type Derivation = 'constant' | 'numeric' | null;

const NUMERIC_GLOBALS = new Set(['Number', 'parseInt', 'parseFloat', 'BigInt']);
const NUMERIC_NAMESPACES = new Set(['Math', 'Number']);
const NUMBER_FORMAT_METHODS = new Set(['toFixed', 'toPrecision', 'toExponential']);
const STRING_PASS_THROUGH = new Set([
  'trim', 'trimStart', 'trimEnd', 'toUpperCase', 'toLowerCase', 'toString', 'slice', 'substring', 'padStart',
  'padEnd', 'repeat', 'normalize', 'valueOf',
]);
const ARRAY_PASS_THROUGH = new Set(['filter', 'slice', 'reverse', 'sort', 'flat', 'toSorted', 'toReversed', 'concat']);
const ITERATION_METHODS = new Set(['map', 'forEach', 'filter', 'some', 'every', 'flatMap', 'find']);
const SCREAMING_CASE = /^[A-Z][A-Z\d_]*$/u;
/** Array methods that add elements in place. */
const MUTATING_METHODS = ['push', 'unshift', 'splice', 'fill'];

/** The least safe of the derivations (an array, not spread arguments: lists can be huge literals). */
function weakest(values: readonly Derivation[]): Derivation {
  if (values.includes(null)) {
    return null;
  }
  return values.includes('numeric') ? 'numeric' : 'constant';
}

function propertyName(node: TSESTree.MemberExpression): string | null {
  if (!node.computed && node.property.type === AST_NODE_TYPES.Identifier) {
    return node.property.name;
  }
  return node.property.type === AST_NODE_TYPES.Literal && typeof node.property.value === 'string'
    ? node.property.value
    : null;
}

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
    ? getStaticValue(node as never, scopeFor(context, node) as never)
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
    case AST_NODE_TYPES.Identifier:
      return identifierDerivation(context, node, sub) ?? (isGuarded(context, classifyAny, node) ? 'constant' : null);
    default:
      return null;
  }
}

type Sub = (node: TSESTree.Node) => Derivation;

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

/** Active `tableDerivation`/`arrayDerivation` frames: beyond the limit the answer is "not constant". */
let nesting = 0;
const MAX_NESTING = 64;
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
function tableDerivation(context: FileContext, raw: TSESTree.Node, sub: Sub): Derivation {
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
    fn.parent.type !== AST_NODE_TYPES.CallExpression ||
    fn.parent.arguments[0] !== fn
  ) {
    return null;
  }
  const callee = skipTsWrappers(fn.parent.callee);
  const index = fn.params.indexOf(name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) {
    return null;
  }
  const method = propertyName(callee);
  // Array.from({ length: n }, (_, i) => …): the index
  if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Array' && method === 'from') {
    return index === 1 ? 'constant' : null;
  }
  if (!method || !ITERATION_METHODS.has(method)) {
    return null;
  }
  if (index === 1) {
    return 'constant'; // the element index
  }
  return index === 0 ? arrayDerivation(context, callee.object, sub) : null;
}

/** The checked expression of a membership test against a constant allow-list, with its polarity. */
function membership(context: FileContext, classifyAny: Sub, raw: TSESTree.Node, text: string, positive: boolean, depth = 0): boolean {
  const test = skipTsWrappers(raw);
  if (depth > MAX_NESTING) {
    return false; // a 1,000-term condition proves nothing we could follow
  }
  const source = context.sourceCode;
  const same = (node: TSESTree.Node | undefined): boolean => node !== undefined && source.getText(skipTsWrappers(node)) === text;
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
    return membership(context, classifyAny, test.argument, text, !positive, depth + 1);
  }
  if (test.type === AST_NODE_TYPES.LogicalExpression) {
    // positive: `a && ALLOWED.includes(x)` or `x === 'a' || x === 'b'`; negative: `!x || !ALLOWED.includes(x)`
    if ((test.operator === '&&') === positive) {
      return membership(context, classifyAny, test.left, text, positive, depth + 1) || membership(context, classifyAny, test.right, text, positive, depth + 1);
    }
    return membership(context, classifyAny, test.left, text, positive, depth + 1) && membership(context, classifyAny, test.right, text, positive, depth + 1);
  }
  if (test.type === AST_NODE_TYPES.BinaryExpression) {
    const op = test.operator;
    if (op === '===' || op === '==' || op === '!==' || op === '!=') {
      const equal = op === '===' || op === '==';
      const literalSide = same(test.left) ? test.right : same(test.right) ? test.left : null;
      if (literalSide && literalSide.type === AST_NODE_TYPES.Literal && equal === positive) {
        return true;
      }
      // ALLOWED.indexOf(x) !== -1 / === -1
      const indexCall = [test.left, test.right].find(
        (side): side is TSESTree.CallExpression => side.type === AST_NODE_TYPES.CallExpression);
      const other = indexCall === test.left ? test.right : test.left;
      if (indexCall && isIndexOf(context, classifyAny, indexCall, text) && other.type === AST_NODE_TYPES.UnaryExpression) {
        return equal !== positive;
      }
      return false;
    }
    if ((op === '>=' || op === '>' || op === '<') && test.left.type === AST_NODE_TYPES.CallExpression) {
      return isIndexOf(context, classifyAny, test.left, text) && (op === '<') !== positive;
    }
    if (op === 'in' && same(test.left)) {
      return positive && isAllowList(context, classifyAny, test.right);
    }
    return false;
  }
  if (test.type === AST_NODE_TYPES.CallExpression && positive) {
    const callee = skipTsWrappers(test.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) {
      return false;
    }
    const name = propertyName(callee);
    const [first, second] = test.arguments;
    if ((name === 'includes' || name === 'has') && same(first)) {
      return isAllowList(context, classifyAny, callee.object);
    }
    if (name === 'hasOwnProperty' && same(first)) {
      return isAllowList(context, classifyAny, callee.object);
    }
    if (name === 'hasOwn' && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Object' && same(second)) {
      return first !== undefined && isAllowList(context, classifyAny, first);
    }
    if (name === 'test' && same(first)) {
      const regex = skipTsWrappers(callee.object);
      const pattern = regex.type === AST_NODE_TYPES.Literal && 'regex' in regex ? regex.regex.pattern : null;
      // Only anchored patterns without wildcards restrict the value to safe characters.
      return pattern !== null && /^\^.*\$$/u.test(pattern) && !/\.|\\[SWD]|\[\^/u.test(pattern);
    }
  }
  return false;
}

function isIndexOf(context: FileContext, classifyAny: Sub, call: TSESTree.CallExpression, text: string): boolean {
  const callee = skipTsWrappers(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(callee) === 'indexOf' &&
    call.arguments[0] !== undefined &&
    context.sourceCode.getText(call.arguments[0]) === text &&
    isAllowList(context, classifyAny, callee.object)
  );
}

/** A list the code itself controls: a constant array/Set/object, or an imported/SCREAMING_CASE name. */
function isAllowList(context: FileContext, classifyAny: Sub, raw: TSESTree.Node): boolean {
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

function isMembershipTest(context: FileContext, classifyAny: Sub, test: TSESTree.Node, branch: TSESTree.Node, positive: boolean): boolean {
  const target = skipTsWrappers(branch);
  return (target.type === AST_NODE_TYPES.Identifier || target.type === AST_NODE_TYPES.MemberExpression) &&
    membership(context, classifyAny, test, context.sourceCode.getText(target), positive);
}

/**
 * Whether `node` (an identifier or member chain) sits where an allow-list check has
 * already restricted it: after `if (!ALLOWED.includes(x)) return/throw`, inside
 * `if (ALLOWED.includes(x)) { … }`, or behind `ALLOWED.has(x) && …`.
 */
export function isGuarded(context: FileContext, classifyAny: Sub, node: TSESTree.Node): boolean {
  const text = context.sourceCode.getText(node);
  const memo = perFile(context, GUARD_MEMOS_KEY, () => new WeakMap());
  // The answer from a node upwards depends only on the node and the text: memoised along
  // the path, so uses under a shared ancestor (deep `a + a + …`, every handler of a
  // file) stop at the first ancestor already walked.
  const path: TSESTree.Node[] = [];
  let result = false;
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    const known = memo.get(child)?.get(text);
    if (known !== undefined) {
      result = known;
      break;
    }
    path.push(child);
    if (guardsChild(context, classifyAny, parent, child, text)) {
      result = true;
      break;
    }
  }
  for (const visited of path) {
    let byText = memo.get(visited);
    if (!byText) {
      byText = new Map();
      memo.set(visited, byText);
    }
    byText.set(text, result);
  }
  return result;
}

/** Per Program: node → (guarded text → whether a check above the node restricts it). */
const GUARD_MEMOS_KEY = perFileKey<WeakMap<TSESTree.Node, Map<string, boolean>>>('guardMemos');

/** Per block: the position of each statement, and the early-exit `if` statements with theirs. */
const blockGuards = new WeakMap<TSESTree.Node, {
  readonly positions: ReadonlyMap<TSESTree.Node, number>;
  readonly exits: readonly { readonly position: number; readonly statement: TSESTree.IfStatement }[];
}>();

function exitGuardsOf(block: TSESTree.BlockStatement | TSESTree.Program | TSESTree.StaticBlock): NonNullable<ReturnType<typeof blockGuards.get>> {
  let found = blockGuards.get(block);
  if (!found) {
    const positions = new Map<TSESTree.Node, number>();
    const exits: { position: number; statement: TSESTree.IfStatement }[] = [];
    (block.body as TSESTree.Node[]).forEach((statement, position) => {
      positions.set(statement, position);
      if (statement.type === AST_NODE_TYPES.IfStatement && alwaysExits(statement.consequent)) {
        exits.push({ position, statement });
      }
    });
    found = { positions, exits };
    blockGuards.set(block, found);
  }
  return found;
}

/** Whether `parent` restricts `text` for its child `child` (see {@link isGuarded}). */
function guardsChild(context: FileContext, classifyAny: Sub, parent: TSESTree.Node, child: TSESTree.Node, text: string): boolean {
  switch (parent.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      if (child === parent.consequent && membership(context, classifyAny, parent.test, text, true)) {
        return true;
      }
      return child === parent.alternate && membership(context, classifyAny, parent.test, text, false);
    case AST_NODE_TYPES.LogicalExpression:
      return child === parent.right && parent.operator === '&&' && membership(context, classifyAny, parent.left, text, true);
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock: {
      const { positions, exits } = exitGuardsOf(parent);
      const limit = positions.get(child) ?? parent.body.length;
      for (const { position, statement } of exits) {
        if (position >= limit) {
          break;
        }
        if (membership(context, classifyAny, statement.test, text, false)) {
          return true;
        }
      }
      return false;
    }
    case AST_NODE_TYPES.SwitchCase:
      // case 'name': case 'email': … inside `switch (x)` restricts x
      return parent.test?.type === AST_NODE_TYPES.Literal &&
        parent.parent.type === AST_NODE_TYPES.SwitchStatement &&
        context.sourceCode.getText(parent.parent.discriminant) === text;
    default:
      return false;
  }
}
