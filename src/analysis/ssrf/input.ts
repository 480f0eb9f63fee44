import type { TSESTree } from '@typescript-eslint/utils';

import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { controllerSeeds, RequestInputAnalyzer, requestInputLists } from '../request-input/index';
import type { FunctionLike } from '../../core/functions';

/** The request-input tracker as `no-ssrf` asks it: what a value is, and the configured sanitisers. */
export type UrlInputAnalyzer = Pick<RequestInputAnalyzer, 'classify' | 'isConfiguredSanitizer'>;

/**
 * The tracker without its guards: they judge file paths (`startsWith('https://')` ends with a
 * separator, so it would confine a path), not where a request goes. The checks that confine a
 * URL are judged by `host-checks.ts` instead, on the value the request uses.
 */
export class UnguardedAnalyzer extends RequestInputAnalyzer {
  override guarded(_ref: TSESTree.Node, value: ReturnType<RequestInputAnalyzer['evaluate']>): ReturnType<RequestInputAnalyzer['evaluate']> {
    return value;
  }

  /**
   * A URL is judged by where the input lands in it (`authority.ts`: the host, or a path under a
   * fixed origin), which a function of another file returning the URL as a whole would hide:
   * `apiUrl(id)` returning `new URL(encodeURIComponent(id), BASE).href` is no controlled host.
   * Such calls stay unknown to this tracker: `UrlAuthority` reads them instead, judging the URL
   * where it is built (`imported-urls.ts`).
   */
  override readonly seededClassifier = undefined;
}

const ANALYZER = perFileKey<UrlInputAnalyzer>('request input for URLs (no guards)');

/** The file's request-input tracker for URLs, built on first use and shared per file. */
export function urlInputAnalyzer(context: FileContext): UrlInputAnalyzer {
  return perFile(context, ANALYZER, () => {
    const { sources, sanitizers } = requestInputLists(context);
    return new UnguardedAnalyzer(context, sources, sanitizers);
  });
}


/** Per controller function: its unguarded tracker. */
const CONTROLLER_ANALYZERS = new WeakMap<FunctionLike, UrlInputAnalyzer>();

/**
 * For a node inside a top-level controller its file exports for a routes file to register
 * (`exports.proxy = (req, res) => …`): the tracker for URLs with the controller's parameters
 * read as a handler's (see `controllerSeeds`). `null` when the node is in no such function.
 */
export function controllerUrlAnalyzer(context: FileContext, node: TSESTree.Node): UrlInputAnalyzer | null {
  const controller = controllerSeeds(context, node);
  if (!controller) {
    return null;
  }
  let analyzer = CONTROLLER_ANALYZERS.get(controller.fn);
  if (!analyzer) {
    const { sources, sanitizers } = requestInputLists(context);
    analyzer = new UnguardedAnalyzer(context, sources, sanitizers, controller.seeds);
    CONTROLLER_ANALYZERS.set(controller.fn, analyzer);
  }
  return analyzer;
}
