import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { TraceMap } from './modules';
import { CALL } from './modules';
import type { NameSpec } from './settings';

/**
 * A copy of `moduleMap` in which every `module#export` spec is also traced as a call with
 * `info` (`default` and `module#default` mean the module itself; dotted exports nest).
 * The input map is never mutated. Specs without a module are skipped: see `calleeName`.
 * @example withModuleCalls(map, [parseNameSpec('@acme/http#request')], info)
 */
export function withModuleCalls<T>(
  moduleMap: Readonly<Record<string, TraceMap<T>>>,
  specs: readonly NameSpec[],
  info: T,
): Readonly<Record<string, TraceMap<T>>> {
  const out: Record<string, TraceMap<T>> = { ...moduleMap };
  for (const spec of specs) {
    if (spec.module === null) {
      continue;
    }
    const path = spec.name.split('.').filter((part, i) => part !== '' && !(i === 0 && part === 'default'));
    const root: TraceMap<T> = { ...out[spec.module] };
    out[spec.module] = root;
    let node = root;
    for (const key of path) {
      const child: TraceMap<T> = { ...(Object.hasOwn(node, key) ? node[key] : {}) };
      node[key] = child;
      node = child;
    }
    node[CALL] = info;
  }
  return out;
}

/**
 * The dotted name of a callee made of identifiers (`apiFetch`, `http.fetchJson`,
 * `this.client.get` -> `this.client.get`), or `null` for computed or complex callees.
 */
export function calleeName(callee: TSESTree.Node): string | null {
  switch (callee.type) {
    case AST_NODE_TYPES.Identifier:
      return callee.name;
    case AST_NODE_TYPES.ThisExpression:
      return 'this';
    case AST_NODE_TYPES.ChainExpression:
      return calleeName(callee.expression);
    case AST_NODE_TYPES.MemberExpression: {
      if (callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) {
        return null;
      }
      const object = calleeName(callee.object);
      return object === null ? null : `${object}.${callee.property.name}`;
    }
    default:
      return null;
  }
}
