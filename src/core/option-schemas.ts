/**
 * Option schemas shared by the rules, so that one kind of option is validated alike everywhere.
 * @example properties: { sinks: { ...NAME_LIST_SCHEMA, description: 'Extra query functions…' } }
 */

/** A list of `name` / `module#export` entries (the format of docs/settings.md): non-empty strings, no repeats. */
export const NAME_LIST_SCHEMA = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } as const;
