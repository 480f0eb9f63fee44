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
    /** The project's URL checks (`assertSafeUrl`): a call with the URL, or its result, makes the URL safe (`no-ssrf`). */
    readonly urlValidators: readonly string[];
    /** Agents or dispatchers that refuse private addresses after DNS resolution (`no-ssrf`). */
    readonly safeAgents: readonly string[];
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
  readonly secrets: {
    /** Extra credential sinks: `module#export`, `module#export:1` (argument), `module#export.password` (property of the first argument). */
    readonly sinks: readonly string[];
    /** Strings never reported: token values, literals at sinks, client-bundle variable names. */
    readonly allow: readonly string[];
    /** File globs of test code (added to the defaults): hardcoded values there are test data. */
    readonly testFiles: readonly string[];
    /** Extra prefixes of environment variables that the bundler ships to the browser (`PUBLIC_`). */
    readonly clientEnvPrefixes: readonly string[];
    /** The project's fail-closed environment reader, a name or `module#export` (`requireEnv`), or `null`. */
    readonly requireEnv: string | null;
  };
  readonly tests: {
    /** File globs of test code, added to the defaults: the rules do not report there. */
    readonly files: readonly string[];
    /** `true`: report in test code as in any other file. */
    readonly report: boolean;
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

/** The key of the plugin's own settings in ESLint's `settings`. */
export const SETTINGS_KEY = 'agent-guard';

/** How a setting is read: a list of strings (or one string), a boolean, a non-empty string. */
type SettingKind = 'list' | 'boolean' | 'string';
type KindOf<T> = T extends readonly string[] ? 'list' : T extends boolean ? 'boolean' : T extends string | null ? 'string' : never;

/**
 * Every key of `settings['agent-guard']` and its kind: the one table the validation reads. Its
 * type is derived from {@link AgentGuardSettings}, so a key added there and not here (or of
 * another kind) does not compile.
 */
const SCHEMA: { readonly [S in keyof AgentGuardSettings]: { readonly [K in keyof AgentGuardSettings[S]]-?: KindOf<AgentGuardSettings[S][K]> } } = {
  auth: {
    functions: 'list',
    middleware: 'list',
    wrappers: 'list',
    procedures: 'list',
    publicRoutes: 'list',
    protectedPaths: 'list',
    globalGuard: 'boolean',
  },
  http: { clients: 'list', urlValidators: 'list', safeAgents: 'list' },
  sql: { sinks: 'list' },
  fs: { sinks: 'list' },
  requestInput: { sources: 'list', sanitizers: 'list' },
  secrets: { sinks: 'list', allow: 'list', testFiles: 'list', clientEnvPrefixes: 'list', requireEnv: 'string' },
  tests: { files: 'list', report: 'boolean' },
  project: { root: 'string', tsconfig: 'string', crossFile: 'boolean' },
};

const cache = new WeakMap<object, Normalized>();
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
  const secrets = section(raw, 'secrets');
  const tests = section(raw, 'tests');
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
    http: { clients: stringList(http.clients), urlValidators: stringList(http.urlValidators), safeAgents: stringList(http.safeAgents) },
    sql: { sinks: stringList(sql.sinks) },
    fs: { sinks: stringList(fs.sinks) },
    requestInput: {
      sources: stringList(requestInput.sources),
      sanitizers: stringList(requestInput.sanitizers),
    },
    secrets: {
      sinks: stringList(secrets.sinks),
      allow: stringList(secrets.allow),
      testFiles: stringList(secrets.testFiles),
      clientEnvPrefixes: stringList(secrets.clientEnvPrefixes),
      requireEnv: text(secrets.requireEnv),
    },
    tests: { files: stringList(tests.files), report: tests.report === true },
    project: { root: text(project.root), tsconfig: text(project.tsconfig), crossFile: project.crossFile !== false },
  };
}

const EMPTY = normalizeSettings(undefined);

/** Where settings problems are reported; see {@link setSettingsWarningSink}. */
export type SettingsWarningSink = (message: string) => void;

/** Plain `eslint` (and editors): a process warning on stderr, which `--no-warnings` silences. */
const processWarning: SettingsWarningSink = (message) => {
  if (typeof process !== 'undefined' && typeof process.emitWarning === 'function') {
    process.emitWarning(message, { type: 'AgentGuardSettingsWarning' });
  }
};

/**
 * The sink lives on `globalThis` under a registered symbol, so that every copy of the plugin in
 * the process (the `agent-guard` command's, a project's own under `--config`) reports to the one
 * the command installed.
 */
const SINK = Symbol.for('eslint-plugin-agent-guard/settings-warning-sink');
type SinkHolder = { [SINK]?: SettingsWarningSink };

function currentSink(): SettingsWarningSink {
  return (globalThis as SinkHolder)[SINK] ?? processWarning;
}

/** The problems each sink was told about: every distinct problem once per sink (once per process by default). */
const told = new WeakMap<SettingsWarningSink, Set<string>>();

/**
 * Sends settings warnings to `next` until the returned function restores the previous sink. The
 * `agent-guard` command prints them its way; tests collect them. A new sink hears every problem
 * again, once.
 */
export function setSettingsWarningSink(next: SettingsWarningSink): () => void {
  const holder = globalThis as SinkHolder;
  const previous = holder[SINK];
  holder[SINK] = next;
  return () => {
    if (previous === undefined) {
      delete holder[SINK];
    } else {
      holder[SINK] = previous;
    }
  };
}

function tell(problems: readonly string[]): void {
  const sink = currentSink();
  let seen = told.get(sink);
  if (!seen) {
    seen = new Set();
    told.set(sink, seen);
  }
  for (const problem of problems) {
    if (!seen.has(problem)) {
      seen.add(problem);
      try {
        sink(problem);
      } catch {
        // A warning never fails the lint.
      }
    }
  }
}

/** At most this many problems are reported per settings object (a pasted list of the wrong kind). */
const MAX_PROBLEMS = 20;
/** Keys longer than this get no suggestion (the distance is quadratic in the length). */
const MAX_SUGGESTED_LENGTH = 64;

/** Edit distance with adjacent transpositions (`fucntions` is one edit from `functions`), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let before: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (before[j - 2] as number) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[t.length] as number;
}

/** The candidate closest to `key` (a third of its letters at most may differ), or null. */
function closest(key: string, candidates: readonly string[]): string | null {
  if (key.length > MAX_SUGGESTED_LENGTH) {
    return null;
  }
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const name = candidate.slice(candidate.lastIndexOf('.') + 1);
    const distance = editDistance(key, name);
    if (distance < bestDistance && distance <= Math.max(1, Math.floor(name.length / 3))) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

const SECTIONS = Object.keys(SCHEMA) as (keyof AgentGuardSettings)[];
/** `auth.functions`, `http.clients`…: every setting by its full name. */
const FULL_NAMES = SECTIONS.flatMap((name) => Object.keys(SCHEMA[name]).map((key) => `${name}.${key}`));

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  if (typeof value === 'string') {
    return value.length <= 40 ? `the string ${JSON.stringify(value)}` : 'a string';
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const at = (path: string): string => `settings['agent-guard']${path === '' ? '' : `.${path}`}`;
const hint = (suggestion: string | null): string => (suggestion === null ? '' : `; did you mean ${suggestion}?`);

function checkValue(path: string, kind: SettingKind, value: unknown, problems: string[]): void {
  if (value === undefined || value === null) {
    return;
  }
  if (kind === 'boolean' && typeof value !== 'boolean') {
    problems.push(`${at(path)} should be true or false, not ${describe(value)} (ignored)`);
  } else if (kind === 'string' && (typeof value !== 'string' || value.trim() === '')) {
    problems.push(`${at(path)} should be a path (a non-empty string), not ${describe(value)} (ignored)`);
  } else if (kind === 'list' && typeof value !== 'string') {
    if (!Array.isArray(value)) {
      problems.push(`${at(path)} should be a list of strings (names or 'module#export'), not ${describe(value)} (ignored)`);
      return;
    }
    for (let index = 0; index < value.length && problems.length < MAX_PROBLEMS; index += 1) {
      const entry: unknown = value[index];
      if (typeof entry !== 'string') {
        problems.push(`${at(`${path}[${index}]`)} should be a string (a name or 'module#export'), not ${describe(entry)} (ignored)`);
      }
    }
  }
}

/** A key that is no setting of its section: a typo of one, or a setting of another section. */
function unknownKey(section: string, key: string): string {
  const own = Object.keys(SCHEMA[section as keyof AgentGuardSettings]).map((name) => `${section}.${name}`);
  return `${at(`${section}.${key}`)} is not a setting of agent-guard (ignored)${hint(closest(key, own) ?? closest(key, FULL_NAMES))}`;
}

/**
 * What is wrong in a raw `settings['agent-guard']`: unknown keys (with the closest known one)
 * and values of the wrong type, each as one sentence. Never throws; at most 20 problems.
 * @example validateSettings({ auth: { fucntions: ['requireUser'] } })
 * // ["settings['agent-guard'].auth.fucntions is not a setting of agent-guard (ignored); did you mean auth.functions?"]
 */
export function validateSettings(raw: unknown): string[] {
  const problems: string[] = [];
  try {
    if (raw === undefined || raw === null) {
      return problems;
    }
    if (!isRecord(raw)) {
      problems.push(`${at('')} should be an object such as { auth: { functions: ['requireUser'] } }, not ${describe(raw)} (ignored)`);
      return problems;
    }
    for (const key of Object.keys(raw)) {
      if (problems.length >= MAX_PROBLEMS) {
        break;
      }
      const kinds = (SCHEMA as Readonly<Record<string, Readonly<Record<string, SettingKind>>>>)[key];
      if (!Object.hasOwn(SCHEMA, key) || kinds === undefined) {
        const suggestion = closest(key, SECTIONS) ?? closest(key, FULL_NAMES);
        problems.push(`${at(key)} is not a setting of agent-guard (ignored)${hint(suggestion)}`);
        continue;
      }
      const section = raw[key];
      if (section === undefined || section === null) {
        continue;
      }
      if (!isRecord(section)) {
        const first = Object.keys(kinds)[0] as string;
        problems.push(`${at(key)} should be an object such as { ${first}: … }, not ${describe(section)} (ignored)`);
        continue;
      }
      for (const name of Object.keys(section)) {
        if (problems.length >= MAX_PROBLEMS) {
          break;
        }
        const kind = Object.hasOwn(kinds, name) ? kinds[name] : undefined;
        if (kind === undefined) {
          problems.push(unknownKey(key, name));
        } else {
          checkValue(`${key}.${name}`, kind, section[name], problems);
        }
      }
    }
  } catch {
    // A getter or proxy that throws: report what was found so far, and lint on.
  }
  return problems.slice(0, MAX_PROBLEMS);
}

/** `normalizeSettings`, or the defaults when reading the object throws (a getter or proxy): settings never fail a lint. */
function normalizeOrEmpty(raw: object): AgentGuardSettings {
  try {
    return normalizeSettings(raw);
  } catch {
    return EMPTY;
  }
}

interface Normalized {
  readonly settings: AgentGuardSettings;
  readonly problems: readonly string[];
  /** The sink the problems were last reported to. */
  reportedTo: SettingsWarningSink | null;
}

/**
 * The project's shared vocabulary for this lint run.
 * @example
 * // eslint.config.js
 * { settings: { 'agent-guard': { auth: { functions: ['requireUser'] } } } }
 */
export function getSettings(context: Pick<FileContext, 'settings'>): AgentGuardSettings {
  return readSettings(context.settings);
}

/**
 * `getSettings` for a config's whole `settings` object, when there is no file context. The first
 * read of a settings object normalises and validates it, and reports its problems (unknown keys,
 * wrong types) to the warning sink, each distinct problem once per sink; later reads cost one
 * lookup.
 */
export function readSettings(settingsObject: Readonly<Record<string, unknown>>): AgentGuardSettings {
  const raw: unknown = settingsObject[SETTINGS_KEY];
  if (raw === null || typeof raw !== 'object') {
    if (raw !== undefined && raw !== null) {
      tell(validateSettings(raw));
    }
    return EMPTY;
  }
  let entry = cache.get(raw);
  if (!entry) {
    entry = { settings: normalizeOrEmpty(raw), problems: validateSettings(raw), reportedTo: null };
    cache.set(raw, entry);
  }
  if (entry.problems.length > 0 && entry.reportedTo !== currentSink()) {
    entry.reportedTo = currentSink();
    tell(entry.problems);
  }
  return entry.settings;
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
