/**
 * Authentication engine: the gate vocabulary, route guards and handler gates. The public face of `analysis/auth/`: rules import from here.
 * `vocabulary.ts` judges names, `guards.ts` route guards, `handler-gate.ts` handler bodies (with `calls.ts`, `identity.ts`,
 * `exposure.ts` and `values.ts`); `names.ts` reads callee names from their end, O(1) per call of a chain.
 * The word lists are data, in `src/data/auth-vocabulary.ts`. Across files (`route-gate.ts`): guards, handlers, gate functions and
 * builders defined in other project files are judged by their bodies (`definitions.ts`, `gate-functions.ts`, `imported-guards.ts`),
 * and `mounts.ts` finds where other files mount this file's router.
 */
export { analyseHandlerGate } from './handler-gate';
export { answersOnlyConstants } from './exposure';
export { isPublicByDesignPath, pathWithComputedPrefix } from './public-paths';
export type { HandlerGate } from './handler-gate';
export { isAuthGuard, isOptionalAuthGuard } from './guards';
export type { AuthVocabulary } from './vocabulary';
export { routeAcrossFiles } from './route-gate';
export type { RouteAcrossFiles } from './route-gate';
export { globalGateFor, nestGuardDeclared } from './global-gates';
export { JWT_SERVICE_DECODE, unverifiedTokenDecodes } from './unverified-tokens';
export type { UnverifiedTokenDecode } from './unverified-tokens';
export type { GlobalGate } from './global-gates';
