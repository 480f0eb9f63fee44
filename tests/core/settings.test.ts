import { describe, expect, it } from 'vitest';

import type { FileContext } from '../../src/core/context';
import { parseNameSpec } from '../../src/core/name-specs';
import { isIdentifierPath } from '../../src/core/option-schemas';
import { configKey, getSettings, normalizeSettings, perConfiguration } from '../../src/core/settings';

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
      http: { clients: [] },
      sql: { sinks: [] },
      fs: { sinks: [] },
      requestInput: { sources: [], sanitizers: [] },
      project: { root: null, tsconfig: null, crossFile: true },
    });
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

