import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { SHELL_PROGRAMS } from '../../data/commands';
import { skipTsWrappers, staticValue } from '../../core/static';
import type { FileContext } from '../../core/context';

/** One space-separated part of a command line written as a template literal. */
export type CommandPart =
  /** A word the shell leaves as it is (`convert`, `-resize`, `out.png`, `50%`). */
  | { readonly kind: 'word'; readonly text: string }
  /** One interpolation alone, or alone inside quotes (`${a}`, `"${a}"`, `'${a}'`). */
  | { readonly kind: 'value'; readonly node: TSESTree.Expression };

/** Characters of a word that no shell expands, splits or quotes. */
const PLAIN_WORD = /^[\w@%+=:,./-]+$/u;
/** A program name: a plain word that is not an environment assignment (`FOO=1 cmd`). */
const PLAIN_PROGRAM = /^[\w@%+:,./-]+$/u;
/** Stands for an interpolation in the joined text of the quasis. */
const HOLE = '\u0000';

/**
 * The parts of a template literal that is a simple command (`` `convert ${a} -resize 50% out.png` ``):
 * a program written as a plain word, then plain words and interpolations that stand alone (or alone
 * in quotes), separated by spaces; `null` for anything a shell would read otherwise (pipes,
 * redirections, globs, variables, an interpolation inside a word, several lines).
 * @example commandParts(template) // `` `convert ${a} out.png` `` -> [word convert, value a, word out.png]
 */
export function commandParts(template: TSESTree.TemplateLiteral): CommandPart[] | null {
  const raws = template.quasis.map((quasi) => quasi.value.raw);
  if (raws.some((raw) => raw.includes(HOLE))) {
    return null;
  }
  const text = raws.join(HOLE).trim();
  if (text === '' || /[\r\n]/u.test(text)) {
    return null;
  }
  const parts: CommandPart[] = [];
  let hole = 0;
  for (const token of text.split(/[ \t]+/u)) {
    if (token === HOLE || token === `"${HOLE}"` || token === `'${HOLE}'`) {
      parts.push({ kind: 'value', node: template.expressions[hole]! });
      hole += 1;
    } else if (!token.includes(HOLE) && PLAIN_WORD.test(token)) {
      parts.push({ kind: 'word', text: token });
    } else {
      return null;
    }
  }
  const [program] = parts;
  return program?.kind === 'word' && PLAIN_PROGRAM.test(program.text) ? parts : null;
}

/** The base name of a program path (`/bin/sh` -> `sh`), lower-cased for Windows names. */
function programName(path: string): string {
  return (path.split(/[/\\]/u).at(-1) ?? path).toLowerCase();
}

/**
 * The argument a shell program runs as a command line: `spawn('sh', ['-c', cmd])`,
 * `execFile('/bin/bash', ['-lc', cmd])`, `spawn('cmd.exe', ['/c', cmd])`. `null` when the program
 * is not a constant shell or the arguments are not an array literal with its command flag.
 */
export function shellCommandArgument(context: FileContext, program: TSESTree.Node, args: TSESTree.Node | undefined): TSESTree.Node | null {
  const value = staticValue(context, program);
  const flag = typeof value?.value === 'string' ? SHELL_PROGRAMS.get(programName(value.value)) : undefined;
  const list = args ? skipTsWrappers(args) : null;
  if (!flag || list?.type !== AST_NODE_TYPES.ArrayExpression) {
    return null;
  }
  for (let index = 0; index < list.elements.length - 1; index++) {
    const element = list.elements[index];
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) {
      return null; // the positions after a spread are unknown
    }
    const text = staticValue(context, element);
    if (typeof text?.value === 'string' && flag.test(text.value)) {
      const command = list.elements[index + 1];
      return command && command.type !== AST_NODE_TYPES.SpreadElement ? command : null;
    }
  }
  return null;
}

/**
 * The interpolations of a tagged template (zx's `` $`…` ``, execa's) that a shell program runs as a
 * command line: those right after `sh -c ` (`` $`bash -c ${cmd}` ``). The tag quotes each
 * interpolation as one argument, which the shell then parses as a command. Linear in the template:
 * each quasi is read once.
 */
export function shellCommandInterpolations(template: TSESTree.TemplateLiteral): TSESTree.Expression[] {
  const head = template.quasis[0]!.value.raw.trimStart();
  const program = /^([^ \t]+)[ \t]/u.exec(head)?.[1];
  const flag = program === undefined ? undefined : SHELL_PROGRAMS.get(programName(program));
  if (!flag) {
    return [];
  }
  const found: TSESTree.Expression[] = [];
  for (const [index, expression] of template.expressions.entries()) {
    const raw = template.quasis[index]!.value.raw;
    const tokens = raw.trim().split(/[ \t]+/u);
    // The flag is a whole word of this quasi (not the program, not glued to the previous interpolation), then a space.
    const whole = index === 0 ? tokens.length >= 2 : tokens.length >= 2 || /^[ \t]/u.test(raw);
    if (whole && /[ \t]$/u.test(raw) && flag.test(tokens.at(-1)!)) {
      found.push(expression);
    }
  }
  return found;
}
