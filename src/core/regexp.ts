/**
 * `text` as a literal part of a regular expression: every character with a meaning there escaped.
 * @example new RegExp(`['"]${escapeRegExp('node:fs')}['"]`) // matches 'node:fs' and "node:fs" only
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');
}
