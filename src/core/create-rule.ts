import { ESLintUtils } from '@typescript-eslint/utils';

import { repository } from '../../package.json';

/** Documentation fields every agent-guard rule declares in `meta.docs`. */
export interface AgentGuardDocs {
  /**
   * Severity in the `recommended` config, chosen from the rule's measured precision;
   * `false` puts the rule in `strict` only.
   */
  recommended: 'error' | 'warn' | false;
  /**
   * The rule's strictest options, used by the `strict` config. Omitted when the
   * defaults are already the strictest.
   */
  strictOptions?: readonly unknown[];
  /** Set only when the rule cannot run without type information. None of ours do. */
  requiresTypeChecking?: boolean;
}

const docsBase = `${repository.url.replace(/^git\+/u, '').replace(/\.git$/u, '')}/blob/main/docs/rules`;

/** Builds the docs URL of a rule; exported so tests and the doc check agree on it. */
export function ruleDocsUrl(name: string): string {
  return `${docsBase}/${name}.md`;
}

const baseCreateRule = ESLintUtils.RuleCreator<AgentGuardDocs>(ruleDocsUrl);

/** Freezes a value and everything in it: the options `create` receives are shared between files. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) {
      deepFreeze(inner);
    }
  }
  return value;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Equal option values: the same value, or arrays with the same elements (ESLint's `Linter#verify` clones the config each call). */
function sameValue(x: unknown, y: unknown): boolean {
  return x === y || (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((item, i) => item === y[i]));
}

/**
 * Whether two option arrays hold the same option set, judged without serialising them: the
 * same elements, or objects whose own properties hold the same values (`sameValue`). ESLint 9
 * and 10 merge `meta.defaultOptions` into a fresh array for every file, whose objects are the
 * same (the ESLint class, which caches each file's config) or copies whose values are equal
 * (`Linter#verify`, which normalises its config anew on each call); both pass. `false` only
 * means "not known to be equal".
 */
function sameOptions(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) {
      continue;
    }
    if (!isRecord(x) || !isRecord(y)) {
      return false;
    }
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length || !keys.every((key) => Object.hasOwn(y, key) && sameValue(x[key], y[key]))) {
      return false;
    }
  }
  return true;
}

/** How many recent option sets a rule compares against before serialising: one per config block that sets its options is typical. */
const RECENT = 8;

/**
 * `applyDefault` once per distinct option set instead of once per file and rule: it deep-clones
 * the defaults (`structuredClone`) on every call, and `create` runs for every file. ESLint hands
 * each file a fresh options array (see `sameOptions`), so the result is found, cheapest first,
 * by comparison with the option set of the previous file (the same for every file of a run with
 * one config), then with the last few option sets seen, and only then by the options' JSON.
 * Different option sets never share a result. The result is frozen.
 */
function defaultsApplier<Options extends readonly unknown[]>(defaults: Readonly<Options>): (user: readonly unknown[]) => Options {
  const byJson = new Map<string, Options>();
  const recent: { user: readonly unknown[]; options: Options }[] = [];
  return (user) => {
    const last = recent[0];
    if (last && (last.user === user || sameOptions(last.user, user))) {
      return last.options;
    }
    const index = recent.findIndex((entry) => sameOptions(entry.user, user));
    let options = index === -1 ? undefined : recent.splice(index, 1)[0]!.options;
    if (!options) {
      const key = JSON.stringify(user);
      options = byJson.get(key);
      if (!options) {
        options = deepFreeze(ESLintUtils.applyDefault<Options, Options>(defaults, user as Options));
        if (byJson.size >= 64) {
          byJson.clear(); // options change only when configs do: a bound against runaway growth
        }
        byJson.set(key, options);
      }
    }
    // The most recent first, one entry per option set.
    recent.unshift({ user, options });
    recent.length = Math.min(recent.length, RECENT);
    return options;
  };
}

/**
 * The one rule factory of the plugin: adds `docs.url`, merges `meta.defaultOptions`
 * into the options passed to `create` (once per option set, see `defaultsApplier`).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  spec: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, AgentGuardDocs>>,
): ReturnType<typeof baseCreateRule<Options, MessageIds>> {
  const rule = baseCreateRule(spec);
  const withDefaults = defaultsApplier<Options>((spec.meta.defaultOptions ?? []) as Options);
  return { ...rule, create: (context) => spec.create(context, withDefaults(context.options)) };
}
