import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * Whether a statement always leaves the enclosing block (`return`, `throw`, `continue`,
 * `break`, or an `if` whose both branches do). Guards such as
 * `if (!ALLOWED.includes(col)) return;` protect what follows them only when this holds.
 */
export function alwaysExits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(alwaysExits);
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && alwaysExits(statement.consequent) && alwaysExits(statement.alternate);
    default:
      return false;
  }
}
