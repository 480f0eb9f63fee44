import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { CALL } from '@eslint-community/eslint-utils';

import type { FileContext } from './context';
import { resolveCallTarget, stripNodePrefix } from './modules';
import type { CallTarget, TraceMap } from './modules';
import { skipTsWrappers } from './static';

/** A user-supplied name: either a bare identifier-ish name or a `module#export` pair. */
export interface NameSpec {
  readonly module: string | null;
  /** The export (`default` for default exports) or the bare name; may be dotted (`db.query`). */
  readonly name: string;
}

/**
 * Parses `'name'` or `'module#export'` (the format every list option uses).
 * @example parseNameSpec('my-http#request') // { module: 'my-http', name: 'request' }
 */
export function parseNameSpec(spec: string): NameSpec {
  const hash = spec.lastIndexOf('#');
  if (hash > 0 && hash < spec.length - 1) {
    return { module: spec.slice(0, hash), name: spec.slice(hash + 1) };
  }
  return { module: null, name: spec };
}

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
    const path = exportPath(spec).split('.').filter((part) => part !== '');
    const module = stripNodePrefix(spec.module);
    const root: TraceMap<T> = { ...out[module] };
    out[module] = root;
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

/** A list of `name` / `module#export` entries, parsed once per list. */
export interface NameSpecList {
  readonly specs: readonly NameSpec[];
  /** Whether any entry names a module: only those need the callee resolved. */
  readonly hasModuleSpecs: boolean;
  /** The last segment of every plain entry (`query` for `db.query`): other callees never match one. */
  readonly lastSegments: ReadonlySet<string>;
  /** The most segments a plain entry has: how much of a written name ever needs reading. */
  readonly maxSegments: number;
}

const compiledLists = new WeakMap<readonly string[], NameSpecList>();

/**
 * Parses a list of settings/options entries once (memoised by the array, which ESLint keeps
 * for the whole run when it comes from settings).
 * @example compileNameSpecs(['requireUser', '@acme/auth#requireRole'])
 */
export function compileNameSpecs(list: readonly string[]): NameSpecList {
  let compiled = compiledLists.get(list);
  if (!compiled) {
    const specs = list.map(parseNameSpec);
    compiled = {
      specs,
      hasModuleSpecs: specs.some((spec) => spec.module !== null),
      lastSegments: new Set(specs.filter((spec) => spec.module === null).map((spec) => spec.name.slice(spec.name.lastIndexOf('.') + 1))),
      maxSegments: specs.reduce((most, spec) => (spec.module === null ? Math.max(most, spec.name.split('.').length) : most), 0),
    };
    compiledLists.set(list, compiled);
  }
  return compiled;
}

/** The export path a `module#export` spec names: `default` and a leading `default.` mean the module itself. */
function exportPath(spec: NameSpec): string {
  return spec.name === 'default' ? '' : spec.name.startsWith('default.') ? spec.name.slice('default.'.length) : spec.name;
}

/**
 * The last `count` segments of the name the code writes for `node`, last first, as
 * `dottedName` reads names: identifiers, `this`, static members, and calls and `new` read as
 * their callee (`getClient().auth.required` ends `auth.required`; `new Webhook(s).verify` is
 * `Webhook.verify`); a member of something nameless reads as its property alone (`a[0].b` is
 * `b`). Iterative and bounded by `count`, so each call of a long chain costs O(count).
 */
function lastSegments(node: TSESTree.Node, count: number): string[] {
  const out: string[] = [];
  let current: TSESTree.Node = node;
  while (out.length < count) {
    const expr = skipTsWrappers(current.type === AST_NODE_TYPES.ChainExpression ? current.expression : current);
    if (expr.type === AST_NODE_TYPES.Identifier || expr.type === AST_NODE_TYPES.ThisExpression) {
      out.push(expr.type === AST_NODE_TYPES.Identifier ? expr.name : 'this');
      break;
    }
    if (expr.type === AST_NODE_TYPES.MemberExpression && !expr.computed && expr.property.type === AST_NODE_TYPES.Identifier) {
      out.push(expr.property.name);
      current = expr.object;
    } else if (expr.type === AST_NODE_TYPES.CallExpression || expr.type === AST_NODE_TYPES.NewExpression) {
      current = expr.callee;
    } else {
      break;
    }
  }
  return out;
}

/**
 * The plain entries of `list` (no module) that the code's written name matches, as a whole or
 * as its last dotted segments: `requireUser` matches `requireUser(…)` and `auth.requireUser(…)`,
 * `db.query` matches `this.db.query(…)` but not `xdb.query(…)`. No scope work: callees whose
 * last segment no entry ends with are rejected on one set lookup.
 */
export function matchWrittenName(node: TSESTree.Node, list: NameSpecList): NameSpec | null {
  if (list.lastSegments.size === 0) {
    return null;
  }
  const [last] = lastSegments(node, 1);
  if (last === undefined || !list.lastSegments.has(last)) {
    return null;
  }
  const written = lastSegments(node, list.maxSegments);
  for (const spec of list.specs) {
    if (spec.module === null) {
      const parts = spec.name.split('.');
      if (parts.length <= written.length && parts.every((part, i) => part === written[parts.length - 1 - i])) {
        return spec;
      }
    }
  }
  return null;
}

/**
 * The `module#export` entries of `list` that the expression resolves to through
 * `import`/`require` (renamed imports, aliases, destructuring, `node:` prefixes included);
 * `module#default` is the default export, `module#export.member` a member of an export.
 */
function matchModuleExport(context: FileContext, node: TSESTree.Node, list: NameSpecList): NameSpec | null {
  if (!list.hasModuleSpecs) {
    return null;
  }
  const expression = skipTsWrappers(node);
  // `x.query` can only resolve to an export path ending in `query` (`x.default` may be the
  // module itself): other members are rejected without resolving their receiver.
  if (
    expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed &&
    expression.property.type === AST_NODE_TYPES.Identifier && expression.property.name !== 'default'
  ) {
    const property = expression.property.name;
    if (!list.specs.some((spec) => spec.module !== null && exportPath(spec).split('.').at(-1) === property)) {
      return null;
    }
  }
  return matchCallTarget(resolveCallTarget(context, expression), list);
}

/** The `module#export` entry of `list` that an already resolved call target is, or `null`. */
export function matchCallTarget(target: CallTarget | null, list: NameSpecList): NameSpec | null {
  if (!list.hasModuleSpecs || target?.module == null) {
    return null;
  }
  const path = target.path.join('.');
  return list.specs.find((spec) => spec.module !== null && target.module === stripNodePrefix(spec.module) && path === exportPath(spec)) ?? null;
}

/**
 * The one reading of the `name` / `module#export` format of every list in
 * `settings['agent-guard']` and in rule options (docs/settings.md), for a callee or any
 * expression that names a function, middleware or builder: a plain entry by the name the code
 * writes (`matchWrittenName`), a module entry by what the name resolves to (`matchModuleExport`).
 * @example matchNameSpec(context, call.callee, compileNameSpecs(getSettings(context).fs.sinks))
 */
export function matchNameSpec(context: FileContext, node: TSESTree.Node, list: NameSpecList): NameSpec | null {
  return matchWrittenName(node, list) ?? matchModuleExport(context, node, list);
}
