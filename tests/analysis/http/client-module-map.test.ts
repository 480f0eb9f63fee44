import { CALL } from '@eslint-community/eslint-utils';
import { describe, expect, it } from 'vitest';

import { httpClientModuleMap } from '../../../src/analysis/http/index';
import { compileNameSpecs } from '../../../src/core/name-specs';
import { FETCH_CALL, HTTP_CLIENT_MODULES } from '../../../src/data/http-clients';

describe('httpClientModuleMap', () => {
  it('is the sink table itself when no entry names a module', () => {
    expect(httpClientModuleMap(compileNameSpecs(['apiFetch', 'http.getJson']))).toBe(HTTP_CLIENT_MODULES);
  });

  it('adds configured module exports as fetch-like calls, leaving the table untouched', () => {
    const map = httpClientModuleMap(compileNameSpecs(['@acme/http#request', 'node:https#get']));
    expect(map['@acme/http']?.request?.[CALL]).toBe(FETCH_CALL);
    expect(map.https?.get?.[CALL]).toBe(FETCH_CALL);
    expect((HTTP_CLIENT_MODULES as Record<string, unknown>)['@acme/http']).toBeUndefined();
  });

  it('gives lists naming the same module entries the same map (one search per file for both HTTP rules)', () => {
    const first = httpClientModuleMap(compileNameSpecs(['@acme/http#request', 'localFetch']));
    const second = httpClientModuleMap(compileNameSpecs(['myWrapper', '@acme/http#request']));
    const other = httpClientModuleMap(compileNameSpecs(['@acme/http#post']));
    expect(second).toBe(first);
    expect(other).not.toBe(first);
  });
});
