/** Request-input engine: what a value derives from client input, and which checks make it safe. The public face of `analysis/request-input/`: rules import from here. */
export { pathFunctionName } from './path-functions';
export { getRequestInputAnalyzer, getRequestInputOrigin } from './tracker';
