/**
 * Minimal globs for route paths and file paths: `**` matches across `/`, `*` within one
 * segment, `?` one character; `**` then `/` matches zero or more whole segments (`/a/**` +
 * `/b` matches `/a/b` and `/a/x/y/b`); a trailing `/**` also matches the directory itself
 * (`/auth/**` matches `/auth`).
 * Everything else is literal (`:id`, `.`, `(group)`, `[id]`): no braces or character classes.
 *
 * Globs come from settings and options, so they are hostile input: matching never builds a
 * regular expression (a 100,000-character glob cannot throw) and never backtracks. A glob is
 * compiled to a small automaton that is run over the subject once, keeping the set of glob
 * positions reachable so far: time is at most proportional to subject length × glob length,
 * whatever the stars, and capped (`MAX_STEPS`); a glob that needs more characters than the
 * subject has, or lacks its literal parts, is rejected before any of that.
 */

/** One element of a compiled glob: a character class a step consumes. */
type CharClass = string | typeof ANY | typeof NOT_SLASH;

const ANY = 0;
const NOT_SLASH = 1;

/** An automaton state: consumes a character to stay (`loop`) or to move to the next state (`step`), or moves for free (`skip`). */
interface State {
  readonly loop: CharClass | null;
  readonly step: CharClass | null;
  /** States reachable without consuming a character (always later states). */
  readonly skip: readonly number[];
}

/** A compiled glob. `test` never throws and never backtracks. */
export interface Glob {
  readonly source: string;
  test(subject: string): boolean;
}

type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'one' } // `?`
  | { readonly kind: 'star' } // `*`
  | { readonly kind: 'globstar' } // `**` anywhere else
  | { readonly kind: 'segments' } // `**` + `/`: nothing, or anything ending with `/`
  | { readonly kind: 'tail' }; // a final `/**`: nothing, or `/` and anything

/** Splits a glob into tokens by code point; runs of stars that mean the same are collapsed. */
function tokenize(glob: string): Token[] {
  const chars = Array.from(glob);
  const tokens: Token[] = [];
  const push = (token: Token): void => {
    const last = tokens.at(-1);
    // `**` next to `*` or to a segments group means `**`; two segments groups in a row mean one.
    if (last?.kind === 'globstar' && (token.kind === 'star' || token.kind === 'segments' || token.kind === 'globstar')) {
      return;
    }
    if ((last?.kind === 'star' || last?.kind === 'segments') && token.kind === 'globstar') {
      tokens[tokens.length - 1] = token;
      return;
    }
    if (last?.kind === 'segments' && token.kind === 'segments') {
      return;
    }
    tokens.push(token);
  };
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    if (char === '*' && chars[i + 1] === '*') {
      const last = tokens.at(-1);
      if (last?.kind === 'char' && last.char === '/' && i + 2 >= chars.length) {
        tokens.pop();
        push({ kind: 'tail' });
      } else if (chars[i + 2] === '/') {
        push({ kind: 'segments' });
        i++;
      } else {
        push({ kind: 'globstar' });
      }
      i++;
    } else if (char === '*') {
      push({ kind: 'star' });
    } else if (char === '?') {
      push({ kind: 'one' });
    } else {
      push({ kind: 'char', char });
    }
  }
  return tokens;
}

/**
 * The most automaton steps one match may take. Only a long subject against a long glob full of
 * wildcards (`/*a*a*a…` with thousands of stars against a route of thousands of characters) comes
 * near it; such a glob is taken as not matching, so the route is checked as if it were absent.
 * Real globs against real paths take a few thousand steps.
 */
const MAX_STEPS = 20_000_000;

function accepts(cls: CharClass | null, char: string): boolean {
  return cls === ANY || (cls === NOT_SLASH ? char !== '/' : cls === char);
}

class GlobAutomaton implements Glob {
  private readonly states: State[] = [];
  /** Characters every match needs (code points); a shorter subject never matches. */
  private readonly minLength: number;
  /** The glob without wildcards, when it has none: matched by string comparison. */
  readonly literal: string | null;
  /** Literal text every match starts with (URL path globs only) and ends with. */
  private readonly prefix: string;
  private readonly suffix: string;
  /** The longest run of literal text in the glob: every match contains it. */
  private readonly needle: string;

  constructor(
    readonly source: string,
    /** URL path globs match the whole subject; file globs match at any `/` boundary too. */
    private readonly anchored: boolean,
  ) {
    const tokens = tokenize(source);
    this.minLength = tokens.filter((t) => t.kind === 'char' || t.kind === 'one').length;
    const text = (part: readonly Token[]): string => part.map((t) => (t.kind === 'char' ? t.char : '')).join('');
    const firstWildcard = tokens.findIndex((t) => t.kind !== 'char');
    const lastWildcard = tokens.findLastIndex((t) => t.kind !== 'char');
    this.literal = firstWildcard === -1 ? text(tokens) : null;
    this.prefix = anchored && firstWildcard !== -1 ? text(tokens.slice(0, firstWildcard)) : '';
    this.suffix = lastWildcard === -1 ? '' : text(tokens.slice(lastWildcard + 1));
    let needle = '';
    let run = '';
    for (const token of tokens) {
      run = token.kind === 'char' ? run + token.char : '';
      needle = run.length > needle.length ? run : needle;
    }
    this.needle = needle;
    const states = this.states;
    for (const token of tokens) {
      const at = states.length;
      switch (token.kind) {
        case 'char':
          states.push({ loop: null, step: token.char, skip: [] });
          break;
        case 'one':
          states.push({ loop: null, step: NOT_SLASH, skip: [] });
          break;
        case 'star':
          states.push({ loop: NOT_SLASH, step: null, skip: [at + 1] });
          break;
        case 'globstar':
          states.push({ loop: ANY, step: null, skip: [at + 1] });
          break;
        case 'segments':
          // at: skip the whole group or enter it; at + 1: anything, left by a `/`.
          states.push({ loop: null, step: null, skip: [at + 1, at + 2] });
          states.push({ loop: ANY, step: '/', skip: [] });
          break;
        case 'tail':
          // at: skip the group or step over its `/`; at + 1: anything, then done.
          states.push({ loop: null, step: '/', skip: [at + 2] });
          states.push({ loop: ANY, step: null, skip: [at + 2] });
          break;
      }
    }
  }

  test(subject: string): boolean {
    if (subject.length < this.minLength) {
      return false; // code points never outnumber UTF-16 units
    }
    if (this.literal !== null) {
      return subject === this.literal || (!this.anchored && subject.endsWith(`/${this.literal}`));
    }
    if (!subject.startsWith(this.prefix) || !subject.endsWith(this.suffix) || !subject.includes(this.needle)) {
      return false;
    }
    const accept = this.states.length;
    let current = new Uint8Array(accept + 1);
    let next = new Uint8Array(accept + 1);
    let active: number[] = [];
    let following: number[] = [];
    const add = (set: Uint8Array, list: number[], state: number): void => {
      const stack = [state];
      while (stack.length > 0) {
        const s = stack.pop()!;
        if (set[s] === 0) {
          set[s] = 1;
          list.push(s);
          if (s < accept) {
            stack.push(...this.states[s]!.skip);
          }
        }
      }
    };
    add(current, active, 0);
    let work = 0;
    for (const char of subject) {
      work += active.length;
      if (work > MAX_STEPS) {
        return false; // see MAX_STEPS
      }
      for (const s of active) {
        if (s < accept) {
          const state = this.states[s]!;
          if (accepts(state.loop, char)) {
            add(next, following, s);
          }
          if (accepts(state.step, char)) {
            add(next, following, s + 1);
          }
        }
      }
      if (!this.anchored && char === '/') {
        add(next, following, 0); // a file glob may start after any `/`
      }
      for (const s of active) {
        current[s] = 0;
      }
      [current, next] = [next, current];
      [active, following] = [following, active];
      following.length = 0;
      if (active.length === 0 && this.anchored) {
        return false;
      }
    }
    return current[accept] === 1;
  }
}

/**
 * Compiles one glob. `anchored`: the glob matches the whole subject (URL paths); otherwise it
 * matches the whole subject or any part of it that starts after a `/` (file paths).
 * @example compileGlob('/auth/**', true).test('/auth') // true
 */
export function compileGlob(glob: string, anchored: boolean): Glob {
  return new GlobAutomaton(glob, anchored);
}

/** A compiled list of globs: URL path globs start with `/`, the others match file paths. */
export interface GlobList {
  /** Whether a URL path (`/api/users/:id`) matches one of the URL path globs. */
  matchesPath(path: string): boolean;
  /** Whether a file name (normalised to `/`) matches one of the file globs. */
  matchesFile(filename: string): boolean;
}

/** Globs without wildcards are looked up in a set; the others are tried one by one. */
class Globs implements GlobList {
  private readonly literalPaths = new Set<string>();
  private readonly paths: GlobAutomaton[] = [];
  private readonly literalFiles = new Set<string>();
  private readonly files: GlobAutomaton[] = [];

  constructor(globs: readonly string[]) {
    for (const glob of globs) {
      if (typeof glob !== 'string' || glob.length === 0) {
        continue;
      }
      const path = glob.startsWith('/');
      // A file glob matches at any `/` boundary already, so leading segments groups add nothing.
      const compiled = new GlobAutomaton(path ? glob : glob.replace(/^(?:\*\*\/)+/u, ''), path);
      if (compiled.literal !== null) {
        (path ? this.literalPaths : this.literalFiles).add(compiled.literal);
      } else {
        (path ? this.paths : this.files).push(compiled);
      }
    }
  }

  matchesPath(path: string): boolean {
    return this.literalPaths.has(path) || this.paths.some((glob) => glob.test(path));
  }

  matchesFile(filename: string): boolean {
    if (this.literalFiles.size > 0) {
      // `(^|/)glob$`: the whole name, then what follows each `/`.
      if (this.literalFiles.has(filename)) {
        return true;
      }
      for (let slash = filename.indexOf('/'); slash !== -1; slash = filename.indexOf('/', slash + 1)) {
        if (this.literalFiles.has(filename.slice(slash + 1))) {
          return true;
        }
      }
    }
    return this.files.some((glob) => glob.test(filename));
  }
}

/**
 * Compiles a list of globs (entries that are not strings, and empty ones, are ignored).
 * Compiling is linear in the total length of the globs; callers that see the same list for
 * every file keep the result (see the auth rule), so it is not cached here.
 */
export function compileGlobs(globs: readonly string[]): GlobList {
  return new Globs(globs);
}
