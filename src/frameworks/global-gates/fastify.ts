/**
 * Fastify project-level gates: `@fastify/autoload` with `autoHooks: true` registers the hooks of a
 * routes folder's `autohooks` file for the routes loaded from that folder, and with
 * `cascadeHooks: true` for its subfolders too. A hook refuses by answering 401/403
 * (`reply.unauthorized()` of `@fastify/sensible`, `reply.code(401).send()`) or by throwing.
 */

/** The hooks file of a routes folder, by the extensions autoload loads. */
export const FASTIFY_AUTOHOOKS_FILES: readonly string[] = ['autohooks.ts', 'autohooks.js', 'autohooks.mjs', 'autohooks.cjs', 'autohooks.mts', 'autohooks.cts'];

/** The autoload options that turn hooks files on, and make them cover subfolders (read in the project's text). */
export const FASTIFY_AUTOHOOKS_OPTION = /\bautoHooks\s*:\s*true\b/u;
export const FASTIFY_CASCADE_OPTION = /\bcascadeHooks\s*:\s*true\b/u;

/** The folder autoload is conventionally pointed at: the URL prefix of a route is its folder's path below it. */
export const FASTIFY_ROUTES_FOLDER = 'routes';

/** Hooks that run before the handler and can end the request. */
export const FASTIFY_GATE_HOOKS: ReadonlySet<string> = new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']);

/** `@fastify/sensible` reply methods that answer 401/403 by themselves. */
export const FASTIFY_REFUSING_REPLY_METHODS: ReadonlySet<string> = new Set(['unauthorized', 'forbidden']);

/** Fastify's status setter (`reply.code(401).send()`), beside `status`. */
export const FASTIFY_STATUS_SETTERS: ReadonlySet<string> = new Set(['code']);
