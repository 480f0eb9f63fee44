/**
 * Frameworks whose request input reaches a handler only through a schema that validates it, so
 * that its static type holds at run time: a tRPC procedure's `input` is parsed by `.input(schema)`,
 * and a project function that takes it as `port: number` gets a number.
 */
export const SCHEMA_VALIDATED_INPUT_FRAMEWORKS: ReadonlySet<string> = new Set(['trpc']);

/**
 * class-validator decorators that leave a DTO property no room for a path or a command: numbers,
 * booleans, identifiers made of letters, digits and `-`, and the constants of an enum. `IsIn`
 * (a list of constants) and `Matches` (an allow-list pattern) are judged by their arguments.
 */
export const CLASS_VALIDATOR_CONSTRAINTS: ReadonlySet<string> = new Set([
  'IsUUID',
  'IsInt',
  'IsNumber',
  'IsNumberString',
  'IsPositive',
  'IsNegative',
  'IsDecimal',
  'IsPort',
  'IsBoolean',
  'IsBooleanString',
  'IsMongoId',
  'IsHexadecimal',
  'IsAlphanumeric',
  'IsAlpha',
  'IsEnum',
]);

/** The uses of NestJS's `ValidationPipe`, without which class-validator decorators check nothing: `new ValidationPipe(…)`, `@UsePipes(ValidationPipe)`, `useClass: ValidationPipe`. */
export const NEST_VALIDATION_PIPE_TEXT = /\bnew\s+ValidationPipe\b|\bUsePipes\(\s*ValidationPipe\b|\buseClass\s*:\s*ValidationPipe\b/u;
