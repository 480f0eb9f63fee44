/** HTTP engine: timeouts of outbound requests (options objects, abort signals). The public face of `analysis/http/`: rules import from here. */
export { judgeTimeoutOptions } from './timeout-options';
export type { TimeoutOptionVerdict } from './timeout-options';
