/**
 * Written names read from their end, memoised per node. The name of `a.b().c` is `c` on top of
 * the name of `a.b()` (which is that of `a.b`, as `dottedName` reads it), so each call of an
 * n-long chain costs O(1) instead of the O(n) of building and splitting `a.b.c…` anew.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { AUTH_CLIENT_WORDS, VERIFIER_OBJECT_WORDS } from '../../data/auth-vocabulary';
import { perFile, perFileKey } from '../../core/context';
import { memoizeByString } from '../../core/memo';
import type { FileContext } from '../../core/context';
import { skipTsWrappers } from '../../core/static';
import { wordsOf } from '../../core/words';

/** A word of `VERIFIER_OBJECT_WORDS` occurs in a segment: `jwt` of `jwt.verify`. */
export const VERIFIER_WORD = 1;
/** A word of `AUTH_CLIENT_WORDS` occurs in a segment: `supabase` of `supabase.auth.getUser`. */
export const AUTH_CLIENT_WORD = 2;

/** The name `dottedName` would give, as a list from its last segment to its first. */
export interface WrittenName {
  /** The last segment: `c` of `a.b.c`. */
  readonly last: string;
  /** The name without its last segment (`a.b` of `a.b.c`), `null` for a one-segment name. */
  readonly object: WrittenName | null;
  /** How many segments the name has. */
  readonly length: number;
  /** `VERIFIER_WORD | AUTH_CLIENT_WORD`: which of those words occur in any segment of the name. */
  readonly words: number;
}

const NAMES = perFileKey<WeakMap<TSESTree.Node, WrittenName | null>>('auth written names');

/**
 * The written name of an expression, `null` where `dottedName` gives `null`: identifiers,
 * `this`, static member chains, calls and `new` reading as their callee (`new Webhook(s).verify`
 * is `Webhook.verify`). Iterative, and memoised for every node on the way down, so that the
 * calls of a chain, visited outermost first, each find their callee's name already made.
 */
export function writtenName(context: FileContext, node: TSESTree.Node): WrittenName | null {
  const memo = perFile(context, NAMES, () => new WeakMap());
  const path: TSESTree.Node[] = [];
  let current = node;
  let name: WrittenName | null;
  for (;;) {
    const known = memo.get(current);
    if (known !== undefined) {
      name = known;
      break;
    }
    const expr = skipTsWrappers(current);
    if (expr.type === AST_NODE_TYPES.Identifier || expr.type === AST_NODE_TYPES.ThisExpression) {
      name = segment(null, expr.type === AST_NODE_TYPES.Identifier ? expr.name : 'this');
      memo.set(current, name);
      break;
    }
    if (expr.type === AST_NODE_TYPES.MemberExpression && !expr.computed && expr.property.type === AST_NODE_TYPES.Identifier) {
      path.push(current);
      current = expr.object;
    } else if (expr.type === AST_NODE_TYPES.CallExpression || expr.type === AST_NODE_TYPES.NewExpression) {
      path.push(current);
      current = expr.callee;
    } else {
      name = null;
      memo.set(current, null);
      break;
    }
  }
  for (let i = path.length - 1; i >= 0; i--) {
    const expr = skipTsWrappers(path[i]!);
    if (expr.type === AST_NODE_TYPES.MemberExpression) {
      // A member of something nameless reads as its property alone: `foo[0].bar` is `bar`.
      name = segment(name, (expr.property as TSESTree.Identifier).name);
    }
    memo.set(path[i]!, name);
  }
  return name;
}

function segment(object: WrittenName | null, last: string): WrittenName {
  return { last, object, length: (object?.length ?? 0) + 1, words: (object?.words ?? 0) | wordFlags(last) };
}

/** Flags per segment name: the same names (`req`, `res`, `db`, `user`) come back in every handler. */
const wordFlags = memoizeByString((segmentName) => computeWordFlags(segmentName));

function computeWordFlags(segmentName: string): number {
  let flags = 0;
  for (const word of wordsOf(segmentName)) {
    if (VERIFIER_OBJECT_WORDS.has(word)) {
      flags |= VERIFIER_WORD;
    }
    if (AUTH_CLIENT_WORDS.has(word)) {
      flags |= AUTH_CLIENT_WORD;
    }
  }
  return flags;
}
