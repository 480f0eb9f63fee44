import { getStringIfConstant } from '@eslint-community/eslint-utils';
import type { TSESTree } from '@typescript-eslint/utils';

import { regexOf, shellSafeClass } from './regexes';
import { SAFE, shortText, withNotes } from './values';
import type { TrackedValue, ValuePurpose } from './values';
import type { CallTarget } from '../../core/modules';
import { scopeOf } from '../../core/variable-index';
import { SINGLE_QUOTE_ESCAPES } from '../../data/commands';
import { matchCallTarget, matchWrittenName } from '../../core/name-specs';
import type { NameSpecList } from '../../core/name-specs';
import type { FileContext } from '../../core/context';

/** `path` functions whose result cannot contain a directory part. */
export const PATH_SANITIZERS = new Set(['basename', 'extname', 'isAbsolute']);

/** Call targets whose result is a safe file name but not a safe command word (`a;b` stays). */
export const FILE_NAME_SANITIZERS = new Set(['sanitize-filename#']);

/** Call targets (`module#path`, `#global.path`) whose result is never request input. */
export const SAFE_CALLS = new Set([
  'sanitize-filename#', '#Number', '#parseInt', '#parseFloat', '#Number.parseInt', '#Number.parseFloat',
  '#Number.isInteger', '#Boolean', '#isNaN', '#Date.now', '#crypto.randomUUID', 'crypto#randomUUID',
  'crypto#randomBytes', 'uuid#v1', 'uuid#v4', 'uuid#v7', 'nanoid#nanoid', 'os#tmpdir', 'os#homedir',
  '#process.cwd', '#require',
]);

/** Whether a call is one of the configured entries (`module#export` or a written name); `target` is the callee resolved. */
export function matchesSpec(specs: NameSpecList, callee: TSESTree.Node, target: CallTarget | null): boolean {
  return specs.specs.length > 0 && (matchWrittenName(callee, specs) !== null || matchCallTarget(target, specs) !== null);
}

/**
 * `x.replace(…)`: a character allow-list strips traversal (for a command: every shell
 * metacharacter, `/[^\w.-]/g`); removing `..` does not.
 */
export function replaceValue(context: FileContext, call: TSESTree.CallExpression, receiver: TrackedValue & { kind: 'input' }, purpose: ValuePurpose = 'path'): TrackedValue {
  const [pattern, replacement] = call.arguments;
  const regex = pattern ? regexOf(context, pattern) : null;
  const replacementText = replacement ? getStringIfConstant(replacement as never, scopeOf(context, call) as never) : null;
  if (regex?.flags.includes('g') && replacementText !== null && !/[./\\]/u.test(replacementText)) {
    const negated = /^\[\^((?:\\.|[^\]\\])*)\][+*]?$/u.exec(regex.pattern);
    // `/[^a-z0-9_-]/g`: everything but the listed characters goes; safe when `.`, `/`, `\` are not listed.
    if (negated && (purpose === 'command' ? shellSafeClass(negated[1]!) : !/\.|\/|\\\\|\\W|\\S|\\D/u.test(negated[1]!))) {
      return SAFE;
    }
  }
  // `x.replace(/'/g, "'\\''")`: every quote closes, escapes and reopens a single-quoted word.
  if (purpose === 'command' && regex?.flags.includes('g') && regex.pattern === "'" && replacementText !== null && SINGLE_QUOTE_ESCAPES.has(replacementText)) {
    return { kind: 'input', origin: receiver.origin, path: false, quoted: 'single' };
  }
  const literal = pattern ? getStringIfConstant(pattern as never, scopeOf(context, call) as never) : null;
  if ((literal?.includes('..') ?? false) || (regex?.pattern.includes('\\.\\.') ?? false)) {
    const method = (call.callee as TSESTree.MemberExpression).property;
    const label = `${shortText(context, method, 20) ?? 'replace'}(${shortText(context, pattern!, 20) ?? '…'}, …)`;
    return { kind: 'input', origin: withNotes(receiver.origin, [label]), path: false };
  }
  return { kind: 'input', origin: receiver.origin, path: false };
}

