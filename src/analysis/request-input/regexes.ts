import { getStringIfConstant } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { resolveConstInit, unwrapExpression } from '../../core/static';
import { scopeOf } from '../../core/variable-index';
import type { FileContext } from '../../core/context';

/** A regular expression given as a literal, a `const` holding one, or `new RegExp('…')`. */
export function regexOf(context: FileContext, node: TSESTree.Node, depth = 0): { pattern: string; flags: string } | null {
  const n = unwrapExpression(node);
  if (n.type === AST_NODE_TYPES.Literal && 'regex' in n && n.regex) {
    return { pattern: n.regex.pattern, flags: n.regex.flags };
  }
  if (n.type === AST_NODE_TYPES.Identifier && depth < 3) {
    const init = resolveConstInit(context, n);
    return init ? regexOf(context, init, depth + 1) : null;
  }
  if (
    n.type === AST_NODE_TYPES.NewExpression &&
    n.callee.type === AST_NODE_TYPES.Identifier &&
    n.callee.name === 'RegExp' &&
    n.arguments[0]
  ) {
    const scope = scopeOf(context, n) as never;
    const pattern = getStringIfConstant(n.arguments[0] as never, scope);
    const flags = n.arguments[1] ? getStringIfConstant(n.arguments[1] as never, scope) : '';
    return pattern === null || flags === null ? null : { pattern, flags };
  }
  return null;
}

/**
 * An allow-list pattern: anchored at both ends, no wildcard, no negated class, and no
 * `/` or `\` anywhere, so a match cannot contain a directory separator.
 * @example /^[\w-]+$/ // true;  /^.+$/, /[\w-]+/, /^[^/]+$/ // false
 */
export function isAllowListRegex(pattern: string): boolean {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) {
    return false;
  }
  let inClass = false;
  let depth = 0;
  for (let i = 1; i < pattern.length - 1; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if ('SWDbB/\\'.includes(next) || (next === 'p' && !inClass) || next === 'u' || next === 'x') {
        return false;
      }
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') {
        inClass = false;
      } else if (ch === '/') {
        return false;
      }
      continue;
    }
    if (ch === '[') {
      if (pattern[i + 1] === '^') {
        return false;
      }
      inClass = true;
    } else if (ch === '.' || ch === '/') {
      return false;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
    } else if (ch === '|' && depth === 0) {
      return false; // `^a|b$` anchors only one branch
    }
  }
  return true;
}

/** A character a shell reads as part of a word, written in a regex (`a`, `\\.`, `\\w`). */
const SHELL_WORD_TOKEN = /^(?:[\w.,:@%+=/-]|\\[wd.,:@%+=/_-])$/u;

/**
 * Whether the characters listed in a character class (its content, without `[` `]`) are all ones
 * a shell reads as part of a word: letters and digits (also as `a-z`, `\w`, `\d`), `_ . , : @ % + = / -`.
 * @example shellSafeClass('\\w.-') // true;  shellSafeClass('\\w ;') // false
 */
export function shellSafeClass(listed: string): boolean {
  const tokens = listed.match(/\\.|[^\\]/gu) ?? [];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    if (tokens[index + 1] === '-' && index + 2 < tokens.length) {
      const range = `${token}-${tokens[index + 2]!}`;
      if (!/^(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9])$/u.test(range)) {
        return false;
      }
      index += 2;
    } else if (!SHELL_WORD_TOKEN.test(token)) {
      return false;
    }
  }
  return true;
}

/**
 * Whether every string an allow-list pattern (see `isAllowListRegex`) matches is one shell word:
 * its literal characters and classes hold only what `shellSafeClass` accepts, the rest is regex
 * syntax (groups, alternatives, quantifiers).
 * @example isShellSafeRegex('^[\\w.-]+$') // true;  isShellSafeRegex('^[\\w ;]+$'), isShellSafeRegex('^a\\sb$') // false
 */
export function isShellSafeRegex(pattern: string): boolean {
  const body = pattern.slice(1, -1);
  const tokens = body.match(/\\.|\[(?:\\.|[^\]\\])*\]|\{\d*,?\d*\}|[^\\]/gu) ?? [];
  return tokens.every((token) => {
    if (token.startsWith('[')) {
      return shellSafeClass(token.slice(1, -1));
    }
    return /^[()|+*?]$|^\{[\d,]*\}$/u.test(token) || SHELL_WORD_TOKEN.test(token);
  });
}
