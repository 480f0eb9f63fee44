/**
 * Provider token formats as data: what a live credential of each provider looks like, so that a
 * string literal holding one can be reported whatever variable it is assigned to. The formats are
 * the public facts of secretlint's and gitleaks' rule sets (both MIT), written as our own patterns.
 * Read by `analysis/secrets/provider-tokens.ts` (matching, exclusions) and the `no-hardcoded-secrets`
 * rule (`providerToken`). No logic here beyond lookups.
 *
 * Every pattern is bounded (no `*` or `+` over the body) and delimited (`\b` or a lookbehind before
 * the prefix, a negative lookahead after the body), so a prefix inside a longer identifier, a regex
 * source or a longer base64 run does not match. Left out on purpose, as not distinctive by format
 * alone: JWTs, Twilio account SIDs (an identifier; its auth token has no prefix), Heroku's legacy
 * UUID keys, Cloudflare API tokens and global keys, Vercel tokens, Mailgun's newer keys, Azure AD
 * client secrets, Slack workflow and trigger webhooks.
 */

/** How the matcher judges the `body` group (or, without one, the whole match). */
export type SecretBodyCheck =
  /**
   * Random characters: no placeholder word, not periodic, no run of six equal or six consecutive
   * characters, and at least `classes` of lower case, upper case and digits.
   */
  | 'random'
  /** An encoded structure (macaroon, base64 payload): as `random`, but runs of equal characters (`AAAAAA`, zero bytes) and one class allowed. */
  | 'encoded'
  /** A PEM body: a DER (`MI…`) or OpenSSH (`b3BlbnNzaC1rZXktdjE…`) start, except for PGP blocks; not periodic. */
  | 'pem'
  /** A connection URI's password: not a placeholder, a template variable or the user name; local hosts in strict mode only. */
  | 'connection-password'
  /** A Discord bot token: its first segment (`snowflake` group) is a base64 user id, digits only. */
  | 'discord-bot';

/** A second pattern that must occur in the same string or in the context passed to the matcher. */
export interface SecretCompanion {
  /** What it is, for documentation and messages. */
  readonly description: string;
  /** The pattern (no `g` flag); its `body` group, when present, is checked as a random body with `classes: 3`. */
  readonly pattern: RegExp;
}

/** One provider format. */
export interface SecretFormat {
  /** Stable kebab-case id (`github-pat`), used in messages and settings. */
  readonly id: string;
  /** Human name (`GitHub personal access token`). */
  readonly label: string;
  /**
   * The token. No `g` flag. The whole match is what is reported; a named group `body` holds the
   * random part that the exclusions judge (prefix and fixed markers left out).
   */
  readonly pattern: RegExp;
  /**
   * Regex source, without capturing groups, of a cheap necessary condition (usually the prefix).
   * All hints are joined into one pre-filter, tested before any pattern runs.
   */
  readonly hint: string;
  /** How the body is judged (default `random`). */
  readonly check?: SecretBodyCheck;
  /** For `random`: how many of lower case, upper case and digits the body needs (default 2). */
  readonly classes?: 1 | 2 | 3;
  /**
   * A match need not hold 20 word characters or hyphens in a row (a base64 body, a URI, a labelled
   * key). The matcher's first filter passes a string with such a run to every format, and one
   * without it only to these formats, and only when it has `:`, `=`, `+`, `/` or `-----`, which
   * every match of these formats holds when it lacks the run.
   */
  readonly shortRun?: boolean;
  /** Reported only in strict mode (test-mode keys). */
  readonly strictOnly?: boolean;
  /** Reported only when this also occurs in the string or the context (AWS key id with a secret key). */
  readonly companion?: SecretCompanion;
  /** Not reported when this occurs in the string or the context (a Firebase web config's public API key). */
  readonly unlessNearby?: RegExp;
  /** The provider also issues such keys for browser use, restricted by referrer (Google Maps, Firebase). */
  readonly publicInBrowser?: boolean;
}

/** A 40-character AWS secret access key: base64 alphabet without `=`, not inside a longer run. */
const AWS_SECRET_KEY_CANDIDATE = /(?<![A-Za-z0-9/+=])(?<body>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/u;

/** Hosts of local development databases, for `connection-password`: reported only in strict mode. */
export const LOCAL_DATABASE_HOSTS: ReadonlySet<string> = new Set([
  'localhost',
  '127.0.0.1',
  '0.0.0.0',
  'host.docker.internal',
]);

/**
 * Connection-URI passwords that are placeholders or stock defaults, compared in lower case after
 * stripping surrounding `<>`, `[]` or quotes. Template variables (`${…}`, `{{…}}`, `$VAR`, `%VAR%`),
 * masks (`****`) and passwords shorter than four characters are recognized by shape, not listed.
 */
export const PLACEHOLDER_PASSWORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'pass', 'pwd', 'secret', 'changeme', 'change_me', 'change-me', 'mypassword',
  'yourpassword', 'your_password', 'your-password', 'dbpassword', 'db_password', 'db-password',
  'redis_password', 'example', 'sample', 'dummy', 'fake', 'placeholder', 'test', 'user', 'username',
  'admin', 'root', 'guest', 'default', 'postgres', 'mysql', 'mongo', 'redis', 'rabbitmq',
]);

/**
 * Words that make a body a placeholder, matched case-insensitively inside bodies of up to 256
 * characters (longer bodies: upper case only). `test` is not one: Stripe's test keys carry it in
 * their prefix, and a real-looking key in a test file is still a leak.
 */
export const PLACEHOLDER_WORDS: readonly string[] = [
  'example', 'sample', 'fake', 'dummy', 'redacted', 'placeholder', 'changeme', 'your', 'insert', 'replace', 'mock',
];

/**
 * Keys that vendors publish in their documentation, never valid. Stored in pieces so that this file
 * does not trip the repository's own secret scanners.
 */
export const DOCUMENTED_EXAMPLE_TOKENS: ReadonlySet<string> = new Set([
  // AWS IAM docs: access key id and secret access key.
  'AKIA' + 'IOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/' + 'bPxRfiCYEXAMPLEKEY',
  // Stripe API reference and older guides.
  'sk_' + 'test_4eC39HqLyjWDarjtT1zdp7dc',
  'sk_' + 'test_BQokikJOvBiI2HlWgH4olfQ2',
  // GitHub docs on token formats.
  'ghp_' + '16C7e42F292c6912E7710c838347Ae178B4a',
]);

/** The schemes of database and broker connection URIs, by format id. */
const CONNECTION_URIS: readonly (readonly [id: string, label: string, scheme: string])[] = [
  ['postgres-uri', 'PostgreSQL connection URI with a password', 'postgres(?:ql)?'],
  ['mysql-uri', 'MySQL connection URI with a password', '(?:mysql2?|mariadb)'],
  ['mongodb-uri', 'MongoDB connection URI with a password', 'mongodb(?:\\+srv)?'],
  ['redis-uri', 'Redis connection URI with a password', 'rediss?'],
  ['amqp-uri', 'AMQP connection URI with a password', 'amqps?'],
];

/** `scheme://user:password@host`: the user may be empty (`redis://:pw@host`), the password may not. */
function connectionUri([id, label, scheme]: (typeof CONNECTION_URIS)[number]): SecretFormat {
  return {
    id,
    label,
    pattern: new RegExp(
      `\\b${scheme}:\\/\\/(?<user>[^\\s:@/?#'"\`]{0,100}):(?<body>[^\\s@/?#'"\`]{1,200})@(?<host>[^\\s/?#:'"\`]{1,253})`,
      'u',
    ),
    hint: `\\b${scheme}:\\/\\/[^\\s:@/?#'"\`]{0,100}:`,
    check: 'connection-password',
    shortRun: true,
  };
}

/** Every provider format, most specific first (an overlap keeps the match that starts first, then the longer). */
export const SECRET_FORMATS: readonly SecretFormat[] = [
  // --- AWS ---
  {
    id: 'aws-access-key-id',
    label: 'AWS access key ID (with its secret access key)',
    pattern: /\b(?:AKIA|ASIA)(?<body>[A-Z2-7]{16})\b/u,
    hint: '\\b(?:AKIA|ASIA)[A-Z2-7]{16}',
    classes: 1,
    companion: { description: 'a 40-character AWS secret access key', pattern: AWS_SECRET_KEY_CANDIDATE },
  },
  {
    id: 'aws-secret-access-key',
    label: 'AWS secret access key',
    // The key after its label (`aws_secret_access_key = …`, `secretAccessKey: "…"`); the label is not reported.
    pattern: /(?<=\b(?:aws_?)?secret_?access_?key["']?\s{0,5}[:=]\s{0,5}["']?)(?<body>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/iu,
    hint: '[Ss]ecret_?[Aa]ccess_?[Kk]ey|SECRET_?ACCESS_?KEY',
    shortRun: true,
    classes: 3,
  },

  // --- GitHub ---
  { id: 'github-pat', label: 'GitHub personal access token', pattern: /\bghp_(?<body>[A-Za-z0-9]{36})(?!\w)/u, hint: '\\bghp_' },
  { id: 'github-oauth-token', label: 'GitHub OAuth access token', pattern: /\bgho_(?<body>[A-Za-z0-9]{36})(?!\w)/u, hint: '\\bgho_' },
  { id: 'github-user-token', label: 'GitHub App user-to-server token', pattern: /\bghu_(?<body>[A-Za-z0-9]{36})(?!\w)/u, hint: '\\bghu_' },
  { id: 'github-installation-token', label: 'GitHub App installation token', pattern: /\bghs_(?<body>[A-Za-z0-9]{36})(?!\w)/u, hint: '\\bghs_' },
  { id: 'github-refresh-token', label: 'GitHub refresh token', pattern: /\bghr_(?<body>[A-Za-z0-9]{36})(?!\w)/u, hint: '\\bghr_' },
  {
    id: 'github-fine-grained-pat',
    label: 'GitHub fine-grained personal access token',
    pattern: /\bgithub_pat_(?<body>[A-Za-z0-9_]{82})(?!\w)/u,
    hint: '\\bgithub_pat_',
  },

  // --- GitLab ---
  {
    id: 'gitlab-pat',
    label: 'GitLab personal access token',
    // The classic 20 characters, or the routable form (payload, `.`, 2 + 7 characters).
    pattern: /\bglpat-(?<body>[A-Za-z0-9_-]{20}(?:[A-Za-z0-9_-]{7,280}\.[0-9a-z]{9})?)(?![\w.-])/u,
    hint: '\\bglpat-',
  },

  // --- Slack ---
  {
    id: 'slack-token',
    label: 'Slack token',
    pattern: /\bxox[abprs]-(?:\d{1,2}-)?\d{6,14}-(?:\d{6,14}-){0,2}(?<body>[A-Za-z0-9]{16,64})(?![\w-])/u,
    hint: '\\bxox[abprs]-',
  },
  {
    id: 'slack-webhook-url',
    label: 'Slack incoming webhook URL',
    pattern: /(?:\bhttps?:\/\/|\b)hooks\.slack\.com\/services\/T[A-Z0-9]{6,14}\/B[A-Z0-9]{6,14}\/(?<body>[A-Za-z0-9]{20,32})(?![\w-])/u,
    hint: 'hooks\\.slack\\.com\\/services\\/',
  },

  // --- Stripe ---
  { id: 'stripe-secret-key', label: 'Stripe live secret key', pattern: /\bsk_live_(?<body>[A-Za-z0-9]{20,247})(?!\w)/u, hint: '\\bsk_live_' },
  { id: 'stripe-restricted-key', label: 'Stripe live restricted key', pattern: /\brk_live_(?<body>[A-Za-z0-9]{20,247})(?!\w)/u, hint: '\\brk_live_' },
  {
    id: 'stripe-test-key',
    label: 'Stripe test-mode secret key',
    pattern: /\b[rs]k_test_(?<body>[A-Za-z0-9]{20,247})(?!\w)/u,
    hint: '\\b[rs]k_test_',
    strictOnly: true,
  },
  {
    id: 'webhook-signing-secret',
    label: 'Stripe or Svix webhook signing secret',
    pattern: /\bwhsec_(?<body>[A-Za-z0-9+/]{32,88}={0,2})(?![\w+/=])/u,
    hint: '\\bwhsec_',
    shortRun: true,
  },

  // --- AI providers ---
  {
    id: 'openai-api-key',
    label: 'OpenAI API key',
    pattern: /\bsk-(?:proj|svcacct|admin)-(?<body>[A-Za-z0-9_-]{40,250})(?![\w-])/u,
    hint: '\\bsk-(?:proj|svcacct|admin)-',
  },
  {
    id: 'openai-legacy-api-key',
    label: 'OpenAI API key (legacy format)',
    pattern: /\bsk-(?<body>[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![\w-])/u,
    hint: 'T3BlbkFJ',
  },
  { id: 'openrouter-api-key', label: 'OpenRouter API key', pattern: /\bsk-or-v1-(?<body>[a-f0-9]{64})(?![\w-])/u, hint: '\\bsk-or-v1-' },
  {
    id: 'anthropic-api-key',
    label: 'Anthropic API key',
    pattern: /\bsk-ant-api\d\d-(?<body>[A-Za-z0-9_-]{80,120})AA(?![\w-])/u,
    hint: '\\bsk-ant-api\\d\\d-',
  },
  {
    id: 'anthropic-admin-key',
    label: 'Anthropic admin API key',
    pattern: /\bsk-ant-admin\d\d-(?<body>[A-Za-z0-9_-]{80,120})AA(?![\w-])/u,
    hint: '\\bsk-ant-admin\\d\\d-',
  },
  { id: 'groq-api-key', label: 'Groq API key', pattern: /\bgsk_(?<body>[A-Za-z0-9]{52})(?!\w)/u, hint: '\\bgsk_' },
  { id: 'xai-api-key', label: 'xAI API key', pattern: /\bxai-(?<body>[A-Za-z0-9]{80})(?![\w-])/u, hint: '\\bxai-' },
  { id: 'replicate-api-token', label: 'Replicate API token', pattern: /\br8_(?<body>[A-Za-z0-9]{37})(?!\w)/u, hint: '\\br8_' },
  { id: 'perplexity-api-key', label: 'Perplexity API key', pattern: /\bpplx-(?<body>[A-Za-z0-9]{48})(?![\w-])/u, hint: '\\bpplx-' },
  { id: 'huggingface-token', label: 'Hugging Face access token', pattern: /\bhf_(?<body>[A-Za-z]{34})(?!\w)/u, hint: '\\bhf_' },

  // --- Google ---
  {
    id: 'google-api-key',
    label: 'Google API key',
    pattern: /\bAIza(?<body>[A-Za-z0-9_-]{35})(?![\w-])/u,
    hint: '\\bAIza',
    // A Firebase web config's apiKey identifies the project and is public by design.
    unlessNearby: /firebaseapp\.com|\bauthDomain\b|\bmessagingSenderId\b/u,
    publicInBrowser: true,
  },
  {
    id: 'google-oauth-client-secret',
    label: 'Google OAuth client secret',
    pattern: /\bGOCSPX-(?<body>[A-Za-z0-9_-]{28})(?![\w-])/u,
    hint: '\\bGOCSPX-',
  },
  {
    id: 'gcp-service-account-key',
    label: 'Google Cloud service account key (JSON)',
    pattern: /"private_key"\s{0,5}:\s{0,5}"-----BEGIN PRIVATE KEY-----(?:\\n|[\r\n]){1,4}(?<body>(?:[A-Za-z0-9+/=]|\\n|[\r\n]){64,16384})/u,
    hint: '"private_key"\\s{0,5}:',
    shortRun: true,
    check: 'pem',
  },

  // --- Private keys ---
  {
    id: 'private-key',
    label: 'Private key (PEM)',
    // Armor headers (`Proc-Type:`, `Version:`) may precede the body; lines may be real or escaped newlines.
    pattern:
      /-----BEGIN (?<kind>(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY(?: BLOCK)?-----(?:\\[nr]|[\r\n][ \t]{0,16}){0,4}(?:[A-Z][A-Za-z-]{0,30}: [^\r\n\\]{1,200}(?:\\[nr]|[\r\n][ \t]{0,16}){1,4}){0,6}(?<body>[A-Za-z0-9+/](?:[A-Za-z0-9+/=]|\\[nr]|[\r\n][ \t]{0,16}){63,16384})/u,
    hint: '-----BEGIN [A-Z ]{0,12}PRIVATE KEY',
    shortRun: true,
    check: 'pem',
  },

  // --- Messaging, mail ---
  { id: 'sendgrid-api-key', label: 'SendGrid API key', pattern: /\bSG\.(?<body>[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![\w-])/u, hint: '\\bSG\\.' },
  {
    id: 'mailgun-api-key',
    label: 'Mailgun API key',
    pattern: /\bkey-(?<body>[0-9a-f]{32})(?![\w-])/u,
    hint: '\\bkey-[0-9a-f]{32}',
    companion: { description: 'the word "mailgun"', pattern: /mailgun/iu },
  },
  {
    id: 'mailchimp-api-key',
    label: 'Mailchimp API key',
    pattern: /\b(?<body>[0-9a-f]{32})-us\d{1,2}(?![\w-])/u,
    hint: '[0-9a-f]{4}-us\\d',
  },
  { id: 'twilio-api-key', label: 'Twilio API key', pattern: /\bSK(?<body>[0-9a-f]{32})(?!\w)/u, hint: '\\bSK[0-9a-f]{32}' },
  {
    id: 'discord-bot-token',
    label: 'Discord bot token',
    pattern: /\b(?<snowflake>[MNO][A-Za-z0-9_-]{23,25})\.[A-Za-z0-9_-]{6}\.(?<body>[A-Za-z0-9_-]{27,38})(?![\w-])/u,
    hint: '\\b[MNO][A-Za-z0-9_-]{23,25}\\.[A-Za-z0-9_-]{6}\\.',
    check: 'discord-bot',
  },
  {
    id: 'discord-webhook-url',
    label: 'Discord webhook URL',
    pattern: /\bhttps:\/\/(?:(?:ptb|canary)\.)?discord(?:app)?\.com\/api(?:\/v\d{1,2})?\/webhooks\/\d{17,20}\/(?<body>[A-Za-z0-9_-]{60,68})(?![\w-])/u,
    hint: 'discord(?:app)?\\.com\\/api',
  },
  {
    id: 'telegram-bot-token',
    label: 'Telegram bot token',
    pattern: /\b\d{8,10}:AA(?<body>[A-Za-z0-9_-]{33})(?![\w-])/u,
    hint: '\\d:AA',
  },

  // --- Commerce ---
  {
    id: 'shopify-access-token',
    label: 'Shopify access token',
    pattern: /\bshp(?:at|ca|pa)_(?<body>[a-fA-F0-9]{32})(?!\w)/u,
    hint: '\\bshp(?:at|ca|pa)_',
  },
  { id: 'shopify-shared-secret', label: 'Shopify shared secret', pattern: /\bshpss_(?<body>[a-fA-F0-9]{32})(?!\w)/u, hint: '\\bshpss_' },
  { id: 'square-access-token', label: 'Square access token', pattern: /\bEAAA(?<body>[A-Za-z0-9_-]{60})(?![\w-])/u, hint: '\\bEAAA' },
  {
    id: 'square-legacy-access-token',
    label: 'Square access token (legacy format)',
    pattern: /\bsq0atp-(?<body>[A-Za-z0-9_-]{22})(?![\w-])/u,
    hint: '\\bsq0atp-',
  },
  { id: 'square-oauth-secret', label: 'Square OAuth secret', pattern: /\bsq0csp-(?<body>[A-Za-z0-9_-]{43})(?![\w-])/u, hint: '\\bsq0csp-' },

  // --- Developer platforms ---
  { id: 'npm-token', label: 'npm access token', pattern: /\bnpm_(?<body>[A-Za-z0-9]{36})(?!\w)/u, hint: '\\bnpm_' },
  {
    id: 'pypi-token',
    label: 'PyPI upload token',
    pattern: /\bpypi-AgEIcHlwaS5vcmc(?<body>[A-Za-z0-9_-]{50,1000})(?![\w-])/u,
    hint: '\\bpypi-AgEIcHlwaS5vcmc',
    check: 'encoded',
  },
  {
    id: 'doppler-token',
    label: 'Doppler token',
    pattern: /\bdp\.(?:pt|st|sa|ct|scim|audit)\.(?<body>[A-Za-z0-9]{40,44})(?!\w)/u,
    hint: '\\bdp\\.(?:pt|st|sa|ct|scim|audit)\\.',
  },
  {
    id: 'digitalocean-token',
    label: 'DigitalOcean token',
    pattern: /\bdo[opr]_v1_(?<body>[a-f0-9]{64})(?!\w)/u,
    hint: '\\bdo[opr]_v1_',
  },
  { id: 'linear-api-key', label: 'Linear API key', pattern: /\blin_api_(?<body>[A-Za-z0-9]{40})(?!\w)/u, hint: '\\blin_api_' },
  {
    id: 'notion-token',
    label: 'Notion integration token',
    pattern: /\bntn_(?<body>\d{11}[A-Za-z0-9]{35})(?!\w)/u,
    hint: '\\bntn_\\d',
  },
  {
    id: 'notion-legacy-token',
    label: 'Notion integration token (legacy format)',
    pattern: /\bsecret_(?<body>[A-Za-z0-9]{43})(?!\w)/u,
    hint: '\\bsecret_[A-Za-z0-9]{43}',
    // The prefix is a common word: all three classes, as in every real token.
    classes: 3,
  },
  { id: 'postman-api-key', label: 'Postman API key', pattern: /\bPMAK-(?<body>[a-f0-9]{24}-[a-f0-9]{34})(?![\w-])/u, hint: '\\bPMAK-' },
  { id: 'supabase-access-token', label: 'Supabase personal access token', pattern: /\bsbp_(?<body>[a-f0-9]{40})(?!\w)/u, hint: '\\bsbp_' },
  {
    id: 'supabase-secret-key',
    label: 'Supabase secret API key',
    pattern: /\bsb_secret_(?<body>[A-Za-z0-9_-]{24,64})(?![\w-])/u,
    hint: '\\bsb_secret_',
  },
  {
    id: 'databricks-token',
    label: 'Databricks access token',
    pattern: /\bdapi(?<body>[a-f0-9]{32})(?:-\d{1,2})?(?![\w-])/u,
    hint: '\\bdapi[a-f0-9]{32}',
  },
  { id: 'heroku-api-key', label: 'Heroku API key', pattern: /\bHRKU-AA(?<body>[A-Za-z0-9_-]{58})(?![\w-])/u, hint: '\\bHRKU-AA' },
  {
    id: 'atlassian-api-token',
    label: 'Atlassian API token',
    pattern: /\bATATT3(?<body>[A-Za-z0-9_=-]{186})(?![\w=-])/u,
    hint: '\\bATATT3',
    check: 'encoded',
  },
  {
    id: 'cloudflare-origin-ca-key',
    label: 'Cloudflare Origin CA key',
    pattern: /\bv1\.0-(?<body>[a-f0-9]{24}-[a-f0-9]{146})(?![\w-])/u,
    hint: '\\bv1\\.0-[a-f0-9]{24}-',
  },
  {
    id: 'azure-storage-account-key',
    label: 'Azure storage account key',
    pattern: /(?<=\bAccountKey=)(?<body>[A-Za-z0-9+/]{86}==)(?![A-Za-z0-9+/=])/u,
    hint: '\\bAccountKey=',
    shortRun: true,
  },

  // --- Connection URIs ---
  ...CONNECTION_URIS.map(connectionUri),
];
