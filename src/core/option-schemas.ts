/**
 * Option schemas shared by the rules, so that one kind of option is validated alike everywhere.
 * @example properties: { sinks: { ...NAME_LIST_SCHEMA, description: 'Extra query functions…' } }
 */

/** A list of `name` / `module#export` entries (the format of docs/settings.md): non-empty strings, no repeats. */
export const NAME_LIST_SCHEMA = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } as const;

/** Words that cannot start a call's callee in a strict-mode module (`new(req)` and `typeof(req)` parse as something else, `class(req)` not at all). */
const RESERVED_WORDS = [
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in', 'instanceof', 'interface',
  'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return', 'static', 'super', 'switch', 'throw', 'true',
  'try', 'typeof', 'var', 'void', 'while', 'with', 'yield',
];

/**
 * A dotted path of ASCII identifiers whose first name is not a reserved word (later ones may be:
 * `logger.delete` is a property), as a JSON-schema `pattern`: what a suggestion can insert as a
 * callee (`logger.error`, `this.auth.check`).
 */
export const IDENTIFIER_PATH_PATTERN = `^(?!(?:${RESERVED_WORDS.join('|')})(?:\\.|$))[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)*$`;
const IDENTIFIER_PATH = new RegExp(IDENTIFIER_PATH_PATTERN, 'u');

/** Whether a settings or options entry can be inserted as the callee of a call (see `IDENTIFIER_PATH_PATTERN`). */
export function isIdentifierPath(text: string): boolean {
  return IDENTIFIER_PATH.test(text);
}
