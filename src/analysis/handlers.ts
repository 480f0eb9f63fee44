import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { FRAMEWORK_ADAPTERS } from '../frameworks/registry';
import type { FunctionLike, HandlerBinding, ParamRole } from '../frameworks/types';
import { isFunctionLike } from '../core/functions';
import type { CallTarget } from '../core/modules';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

interface Registry {
  /** Handlers found by the adapters' targeted lookups, once per file. */
  readonly found: Map<FunctionLike, HandlerBinding>;
  /** Functions judged lazily (directives, name-based fallback), memoised. */
  readonly judged: Map<FunctionLike, HandlerBinding | null>;
}

const registries = new WeakMap<TSESTree.Program, Registry>();

/** Keeps the first role per parameter when two registrations describe the same function. */
function merge(a: HandlerBinding, b: HandlerBinding): HandlerBinding {
  const length = Math.max(a.params.length, b.params.length);
  const params: (ParamRole | undefined)[] = [];
  for (let i = 0; i < length; i++) {
    params[i] = a.params[i] ?? b.params[i];
  }
  return { ...a, params };
}

function getRegistry(context: Context): Registry {
  const program = context.sourceCode.ast;
  let registry = registries.get(program);
  if (!registry) {
    const found = new Map<FunctionLike, HandlerBinding>();
    for (const adapter of FRAMEWORK_ADAPTERS) {
      for (const binding of adapter.findHandlers?.(context) ?? []) {
        const existing = found.get(binding.fn);
        found.set(binding.fn, existing ? merge(existing, binding) : binding);
      }
    }
    registry = { found, judged: new Map() };
    registries.set(program, registry);
  }
  return registry;
}

/**
 * Every handler the framework adapters find in the file through imports and file routing
 * (not the lazily judged ones), memoised per Program. The base of future route models.
 */
export function getRegisteredHandlers(context: Context): ReadonlyMap<FunctionLike, HandlerBinding> {
  return getRegistry(context).found;
}

/**
 * Whether `fn` is a request handler, and what its parameters are.
 * @example app.get('/f', (req, res) => {}) // -> { framework: 'express', params: [request, response] }
 */
export function getHandlerBinding(context: Context, fn: FunctionLike): HandlerBinding | null {
  const registry = getRegistry(context);
  const found = registry.found.get(fn);
  if (found) {
    return found;
  }
  if (registry.judged.has(fn)) {
    return registry.judged.get(fn)!;
  }
  let binding: HandlerBinding | null = null;
  for (const adapter of FRAMEWORK_ADAPTERS) {
    binding = adapter.classifyFunction?.(context, fn) ?? null;
    if (binding) {
      break;
    }
  }
  registry.judged.set(fn, binding);
  return binding;
}

/** The role and framework of parameter `index` of `fn`, or `null` when it is not request-related. */
export function getParamRole(context: Context, fn: FunctionLike, index: number): { role: ParamRole; framework: string } | null {
  const binding = getHandlerBinding(context, fn);
  const role = binding?.params[index];
  return binding && role ? { role, framework: binding.framework } : null;
}

/** The innermost request handler containing `node` (closures inside handlers count), or `null`. */
export function findEnclosingHandler(context: Context, node: TSESTree.Node): HandlerBinding | null {
  for (let current: TSESTree.Node | undefined = node.parent; current; current = current.parent) {
    if (isFunctionLike(current)) {
      const binding = getHandlerBinding(context, current);
      if (binding) {
        return binding;
      }
    }
  }
  return null;
}

const inputCallIndex = new Map<string, string>();
for (const adapter of FRAMEWORK_ADAPTERS) {
  for (const call of adapter.inputCalls ?? []) {
    inputCallIndex.set(`${call.module ?? ''}#${call.path}`, adapter.name);
  }
}

/** The framework whose input function a call target is (`h3`'s `getQuery`), or `null`. */
export function inputCallFramework(target: CallTarget): string | null {
  return inputCallIndex.get(`${target.module ?? ''}#${target.path.join('.') || 'default'}`) ?? null;
}
