import { describe, expect, it } from 'vitest';

import { normalizeSettings, parseNameSpec } from '../../src/core/settings';

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
    });
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
