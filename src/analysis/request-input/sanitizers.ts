import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { CallTarget } from '../../core/modules';
import type { NameSpec } from '../../core/settings';
import type { FileContext } from '../../core/context';

/** `path` functions whose result cannot contain a directory part. */
export const PATH_SANITIZERS = new Set(['basename', 'extname', 'isAbsolute']);

/** Call targets (`module#path`, `#global.path`) whose result is never request input. */
export const SAFE_CALLS = new Set([
  'sanitize-filename#', '#Number', '#parseInt', '#parseFloat', '#Number.parseInt', '#Number.parseFloat',
  '#Number.isInteger', '#Boolean', '#isNaN', '#Date.now', '#crypto.randomUUID', 'crypto#randomUUID',
  'crypto#randomBytes', 'uuid#v1', 'uuid#v4', 'uuid#v7', 'nanoid#nanoid', 'os#tmpdir', 'os#homedir',
  '#process.cwd', '#require',
]);

export function matchesSpec(context: FileContext, specs: readonly NameSpec[], callee: TSESTree.Node, target: CallTarget | null): boolean {
  if (specs.length === 0) {
    return false;
  }
  const text = context.sourceCode.getText(callee).replace(/\s+/gu, '');
  const last =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property.name
        : null;
  return specs.some((spec) => {
    if (spec.module !== null) {
      const module = spec.module.replace(/^node:/u, '');
      const name = spec.name === 'default' ? '' : spec.name;
      return target?.module === module && target.path.join('.') === name;
    }
    return text === spec.name || (!spec.name.includes('.') && last === spec.name);
  });
}
