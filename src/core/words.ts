/** Names longer than this are split anew each time rather than kept: a long dotted path is rarely asked twice. */
const MAX_CACHED_LENGTH = 128;
/** Distinct names kept; the oldest goes first when a new one comes (a file rarely has this many). */
const MAX_CACHED_NAMES = 4096;

const cache = new Map<string, readonly string[]>();

/**
 * Lower-case word parts of a name: camelCase, snake_case, kebab-case, dotted paths; adjacent
 * pairs are also joined so that `ensureLoggedIn` yields `loggedin` and `apiKey` yields `apikey`.
 * Memoised per name (callers ask for the same identifiers on every call and every file): the
 * array is shared and frozen.
 * @example wordsOf('ensureLoggedIn') // ['ensure', 'logged', 'in', 'ensurelogged', 'loggedin']
 */
export function wordsOf(name: string): readonly string[] {
  const cached = cache.get(name);
  if (cached) {
    return cached;
  }
  const words = Object.freeze(splitWords(name));
  if (name.length <= MAX_CACHED_LENGTH) {
    if (cache.size >= MAX_CACHED_NAMES) {
      cache.delete(cache.keys().next().value!);
    }
    cache.set(name, words);
  }
  return words;
}

/**
 * The plain lower-case word parts of a name, in order, without the joined pairs of `wordsOf`
 * (for callers that read the last word or the one before it).
 * @example wordParts('inviteToken') // ['invite', 'token']; wordParts('APIKey') // ['api', 'key']
 */
export function wordParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
}

function splitWords(name: string): string[] {
  const parts = wordParts(name);
  const out = [...parts];
  for (let i = 0; i + 1 < parts.length; i++) {
    out.push(parts[i]! + parts[i + 1]!);
  }
  return out;
}
