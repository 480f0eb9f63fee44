import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { iterateModuleReferences, iterateValueReferences } from '../../core/modules';
import { findOptionsArgument } from '../../core/options-object';
import type { OptionsSlot } from '../../core/options-object';
import { dereference, staticValue } from '../../core/static';
import type { FileContext } from '../../core/context';
import { HTTP_CLIENT_INSTANCES } from '../../data/http-clients';
import type { HttpClientEntry, HttpClientFamily } from '../../data/http-clients';
import { EXTRA_SINK_GLOBALS, EXTRA_SINK_MODULES } from '../../data/ssrf';
import type { ExtraSink } from '../../data/ssrf';
import { httpClientReferences } from '../http/index';

/** One call that sends a request (or opens a connection) to a URL. */
export interface SsrfSink {
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  /** The HTTP client family of the sink table, or `null` for the other sinks (`WebSocket`, `page.goto`). */
  readonly family: HttpClientFamily | null;
  /** The URL argument, or `null` when the URL comes from a config object only (`axios({ url })`). */
  readonly url: TSESTree.Node | null;
  /** The config objects that apply, the instance's (`axios.create({ baseURL })`) first and the call's last. */
  readonly configs: readonly TSESTree.ObjectExpression[];
  /** Options of the configs that hold the URL, for the sinks outside the HTTP-client table (`ogs({ url })`). */
  readonly urlOptions: readonly string[];
}

const HTTP_METHOD = /^[A-Za-z]+$/u;

/**
 * A call of an HTTP client with its URL and config objects: `fetch(url, init)`, `axios.get(url, config)`,
 * `axios(config)`, `http.get({ host })`, `superagent('GET', url)`; `inherited` are the configs of
 * the instance it is called on.
 */
export function sinkOfCall(
  context: FileContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  family: HttpClientFamily | null,
  slot: OptionsSlot,
  inherited: readonly TSESTree.ObjectExpression[] = [],
  extra: ExtraSink = { urlArgument: 0 },
): SsrfSink {
  const args = call.arguments;
  let index = extra.urlArgument;
  if ((family === 'superagent' || extra.methodFirst === true) && args.length >= 2) {
    const method = staticValue(context, args[0]!);
    if (method && typeof method.value === 'string' && HTTP_METHOD.test(method.value)) {
      index = 1; // superagent('GET', url)
    }
  }
  const configs = [...inherited];
  let url: TSESTree.Node | null = args[index] ?? null;
  if (url?.type === AST_NODE_TYPES.SpreadElement) {
    url = null;
  } else if (url) {
    const value = dereference(context, url);
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      configs.push(value);
      url = null;
    }
  }
  const options = slot.kind === 'none' ? null : findOptionsArgument(context, call, slot);
  if (options?.kind === 'object' && !configs.includes(options.object)) {
    configs.push(options.object);
  }
  return { call, family, url, configs, urlOptions: extra.urlOptions ?? [] };
}

/**
 * The requests of the HTTP clients in the sink table (shared with `fetch-requires-timeout` through
 * `httpClientReferences`), with calls on configured instances (`api.get(x)` after
 * `const api = axios.create({ baseURL })`) carrying the instance's config.
 */
export function httpClientSinks(context: FileContext, moduleMap?: Readonly<Record<string, unknown>>): SsrfSink[] {
  const sinks: SsrfSink[] = [];
  for (const ref of httpClientReferences(context, moduleMap)) {
    if (ref.kind !== 'call') {
      continue;
    }
    const call = ref.node as TSESTree.CallExpression;
    if (ref.info.kind === 'request') {
      sinks.push(sinkOfCall(context, call, ref.info.family, ref.info.options));
    } else if (ref.info.kind === 'create') {
      sinks.push(...instanceSinks(context, call, ref.info));
    }
  }
  return sinks;
}

function instanceSinks(context: FileContext, create: TSESTree.CallExpression, info: HttpClientEntry): SsrfSink[] {
  const map = HTTP_CLIENT_INSTANCES[info.family];
  if (!map) {
    return [];
  }
  const config = findOptionsArgument(context, create, info.options);
  const inherited = config.kind === 'object' ? [config.object] : [];
  const sinks: SsrfSink[] = [];
  for (const use of iterateValueReferences(context, create, map)) {
    if (use.kind === 'call' && use.info.kind === 'request') {
      sinks.push(sinkOfCall(context, use.node as TSESTree.CallExpression, use.info.family, use.info.options, inherited));
    }
  }
  return sinks;
}

/** `new WebSocket(url)` (`ws`, global), `JSDOM.fromURL(url)`, link-preview scrapers and the older clients of `EXTRA_SINK_MODULES`. */
export function extraSinks(context: FileContext): SsrfSink[] {
  const sinks: SsrfSink[] = [];
  for (const ref of iterateModuleReferences(context, EXTRA_SINK_MODULES, EXTRA_SINK_GLOBALS)) {
    if (ref.kind === 'call' || ref.kind === 'construct') {
      sinks.push(sinkOfCall(context, ref.node as TSESTree.CallExpression | TSESTree.NewExpression, null, { kind: 'none' }, [], ref.info));
    }
  }
  return sinks;
}
