import { CALL, CONSTRUCT } from '@eslint-community/eslint-utils';

import type { TraceMap } from '../core/modules';
import type { HttpClientFamily } from './http-clients';

/**
 * What `no-ssrf` knows of outbound requests on top of the HTTP-client sink table
 * (`http-clients.ts`): which options decide where a request goes, how a base URL combines with
 * the URL of a call, the sinks that are not HTTP clients, and the checks that look like SSRF
 * defences. Tables only.
 */

/** How a client combines a base URL option with the URL of a call. */
export interface BaseOption {
  /** The option key (`baseURL`, `prefixUrl`). */
  readonly key: string;
  /**
   * `true`: the URL is resolved over the base, so an absolute URL (`https://evil.io`, `//evil.io`)
   * replaces it (axios, CVE-2025-27152; ofetch through ufo's `withBase`). `false`: the base is
   * prepended as text and a leading `/` is refused (got and ky `prefixUrl`).
   */
  readonly resolves: boolean;
}

/** Per family: the options that decide the authority (scheme, host, port) of a request. */
export interface AuthorityOptions {
  /** Options holding a whole URL (`url` of an axios config). */
  readonly url: readonly string[];
  /** Options holding only a host or a port (`http.request({ host })`). */
  readonly host: readonly string[];
  /** Base URL options, in the order the client reads them. */
  readonly base: readonly BaseOption[];
  /** An option that, set to `false`, makes the client refuse absolute URLs over its base (axios ≥ 1.8.2). */
  readonly absoluteOptOut: string | null;
}

const NO_AUTHORITY: AuthorityOptions = { url: [], host: [], base: [], absoluteOptOut: null };

export const AUTHORITY_OPTIONS: Readonly<Record<HttpClientFamily, AuthorityOptions>> = {
  fetch: NO_AUTHORITY,
  undici: { url: [], host: ['origin'], base: [], absoluteOptOut: null },
  axios: { url: ['url'], host: [], base: [{ key: 'baseURL', resolves: true }], absoluteOptOut: 'allowAbsoluteUrls' },
  got: { url: ['url'], host: [], base: [{ key: 'prefixUrl', resolves: false }], absoluteOptOut: null },
  superagent: NO_AUTHORITY,
  'node-http': { url: [], host: ['host', 'hostname', 'port', 'socketPath'], base: [], absoluteOptOut: null },
  ky: { url: [], host: [], base: [{ key: 'prefixUrl', resolves: false }, { key: 'baseUrl', resolves: true }], absoluteOptOut: null },
  ofetch: { url: [], host: [], base: [{ key: 'baseURL', resolves: true }], absoluteOptOut: null },
};

/**
 * Per family: the options that take a filtering agent. `all`: every key must hold one (axios picks
 * `httpAgent` or `httpsAgent` by the scheme of the URL); `any`: one suffices; `nested`: an object
 * option whose listed keys must all hold one (got's `agent: { http, https }`).
 */
export interface AgentOptions {
  readonly all: readonly string[];
  readonly any: readonly string[];
  readonly nested: { readonly key: string; readonly all: readonly string[] } | null;
}

export const AGENT_OPTIONS: Readonly<Record<HttpClientFamily, AgentOptions>> = {
  // Node's fetch (undici) takes a `dispatcher`; node-fetch and cross-fetch an `agent`.
  fetch: { all: [], any: ['agent', 'dispatcher'], nested: null },
  undici: { all: [], any: ['dispatcher'], nested: null },
  axios: { all: ['httpAgent', 'httpsAgent'], any: [], nested: null },
  got: { all: [], any: [], nested: { key: 'agent', all: ['http', 'https'] } },
  superagent: { all: [], any: [], nested: null },
  'node-http': { all: [], any: ['agent'], nested: null },
  ky: { all: [], any: ['dispatcher'], nested: null },
  ofetch: { all: [], any: ['agent', 'dispatcher'], nested: null },
};

/**
 * Agents that refuse private, loopback and link-local addresses after DNS resolution, as
 * `module#export` (the module itself: `module#`). Constructed, called or read, they filter.
 */
export const SAFE_AGENTS: readonly string[] = [
  'request-filtering-agent#RequestFilteringHttpAgent',
  'request-filtering-agent#RequestFilteringHttpsAgent',
  'request-filtering-agent#useAgent',
  'request-filtering-agent#globalHttpAgent',
  'request-filtering-agent#globalHttpsAgent',
  'ssrf-req-filter#default',
  'ssrf-agent#default',
];

/**
 * Options that take the DNS resolution of a request (`http.request`, axios ≥ 1.6 `lookup`, got
 * `dnsLookup`): a function of the project there resolves and checks the address the socket uses,
 * which pins it (no rebinding between the check and the connection).
 */
export const LOOKUP_OPTIONS: readonly string[] = ['lookup', 'dnsLookup'];

/** Where a sink that is not an HTTP client of the table takes its URL. */
export interface ExtraSink {
  /** Which argument is the URL (or an options object holding it). */
  readonly urlArgument: number;
  /** Options holding the URL when the argument is an object (`ogs({ url })`, `request({ uri })`). */
  readonly urlOptions?: readonly string[];
  /** `needle('get', url)`: a first argument naming the HTTP method moves the URL one to the right. */
  readonly methodFirst?: boolean;
}

const FIRST: ExtraSink = { urlArgument: 0 };
const FIRST_OR_OPTIONS: ExtraSink = { urlArgument: 0, urlOptions: ['url', 'uri'] };
const METHOD_THEN_URL: ExtraSink = { urlArgument: 0, methodFirst: true };
const methods = (names: readonly string[], info: ExtraSink): TraceMap<ExtraSink> =>
  Object.fromEntries(names.map((name) => [name, { [CALL]: info }]));
const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'head'];

/**
 * Module exports that fetch a URL and are not HTTP clients of the sink table (`http-clients.ts`,
 * which `fetch-requires-timeout` also reads): `ws` WebSockets, `JSDOM.fromURL`, link-preview and
 * Open Graph scrapers agents reach for ("link preview" features), and older clients (`request`,
 * `needle`, `phin`).
 */
export const EXTRA_SINK_MODULES: Readonly<Record<string, TraceMap<ExtraSink>>> = {
  ws: { [CONSTRUCT]: FIRST, WebSocket: { [CONSTRUCT]: FIRST } },
  'isomorphic-ws': { [CONSTRUCT]: FIRST },
  jsdom: { JSDOM: { fromURL: { [CALL]: FIRST } } },
  'link-preview-js': { getLinkPreview: { [CALL]: FIRST } },
  'open-graph-scraper': { [CALL]: FIRST_OR_OPTIONS },
  'unfurl.js': { unfurl: { [CALL]: FIRST } },
  request: { [CALL]: FIRST_OR_OPTIONS, ...methods(VERBS, FIRST_OR_OPTIONS) },
  'request-promise': { [CALL]: FIRST_OR_OPTIONS, ...methods(VERBS, FIRST_OR_OPTIONS) },
  'request-promise-native': { [CALL]: FIRST_OR_OPTIONS, ...methods(VERBS, FIRST_OR_OPTIONS) },
  needle: { [CALL]: METHOD_THEN_URL, request: { [CALL]: METHOD_THEN_URL }, ...methods(VERBS, FIRST) },
  phin: { [CALL]: FIRST_OR_OPTIONS },
};

/** Globals that open a connection to a URL (Node ≥ 22 has a global `WebSocket`). */
export const EXTRA_SINK_GLOBALS: TraceMap<ExtraSink> = { WebSocket: { [CONSTRUCT]: FIRST } };

/** Headless browsers: in a file importing one, `x.goto(url)` navigates a page to `url`. */
export const BROWSER_MODULES: ReadonlySet<string> = new Set([
  'puppeteer',
  'puppeteer-core',
  'puppeteer-extra',
  'playwright',
  'playwright-core',
  'playwright-chromium',
  'playwright-firefox',
  'playwright-webkit',
  '@playwright/test',
]);
export const BROWSER_NAVIGATION_METHODS: readonly string[] = ['goto'];

/** Properties of a parsed URL that hold its authority (or a part of it). */
export const URL_HOST_PROPERTIES: ReadonlySet<string> = new Set(['hostname', 'host', 'origin']);
/** Properties of a parsed URL that hold the scheme only. */
export const URL_PROTOCOL_PROPERTIES: ReadonlySet<string> = new Set(['protocol']);
/** Properties and methods of a parsed URL that give the whole URL back as text. */
export const URL_TEXT_PROPERTIES: ReadonlySet<string> = new Set(['href', 'toString', 'toJSON']);

/**
 * Calls whose result is a parsed URL or the URL text (`module#path`, `#global`): `new URL(x)`,
 * `url.parse(x)`, `url.resolve(base, x)`, `String(x)`.
 */
export const URL_CONSTRUCTORS: ReadonlySet<string> = new Set(['#URL', 'url#URL']);
/** Constructors whose first argument is the URL of a request they describe (`new Request(url, init)`). */
export const REQUEST_CONSTRUCTORS: ReadonlySet<string> = new Set(['#Request', 'undici#Request', 'node-fetch#Request', 'cross-fetch#Request']);
export const URL_RESOLVE_CALLS: ReadonlySet<string> = new Set(['url#resolve']);
export const URL_PARSE_CALLS: ReadonlySet<string> = new Set(['url#parse', '#URL.parse', 'url#URL.parse']);

/** IP checks of the `ip` package: bypassed by `0x7f.1`, `::ffff:127.0.0.1` and more (CVE-2024-29415, CVE-2023-42282). */
export const BROKEN_IP_CHECKS: ReadonlySet<string> = new Set(['ip#isPrivate', 'ip#isPublic', 'ip#isLoopback']);
/** Names of IP-range predicates written by hand or imported: a blocklist of addresses. */
export const IP_RANGE_CHECK = /^is(?:Private|Public|Internal|Local|Loopback|Reserved|Blocked|Forbidden)(?:Ip|IP|Ipv4|IPv4|Ipv6|IPv6|Address|Addr|Host|Hostname|Network|Url|URL)?$/u;
/** DNS resolution calls (`module#path`): a check of their answer is not pinned to the connection. */
export const DNS_LOOKUPS: ReadonlySet<string> = new Set([
  'dns#lookup', 'dns#promises.lookup', 'dns/promises#lookup', 'dns#resolve', 'dns#resolve4', 'dns#resolve6',
  'dns#promises.resolve', 'dns#promises.resolve4', 'dns#promises.resolve6', 'dns/promises#resolve', 'dns/promises#resolve4', 'dns/promises#resolve6',
]);
/** Format-only URL checks (`module#path`): they accept `http://169.254.169.254/`. */
export const FORMAT_CHECKS: ReadonlySet<string> = new Set(['validator#isURL', 'validator/lib/isURL#', 'is-url#', 'valid-url#isUri', 'valid-url#isWebUri', 'valid-url#isHttpUri', 'valid-url#isHttpsUri', '#URL.canParse', 'url#URL.canParse']);

/** Schemes a request can go out on: a constant prefix that is a start of one leaves the scheme open. */
export const REQUEST_SCHEMES: readonly string[] = ['https://', 'http://', 'wss://', 'ws://'];

/** The placeholder host the allow-list suggestion inserts. */
export const PLACEHOLDER_HOST = 'api.example.com';

/**
 * Per family: how a request is kept from following redirects (`requireRedirectPolicy`). `null`:
 * the client does not follow redirects unless told to (`http.request`, undici `request`).
 */
export type RedirectPolicy =
  | { readonly kind: 'option'; readonly key: string; readonly values: readonly unknown[]; readonly text: string }
  | { readonly kind: 'method'; readonly name: string; readonly text: string }
  | null;

const FETCH_REDIRECT: RedirectPolicy = { kind: 'option', key: 'redirect', values: ['manual', 'error'], text: "redirect: 'manual'" };

export const REDIRECT_POLICIES: Readonly<Record<HttpClientFamily, RedirectPolicy>> = {
  fetch: FETCH_REDIRECT,
  undici: null,
  axios: { kind: 'option', key: 'maxRedirects', values: [0], text: 'maxRedirects: 0' },
  got: { kind: 'option', key: 'followRedirect', values: [false], text: 'followRedirect: false' },
  superagent: { kind: 'method', name: 'redirects', text: '.redirects(0)' },
  'node-http': null,
  ky: FETCH_REDIRECT,
  ofetch: FETCH_REDIRECT,
};
