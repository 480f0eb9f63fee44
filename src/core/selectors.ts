import { escapeRegExp } from './regexp';

/**
 * An esquery selector for calls of a method named one of `names` (`x.get(…)`, `a.b.query(…)`),
 * so that ESLint skips every other call before a rule's listener runs; the listener still makes
 * its exact test (receiver, computed keys, arguments). Callees behind a TypeScript wrapper or in
 * parentheses with an optional chain (`(x.get as F)(…)`, `x.get!(…)`, `(x?.get)(…)`) match too,
 * as the rules look through them.
 * @example methodCallSelector(['get', 'post']) // matches app.get('/', h), not get('/')
 */
export function methodCallSelector(names: Iterable<string>): string {
  const alternatives = [...new Set(names)].map(escapeRegExp).join('|');
  return `CallExpression[callee.property.name=/^(?:${alternatives})$/], ${WRAPPED_CALLEE}`;
}

/** Calls whose callee is wrapped (`TSAsExpression`, `TSNonNullExpression`, `ChainExpression`…). */
const WRAPPED_CALLEE = 'CallExpression[callee.expression]';

/** Calls of a plain name (`query(…)`) and of a method named one of `names`, wrapped or not. */
export function namedOrMethodCallSelector(names: Iterable<string>): string {
  return `CallExpression[callee.type="Identifier"], ${methodCallSelector(names)}`;
}
