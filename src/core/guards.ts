import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) {
    return true;
  }
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}
export /**
 * A memoised "does `node` only run when some enclosing condition holds?" check, where
 * `holds(test, branch)` judges one condition: an `if`/`?:`/`&&`/`||` branch (`branch` is the
 * value the test has there), or an earlier `if (test) return …;` of an enclosing block (`node`
 * runs when `test` is false). Linear in the tree: each node's answer is its parent's plus one edge.
 */
function createGuard(holds: (test: TSESTree.Node, branch: boolean) => boolean): (node: TSESTree.Node) => boolean {
  const memo = new WeakMap<TSESTree.Node, boolean>();
  const prefixes = new WeakMap<TSESTree.Node, boolean[]>();

  function blockHolds(block: TSESTree.Node, body: readonly TSESTree.Node[], child: TSESTree.Node): boolean {
    let prefix = prefixes.get(block);
    if (!prefix) {
      prefix = [];
      let acc = false;
      for (const statement of body) {
        prefix.push(acc);
        if (!acc && statement.type === AST_NODE_TYPES.IfStatement && !statement.alternate && exits(statement.consequent)) {
          acc = holds(statement.test, false);
        }
      }
      prefixes.set(block, prefix);
    }
    return prefix[body.indexOf(child)] ?? false;
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
        return blockHolds(parent, parent.consequent, child);
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
