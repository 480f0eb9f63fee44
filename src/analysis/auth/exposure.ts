/** Where a handler answers the request, and whether that answer carries data or only the caller's own session. */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import {
  CONSTANT_ANSWER_METHODS,
  CONSTANT_ANSWER_PROPERTIES,
  ERROR_ANSWER_NAME,
  PAYLOAD_BUILDERS,
  PAYLOAD_METHODS,
  REQUEST_OBJECTS,
  RESPONSE_METHODS,
} from '../../data/auth-vocabulary';
import { dottedName, staticCalleeName } from '../../core/ast';
import type { FileContext } from '../../core/context';
import { returnedValues } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { skipTsWrappers } from '../../core/static';
import { constInitOf } from '../../core/variable-index';
import { getRequestInputOrigin } from '../request-input/index';
import { functionNamed } from './definitions';
import { paramNames } from './identity';
import { isExitCall, rootName, valueTop } from './values';

/** A literal error status in a response chain: `res.status(405).json()`, `res.sendStatus(400)`, `{ status: 405 }`. */
function hasErrorStatus(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 12) {
    return false;
  }
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.Literal && typeof expr.value === 'number') {
    return expr.value >= 400;
  }
  if (expr.type === AST_NODE_TYPES.CallExpression || expr.type === AST_NODE_TYPES.NewExpression) {
    // `return responses.internalServerErrorResponse('…')`, `return handleApiError(error)`: an error answer by its helper's name.
    const name = staticCalleeName(expr.callee);
    if (name !== null && ERROR_ANSWER_NAME.test(name.toLowerCase().replaceAll('_', ''))) {
      return true;
    }
    return expr.arguments.some((arg) => hasErrorStatus(arg, depth + 1)) || hasErrorStatus(expr.callee, depth + 1);
  }
  if (expr.type === AST_NODE_TYPES.MemberExpression) {
    return hasErrorStatus(expr.object, depth + 1);
  }
  if (expr.type === AST_NODE_TYPES.ObjectExpression) {
    return expr.properties.some(
      (p) => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && (p.key.name === 'status' || p.key.name === 'statusCode') && hasErrorStatus(p.value, depth + 1),
    );
  }
  return false;
}

/** A value written out in full: literals, and objects, arrays and templates of them (`{ message: 'Ping received' }`). */
function isConstant(node: TSESTree.Node, depth: number): boolean {
  const expr = skipTsWrappers(node);
  if (depth > 6) {
    return false;
  }
  switch (expr.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return expr.expressions.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return isConstant(expr.argument, depth + 1);
    case AST_NODE_TYPES.Identifier:
      return expr.name === 'undefined';
    case AST_NODE_TYPES.ArrayExpression:
      return expr.elements.every((element) => element !== null && element.type !== AST_NODE_TYPES.SpreadElement && isConstant(element, depth + 1));
    case AST_NODE_TYPES.ObjectExpression:
      return expr.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && isConstant(p.value, depth + 1));
    default:
      return false;
  }
}

/** Every argument of the call written out in full, none spread: `json({ ok: true })`, `status(200)`, `end()`. */
function hasConstantArguments(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return call.arguments.every((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && isConstant(arg, 0));
}

/**
 * The response a payload answer builds, `await` unwrapped: `res.status(200).json(x)`,
 * `Response.json(x)`, `new Response(x)`, `json(x)`; `null` for any other expression. Files and
 * templates (`sendFile`, `render`) are not payloads: what they send is elsewhere.
 */
function payloadAnswer(node: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | null {
  let expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.AwaitExpression) {
    expr = skipTsWrappers(expr.argument);
  }
  if (expr.type !== AST_NODE_TYPES.CallExpression && expr.type !== AST_NODE_TYPES.NewExpression) {
    return null;
  }
  const name = staticCalleeName(expr.callee);
  const callee = skipTsWrappers(expr.callee);
  const builder = callee.type === AST_NODE_TYPES.Identifier || (callee.type === AST_NODE_TYPES.MemberExpression && /^(?:Response|NextResponse)$/u.test(staticCalleeName(callee.object) ?? ''));
  return name !== null && (builder ? PAYLOAD_BUILDERS.has(name) || PAYLOAD_METHODS.has(name) : PAYLOAD_METHODS.has(name)) ? expr : null;
}

/** Every argument along the answer's chain is a constant but `skip`: `res.status(200).set('X-A', 'b').json(…)`. */
function constantAlongChain(answer: TSESTree.CallExpression | TSESTree.NewExpression, skip?: TSESTree.Node): boolean {
  let current: TSESTree.Node = answer;
  for (let links = 0; links < 8; links++) {
    if (current.type !== AST_NODE_TYPES.CallExpression && current.type !== AST_NODE_TYPES.NewExpression) {
      return true;
    }
    if (!current.arguments.every((arg) => arg === skip || (arg.type !== AST_NODE_TYPES.SpreadElement && isConstant(arg, 0)))) {
      return false;
    }
    const link = skipTsWrappers(current.callee);
    if (link.type !== AST_NODE_TYPES.MemberExpression) {
      return true;
    }
    current = skipTsWrappers(link.object);
  }
  return false;
}

/**
 * An answer made of constants only, whatever its status: `res.status(200).json({ message: 'Ping received' })`,
 * `Response.json({ ok: true })`, `new Response('pong')`. It reveals nothing, so a gate after it still
 * comes before anything the handler could reveal.
 */
function answersConstant(node: TSESTree.Node): boolean {
  const answer = payloadAnswer(node);
  return answer !== null && constantAlongChain(answer);
}

/** Inside `if (req.method !== 'POST') …`: a method guard, not an answer with data. */
function underMethodCheck(node: TSESTree.Node, fn: FunctionLike): boolean {
  for (let current = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.SwitchStatement) {
      const test = current.type === AST_NODE_TYPES.IfStatement ? current.test : current.discriminant;
      const name = test.type === AST_NODE_TYPES.BinaryExpression ? dottedName(test.left) : dottedName(test);
      if (name !== null && /(?:^|\.)method$/u.test(name)) {
        return true;
      }
    }
  }
  return false;
}

/** Whether a node answers the request with more than a rejection: `return data`, `res.json(x)`, `ctx.body = x`. */
export function isExposure(context: FileContext, node: TSESTree.Node, params: ReadonlySet<string>, fn: FunctionLike): boolean {
  // The walk up to `fn` last: it costs the node's depth, which grows along a call chain.
  return answersWithData(context, node, params) && !underMethodCheck(node, fn);
}

/** A payload made only of request input: `validationToken` of `searchParams.get('validationToken')`, `{ challenge: body.challenge }`. */
function isRequestEcho(context: FileContext, node: TSESTree.Node): boolean {
  const expr = skipTsWrappers(node);
  if (expr.type === AST_NODE_TYPES.Identifier || expr.type === AST_NODE_TYPES.MemberExpression) {
    return getRequestInputOrigin(context, expr) !== null;
  }
  if (expr.type === AST_NODE_TYPES.ObjectExpression) {
    return expr.properties.length > 0 && expr.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && isRequestEcho(context, p.value));
  }
  return false;
}

/**
 * An answer that only sends request input back, the handshake of a webhook subscription:
 * `new NextResponse(validationToken, { headers: … })`, `Response.json({ challenge: body.challenge })`,
 * `res.status(200).send(req.query['hub.challenge'])`. It reveals nothing the caller did not send;
 * the other arguments, along the chain too, are constants.
 */
function answersEcho(context: FileContext, node: TSESTree.Node): boolean {
  const answer = payloadAnswer(node);
  const payload = answer?.arguments[0];
  return answer !== null && payload !== undefined && payload.type !== AST_NODE_TYPES.SpreadElement && constantAlongChain(answer, payload) && isRequestEcho(context, payload);
}

/** A rejection or nothing: `null`, `undefined`, an error answer, an exit call. */
function isRejectionOrNothing(node: TSESTree.Node): boolean {
  const expr = skipTsWrappers(node);
  return (expr.type === AST_NODE_TYPES.Literal && expr.value === null) || (expr.type === AST_NODE_TYPES.Identifier && expr.name === 'undefined') || hasErrorStatus(expr) || isExitCall(expr);
}

/**
 * `return tooLarge` after `const tooLarge = validateBodySize(request)` (or `= await rateLimit(req)`):
 * the answer of a check, when the function called (of this file, or imported from a project file)
 * returns rejections and nothing else: an error answer or exit, `null` or `undefined`. A value the
 * handler looked up (`const cached = await cache.get(key); if (cached) return cached`) stays data.
 */
function returnsCheckAnswer(context: FileContext, id: TSESTree.Identifier): boolean {
  const init = constInitOf(context, id);
  let call = init ? skipTsWrappers(init) : null;
  if (call?.type === AST_NODE_TYPES.AwaitExpression) {
    call = skipTsWrappers(call.argument);
  }
  if (call?.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const found = functionNamed(context, call.callee);
  if (!found) {
    return false;
  }
  // Each value a `return` can take: both branches of `limited ? tooMany() : null`, what is awaited.
  const values: TSESTree.Node[] = [];
  const add = (value: TSESTree.Node, depth: number): void => {
    const expr = skipTsWrappers(value);
    if (expr.type === AST_NODE_TYPES.ConditionalExpression && depth < 4) {
      add(expr.consequent, depth + 1);
      add(expr.alternate, depth + 1);
    } else if (expr.type === AST_NODE_TYPES.AwaitExpression && depth < 4) {
      add(expr.argument, depth + 1);
    } else {
      values.push(expr);
    }
  };
  for (const value of returnedValues(found.context, found.fn)) {
    add(value, 0);
  }
  return values.some((value) => hasErrorStatus(value) || isExitCall(value)) && values.every(isRejectionOrNothing);
}

/** A `return`, call or assignment that answers with more than a rejection, wherever it stands. */
function answersWithData(context: FileContext, node: TSESTree.Node, params: ReadonlySet<string>): boolean {
  if (node.type === AST_NODE_TYPES.ReturnStatement) {
    const arg = node.argument ? skipTsWrappers(node.argument) : null;
    if (!arg || (arg.type === AST_NODE_TYPES.Literal && arg.value === null) || (arg.type === AST_NODE_TYPES.Identifier && arg.name === 'undefined')) {
      return false;
    }
    // `return next()`: hands over to the next middleware.
    if (arg.type === AST_NODE_TYPES.CallExpression && arg.callee.type === AST_NODE_TYPES.Identifier && params.has(arg.callee.name)) {
      return false;
    }
    // `return notFound()`, `return redirect('/login')`, `return fail(400)`: an exit, not data; `return 'pong'`: nothing to reveal.
    if (hasErrorStatus(arg) || isExitCall(arg) || isConstant(arg, 0) || answersConstant(arg)) {
      return false;
    }
    return !(arg.type === AST_NODE_TYPES.Identifier && returnsCheckAnswer(context, arg)) && !answersEcho(context, arg);
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // `await req.json()` reads the request; `res.json(x)` / `return c.json(x)` answers it.
    const top = valueTop(node);
    const holder = top.parent;
    if (
      holder?.type !== AST_NODE_TYPES.ExpressionStatement &&
      holder?.type !== AST_NODE_TYPES.ReturnStatement &&
      !(holder?.type === AST_NODE_TYPES.ArrowFunctionExpression && holder.body === top)
    ) {
      return false;
    }
    const callee = skipTsWrappers(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && RESPONSE_METHODS.has(callee.property.name)) {
      // `res.redirect(\`/h/${locale}/${path}\`)`, `ctx.redirect('/login')`: an exit, as in a `return` (above).
      if (callee.property.name === 'redirect') {
        return false;
      }
      // `request.json()`, `event.request.formData()`, `c.req.json()` read the request body.
      const object = skipTsWrappers(callee.object);
      const objectName = object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression && !object.computed && object.property.type === AST_NODE_TYPES.Identifier ? object.property.name : null;
      if (objectName !== null && REQUEST_OBJECTS.has(objectName)) {
        return false;
      }
      const root = rootName(callee.object);
      return root !== null && params.has(root) && !hasErrorStatus(node) && !answersConstant(node) && !answersEcho(context, node);
    }
    return false;
  }
  if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
    const left = node.left;
    const root = rootName(left.object);
    return !left.computed && left.property.type === AST_NODE_TYPES.Identifier && left.property.name === 'body' && root !== null && params.has(root) && !isConstant(node.right, 0);
  }
  return false;
}

/** `console.log(…)` statements, which neither gate nor answer. */
function isLogStatement(statement: TSESTree.Statement): boolean {
  const expr = statement.type === AST_NODE_TYPES.ExpressionStatement ? skipTsWrappers(statement.expression) : null;
  return expr?.type === AST_NODE_TYPES.CallExpression && /^console\./u.test(dottedName(expr.callee) ?? '');
}

/** Whether an answer carries nothing but `name`: `session`, `Response.json(session)`, `res.send(JSON.stringify(session))`, `{ session }`. */
function answersOnlyWith(node: TSESTree.Node, name: string, depth = 0): boolean {
  const expr = skipTsWrappers(node);
  if (depth > 6) {
    return false;
  }
  switch (expr.type) {
    case AST_NODE_TYPES.Identifier:
      return expr.name === name;
    case AST_NODE_TYPES.AwaitExpression:
      return answersOnlyWith(expr.argument, name, depth + 1);
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      const first = expr.arguments[0];
      return first !== undefined && first.type !== AST_NODE_TYPES.SpreadElement && answersOnlyWith(first, name, depth + 1);
    }
    case AST_NODE_TYPES.ObjectExpression:
      return expr.properties.length > 0 && expr.properties.every((p) => p.type === AST_NODE_TYPES.Property && answersOnlyWith(p.value, name, depth + 1));
    default:
      return false;
  }
}

/**
 * Whether the handler only fetches the session and answers with it (`const session = await
 * getServerSession(…); return Response.json(session)`): the Auth.js "access the session from
 * an API route" example, a "who am I" endpoint whose answer to an anonymous caller is empty.
 */
export function echoesSession(fn: FunctionLike, call: TSESTree.CallExpression): boolean {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return false;
  }
  const top = valueTop(call);
  const declarator = top.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== top || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return false;
  }
  const statements = fn.body.body.filter((statement) => !isLogStatement(statement));
  const [declaration, answer, ...rest] = statements;
  if (rest.length > 0 || declaration !== declarator.parent || !answer) {
    return false;
  }
  const value = answer.type === AST_NODE_TYPES.ReturnStatement ? answer.argument : answer.type === AST_NODE_TYPES.ExpressionStatement ? answer.expression : null;
  return value != null && answersOnlyWith(value, declarator.id.name);
}

/**
 * A call that answers with constants only, on a parameter of the handler (`res.status(200).json({ ok: true })`,
 * `res.redirect('/settings')`, `res.render('setup')`, `reply.code(204).send()`, `c.text('pong')`) or a
 * response builder (`Response.json({ ok: true })`, `new Response('ok')`, `json({})`, `redirect('/')`):
 * every link of its chain a response method, every argument a constant.
 */
function isConstantAnswerCall(node: TSESTree.Node, params: ReadonlySet<string>): boolean {
  let current = skipTsWrappers(node);
  if (current.type === AST_NODE_TYPES.AwaitExpression) {
    current = skipTsWrappers(current.argument);
  }
  for (let links = 0; links < 8; links++) {
    if (current.type !== AST_NODE_TYPES.CallExpression && current.type !== AST_NODE_TYPES.NewExpression) {
      return false;
    }
    if (!hasConstantArguments(current)) {
      return false;
    }
    const callee = skipTsWrappers(current.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      // `json({ ok: true })`, `new Response('ok')`, `redirect('/login')` (Remix, SvelteKit, Next.js).
      return PAYLOAD_BUILDERS.has(callee.name) || callee.name === 'redirect';
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || !CONSTANT_ANSWER_METHODS.has(callee.property.name)) {
      return false;
    }
    const object = skipTsWrappers(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier) {
      // `res.json(…)`, `c.text(…)`, `Response.json(…)`, `NextResponse.redirect(…)`.
      return params.has(object.name) || PAYLOAD_BUILDERS.has(object.name);
    }
    current = object;
  }
  return false;
}

/** A statement of a handler that only answers with constants, logs, or sets a constant on the response. */
function isConstantAnswerStatement(statement: TSESTree.Statement, params: ReadonlySet<string>): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.ReturnStatement:
      return statement.argument == null || isConstant(statement.argument, 0) || isConstantAnswerCall(statement.argument, params);
    case AST_NODE_TYPES.ExpressionStatement: {
      const expr = skipTsWrappers(statement.expression);
      if (typeof statement.directive === 'string' || isLogStatement(statement) || isConstantAnswerCall(expr, params)) {
        return true;
      }
      if (expr.type !== AST_NODE_TYPES.AssignmentExpression || expr.operator !== '=' || expr.left.type !== AST_NODE_TYPES.MemberExpression) {
        return false;
      }
      const { left } = expr;
      const root = rootName(left.object);
      return !left.computed && left.property.type === AST_NODE_TYPES.Identifier && CONSTANT_ANSWER_PROPERTIES.has(left.property.name) && root !== null && params.has(root) && isConstant(expr.right, 0);
    }
    default:
      return false;
  }
}

/**
 * Whether a handler does nothing but answer with constants: `(req, res) => res.json({ ok: true })`,
 * `export function GET() { return Response.json({ status: 'up' }) }`, `res.redirect('/settings')`,
 * `res.render('setup')`, `ctx.body = ''`, or nothing at all. Its answer is already in the source
 * and it changes nothing, so an anonymous caller learns and does nothing a gate would stop. Any
 * other statement (a declaration, a branch, an `await` of something else, a call of a helper)
 * makes it a handler like any other.
 */
export function answersOnlyConstants(fn: FunctionLike): boolean {
  const params = paramNames(fn);
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return isConstant(fn.body, 0) || isConstantAnswerCall(fn.body, params);
  }
  return fn.body.body.every((statement) => isConstantAnswerStatement(statement, params));
}
