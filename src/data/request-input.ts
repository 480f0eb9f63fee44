/**
 * Frameworks whose request input reaches a handler only through a schema that validates it, so
 * that its static type holds at run time: a tRPC procedure's `input` is parsed by `.input(schema)`,
 * and a project function that takes it as `port: number` gets a number.
 */
export const SCHEMA_VALIDATED_INPUT_FRAMEWORKS: ReadonlySet<string> = new Set(['trpc']);
