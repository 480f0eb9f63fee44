/** Request-input engine: what a value derives from client input, and which checks make it safe. The public face of `analysis/request-input/`: rules import from here. */
export { pathFunctionName } from './path-functions';
export { getRequestInputAnalyzer, getRequestInputOrigin, requestInputLists, RequestInputAnalyzer } from './tracker';
export type { InputClassification, RequestInputOrigin } from './tracker';
export { controllerAnalyzer, controllerSeeds, importedHandlerSinks, importedPathWrapper, importedPathWrapperCalls, isImportedCallee, isImportedHandler, MAX_WRAPPER_HOPS, mayBeImportedHandler, mayBePathWrapper, passesValidatedScalar, sinkMentionPattern } from './imported-functions';
export { rootOption, unconfinedFilePath } from './file-responses';
export { basenameEdit } from './basename-edit';
export { importedFunction, isTextParameter } from './imported-returns';
export type { BasenameEdit } from './basename-edit';
export type { ControllerSeeds, ImportedHandlerSink, ImportedPathWrapper } from './imported-functions';
