import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createGuard } from '../../core/guards';
import { calleeMethod, firstArgString } from './handler-roles';
import { dereference, skipTsWrappers } from '../../core/static';
import { memberName } from '../../core/ast';
import type { FileContext } from '../../core/context';

const DEV_NAMES = new Set(['isdev', 'isdevelopment', 'dev', 'development', 'isdevmode', 'devmode', 'indev', 'indevelopment', 'islocal']);
const PROD_NAMES = new Set(['isprod', 'isproduction', 'prod', 'production', 'inproduction', 'isprodmode']);
const DEV_ENVS = new Set(['development', 'dev', 'test', 'local']);
/** Member names that hold the environment's name, compared without `_` and case: `NODE_ENV`, `APP_ENV`, `config.env`, `environment`. */
const ENV_NAMES = new Set(['nodeenv', 'appenv', 'env', 'environment']);
/** Objects whose members the client chooses: `req.query.env === 'development'` guards nothing. */
const CLIENT_OBJECTS = /\b(?:query|body|params|headers|cookies|searchParams)\b/u;
const PROD_ENVS = new Set(['production', 'prod']);

/**
 * Development-only code of one file: what runs only under `NODE_ENV === 'development'`,
 * `if (isDev)`, `import.meta.env.DEV`, a configured dev guard, or after an early
 * `if (isProd) return`. Each node's answer is memoised.
 */
export class DevOnlyBranches {
  private readonly devGuards: readonly string[];
  private readonly guard: (node: TSESTree.Node) => boolean;

  /**
   * @param devGuards extra development-only tests: identifiers (`isLocal`) or expressions (`config.debug`).
   * @param notProduction whether "not production" counts as development (`NODE_ENV !== 'production'`,
   * `!isProd`, after `if (isProd) return`). `false`: only a test that names development does
   * (`=== 'development'`, `isDev`), since a deployment that leaves `NODE_ENV` unset is not production.
   */
  constructor(
    private readonly context: FileContext,
    devGuards: readonly string[],
    private readonly notProduction = true,
  ) {
    this.devGuards = devGuards.map((g) => g.replace(/\s+/gu, ''));
    this.guard = createGuard((test, branch) => this.devTest(test, 0) === branch);
  }

  /** `node` only runs (or only takes effect) in development. */
  isDevOnly(node: TSESTree.Node): boolean {
    return this.guard(node);
  }

  /**
   * `true` when the test is true only in development, `false` when it is false only in
   * development, `null` when it says nothing about the environment.
   */
  private devTest(raw: TSESTree.Node, depth: number): boolean | null {
    const test = skipTsWrappers(raw);
    if (depth > 4) {
      return null;
    }
    if (this.devGuards.length > 0 && this.devGuards.includes(this.context.sourceCode.getText(test).replace(/\s+/gu, ''))) {
      return true;
    }
    switch (test.type) {
      case AST_NODE_TYPES.UnaryExpression:
        if (test.operator === '!') {
          const inner = this.devTest(test.argument, depth + 1);
          return inner === null ? null : !inner;
        }
        return null;
      case AST_NODE_TYPES.LogicalExpression: {
        const left = this.devTest(test.left, depth + 1);
        const right = this.devTest(test.right, depth + 1);
        if (test.operator === '&&') {
          return left === true || right === true ? true : null;
        }
        return left === false || right === false ? false : left === true && right === true ? true : null;
      }
      case AST_NODE_TYPES.BinaryExpression: {
        const negated = test.operator === '!==' || test.operator === '!=';
        if (!negated && test.operator !== '===' && test.operator !== '==') {
          return null;
        }
        const [envSide, literal] =
          test.right.type === AST_NODE_TYPES.Literal ? [test.left, test.right] : [test.right, test.left as TSESTree.Node];
        if (literal.type !== AST_NODE_TYPES.Literal || typeof literal.value !== 'string' || !this.isEnvName(envSide, depth)) {
          return null;
        }
        const value = literal.value.toLowerCase();
        const isDevValue = DEV_ENVS.has(value) ? true : PROD_ENVS.has(value) && this.notProduction ? false : null;
        return isDevValue === null ? null : isDevValue !== negated;
      }
      case AST_NODE_TYPES.CallExpression:
        return test.arguments.length === 0 ? this.nameSays(test.callee) : null;
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression:
      case AST_NODE_TYPES.ChainExpression: {
        const byName = this.nameSays(test);
        if (byName !== null || test.type !== AST_NODE_TYPES.Identifier) {
          return byName;
        }
        const init = dereference(this.context, test);
        return init === test ? null : this.devTest(init, depth + 1);
      }
      default:
        return null;
    }
  }

  /** `isDev`, `config.isProduction`, `import.meta.env.DEV`, `__DEV__`, or a `this.devGuards` entry. */
  private nameSays(raw: TSESTree.Node): boolean | null {
    const node = raw.type === AST_NODE_TYPES.ChainExpression ? raw.expression : raw;
    const name =
      node.type === AST_NODE_TYPES.Identifier
        ? node.name
        : node.type === AST_NODE_TYPES.MemberExpression
          ? memberName(this.context, node)
          : null;
    // `req.query.isDev` is chosen by the client: no guard at all.
    if (name === null || CLIENT_OBJECTS.test(this.context.sourceCode.getText(node))) {
      return null;
    }
    if (this.devGuards.includes(name)) {
      return true;
    }
    const key = name.replace(/_/gu, '').toLowerCase();
    return DEV_NAMES.has(key) ? true : PROD_NAMES.has(key) && this.notProduction ? false : null;
  }

  /**
   * `process.env.NODE_ENV`, `import.meta.env.MODE`, `app.get('env')`, a configuration's
   * environment name (`config.env`, `settings.environment`, `cfg.nodeEnv`), or a const holding one.
   * Never a value the client sends (`req.query.env`).
   */
  private isEnvName(raw: TSESTree.Node, depth: number): boolean {
    const node = skipTsWrappers(raw.type === AST_NODE_TYPES.ChainExpression ? raw.expression : raw);
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(this.context, node);
      if (name === null || CLIENT_OBJECTS.test(this.context.sourceCode.getText(node))) {
        return false;
      }
      return ENV_NAMES.has(name.replace(/_/gu, '').toLowerCase()) || (name === 'MODE' && /\benv\b/u.test(this.context.sourceCode.getText(node.object)));
    }
    if (node.type === AST_NODE_TYPES.CallExpression) {
      return calleeMethod(node) === 'get' && firstArgString(node) === 'env';
    }
    if (node.type === AST_NODE_TYPES.Identifier && depth < 4) {
      const init = dereference(this.context, node);
      return init !== node && this.isEnvName(init, depth + 1);
    }
    return false;
  }

}
