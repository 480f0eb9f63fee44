import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isFunctionLike } from '../../core/functions';
import { indentOf, lineBreakOf } from '../../core/layout';
import { scopeOf } from '../../core/variable-index';
import type { FileContext } from '../../core/context';
import { findEnclosingHandler } from '../../frameworks/registry';
import { PLACEHOLDER_HOST } from '../../data/ssrf';
import type { ControlledRequest } from './judge';
import { unwrapExpression } from '../../core/static';

/** The name of the allow-list the suggestion declares (or reuses, when the module has it). */
export const ALLOWED_HOSTS = 'ALLOWED_HOSTS';

/** What the allow-list suggestion inserts: a check before `statement`, and the set at module level unless it exists. */
export interface AllowListEdit {
  readonly statement: TSESTree.Node;
  /** Inserted before `statement`: the check, its exit, and the statement's indentation again. */
  readonly check: string;
  /** The set's declaration and the node it goes after (`null`: before the first statement), or `null` when it exists. */
  readonly declaration: { readonly text: string; readonly after: TSESTree.Node | null; readonly before: TSESTree.Node } | null;
}

/** Member chains of names (`url`, `req.query.url`, `body.target`): evaluated again without side effects. */
function isPlainReference(node: TSESTree.Node): boolean {
  const n = unwrapExpression(node);
  if (n.type === AST_NODE_TYPES.Identifier) {
    return true;
  }
  return n.type === AST_NODE_TYPES.MemberExpression && !n.computed && isPlainReference(n.object);
}

/**
 * The host expression the check tests: the input itself where it is the host of a template
 * (`` `https://${host}/x` ``) or the `host`/`hostname` option, else the hostname of the URL
 * argument (`new URL(url).hostname`). `null` when neither can be written without re-running code.
 */
function hostExpression(context: FileContext, call: TSESTree.Node, request: ControlledRequest): string | null {
  const { found } = request;
  const text = (node: TSESTree.Node): string => context.sourceCode.getText(node);
  if (found.position === 'over-base') {
    return null; // the input is a path: the fix is to refuse absolute URLs, not a host list
  }
  if (found.position === 'authority') {
    if (request.option === 'host' || request.option === 'hostname') {
      return isPlainReference(found.subject) ? text(found.subject) : null;
    }
    const template = found.subject.parent;
    if (template?.type === AST_NODE_TYPES.TemplateLiteral && isPlainReference(found.subject) && template.range[0] >= call.range[0] && template.range[1] <= call.range[1]) {
      const index = template.expressions.indexOf(found.subject as TSESTree.Expression);
      const before = template.quasis[index]?.value.cooked ?? '';
      const after = template.quasis[index + 1]?.value.cooked ?? '';
      if (/^(?:https?|wss?):\/\/$/u.test(before) && /^(?:[/?#]|$)/u.test(after)) {
        return text(found.subject);
      }
    }
    return null;
  }
  if (request.option === null && isPlainReference(request.node)) {
    return `new URL(${text(request.node)}).hostname`;
  }
  const inCall = found.subject.range[0] >= call.range[0] && found.subject.range[1] <= call.range[1];
  return inCall && isPlainReference(found.subject) ? `new URL(${text(found.subject)}).hostname` : null;
}

/** The exit of a handler answering 400, by framework; `null` where the response shape is not known. */
function exitStatement(context: FileContext, call: TSESTree.Node, fn: TSESTree.Node): string | null {
  const handler = findEnclosingHandler(context, call);
  if (!handler || handler.fn !== fn) {
    return null;
  }
  const param = (index: number): string | null => {
    const node = handler.fn.params[index];
    return node?.type === AST_NODE_TYPES.Identifier ? node.name : null;
  };
  const responseIndex = handler.params.findIndex((role) => role?.kind === 'response');
  const response = responseIndex === -1 ? null : param(responseIndex);
  switch (handler.framework) {
    case 'express':
      return response ? `return ${response}.status(400).send('Host not allowed');` : null;
    case 'fastify':
      return response ? `return ${response}.code(400).send('Host not allowed');` : null;
    case 'hono': {
      const c = param(0);
      return c ? `return ${c}.text('Host not allowed', 400);` : null;
    }
    case 'next':
      if (response) {
        return `return ${response}.status(400).send('Host not allowed');`; // Pages Router API route
      }
      if (handler.params.some((role) => role?.kind === 'request')) {
        return "return new Response('Host not allowed', { status: 400 });";
      }
      return "throw new Error('Host not allowed');"; // a Server Action: no response to shape
    default:
      return null;
  }
}

/**
 * The allow-list check the suggestion inserts before the statement that sends the request:
 * `if (!ALLOWED_HOSTS.has(new URL(url).hostname)) { return res.status(400)…; }`, with
 * `const ALLOWED_HOSTS = new Set(['api.example.com']);` at module level. Offered in handlers whose
 * 400 exit is known (Express, Fastify, Hono, Next.js route handlers, API routes and Server Actions).
 */
export function allowListEdit(context: FileContext, call: TSESTree.Node, request: ControlledRequest): AllowListEdit | null {
  let statement: TSESTree.Node = call;
  while (statement.parent && statement.parent.type !== AST_NODE_TYPES.BlockStatement) {
    if (isFunctionLike(statement.parent) || statement.parent.type === AST_NODE_TYPES.Program) {
      return null;
    }
    statement = statement.parent;
  }
  let fn: TSESTree.Node | undefined = statement.parent;
  while (fn && !isFunctionLike(fn)) {
    fn = fn.parent;
  }
  if (!fn) {
    return null;
  }
  const host = hostExpression(context, call, request);
  const exit = host === null ? null : exitStatement(context, call, fn);
  if (host === null || exit === null) {
    return null;
  }
  const { sourceCode } = context;
  const existing = findInScopes(scopeOf(context, call), ALLOWED_HOSTS);
  const method = existing ? membershipMethod(existing) : 'has';
  if (method === null) {
    return null; // a name of the file's that is not a module-level set or array of hosts
  }
  const nl = lineBreakOf(sourceCode);
  const indent = indentOf(sourceCode, statement);
  const check = `if (!${ALLOWED_HOSTS}.${method}(${host})) {${nl}${indent}  ${exit}${nl}${indent}}${nl}${indent}`;
  return { statement, check, declaration: existing ? null : declarationPlace(sourceCode, nl) };
}

/** How the module's own `ALLOWED_HOSTS` is asked: `has` for a `new Set(…)`, `includes` for an array; `null` otherwise. */
function membershipMethod(variable: TSESLint.Scope.Variable): 'has' | 'includes' | null {
  const def = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (variable.scope.type !== 'module' && variable.scope.type !== 'global') {
    return null;
  }
  const init = def?.type === 'Variable' && def.node.init ? unwrapExpression(def.node.init) : null;
  if (init?.type === AST_NODE_TYPES.ArrayExpression) {
    return 'includes';
  }
  return init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'Set' ? 'has' : null;
}

function findInScopes(scope: TSESLint.Scope.Scope, name: string): TSESLint.Scope.Variable | null {
  for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(name);
    if (variable) {
      return variable;
    }
  }
  return null;
}

/** After the imports (and leading `require`s), or before the first statement after the directives. */
function declarationPlace(sourceCode: Readonly<TSESLint.SourceCode>, nl: string): AllowListEdit['declaration'] {
  const body = sourceCode.ast.body;
  const text = `const ${ALLOWED_HOSTS} = new Set(['${PLACEHOLDER_HOST}']); // the hosts this server may call`;
  let after: TSESTree.Node | null = null;
  let first: TSESTree.Node | null = null;
  for (const statement of body) {
    if (statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive !== undefined) {
      after = statement;
      continue;
    }
    if (statement.type === AST_NODE_TYPES.ImportDeclaration || isRequireDeclaration(statement)) {
      after = statement;
      continue;
    }
    first = statement;
    break;
  }
  const before = first ?? body[body.length - 1]!;
  return after ? { text: `${nl}${text}`, after, before } : { text: `${text}${nl}`, after: null, before };
}

function isRequireDeclaration(statement: TSESTree.Node): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) {
    return false;
  }
  return statement.declarations.every((declarator) => {
    const init = declarator.init ? unwrapExpression(declarator.init) : null;
    return init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require';
  });
}
