/** SQL engine: SQL sinks, how their text is built, and placeholder rewrites. The public face of `analysis/sql/`: rules import from here. */
export { isMigrationFile } from './migrations';
export { parameterizeCall } from './placeholders';
export { findSqlSinkCalls, getSqlKindResolver, sqlSinkCallFilter, sqlStringBuildOptions } from './sinks';
export type { SqlSinkCall } from './sinks';
export { analyzeStringBuild, approximateText } from './string-building';
export type { ValuePiece } from './string-building';
export { looksLikeSql, looksLikeSqlStatement } from './text';
