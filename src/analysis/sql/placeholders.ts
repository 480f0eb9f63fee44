import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { concatOperands } from '../../core/ast';
import type { ValueBinding } from '../../data/sql';

/** Text before an interpolation that puts it in a value position. */
const VALUE_BEFORE: readonly RegExp[] = [
  /(?:[=<>]|\b(?:I?LIKE|LIMIT|OFFSET|BETWEEN))\s*$/iu,
  /\bBETWEEN\s+\S+\s+AND\s*$/iu,
  // inside a VALUES ( … ) tuple, after "(" or ","
  /\bVALUES\s*\((?:(?:[^()']|'[^']*')*,)?\s*$/iu,
];
/** Text after an interpolation (or its closing quote) that ends a value. */
const VALUE_AFTER = /^(?:$|[\s),;])/u;

/** One rewritten SQL text: raw text between the backticks plus the values lifted out of it. */
export interface PlaceholderRewrite {
  /** Raw template content with each value replaced (quotes around it removed). */
  readonly text: string;
  /** The interpolated expressions, in order. */
  readonly values: readonly TSESTree.Expression[];
}

/**
 * SQL text written in the source: the raw text pieces between the values, as they would read
 * between the backticks of a template literal (`texts.length === values.length + 1`).
 */
interface SqlPieces {
  readonly texts: readonly string[];
  readonly values: readonly TSESTree.Expression[];
  /** The quote of a string-literal concatenation (`'`, `"`), which a rewrite keeps when it can; `null` for a template. */
  readonly quote: string | null;
}

/** A string value as the raw text of a template literal. */
function templateRaw(value: string): string {
  return value.replace(/\\|`|\$\{|\r/gu, (match) => (match === '\r' ? '\\r' : `\\${match}`));
}

/**
 * The pieces of SQL text written as a template literal, or as a `+` concatenation that starts
 * with a string (`'… id = ' + id + ' AND …'`, template operands included). `null` for anything
 * else: a concatenation that could be a numeric addition first, a nested `+` operand, a template
 * with an invalid escape, comments inside (a rewrite would drop them).
 */
function sqlPiecesOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): SqlPieces | null {
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    return { texts: node.quasis.map((quasi) => quasi.value.raw), values: node.expressions, quote: null };
  }
  if (node.type !== AST_NODE_TYPES.BinaryExpression || node.operator !== '+' || sourceCode.getCommentsInside(node).length > 0) {
    return null;
  }
  const operands = concatOperands(node);
  const first = operands[0]!;
  const quote = first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' ? sourceCode.getText(first)[0]! : null;
  if (quote === null && first.type !== AST_NODE_TYPES.TemplateLiteral) {
    return null;
  }
  const texts: string[] = [''];
  const values: TSESTree.Expression[] = [];
  for (const operand of operands) {
    if (operand.type === AST_NODE_TYPES.Literal && typeof operand.value === 'string') {
      texts[texts.length - 1] += templateRaw(operand.value);
    } else if (operand.type === AST_NODE_TYPES.TemplateLiteral) {
      texts[texts.length - 1] += operand.quasis[0]!.value.raw;
      operand.expressions.forEach((expression, index) => {
        values.push(expression);
        texts.push(operand.quasis[index + 1]!.value.raw);
      });
    } else if (operand.type === AST_NODE_TYPES.PrivateIdentifier || (operand.type === AST_NODE_TYPES.BinaryExpression && operand.operator === '+')) {
      return null;
    } else {
      values.push(operand as TSESTree.Expression);
      texts.push('');
    }
  }
  return { texts, values, quote: first.type === AST_NODE_TYPES.TemplateLiteral ? null : quote };
}

/**
 * The literal that holds rewritten text: a template literal, or for a concatenation of strings
 * a string in its quote when the text needs no escaping there.
 */
function literalText(pieces: SqlPieces, text: string): string {
  const quote = pieces.quote;
  return quote !== null && !/[\\\n\r\u2028\u2029`]|\$\{/u.test(text) && !text.includes(quote) ? `${quote}${text}${quote}` : `\`${text}\``;
}

/**
 * Rewrites SQL text so that every value becomes a placeholder, removing the quotes that
 * surrounded a quoted value (`'${email}'` → `$1`). Returns `null` unless every value sits in a
 * value position (after `=`, `<`, `LIKE`, `LIMIT`, inside `VALUES (…)`), not inside quotes
 * adjoining other text (`'%${q}%'`) and not an identifier (`FROM ${table}`, `ORDER BY ${col}`).
 * @example toPlaceholders(`SELECT * FROM t WHERE a = '${x}'`, (i) => `$${i + 1}`) // text: SELECT * FROM t WHERE a = $1
 */
function toPlaceholders(
  pieces: SqlPieces,
  placeholder: (index: number, expression: TSESTree.Expression) => string,
): PlaceholderRewrite | null {
  if (pieces.values.length === 0) {
    return null;
  }
  let text = pieces.texts[0]!;
  for (let index = 0; index < pieces.values.length; index++) {
    const expression = pieces.values[index]!;
    let after = pieces.texts[index + 1]!;
    let before = text;
    // Only single quotes delimit strings everywhere; "x" is an identifier in Postgres and SQLite.
    const quote = /(?<![\w'"])'$/u.exec(before)?.[0];
    if (quote) {
      if (!after.startsWith(quote)) {
        return null;
      }
      before = before.slice(0, -1);
      after = after.slice(1);
    } else if (/['"%\w.]$/u.test(before)) {
      return null;
    }
    if (!VALUE_BEFORE.some((pattern) => pattern.test(before)) || !VALUE_AFTER.test(after)) {
      return null;
    }
    text = before + placeholder(index, expression) + after;
  }
  return { text, values: pieces.values };
}

/** Source text of an expression as an array element or argument (sequences parenthesised). */
function argumentText(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Expression): string {
  const text = sourceCode.getText(expression);
  return expression.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
}

/**
 * A readable, unique, identifier-safe name for a value (`req.body.email` → `email`),
 * used for named placeholders.
 */
function placeholderName(expression: TSESTree.Expression, taken: Set<string>): string {
  let base = 'value';
  let current: TSESTree.Node = expression;
  while (current.type === AST_NODE_TYPES.TSAsExpression || current.type === AST_NODE_TYPES.TSNonNullExpression) {
    current = current.expression;
  }
  if (current.type === AST_NODE_TYPES.Identifier) {
    base = current.name;
  } else if (current.type === AST_NODE_TYPES.MemberExpression && !current.computed && current.property.type === AST_NODE_TYPES.Identifier) {
    base = current.property.name;
  }
  base = base.replace(/[^\w]/gu, '') || 'value';
  let name = base;
  for (let n = 2; taken.has(name); n++) {
    name = `${base}${n}`;
  }
  taken.add(name);
  return name;
}

/** A rewrite of a query call that moves interpolated values into parameters. */
export interface CallRewrite {
  /** Placeholder style shown to the user (`$1, $2, …`, `?`, `:name`). */
  readonly placeholder: string;
  /** Set when the rewrite switches to a parameterising tag (`$queryRaw`). */
  readonly tag?: string;
  readonly fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];
}

/**
 * Rewrites `call`, whose argument `argIndex` is the SQL text `argument` (a template literal or
 * a `+` concatenation starting with a string), to pass the values as parameters in the
 * library's style (see `ValueBinding`). Returns `null` when the text is not written at the
 * argument, a value is not in a value position, the text already holds placeholders, or the
 * call already passes values.
 * @example pool.query(`… id = ${id}`) // -> pool.query(`… id = $1`, [id])
 * @example pool.query('… id = ' + id) // -> pool.query('… id = $1', [id])
 */
export function parameterizeCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
  argument: TSESTree.Node,
  argIndex: number,
  binding: ValueBinding,
): CallRewrite | null {
  if (call.arguments[argIndex] !== argument) {
    return null;
  }
  const pieces = sqlPiecesOf(sourceCode, argument);
  if (!pieces) {
    return null;
  }
  const template = argument;
  const existing = pieces.texts.join(' ');
  const tail = call.arguments.slice(argIndex + 1);
  const first = tail[0];
  const callbackOnly = tail.length === 1 &&
    (first?.type === AST_NODE_TYPES.ArrowFunctionExpression || first?.type === AST_NODE_TYPES.FunctionExpression);
  const valueList = (values: readonly TSESTree.Expression[]): string =>
    values.map((value) => argumentText(sourceCode, value)).join(', ');
  const replaceTemplate = (text: string) => (fixer: TSESLint.RuleFixer) => fixer.replaceText(template, literalText(pieces, text));

  switch (binding) {
    case 'dollar-array':
    case 'question-array': {
      const dollar = binding === 'dollar-array';
      const rewrite = (dollar ? /\$\d/u : /\?/u).test(existing) || (tail.length > 0 && !callbackOnly)
        ? null
        : toPlaceholders(pieces, (index) => (dollar ? `$${index + 1}` : '?'));
      if (!rewrite) {
        return null;
      }
      const values = `[${valueList(rewrite.values)}]`;
      return {
        placeholder: dollar ? '$1, $2, …' : '?',
        fix: (fixer) => [
          replaceTemplate(rewrite.text)(fixer),
          callbackOnly ? fixer.insertTextBefore(first!, `${values}, `) : fixer.insertTextAfter(template, `, ${values}`),
        ],
      };
    }
    case 'question-statement': {
      // db.prepare(`…`).get() -> db.prepare('… ?').get(value)
      const member = call.parent;
      const run = member.parent;
      if (
        /\?/u.test(existing) || tail.length > 0 ||
        member.type !== AST_NODE_TYPES.MemberExpression || member.object !== call || member.computed ||
        run?.type !== AST_NODE_TYPES.CallExpression || run.callee !== member || run.arguments.length > 0 ||
        member.property.type !== AST_NODE_TYPES.Identifier || !STATEMENT_RUNNERS.has(member.property.name)
      ) {
        return null;
      }
      const rewrite = toPlaceholders(pieces, () => '?');
      const closing = sourceCode.getLastToken(run);
      if (!rewrite || !closing) {
        return null;
      }
      return {
        placeholder: '?',
        fix: (fixer) => [replaceTemplate(rewrite.text)(fixer), fixer.insertTextBefore(closing, valueList(rewrite.values))],
      };
    }
    case 'named-replacements': {
      if (/(?<![:\w]):[A-Za-z_]/u.test(existing) || tail.length > 0) {
        return null;
      }
      const taken = new Set<string>();
      const names: string[] = [];
      const rewrite = toPlaceholders(pieces, (_, expression) => {
        names.push(placeholderName(expression, taken));
        return `:${names.at(-1)!}`;
      });
      if (!rewrite) {
        return null;
      }
      const entries = rewrite.values.map((value, index) => {
        const text = argumentText(sourceCode, value);
        return text === names[index] ? text : `${names[index]!}: ${text}`;
      });
      return {
        placeholder: ':name',
        fix: (fixer) => [
          replaceTemplate(rewrite.text)(fixer),
          fixer.insertTextAfter(template, `, { replacements: { ${entries.join(', ')} } }`),
        ],
      };
    }
    case 'prisma-tagged': {
      // prisma.$queryRawUnsafe(`… ${x}`) -> prisma.$queryRaw`… ${x}`
      const callee = call.callee;
      if (
        call.arguments.length !== 1 || call.optional ||
        callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.optional ||
        callee.property.type !== AST_NODE_TYPES.Identifier || !/^\$(?:query|execute)RawUnsafe$/u.test(callee.property.name)
      ) {
        return null;
      }
      const rewrite = toPlaceholders(pieces, (_, expression) => `\${${sourceCode.getText(expression)}}`);
      if (!rewrite) {
        return null;
      }
      const tag = callee.property.name.replace('Unsafe', '');
      const typeArgs = call.typeArguments ? sourceCode.getText(call.typeArguments) : '';
      return {
        placeholder: '${…}',
        tag,
        fix: (fixer) => fixer.replaceText(call, `${sourceCode.getText(callee.object)}.${tag}${typeArgs}\`${rewrite.text}\``),
      };
    }
    default:
      return null;
  }
}

/** better-sqlite3 / node:sqlite statement methods that take the bound values. */
const STATEMENT_RUNNERS = new Set(['get', 'all', 'run', 'iterate', 'values']);
