import type { TSESTree } from '@typescript-eslint/utils';
import { AST_TOKEN_TYPES } from '@typescript-eslint/utils';

import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';

/**
 * "Does this text look like SQL?" — keyword recognition on (approximated) string text.
 * Values spliced into the text are expected as a placeholder character that is not a
 * letter (see `approximateText`).
 */

/** Statement keywords that open a query. */
const LEADING = /^(?:select|insert|update|delete|with|merge|replace|create|alter|drop|truncate|call|exec|execute)(?=[\s(*\uE000])/iu;

/** Leading whitespace, `--` line comments, block comments and opening parentheses. */
const PREFIX = /^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*/u;

/**
 * Clause keywords that mark a fragment being appended to a query. Upper case only:
 * prose says "from" and "set" all the time, hand-written SQL fragments shout.
 */
const CLAUSE = /(?:^|[\s(\uE000])(?:WHERE|FROM|SET|VALUES|ORDER\s+BY|GROUP\s+BY|HAVING|LIMIT|OFFSET|JOIN|INTO|AND|OR|RETURNING)(?=[\s(\uE000]|$)/u;

/**
 * A string or template token that could start SQL text or carry a clause: a statement keyword
 * at its start (any case, whatever follows, as a spliced value may), or an upper-case clause
 * keyword anywhere. Looser than `looksLikeSql`, token by token.
 */
const TOKEN_LEADING = /^(?:\s+|\\[nrt]|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/|\()*(?:select|insert|update|delete|with|merge|replace|create|alter|drop|truncate|call|exec|execute)(?![\w$])/iu;
/**
 * An upper-case clause keyword anywhere, or an escape that could spell a letter (`'\x53ELECT'`:
 * such a token is not judged by its raw text), in one scan of the token.
 */
const TOKEN_CLAUSE_OR_ESCAPE = /(?:^|[\s(])(?:WHERE|FROM|SET|VALUES|ORDER\s+BY|GROUP\s+BY|HAVING|LIMIT|OFFSET|JOIN|INTO|AND|OR|RETURNING)(?=[\s(]|$)|\\(?:x|u|[0-7])/u;

const SQL_TEXT = perFileKey<boolean>('file may hold SQL text');
/**
 * The same, looser, on the whole text at once (one linear scan, no tokens): a statement keyword,
 * a comment or an escaped line break after a quote, backtick, `}` or `(` (the start of a string or
 * template part) and blanks or parentheses; an upper-case clause keyword anywhere; or an escape.
 * A file without any is ruled out before its tokens are read.
 */
const TEXT_MAY_LEAD_SQL = /['"`}(][\s(]*(?:--|\/\*|\\[nrt]|(?:select|insert|update|delete|with|merge|replace|create|alter|drop|truncate|call|exec|execute)(?![\w$]))/iu;
const TEXT_MAY_HOLD_CLAUSE = /\b(?:WHERE|FROM|SET|VALUES|ORDER\s+BY|GROUP\s+BY|HAVING|LIMIT|OFFSET|JOIN|INTO|AND|OR|RETURNING)\b|\\(?:x|u|[0-7])/u;

/** The two whole-text patterns, global: where they match, the token there is looked at. */
const TEXT_CANDIDATES = [TEXT_MAY_LEAD_SQL, TEXT_MAY_HOLD_CLAUSE].map((pattern) => new RegExp(pattern.source, `${pattern.flags}g`));

/**
 * Whether any string or template token of the file could be (part of) text that `looksLikeSql`
 * accepts. Text built from this file's strings can look like SQL only then: a file without
 * (about nine in ten server files) need not take apart the arguments of every `map.get(key)`.
 * Only the tokens where a whole-text pattern matches are judged (every token the token patterns
 * accept holds such a match: a clause keyword between non-word characters, an escape, or a quote
 * followed by a keyword, comment or escape), found by a binary search of the token list.
 */
export function mayContainSqlText(context: FileContext): boolean {
  return perFile(context, SQL_TEXT, () => {
    const text = context.sourceCode.text;
    const tokens = context.sourceCode.ast.tokens ?? [];
    if (tokens.length === 0) {
      // A project file read for a summary is kept without tokens (`project/files`): it may.
      return text.trim() !== '';
    }
    let judged = -1;
    for (const pattern of TEXT_CANDIDATES) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        const index = tokenAt(tokens, match.index);
        if (index !== -1 && index !== judged && tokenMayHoldSql(tokens[index]!)) {
          return true;
        }
        judged = index;
      }
    }
    return false;
  });
}

/** The index of the token whose range holds `offset`, or -1 (between tokens, in a comment). */
function tokenAt(tokens: readonly TSESTree.Token[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const [start, end] = tokens[middle]!.range;
    if (offset < start) {
      high = middle - 1;
    } else if (offset >= end) {
      low = middle + 1;
    } else {
      return middle;
    }
  }
  return -1;
}

/** Whether a string or template token's text could begin SQL or hold a clause keyword or an escape. */
function tokenMayHoldSql(token: TSESTree.Token): boolean {
  if (token.type !== AST_TOKEN_TYPES.String && token.type !== AST_TOKEN_TYPES.Template) {
    return false;
  }
  // Strip the quotes, or the template's `\``, `}` and `${`.
  const text = token.type === AST_TOKEN_TYPES.String ? token.value.slice(1, -1) : token.value.replace(/^[`}]|(?:\$\{|`)$/gu, '');
  return TOKEN_LEADING.test(text) || TOKEN_CLAUSE_OR_ESCAPE.test(text);
}

/** The second keyword each statement needs before we call a stand-alone string a query. */
const STATEMENT_SHAPES: readonly RegExp[] = [
  /^select\b[\s\S]*\bfrom\b/iu,
  /^insert\s+(?:(?:ignore|or\s+\w+)\s+)?into\b/iu,
  /^update\b[\s\S]*\bset\b/iu,
  /^delete\s+from\b/iu,
  /^with\b[\s\S]*\bas\s*\(/iu,
  /^merge\s+into\b/iu,
  /^replace\s+into\b/iu,
  /^(?:create|alter|drop)\s+(?:or\s+replace\s+)?(?:temp(?:orary)?\s+|unique\s+)?(?:table|view|index|database|schema|function|procedure|trigger|sequence|type)\b/iu,
  /^truncate\s+(?:table\s+)?[\w"`\uE000]/iu,
  /^(?:call|exec|execute)\s+[\w"`\uE000[]/iu,
];

/** The text with leading whitespace, comments and parentheses removed. */
function stripSqlPrefix(text: string): string {
  return text.replace(PREFIX, '');
}

/**
 * The SQL statement keyword the text starts with, case-insensitive, after optional
 * whitespace and comments.
 * @example leadingSqlKeyword('  -- list\nselect * from t') // 'SELECT'
 */
function leadingSqlKeyword(text: string): string | null {
  const match = LEADING.exec(stripSqlPrefix(text));
  return match ? match[0].toUpperCase() : null;
}

/**
 * Text that a query API would plausibly receive: a leading statement keyword, or an
 * upper-case clause fragment (` WHERE id = `, ` ORDER BY `).
 * @example looksLikeSql(`SELECT * FROM users WHERE id = \uE000`) // true
 * @example looksLikeSql('user:\uE000') // false
 */
export function looksLikeSql(text: string): boolean {
  return leadingSqlKeyword(text) !== null || CLAUSE.test(text);
}

/**
 * Stricter check for strings seen nowhere near a query API: a full statement shape
 * (`SELECT … FROM`, `INSERT INTO`, `UPDATE … SET`, `DELETE FROM`…) whose first keyword
 * is all upper or all lower case (prose capitalises: "Select a file from…"), or an
 * upper-case clause fragment.
 * @example looksLikeSqlStatement('SELECT id FROM users WHERE name = \uE000') // true
 * @example looksLikeSqlStatement('Select a file from \uE000') // false
 */
export function looksLikeSqlStatement(text: string): boolean {
  const body = stripSqlPrefix(text);
  const first = /^\w+/u.exec(body)?.[0] ?? '';
  const consistentCase = first === first.toUpperCase() || first === first.toLowerCase();
  return (consistentCase && STATEMENT_SHAPES.some((shape) => shape.test(body))) || CLAUSE.test(text);
}
