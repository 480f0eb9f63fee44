import { CALL, READ } from '@eslint-community/eslint-utils';

import type { TraceMap } from '../core/modules';
import type { OptionsSlot } from '../core/options-object';

/** HTTP client libraries, grouped by how they are given a timeout. */
export type HttpClientFamily = 'fetch' | 'undici' | 'axios' | 'got' | 'superagent' | 'node-http' | 'ky' | 'ofetch';

/** What a traced reference is: a request, a factory of configured instances, or a `defaults.timeout` write. */
export type HttpReferenceKind = 'request' | 'create' | 'defaults-timeout';

/** The info attached to each entry of the trace maps below. */
export interface HttpClientEntry {
  readonly family: HttpClientFamily;
  readonly kind: HttpReferenceKind;
  /** Which argument carries the options object. */
  readonly options: OptionsSlot;
  /** A client configured elsewhere in the project: NestJS's `HttpService` by `HttpModule.register(config)`. */
  readonly configuredBy?: 'nest-http-module';
}

/** How one family is given a timeout, and what a suggestion adds. */
export interface HttpClientPolicy {
  /** Option keys that set a timeout (`timeout`, undici's `headersTimeout`). */
  readonly timeoutKeys: readonly string[];
  /** Static values of a timeout key that switch the timeout off (axios `0`, ky `false`). */
  readonly disabledValues: readonly unknown[];
  /** A `signal` option carrying `AbortSignal.timeout()` also bounds the request. */
  readonly acceptsSignal: boolean;
  /** The library times out on its own (ky: 10 s), so only an explicit opt-out is a problem. */
  readonly hasDefaultTimeout: boolean;
  /** Methods on the returned request object that set a timeout (`.timeout()`, `.setTimeout()`). */
  readonly timeoutMethods: readonly string[];
  /**
   * The remedy, with `{ms}` standing for the configured milliseconds:
   * `signal` adds `signal: AbortSignal.timeout({ms})`; `option` adds `template` as a property;
   * `method` chains `template` after the call.
   */
  readonly remedy:
    | { readonly kind: 'signal' }
    | { readonly kind: 'option'; readonly template: string }
    | { readonly kind: 'method'; readonly template: string };
}

const at = (index: number): OptionsSlot => ({ kind: 'index', index });
const URL_OR_OPTIONS: OptionsSlot = { kind: 'url-or-options' };

const entry = (family: HttpClientFamily, options: OptionsSlot, kind: HttpReferenceKind = 'request'): HttpClientEntry => ({
  family,
  kind,
  options,
});

/** `fetch(input, init)`; also the shape assumed for user-declared wrappers. */
export const FETCH_CALL = entry('fetch', at(1));

const AXIOS_METHODS: TraceMap<HttpClientEntry> = {
  request: { [CALL]: entry('axios', at(0)) },
  get: { [CALL]: entry('axios', at(1)) },
  delete: { [CALL]: entry('axios', at(1)) },
  head: { [CALL]: entry('axios', at(1)) },
  options: { [CALL]: entry('axios', at(1)) },
  // (url, data, config)
  post: { [CALL]: entry('axios', at(2)) },
  put: { [CALL]: entry('axios', at(2)) },
  patch: { [CALL]: entry('axios', at(2)) },
  postForm: { [CALL]: entry('axios', at(2)) },
  putForm: { [CALL]: entry('axios', at(2)) },
  patchForm: { [CALL]: entry('axios', at(2)) },
  defaults: { timeout: { [READ]: entry('axios', { kind: 'none' }, 'defaults-timeout') } },
};

const gotCall = entry('got', URL_OR_OPTIONS);
const GOT_METHODS: TraceMap<HttpClientEntry> = {
  get: { [CALL]: gotCall },
  post: { [CALL]: gotCall },
  put: { [CALL]: gotCall },
  patch: { [CALL]: gotCall },
  delete: { [CALL]: gotCall },
  head: { [CALL]: gotCall },
  stream: {
    [CALL]: gotCall,
    get: { [CALL]: gotCall },
    post: { [CALL]: gotCall },
    put: { [CALL]: gotCall },
    patch: { [CALL]: gotCall },
    delete: { [CALL]: gotCall },
    head: { [CALL]: gotCall },
  },
  paginate: { [CALL]: gotCall, all: { [CALL]: gotCall } },
};

const kyCall = entry('ky', at(1));
const KY_METHODS: TraceMap<HttpClientEntry> = {
  get: { [CALL]: kyCall },
  post: { [CALL]: kyCall },
  put: { [CALL]: kyCall },
  patch: { [CALL]: kyCall },
  delete: { [CALL]: kyCall },
  head: { [CALL]: kyCall },
};

const ofetchCall = entry('ofetch', at(1));
const OFETCH: TraceMap<HttpClientEntry> = {
  [CALL]: ofetchCall,
  raw: { [CALL]: ofetchCall },
  create: { [CALL]: entry('ofetch', at(0), 'create') },
};

const superagentCall = entry('superagent', { kind: 'none' });
const SUPERAGENT: TraceMap<HttpClientEntry> = {
  [CALL]: superagentCall,
  get: { [CALL]: superagentCall },
  post: { [CALL]: superagentCall },
  put: { [CALL]: superagentCall },
  patch: { [CALL]: superagentCall },
  del: { [CALL]: superagentCall },
  delete: { [CALL]: superagentCall },
  head: { [CALL]: superagentCall },
  options: { [CALL]: superagentCall },
};

const nodeHttpCall = entry('node-http', { kind: 'any-object' });
const NODE_HTTP: TraceMap<HttpClientEntry> = { request: { [CALL]: nodeHttpCall }, get: { [CALL]: nodeHttpCall } };

/** Global fetch (`fetch`, `globalThis.fetch`, `window.fetch`, `self.fetch`). */
export const HTTP_CLIENT_GLOBALS: TraceMap<HttpClientEntry> = { fetch: { [CALL]: FETCH_CALL } };

/**
 * Modules whose fetch (the export itself, or its `fetch`) throws on a relative URL outside a
 * browser, as the global one does: a call of one with `'/api/x'` runs in a browser.
 */
export const WHATWG_FETCH_MODULES: ReadonlySet<string> = new Set(['node-fetch', 'cross-fetch', 'isomorphic-fetch', 'undici']);

/**
 * Module exports that send HTTP requests. `node:` spellings and `require('x').default`
 * are added by `iterateModuleReferences`.
 */
export const HTTP_CLIENT_MODULES: Readonly<Record<string, TraceMap<HttpClientEntry>>> = {
  'node-fetch': { [CALL]: FETCH_CALL },
  'cross-fetch': { [CALL]: FETCH_CALL, fetch: { [CALL]: FETCH_CALL } },
  'isomorphic-fetch': { [CALL]: FETCH_CALL },
  undici: { fetch: { [CALL]: FETCH_CALL }, request: { [CALL]: entry('undici', at(1)) } },
  axios: { [CALL]: entry('axios', URL_OR_OPTIONS), ...AXIOS_METHODS, create: { [CALL]: entry('axios', at(0), 'create') } },
  got: { [CALL]: gotCall, ...GOT_METHODS, extend: { [CALL]: entry('got', at(0), 'create') } },
  superagent: SUPERAGENT,
  http: NODE_HTTP,
  https: NODE_HTTP,
  ky: {
    [CALL]: kyCall,
    ...KY_METHODS,
    create: { [CALL]: entry('ky', at(0), 'create') },
    extend: { [CALL]: entry('ky', at(0), 'create') },
  },
  ofetch: { ofetch: OFETCH, $fetch: OFETCH },
  // npm `download(url, destination?, options?)`: its options go to got.
  download: { [CALL]: entry('got', { kind: 'any-object' }) },
};

const nestEntry = (options: OptionsSlot): HttpClientEntry => ({ family: 'axios', kind: 'request', options, configuredBy: 'nest-http-module' });

/**
 * NestJS's `HttpService` (`@nestjs/axios`), injected into a class (`constructor(private readonly
 * http: HttpService)`) and called as an axios instance (`this.http.get(url, config)`) that
 * `HttpModule.register(config)` configures: its methods, with where their config goes.
 */
export const NEST_HTTP_SERVICE = {
  module: '@nestjs/axios',
  name: 'HttpService',
  methods: {
    request: nestEntry(at(0)),
    get: nestEntry(at(1)),
    delete: nestEntry(at(1)),
    head: nestEntry(at(1)),
    options: nestEntry(at(1)),
    post: nestEntry(at(2)),
    put: nestEntry(at(2)),
    patch: nestEntry(at(2)),
  } as Readonly<Record<string, HttpClientEntry>>,
} as const;

/** Where `HttpModule` is given its config: `HttpModule.register({ timeout })`, `HttpModule.registerAsync({ useFactory })` (a factory not read). */
export const NEST_HTTP_MODULE_REGISTRATIONS: Readonly<Record<string, TraceMap<'config' | 'factory'>>> = {
  '@nestjs/axios': { HttpModule: { register: { [CALL]: 'config' }, registerAsync: { [CALL]: 'factory' } } },
};

/** The text a file holding such a registration matches: the pre-test before it is parsed. */
export const NEST_HTTP_MODULE_REGISTER = /\bHttpModule\s*\.\s*register(?:Async)?\s*\(/u;

/** Uses of a configured instance (`const api = axios.create(...)`), traced from the factory call. */
export const HTTP_CLIENT_INSTANCES: Readonly<Partial<Record<HttpClientFamily, TraceMap<HttpClientEntry>>>> = {
  axios: { [CALL]: entry('axios', URL_OR_OPTIONS), ...AXIOS_METHODS },
  got: { [CALL]: gotCall, ...GOT_METHODS },
  ky: { [CALL]: kyCall, ...KY_METHODS },
  ofetch: { [CALL]: ofetchCall, raw: { [CALL]: ofetchCall } },
};

const SIGNAL_REMEDY = { kind: 'signal' } as const;

/** Per family: which options bound a request, and what the suggestion inserts. */
export const HTTP_CLIENT_POLICIES: Readonly<Record<HttpClientFamily, HttpClientPolicy>> = {
  fetch: { timeoutKeys: [], disabledValues: [], acceptsSignal: true, hasDefaultTimeout: false, timeoutMethods: [], remedy: SIGNAL_REMEDY },
  undici: {
    timeoutKeys: ['headersTimeout', 'bodyTimeout'],
    disabledValues: [0],
    acceptsSignal: true,
    hasDefaultTimeout: false,
    timeoutMethods: [],
    remedy: SIGNAL_REMEDY,
  },
  axios: {
    timeoutKeys: ['timeout'],
    disabledValues: [0],
    acceptsSignal: true,
    hasDefaultTimeout: false,
    timeoutMethods: [],
    remedy: { kind: 'option', template: 'timeout: {ms}' },
  },
  got: {
    timeoutKeys: ['timeout'],
    disabledValues: [],
    acceptsSignal: true,
    hasDefaultTimeout: false,
    timeoutMethods: [],
    remedy: { kind: 'option', template: 'timeout: { request: {ms} }' },
  },
  superagent: {
    timeoutKeys: [],
    disabledValues: [],
    acceptsSignal: false,
    hasDefaultTimeout: false,
    timeoutMethods: ['timeout'],
    remedy: { kind: 'method', template: '.timeout({ms})' },
  },
  'node-http': {
    timeoutKeys: ['timeout'],
    disabledValues: [],
    acceptsSignal: true,
    hasDefaultTimeout: false,
    timeoutMethods: ['setTimeout'],
    remedy: SIGNAL_REMEDY,
  },
  ky: {
    timeoutKeys: ['timeout'],
    disabledValues: [false],
    acceptsSignal: true,
    hasDefaultTimeout: true,
    timeoutMethods: [],
    remedy: { kind: 'option', template: 'timeout: {ms}' },
  },
  ofetch: {
    timeoutKeys: ['timeout'],
    disabledValues: [0],
    acceptsSignal: true,
    hasDefaultTimeout: false,
    timeoutMethods: [],
    remedy: { kind: 'option', template: 'timeout: {ms}' },
  },
};
