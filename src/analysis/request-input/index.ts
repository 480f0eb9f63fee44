/** Request-input engine: what a value derives from client input, and which checks make it safe. The public face of `analysis/request-input/`: rules import from here. */
export { pathFunctionName } from './path-functions';
export { getRequestInputAnalyzer, getRequestInputOrigin } from './tracker';
export { controllerAnalyzer, importedHandlerSinks, importedPathWrapper, isImportedCallee, MAX_WRAPPER_HOPS, mayBePathWrapper } from './imported-functions';
export type { ImportedHandlerSink, ImportedPathWrapper } from './imported-functions';
