/** HTTP engine: timeouts of outbound requests (options objects, abort signals). The public face of `analysis/http/`: rules import from here. */
export { judgeAbortSignal } from './abort-signal';
export type { SignalVerdict } from './abort-signal';
export { judgeTimeoutOptions } from './timeout-options';
export { mutatedOptionsLiteral } from './declared-options';
export type { TimeoutOptionSpec, TimeoutOptionVerdict } from './timeout-options';
export { callerOmitsTimeout, importedHttpWrapper, localHttpWrappers, mayBeHttpWrapper } from './wrappers';
export type { CallerTimeout, HttpRequestCall, HttpWrapperSummary, ImportedHttpWrapper, LocalHttpWrapper } from './wrappers';
