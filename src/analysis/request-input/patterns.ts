import { getStringIfConstant } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { keyLabel } from './values';
import { scopeOf } from '../../core/variable-index';
import type { FileContext } from '../../core/context';

/** One step of a destructuring pattern or member chain. */
export interface Step {
  readonly key: string | null;
  readonly label: string;
}

/** Steps from a binding pattern down to `id`, plus the defaults met on the way. */
export function patternSteps(
  context: FileContext,
  pattern: TSESTree.Node,
  id: TSESTree.Node,
  steps: Step[] = [],
  defaults: TSESTree.Node[] = [],
): { steps: Step[]; defaults: TSESTree.Node[] } | null {
  if (pattern === id) {
    return { steps, defaults };
  }
  if (id.range[0] < pattern.range[0] || id.range[1] > pattern.range[1]) {
    return null;
  }
  switch (pattern.type) {
    case AST_NODE_TYPES.AssignmentPattern:
      return patternSteps(context, pattern.left, id, steps, [...defaults, pattern.right]);
    case AST_NODE_TYPES.TSParameterProperty:
      return patternSteps(context, pattern.parameter, id, steps, defaults);
    case AST_NODE_TYPES.RestElement:
      return patternSteps(context, pattern.argument, id, steps, defaults);
    case AST_NODE_TYPES.ObjectPattern:
      for (const prop of pattern.properties) {
        if (prop.type === AST_NODE_TYPES.RestElement) {
          const found = patternSteps(context, prop.argument, id, steps, defaults);
          if (found) {
            return found;
          }
          continue;
        }
        let key: string | null;
        if (!prop.computed && prop.key.type === AST_NODE_TYPES.Identifier) {
          key = prop.key.name;
        } else if (prop.key.type === AST_NODE_TYPES.Literal) {
          key = String(prop.key.value);
        } else {
          key = getStringIfConstant(prop.key as never, scopeOf(context, prop) as never);
        }
        const found = patternSteps(context, prop.value, id, [...steps, { key, label: key === null ? '[…]' : keyLabel(key) }], defaults);
        if (found) {
          return found;
        }
      }
      return null;
    case AST_NODE_TYPES.ArrayPattern:
      for (const [index, element] of pattern.elements.entries()) {
        const isRest = element?.type === AST_NODE_TYPES.RestElement;
        const found = element
          ? patternSteps(context, element, id, isRest ? steps : [...steps, { key: String(index), label: `[${index}]` }], defaults)
          : null;
        if (found) {
          return found;
        }
      }
      return null;
    default:
      return null;
  }
}
