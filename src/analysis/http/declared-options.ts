import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FileContext } from '../../core/context';
import type { OptionsSlot } from '../../core/options-object';
import { getPropertyKeyName, skipTsWrappers, staticValueOf } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import type { TimeoutOptionSpec } from './timeout-options';

/** The argument that holds a call's options for `slot`, when it is a plain name (`fetch(url, init)`). */
function optionsName(call: TSESTree.CallExpression, slot: OptionsSlot): TSESTree.Identifier | null {
  const args = call.arguments;
  if (args.some((arg) => arg.type === AST_NODE_TYPES.SpreadElement)) {
    return null;
  }
  const candidates =
    slot.kind === 'index' ? [args[slot.index]] : slot.kind === 'url-or-options' ? [args.length > 1 ? args[1] : args[0]] : slot.kind === 'any-object' ? args : [];
  for (const candidate of candidates) {
    const node = candidate ? skipTsWrappers(candidate) : null;
    if (node?.type === AST_NODE_TYPES.Identifier) {
      return node;
    }
  }
  return null;
}

/** The name of the property a member expression reads or writes, or `null` when it is computed from a value we cannot see. */
function memberName(context: FileContext, member: TSESTree.MemberExpression): string | null {
  if (!member.computed) {
    return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : null;
  }
  const value = staticValueOf(context, member.property);
  return value && (typeof value.value === 'string' || typeof value.value === 'number') ? String(value.value) : null;
}

/** Whether `member` is the target of an assignment, an update or a `delete`. */
function isWritten(member: TSESTree.MemberExpression): boolean {
  const user = member.parent;
  return (
    (user.type === AST_NODE_TYPES.AssignmentExpression && user.left === member) ||
    user.type === AST_NODE_TYPES.UpdateExpression ||
    (user.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'delete')
  );
}

/**
 * The object literal a request's options variable is declared with, when the file changes the
 * object afterwards only by writing named properties that do not bound the request
 * (`const init = { method: 'POST' }; init.body = JSON.stringify(data); fetch(url, init)`): the
 * objects that `findOptionsArgument` leaves unknown because they are mutated. Any other use of
 * the variable — a write of a timeout key or `signal`, a computed write, `Object.assign`, a
 * reassignment, being passed to or returned to other code — answers `null`.
 * @example mutatedOptionsLiteral(context, fetchCall, { kind: 'index', index: 1 }, fetchPolicy) // `{ method: 'POST' }`
 */
export function mutatedOptionsLiteral(context: FileContext, call: TSESTree.CallExpression, slot: OptionsSlot, spec: TimeoutOptionSpec): TSESTree.ObjectExpression | null {
  const id = optionsName(call, slot);
  const variable = id ? variableFor(context, id) : null;
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const init = def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.Identifier && def.node.init ? skipTsWrappers(def.node.init) : null;
  if (!variable || init?.type !== AST_NODE_TYPES.ObjectExpression) {
    return null;
  }
  const keys = new Set([...spec.timeoutKeys, ...(spec.acceptsSignal ? ['signal'] : [])]);
  let mutated = false;
  for (const ref of variable.references) {
    if (ref.init) {
      continue;
    }
    if (ref.isWrite()) {
      return null;
    }
    const node = ref.identifier as TSESTree.Node;
    const parent = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      if (isWritten(parent)) {
        const name = memberName(context, parent);
        if (name === null || keys.has(name)) {
          return null;
        }
        mutated = true;
      }
      continue; // a read (`init.headers`, `init.headers.x = y`)
    }
    if (parent?.type === AST_NODE_TYPES.SpreadElement && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
      continue; // copied into another literal
    }
    if (parent === call || (parent?.type !== undefined && skipTsWrappers(parent) !== parent && parent.parent === call)) {
      continue; // the request itself
    }
    return null;
  }
  // Unchanged objects are already judged by `findOptionsArgument`; an object literal with a
  // property we cannot name is left to it too.
  return mutated && init.properties.every((p) => p.type === AST_NODE_TYPES.SpreadElement || getPropertyKeyName(context, p) !== null) ? init : null;
}
