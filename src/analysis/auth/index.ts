/** Authentication engine: the gate vocabulary, route guards and handler gates. The public face of `analysis/auth/`: rules import from here. */
export { analyseHandlerGate, isAuthGuard, isOptionalAuthGuard } from './gates';
export type { AuthVocabulary, HandlerGate } from './gates';
