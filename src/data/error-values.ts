/**
 * Clients whose calls resolve to `{ data, error }` results instead of throwing, and the calls whose
 * `{ error }` describes the caller's input: what `analysis/errors/error-values.ts` reads. Then the
 * libraries that turn errors into answers themselves: client-facing error classes (tRPC's
 * `TRPCError` and its codes), error formatters, and web streams whose chunks reach the client.
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

/**
 * Errors a library turns into its answer to the client, message included: the class, its module,
 * the argument whose object the client sees, and the property whose code name sets the status.
 */
export interface ClientErrorClass {
  readonly module: string;
  readonly name: string;
  /** The options argument (`new TRPCError({ code, message })`). */
  readonly payload: number;
  /** Properties of the options that are not sent (`cause`, the code itself). */
  readonly ignoreProperties: readonly string[];
  /** The property naming the error code, and the HTTP status of each code. */
  readonly codeProperty: string;
  readonly statusByCode: Readonly<Record<string, number>>;
}

/** tRPC error codes and the HTTP status each answers with (tRPC's documented table). */
export const TRPC_ERROR_STATUS: Readonly<Record<string, number>> = {
  PARSE_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  PAYMENT_REQUIRED: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_SUPPORTED: 405,
  TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE_CONTENT: 422,
  TOO_MANY_REQUESTS: 429,
  CLIENT_CLOSED_REQUEST: 499,
  INTERNAL_SERVER_ERROR: 500,
  NOT_IMPLEMENTED: 501,
  BAD_GATEWAY: 502,
  SERVICE_UNAVAILABLE: 503,
  GATEWAY_TIMEOUT: 504,
};

/** The code tRPC gives every error that is not a `TRPCError` (whose message it still sends). */
export const TRPC_UNKNOWN_ERROR_CODE = 'INTERNAL_SERVER_ERROR';

/** `throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: err.message })`: tRPC sends `message` to the client. */
export const CLIENT_ERROR_CLASSES: readonly ClientErrorClass[] = [
  { module: '@trpc/server', name: 'TRPCError', payload: 0, ignoreProperties: ['cause', 'code'], codeProperty: 'code', statusByCode: TRPC_ERROR_STATUS },
];

/**
 * Error formatters: a function under this name receives `{ error, shape, … }` and returns what
 * the client gets (tRPC `initTRPC.create({ errorFormatter({ shape, error }) { … } })`), where
 * `error` is the thrown error and `shape.message` its message.
 */
export const ERROR_FORMATTER = { name: 'errorFormatter', errorKey: 'error', shapeKey: 'shape', messageKey: 'message' } as const;

/** Web streams whose controller's `enqueue()` writes to the body a client reads (`new ReadableStream({ start(controller) {…} })`). */
export const RESPONSE_STREAMS = { classes: ['ReadableStream'], modules: ['stream/web'], controllerMethods: ['start', 'pull'], sendMethod: 'enqueue' } as const;

/**
 * npm middleware that answers every error passed to `next(err)` with its stack trace, meant for
 * development only: the module and the export whose call makes the middleware (`errorhandler()`).
 */
export const DEV_ERROR_RESPONDERS: readonly { readonly module: string; readonly path: readonly string[] }[] = [
  // https://github.com/expressjs/errorhandler: "only intended to be used in a development environment"
  { module: 'errorhandler', path: [] },
];
