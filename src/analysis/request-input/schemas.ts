/** Schema methods returning the validated input (zod, yup, superstruct-style). */
export const PARSE_METHODS = new Set(['parse', 'parseAsync', 'validateSync', 'validate', 'cast', 'create']);
export const SAFE_PARSE_METHODS = new Set(['safeParse', 'safeParseAsync']);
/** Schema building calls that constrain a string to a fixed alphabet or set. */
export const CONSTRAINING_SCHEMA_CALLS = new Set([
  'regex', 'enum', 'nativeEnum', 'literal', 'uuid', 'cuid', 'cuid2', 'ulid', 'nanoid', 'number', 'int',
  'integer', 'boolean', 'bigint', 'picklist', 'matches', 'oneOf',
]);
export const OBJECT_SCHEMA_CALLS = new Set(['object', 'strictObject', 'looseObject', 'shape']);
