/**
 * Clients whose calls resolve to `{ data, error }` results instead of throwing, and the calls whose
 * `{ error }` describes the caller's input: what `analysis/errors/error-values.ts` reads.
 */

/** Callees whose `{ error }` reports input the client sent, not a server fault (zod, Joi, yup, valibot). */
export const VALIDATION_CALLS: ReadonlySet<string> = new Set([
  'safeParse',
  'safeParseAsync',
  'spa',
  'parse',
  'parseAsync',
  'validate',
  'validateAsync',
  'validateSync',
  'safeValidate',
]);

/** Names (any case, as a part of the name) a `{ data, error }` client is reached by: `supabase`, `supabaseAdmin`, `locals.supabase`. */
export const RESULT_CLIENT_NAMES: readonly string[] = ['supabase'];

/** Query-builder calls of `{ data, error }` clients (`.from('t').select()`, `.rpc('f')`). */
export const RESULT_CLIENT_CALLS: ReadonlySet<string> = new Set(['from', 'rpc']);
