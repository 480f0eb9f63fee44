import {
  DOCUMENTED_EXAMPLE_TOKENS,
  LOCAL_DATABASE_HOSTS,
  PLACEHOLDER_PASSWORDS,
  PLACEHOLDER_WORDS,
  SECRET_FORMATS,
} from '../../data/secret-formats';
import type { SecretCompanion, SecretFormat } from '../../data/secret-formats';

/**
 * Provider tokens in string text: which of the formats of `data/secret-formats.ts` a string holds,
 * less vendors' documented examples, placeholder, repeated or sequential bodies, and allowed
 * entries. Runs on every string literal and template element of every linted file, so a string
 * is first measured (length, then one pass over its char codes for a long run of token characters
 * or the punctuation of a URI, label or PEM header), then tested against one combined pattern of
 * the formats' hints; a format's own pattern runs only on a string where its hint matched.
 * Measured: 100,000 typical short strings (identifiers, paths, messages, class lists) take about
 * 12 ms once warm.
 */

/** One provider token found in a text. */
export interface ProviderTokenMatch {
  /** The format's id (`github-pat`). */
  readonly format: string;
  /** The format's human name (`GitHub personal access token`). */
  readonly label: string;
  /** Offset of the token in the text. */
  readonly index: number;
  /** Length of the token. */
  readonly length: number;
}

/** How `findProviderTokens` decides. */
export interface ProviderTokenOptions {
  /** Strict mode: also test-mode keys (Stripe `sk_test_`) and connection URIs to local hosts. */
  readonly strict: boolean;
  /**
   * Entries not to report: a set of exact strings or a predicate, given both the token and the
   * whole text (an allowed full string allows every token in it).
   */
  readonly allow: ReadonlySet<string> | ((token: string) => boolean);
  /**
   * More text around the string (typically the whole file's text), searched, besides the string
   * itself, for the companion a format needs (an AWS access key id is reported only with a secret
   * access key nearby; a Mailgun key only with the word "mailgun") and for what rules a match out
   * (a Firebase config beside a Google API key). Without it, only the string itself is searched.
   */
  readonly context?: string;
}

/** Each format's pattern with the `g` flag, to find every match in a text. */
const GLOBAL_PATTERNS: readonly RegExp[] = SECRET_FORMATS.map((format) => new RegExp(format.pattern.source, `${format.pattern.flags.replace('g', '')}g`));

/** Formats' hints in one pattern, each in its own capturing group: group `i + 1` is `formats[i]`. */
interface Prefilter {
  readonly pattern: RegExp;
  readonly formats: readonly number[];
}

/**
 * A string none of whose hints match holds no token, and a hit names the format to run. Hints
 * are exclusive (no two match at one offset), so the leftmost-first alternation misses none.
 */
function prefilter(formats: readonly number[]): Prefilter {
  return { pattern: new RegExp(formats.map((index) => `(${SECRET_FORMATS[index]!.hint})`).join('|'), 'gu'), formats };
}

const ALL_FORMATS = prefilter(SECRET_FORMATS.map((_, index) => index));
const SHORT_RUN_FORMATS = prefilter(SECRET_FORMATS.flatMap((format, index) => (format.shortRun === true ? [index] : [])));

/** The run every format's match holds unless it is marked `shortRun`: 20 word characters or hyphens in a row. */
const RUN_LENGTH = 20;

const DASH = 0x2d;
const COLON = 0x3a;
const EQUALS = 0x3d;
const PLUS = 0x2b;
const SLASH = 0x2f;

/** ASCII word characters and `-`, by char code. */
const RUN_CHARACTER = new Uint8Array(128).map((_, code) => Number(/[\w-]/u.test(String.fromCharCode(code))));

/**
 * The first, cheapest filter, one pass over the char codes (faster than any regex): a string with
 * a run of `RUN_LENGTH` word characters or hyphens may hold any format; one without it but with
 * `:`, `=`, `+`, `/` or `-----` only a `shortRun` format; any other string none.
 */
function candidateFormats(text: string): Prefilter | null {
  let run = 0;
  let dashes = 0;
  let punctuation = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && RUN_CHARACTER[code] === 1) {
      run += 1;
      if (run >= RUN_LENGTH) {
        return ALL_FORMATS;
      }
      dashes = code === DASH ? dashes + 1 : 0;
      if (dashes === 5) {
        punctuation = true;
      }
    } else {
      run = 0;
      dashes = 0;
      if (code === COLON || code === EQUALS || code === PLUS || code === SLASH) {
        punctuation = true;
      }
    }
  }
  return punctuation ? SHORT_RUN_FORMATS : null;
}

/**
 * The shortest text any format can match (`amqp://:abcd@h`; an AWS key id is 20); shorter
 * strings, most identifiers and paths, return at once.
 */
export const MIN_PROVIDER_TOKEN_LENGTH = 14;

/** The formats, for documentation and settings validation. */
export const PROVIDER_TOKEN_FORMATS: readonly SecretFormat[] = SECRET_FORMATS;

/**
 * The provider tokens in `text`, in text order, without overlaps (the earlier, then the longer
 * match wins). Excluded: formats marked `strictOnly` outside strict mode, vendors' documented
 * example keys, bodies that are placeholders (EXAMPLE, FAKE, DUMMY, REDACTED, PLACEHOLDER…),
 * repeated, periodic or sequential, tokens whose required companion is absent from the text and
 * the context, and tokens or texts that `allow` accepts.
 */
export function findProviderTokens(text: string, options: ProviderTokenOptions): ProviderTokenMatch[] {
  const candidates = text.length < MIN_PROVIDER_TOKEN_LENGTH ? null : candidateFormats(text);
  if (candidates === null) {
    return [];
  }
  const found: ProviderTokenMatch[] = [];
  let ran: Set<number> | undefined;
  const hints = candidates.pattern;
  hints.lastIndex = 0;
  for (let hit = hints.exec(text); hit !== null; hit = hints.exec(text)) {
    hints.lastIndex = hit.index + 1;
    const index = candidates.formats[hit.findIndex((group, i) => i > 0 && group !== undefined) - 1];
    const format = index === undefined ? undefined : SECRET_FORMATS[index];
    if (index === undefined || format === undefined || ran?.has(index) === true || (format.strictOnly === true && !options.strict)) {
      continue;
    }
    (ran ??= new Set()).add(index);
    const pattern = GLOBAL_PATTERNS[index]!;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex += 1;
      } else if (accepts(format, match, text, options)) {
        found.push({ format: format.id, label: format.label, index: match.index, length: match[0].length });
      }
    }
  }
  return withoutOverlaps(found);
}

/** Whether a match of `format` is reported. */
function accepts(format: SecretFormat, match: RegExpExecArray, text: string, options: ProviderTokenOptions): boolean {
  const token = match[0];
  const body = match.groups?.['body'] ?? token;
  if (DOCUMENTED_EXAMPLE_TOKENS.has(token) || DOCUMENTED_EXAMPLE_TOKENS.has(body) || !bodyPasses(format, match, body, options)) {
    return false;
  }
  if (format.companion !== undefined && !hasCompanion(format.companion, text, options.context)) {
    return false;
  }
  if (format.unlessNearby !== undefined && (format.unlessNearby.test(text) || (options.context !== undefined && format.unlessNearby.test(options.context)))) {
    return false;
  }
  return !isAllowed(options.allow, token, text);
}

function isAllowed(allow: ProviderTokenOptions['allow'], token: string, text: string): boolean {
  return typeof allow === 'function' ? allow(token) || allow(text) : allow.has(token) || allow.has(text);
}

function bodyPasses(format: SecretFormat, match: RegExpExecArray, body: string, options: ProviderTokenOptions): boolean {
  switch (format.check ?? 'random') {
    case 'random':
      return looksRandom(body, format.classes ?? 2);
    case 'encoded':
      return looksRandom(body, 1, true);
    case 'pem':
      return isPemBody(body, match.groups?.['kind']);
    case 'connection-password':
      return isRealPassword(body, match.groups?.['user'] ?? '', match.groups?.['host'] ?? '', options.strict);
    case 'discord-bot':
      return isSnowflake(match.groups?.['snowflake'] ?? '') && looksRandom(body, 2);
  }
}

/**
 * A body of random characters: no placeholder word, not periodic (`abcabc…`), no run of six
 * consecutive (`abcdef`, `123456`, `fedcba`) or, unless `equalRuns` (encoded binary has runs of
 * `A`), six equal characters (`xxxxxx`, `000000`), and at least `classes` of lower case, upper case
 * and digits.
 */
export function looksRandom(body: string, classes: number, equalRuns = false): boolean {
  if (hasPlaceholderWord(body) || isPeriodic(body) || characterClasses(body) < classes) {
    return false;
  }
  let same = 1;
  let up = 1;
  let down = 1;
  for (let i = 1; i < body.length; i++) {
    const step = body.charCodeAt(i) - body.charCodeAt(i - 1);
    same = step === 0 ? same + 1 : 1;
    up = step === 1 ? up + 1 : 1;
    down = step === -1 ? down + 1 : 1;
    if ((same >= 6 && !equalRuns) || up >= 6 || down >= 6) {
      return false;
    }
  }
  return true;
}

function characterClasses(body: string): number {
  return Number(/[a-z]/u.test(body)) + Number(/[A-Z]/u.test(body)) + Number(/\d/u.test(body));
}

/** A placeholder word anywhere in the body: any case up to 256 characters, upper case beyond (real base64 spells words by chance). */
function hasPlaceholderWord(body: string): boolean {
  if (body.length > 256) {
    return PLACEHOLDER_WORDS.some((word) => body.includes(word.toUpperCase()));
  }
  const lower = body.toLowerCase();
  return PLACEHOLDER_WORDS.some((word) => lower.includes(word));
}

/** Made of a unit of up to 8 characters repeated (`xxxx`, `abab`, `abc123abc123`), or of fewer than 5 distinct characters. */
function isPeriodic(body: string): boolean {
  if (new Set(body).size < 5) {
    return true;
  }
  for (let period = 1; period <= 8 && period * 2 <= body.length; period++) {
    let repeats = true;
    for (let i = period; i < body.length; i++) {
      if (body.charCodeAt(i) !== body.charCodeAt(i - period)) {
        repeats = false;
        break;
      }
    }
    if (repeats) {
      return true;
    }
  }
  return false;
}

/** A PEM body: ASN.1 DER (`MI…`) or an OpenSSH key, any start for PGP; 64 base64 characters at least, no placeholder. */
function isPemBody(body: string, kind: string | undefined): boolean {
  const base64 = body.replace(/\\[nr]|\s/gu, '');
  if (base64.length < 64 || isPeriodic(base64) || hasPlaceholderWord(base64)) {
    return false;
  }
  return kind === 'PGP ' || base64.startsWith('MI') || base64.startsWith('b3BlbnNzaC1rZXktdjE');
}

/** Template variables and masks in a connection password: `${…}`, `{{…}}`, `{…}`, `<…>`, `$VAR`, `$(…)`, `%VAR%`. */
const PASSWORD_VARIABLE = /\$\{|\{\{|\{[^}]{0,60}\}|<[^>]{0,60}>|\$[A-Za-z_(]|%[A-Za-z_]{1,40}%/u;
/** Words that make a password a placeholder wherever they occur in it (`YOUR_DB_PASSWORD`). */
const PASSWORD_PLACEHOLDER_WORD = /your|example|placeholder|changeme|change_me|redacted|dummy|fake|xxx|\*\*\*/iu;

/**
 * A connection URI's password that looks real: four characters at least, not a placeholder or a
 * stock default, not a template variable, not the user name; a local host (`localhost`, a dotless
 * service name such as `db`) only in strict mode.
 */
function isRealPassword(password: string, user: string, host: string, strict: boolean): boolean {
  const bare = password.replace(/^[<[('"]+|[>\])'"]+$/gu, '').toLowerCase();
  if (
    password.length < 4 ||
    PLACEHOLDER_PASSWORDS.has(bare) ||
    PASSWORD_VARIABLE.test(password) ||
    PASSWORD_PLACEHOLDER_WORD.test(password) ||
    new Set(password).size < 3 ||
    password === user
  ) {
    return false;
  }
  const hostName = host.toLowerCase();
  return strict || !(LOCAL_DATABASE_HOSTS.has(hostName) || !hostName.includes('.'));
}

/** The first segment of a Discord bot token: the base64 of the bot's user id, 17 to 20 digits. */
function isSnowflake(segment: string): boolean {
  const standard = segment.replace(/-/gu, '+').replace(/_/gu, '/');
  let decoded: string;
  try {
    decoded = atob(standard.padEnd(Math.ceil(standard.length / 4) * 4, '='));
  } catch {
    return false;
  }
  return /^\d{17,20}$/u.test(decoded);
}

/** Companion results for the last context searched, by companion: the context is usually one file's text, asked many times. */
let cachedContext: string | undefined;
const companionCache = new Map<SecretCompanion, boolean>();

function hasCompanion(companion: SecretCompanion, text: string, context: string | undefined): boolean {
  if (findsCompanion(companion, text)) {
    return true;
  }
  if (context === undefined || context === text) {
    return false;
  }
  if (context !== cachedContext) {
    cachedContext = context;
    companionCache.clear();
  }
  let found = companionCache.get(companion);
  if (found === undefined) {
    found = findsCompanion(companion, context);
    companionCache.set(companion, found);
  }
  return found;
}

const globalCompanions = new Map<SecretCompanion, RegExp>();

/** Whether the companion occurs in `text`; a `body` group must look random with all three classes and not be a documented example. */
function findsCompanion(companion: SecretCompanion, text: string): boolean {
  let pattern = globalCompanions.get(companion);
  if (pattern === undefined) {
    pattern = new RegExp(companion.pattern.source, `${companion.pattern.flags.replace('g', '')}g`);
    globalCompanions.set(companion, pattern);
  }
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const body = match.groups?.['body'];
    if (body === undefined || (!DOCUMENTED_EXAMPLE_TOKENS.has(body) && looksRandom(body, 3))) {
      return true;
    }
    if (match[0].length === 0) {
      pattern.lastIndex += 1;
    }
  }
  return false;
}

/** Sorted by offset; a match that overlaps a kept one is dropped (the earlier start wins, then the longer). */
function withoutOverlaps(found: ProviderTokenMatch[]): ProviderTokenMatch[] {
  if (found.length < 2) {
    return found;
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: ProviderTokenMatch[] = [];
  let end = -1;
  for (const match of found) {
    if (match.index >= end) {
      kept.push(match);
      end = match.index + match.length;
    }
  }
  return kept;
}
