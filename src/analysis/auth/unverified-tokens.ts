import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { pushChildNodes } from '../../core/ast';
import type { FileContext } from '../../core/context';
import { enclosingFunction, isFunctionLike } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { importsModule, iterateModuleReferences } from '../../core/modules';
import { calleeName } from '../../core/name-specs';
import { unwrapExpression } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { TOKEN_VERIFIER_NAME, UNVERIFIED_TOKEN_DECODERS } from '../../data/auth';
import { findEnclosingHandler } from '../../frameworks/registry';
import { getRequestInputAnalyzer } from '../request-input/index';
import { nextMiddlewareRunsOn } from './global-gates/index';

/**
 * Tokens read from the request and decoded without their signature checked: `jwt.decode(token)`
 * (jsonwebtoken), jose's `decodeJwt`, `jwtDecode` (jwt-decode), or `.decode()` of a JWT service
 * (`this.jwtService.decode`, `fastify.jwt.decode`), in a handler, middleware or guard that calls no
 * verifier. What they return is whatever the client wrote, so a check of it (`if (!payload) return
 * res.sendStatus(401)`) lets anyone in who writes a token: no authentication gate. A function that
 * also verifies (`jwt.verify`, `jwtVerify`, `request.jwtVerify()`, any call named for verifying,
 * validating or authenticating) reads the header before the check (`kid`) and is left alone, and so
 * is a token that does not come from the request (an ID token from the provider's token endpoint,
 * whose TLS answer vouches for it).
 */

/** One decode of a request's token that nothing verifies. */
export interface UnverifiedTokenDecode {
  readonly call: TSESTree.CallExpression;
  /** The library as the message names it (`jsonwebtoken`), or the service (`JWT service`). */
  readonly library: string;
}

/** Parameters that hold the request (or a context holding it). */
const REQUEST_PARAMETERS = new Set(['req', 'request', 'ctx', 'c', 'event', 'context']);
/** Calls that read the request of Next.js and SvelteKit handlers: `cookies().get('token')`, `headers().get('authorization')`. */
const REQUEST_READERS = new Set(['cookies', 'headers', 'getCookie', 'getHeader', 'getRequestHeader']);
/** A function named for taking the token out of a request: `getToken(req)`, `extractBearer(req)`, `readAuthHeader(req)`. */
const TOKEN_EXTRACTOR = /token|bearer|auth|cookie|header|jwt/iu;
/** A path of an API route, asked of a Next.js middleware's matcher. */
const API_PROBE = '/api/agent-guard-probe';
/** Nested `const` values followed back to the request. */
const MAX_HOPS = 4;
/** A JWT service's object by name: `this.jwtService`, `fastify.jwt`, `app.jwt`. */
const JWT_SERVICE = /jwt/iu;

/** The `.decode()` calls on a JWT service, which the module tracker does not see (an injected field, a plugin's decorator). */
export const JWT_SERVICE_DECODE = 'CallExpression[callee.type="MemberExpression"][callee.property.name="decode"]';

/**
 * The decodes of `calls` (the JWT-service candidates the rule collected) and of the decoder
 * modules the file imports, that read a token from the request in a function that verifies none.
 */
export function unverifiedTokenDecodes(context: FileContext, serviceCalls: readonly TSESTree.CallExpression[]): UnverifiedTokenDecode[] {
  const candidates: UnverifiedTokenDecode[] = [];
  if (importsModule(context, (specifier) => Object.hasOwn(UNVERIFIED_TOKEN_DECODERS, specifier))) {
    for (const reference of iterateModuleReferences(context, UNVERIFIED_TOKEN_DECODERS)) {
      if (reference.kind === 'call') {
        candidates.push({ call: reference.node as TSESTree.CallExpression, library: reference.info });
      }
    }
  }
  for (const call of serviceCalls) {
    const object = call.callee.type === AST_NODE_TYPES.MemberExpression ? calleeName(call.callee.object) : null;
    if (object !== null && JWT_SERVICE.test(object.split('.').at(-1) ?? '') && !candidates.some((found) => found.call === call)) {
      candidates.push({ call, library: 'JWT service' });
    }
  }
  // A Next.js middleware that runs on pages only (`matcher: '/((?!api|_next).*)'`) decodes the
  // token to choose a redirect: the pages' data comes from API routes that check for themselves.
  if (candidates.length === 0 || nextMiddlewareRunsOn(context, API_PROBE) === false) {
    return [];
  }
  return candidates.filter(({ call }) => {
    const fn = enclosingFunction(call);
    const token = call.arguments[0];
    return fn !== null && token !== undefined && token.type !== AST_NODE_TYPES.SpreadElement && servesRequests(context, fn, call) && !callsVerifier(context, fn) && fromRequest(context, fn, token);
  });
}

/** A handler, middleware or guard: a framework's handler, or a function whose first parameter names the request. */
function servesRequests(context: FileContext, fn: FunctionLike, call: TSESTree.Node): boolean {
  const first = fn.params[0];
  if (first?.type === AST_NODE_TYPES.Identifier && REQUEST_PARAMETERS.has(first.name)) {
    return true;
  }
  return findEnclosingHandler(context, call)?.fn === fn;
}

/** Whether `fn` makes a call named for verifying, validating or authenticating (`jwt.verify`, `jwtVerify`, `request.jwtVerify()`). */
function callsVerifier(context: FileContext, fn: FunctionLike): boolean {
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(unwrapExpression(node.callee));
      if (name !== null && TOKEN_VERIFIER_NAME.test(name.split('.').at(-1) ?? '')) {
        return true;
      }
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  return false;
}

/**
 * Whether the token is read from the request: request input as the request-input tracker knows it
 * (every framework's request, headers and cookies), or, beyond what the tracker follows, see
 * `readsRequestParameter`.
 */
function fromRequest(context: FileContext, fn: FunctionLike, token: TSESTree.Node): boolean {
  return getRequestInputAnalyzer(context).classify(token).kind === 'input' || readsRequestParameter(context, fn, token, 0);
}

/**
 * What the tracker does not follow: a value read from the request parameter of `fn` through calls
 * it does not know, a guard's request taken from its execution context
 * (`context.switchToHttp().getRequest().headers`), a function named for taking the token out
 * (`getBearerToken(req)`), or a request reader (`cookies().get('token')`), directly or through the
 * values of the variables it reads.
 */
function readsRequestParameter(context: FileContext, fn: FunctionLike, value: TSESTree.Node, hops: number): boolean {
  const first = fn.params[0];
  const requestName = first?.type === AST_NODE_TYPES.Identifier ? first.name : null;
  const stack: TSESTree.Node[] = [value];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isFunctionLike(node)) {
      continue;
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      if (node.name === requestName) {
        return true;
      }
      const variable = variableFor(context, node);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (def?.type === 'Parameter' && isFunctionLike(def.node) && def.node !== fn && def.node.params[0] === def.name && REQUEST_PARAMETERS.has(node.name)) {
        return true;
      }
      const init = def?.type === 'Variable' ? def.node.init : null;
      if (init && hops < MAX_HOPS && readsRequestParameter(context, fn, init, hops + 1)) {
        return true;
      }
      continue;
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(unwrapExpression(node.callee));
      if (name !== null && REQUEST_READERS.has(name)) {
        return true;
      }
      // What a call returns comes from its receiver (`header.split(' ')[1]`), or from its arguments
      // only when the function is named for taking a token out of them (`getBearerToken(req)`): the
      // answer of a request made with the caller's input (`fetch(TOKEN_URL, { body: req.query.code })`)
      // is no token the caller wrote.
      stack.push(node.callee);
      if (node.callee.type === AST_NODE_TYPES.Identifier && TOKEN_EXTRACTOR.test(node.callee.name)) {
        stack.push(...node.arguments);
      }
      continue;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
      stack.push(node.object);
      continue;
    }
    pushChildNodes(context.sourceCode, node, stack);
  }
  return false;
}
