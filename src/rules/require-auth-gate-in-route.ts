import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { analyseHandlerGate, answersOnlyConstants, globalGateFor, isAuthGuard, isOptionalAuthGuard, isPublicByDesignPath, JWT_SERVICE_DECODE, nestGuardDeclared, pathWithComputedPrefix, routeAcrossFiles, unverifiedTokenDecodes } from '../analysis/auth/index';
import type { AuthVocabulary, HandlerGate } from '../analysis/auth/index';
import { DevOnlyBranches } from '../analysis/errors/index';
import { createRule } from '../core/create-rule';
import { bindingState, importText, insertImport, moduleSyntaxOf } from '../core/imports';
import { indentOf, lineBreakOf } from '../core/layout';
import { parseNameSpec } from '../core/name-specs';
import { snippet } from '../core/snippet';
import { normalizedFilename } from '../core/functions';
import { compileGlobs } from '../core/globs';
import type { GlobList } from '../core/globs';
import { isIdentifierPath, NAME_LIST_SCHEMA } from '../core/option-schemas';
import { configKey, perConfiguration } from '../core/settings';
import { ADAPTER_NAMES, ROUTE_CANDIDATE_SELECTOR, getRoutes, isRouteCandidate } from '../frameworks/registry';
import type { Route } from '../frameworks/types';
import type { FunctionLike } from '../core/functions';
import { PUBLIC_FILE_GLOBS, PUBLIC_PATH_PREFIXES, PUBLIC_PATHS } from '../data/auth-vocabulary';
import { isTestCode } from '../project/index';

/** URL paths public by design under each prefix (`/api/v1/health`), then file globs of file-routed frameworks. */
export const DEFAULT_PUBLIC_ROUTES: readonly string[] = [
  ...PUBLIC_PATHS.flatMap((path) => PUBLIC_PATH_PREFIXES.map((prefix) => `${prefix}${path}`)),
  ...PUBLIC_FILE_GLOBS,
];

const PUBLIC_COMMENT = /^\s*agent-guard:\s*public-route\b(.*)$/u;

export type Options = [
  {
    authFunctions?: string[];
    authMiddleware?: string[];
    publicRoutes?: string[];
    globalAuth?: string[];
    allowPublicGet?: boolean;
    checkPublicQueries?: boolean;
    frameworks?: string[];
  },
];
export type MessageIds = 'missingGate' | 'sessionUnchecked' | 'gateDoesNotStop' | 'gateAfterResponse' | 'unverifiedToken' | 'publicReasonMissing' | 'insertGate' | 'insertGateWithImport' | 'markPublic';

export default createRule<Options, MessageIds>({
  name: 'require-auth-gate-in-route',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an explicit authentication gate in every HTTP route handler',
      recommended: 'warn',
      strictOptions: [{ checkPublicQueries: true }],
    },
    hasSuggestions: true,
    messages: {
      missingGate:
        '{{route}} ({{framework}}) has no authentication gate: no auth middleware or guard before it, no session or identity check before its first response, no auth wrapper. Add one, or mark the route `// agent-guard: public-route <reason>`.',
      sessionUnchecked:
        '{{route}} ({{framework}}) calls `{{call}}` but never checks the result, so anonymous requests go through. Return 401 or redirect when there is no session.',
      gateDoesNotStop:
        '{{route}} ({{framework}}) calls `{{call}}`, which answers {{answer}} but does not stop the handler, so the rest of it runs for anonymous requests too. Make the helper throw, or have it return whether the caller may go on and return when it may not.',
      gateAfterResponse:
        '{{route}} ({{framework}}) answers the request before its authentication check: everything before the check is public. Move the check to the top of the handler.',
      unverifiedToken:
        '`{{call}}` ({{library}}) reads the token from the request without checking its signature, and nothing in this function verifies it: anyone can write a token that passes, so no check of what it returns authenticates the caller. Verify it instead (`jwt.verify(token, secret)`, jose `jwtVerify`).',
      publicReasonMissing: 'Say why {{route}} is public: `// agent-guard: public-route <reason>`.',
      insertGate: 'Call `{{gate}}` at the top of the handler.',
      insertGateWithImport: 'Import `{{gate}}` from `{{module}}` and call it at the top of the handler.',
      markPublic: 'Mark {{route}} as public with an `agent-guard: public-route` comment, then replace its TODO with the reason.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          authFunctions: { ...NAME_LIST_SCHEMA, description: 'Gate functions called in handlers (names or `module#export`), added to `settings["agent-guard"].auth.functions`.' },
          authMiddleware: { ...NAME_LIST_SCHEMA, description: 'Middleware and guards that authenticate (names or `module#export`), added to `settings["agent-guard"].auth.middleware`.' },
          publicRoutes: { ...NAME_LIST_SCHEMA, description: 'Globs of URL paths (starting with `/`) or files that are public by design, added to the defaults.' },
          globalAuth: { ...NAME_LIST_SCHEMA, description: 'Globs of URL paths or files protected by a gate declared elsewhere (a root middleware, a global guard).' },
          allowPublicGet: { type: 'boolean', description: 'Do not report GET and HEAD routes.' },
          checkPublicQueries: { type: 'boolean', description: 'Also report tRPC queries and subscriptions (reads) without a gate; by default only mutations are.' },
          frameworks: { type: 'array', items: { type: 'string', enum: [...ADAPTER_NAMES] }, uniqueItems: true, description: 'Only check routes of these frameworks.' },
        },
      },
    ],
    defaultOptions: [{ authFunctions: [], authMiddleware: [], publicRoutes: [], globalAuth: [], allowPublicGet: false, checkPublicQueries: false, frameworks: [] }],
  },
  create(context, [options]) {
    // Test code is not deployed: its servers, queries and requests are test scaffolding.
    if (isTestCode(context)) {
      return {};
    }
    const candidates: TSESTree.CallExpression[] = [];
    const serviceDecodes: TSESTree.CallExpression[] = [];
    return {
      [ROUTE_CANDIDATE_SELECTOR](node: TSESTree.CallExpression) {
        if (isRouteCandidate(node)) {
          candidates.push(node);
        }
      },
      [JWT_SERVICE_DECODE](node: TSESTree.CallExpression) {
        serviceDecodes.push(node);
      },
      'Program:exit'() {
        const routes = getRoutes(context, candidates);
        if (routes.length > 0) {
          checkRoutes(context, options, routes);
        }
        checkTokenDecodes(context, options, serviceDecodes);
      },
    };
  },
});

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** What the rule derives from the settings and its options: built once per configuration, not per file (lists can be long). */
interface Policy {
  readonly globalGuard: boolean;
  readonly vocab: AuthVocabulary;
  readonly publicGlobs: GlobList;
  readonly protectedGlobs: GlobList;
  /** The gate functions a `missingGate` suggestion may insert: dotted identifiers that parse as a callee, at most three. */
  readonly gateNames: readonly GateName[];
}

/** A gate a suggestion may call: `requireUser`, `auth.requireUser`, or an export of a module (`@acme/auth#requireUser`) to import first. */
interface GateName {
  /** The callee text (`requireUser`, `auth.check`). */
  readonly call: string;
  /** The module and export to import the callee's first segment from, when the settings name one. */
  readonly from: { readonly module: string; readonly exported: string } | null;
}

const MAX_GATE_SUGGESTIONS = 3;

/** The gates of `functions` a suggestion can write, first three distinct callees: `name`, `dotted.name`, `module#export` (not `module#default`). */
function gateNamesOf(functions: readonly string[]): GateName[] {
  const names: GateName[] = [];
  for (const entry of functions) {
    if (names.length === MAX_GATE_SUGGESTIONS) {
      break;
    }
    const spec = parseNameSpec(entry);
    const gate = spec.module === null
      ? (isIdentifierPath(entry) ? { call: entry, from: null } : null)
      : (isIdentifierPath(spec.name) && spec.name !== 'default' && !spec.name.startsWith('default.') && !/[\r\n]/u.test(spec.module)
        ? { call: spec.name, from: { module: spec.module, exported: spec.name.split('.')[0]! } }
        : null);
    if (gate && !names.some((name) => name.call === gate.call)) {
      names.push(gate);
    }
  }
  return names;
}

const POLICY = configKey<Policy>('require-auth-gate-in-route policy');

function policyOf(context: Context, options: Options[0]): Policy {
  return perConfiguration(context, options, POLICY, ({ auth }) => {
    const functions = [...auth.functions, ...(options.authFunctions ?? [])];
    return {
      globalGuard: auth.globalGuard,
      vocab: { functions, middleware: [...auth.middleware, ...(options.authMiddleware ?? [])], wrappers: auth.wrappers, procedures: auth.procedures },
      publicGlobs: compileGlobs([...DEFAULT_PUBLIC_ROUTES, ...auth.publicRoutes, ...(options.publicRoutes ?? [])]),
      protectedGlobs: compileGlobs([...auth.protectedPaths, ...(options.globalAuth ?? [])]),
      gateNames: gateNamesOf(functions),
    };
  });
}

/**
 * A token of the request decoded without its signature checked, in a handler, middleware or guard
 * that verifies nothing (`jwt.decode(token)` then `if (!payload) return res.sendStatus(401)`): the
 * check it feeds is no gate. Not where the project declares every route gated elsewhere.
 */
function checkTokenDecodes(context: Context, options: Options[0], serviceDecodes: readonly TSESTree.CallExpression[]): void {
  const found = unverifiedTokenDecodes(context, serviceDecodes);
  if (found.length === 0) {
    return;
  }
  const { globalGuard, protectedGlobs } = policyOf(context, options);
  if (globalGuard || protectedGlobs.matchesFile(normalizedFilename(context))) {
    return;
  }
  for (const { call, library } of found) {
    context.report({ node: call, messageId: 'unverifiedToken', data: { call: snippet(context.sourceCode, call.callee, 40), library } });
  }
}

function checkRoutes(context: Context, options: Options[0], routes: readonly Route[]): void {
  const { globalGuard, vocab, publicGlobs, protectedGlobs, gateNames } = policyOf(context, options);
  if (globalGuard) {
    return;
  }
  const filename = normalizedFilename(context);
  if (protectedGlobs.matchesFile(filename)) {
    return;
  }
  const frameworks = options.frameworks ?? [];
  const reasonless = new Set<TSESTree.Comment>();
  let devOnly: DevOnlyBranches | null = null;
  for (const route of routes) {
    if (frameworks.length > 0 && !frameworks.includes(route.framework)) {
      continue;
    }
    // `if (isDev) app.post('/test-webhook', …)`: a route registered only in development does not exist in
    // production. Only a test that names development: `NODE_ENV !== 'production'` holds where it is unset.
    if ((devOnly ??= new DevOnlyBranches(context, [], false)).isDevOnly(route.node)) {
      continue;
    }
    if (isPublic(context, route, publicGlobs, filename, reasonless) || matchesPath(protectedGlobs, route.path)) {
      continue;
    }
    if (!options.checkPublicQueries && (route.method === 'QUERY' || route.method === 'SUBSCRIPTION')) {
      continue;
    }
    const read = /^(?:GET|HEAD)(?:\/(?:GET|HEAD))*$/u.test(route.method);
    // `app.get('/articles', auth.optional, …)`: a read that identifies callers when it can is public by design.
    if ((options.allowPublicGet && read) || (read && route.guards.some(isOptionalAuthGuard))) {
      continue;
    }
    // A guard inferred from a `@Public()` marker in the file stands only while the project cannot
    // be read; read, an app without any app-wide guard leaves the marker proving nothing.
    const inferred = route.guards.some((guard) => guard.via === 'global');
    if ((inferred && nestGuardDeclared(context) !== false) || route.guards.some((guard) => guard.via !== 'global' && isAuthGuard(context, guard, vocab))) {
      continue;
    }
    let verdicts = route.handlers.map((fn) => analyseHandlerGate(context, fn, vocab));
    if (verdicts.some((verdict) => verdict.kind === 'gated')) {
      continue;
    }
    // Only now, for a route this file alone would report or cannot judge: read the other files,
    // first the project-level gate (middleware.ts, hooks.server.ts, APP_GUARD) that runs before it.
    if (globalGateFor(context, route)) {
      continue;
    }
    // `GET /` is the home page, public unless its handler tries a gate (`checkLogged(req, res)`
    // redirecting without a `return`): then the failed attempt is reported.
    const isPublicPath = (path: string | null, judged: readonly HandlerGate[]): boolean =>
      (path === '/' && read && !triesGate(judged)) || matchesPath(publicGlobs, path) || (path !== null && isPublicByDesignPath(path, read)) || matchesPath(protectedGlobs, path);
    const across = routeAcrossFiles(context, route, vocab, isPublicPath);
    if (across.kind === 'gated' || (across.kind === 'unknown' && route.handlers.length === 0)) {
      // An imported handler that cannot be read: its body, and any gate in it, is not visible.
      continue;
    }
    // A route whose handlers only answer constants has nothing a gate would protect: `GET /ping`
    // answering `{ ok: true }`, a fixed redirect, a stub. Middleware of its own may do the work.
    const judged = across.kind === 'open' ? across.handlers : route.handlers;
    if (answersNothingToProtect(route, judged)) {
      continue;
    }
    let label = route.label;
    let handler = route.handlers.at(-1) ?? null;
    let framework = route.framework;
    if (across.kind === 'open') {
      verdicts = [...across.verdicts];
      label = across.label;
      handler = across.handler;
      // The other file that decided the report, named beside the framework: `(express; mounted in app.js without an auth gate)`.
      framework = [route.framework, ...across.details].join('; ');
    }
    const data = { route: label, framework };
    const unchecked = verdicts.find((v): v is Extract<HandlerGate, { kind: 'unchecked' }> => v.kind === 'unchecked');
    const late = verdicts.find((v): v is Extract<HandlerGate, { kind: 'late' }> => v.kind === 'late');
    const goesOn = verdicts.find((v): v is Extract<HandlerGate, { kind: 'goesOn' }> => v.kind === 'goesOn');
    if (late) {
      context.report({ node: route.node, messageId: 'gateAfterResponse', data });
    } else if (unchecked) {
      // A call in an imported handler is reported at the registration.
      const node = handler ? unchecked.call : route.node;
      context.report({ node, messageId: 'sessionUnchecked', data: { ...data, call: `${unchecked.name}()` } });
    } else if (goesOn) {
      const answer = goesOn.answer === 'redirect' ? 'with a redirect' : goesOn.answer === 'response' ? 'the request' : `with ${goesOn.answer}`;
      context.report({ node: handler ? goesOn.call : route.node, messageId: 'gateDoesNotStop', data: { ...data, call: `${goesOn.name}()`, answer } });
    } else {
      context.report({
        node: route.node,
        messageId: 'missingGate',
        data,
        suggest: [...(handler ? gateSuggestions(context, gateNames, route, handler) : []), markPublicSuggestion(context, route)],
      });
    }
  }
}

/**
 * Every handler of the route (read in this file or another) only answers with constants
 * (`answersOnlyConstants`), and nothing of the route's own runs before them: no middleware,
 * hook, wrapper, decorator or procedure builder (`upload.single('file')` stores the upload
 * whatever the handler answers). Router-level middleware (`router.use(express.json())`) serves
 * every route of the router alike.
 */
function answersNothingToProtect(route: Route, handlers: readonly FunctionLike[]): boolean {
  return handlers.length > 0 && route.guards.every((guard) => guard.via === 'router' || guard.via === 'global') && handlers.every(answersOnlyConstants);
}

function matchesPath(globs: GlobList, path: string | null): boolean {
  return path !== null && globs.matchesPath(path);
}

/** The handler tries a gate, or reads the session, without it stopping anonymous requests. */
function triesGate(verdicts: readonly HandlerGate[]): boolean {
  return verdicts.some((verdict) => verdict.kind === 'goesOn' || verdict.kind === 'unchecked' || verdict.kind === 'late');
}

/** Public by path, by file, by the framework's marker, or by an `agent-guard: public-route` comment (reported when it gives no reason). */
function isPublic(context: Context, route: Route, globs: GlobList, filename: string, reasonless: Set<TSESTree.Comment>): boolean {
  // The home page (`GET /`) is judged with the handler's verdicts (`isPublicPath` in `checkRoutes`):
  // public unless its handler tries a gate that does not stop the request.
  const read = /^(?:GET|HEAD)(?:\/(?:GET|HEAD))*$/u.test(route.method);
  // Sign-in endpoints at any depth (`/merchants/register`), API descriptions, Open Graph images: `isPublicByDesignPath`.
  // A computed prefix (`${apiRoot}/openapi.json`) leaves the written tail to judge.
  const judged = route.path ?? pathWithComputedPrefix(route);
  const byDesign = judged !== null && isPublicByDesignPath(judged, read);
  // CORS preflights: browsers send them without credentials, so a gate there breaks the API it guards.
  const preflight = route.method === 'OPTIONS';
  if (route.publicMarker || byDesign || preflight || matchesPath(globs, route.path) || (route.fileRouted && globs.matchesFile(filename))) {
    return true;
  }
  const comments = [...context.sourceCode.getCommentsBefore(route.statement), ...context.sourceCode.getCommentsBefore(route.node)];
  for (const comment of comments) {
    const match = PUBLIC_COMMENT.exec(comment.value.replace(/^\*+/u, ''));
    if (match) {
      // One report per comment, however many routes its statement registers (`route('/x').get().post()`).
      if (match[1]!.replace(/^[\s:—–-]+/u, '').trim() === '' && !reasonless.has(comment)) {
        reasonless.add(comment);
        context.report({ loc: comment.loc, messageId: 'publicReasonMissing', data: { route: route.label } });
      }
      return true;
    }
  }
  return false;
}

/**
 * The request-like value to hand a gate function: the first parameter (`req`, `ctx`, `c`,
 * `event`), `request` from a destructured `({ request })`; nothing for Server Actions, whose
 * parameters are client data.
 */
function gateArgument(route: Route, fn: FunctionLike): string {
  if (route.method === 'ACTION' && route.framework === 'next') {
    return '';
  }
  const first = fn.params[0];
  const node = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  if (node?.type === AST_NODE_TYPES.Identifier) {
    return node.name;
  }
  if (node?.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && ['request', 'req', 'event', 'ctx'].includes(property.key.name) && property.value.type === AST_NODE_TYPES.Identifier) {
        return property.value.name;
      }
    }
  }
  return '';
}

/** The placeholder reason of the `markPublic` suggestion: the user must replace it with the real one. */
export const PUBLIC_ROUTE_PLACEHOLDER = 'agent-guard: public-route TODO: say why anyone may call this';

/** `// agent-guard: public-route TODO: …` on its own line before the route's statement (before a Nest method's decorators), indented like it. */
function markPublicSuggestion(context: Context, route: Route): TSESLint.SuggestionReportDescriptor<MessageIds> {
  const statement = route.statement;
  const indent = indentOf(context.sourceCode, statement);
  return {
    messageId: 'markPublic',
    data: { route: route.label },
    fix: (fixer) => fixer.insertTextBefore(statement, `// ${PUBLIC_ROUTE_PLACEHOLDER}${lineBreakOf(context.sourceCode)}${indent}`),
  };
}

/** `await requireUser(req);` at the top of the handler, for each gate function the project names. */
function gateSuggestions(context: Context, names: readonly GateName[], route: Route, fn: FunctionLike): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const arg = gateArgument(route, fn);
  const prefix = fn.async ? 'await ' : '';
  const { sourceCode } = context;
  const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
  for (const name of names) {
    const local = name.call.split('.')[0]!;
    const { from } = name;
    // Imported only when the handler does not see the name yet; never over a name bound to something else.
    const state = from ? bindingState(sourceCode.getScope(fn), local, from.module, from.exported) : 'same';
    if (state === 'other') {
      continue;
    }
    const insertCall = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix => {
      const call = `${prefix}${name.call}(${arg});`;
      if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
        const firstStatement = fn.body.body.find((s) => !(s.type === AST_NODE_TYPES.ExpressionStatement && typeof s.directive === 'string'));
        if (!firstStatement) {
          return fixer.insertTextAfterRange([fn.body.range[0], fn.body.range[0] + 1], ` ${call} `);
        }
        // `{ res.json(x); }` on one line stays on one line; otherwise the call gets its own line, indented like the statement.
        if (firstStatement.loc.start.line === fn.body.loc.start.line) {
          return fixer.insertTextBefore(firstStatement, `${call} `);
        }
        const indent = indentOf(sourceCode, firstStatement);
        return fixer.insertTextBefore(firstStatement, `${call}${lineBreakOf(sourceCode)}${indent}`);
      }
      return fixer.replaceText(fn.body, `{ ${call} return ${sourceCode.getText(fn.body)}; }`);
    };
    if (from && state === 'free') {
      const syntax = moduleSyntaxOf(sourceCode, context.filename);
      const text = importText(syntax, from.module, from.exported, local);
      suggestions.push({
        messageId: 'insertGateWithImport',
        data: { gate: name.call, module: from.module },
        fix: (fixer) => [insertImport(sourceCode, fixer, syntax, text), insertCall(fixer)],
      });
    } else {
      suggestions.push({ messageId: 'insertGate', data: { gate: name.call }, fix: insertCall });
    }
  }
  return suggestions;
}
