import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

/**
 * Whether the file's directive prologue contains `directive`.
 * @example hasDirective(program, 'use client') // true for a file starting with 'use client';
 */
export function hasDirective(program: TSESTree.Program, directive: string): boolean {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || typeof statement.directive !== 'string') {
      return false;
    }
    if (statement.directive === directive) {
      return true;
    }
  }
  return false;
}
