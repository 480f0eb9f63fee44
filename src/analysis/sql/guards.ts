/** SQL constant values, part three: where an allow-list check (`if (!ALLOWED.includes(x)) return`, `ALLOWED.has(x) && …`, `switch`) has already restricted a value. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isAllowList, MAX_NESTING, propertyName } from './tables';
import type { Sub } from './tables';
import { skipTsWrappers } from '../../core/static';
import { alwaysExits } from '../../core/control-flow';
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
