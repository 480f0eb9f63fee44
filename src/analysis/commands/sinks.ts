import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import {
  CHILD_PROCESS_MODULE,
  CODE_GLOBAL_TRACE_MAP,
  COMMAND_TRACE_MAP,
  ZX_MODULES,
  ZX_QUOTE_FUNCTIONS,
  ZX_QUOTE_TRACE_MAP,
} from '../../data/commands';
import type { CommandSink } from '../../data/commands';
import { importsModule, iterateModuleReferences, iteratePromisifiedCalls, mayReferenceModules, resolveCallTarget, stripNodePrefix } from '../../core/modules';
import type { TraceMap } from '../../core/modules';
import { findOptionsArgument } from '../../core/options-object';
import { findObjectProperty, skipTsWrappers, staticValue } from '../../core/static';
import { isFunctionLike } from '../../core/functions';
import type { FileContext } from '../../core/context';

/** The `child_process` functions whose `util.promisify()` results are sinks too (`execAsync(cmd)`). */
const PROMISIFIABLE: Readonly<Record<string, TraceMap<CommandSink>>> = { [CHILD_PROCESS_MODULE]: COMMAND_TRACE_MAP[CHILD_PROCESS_MODULE]! };

/** A call of a sink found in the file. */
export interface CommandSinkCall {
  readonly node: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly sink: CommandSink;
  /** The sink is a `util.promisify()` result (`execAsync(cmd)`), not the module's function itself. */
  readonly promisified: boolean;
}

/**
 * Whether the file can hold a sink at all, read from its module index (shared with every rule; no
 * search): it imports or requires a command module (zx and execa included), or uses a
 * code-evaluating global (`eval`, `Function`, `setTimeout`, `setInterval`, also through
 * `globalThis`) or `process.getBuiltinModule`. The sinks themselves are then found by
 * `commandSinkCalls`.
 */
export function mayHoldCommandSinks(context: FileContext): boolean {
  return mayReferenceModules(context, COMMAND_TRACE_MAP, CODE_GLOBAL_TRACE_MAP) || importsTemplateRunner(context);
}

/** Whether the file imports zx or execa, whose tagged templates the rule reads. */
export function importsTemplateRunner(context: FileContext): boolean {
  return importsModule(context, (specifier) => ZX_MODULES.has(specifier) || specifier === 'execa');
}

/**
 * Every call of a command or code sink in the file: the modules' functions in every import style
 * (ESM default, named, namespace; `require`, destructured; `node:`; `process.getBuiltinModule`),
 * the code-evaluating globals (also through `globalThis`/`window`), and `util.promisify()` of a
 * `child_process` function (`const run = promisify(exec); run(cmd)`).
 */
export function commandSinkCalls(context: FileContext): CommandSinkCall[] {
  const found: CommandSinkCall[] = [];
  for (const ref of iterateModuleReferences(context, COMMAND_TRACE_MAP, CODE_GLOBAL_TRACE_MAP)) {
    if (ref.kind !== 'read') {
      found.push({ node: ref.node as TSESTree.CallExpression | TSESTree.NewExpression, sink: ref.info, promisified: false });
    }
  }
  if (importsModule(context, (specifier) => stripNodePrefix(specifier) === CHILD_PROCESS_MODULE)) {
    for (const { node, info } of iteratePromisifiedCalls(context, PROMISIFIABLE)) {
      found.push({ node, sink: info, promisified: true });
    }
  }
  return found;
}

/**
 * Whether a `process` sink runs through a shell: its options object (after the argument array, or
 * in its place) has a `shell` option that is `true`, a shell's path, or not constant
 * (`shell: process.platform === 'win32'` runs one on Windows). An options object the file does not
 * show counts as no shell.
 */
export function runsShell(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, sink: CommandSink): boolean {
  if (!sink.shellOption || sink.argsArg === undefined) {
    return false;
  }
  for (const index of [sink.argsArg, sink.argsArg + 1]) {
    const options = findOptionsArgument(context, call, { kind: 'index', index });
    if (options.kind === 'object') {
      const shell = findObjectProperty(context, options.object, 'shell');
      if (shell.kind !== 'found') {
        return false;
      }
      const value = staticValue(context, shell.value);
      return value === null || Boolean(value.value);
    }
  }
  return false;
}

/**
 * The argument array of a `process` sink (`spawn(file, args)`), or `undefined` when the call has
 * none (`spawn(file, options)`, `spawn(file, opts)` with `const opts = { shell: true }`,
 * `execFile(file, callback)`).
 */
export function argumentList(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, sink: CommandSink): TSESTree.Node | undefined {
  const arg = sink.argsArg === undefined ? undefined : call.arguments[sink.argsArg];
  if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) {
    return arg;
  }
  const plain = skipTsWrappers(arg);
  const options = findOptionsArgument(context, call, { kind: 'index', index: sink.argsArg! });
  return options.kind === 'object' || plain.type === AST_NODE_TYPES.ObjectExpression || isFunctionLike(plain) ? undefined : arg;
}

/** Whether `node` is a quoting function of zx itself (`quote`, `quotePowerShell`). */
function isZxQuote(context: FileContext, node: TSESTree.Node): boolean {
  const target = resolveCallTarget(context, node);
  return target !== null && target.module !== null && ZX_MODULES.has(target.module) && target.path.length === 1 && ZX_QUOTE_FUNCTIONS.has(target.path[0]!);
}

/** Whether the file replaces zx's quoting (`$.quote = (s) => s`) with something other than zx's own quoting functions. */
export function replacesZxQuote(context: FileContext): boolean {
  for (const ref of iterateModuleReferences(context, ZX_QUOTE_TRACE_MAP)) {
    const parent = ref.node.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === ref.node && !isZxQuote(context, parent.right)) {
      return true;
    }
  }
  return false;
}

/** How a tagged template's tag runs it: zx's `$` (quoting or not), execa's, or neither. */
export type TemplateRunner = 'zx' | 'zx-unquoted' | 'execa' | null;

/**
 * The runner of `` tag`…` ``: zx's `$` (`` $`…` ``, `` $({ cwd })`…` ``; unquoted when a `quote`
 * option other than zx's own is given), execa's `execa`/`$`, or `null`.
 */
export function templateRunner(context: FileContext, tag: TSESTree.Node): TemplateRunner {
  const plain = skipTsWrappers(tag);
  const called = plain.type === AST_NODE_TYPES.CallExpression ? plain : null;
  const target = resolveCallTarget(context, called ? called.callee : plain);
  if (!target?.module) {
    return null;
  }
  if (target.module === 'execa' && target.path.length === 1 && (target.path[0] === 'execa' || target.path[0] === '$')) {
    return 'execa';
  }
  if (!ZX_MODULES.has(target.module) || target.path.length !== 1 || target.path[0] !== '$') {
    return null;
  }
  const options = called ? findOptionsArgument(context, called, { kind: 'index', index: 0 }) : null;
  if (options?.kind === 'object') {
    const quote = findObjectProperty(context, options.object, 'quote');
    if (quote.kind === 'found' && !isZxQuote(context, quote.value)) {
      return 'zx-unquoted';
    }
  }
  return 'zx';
}
