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

/**
 * `applyDefault` once per distinct option set instead of once per file and rule: it deep-clones
 * the defaults (`structuredClone`) on every call, and `create` runs for every file. ESLint hands
 * each file the same options array when a rule is configured by severity alone, and a fresh copy
 * of the same JSON when it has options, so the cache is keyed by both. The result is frozen.
 */
function defaultsApplier<Options extends readonly unknown[]>(defaults: Readonly<Options>): (user: readonly unknown[]) => Options {
  const byArray = new WeakMap<readonly unknown[], Options>();
  const byJson = new Map<string, Options>();
  return (user) => {
    let options = byArray.get(user);
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
      byArray.set(user, options);
    }
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
