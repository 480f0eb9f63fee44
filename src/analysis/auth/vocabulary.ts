/** Name judgement: whether a name, or a project's own list of names, says "this enforces authentication". */
import type { TSESTree } from '@typescript-eslint/utils';

import { CREDENTIAL_WORDS, GATE_VERBS, IDENTITY_NOUNS, NOT_A_GATE_WORDS, STRONG_AUTH_WORDS } from '../../data/auth-vocabulary';
import type { FileContext } from '../../core/context';
import { compileNameSpecs, matchNameSpec } from '../../core/name-specs';
import { wordsOf } from '../../core/words';

/** The project's own auth vocabulary (settings plus rule options). */
export interface AuthVocabulary {
  /** Gate functions called in handlers (`requireUser`); bare names or `module#export`. */
  readonly functions: readonly string[];
  /** Middleware and guards (`checkSession`, `my-auth#guard`). */
  readonly middleware: readonly string[];
  /** Wrappers around handlers (`withAuth`). */
  readonly wrappers: readonly string[];
  /** Procedure builders that require a session (`protectedProcedure`). */
  readonly procedures: readonly string[];
}

/** Whether a name says "this enforces authentication": `requireAuth`, `isAuthenticated`, `verifyJwt`, `adminOnly`. */
export function isAuthName(name: string): boolean {
  const words = wordsOf(name);
  if (words.some((w) => NOT_A_GATE_WORDS.has(w))) {
    return false;
  }
  return (
    // `expressjwt`, `koajwt`, `checkjwt`: one-word library names ending in `jwt`.
    words.some((w) => STRONG_AUTH_WORDS.has(w) || w.endsWith('jwt')) ||
    (words.some((w) => GATE_VERBS.has(w)) && words.some((w) => IDENTITY_NOUNS.has(w))) ||
    (words.includes('validate') && words.some((w) => CREDENTIAL_WORDS.has(w)))
  );
}

/**
 * Whether a callee or guard matches a user list entry: by its written name (`requireUser`
 * matches `requireUser` and `auth.requireUser`, `auth.required` matches `req.auth.required`) or,
 * for `module#export` entries, by what it resolves to.
 */
export function matchesList(context: FileContext, list: readonly string[], node: TSESTree.Node): boolean {
  return list.length > 0 && matchNameSpec(context, node, compileNameSpecs(list)) !== null;
}
