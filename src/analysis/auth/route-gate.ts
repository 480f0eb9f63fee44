/**
 * A route judged with the other files of the project: guards, handlers, wrappers and builders
 * defined elsewhere, and the mounts of its router in other files. Runs only for a route the
 * single-file judgement would report, or whose handler it cannot see.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { Route, RouteGuard } from '../../frameworks/types';
import { joinPaths } from '../../frameworks/kit/router-routes';
import type { FileContext } from '../../core/context';
import { isFunctionLike } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { skipTsWrappers } from '../../core/static';
import { functionNamed, returnedFunctions } from './definitions';
import { displayPath } from '../../project/index';
import type { FoundFunction } from './definitions';
import { analyseHandlerGateAcrossFiles } from './gate-functions';
import type { HandlerGate } from './handler-gate';
import { importedGuard, middlewareGates } from './imported-guards';
import { isAuthGuard } from './guards';
import { externalMounts } from './mounts';
import { nameGateOverruled } from './pass-through';
import type { AuthVocabulary } from './vocabulary';

/** What the other files say about a route. */
export type RouteAcrossFiles =
  /** A gate in another file covers it, or every mount of its router is gated or public. */
  | { readonly kind: 'gated' }
  /** Its handler is imported and cannot be read: nothing to judge (today's single-file judgement). */
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'open';
      /** The handler verdicts (inline, or of the imported handler). */
      readonly verdicts: readonly HandlerGate[];
      /** The label with the mount prefix when another file mounts the router (`GET /api/contracts/:id`). */
      readonly label: string;
      /** What the other files showed, for the message (`mounted in app.js without an auth gate`). */
      readonly details: readonly string[];
      /** The last handler, in this file, where a gate can be inserted; `null` when it is in another file. */
      readonly handler: FunctionLike | null;
      /** The handler functions judged, in this file or another (`verdicts` are theirs). */
      readonly handlers: readonly FunctionLike[];
    };

/**
 * Judges a route the single-file checks found no gate for: guards defined in other files
 * (by their bodies), the imported handler's body (reported at the registration), gate
 * functions its handlers call, and where other files mount its router. `isPublicPath` says
 * whether a path with a mount prefix is public by the rule's policy, given the handler's verdicts
 * (the home page is public unless its handler tries a gate).
 */
export function routeAcrossFiles(
  context: FileContext,
  route: Route,
  vocab: AuthVocabulary,
  isPublicPath: (path: string | null, verdicts: readonly HandlerGate[]) => boolean,
): RouteAcrossFiles {
  const details: string[] = [];
  const factory = route.handlers.length === 0 && (route.externalHandlers ?? []).length === 0 ? handlerFactory(context, route) : null;
  for (const guard of route.guards) {
    if (guard === factory?.guard) {
      // Judged below as the handler it builds.
      continue;
    }
    const imported = importedGuard(context, guard, vocab);
    if (imported?.gated) {
      return { kind: 'gated' };
    }
    const middleware = guard.via === 'argument' || guard.via === 'router' || guard.via === 'hook';
    if (middleware && imported && nameGateOverruled(context, guard, vocab)) {
      // Named like a gate, read and found to let everyone through: worth naming in the message.
      details.push(`its middleware ${imported.name} (${displayPath(context, imported.filename)}) lets every request through`);
    } else if (imported && !middleware) {
      details.push(`its ${guard.via === 'procedure' ? 'builder' : guard.via === 'wrapper' ? 'wrapper' : 'middleware'} ${imported.name} (${displayPath(context, imported.filename)}) never checks a session`);
    }
  }
  let verdicts: HandlerGate[];
  let handler: FunctionLike | null = route.handlers.at(-1) ?? null;
  let handlers: readonly FunctionLike[] = route.handlers;
  if (route.handlers.length > 0) {
    verdicts = route.handlers.map((fn) => analyseHandlerGateAcrossFiles(context, fn, vocab));
  } else if (factory) {
    // `app.post('/rest/user/login', login())`: the handler the factory returns, judged like an inline one,
    // or as the middleware it may be (`app.post('/api/Cards', appendUserId())`, answering 401 itself).
    const { found } = factory;
    if (factory.handlers.some((fn) => middlewareGates(found.context, fn, vocab, 1))) {
      return { kind: 'gated' };
    }
    verdicts = factory.handlers.map((fn) => analyseHandlerGateAcrossFiles(found.context, fn, vocab));
    handler = null;
    handlers = factory.handlers;
    if (verdicts.every((v) => v.kind === 'none')) {
      details.push(`its handler ${found.name}()${found.file ? ` (${displayPath(context, found.file.filename)})` : ''} never checks a session`);
    } else if (verdicts.some((v) => v.kind === 'goesOn')) {
      details.push(`its handler ${found.name}()${found.file ? ` in ${displayPath(context, found.file.filename)}` : ''}`);
    }
  } else {
    const found = (route.externalHandlers ?? []).map((node) => functionNamed(context, node)).filter((f) => f !== null);
    if (found.length === 0) {
      return { kind: 'unknown' };
    }
    verdicts = found.map((f) => analyseHandlerGateAcrossFiles(f.context, f.fn, vocab));
    handler = null;
    // Every handler read, or none: a handler left unread may do anything.
    handlers = found.length === (route.externalHandlers ?? []).length ? found.map((f) => f.fn) : [];
    const f = found.at(-1)!;
    if (verdicts.every((v) => v.kind === 'none')) {
      details.push(`its handler ${f.name}${f.file ? ` (${displayPath(context, f.file.filename)})` : ''} never checks a session`);
    } else if (verdicts.some((v) => v.kind === 'goesOn')) {
      details.push(`its handler ${f.name}${f.file ? ` in ${displayPath(context, f.file.filename)}` : ''}`);
    }
  }
  if (verdicts.some((v) => v.kind === 'gated')) {
    return { kind: 'gated' };
  }
  let label = route.label;
  const mounts = route.mountRoot ? externalMounts(context, route.framework, route.mountRoot) : [];
  if (mounts.length === 0 && isPublicPath(route.path, verdicts)) {
    // Not mounted elsewhere: its own path decides (`GET /` of an app is its home page).
    return { kind: 'gated' };
  }
  {
    if (mounts.length > 0) {
      const open = mounts.filter((mount) => {
        const path = joinPaths(mount.prefix, route.path);
        return !isPublicPath(path, verdicts) && !mount.guards.some(({ context: where, guard }) => guard.via === 'global' || isAuthGuard(where, guard, vocab) || importedGuard(where, guard, vocab)?.gated === true);
      });
      if (open.length === 0) {
        return { kind: 'gated' };
      }
      const first = open[0]!;
      const path = joinPaths(first.prefix, route.path);
      label = `${route.method} ${path ?? '(dynamic path)'}`;
      details.unshift(`mounted in ${displayPath(context, first.filename)} without an auth gate`);
    }
  }
  return { kind: 'open', verdicts, label, details, handler, handlers };
}

/**
 * The handler factory a registration calls when no handler function is visible: the innermost
 * wrapper call (`trackOrder()`, `createProductReviews()` in `asyncHandler(createProductReviews())`),
 * defined in this file or an imported project file, with the functions it returns.
 */
function handlerFactory(context: FileContext, route: Route): { guard: RouteGuard; found: FoundFunction; handlers: FunctionLike[] } | null {
  const guard = route.guards.at(-1);
  const call = guard?.via === 'wrapper' ? skipTsWrappers(guard.node) : null;
  if (!guard || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.some((arg) => isFunctionLike(skipTsWrappers(arg)))) {
    return null;
  }
  const found = functionNamed(context, call.callee);
  const handlers = found ? returnedFunctions(found.fn) : [];
  return found && handlers.length > 0 ? { guard, found, handlers } : null;
}
