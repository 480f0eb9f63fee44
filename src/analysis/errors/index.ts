/** Error engine: where caught errors come from and the responses that send them. The public face of `analysis/errors/`: rules import from here. */
export { fileHasErrorOrigin, getErrorOrigin, inErrorScope } from './origin';
export { classifyStatus } from './status';
export { devErrorResponderCalls } from './dev-responders';
export { DevOnlyBranches } from './dev-only';
export { kindSeverity } from './taint';
export type { ErrorLeak, ErrorLeakKind, ErrorOriginAnalyzer, ErrorOriginOptions, ErrorParam } from './origin';
export { createResponseSinkMatcher } from './response-sinks';
export type { ResponseSink } from './response-sinks';
export { createResponderAnalysis, MAX_HELPER_LENGTH, MAX_HELPER_LEVELS } from './responders';
export type { ResponderLeak, ResponderOptions } from './responders';
