/**
 * Constant values: whether an expression can only produce text written in the source (literals,
 * constant tables, values forced into an allow-list, reassigned variables narrowed by checks). The
 * public face of `analysis/constant-values/`, shared by the SQL and request-input engines.
 */
export { classifyValue } from './constant-values';
export type { Derivation } from './constant-values';
export { isAllowList } from './tables';
export type { Sub } from './tables';
