/** SSRF engine: which outbound requests request input can point elsewhere, and which checks confine them. The public face of `analysis/ssrf/`: rules import from here. */
export { ALLOWED_HOSTS, allowListEdit } from './allow-list-edit';
export type { AllowListEdit } from './allow-list-edit';
export { authorityOpen, isEncodedSegment, UrlAuthority } from './authority';
export type { BaseMode, ControlledAuthority, PathSegment, UrlVerdict } from './authority';
export { hostRegexProblem, judgeHostChecks, urlRegexProblem } from './host-checks';
export { judgeSink, missingRedirectPolicy } from './judge';
export type { ControlledRequest, SinkVerdict, SsrfJudgeOptions } from './judge';
export { controllerUrlAnalyzer, urlInputAnalyzer } from './input';
export { extraSinks, httpClientSinks, sinkOfCall } from './sinks';
export type { SsrfSink } from './sinks';
export { importedSsrfWrapper, importedWrapperCalls, isImportedSsrfCallee, judgeWrapperArgument, mayBeSsrfWrapper, mayReachRequest } from './wrappers';
export type { ImportedSsrfWrapper, ParameterRequests, WrapperArgumentVerdict, WrapperRequest } from './wrappers';
