import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { staticValueOf } from '../../core/static';
import type { FileContext } from '../../core/context';

type Variable = TSESLint.Scope.Variable;

/**
 * What a value derived from a caught error carries, from least to most revealing:
 * its `message`, internal details (`err.sql`, `err.response.data`), the whole error object,
 * or its stack trace.
 */
export type ErrorLeakKind = 'message' | 'details' | 'error' | 'stack';

/** Methods whose result encodes the text they are given: `new TextEncoder().encode(text)`. */
export const ENCODING_METHODS: ReadonlySet<string> = new Set(['encode']);

/** Recursion cap for generated code nested thousands deep. */
export const MAX_DEPTH = 400;

const SEVERITY: Readonly<Record<ErrorLeakKind, number>> = { message: 1, details: 2, error: 3, stack: 4 };

/** A value derived from a caught error. */
export interface ErrorTaint {
  readonly kind: ErrorLeakKind;
  /** The caught-error variable (catch parameter, error-handler parameter…). */
  readonly source: Variable;
  /** The source and every alias the value went through (`const e = err`), for narrowing checks. */
  readonly variables: readonly Variable[];
  /** The expression that made the value what it is (`err.stack`, `String(err)`), for messages. */
  readonly origin: TSESTree.Node;
}

/** One place in a response payload where error-derived data ends up. */
export interface ErrorLeak extends ErrorTaint {
  /** The outermost payload expression carrying it: what a fix replaces. */
  readonly node: TSESTree.Node;
}

/** Properties of an error whose value exposes internals: SQL text, upstream requests, paths, commands. */
const DETAIL_PROPERTIES = new Set([
  'errors', 'sql', 'sqlMessage', 'original', 'parent', 'response', 'request', 'config', 'detail', 'hint',
  'where', 'query', 'parameters', 'meta', 'path', 'address', 'cmd', 'stderr', 'stdout', 'spawnargs',
]);
/**
 * Members of a detail object that only name the application's own schema: Prisma's `meta.target`
 * (the fields of a unique constraint, P2002), `meta.modelName`, `meta.field_name` (P2003). Read
 * from the detail object they belong to, they reveal no internals.
 */
const HARMLESS_DETAILS: ReadonlyMap<string, ReadonlySet<string>> = new Map([['meta', new Set(['target', 'modelName', 'field_name'])]]);

/** Whether reading `property` of the detail object read as `parent` is harmless (`meta.target`). */
export function isHarmlessDetail(parent: string | null, property: string | null): boolean {
  return parent !== null && property !== null && (HARMLESS_DETAILS.get(parent)?.has(property) ?? false);
}

/** Reads that are harmless wherever they are taken from (numbers, codes, class names). */
const SAFE_LEAVES = new Set(['status', 'statusCode', 'statusText', 'code', 'errno', 'name', 'length', 'expose', 'type']);

/** How revealing a kind is: `message` 1 … `stack` 4. */
export function kindSeverity(kind: ErrorLeakKind): number {
  return SEVERITY[kind];
}

/** The more revealing of two taints. */
export function maxTaint(a: ErrorTaint | null, b: ErrorTaint | null): ErrorTaint | null {
  if (!a || !b) {
    return a ?? b;
  }
  return SEVERITY[b.kind] > SEVERITY[a.kind] ? b : a;
}

/** What reading `property` of a value of `kind` yields (`null` property: an unknown/computed index). */
export function accessKind(kind: ErrorLeakKind, property: string | null): ErrorLeakKind | null {
  if (property !== null && SAFE_LEAVES.has(property) && kind !== 'stack' && kind !== 'message') {
    return null;
  }
  switch (kind) {
    case 'error':
      if (property === 'stack') return 'stack';
      if (property === 'message') return 'message';
      if (property === 'cause') return 'error';
      return property !== null && DETAIL_PROPERTIES.has(property) ? 'details' : null;
    case 'details':
      return 'details';
    default:
      // Indexing a string keeps its content; named reads (`.length`) do not.
      return property === null || /^\d+$/u.test(property) ? kind : null;
  }
}

/** Property path from a destructuring pattern down to `id` (`{ stack }`, `{ response: { data } }`, `...rest`). */
export function patternPath(pattern: TSESTree.Node, id: TSESTree.Node, context: FileContext): (string | null)[] | null {
  if (pattern === id) {
    return [];
  }
  switch (pattern.type) {
    case AST_NODE_TYPES.AssignmentPattern:
      return patternPath(pattern.left, id, context);
    case AST_NODE_TYPES.RestElement:
      return patternPath(pattern.argument, id, context);
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) {
        const rest = element ? patternPath(element, id, context) : null;
        if (rest) {
          return element!.type === AST_NODE_TYPES.RestElement ? rest : [null, ...rest];
        }
      }
      return null;
    case AST_NODE_TYPES.ObjectPattern:
      for (const prop of pattern.properties) {
        if (prop.type === AST_NODE_TYPES.RestElement) {
          const rest = patternPath(prop.argument, id, context);
          if (rest) {
            return rest;
          }
          continue;
        }
        const rest = patternPath(prop.value, id, context);
        if (rest) {
          const key = prop.computed
            ? (staticValueOf(context, prop.key)?.value ?? null)
            : prop.key.type === AST_NODE_TYPES.Identifier
              ? prop.key.name
              : String((prop.key as TSESTree.Literal).value);
          return [key === null ? null : String(key), ...rest];
        }
      }
      return null;
    default:
      return null;
  }
}
