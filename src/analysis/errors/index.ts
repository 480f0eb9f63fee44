/** Error engine: where caught errors come from and the responses that send them. The public face of `analysis/errors/`: rules import from here. */
export { getErrorOrigin } from './origin';
export { classifyStatus } from './status';
export type { ErrorLeak, ErrorLeakKind, ErrorOriginAnalyzer, ErrorOriginOptions } from './origin';
export { createResponseSinkMatcher } from './response-sinks';
export type { ResponseSink } from './response-sinks';
