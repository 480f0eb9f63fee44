import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { memberName, pushChildNodes } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { fieldMethodCalls, fieldTypedAs } from '../../core/functions';
import { importsModule } from '../../core/modules';
import type { TrackedReference } from '../../core/modules';
import { dereference, findObjectProperty, staticValueOf } from '../../core/static';
import { NEST_HTTP_MODULE_REGISTER, NEST_HTTP_SERVICE } from '../../data/http-clients';
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

/** Whether one `HttpModule.register(…)` call of a file gives requests a timeout (`registerAsync`: a factory not read, taken to). */
function registersTimeout(context: FileContext, call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(context, callee) : null;
  if (method === 'registerAsync') {
    return true;
  }
  const [config] = call.arguments;
  if (!config) {
    return false;
  }
  // A config that is not an object literal (`HttpModule.register(httpConfig())`) is not read: taken to set one.
  const object = dereference(context, config);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) {
    return true;
  }
  const timeout = findObjectProperty(context, object, 'timeout');
  if (timeout.kind !== 'found') {
    return timeout.kind === 'unknown';
  }
  const value = staticValueOf(context, timeout.value);
  return !value || value.value !== 0;
}

/** Whether a file registers `HttpModule` with a timeout. */
function fileRegistersTimeout(context: FileContext): boolean {
  const stack: TSESTree.Node[] = [context.sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (
      node.type === AST_NODE_TYPES.CallExpression &&
      node.callee.type === AST_NODE_TYPES.MemberExpression &&
      node.callee.object.type === AST_NODE_TYPES.Identifier &&
      node.callee.object.name === 'HttpModule' &&
      registersTimeout(context, node)
    ) {
      return true;
    }
    pushChildNodes(context.sourceCode, node, stack);
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
