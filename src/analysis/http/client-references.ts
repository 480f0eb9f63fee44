import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { iterateModuleReferences } from '../../core/modules';
import type { TrackedReference } from '../../core/modules';
import { HTTP_CLIENT_GLOBALS, HTTP_CLIENT_MODULES } from '../../data/http-clients';
import type { HttpClientEntry } from '../../data/http-clients';

/** Per file and module map: the references of the HTTP-client sink table. */
const REFERENCES = perFileKey<WeakMap<object, readonly TrackedReference<HttpClientEntry>[]>>('HTTP client references');

/**
 * Every use of the HTTP clients of the sink table in the file (the global `fetch` included),
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
    references = [...iterateModuleReferences(context, moduleMap as typeof HTTP_CLIENT_MODULES, HTTP_CLIENT_GLOBALS)];
    memo.set(moduleMap, references);
  }
  return references;
}
