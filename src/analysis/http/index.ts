/** HTTP engine: timeouts of outbound requests (options objects, abort signals), and whether a file is browser code. The public face of `analysis/http/`: rules import from here. */
export { judgeAbortSignal } from './abort-signal';
export type { SignalVerdict } from './abort-signal';
export { judgeTimeoutOptions } from './timeout-options';
export { mutatedOptionsLiteral } from './declared-options';
export type { TimeoutOptionSpec, TimeoutOptionVerdict } from './timeout-options';
export { callerOmitsTimeout, importedHttpWrapper, localHttpWrappers, mayBeHttpWrapper } from './wrappers';
export type { CallerTimeout, HttpRequestCall, HttpWrapperSummary, ImportedHttpWrapper, LocalHttpWrapper } from './wrappers';
export { createsRelativeClient, fetchesRelativeUrl, judgeBrowserCode, judgeBrowserCodeFromFile, nextComponentFolder, passesRelativeUrl } from './browser-code';
export type { BrowserCodeVerdict } from './browser-code';
export { httpClientModuleMap, httpClientReferences } from './client-references';
export { nestHttpModuleSetsTimeout } from './nest-http';
