import { getPropertyName } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { FileContext } from './context';

/** `yes`/`no`, or `unknown` when the value escapes to code this file does not show. */
export type Presence = 'yes' | 'no' | 'unknown';

const PASS_THROUGH = new Set<string>([
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.TSAsExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSSatisfiesExpression,
  AST_NODE_TYPES.TSTypeAssertion,
]);

function check(context: FileContext, start: TSESTree.Node, methods: readonly string[], depth: number): Presence {
  let node = start;
  for (;;) {
    const parent = node.parent;
    if (!parent) {
      return 'no';
    }
    if (PASS_THROUGH.has(parent.type)) {
      node = parent;
      continue;
    }
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === node) {
      const call = parent.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) {
        return 'no'; // a property read ends the fluent chain
      }
      const name = getPropertyName(parent as never, context.sourceCode.getScope(parent) as never);
      if (name != null && methods.includes(name)) {
        return 'yes';
      }
      node = call;
      continue;
    }
    break;
  }
  const parent = node.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === node ? 'no' : 'unknown';
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.SpreadElement:
      return 'unknown';
    case AST_NODE_TYPES.VariableDeclarator:
      return parent.init === node ? checkVariable(context, parent, methods, depth) : 'no';
    default:
      return 'no';
  }
}

function checkVariable(
  context: FileContext,
  declarator: TSESTree.VariableDeclarator,
  methods: readonly string[],
  depth: number,
): Presence {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || depth > 3) {
    return 'unknown';
  }
  const [variable] = context.sourceCode.getDeclaredVariables(declarator);
  if (!variable) {
    return 'unknown';
  }
  let result: Presence = 'no';
  for (const ref of variable.references) {
    if (ref.init) {
      continue;
    }
    if (ref.isWrite()) {
      return 'unknown';
    }
    const found = check(context, ref.identifier as TSESTree.Node, methods, depth + 1);
    if (found === 'yes') {
      return 'yes';
    }
    if (found === 'unknown') {
      result = 'unknown';
    }
  }
  return result;
}

/**
 * Whether one of `methods` is called on the value a call returns: in a fluent chain
 * (`request.get(url).timeout(5000)`) or through the variable that stores it
 * (`const req = http.request(opts); req.setTimeout(5000)`). `unknown` when the value is
 * handed to other code (a function argument, an object, a non-const binding).
 * @example methodCalledOnResult(context, call, ['timeout']) // superagent.get(u).set(h).timeout(5) -> 'yes'
 */
export function methodCalledOnResult(
  context: FileContext,
  call: TSESTree.CallExpression,
  methods: readonly string[],
): Presence {
  return check(context, call, methods, 0);
}
