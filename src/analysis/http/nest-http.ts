import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { memberName } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { fieldMethodCalls, fieldTypedAs } from '../../core/functions';
import { importsModule, iterateModuleReferences } from '../../core/modules';
import type { TrackedReference } from '../../core/modules';
import { dereference } from '../../core/static';
import { HTTP_CLIENT_POLICIES, NEST_HTTP_MODULE_REGISTER, NEST_HTTP_MODULE_REGISTRATIONS, NEST_HTTP_SERVICE } from '../../data/http-clients';
import { judgeTimeoutOptions } from './timeout-options';
import type { HttpClientEntry } from '../../data/http-clients';
import { projectFile, projectFiles, projectRoot } from '../../project/index';

/**
 * NestJS's `HttpService` of `@nestjs/axios`: the calls on fields it is injected into
 * (`this.http.get(url)`), and whether the project's `HttpModule.register(…)` gives them a timeout.
 */

/**
 * The requests made through an injected `HttpService` in the file: `this.http.get(url)` in a class
 * with `constructor(private readonly http: HttpService)` (or a field `http: HttpService`), as
 * references of the HTTP-client table.
 */
export function injectedHttpServiceCalls(context: FileContext): TrackedReference<HttpClientEntry>[] {
  const calls: TrackedReference<HttpClientEntry>[] = [];
  if (!importsModule(context, (specifier) => specifier === NEST_HTTP_SERVICE.module)) {
    return calls;
  }
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== NEST_HTTP_SERVICE.module) {
      continue;
    }
    for (const specifier of statement.specifiers) {
      const imported = specifier.type === AST_NODE_TYPES.ImportSpecifier ? specifier.imported : null;
      const name = imported?.type === AST_NODE_TYPES.Identifier ? imported.name : imported?.value;
      if (name !== NEST_HTTP_SERVICE.name) {
        continue;
      }
      for (const variable of context.sourceCode.getDeclaredVariables(specifier)) {
        for (const reference of variable.references) {
          const field = fieldTypedAs(reference.identifier as TSESTree.Node);
          for (const call of field ? fieldMethodCalls(context, field, null) : []) {
            const method = call.callee.type === AST_NODE_TYPES.MemberExpression ? memberName(context, call.callee) : null;
            const info = method !== null && Object.hasOwn(NEST_HTTP_SERVICE.methods, method) ? NEST_HTTP_SERVICE.methods[method]! : null;
            if (info) {
              calls.push({ node: call, path: [NEST_HTTP_SERVICE.name, method!], kind: 'call', info });
            }
          }
        }
      }
    }
  }
  return calls;
}

/**
 * Whether a file registers `HttpModule` with a timeout: `register(config)` whose config the axios
 * policy judges timed (or cannot read: a config that is no object literal, a spread), or
 * `registerAsync`, whose factory is not read.
 */
function fileRegistersTimeout(context: FileContext): boolean {
  for (const reference of iterateModuleReferences(context, NEST_HTTP_MODULE_REGISTRATIONS)) {
    const call = reference.node as TSESTree.CallExpression;
    if (reference.kind !== 'call') {
      continue;
    }
    if (reference.info === 'factory') {
      return true;
    }
    const [config] = call.arguments;
    const object = config ? dereference(context, config) : null;
    if (object && (object.type !== AST_NODE_TYPES.ObjectExpression || ['timed', 'unknown'].includes(judgeTimeoutOptions(context, object, HTTP_CLIENT_POLICIES.axios).kind))) {
      return true;
    }
  }
  return false;
}

const REGISTERED = perFileKey<boolean>('HttpModule registered with a timeout');

/**
 * Whether the project registers NestJS's `HttpModule` with a timeout somewhere
 * (`HttpModule.register({ timeout: 5000 })`, or `registerAsync`, whose factory is not read): the
 * config every injected `HttpService` request gets. `false` when none does (a plain `HttpModule`
 * import gives axios's default, no timeout). Never throws.
 */
export function nestHttpModuleSetsTimeout(context: FileContext): boolean {
  return perFile(context, REGISTERED, () => {
    try {
      if (NEST_HTTP_MODULE_REGISTER.test(context.sourceCode.text) && fileRegistersTimeout(context)) {
        return true;
      }
      const root = projectRoot(context.filename, context);
      return (
        root !== null &&
        projectFiles(root, { text: NEST_HTTP_MODULE_REGISTER, settings: context }).some((filename) => {
          const file = filename === context.filename ? null : projectFile(filename, context);
          return file !== null && fileRegistersTimeout(file.context);
        })
      );
    } catch {
      return false;
    }
  });
}
