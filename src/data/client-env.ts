/**
 * Environment variables that bundlers inline into browser code, as data: the prefixes that make
 * a variable public, the words that say a variable holds a server-only secret, and the words of
 * keys that are public by design. Read by `analysis/secrets/client-env.ts`. No logic here.
 */

/** Variable name prefixes that Vite, Next.js, Expo, Nuxt, Create React App and Gatsby expose to the browser. */
export const CLIENT_ENV_PREFIXES: readonly string[] = [
  'VITE_',
  'NEXT_PUBLIC_',
  'EXPO_PUBLIC_',
  'NUXT_PUBLIC_',
  'REACT_APP_',
  'GATSBY_',
];

/** Objects whose members are the bundle's environment: `process.env.X`, `import.meta.env.X`. */
export const CLIENT_ENV_OBJECTS: readonly string[] = ['process.env', 'import.meta.env'];

/** SvelteKit modules whose variables are public (every name in them ships to the browser). */
export const SVELTEKIT_PUBLIC_ENV_MODULES: ReadonlySet<string> = new Set(['$env/static/public', '$env/dynamic/public']);

/** SvelteKit's default public prefix: the names in its public modules carry it (`PUBLIC_STRIPE_KEY`). */
export const SVELTEKIT_PUBLIC_PREFIX = 'PUBLIC_';

/**
 * Words (upper-case, `_`-separated, matched as whole words of the name after its prefix) that
 * say the value is a server-only secret.
 */
export const SERVER_ONLY_WORDS: readonly string[] = [
  'SECRET',
  'SECRETS',
  'PRIVATE',
  'SERVICE_ROLE',
  'PASSWORD',
  'PASSWD',
  'DB_PASS',
  'CLIENT_SECRET',
];

/**
 * Server APIs whose keys are billed or grant account access: a public variable named after one of
 * them and ending in a key word (`VITE_OPENAI_API_KEY`, `NEXT_PUBLIC_ANTHROPIC_KEY`) is a server key.
 */
export const SERVER_API_NAMES: readonly string[] = [
  'OPENAI',
  'ANTHROPIC',
  'CLAUDE',
  'GEMINI',
  'GROQ',
  'OPENROUTER',
  'MISTRAL',
  'COHERE',
  'DEEPSEEK',
  'PERPLEXITY',
  'REPLICATE',
  'TOGETHER',
  'FIREWORKS',
  'ELEVENLABS',
  'HUGGINGFACE',
  'PINECONE',
  'RESEND',
  'SENDGRID',
  'MAILGUN',
  'POSTMARK',
  'TWILIO',
  'STRIPE_SECRET',
  'AWS_SECRET',
  'GITHUB',
  'SLACK',
  'DISCORD_BOT',
  'TELEGRAM_BOT',
];

/** The last words of a name that make it a key (with a server API name before them). */
export const KEY_WORDS: readonly string[] = ['API_KEY', 'KEY', 'TOKEN', 'ACCESS_KEY', 'APIKEY', 'ACCESS_TOKEN'];

/** Words of keys that are public by design: a name with one of them is never reported. */
export const PUBLIC_BY_DESIGN_WORDS: readonly string[] = [
  'PUBLISHABLE',
  'ANON_KEY',
  'ANON',
  'PUBLIC_KEY',
  'FIREBASE_API_KEY',
  'FIREBASE',
  'MAPS',
  'SENTRY_DSN',
  'DSN',
  'POSTHOG',
  'SITE_KEY',
  'RECAPTCHA_SITE_KEY',
  'MEASUREMENT_ID',
  'CLIENT_ID',
  'VAPID_PUBLIC_KEY',
];

/**
 * Prefixes of key values that are public by design (Google browser API keys, which Firebase web
 * configs carry; Stripe publishable keys): a secret-named property holding one is no generic secret.
 */
export const PUBLIC_KEY_VALUE_PREFIXES: readonly string[] = ['AIza', 'pk_live_', 'pk_test_'];
