import { wordParts } from '../../core/words';
import { PUBLIC_KEY_VALUE_PREFIXES } from '../../data/client-env';

/** The shortest literal judged a generic secret. */
export const MIN_GENERIC_SECRET_LENGTH = 16;
/** Shannon entropy (bits per character) from which a literal looks random. */
export const MIN_GENERIC_SECRET_ENTROPY = 3.5;

/** Last words of a name that holds a secret (`jwtSecret`, `API_KEY`, `dbPassword`), as word sequences. */
const SECRET_NAME_ENDINGS: readonly (readonly string[])[] = [
  ['secret'], ['token'], ['password'], ['passwd'], ['pwd'], ['apikey'], ['api', 'key'], ['private', 'key'],
  ['access', 'key'], ['secret', 'key'], ['signing', 'key'], ['encryption', 'key'], ['client', 'secret'], ['auth', 'key'],
];

/** Words that make a literal a placeholder, an example or a test value rather than a secret. */
const PLACEHOLDER = /your|example|sample|placeholder|changeme|change[-_ ]?me|dummy|fake|redacted|replace|xxxx|\*\*\*|<|>|\$\{|\{\{|todo|insert|test|mock/iu;

/**
 * Whether a binding or property name says it holds a secret: its last words are a secret word
 * (`secret`, `token`, `password`, `apiKey`, `privateKey`, `clientSecret`, `accessKey`…).
 * `passwordResetUrl` and `tokenType` do not end with one.
 * @example isSecretName('STRIPE_API_KEY') // true; isSecretName('tokenEndpoint') // false
 */
export function isSecretName(name: string): boolean {
  const words = wordParts(name);
  return SECRET_NAME_ENDINGS.some((ending) =>
    ending.length <= words.length && ending.every((word, i) => words[words.length - ending.length + i] === word));
}

/**
 * Shannon entropy of a string in bits per character.
 * @example shannonEntropy('aaaa') // 0
 */
export function shannonEntropy(text: string): number {
  if (text.length === 0) {
    return 0;
  }
  const counts = new Map<string, number>();
  for (const char of text) {
    counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let entropy = 0;
  const length = [...text].length;
  for (const count of counts.values()) {
    const p = count / length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * Whether a literal assigned to a secret-named binding looks like a real secret: at least 16
 * characters, no whitespace, entropy of at least 3.5 bits per character, no placeholder word, and
 * not a key that is public by design (a Google browser key, a Stripe publishable key).
 * @example looksLikeGenericSecret('correct-horse-battery') // false (entropy); looksLikeGenericSecret('your-api-key-here-1234') // false
 */
export function looksLikeGenericSecret(value: string): boolean {
  return (
    value.length >= MIN_GENERIC_SECRET_LENGTH &&
    value.length <= 4096 &&
    !/\s/u.test(value) &&
    !/^[a-z][a-z0-9+.-]*:\/\/[^@]*$/iu.test(value) &&
    !PLACEHOLDER.test(value) &&
    !PUBLIC_KEY_VALUE_PREFIXES.some((prefix) => value.startsWith(prefix)) &&
    shannonEntropy(value) >= MIN_GENERIC_SECRET_ENTROPY
  );
}
