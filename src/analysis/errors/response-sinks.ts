import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { CONTEXT_RESPONSES, getParamRole, RESPONSE_INDEX } from '../../frameworks/registry';
import type { ResponseCall, ViewLocals } from '../../frameworks/types';
import { errorFormatterPattern, errorHandlerRoles } from './handler-roles';
import { hasDirective, isFunctionLike, returnedValues, textIncludes } from '../../core/functions';
import { resolveCallTarget } from '../../core/modules';
import { compileNameSpecs, matchCallTarget, matchWrittenName } from '../../core/name-specs';
import type { NameSpecList } from '../../core/name-specs';
import { findObjectProperty, skipTsWrappers } from '../../core/static';
import { memberName, outerExpression, pushChildNodes, staticCalleeName } from '../../core/ast';
import { CLIENT_ERROR_CLASSES, ERROR_FORMATTER, RESPONSE_STREAMS } from '../../data/error-values';
import { variableFor } from '../../core/variable-index';
import type { FileContext } from '../../core/context';
import { perFile, perFileKey } from '../../core/context';
import type { FunctionLike } from '../../core/functions';


/** One payload of a response: an expression sent to the client. */
export interface ResponsePayload {
  readonly node: TSESTree.Node;
  /** Top-level properties of an object-literal payload that are not sent (`cause`). */
  readonly ignoreProperties: readonly string[];
}

/** A place where a server sends data to the client. */
export interface ResponseSink {
  /** The call, `new`, assignment or `return` that sends. */
  readonly node: TSESTree.Node;
  readonly payloads: readonly ResponsePayload[];
  /** The status expression or fixed code the response is sent with; `null` when none is given. */
  readonly status: { readonly node: TSESTree.Node } | { readonly code: number } | null;
  /** How the sink reads in a message: `res.json()`, `ctx.body`, `NextResponse.json()`. */
  readonly label: string;
  /** The response object of method and property sinks (`res`), for status look-ups. */
  readonly response: TSESTree.Node | null;
}

/** Decides whether a function parameter is a response object by its handler role (framework adapters). */
export type ResponseParamPredicate = (fn: FunctionLike, index: number) => boolean;

/** The callee's name is what `staticCalleeName` says: an identifier or a non-computed member (`res.json`). */
function isStaticallyNamed(callee: TSESTree.Node): boolean {
  const node = skipTsWrappers(callee);
  return node.type !== AST_NODE_TYPES.MemberExpression || !node.computed;
}

function isExported(fn: FunctionLike): boolean {
  let node: TSESTree.Node = fn;
  if (node.parent?.type === AST_NODE_TYPES.VariableDeclarator) {
    node = node.parent.parent;
  }
  return node.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || node.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

/**
 * Why a value is taken for a response: its role (a handler's response parameter, a factory's
 * result), or only its conventional parameter name, which counts with that name's members.
 */
type ResponseEvidence = { readonly byRole: true } | { readonly name: string };
const BY_ROLE: ResponseEvidence = { byRole: true };

export interface ResponseSinkOptions {
  /** Extra sinks: `object.method` (receiver text) or `module#export.path` patterns. */
  readonly extraSinks: readonly string[];
  /** Handler-role knowledge; defaults to the framework adapters' handler discovery. */
  readonly isResponseParam?: ResponseParamPredicate;
  /**
   * Parameters of a helper that its caller passes a response (`sendError(res, err)` with the
   * caller's own `res`): responses by role inside that helper, whatever their names.
   */
  readonly responseParams?: { readonly fn: FunctionLike; readonly indices: readonly number[] };
}

const ALIASES = perFileKey<ReadonlySet<string>>('aliased response calls');

/**
 * Local names of the file's imports that rename a sending export (`import { error as httpError }
 * from '@sveltejs/kit'`, `import { TRPCError as ApiError } from '@trpc/server'`): read once per
 * file from the top-level imports.
 */
function aliasedSinkNames(context: FileContext): ReadonlySet<string> {
  return perFile(context, ALIASES, () => {
    const names = new Set<string>();
    for (const statement of context.sourceCode.ast.body) {
      if (statement.type !== AST_NODE_TYPES.ImportDeclaration) {
        continue;
      }
      for (const specifier of statement.specifiers) {
        const imported = specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : null;
        if (imported !== null && imported !== specifier.local.name && (RESPONSE_INDEX.callNames.has(imported) || ERROR_CLASSES_BY_NAME.has(imported))) {
          names.add(specifier.local.name);
        }
      }
    }
    return names;
  });
}

/** Per compiled list of extra sinks (one per configuration): the call names, built once, not per file. */
const callNamesByExtras = new WeakMap<NameSpecList, ReadonlySet<string> | null>();

/** Names of client-facing error classes: a `new` of another name (or of no local alias of one) is never one. */
const ERROR_CLASSES_BY_NAME: ReadonlySet<string> = new Set(CLIENT_ERROR_CLASSES.map((c) => c.name));
const STREAM_CLASSES: ReadonlySet<string> = new Set(RESPONSE_STREAMS.classes);
const STREAM_MODULES: ReadonlySet<string | null> = new Set([null, ...RESPONSE_STREAMS.modules]);
const CONTROLLER_METHODS: ReadonlySet<string> = new Set(RESPONSE_STREAMS.controllerMethods);
/** Methods on a web stream that hand it on (`stream.pipeThrough(new TextEncoderStream())`). */
const STREAM_HAND_ON = new Set(['pipeThrough', 'pipeTo', 'tee']);

function sinkCallNames(extras: NameSpecList): ReadonlySet<string> | null {
  let names = callNamesByExtras.get(extras);
  if (names === undefined) {
    names = extras.hasModuleSpecs ? null : new Set([...RESPONSE_INDEX.methods.keys(), ...RESPONSE_INDEX.callNames, ...extras.lastSegments, RESPONSE_STREAMS.sendMethod]);
    callNamesByExtras.set(extras, names);
  }
  return names;
}

/**
 * Recognises response sinks of every framework's response facet: methods on response objects
 * (`res.status(500).json(body)`), property writes (`ctx.body = body`), module calls and
 * constructors (`NextResponse.json`, `new HttpException`), and Server Action returns.
 * A response object is a handler/error-handler parameter with the response role, a value
 * from a response factory, or a parameter with a conventional name used with that name's
 * methods; locals such as `const res = await fetch()` never are.
 */
export function createResponseSinkMatcher(context: FileContext, options: ResponseSinkOptions) {
  const index = RESPONSE_INDEX;
  const sourceCode = context.sourceCode;
  const extras = compileNameSpecs(options.extraSinks);
  /**
   * Every name a sending call can end in: methods (`json`), module functions and classes (`json`,
   * `HttpException`), plain extra sinks. Module extra sinks can be imported under any name, so
   * with one configured every named call is resolved.
   */
  const callNames = sinkCallNames(extras);
  const aliases = aliasedSinkNames(context);
  const fileIsAction = hasDirective(sourceCode.ast.body, index.directives);
  /** Whether the text names a directive at all: without one, no `return` can answer an action. */
  const mentionsDirective = [...index.directives].some((directive) => textIncludes(context, directive));
  const byRole: ResponseParamPredicate =
    options.isResponseParam ??
    ((fn, position) => {
      const found = getParamRole(context, fn, position);
      return found !== null && (found.role.kind === 'response' || (found.role.kind === 'request' && CONTEXT_RESPONSES.has(found.framework)));
    });
  const passed = options.responseParams;
  const isResponseParam: ResponseParamPredicate = passed ? (fn, position) => (fn === passed.fn && passed.indices.includes(position)) || byRole(fn, position) : byRole;

  return { match, isResponse, formatterSinks, errorHandlers: index.errorHandlers };

  /**
   * What the error formatters of the file return (tRPC `errorFormatter({ shape, error })`): the
   * error shape every failed call sends. Found from the file's function scopes, only in a file
   * whose text names a formatter.
   */
  function formatterSinks(): ResponseSink[] {
    if (!textIncludes(context, ERROR_FORMATTER.name)) {
      return [];
    }
    const sinks: ResponseSink[] = [];
    for (const scope of sourceCode.scopeManager?.scopes ?? []) {
      const fn = scope.block as TSESTree.Node;
      if (scope.type !== 'function' || !isFunctionLike(fn) || !errorFormatterPattern(fn)) {
        continue;
      }
      for (const value of returnedValues(context, fn)) {
        const node = value.parent?.type === AST_NODE_TYPES.ReturnStatement ? value.parent : value;
        sinks.push({ node, payloads: [{ node: value, ignoreProperties: [] }], status: null, label: `the ${ERROR_FORMATTER.name} result`, response: null });
      }
    }
    return sinks;
  }

  /** A call name a sink can have: a sending name, or a local alias of an imported one. */
  function isSinkName(name: string | null): boolean {
    return name !== null && (callNames!.has(name) || aliases.has(name));
  }

  /**
   * Whether `node` is a response object: by role (handler or error-handler parameter, factory
   * result), a parameter with a conventional response name (`res`, `reply`, `c`, `ctx`), or the
   * controller of a web stream the code sends (what a helper handed it writes to the client).
   */
  function isResponse(node: TSESTree.Node): boolean {
    const evidence = responseEvidence(node);
    return (evidence !== null && ('name' in evidence ? index.byName.has(evidence.name) : true)) || isStreamController(skipTsWrappers(node));
  }

  function match(node: TSESTree.Node): ResponseSink | null {
    switch (node.type) {
      case AST_NODE_TYPES.CallExpression:
        // Most calls of a file are named like no sink: rule them out by name before any scope
        // work. (A computed callee, `res[method]()`, has no name here and goes the long way.)
        if (callNames && !isSinkName(staticCalleeName(node.callee)) && isStaticallyNamed(node.callee)) {
          return null;
        }
        return matchMethod(node) ?? matchCall(node, false) ?? matchStreamController(node);
      case AST_NODE_TYPES.NewExpression:
        return matchCall(node, true) ?? matchClientError(node);
      case AST_NODE_TYPES.AssignmentExpression:
        return matchAssignment(node);
      case AST_NODE_TYPES.ReturnStatement:
        return matchActionReturn(node);
      default:
        return null;
    }
  }

  /**
   * How `expr` is known to be a response: `{ byRole: true }` (handler role, error-handler parameter,
   * factory result, nested response), a conventional parameter name, or `null`.
   */
  function responseEvidence(raw: TSESTree.Node, depth = 0): ResponseEvidence | null {
    const expr = skipTsWrappers(raw);
    if (expr.type === AST_NODE_TYPES.MemberExpression && depth < 3) {
      const name = memberName(context, expr);
      return name !== null && index.nested.has(name) && responseEvidence(expr.object, depth + 1) !== null ? BY_ROLE : null;
    }
    if (expr.type !== AST_NODE_TYPES.Identifier) {
      return null;
    }
    const variable = variableFor(context, expr);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === 'Parameter' && isFunctionLike(def.node as TSESTree.Node)) {
      const fn = def.node as FunctionLike;
      const position = fn.params.findIndex((p) => p === def.name || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === def.name));
      if (position < 0) {
        return null;
      }
      if (isResponseParam(fn, position) || errorHandlerRoles(context, fn, index.errorHandlers)?.responseParam === position) {
        return BY_ROLE;
      }
      // `.then((res) => …)` receives a result, not a server response.
      const parent = fn.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === fn && staticCalleeName(parent.callee) === 'then') {
        return null;
      }
      return { name: expr.name };
    }
    if (def?.type === 'Variable' && def.node.id === def.name && def.node.init) {
      let init = skipTsWrappers(def.node.init);
      if (init.type === AST_NODE_TYPES.AwaitExpression) {
        init = skipTsWrappers(init.argument);
      }
      if (init.type === AST_NODE_TYPES.CallExpression && index.factories.has(staticCalleeName(init.callee) ?? '')) {
        return BY_ROLE;
      }
    }
    return null;
  }

  /** Whether `expr` is a response on which `member` (method or property) sends. */
  function isResponseFor(expr: TSESTree.Node, member: string): boolean {
    const evidence = responseEvidence(expr);
    return evidence !== null && ('name' in evidence ? (index.byName.get(evidence.name)?.has(member) ?? false) : true);
  }

  function matchMethod(call: TSESTree.CallExpression): ResponseSink | null {
    const callee = skipTsWrappers(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) {
      return null;
    }
    const method = memberName(context, callee);
    if (method === null) {
      return null;
    }
    const extra = matchWrittenName(callee, extras) !== null;
    const spec = index.methods.get(method);
    if (!spec && !extra) {
      return null;
    }
    // Peel `res.status(500).set(h).json(…)` down to `res`, keeping the status.
    let receiver: TSESTree.Node = skipTsWrappers(callee.object);
    let status: TSESTree.Node | null = null;
    while (receiver.type === AST_NODE_TYPES.CallExpression) {
      const inner = skipTsWrappers(receiver.callee);
      const name = inner.type === AST_NODE_TYPES.MemberExpression ? memberName(context, inner) : null;
      if (inner.type !== AST_NODE_TYPES.MemberExpression || name === null || !(index.statusMethods.has(name) || index.chainMethods.has(name))) {
        break;
      }
      if (index.statusMethods.has(name) && !status && receiver.arguments[0]) {
        status = receiver.arguments[0];
      }
      receiver = skipTsWrappers(inner.object);
    }
    if (!extra && !isResponseFor(receiver, method)) {
      return null;
    }
    const payloadIndices = extra ? call.arguments.map((_, i) => i) : spec!.payload;
    const statusArg = spec?.statusArg === undefined ? undefined : call.arguments[spec.statusArg];
    if (statusArg && isStatusLike(statusArg)) {
      status = statusArg;
    }
    return {
      node: call,
      payloads: payloadIndices.flatMap((i) => {
        const arg = call.arguments[i];
        return arg ? [{ node: arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg, ignoreProperties: [] }] : [];
      }),
      status: status ? { node: status } : precedingStatus(call, receiver),
      label: `${sourceCode.getText(receiver)}.${method}()`,
      response: receiver,
    };
  }

  /**
   * `new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message })`: an error class whose message the
   * library sends to the client, with the status its code stands for (`null` for a code not
   * written as a known constant).
   */
  function matchClientError(construct: TSESTree.NewExpression): ResponseSink | null {
    const name = staticCalleeName(construct.callee);
    if (name === null || !(ERROR_CLASSES_BY_NAME.has(name) || aliases.has(name))) {
      return null;
    }
    const target = resolveCallTarget(context, construct.callee);
    const spec = target ? CLIENT_ERROR_CLASSES.find((c) => c.module === target.module && target.path.length === 1 && target.path[0] === c.name) : undefined;
    const payload = spec ? construct.arguments[spec.payload] : undefined;
    if (!spec || !payload || payload.type === AST_NODE_TYPES.SpreadElement) {
      return null;
    }
    let status: ResponseSink['status'] = null;
    const options = skipTsWrappers(payload);
    if (options.type === AST_NODE_TYPES.ObjectExpression) {
      const found = findObjectProperty(context, options, spec.codeProperty);
      const code = found.kind === 'found' ? skipTsWrappers(found.value) : null;
      const known = code?.type === AST_NODE_TYPES.Literal && typeof code.value === 'string' ? spec.statusByCode[code.value] : undefined;
      status = known === undefined ? null : { code: known };
    }
    return { node: construct, payloads: [{ node: payload, ignoreProperties: spec.ignoreProperties }], status, label: `new ${sourceCode.getText(construct.callee)}()`, response: null };
  }

  /**
   * `controller.enqueue(chunk)` where `controller` is what a web stream hands its `start`/`pull`
   * (`new ReadableStream({ start(controller) { … } })`), for a stream the code returns or hands on
   * (`new Response(stream)`): a chunk of a body the client is reading, such as an SSE event. In a
   * helper, also on the parameter its caller passes such a controller (`sendEvent(controller, …)`).
   */
  function matchStreamController(call: TSESTree.CallExpression): ResponseSink | null {
    const callee = skipTsWrappers(call.callee);
    const chunk = call.arguments[0];
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(context, callee) !== RESPONSE_STREAMS.sendMethod || !chunk || chunk.type === AST_NODE_TYPES.SpreadElement) {
      return null;
    }
    const controller = skipTsWrappers(callee.object);
    if (!isStreamController(controller) && !isPassedResponse(controller)) {
      return null;
    }
    return { node: call, payloads: [{ node: chunk, ignoreProperties: [] }], status: null, label: `${sourceCode.getText(controller)}.${RESPONSE_STREAMS.sendMethod}()`, response: null };
  }

  /** The parameter `node` names, with its function and position, or `null`. */
  function parameterOf(node: TSESTree.Node): { fn: FunctionLike; index: number } | null {
    const variable = node.type === AST_NODE_TYPES.Identifier ? variableFor(context, node) : null;
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== 'Parameter' || !isFunctionLike(def.node as TSESTree.Node)) {
      return null;
    }
    const fn = def.node as FunctionLike;
    return { fn, index: fn.params.indexOf(def.name as TSESTree.Parameter) };
  }

  /** A helper parameter its caller passes a response (see {@link ResponseSinkOptions.responseParams}). */
  function isPassedResponse(node: TSESTree.Node): boolean {
    const param = passed ? parameterOf(node) : null;
    return param !== null && param.fn === passed!.fn && passed!.indices.includes(param.index);
  }

  /** Whether `node` is the controller a web stream the code hands on gives its `start`/`pull`. */
  function isStreamController(node: TSESTree.Node): boolean {
    const param = parameterOf(node);
    if (param?.index !== 0) {
      return false;
    }
    // `start(controller) {…}` / `pull: async (controller) => …` of the underlying source object.
    const property = param.fn.parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.value !== param.fn || property.computed || property.key.type !== AST_NODE_TYPES.Identifier || !CONTROLLER_METHODS.has(property.key.name)) {
      return false;
    }
    const source = outerExpression(property.parent);
    const construct = source.parent;
    if (construct?.type !== AST_NODE_TYPES.NewExpression || construct.arguments[0] !== source) {
      return false;
    }
    const name = staticCalleeName(construct.callee);
    const target = name !== null && STREAM_CLASSES.has(name) ? resolveCallTarget(context, construct.callee) : null;
    return target !== null && STREAM_MODULES.has(target.module) && target.path.join('.') === name && isHandedOn(construct);
  }

  /** Whether a stream is returned or handed to a call (`new Response(stream)`, `c.body(stream)`), directly or through a `const`. */
  function isHandedOn(stream: TSESTree.Node): boolean {
    const handedOn = (node: TSESTree.Node): boolean => {
      const value = outerExpression(node);
      const parent = value.parent;
      return (
        parent?.type === AST_NODE_TYPES.ReturnStatement ||
        (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value) ||
        ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.callee !== value) ||
        (parent?.type === AST_NODE_TYPES.Property && parent.value === value) ||
        (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value && STREAM_HAND_ON.has(memberName(context, parent) ?? ''))
      );
    };
    if (handedOn(stream)) {
      return true;
    }
    const declarator = outerExpression(stream).parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) {
      return false;
    }
    const variable = variableFor(context, declarator.id);
    return variable?.references.some((ref) => !ref.init && handedOn(ref.identifier as TSESTree.Node)) ?? false;
  }

  /** A status argument: not a string literal (`ctx.throw('message')` has no status). */
  function isStatusLike(node: TSESTree.Node): boolean {
    const inner = skipTsWrappers(node);
    return !(inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') && inner.type !== AST_NODE_TYPES.TemplateLiteral;
  }

  function matchCall(call: TSESTree.CallExpression | TSESTree.NewExpression, construct: boolean): ResponseSink | null {
    // A plain extra sink by the name written (`sendError(…)`); anything else by what it resolves to.
    const written = matchWrittenName(call.callee, extras) !== null;
    const last = staticCalleeName(call.callee);
    if (!written && !extras.hasModuleSpecs && (last === null || !(index.callNames.has(last) || aliases.has(last)))) {
      return null;
    }
    const target = written ? null : resolveCallTarget(context, call.callee);
    if (!written && !target) {
      return null;
    }
    const path = target?.path.join('.');
    const spec = target ? index.calls.find((c) => c.module === target.module && c.path.join('.') === path && (c.construct ?? false) === construct) : undefined;
    const extra = written || matchCallTarget(target, extras) !== null;
    if (!spec && !extra) {
      return null;
    }
    const label = `${construct ? 'new ' : ''}${sourceCode.getText(call.callee)}()`;
    if (!spec) {
      return { node: call, payloads: call.arguments.map((a) => ({ node: a, ignoreProperties: [] })), status: null, label, response: null };
    }
    return {
      node: call,
      payloads: spec.payload.flatMap((i) => {
        const arg = call.arguments[i];
        return arg && arg.type !== AST_NODE_TYPES.SpreadElement ? [{ node: arg, ignoreProperties: spec.ignoreProperties ?? [] }] : [];
      }),
      status: callStatus(call, spec),
      label,
      response: null,
    };
  }

  function callStatus(call: TSESTree.CallExpression | TSESTree.NewExpression, spec: ResponseCall): ResponseSink['status'] {
    if (spec.fixedStatus !== undefined) {
      return { code: spec.fixedStatus };
    }
    if (spec.statusArg !== undefined) {
      const arg = call.arguments[spec.statusArg];
      return arg ? { node: arg } : null;
    }
    if (spec.statusInitArg !== undefined) {
      const init = call.arguments[spec.statusInitArg];
      const object = init ? skipTsWrappers(init) : null;
      if (object?.type === AST_NODE_TYPES.ObjectExpression) {
        for (const name of ['status', 'statusCode']) {
          const found = findObjectProperty(context, object, name);
          if (found.kind === 'found') {
            return { node: found.value };
          }
        }
      }
    }
    return null;
  }

  function matchAssignment(assignment: TSESTree.AssignmentExpression): ResponseSink | null {
    // `ctx.body = x`, `ctx.response.body = x`, `res.locals.error = x`, `res.locals = x`.
    let target: TSESTree.Node = assignment.left;
    for (let depth = 0; depth < 4 && target.type === AST_NODE_TYPES.MemberExpression; depth++) {
      // A computed key (`result[key] = v`, common in any code) is resolved only on a response.
      const computedKey = target.computed && target.property.type !== AST_NODE_TYPES.Literal;
      const name = computedKey && responseEvidence(target.object) === null ? null : memberName(context, target);
      const view = name === null ? undefined : index.viewLocals.get(name);
      if (name !== null && index.bodyProperties.has(name) && isResponseFor(target.object, name) && (!view || viewLocalsMayBeSent(assignment, target.object, view))) {
        return {
          node: assignment,
          payloads: [{ node: assignment.right, ignoreProperties: [] }],
          status: precedingStatus(assignment, target.object),
          label: `${sourceCode.getText(target.object)}.${name}`,
          response: target.object,
        };
      }
      target = target.object;
    }
    return null;
  }

  /**
   * Whether what `assignment` puts where a view reads it (`res.locals`) can reach the client: the
   * function that sets it renders a view (`res.render`), passes the request on (`next()`, to a
   * responder such as directus' `respond`), or does not answer itself. A handler that answers with
   * a body of its own (`res.status(500).send(payload)`) and does neither keeps them on the server,
   * where a logger may read them (`res.locals.errorMessage` for morgan).
   */
  function viewLocalsMayBeSent(assignment: TSESTree.AssignmentExpression, response: TSESTree.Node, view: ViewLocals): boolean {
    let fn: TSESTree.Node | undefined = assignment.parent;
    while (fn && !isFunctionLike(fn)) {
      fn = fn.parent;
    }
    if (!fn || !isFunctionLike(fn) || response.type !== AST_NODE_TYPES.Identifier) {
      return true;
    }
    const passOn = new Set(fn.params.flatMap((param) => (param.type === AST_NODE_TYPES.Identifier && view.passOnParams.includes(param.name) ? [param.name] : [])));
    let answers = false;
    const stack: TSESTree.Node[] = [fn.body];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = skipTsWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier && passOn.has(callee.name)) {
          return true;
        }
        if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
          const method = callee.property.name;
          let root: TSESTree.Node = callee.object;
          while (root.type === AST_NODE_TYPES.CallExpression && root.callee.type === AST_NODE_TYPES.MemberExpression) {
            root = root.callee.object; // res.status(500).send(…)
          }
          if (root.type === AST_NODE_TYPES.Identifier && root.name === response.name) {
            if (view.renderMethods.includes(method)) {
              return true;
            }
            answers ||= view.answerMethods.includes(method);
          }
        }
      }
      pushChildNodes(sourceCode, node, stack);
    }
    return !answers;
  }

  function matchActionReturn(statement: TSESTree.ReturnStatement): ResponseSink | null {
    if (!statement.argument || !mentionsDirective) {
      return null;
    }
    let fn: TSESTree.Node | undefined = statement.parent;
    while (fn && !isFunctionLike(fn)) {
      fn = fn.parent;
    }
    if (!isFunctionLike(fn) || !((fileIsAction && isExported(fn)) || (fn.body.type === AST_NODE_TYPES.BlockStatement && hasDirective(fn.body.body, index.directives)))) {
      return null;
    }
    return {
      node: statement,
      payloads: [{ node: statement.argument, ignoreProperties: [] }],
      status: null,
      label: 'a Server Action result',
      response: null,
    };
  }

  /**
   * The status set on the same response by an earlier statement of the enclosing blocks
   * (`res.status(400); res.json(…)`, `ctx.status = 400; ctx.body = …`), or `null`.
   */
  function precedingStatus(sink: TSESTree.Node, response: TSESTree.Node): ResponseSink['status'] {
    const responseText = sourceCode.getText(response);
    let child: TSESTree.Node = sink;
    for (let parent = sink.parent; parent && !isFunctionLike(parent); child = parent, parent = parent.parent) {
      if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.SwitchCase) {
        continue;
      }
      const body: readonly TSESTree.Node[] = parent.type === AST_NODE_TYPES.SwitchCase ? parent.consequent : parent.body;
      const before = body.slice(0, body.indexOf(child)).reverse();
      for (const statement of before) {
        const found = statement.type === AST_NODE_TYPES.ExpressionStatement ? statusSetBy(statement.expression, responseText) : null;
        if (found) {
          return { node: found };
        }
      }
    }
    return null;
  }

  function statusSetBy(raw: TSESTree.Node, responseText: string): TSESTree.Node | null {
    const expr = skipTsWrappers(raw);
    if (expr.type === AST_NODE_TYPES.AssignmentExpression && expr.left.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(context, expr.left);
      return name !== null && index.statusProperties.has(name) && sourceCode.getText(expr.left.object) === responseText ? expr.right : null;
    }
    // `res.status(400)`, or the innermost status call of a chain statement.
    let current: TSESTree.Node = expr;
    while (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(context, current.callee);
      if (name !== null && index.statusMethods.has(name) && sourceCode.getText(current.callee.object) === responseText) {
        return current.arguments[0] ?? null;
      }
      current = skipTsWrappers(current.callee.object);
    }
    return null;
  }
}
