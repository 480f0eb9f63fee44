import type { FileContext } from './context';

/**
 * Project-wide vocabulary shared by the rules, read from `settings['agent-guard']`.
 * Users declare their own helpers once here; rule options refine it per rule.
 * Documented in docs/settings.md.
 */
export interface AgentGuardSettings {
  readonly auth: {
    /** The project's own gate functions (`requireUser`, `getCurrentSession`…). */
    readonly functions: readonly string[];
    /** Middleware names or `module#export` pairs that authenticate. */
    readonly middleware: readonly string[];
    /** Higher-order wrappers that gate a handler (`withAuth`). */
    readonly wrappers: readonly string[];
    /** tRPC procedure builders that require a session (`protectedProcedure`). */
    readonly procedures: readonly string[];
    /** Route paths or file globs that are public by design. */
    readonly publicRoutes: readonly string[];
    /** Route paths or file globs protected by a gate declared elsewhere. */
    readonly protectedPaths: readonly string[];
    /** Every route is guarded globally (NestJS `APP_GUARD` in another file…). */
    readonly globalGuard: boolean;
  };
  readonly http: {
    /** Extra fetch-like functions: names or `module#export` pairs. */
    readonly clients: readonly string[];
  };
  readonly sql: {
    /** Extra query sinks: `module#export.method` or method names. */
    readonly sinks: readonly string[];
  };
  readonly fs: {
    /** Extra filesystem sinks: `module#export` or names. */
    readonly sinks: readonly string[];
  };
  readonly requestInput: {
    /** Extra request-input sources: `module#export` or names of functions returning client data. */
    readonly sources: readonly string[];
    /** Extra sanitisers: `module#export` or names of functions whose result is safe. */
    readonly sanitizers: readonly string[];
  };
  readonly project: {
    /** The project root as written (relative to the working directory), or `null` to find it. */
    readonly root: string | null;
    /** The tsconfig/jsconfig for every file as written, or `null` for the nearest one of each file. */
    readonly tsconfig: string | null;
    /** `false` switches off everything that reads other files. */
    readonly crossFile: boolean;
  };
}

const SETTINGS_KEY = 'agent-guard';

const cache = new WeakMap<object, AgentGuardSettings>();
/** Lists normalised by their raw array: merged settings objects (ESLint builds one per config combination) share their arrays. */
const lists = new WeakMap<readonly unknown[], readonly string[]>();
const NONE: readonly string[] = Object.freeze([]);

function stringList(value: unknown): readonly string[] {
  if (typeof value === 'string') {
    return Object.freeze([value]);
  }
  if (!Array.isArray(value)) {
    return NONE;
  }
  let list = lists.get(value);
  if (!list) {
    list = Object.freeze(value.filter((v): v is string => typeof v === 'string'));
    lists.set(value, list);
  }
  return list;
}

function section(raw: unknown, key: string): Record<string, unknown> {
  const value = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/**
 * Normalises `settings['agent-guard']`. Settings are not schema-validated by ESLint,
 * so a malformed value never throws here: entries of the wrong type are ignored.
 */
export function normalizeSettings(raw: unknown): AgentGuardSettings {
  const auth = section(raw, 'auth');
  const http = section(raw, 'http');
  const sql = section(raw, 'sql');
  const fs = section(raw, 'fs');
  const requestInput = section(raw, 'requestInput');
  const project = section(raw, 'project');
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
  return {
    auth: {
      functions: stringList(auth.functions),
      middleware: stringList(auth.middleware),
      wrappers: stringList(auth.wrappers),
      procedures: stringList(auth.procedures),
      publicRoutes: stringList(auth.publicRoutes),
      protectedPaths: stringList(auth.protectedPaths),
      globalGuard: auth.globalGuard === true,
    },
    http: { clients: stringList(http.clients) },
    sql: { sinks: stringList(sql.sinks) },
    fs: { sinks: stringList(fs.sinks) },
    requestInput: {
      sources: stringList(requestInput.sources),
      sanitizers: stringList(requestInput.sanitizers),
    },
    project: { root: text(project.root), tsconfig: text(project.tsconfig), crossFile: project.crossFile !== false },
  };
}

const EMPTY = normalizeSettings(undefined);

/**
 * The project's shared vocabulary for this lint run.
 * @example
 * // eslint.config.js
 * { settings: { 'agent-guard': { auth: { functions: ['requireUser'] } } } }
 */
export function getSettings(context: Pick<FileContext, 'settings'>): AgentGuardSettings {
  return readSettings(context.settings);
}

/** `getSettings` for a config's whole `settings` object, when there is no file context. */
export function readSettings(settingsObject: Readonly<Record<string, unknown>>): AgentGuardSettings {
  const raw: unknown = settingsObject[SETTINGS_KEY];
  if (raw === null || typeof raw !== 'object') {
    return EMPTY;
  }
  let settings = cache.get(raw);
  if (!settings) {
    settings = normalizeSettings(raw);
    cache.set(raw, settings);
  }
  return settings;
}

/** A key for one kind of per-configuration result (see `perConfiguration`). */
export type ConfigKey<T> = symbol & { readonly __perConfiguration?: T };

/** A new key for `perConfiguration`. @example const GLOBS = configKey<GlobList>('auth globs'); */
export function configKey<T>(description: string): ConfigKey<T> {
  return Symbol(description) as ConfigKey<T>;
}

const configurations = new WeakMap<AgentGuardSettings, WeakMap<object, Map<ConfigKey<unknown>, unknown>>>();

/**
 * The one per-configuration memo: `make(settings)` runs once per settings object and rule
 * options object, not once per file. For what rules derive from both (merged name lists,
 * compiled globs), which can be large. `options` must be the object `createRule` hands
 * `create` (the same frozen object for every file with the same options).
 * @example const globs = perConfiguration(context, options, GLOBS, (settings) => compileGlobs(settings.auth.publicRoutes));
 */
export function perConfiguration<T>(context: FileContext, options: object, key: ConfigKey<T>, make: (settings: AgentGuardSettings) => T): T {
  const settings = getSettings(context);
  let byOptions = configurations.get(settings);
  if (!byOptions) {
    byOptions = new WeakMap();
    configurations.set(settings, byOptions);
  }
  let memo = byOptions.get(options);
  if (!memo) {
    memo = new Map();
    byOptions.set(options, memo);
  }
  if (memo.has(key)) {
    return memo.get(key) as T;
  }
  const value = make(settings);
  memo.set(key, value);
  return value;
}
