import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FileContext } from '../../core/context';
import { CALL, CONSTRUCT, READ, iterateModuleReferences, iterateValueReferences, stripNodePrefix } from '../../core/modules';
import type { TraceMap } from '../../core/modules';
import { parseNameSpec } from '../../core/name-specs';
import { outerExpression } from '../../core/ast';
import { skipTsWrappers } from '../../core/static';
import { compileTimeStringsAt } from './literals';
import { SECRET_SINKS } from '../../data/secret-sinks';
import type { SecretSink, SecretSlot } from '../../data/secret-sinks';

/** Module → export path → the sinks a call or `new` of it is. */
export type SecretSinkMap = Readonly<Record<string, TraceMap<readonly SecretSink[]>>>;

/** A call that hands a value to a credential sink. */
export interface SecretSinkUse {
  /** The call or `new` that takes the secret (the chained `.sign(key)` for jose). */
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
  readonly sink: SecretSink;
  readonly slot: SecretSlot;
  /** The argument the slot is in (the secret itself, or the object holding it at `slot.path`). */
  readonly argument: TSESTree.Node;
}

const INDEX = /^\d{1,3}$/u;
/** Calls of a traced call's result. */
const RESULT_CALL: TraceMap<true> = { [CALL]: true };

/**
 * A sink declared in `settings['agent-guard'].secrets.sinks`, or `null` when the entry is not one:
 * `module#export` (the first argument), `module#export:1` (the second), `module#export:0.auth.pass`
 * (a property path in an argument), `module#export.password` (a property of the first argument;
 * with `:`, every dotted segment before it is the export path: `module#db.connect:0.password`).
 * @example parseSecretSinkSpec('@acme/crypto#sign:1') // export `sign` of '@acme/crypto', argument 1
 */
export function parseSecretSinkSpec(spec: string): SecretSink | null {
  const { module, name } = parseNameSpec(spec);
  if (module === null || module.trim() === '' || name.trim() === '') {
    return null;
  }
  let exportPath: string;
  let slot: SecretSlot;
  const colon = name.indexOf(':');
  if (colon !== -1) {
    exportPath = name.slice(0, colon);
    const [index, ...propertyPath] = name.slice(colon + 1).split('.');
    if (index === undefined || !INDEX.test(index) || propertyPath.some((part) => part === '')) {
      return null;
    }
    slot = propertyPath.length > 0 ? { arg: Number(index), path: propertyPath } : { arg: Number(index) };
  } else {
    const [first, ...propertyPath] = name.split('.');
    if (propertyPath.some((part) => part === '')) {
      return null;
    }
    exportPath = first!;
    slot = propertyPath.length > 0 ? { arg: 0, path: propertyPath } : { arg: 0 };
  }
  if (exportPath.split('.').some((part) => part === '')) {
    return null;
  }
  return {
    modules: [stripNodePrefix(module)],
    exports: [exportPath === 'default' ? '' : exportPath],
    use: 'both',
    slots: [slot],
    family: 'custom',
    label: `${module}#${exportPath}`,
  };
}

/**
 * The trace map of the built-in sinks and of the extra ones declared in settings (entries that do
 * not parse are ignored). The callers keep it per configuration.
 */
export function secretSinkMap(extra: readonly string[]): SecretSinkMap {
  const map: Record<string, TraceMap<SecretSink[]>> = {};
  const add = (sink: SecretSink): void => {
    for (const module of sink.modules) {
      for (const exportPath of sink.exports) {
        let node = (map[module] ??= {});
        for (const key of exportPath.split('.').filter((part) => part !== '')) {
          node = Object.hasOwn(node, key) ? node[key]! : (node[key] = {});
        }
        if (sink.use === 'register') {
          (node[READ] ??= []).push(sink);
          continue;
        }
        if (sink.use !== 'construct') {
          (node[CALL] ??= []).push(sink);
        }
        if (sink.use !== 'call') {
          (node[CONSTRUCT] ??= []).push(sink);
        }
      }
    }
  };
  SECRET_SINKS.forEach(add);
  for (const spec of extra) {
    const sink = parseSecretSinkSpec(spec);
    if (sink) {
      add(sink);
    }
  }
  return map;
}

/**
 * Every value handed to a sink of `map` in the file, through imports and requires of every style
 * (see `iterateModuleReferences`). Sinks marked `strictOnly` are included only with `strict`.
 * A file that imports none of the modules costs one lookup per import.
 */
export function findSecretSinkUses(context: FileContext, map: SecretSinkMap, strict: boolean): SecretSinkUse[] {
  const uses: SecretSinkUse[] = [];
  for (const ref of iterateModuleReferences(context, map)) {
    if (ref.kind === 'read') {
      // `app.register(fastifyJwt, { secret })`: the options follow the plugin.
      for (const plugin of pluginUses(context, ref.node)) {
        const call = registrationOf(plugin);
        for (const sink of call ? ref.info : []) {
          for (const slot of sink.use === 'register' ? sink.slots : []) {
            const argument = argumentAt(call!, slot.arg + 1);
            if (argument) {
              uses.push({ call: call!, sink, slot: { ...slot, arg: slot.arg + 1 }, argument });
            }
          }
        }
      }
      continue;
    }
    for (const sink of ref.info) {
      if (sink.strictOnly && !strict) {
        continue;
      }
      const calls = sink.resultCall
        ? [...iterateValueReferences(context, ref.node, RESULT_CALL)].map((result) => result.node as TSESTree.CallExpression)
        : [sink.chain
          ? chainedCall(ref.node, sink.chain)
          : sink.superCall ? superCallOf(ref.node) : (ref.node as TSESTree.CallExpression | TSESTree.NewExpression)];
      for (const call of calls) {
        if (!call || (sink.unless && isExempt(context, call, sink.unless))) {
          continue;
        }
        for (const slot of sink.slots) {
          const argument = argumentAt(call, slot.arg);
          if (argument) {
            uses.push({ call, sink, slot, argument });
          }
        }
      }
    }
  }
  return uses;
}

/**
 * The nodes that stand for a module read whole: a `require('x')` call itself, and the uses of the
 * name an import (`import plugin from 'x'`) or a `const plugin = require('x')` binds.
 */
function pluginUses(context: FileContext, node: TSESTree.Node): TSESTree.Node[] {
  let declaration: TSESTree.Node | null;
  const uses: TSESTree.Node[] = [];
  if (node.type === AST_NODE_TYPES.ImportDeclaration) {
    declaration = node;
  } else {
    uses.push(node);
    const declarator = outerExpression(node).parent;
    declaration = declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier ? declarator : null;
  }
  for (const variable of declaration ? context.sourceCode.getDeclaredVariables(declaration) : []) {
    for (const reference of variable.references) {
      if (reference.isRead()) {
        uses.push(reference.identifier as TSESTree.Node);
      }
    }
  }
  return uses;
}

/** `x.register(node, …)`, the call that registers `node` as a Fastify plugin, or `null`. */
function registrationOf(node: TSESTree.Node): TSESTree.CallExpression | null {
  let plugin = node;
  while (plugin.parent && skipTsWrappers(plugin.parent) !== plugin.parent) {
    plugin = plugin.parent;
  }
  const call = plugin.parent;
  return call?.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0] === plugin &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    !call.callee.computed &&
    call.callee.property.type === AST_NODE_TYPES.Identifier &&
    call.callee.property.name === 'register'
    ? call
    : null;
}

/** Whether the call's option says it takes no credential (`{ dialect: 'sqlite' }`). */
function isExempt(context: FileContext, call: TSESTree.CallExpression | TSESTree.NewExpression, unless: NonNullable<SecretSink['unless']>): boolean {
  const argument = argumentAt(call, unless.arg);
  return argument !== null && compileTimeStringsAt(context, argument, unless.path, false).some((literal) => literal.value === unless.equals);
}

/** The argument at `index`, unless a spread comes before it (its position is then unknown). */
function argumentAt(call: TSESTree.CallExpression | TSESTree.NewExpression, index: number): TSESTree.Node | null {
  for (let i = 0; i <= index && i < call.arguments.length; i++) {
    if (call.arguments[i]!.type === AST_NODE_TYPES.SpreadElement) {
      return null;
    }
  }
  return call.arguments[index] ?? null;
}

/** `super(…)` in the constructor of the class whose superclass is `node` (statements of the constructor's body only). */
function superCallOf(node: TSESTree.Node): TSESTree.CallExpression | null {
  const owner = node.parent;
  if ((owner?.type !== AST_NODE_TYPES.ClassDeclaration && owner?.type !== AST_NODE_TYPES.ClassExpression) || owner.superClass !== node) {
    return null;
  }
  for (const member of owner.body.body) {
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor' && member.value.body) {
      for (const statement of member.value.body.body) {
        if (
          statement.type === AST_NODE_TYPES.ExpressionStatement &&
          statement.expression.type === AST_NODE_TYPES.CallExpression &&
          statement.expression.callee.type === AST_NODE_TYPES.Super
        ) {
          return statement.expression;
        }
      }
    }
  }
  return null;
}

/** The call of `method` down the fluent chain that starts at `start`: `new SignJWT(p).setIssuer(i).sign(key)`. */
function chainedCall(start: TSESTree.Node, method: string): TSESTree.CallExpression | null {
  let node: TSESTree.Node = start;
  for (let hops = 0; hops < 32; hops++) {
    let parent = node.parent;
    while (parent && (parent.type === AST_NODE_TYPES.ChainExpression || skipTsWrappers(parent) !== parent)) {
      node = parent;
      parent = node.parent;
    }
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node || parent.computed || parent.property.type !== AST_NODE_TYPES.Identifier) {
      return null;
    }
    const call = parent.parent;
    if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== parent) {
      return null;
    }
    if (parent.property.name === method) {
      return call;
    }
    node = call;
  }
  return null;
}
