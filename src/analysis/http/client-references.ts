import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { iterateModuleReferences } from '../../core/modules';
import { withModuleCalls } from '../../core/name-specs';
import type { NameSpecList } from '../../core/name-specs';
import type { TrackedReference } from '../../core/modules';
import { FETCH_CALL, HTTP_CLIENT_GLOBALS, HTTP_CLIENT_MODULES } from '../../data/http-clients';
import type { HttpClientEntry } from '../../data/http-clients';
import { injectedHttpServiceCalls } from './nest-http';

/** Per file and module map: the references of the HTTP-client sink table. */
const REFERENCES = perFileKey<WeakMap<object, readonly TrackedReference<HttpClientEntry>[]>>('HTTP client references');

/**
 * Every use of the HTTP clients of the sink table in the file (the global `fetch` included, and
 * NestJS's injected `HttpService`),
 * searched once per file and module map, so the rules that look at outbound requests share one
 * search: `moduleMap` is `HTTP_CLIENT_MODULES`, or the same object for every file when the
 * settings add `module#export` clients.
 * @example httpClientReferences(context).filter((ref) => ref.kind === 'call')
 */
export function httpClientReferences(
  context: FileContext,
  moduleMap: Readonly<Record<string, unknown>> = HTTP_CLIENT_MODULES,
): readonly TrackedReference<HttpClientEntry>[] {
  const memo = perFile(context, REFERENCES, () => new WeakMap());
  let references = memo.get(moduleMap);
  if (!references) {
    references = [...iterateModuleReferences(context, moduleMap as typeof HTTP_CLIENT_MODULES, HTTP_CLIENT_GLOBALS), ...injectedHttpServiceCalls(context)];
    memo.set(moduleMap, references);
  }
  return references;
}

/** Module maps with configured clients, by the text of their `module#export` entries (a few per run). */
const moduleMaps = new Map<string, typeof HTTP_CLIENT_MODULES>();
const MAX_MODULE_MAPS = 32;

/**
 * The HTTP-client sink table with the configured `module#export` clients added as fetch-like calls
 * (`HTTP_CLIENT_MODULES` itself when there are none). Lists that name the same module entries get
 * the same object, so `httpClientReferences` searches once per file for every rule that asks.
 * @example httpClientModuleMap(compileNameSpecs(['@acme/http#request'])) // HTTP_CLIENT_MODULES plus `@acme/http` `request`
 */
export function httpClientModuleMap(clients: NameSpecList): typeof HTTP_CLIENT_MODULES {
  if (!clients.hasModuleSpecs) {
    return HTTP_CLIENT_MODULES;
  }
  const key = clients.specs.filter((spec) => spec.module !== null).map((spec) => `${spec.module}#${spec.name}`).sort().join('\n');
  let map = moduleMaps.get(key);
  if (!map) {
    map = withModuleCalls(HTTP_CLIENT_MODULES, clients.specs, FETCH_CALL);
    if (moduleMaps.size >= MAX_MODULE_MAPS) {
      moduleMaps.clear();
    }
    moduleMaps.set(key, map);
  }
  return map;
}
