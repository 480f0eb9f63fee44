import { escapeRegExp } from '../../core/regexp';
import { wordParts } from '../../core/words';
import {
  CLIENT_ENV_PREFIXES,
  KEY_WORDS,
  PUBLIC_BY_DESIGN_WORDS,
  SERVER_API_NAMES,
  SERVER_ONLY_WORDS,
} from '../../data/client-env';

/** The client-bundle prefixes of a configuration, and the selectors and tests derived from them. */
export interface ClientEnvPrefixes {
  readonly prefixes: readonly string[];
  /** Alternatives of a regular expression matching a name that starts with one of the prefixes. */
  readonly pattern: string;
}

/**
 * The built-in prefixes (`VITE_`, `NEXT_PUBLIC_`…) and the project's own
 * (`settings['agent-guard'].secrets.clientEnvPrefixes`; empty entries are ignored).
 */
export function clientEnvPrefixes(extra: readonly string[]): ClientEnvPrefixes {
  const prefixes = [...new Set([...CLIENT_ENV_PREFIXES, ...extra.filter((prefix) => /^[A-Za-z_$][\w$]*$/u.test(prefix))])];
  return { prefixes, pattern: prefixes.map(escapeRegExp).join('|') };
}

/** Whether a file's text names a client-bundle variable at all: files that do not get no listener. */
export function mentionsClientEnv(text: string, prefixes: ClientEnvPrefixes): boolean {
  return prefixes.prefixes.some((prefix) => text.includes(prefix)) || text.includes('$env/');
}

const split = (phrase: string): string[] => wordParts(phrase);
const SERVER_ONLY = SERVER_ONLY_WORDS.map(split);
const SERVER_APIS = SERVER_API_NAMES.map(split);
const KEYS = KEY_WORDS.map(split);
const PUBLIC_BY_DESIGN = PUBLIC_BY_DESIGN_WORDS.map(split);

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= words.length; start++) {
    if (phrase.every((word, i) => words[start + i] === word)) {
      return true;
    }
  }
  return false;
}

function endsWithPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  return phrase.length <= words.length && phrase.every((word, i) => words[words.length - phrase.length + i] === word);
}

/**
 * Whether a variable name (without its public prefix) says the value is a server-only secret:
 * `SECRET`, `PRIVATE`, `SERVICE_ROLE`, `PASSWORD`, or a server API's key (`OPENAI_API_KEY`). Keys
 * public by design (`PUBLISHABLE`, `ANON_KEY`, `FIREBASE_API_KEY`…) never are.
 * @example isServerOnlyName('SUPABASE_SERVICE_ROLE_KEY') // true; isServerOnlyName('SUPABASE_ANON_KEY') // false
 */
export function isServerOnlyName(name: string): boolean {
  const words = wordParts(name);
  if (PUBLIC_BY_DESIGN.some((phrase) => containsPhrase(words, phrase))) {
    return false;
  }
  if (SERVER_ONLY.some((phrase) => containsPhrase(words, phrase))) {
    return true;
  }
  return SERVER_APIS.some((phrase) => containsPhrase(words, phrase)) && KEYS.some((phrase) => endsWithPhrase(words, phrase));
}

/**
 * The public prefix of a client-bundle variable that holds a server-only secret, or `null`:
 * `NEXT_PUBLIC_` for `NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY`; `null` for `VITE_STRIPE_PUBLISHABLE_KEY`.
 * With `prefix`, that prefix is assumed (SvelteKit's public modules, whose names are all public).
 */
export function exposedSecretPrefix(name: string, prefixes: ClientEnvPrefixes): string | null {
  const prefix = prefixes.prefixes.find((candidate) => name.startsWith(candidate) && name.length > candidate.length);
  return prefix !== undefined && isServerOnlyName(name.slice(prefix.length)) ? prefix : null;
}
