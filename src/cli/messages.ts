/**
 * How the command shows the rules' messages to a reviewer. The rules write one message that says
 * what is wrong, why and how to fix it (an editor shows it on hover); a report that lists hundreds
 * of findings shows only the first part on each, and the rest once per rule ({@link splitMessage}).
 */

/** A message cut in two: what is wrong here, and the explanation that follows. */
export interface SplitMessage {
  /** The first sentence, or its first clause when a `:` or `;` follows it (no final period). */
  headline: string;
  /** The rest, starting with a capital letter; '' when the message is one short sentence. */
  detail: string;
}

/** Characters that open a span in which no sentence or clause ends: code and parentheses. */
const CLOSERS: Readonly<Record<string, string>> = { '`': '`', '(': ')', '[': ']', '{': '}' };

/**
 * Splits a message at the end of its first sentence (`. ` before a capital letter) or of its
 * first clause (`: ` or `; `), whichever comes first, outside code spans and parentheses:
 * "`fetch` has no timeout: a stalled server…" gives the headline "`fetch` has no timeout".
 */
export function splitMessage(text: string): SplitMessage {
  return splitAt(text, true);
}

/** The sentences of a text (each with its period), split as {@link splitMessage} splits. */
export function sentencesOf(text: string): string[] {
  const sentences: string[] = [];
  let rest = text.trim();
  while (rest !== '') {
    const { headline, detail } = splitAt(rest, false);
    sentences.push(detail === '' ? rest : `${headline}.`);
    rest = detail;
  }
  return sentences;
}

function splitAt(text: string, clauses: boolean): SplitMessage {
  const stack: string[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    const top = stack.at(-1);
    if (top === '`') {
      if (char === '`') {
        stack.pop();
      }
      continue;
    }
    if (char === top) {
      stack.pop();
      continue;
    }
    const closer = CLOSERS[char];
    if (closer !== undefined) {
      stack.push(closer);
      continue;
    }
    if (stack.length > 0) {
      continue;
    }
    const next = text.charAt(index + 1);
    const after = text.slice(index + 2);
    const endsSentence = char === '.' && next === ' ' && /^[A-Z`'"]/u.test(after);
    const endsClause = clauses && (char === ':' || char === ';') && next === ' ' && after.length > 0;
    if (endsSentence || endsClause) {
      return { headline: text.slice(0, index), detail: capitalize(after.trim()) };
    }
  }
  return { headline: text.replace(/\.$/u, ''), detail: '' };
}

/** Capitalises a leading plain word (`a stalled server` → `A stalled server`), never code (`path.join()`). */
function capitalize(text: string): string {
  return /^[a-z]+(?![\w.(`$])/u.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * One quoting style for code in every rule's message: backticks. Some rules quote a callee in
 * single quotes (`'fetch' has no timeout`); a single-quoted word without spaces that starts the
 * message or follows a space or `(` becomes a code span. Apostrophes inside words are untouched.
 */
export function normalizeQuotes(text: string): string {
  return text.replace(/(^|[\s(])'([^'\s`]+)'(?=[\s:;,.)]|$)/gu, '$1`$2`');
}
