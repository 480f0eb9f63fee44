import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { alwaysExits } from './control-flow';
import { unwrapExpression } from './static';

/** What a guard asks of one condition: `test` has the value `branch` wherever the node runs. */
export type Holds = (test: TSESTree.Node, branch: boolean) => boolean;

export interface GuardOptions {
  /**
   * Whether a `case` clause restricts what runs in it beyond its early exits: `case 'name':`
   * inside `switch (column)` lets only that constant through.
   */
  readonly caseHolds?: (switchCase: TSESTree.SwitchCase) => boolean;
}

/**
 * The one "does `node` only run when some enclosing condition holds?" engine, where
 * `holds(test, branch)` judges one condition:
 * - the branch of an `if`/`?:` the node is in (`branch` is the test's value there);
 * - the right operand of `&&` (left is true) or `||` (left is false);
 * - an earlier `if (test) return/throw/continue/break;` in an enclosing block (the node runs when
 *   `test` is false), or `if (test) {…} else return;` (it runs when `test` is true).
 * "Exits" is `alwaysExits` (core/control-flow). Memoised per node, and linear in the tree:
 * each node's answer is its parent's plus one edge.
 * @example createGuard((test, branch) => isAllowListCheck(test, name) === branch)(use)
 */
export function createGuard(holds: Holds, options: GuardOptions = {}): (node: TSESTree.Node) => boolean {
  const memo = new WeakMap<TSESTree.Node, boolean>();
  const prefixes = new WeakMap<TSESTree.Node, { readonly positions: ReadonlyMap<TSESTree.Node, number>; readonly held: boolean[] }>();

  /** Whether an early exit before `child` in `body` leaves only runs where a condition holds. */
  function blockHolds(block: TSESTree.Node, body: readonly TSESTree.Node[], child: TSESTree.Node): boolean {
    let prefix = prefixes.get(block);
    if (!prefix) {
      const positions = new Map<TSESTree.Node, number>();
      const held: boolean[] = [];
      let acc = false;
      body.forEach((statement, position) => {
        positions.set(statement, position);
        held.push(acc);
        if (!acc && statement.type === AST_NODE_TYPES.IfStatement) {
          acc =
            (alwaysExits(statement.consequent) && holds(statement.test, false)) ||
            (statement.alternate !== null && alwaysExits(statement.alternate) && holds(statement.test, true));
        }
      });
      prefix = { positions, held };
      prefixes.set(block, prefix);
    }
    const position = prefix.positions.get(child);
    return position === undefined ? false : prefix.held[position]!;
  }

  function edge(child: TSESTree.Node, parent: TSESTree.Node): boolean {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        return child === parent.consequent ? holds(parent.test, true) : child === parent.alternate ? holds(parent.test, false) : false;
      case AST_NODE_TYPES.LogicalExpression:
        return child === parent.right && parent.operator !== '??' && holds(parent.left, parent.operator === '&&');
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock:
        return blockHolds(parent, parent.body, child);
      case AST_NODE_TYPES.SwitchCase:
        return (options.caseHolds?.(parent) ?? false) || blockHolds(parent, parent.consequent, child);
      default:
        return false;
    }
  }

  return (node) => {
    const chain: TSESTree.Node[] = [];
    let current: TSESTree.Node | undefined = node;
    while (current && !memo.has(current)) {
      chain.push(current);
      current = current.parent;
    }
    let result = current ? memo.get(current)! : false;
    for (let i = chain.length - 1; i >= 0; i--) {
      const child = chain[i]!;
      result = result || (child.parent ? edge(child, child.parent) : false);
      memo.set(child, result);
    }
    return result;
  };
}

/**
 * Whether `test` having the value `polarity` proves what `atom` proves of one condition, through `!`
 * and `&&`/`||`: `a && b` true proves what either part proves; `a && b` false only what both prove
 * (one of them failed); `||` the other way round. `atom` gets every other condition, unwrapped
 * (TS wrappers, optional chains), and may follow constants by calling back.
 * @example conditionProves(test, false, (t, p) => p && isAllowListCheck(t)) // if (!ALLOWED.has(x) || …) return;
 */
export function conditionProves(test: TSESTree.Node, polarity: boolean, atom: (test: TSESTree.Node, polarity: boolean) => boolean): boolean {
  const t = unwrapExpression(test);
  if (t.type === AST_NODE_TYPES.UnaryExpression && t.operator === '!') {
    return conditionProves(t.argument, !polarity, atom);
  }
  if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator !== '??') {
    const conjunction = (t.operator === '&&') === polarity;
    const left = conditionProves(t.left, polarity, atom);
    const right = conditionProves(t.right, polarity, atom);
    return conjunction ? left || right : left && right;
  }
  return atom(t, polarity);
}
