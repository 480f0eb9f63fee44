import { describe, expect, it } from 'vitest';

import type { FileContext } from '../../src/core/context';
import { parseNameSpec } from '../../src/core/name-specs';
import { isIdentifierPath } from '../../src/core/option-schemas';
import {
  configKey,
  editDistance,
  getSettings,
  normalizeSettings,
  perConfiguration,
  readSettings,
  setSettingsWarningSink,
  validateSettings,
} from '../../src/core/settings';

describe('normalizeSettings', () => {
  it('fills every section with empty defaults', () => {
    expect(normalizeSettings(undefined)).toEqual({
      auth: {
        functions: [],
        middleware: [],
        wrappers: [],
        procedures: [],
        publicRoutes: [],
        protectedPaths: [],
        globalGuard: false,
      },
      http: { clients: [], urlValidators: [], safeAgents: [] },
      sql: { sinks: [] },
      fs: { sinks: [] },
      requestInput: { sources: [], sanitizers: [] },
      secrets: { sinks: [], allow: [], testFiles: [], clientEnvPrefixes: [], requireEnv: null },
      tests: { files: [], report: false },
      project: { root: null, tsconfig: null, crossFile: true },
    });
  });

  it('reads the tests section: files a list, report only when it is true', () => {
    expect(normalizeSettings({ tests: { files: ['scripts/**', 3], report: true } }).tests).toEqual({ files: ['scripts/**'], report: true });
    expect(normalizeSettings({ tests: { files: 'qa/**', report: 'true' } }).tests).toEqual({ files: ['qa/**'], report: false });
  });

  it('reads the secrets section: lists as the other lists, requireEnv a non-empty string', () => {
    expect(normalizeSettings({
      secrets: { sinks: ['@acme/crypto#sign:1', 7], allow: 'public-demo-key', testFiles: ['scripts/**', null], clientEnvPrefixes: ['PUBLIC_'], requireEnv: '@acme/env#requireEnv' },
    }).secrets).toEqual({
      sinks: ['@acme/crypto#sign:1'],
      allow: ['public-demo-key'],
      testFiles: ['scripts/**'],
      clientEnvPrefixes: ['PUBLIC_'],
      requireEnv: '@acme/env#requireEnv',
    });
    expect(normalizeSettings({ secrets: { requireEnv: '  ', sinks: {} } }).secrets).toMatchObject({ requireEnv: null, sinks: [] });
    expect(validateSettings({ secrets: { sink: ['x#y'], requireEnv: 3 } })).toEqual([
      "settings['agent-guard'].secrets.sink is not a setting of agent-guard (ignored); did you mean secrets.sinks?",
      "settings['agent-guard'].secrets.requireEnv should be a path (a non-empty string), not a number (ignored)",
    ]);
  });

  it('reads the project section: strings kept as written, anything else ignored, crossFile off only when false', () => {
    expect(normalizeSettings({ project: { root: 'apps/web', tsconfig: 'tsconfig.app.json', crossFile: false } }).project)
      .toEqual({ root: 'apps/web', tsconfig: 'tsconfig.app.json', crossFile: false });
    expect(normalizeSettings({ project: { root: 42, tsconfig: '  ', crossFile: 'no' } }).project)
      .toEqual({ root: null, tsconfig: null, crossFile: true });
    expect(normalizeSettings({ project: 'x' }).project).toEqual({ root: null, tsconfig: null, crossFile: true });
  });

  it('keeps declared vocabulary and accepts a single string for a list', () => {
    const settings = normalizeSettings({
      auth: { functions: ['requireUser'], wrappers: 'withAuth', globalGuard: true },
      http: { clients: ['my-http#request'] },
    });
    expect(settings.auth.functions).toEqual(['requireUser']);
    expect(settings.auth.wrappers).toEqual(['withAuth']);
    expect(settings.auth.globalGuard).toBe(true);
    expect(settings.http.clients).toEqual(['my-http#request']);
  });

  it('ignores entries of the wrong type instead of throwing', () => {
    const settings = normalizeSettings({ auth: { functions: ['ok', 3, null], globalGuard: 'yes' }, http: 5, sql: null });
    expect(settings.auth.functions).toEqual(['ok']);
    expect(settings.auth.globalGuard).toBe(false);
    expect(settings.http.clients).toEqual([]);
    expect(settings.sql.sinks).toEqual([]);
  });
});

describe('parseNameSpec', () => {
  it('splits module#export pairs', () => {
    expect(parseNameSpec('my-http#request')).toEqual({ module: 'my-http', name: 'request' });
    expect(parseNameSpec('@scope/db#default')).toEqual({ module: '@scope/db', name: 'default' });
  });

  it('treats anything else as a bare name', () => {
    expect(parseNameSpec('apiFetch')).toEqual({ module: null, name: 'apiFetch' });
    expect(parseNameSpec('#x')).toEqual({ module: null, name: '#x' });
    expect(parseNameSpec('x#')).toEqual({ module: null, name: 'x#' });
  });
});

describe('normalised lists', () => {
  it('are shared by settings objects that share the raw array, and frozen', () => {
    const functions = ['requireUser', 7];
    const first = normalizeSettings({ auth: { functions } });
    const second = normalizeSettings({ auth: { functions }, http: { clients: 'apiFetch' } });
    expect(second.auth.functions).toBe(first.auth.functions);
    expect(first.auth.functions).toEqual(['requireUser']);
    expect(Object.isFrozen(first.auth.functions)).toBe(true);
    expect(normalizeSettings({ auth: { functions: ['other'] } }).auth.functions).toEqual(['other']);
  });
});

describe('perConfiguration', () => {
  const contextWith = (raw: unknown): FileContext => ({ settings: { 'agent-guard': raw } }) as unknown as FileContext;
  const KEY = configKey<string[]>('test');

  it('builds once per settings object and options object, and apart for any other pair', () => {
    const raw = { auth: { functions: ['a'] } };
    const options = {};
    let built = 0;
    const make = (settings: ReturnType<typeof getSettings>): string[] => {
      built += 1;
      return [...settings.auth.functions];
    };
    const first = perConfiguration(contextWith(raw), options, KEY, make);
    expect(perConfiguration(contextWith(raw), options, KEY, make)).toBe(first);
    expect(built).toBe(1);
    expect(perConfiguration(contextWith(raw), {}, KEY, make)).not.toBe(first);
    expect(perConfiguration(contextWith({ auth: { functions: ['b'] } }), options, KEY, make)).toEqual(['b']);
    expect(perConfiguration(contextWith(raw), options, configKey<string[]>('other'), make)).not.toBe(first);
    expect(built).toBe(4);
  });
});

describe('isIdentifierPath', () => {
  it.each(['requireUser', 'this.auth.check', 'logger.delete', '$', '_x1', 'a.b.c'])('%s can be a callee', (text) => {
    expect(isIdentifierPath(text)).toBe(true);
  });

  it.each(['', 'new', 'class', 'typeof', 'import', 'await', 'null', 'new.target', '1st', 'a..b', '.x', 'x.', 'a-b', 'a b', 'f()', 'mod#x'])(
    '%s cannot',
    (text) => {
      expect(isIdentifierPath(text)).toBe(false);
    },
  );
});


describe('validateSettings', () => {
  it('names an unknown key with the closest known one, in its section, at the top and in another section', () => {
    expect(validateSettings({ auth: { fucntions: ['requireUser'] } })).toEqual([
      "settings['agent-guard'].auth.fucntions is not a setting of agent-guard (ignored); did you mean auth.functions?",
    ]);
    expect(validateSettings({ htp: { clients: ['apiFetch'] } })).toEqual([
      "settings['agent-guard'].htp is not a setting of agent-guard (ignored); did you mean http?",
    ]);
    expect(validateSettings({ functions: ['requireUser'] })).toEqual([
      "settings['agent-guard'].functions is not a setting of agent-guard (ignored); did you mean auth.functions?",
    ]);
    expect(validateSettings({ auth: { clients: ['apiFetch'] } })).toEqual([
      "settings['agent-guard'].auth.clients is not a setting of agent-guard (ignored); did you mean http.clients?",
    ]);
    expect(validateSettings({ requestInput: { sanitisers: ['clean'] } })[0]).toMatch(/did you mean requestInput\.sanitizers\?$/u);
  });

  it('gives no hint when nothing is close', () => {
    expect(validateSettings({ auth: { zebra: true }, somethingElse: 1 })).toEqual([
      "settings['agent-guard'].auth.zebra is not a setting of agent-guard (ignored)",
      "settings['agent-guard'].somethingElse is not a setting of agent-guard (ignored)",
    ]);
  });

  it('reports values of the wrong type: sections, lists, list entries, booleans, paths', () => {
    expect(
      validateSettings({
        http: 5,
        auth: { functions: ['ok', 3, null], wrappers: true, globalGuard: 'yes' },
        project: { root: 42, tsconfig: '  ', crossFile: 'no' },
      }),
    ).toEqual([
      "settings['agent-guard'].http should be an object such as { clients: … }, not a number (ignored)",
      "settings['agent-guard'].auth.functions[1] should be a string (a name or 'module#export'), not a number (ignored)",
      "settings['agent-guard'].auth.functions[2] should be a string (a name or 'module#export'), not null (ignored)",
      "settings['agent-guard'].auth.wrappers should be a list of strings (names or 'module#export'), not a boolean (ignored)",
      'settings[\'agent-guard\'].auth.globalGuard should be true or false, not the string "yes" (ignored)',
      "settings['agent-guard'].project.root should be a path (a non-empty string), not a number (ignored)",
      'settings[\'agent-guard\'].project.tsconfig should be a path (a non-empty string), not the string "  " (ignored)',
      'settings[\'agent-guard\'].project.crossFile should be true or false, not the string "no" (ignored)',
    ]);
    expect(validateSettings('requireUser')).toEqual([
      "settings['agent-guard'] should be an object such as { auth: { functions: ['requireUser'] } }, not the string \"requireUser\" (ignored)",
    ]);
    expect(validateSettings([])[0]).toMatch(/not an array \(ignored\)$/u);
  });

  it('accepts every documented setting, a single string for a list, and unset (null) values', () => {
    expect(
      validateSettings({
        auth: {
          functions: ['requireUser'],
          middleware: 'ensureTenant',
          wrappers: [],
          procedures: ['protectedProcedure'],
          publicRoutes: ['/status'],
          protectedPaths: ['app/admin/**'],
          globalGuard: false,
        },
        http: { clients: ['apiFetch'] },
        sql: { sinks: ['runQuery'] },
        fs: { sinks: null },
        requestInput: { sources: ['@acme/http#readBody'], sanitizers: ['safeFileName'] },
        project: { root: 'apps/web', tsconfig: 'tsconfig.app.json', crossFile: true },
      }),
    ).toEqual([]);
    expect(validateSettings(undefined)).toEqual([]);
    expect(validateSettings({})).toEqual([]);
  });

  it('stops at 20 problems and never throws, whatever the object does', () => {
    expect(validateSettings({ auth: { functions: Array.from({ length: 1000 }, (_, i) => i) } })).toHaveLength(20);
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(validateSettings(hostile)).toEqual([]);
    const getter = { auth: {} };
    Object.defineProperty(getter.auth, 'functions', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(() => validateSettings(getter)).not.toThrow();
    expect(validateSettings({ ['x'.repeat(100_000)]: 1 })[0]).toMatch(/is not a setting of agent-guard \(ignored\)$/u);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps, ignoring case', () => {
    expect(editDistance('fucntions', 'functions')).toBe(1);
    expect(editDistance('htp', 'http')).toBe(1);
    expect(editDistance('publicroutes', 'publicRoutes')).toBe(0);
    expect(editDistance('sinks', 'sink')).toBe(1);
    expect(editDistance('abc', 'xyz')).toBe(3);
    expect(editDistance('', 'auth')).toBe(4);
  });
});

describe('settings warnings', () => {
  const collect = (): { messages: string[]; restore: () => void } => {
    const messages: string[] = [];
    return { messages, restore: setSettingsWarningSink((message) => messages.push(message)) };
  };

  it('reports each problem of a settings object once, on its first read, however many files read it', () => {
    const { messages, restore } = collect();
    try {
      const settings = { 'agent-guard': { auth: { fucntions: ['requireUser'], functions: ['gate'] } } };
      for (let file = 0; file < 5; file += 1) {
        expect(readSettings(settings).auth.functions).toEqual(['gate']);
      }
      expect(messages).toEqual(["settings['agent-guard'].auth.fucntions is not a setting of agent-guard (ignored); did you mean auth.functions?"]);
      // Another settings object with the same problem (ESLint merges one per config combination): still once.
      readSettings({ 'agent-guard': { auth: { fucntions: [] } } });
      expect(messages).toHaveLength(1);
      readSettings({ 'agent-guard': { htp: {} } });
      expect(messages).toHaveLength(2);
    } finally {
      restore();
    }
  });

  it('tells a new sink (a new agent-guard run) again, and never reports valid settings', () => {
    const settings = { 'agent-guard': { sql: { sink: ['runQuery'] } } };
    const first = collect();
    readSettings(settings);
    first.restore();
    const second = collect();
    try {
      readSettings(settings);
      readSettings(settings);
      readSettings({ 'agent-guard': { sql: { sinks: ['runQuery'] } }, otherPlugin: { anything: 1 } });
      readSettings({});
    } finally {
      second.restore();
    }
    expect(first.messages).toEqual(["settings['agent-guard'].sql.sink is not a setting of agent-guard (ignored); did you mean sql.sinks?"]);
    expect(second.messages).toEqual(first.messages);
  });

  it('reports a settings value that is no object, and a sink that throws does not stop the lint', () => {
    const restore = setSettingsWarningSink(() => {
      throw new Error('sink failed');
    });
    try {
      expect(readSettings({ 'agent-guard': 'requireUser' }).auth.functions).toEqual([]);
      expect(readSettings({ 'agent-guard': { auth: { globalGuard: 'yes' } } }).auth.globalGuard).toBe(false);
    } finally {
      restore();
    }
    const { messages, restore: restoreCollect } = collect();
    try {
      readSettings({ 'agent-guard': 7 });
    } finally {
      restoreCollect();
    }
    expect(messages).toEqual(["settings['agent-guard'] should be an object such as { auth: { functions: ['requireUser'] } }, not a number (ignored)"]);
  });

  it('reads settings whose getters throw as the defaults, without throwing', () => {
    const { restore } = collect();
    try {
      const raw = {};
      Object.defineProperty(raw, 'auth', {
        enumerable: true,
        get() {
          throw new Error('boom');
        },
      });
      expect(readSettings({ 'agent-guard': raw })).toEqual(normalizeSettings(undefined));
    } finally {
      restore();
    }
  });

  it('goes to process warnings by default', () => {
    const emitted: unknown[][] = [];
    const original = process.emitWarning;
    // No sink installed (the quiet sink of the test set-up, if any, is put back afterwards).
    const holder = globalThis as Record<symbol, unknown>;
    const key = Symbol.for('eslint-plugin-agent-guard/settings-warning-sink');
    const installed = holder[key];
    delete holder[key];
    process.emitWarning = ((...args: unknown[]) => {
      emitted.push(args);
    }) as typeof process.emitWarning;
    try {
      readSettings({ 'agent-guard': { auth: { wrapers: ['withAuth'] } } });
      readSettings({ 'agent-guard': { auth: { wrapers: ['withAuth'] } } });
    } finally {
      process.emitWarning = original;
      if (installed !== undefined) {
        holder[key] = installed;
      }
    }
    expect(emitted).toEqual([
      ["settings['agent-guard'].auth.wrapers is not a setting of agent-guard (ignored); did you mean auth.wrappers?", { type: 'AgentGuardSettingsWarning' }],
    ]);
  });
});
