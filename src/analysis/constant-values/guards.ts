/** Constant values, part three: where an allow-list check (`if (!ALLOWED.includes(x)) return`, `ALLOWED.has(x) && …`, `switch`) has already restricted a value. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isAllowList, MAX_NESTING, propertyName } from './tables';
import type { Sub } from './tables';
import { skipTsWrappers } from '../../core/static';
import { createGuard } from '../../core/guards';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';

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

/**
 * Whether `test` having the value `branch` restricts the expression written `text` to
 * constants (`ALLOWED.includes(x)` true, `x !== 'a' && x !== 'b'` false, `x in TABLE` true).
 */
export function restricts(context: FileContext, classifyAny: Sub, test: TSESTree.Node, text: string, branch: boolean): boolean {
  return membership(context, classifyAny, test, text, branch);
}

export function isMembershipTest(context: FileContext, classifyAny: Sub, test: TSESTree.Node, branch: TSESTree.Node, positive: boolean): boolean {
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
  // One guard per guarded text: its answers depend only on the node and the text, and are
  // memoised along the path, so uses under a shared ancestor (deep `a + a + …`, every handler
  // of a file) stop at the first ancestor already walked.
  const guards = perFile(context, GUARDS_KEY, () => new Map<string, (node: TSESTree.Node) => boolean>());
  let guard = guards.get(text);
  if (!guard) {
    guard = createGuard((test, branch) => membership(context, classifyAny, test, text, branch), {
      // case 'name': case 'email': … inside `switch (x)` restricts x
      caseHolds: (switchCase) =>
        switchCase.test?.type === AST_NODE_TYPES.Literal && context.sourceCode.getText(switchCase.parent.discriminant) === text,
    });
    guards.set(text, guard);
  }
  return guard(node);
}

/** Per file: the guard of each guarded text. */
const GUARDS_KEY = perFileKey<Map<string, (node: TSESTree.Node) => boolean>>('sql guards');
