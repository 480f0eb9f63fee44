import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createGuard } from '../../core/guards';
import { calleeMethod } from './handler-roles';
import { below500When } from './status';
import { skipTsWrappers } from '../../core/static';
import { variableFor } from '../../core/variable-index';
import { memberName } from '../../core/ast';
import type { FileContext } from '../../core/context';
import { TRPC_ERROR_STATUS, TRPC_UNKNOWN_ERROR_CODE } from '../../data/error-values';

type Variable = TSESLint.Scope.Variable;

/**
 * Classes whose instances are *not* application errors: `instanceof` on them does not
 * make a message safe, since their messages come from runtimes, drivers and HTTP clients.
 */
const UNSAFE_ERROR_CLASSES =
  /^(?:Error|TypeError|RangeError|SyntaxError|ReferenceError|EvalError|URIError|AggregateError|DOMException|AxiosError|FetchError|QueryFailedError|DatabaseError|DriverException|Prisma\w*|Mongo\w*|Sequelize\w*)$/u;
/**
 * Properties that hold an error value: a settled entry's `reason`, a client result's `error`, an
 * error's `cause` (tRPC wraps what a procedure throws, keeping its message: `error.cause instanceof AppError`).
 */
const HELD_ERRORS = new Set(['reason', 'error', 'cause']);
/** Type guards of application errors: `isHttpError(err)`, `isBoom(err)`; not `isAxiosError`, `isNativeError`. */
/** The properties an error's HTTP status is read from. */
const STATUS_NAMES = ['status', 'statusCode', 'httpStatus', 'status_code'];
const NARROWING_GUARD = /^(?:is(?!Axios|Native)\w*Error|isHttpException|isBoom)$/u;

/**
 * What `err.code === code` says (tRPC codes): `true` when equality means an error the code threw
 * with a 4xx code, `false` when inequality means it (every unknown error is `INTERNAL_SERVER_ERROR`).
 */
function codeNarrows(code: string): boolean | null {
  if (code === TRPC_UNKNOWN_ERROR_CODE) {
    return false;
  }
  const status = TRPC_ERROR_STATUS[code];
  return status !== undefined && status < 500 ? true : null;
}

/**
 * Narrowing of caught errors to application errors, whose messages are meant for clients:
 * `err instanceof AppError`, `isHttpError(err)`, `err.expose`, `err.status < 500`,
 * `err.name === 'ValidationError'`, tRPC `err.code !== 'INTERNAL_SERVER_ERROR'`. One memoised guard per error variable.
 */
export class ErrorNarrowing {
  private readonly guards = new WeakMap<Variable, (node: TSESTree.Node) => boolean>();

  constructor(private readonly context: FileContext) {}

  /** `node` only runs when one of `variables` was narrowed to an application error. */
  isNarrowed(node: TSESTree.Node, variables: readonly Variable[]): boolean {
    return variables.some((variable) => {
      let guard = this.guards.get(variable);
      if (!guard) {
        guard = createGuard((test, branch) => this.narrowTest(test, [variable]) === branch);
        this.guards.set(variable, guard);
      }
      return guard(node);
    });
  }

  private resolve(id: TSESTree.Identifier): Variable | null {
    return variableFor(this.context, id);
  }

  /**
   * `true` when the test being true means the error is an application error (whose message
   * is meant for clients), `false` when the test being false means it, else `null`.
   */
  private narrowTest(raw: TSESTree.Node, variables: readonly Variable[]): boolean | null {
    const test = skipTsWrappers(raw);
    const mentions = (node: TSESTree.Node): boolean => {
      const inner = skipTsWrappers(node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node);
      if (inner.type === AST_NODE_TYPES.Identifier) {
        const variable = this.resolve(inner);
        return variable !== null && variables.includes(variable);
      }
      // `r.reason instanceof AppError`, `result.error instanceof AppError`, `error.cause instanceof AppError`: the error a settled entry, a client result or a wrapper holds.
      return inner.type === AST_NODE_TYPES.MemberExpression && HELD_ERRORS.has(memberName(this.context, inner) ?? '') && mentions(inner.object);
    };
    const errorMember = (node: TSESTree.Node, names: readonly string[]): boolean => {
      const inner = skipTsWrappers(node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node);
      return inner.type === AST_NODE_TYPES.MemberExpression && mentions(inner.object) && names.includes(memberName(this.context, inner) ?? '');
    };
    switch (test.type) {
      case AST_NODE_TYPES.UnaryExpression: {
        if (test.operator !== '!') {
          return null;
        }
        const inner = this.narrowTest(test.argument, variables);
        return inner === null ? null : !inner;
      }
      case AST_NODE_TYPES.LogicalExpression: {
        const left = this.narrowTest(test.left, variables);
        const right = this.narrowTest(test.right, variables);
        if (test.operator === '&&') {
          return left === true || right === true ? true : null;
        }
        return left === true && right === true ? true : left === false || right === false ? false : null;
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (test.operator === 'instanceof') {
          const cls = test.right.type === AST_NODE_TYPES.MemberExpression ? memberName(this.context, test.right) : test.right.type === AST_NODE_TYPES.Identifier ? test.right.name : null;
          return mentions(test.left) && cls !== null && !UNSAFE_ERROR_CLASSES.test(cls) ? true : null;
        }
        const below500 = below500When(test, (operand) => errorMember(operand, STATUS_NAMES));
        if (below500 !== null) {
          return below500;
        }
        if ((test.operator === '===' || test.operator === '==') && errorMember(test.left, ['name']) && test.right.type === AST_NODE_TYPES.Literal) {
          return typeof test.right.value === 'string' && !UNSAFE_ERROR_CLASSES.test(test.right.value) ? true : null;
        }
        if ((test.operator === '===' || test.operator === '==') && errorMember(test.left, ['expose']) && test.right.type === AST_NODE_TYPES.Literal) {
          return test.right.value === true ? true : null;
        }
        if (/^[!=]==?$/u.test(test.operator) && errorMember(test.left, ['code']) && test.right.type === AST_NODE_TYPES.Literal && typeof test.right.value === 'string') {
          const equal = codeNarrows(test.right.value);
          return equal === null ? null : test.operator.startsWith('!') ? !equal : equal;
        }
        return null;
      }
      case AST_NODE_TYPES.CallExpression: {
        const name = calleeMethod(test);
        return name !== null && NARROWING_GUARD.test(name) && test.arguments.some((a) => mentions(a)) ? true : null;
      }
      default:
        return errorMember(test, ['expose', 'isOperational', 'isBoom']) ? true : null;
    }
  }
}
