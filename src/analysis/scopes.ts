import { findVariable } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Scopes of nodes that open no scope themselves (they share their nearest scope-opening ancestor's). */
const scopes = new WeakMap<TSESTree.Node, TSESLint.Scope.Scope>();

/**
 * `context.sourceCode.getScope(node)`, in time independent of the node's depth when asked for
 * many nodes of one expression. ESLint caches only the node it was asked about and walks up
 * to the nearest scope-opening ancestor every time, which is quadratic over the operands of a
 * 10,000-deep `a + a + …`; this remembers the answer for every node on the way.
 * @example scopeOf(context, identifier) // the same Scope as context.sourceCode.getScope(identifier)
 */
export function scopeOf(context: Context, node: TSESTree.Node): TSESLint.Scope.Scope {
  const { sourceCode } = context;
  const manager = sourceCode.scopeManager;
  if (!manager) {
    return sourceCode.getScope(node);
  }
  const pending: TSESTree.Node[] = [];
  let scope: TSESLint.Scope.Scope | undefined;
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    scope = scopes.get(current);
    if (scope) {
      break;
    }
    if (!current.parent || manager.acquire(current, true)) {
      // The nearest scope-opening node (or the Program): ESLint answers for its child in one step.
      scope = sourceCode.getScope(pending.at(-1) ?? current);
      break;
    }
    pending.push(current);
  }
  for (const n of pending) {
    scopes.set(n, scope!);
  }
  return scope ?? sourceCode.getScope(node);
}

/**
 * `findVariable(getScope(id), id)`: the variable an identifier refers to, or `null`. The scope
 * {@link scopeOf} returns is already the innermost one around the identifier, so the name is
 * looked up from there: `findVariable` with a node would first re-scan the scope's children for
 * one containing it, which for a module-level name means every top-level function, per lookup.
 */
export function variableOf(context: Context, id: TSESTree.Identifier): TSESLint.Scope.Variable | null {
  return findVariable(scopeOf(context, id) as never, id.name) as TSESLint.Scope.Variable | null;
}
