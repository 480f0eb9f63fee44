import { describe, expect, it } from 'vitest';

import { findProviderTokens, MIN_PROVIDER_TOKEN_LENGTH } from '../../../src/analysis/secrets/index';
import type { ProviderTokenMatch, ProviderTokenOptions } from '../../../src/analysis/secrets/index';
import { SECRET_FORMATS } from '../../../src/data/secret-formats';

/*
 * Provider token formats (analysis/secrets/provider-tokens.ts over data/secret-formats.ts): for every
 * format one positive (format id, offset, length) and look-alikes that must not match (inside an
 * identifier, a body one character short or long, repeated, sequential or placeholder bodies), then
 * the exclusions, companions, strict-only formats and the allow list.
 *
 * No token is written in this file: the repository is secret-scanned (secretlint in CI, push
 * protection), so every token is assembled at run time from split prefixes and bodies drawn from a
 * seeded generator.
 */

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const URLSAFE = ALNUM + '_-';
const BASE64 = ALNUM + '+/';
const HEX = '0123456789abcdef';
const BASE32 = UPPER + '234567';
const LETTERS = UPPER + LOWER;

/** mulberry32: a deterministic stream, so every run builds the same tokens. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const next = generator(0x5eed);

/** A random body: no run of equal or consecutive characters, every class of the alphabet present. */
function body(length: number, alphabet = ALNUM): string {
  for (;;) {
    let out = '';
    while (out.length < length) {
      const char = alphabet[Math.floor(next() * alphabet.length)]!;
      const last = out.charCodeAt(out.length - 1);
      if (out.length === 0 || Math.abs(char.charCodeAt(0) - last) > 1) {
        out += char;
      }
    }
    const classes = [UPPER, LOWER, DIGITS].filter((set) => [...alphabet].some((c) => set.includes(c)));
    if (classes.every((set) => [...out].some((c) => set.includes(c)) || length < 12)) {
      return out;
    }
  }
}

const digits = (length: number): string => body(length, DIGITS);
/** The same character `length` times. */
const repeated = (length: number, alphabet: string): string => alphabet[0]!.repeat(length);
/** The alphabet in order, cycled: `ABCDEF…`, `0123456789abcdef…`. */
const sequential = (length: number, alphabet: string): string => Array.from({ length }, (_, i) => alphabet[i % alphabet.length]).join('');
/** The body with `EXAMPLE` written into it. */
const withWord = (text: string): string => text.slice(0, 2) + 'EXAMPLE' + text.slice(9);

const join = (...parts: string[]): string => parts.join('');

const LAX: ProviderTokenOptions = { strict: false, allow: new Set() };
const STRICT: ProviderTokenOptions = { strict: true, allow: new Set() };

const labelOf = (id: string): string => SECRET_FORMATS.find((format) => format.id === id)!.label;

/** The single match expected for `token` inside `text`. */
function only(id: string, text: string, token: string): ProviderTokenMatch[] {
  expect(text).toContain(token);
  return [{ format: id, label: labelOf(id), index: text.indexOf(token), length: token.length }];
}

/** One format's cases. */
interface FormatCase {
  readonly id: string;
  /** The token around a body. */
  readonly token: (body: string) => string;
  readonly alphabet: string;
  /** Body length of the positive. */
  readonly length: number;
  /** Shortest and longest bodies the format takes (default: `length`); one outside each bound is a look-alike. */
  readonly min?: number;
  readonly max?: number;
  /** The string around the token (default: `Bearer <token>`). */
  readonly around?: (token: string) => string;
  /** The reported part of the string, when not the whole token. */
  readonly reported?: (token: string) => string;
  /** Context for the matcher (companions). */
  readonly context?: string;
  readonly options?: ProviderTokenOptions;
  /** The token does not start with a word character: no "inside an identifier" look-alike. */
  readonly noIdentifier?: boolean;
  /** More strings that must not match. */
  readonly lookalikes?: readonly string[];
}

const AWS_SECRET = body(40, BASE64);
const snowflakeSegment = (): string => Buffer.from(join('1', digits(17))).toString('base64url');

const CASES: readonly FormatCase[] = [
  {
    id: 'aws-access-key-id',
    token: (b) => join('AK', 'IA', b),
    alphabet: BASE32,
    length: 16,
    context: `const credentials = { secretAccessKey: '${AWS_SECRET}' };`,
    lookalikes: [join('AS', 'IA', body(16, BASE32).toLowerCase())],
  },
  {
    id: 'aws-secret-access-key',
    token: (b) => b,
    alphabet: BASE64,
    length: 40,
    around: (t) => join('aws_secret', '_access_key = ', t),
    noIdentifier: true,
    lookalikes: [join('secret_access_', 'key = ', body(40, HEX)), join('access_token = ', body(40, BASE64))],
  },
  { id: 'github-pat', token: (b) => join('gh', 'p_', b), alphabet: ALNUM, length: 36 },
  { id: 'github-oauth-token', token: (b) => join('gh', 'o_', b), alphabet: ALNUM, length: 36 },
  { id: 'github-user-token', token: (b) => join('gh', 'u_', b), alphabet: ALNUM, length: 36 },
  { id: 'github-installation-token', token: (b) => join('gh', 's_', b), alphabet: ALNUM, length: 36 },
  { id: 'github-refresh-token', token: (b) => join('gh', 'r_', b), alphabet: ALNUM, length: 36 },
  {
    id: 'github-fine-grained-pat',
    token: (b) => join('github', '_pat_', b.slice(0, 22), '_', b.slice(23)),
    alphabet: ALNUM,
    length: 82,
  },
  {
    id: 'gitlab-pat',
    token: (b) => join('gl', 'pat-', b),
    alphabet: URLSAFE,
    length: 20,
    lookalikes: [join('gl', 'pat-', body(12), '.', body(9, LOWER))],
  },
  {
    id: 'slack-token',
    token: (b) => join('xo', 'xb-', digits(12), '-', digits(13), '-', b),
    alphabet: ALNUM,
    length: 24,
    min: 16,
    max: 64,
  },
  {
    id: 'slack-webhook-url',
    token: (b) => join('https://hooks.', 'slack.com/services/T', body(9, UPPER + DIGITS), '/B', body(9, UPPER + DIGITS), '/', b),
    alphabet: ALNUM,
    length: 24,
    min: 20,
    max: 32,
    noIdentifier: true,
  },
  { id: 'stripe-secret-key', token: (b) => join('sk', '_live_', b), alphabet: ALNUM, length: 99, min: 20, max: 247 },
  { id: 'stripe-restricted-key', token: (b) => join('rk', '_live_', b), alphabet: ALNUM, length: 24, min: 20, max: 247 },
  {
    id: 'stripe-test-key',
    token: (b) => join('sk', '_test_', b),
    alphabet: ALNUM,
    length: 24,
    min: 20,
    max: 247,
    options: STRICT,
  },
  {
    id: 'webhook-signing-secret',
    token: (b) => join('wh', 'sec_', b),
    alphabet: BASE64,
    length: 32,
    min: 32,
    max: 88,
  },
  {
    id: 'openai-api-key',
    token: (b) => join('sk', '-proj-', b),
    alphabet: URLSAFE,
    length: 156,
    min: 40,
    max: 250,
    lookalikes: [join('sk', '-proj-', 'my-project-name-for-the-staging-environment')],
  },
  {
    id: 'openai-legacy-api-key',
    token: (b) => join('sk', '-', b.slice(0, 20), 'T3Blbk', 'FJ', b.slice(20)),
    alphabet: ALNUM,
    length: 40,
  },
  { id: 'openrouter-api-key', token: (b) => join('sk', '-or-v1-', b), alphabet: HEX, length: 64 },
  {
    id: 'anthropic-api-key',
    token: (b) => join('sk', '-ant-api03-', b, 'AA'),
    alphabet: URLSAFE,
    length: 93,
    min: 80,
    max: 120,
  },
  {
    id: 'anthropic-admin-key',
    token: (b) => join('sk', '-ant-admin01-', b, 'AA'),
    alphabet: URLSAFE,
    length: 93,
    min: 80,
    max: 120,
  },
  { id: 'groq-api-key', token: (b) => join('gs', 'k_', b), alphabet: ALNUM, length: 52 },
  { id: 'xai-api-key', token: (b) => join('xa', 'i-', b), alphabet: ALNUM, length: 80 },
  { id: 'replicate-api-token', token: (b) => join('r8', '_', b), alphabet: ALNUM, length: 37 },
  { id: 'perplexity-api-key', token: (b) => join('pp', 'lx-', b), alphabet: ALNUM, length: 48 },
  { id: 'huggingface-token', token: (b) => join('hf', '_', b), alphabet: LETTERS, length: 34 },
  {
    id: 'google-api-key',
    token: (b) => join('AI', 'za', b),
    alphabet: URLSAFE,
    length: 35,
  },
  { id: 'google-oauth-client-secret', token: (b) => join('GOC', 'SPX-', b), alphabet: URLSAFE, length: 28 },
  { id: 'sendgrid-api-key', token: (b) => join('SG', '.', b.slice(0, 22), '.', b.slice(22)), alphabet: URLSAFE, length: 65 },
  {
    id: 'mailgun-api-key',
    token: (b) => join('ke', 'y-', b),
    alphabet: HEX,
    length: 32,
    around: (t) => `mailgun.client({ username: 'api', key: '${t}' })`,
    lookalikes: [join('cache ke', 'y-', body(32, HEX))],
  },
  { id: 'mailchimp-api-key', token: (b) => join(b, '-us', '21'), alphabet: HEX, length: 32 },
  { id: 'twilio-api-key', token: (b) => join('S', 'K', b), alphabet: HEX, length: 32 },
  {
    id: 'discord-bot-token',
    token: (b) => join(snowflakeSegment(), '.', body(6, URLSAFE), '.', b),
    alphabet: URLSAFE,
    length: 38,
    min: 27,
    max: 38,
    // The first segment is not the base64 of a numeric id.
    lookalikes: [join('M', body(23, ALNUM), '.', body(6, URLSAFE), '.', body(38, URLSAFE))],
  },
  {
    id: 'discord-webhook-url',
    token: (b) => join('https://disc', 'ord.com/api/webhooks/', digits(18), '/', b),
    alphabet: URLSAFE,
    length: 68,
    min: 60,
    max: 68,
  },
  {
    id: 'telegram-bot-token',
    token: (b) => join(digits(10), ':A', 'A', b),
    alphabet: URLSAFE,
    length: 33,
    lookalikes: [join('12:34:', 'AA', body(33, URLSAFE))],
  },
  { id: 'shopify-access-token', token: (b) => join('sh', 'pat_', b), alphabet: HEX, length: 32 },
  { id: 'shopify-shared-secret', token: (b) => join('sh', 'pss_', b), alphabet: HEX, length: 32 },
  { id: 'square-access-token', token: (b) => join('EA', 'AA', b), alphabet: URLSAFE, length: 60 },
  { id: 'square-legacy-access-token', token: (b) => join('sq0', 'atp-', b), alphabet: URLSAFE, length: 22 },
  { id: 'square-oauth-secret', token: (b) => join('sq0', 'csp-', b), alphabet: URLSAFE, length: 43 },
  { id: 'npm-token', token: (b) => join('np', 'm_', b), alphabet: ALNUM, length: 36 },
  {
    id: 'pypi-token',
    token: (b) => join('py', 'pi-', 'AgEIcHlwaS5vcmc', b),
    alphabet: URLSAFE,
    length: 120,
    min: 50,
    max: 1000,
  },
  { id: 'doppler-token', token: (b) => join('dp', '.pt.', b), alphabet: ALNUM, length: 43, min: 40, max: 44 },
  { id: 'digitalocean-token', token: (b) => join('do', 'p_v1_', b), alphabet: HEX, length: 64 },
  { id: 'linear-api-key', token: (b) => join('lin', '_api_', b), alphabet: ALNUM, length: 40 },
  { id: 'notion-token', token: (b) => join('nt', 'n_', digits(11), b), alphabet: ALNUM, length: 35 },
  {
    id: 'notion-legacy-token',
    token: (b) => join('sec', 'ret_', b),
    alphabet: ALNUM,
    length: 43,
    // Only lower case: a name, not a token.
    lookalikes: [join('sec', 'ret_', body(43, LOWER))],
  },
  { id: 'postman-api-key', token: (b) => join('PM', 'AK-', b.slice(0, 24), '-', b.slice(24)), alphabet: HEX, length: 58 },
  { id: 'supabase-access-token', token: (b) => join('sb', 'p_', b), alphabet: HEX, length: 40 },
  { id: 'supabase-secret-key', token: (b) => join('sb', '_secret_', b), alphabet: URLSAFE, length: 31, min: 24, max: 64 },
  { id: 'databricks-token', token: (b) => join('da', 'pi', b), alphabet: HEX, length: 32 },
  { id: 'heroku-api-key', token: (b) => join('HR', 'KU-AA', b), alphabet: URLSAFE, length: 58 },
  { id: 'atlassian-api-token', token: (b) => join('ATA', 'TT3', b), alphabet: URLSAFE, length: 186 },
  {
    id: 'cloudflare-origin-ca-key',
    token: (b) => join('v1', '.0-', b.slice(0, 24), '-', b.slice(24)),
    alphabet: HEX,
    length: 170,
  },
  {
    id: 'azure-storage-account-key',
    token: (b) => join(b, '=='),
    alphabet: BASE64,
    length: 86,
    around: (t) => join('DefaultEndpointsProtocol=https;AccountName=acct;Account', 'Key=', t, ';EndpointSuffix=core.windows.net'),
    noIdentifier: true,
    lookalikes: [join('SharedKey=', body(86, BASE64), '==')],
  },
];

describe('provider token formats', () => {
  it('has a case below for every format', () => {
    const covered = new Set([...CASES.map((c) => c.id), 'gcp-service-account-key', 'private-key', 'postgres-uri', 'mysql-uri', 'mongodb-uri', 'redis-uri', 'amqp-uri']);
    expect(SECRET_FORMATS.map((format) => format.id).filter((id) => !covered.has(id))).toEqual([]);
    expect(new Set(SECRET_FORMATS.map((format) => format.id)).size).toBe(SECRET_FORMATS.length);
  });

  it('declares kebab-case ids, patterns without g and with u, hints without capturing groups', () => {
    for (const format of SECRET_FORMATS) {
      expect(format.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u);
      expect(format.pattern.flags).not.toContain('g');
      expect(format.pattern.flags).toContain('u');
      expect(new RegExp(`${format.hint}|`, 'u').exec('')!.length).toBe(1);
    }
  });

  for (const c of CASES) {
    describe(c.id, () => {
      const options = { ...(c.options ?? LAX), ...(c.context === undefined ? {} : { context: c.context }) };
      const around = c.around ?? ((t: string) => `Bearer ${t}`);
      const reported = c.reported ?? ((t: string) => t);
      const find = (token: string): ProviderTokenMatch[] => findProviderTokens(around(token), options);

      it('matches a token (format, offset, length)', () => {
        const token = c.token(body(c.length, c.alphabet));
        expect(find(token)).toEqual(only(c.id, around(token), reported(token)));
      });

      it('does not match look-alikes', () => {
        const min = c.min ?? c.length;
        const max = c.max ?? c.length;
        const lookalikes = [
          c.token(body(min - 1, c.alphabet)),
          c.token(body(max + 1, c.alphabet)),
          c.token(repeated(c.length, c.alphabet)),
          c.token(sequential(c.length, c.alphabet)),
        ].map(around);
        if (/[A-Z]/u.test(c.alphabet) && c.length >= 12) {
          lookalikes.push(around(c.token(withWord(body(c.length, c.alphabet)))));
        }
        if (c.noIdentifier !== true) {
          lookalikes.push(`x${c.token(body(c.length, c.alphabet))}`, `MY_${c.token(body(c.length, c.alphabet))}`);
        }
        lookalikes.push(...(c.lookalikes ?? []));
        for (const text of lookalikes) {
          expect(findProviderTokens(text, options), text).toEqual([]);
        }
      });
    });
  }

  it('keeps hints exclusive: no two formats hint at one offset of any positive', () => {
    const hints = SECRET_FORMATS.map((format) => new RegExp(format.hint, 'uy'));
    for (const c of CASES) {
      const text = (c.around ?? ((t: string) => `Bearer ${t}`))(c.token(body(c.length, c.alphabet)));
      for (let offset = 0; offset < text.length; offset++) {
        const at = hints.filter((hint) => {
          hint.lastIndex = offset;
          return hint.test(text);
        });
        expect(at.length, `${c.id} at ${offset}`).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('private keys', () => {
  const header = (kind: string): string => join('-----BEGIN ', kind, 'PRIVATE', ' KEY-----');
  const footer = (kind: string): string => join('-----END ', kind, 'PRIVATE', ' KEY-----');
  const lines = (start: string, count: number): string[] =>
    Array.from({ length: count }, (_, i) => (i === 0 ? start + body(64 - start.length, BASE64) : body(64, BASE64)));

  it('matches an RSA key with real line breaks, header and body', () => {
    const keyLines = lines('MIIEow', 8);
    const text = [header('RSA '), ...keyLines, footer('RSA '), ''].join('\n');
    const token = [header('RSA '), ...keyLines, ''].join('\n');
    expect(findProviderTokens(text, LAX)).toEqual(only('private-key', text, token));
  });

  it('matches a PKCS#8 key written with escaped line breaks, and an OpenSSH key', () => {
    const escaped = [header(''), ...lines('MIIEvQ', 6), footer('')].join('\\n');
    expect(findProviderTokens(escaped, LAX).map((m) => [m.format, m.index])).toEqual([['private-key', 0]]);
    const openssh = [header('OPENSSH '), ...lines('b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB', 4), footer('OPENSSH ')].join('\n');
    expect(findProviderTokens(openssh, LAX).map((m) => m.format)).toEqual(['private-key']);
  });

  it('matches a PGP block after its armor headers', () => {
    const pgp = [join('-----BEGIN PGP ', 'PRIVATE KEY BLOCK-----'), 'Version: GnuPG v2', '', ...lines('lQOYBF', 4)].join('\n');
    expect(findProviderTokens(pgp, LAX).map((m) => m.format)).toEqual(['private-key']);
  });

  it('does not match placeholders, truncated or non-key bodies', () => {
    for (const text of [
      [header('RSA '), '...', footer('RSA ')].join('\n'),
      [header('RSA '), 'MIIEowIBAAKCAQEA...', footer('RSA ')].join('\n'),
      [header(''), 'your private key here', footer('')].join('\n'),
      [header('RSA '), ...lines('QUJD', 4), footer('RSA ')].join('\n'),
      [header('RSA '), 'MII' + 'A'.repeat(200), footer('RSA ')].join('\n'),
      [header('RSA '), 'MIIE' + 'EXAMPLE'.repeat(30), footer('RSA ')].join('\n'),
      header('RSA '),
      join('-----BEGIN ', 'PUBLIC KEY-----\n', lines('MIIBIj', 4).join('\n')),
    ]) {
      expect(findProviderTokens(text, LAX), text).toEqual([]);
    }
  });

  it('reports a GCP service account key once, from its "private_key" property', () => {
    const key = [header(''), ...lines('MIIEvA', 5), footer(''), ''].join('\\n');
    const json = `{"type": "service_account", "project_id": "demo", "private_key": "${key}", "client_email": "svc@demo.iam.gserviceaccount.com"}`;
    const token = `"private_key": "${header('')}\\n`;
    const found = findProviderTokens(json, LAX);
    expect(found.map((m) => [m.format, m.index])).toEqual([['gcp-service-account-key', json.indexOf('"private_key"')]]);
    expect(json.slice(found[0]!.index, found[0]!.index + found[0]!.length).startsWith(token)).toBe(true);
    expect(json.slice(found[0]!.index + found[0]!.length).startsWith(join('-----END ', 'PRIVATE'))).toBe(true);
  });

  it('does not report a service account JSON whose key is a placeholder', () => {
    const json = `{"private_key": "${header('')}\\n...\\n${footer('')}\\n"}`;
    expect(findProviderTokens(json, LAX)).toEqual([]);
  });
});

describe('connection URIs', () => {
  const password = body(20);
  const uri = (scheme: string, user: string, pw: string, host = 'db.prod.example.net'): string => `${scheme}://${user}${pw === '' ? '' : `:${pw}`}@${host}`;

  it.each([
    ['postgres-uri', 'postgres'],
    ['postgres-uri', 'postgresql'],
    ['mysql-uri', 'mysql'],
    ['mongodb-uri', 'mongodb+srv'],
    ['redis-uri', 'rediss'],
    ['amqp-uri', 'amqps'],
  ])('matches %s (%s) up to the host', (id, scheme) => {
    const token = uri(scheme, 'app_user', password);
    const text = `${token}:5432/app?sslmode=require`;
    expect(findProviderTokens(text, LAX)).toEqual(only(id, text, token));
  });

  it('matches a password with an empty user name (redis)', () => {
    const text = uri('redis', '', password, 'cache.example.net:6379');
    expect(findProviderTokens(text, LAX).map((m) => m.format)).toEqual(['redis-uri']);
  });

  it.each([
    'password', 'PASSWORD', 'pass', 'secret', 'changeme', '<password>', '[password]', '${DB_PASSWORD}', '{{db_password}}', '{password}',
    '$PASSWORD', '$(cat /run/secret)', '%DB_PASS%', '****', '********', 'xxxxxxxx', 'xxx', 'YOUR_PASSWORD', 'your-db-password', 'abc',
    'app_user', 'postgres', 'example', 'REDACTED',
  ])('does not match the placeholder password %s', (pw) => {
    expect(findProviderTokens(`${uri('postgres', 'app_user', pw)}:5432/app`, LAX)).toEqual([]);
  });

  it('does not match a URI without a password, or with an empty one', () => {
    expect(findProviderTokens(uri('postgres', 'app_user', '', 'db.prod.example.net:5432/app'), LAX)).toEqual([]);
    expect(findProviderTokens('postgres://app_user:@db.prod.example.net:5432/app', LAX)).toEqual([]);
    expect(findProviderTokens('mongodb://db.prod.example.net:27017/app', LAX)).toEqual([]);
  });

  it('reports a local host (localhost, a dotless service name) only in strict mode', () => {
    for (const host of ['localhost', '127.0.0.1', 'db', 'host.docker.internal']) {
      const text = `${uri('postgres', 'app_user', password, host)}:5432/app`;
      expect(findProviderTokens(text, LAX), host).toEqual([]);
      expect(findProviderTokens(text, STRICT).map((m) => m.format), host).toEqual(['postgres-uri']);
    }
  });

  it('does not match a scheme inside a longer word', () => {
    expect(findProviderTokens(`my${uri('postgres', 'app_user', password)}`, LAX)).toEqual([]);
  });
});

describe('exclusions', () => {
  it('returns nothing for strings shorter than the shortest token', () => {
    expect(MIN_PROVIDER_TOKEN_LENGTH).toBeLessThanOrEqual('redis://:abcd@h'.length);
    expect(findProviderTokens('ghp_abc', LAX)).toEqual([]);
    expect(findProviderTokens('', LAX)).toEqual([]);
  });

  it('skips vendors\' documented example keys', () => {
    const exampleId = join('AKIA', 'IOSFODNN7', 'EXAMPLE');
    const exampleSecret = join('wJalrXUtnFEMI/K7MDENG/', 'bPxRfiCYEXAMPLEKEY');
    expect(findProviderTokens(exampleId, { ...LAX, context: `secret: '${AWS_SECRET}'` })).toEqual([]);
    expect(findProviderTokens(join('aws_secret', '_access_key = ', exampleSecret), LAX)).toEqual([]);
    // The AWS example secret is no companion for a real-looking id either.
    expect(findProviderTokens(join('AK', 'IA', body(16, BASE32)), { ...LAX, context: exampleSecret })).toEqual([]);
    expect(findProviderTokens(join('sk', '_test_', '4eC39HqLyjWDarjtT1zdp7dc'), STRICT)).toEqual([]);
    expect(findProviderTokens(join('gh', 'p_', '16C7e42F292c6912E7710c838347Ae178B4a'), LAX)).toEqual([]);
  });

  it.each(['EXAMPLE', 'example', 'Fake', 'DUMMY', 'REDACTED', 'placeholder', 'SAMPLE', 'YourKey'])('skips a body containing %s', (word) => {
    const text = join('gh', 'p_', word, body(36 - word.length));
    expect(findProviderTokens(text, LAX)).toEqual([]);
  });

  it('keeps a body containing "test" (not a placeholder word)', () => {
    const token = join('gh', 'p_', 'Test', body(32));
    expect(findProviderTokens(token, LAX)).toEqual(only('github-pat', token, token));
  });

  it.each([
    ['repeated', 'x'.repeat(36)],
    ['repeated in pairs', 'ab'.repeat(18)],
    ['periodic', 'Ab3Xy9'.repeat(6)],
    ['with a run of six', join(body(15), '000000', body(15))],
    ['sequential letters', join(body(10), 'abcdefgh', body(18))],
    ['sequential digits', join(body(10), '12345678', body(18))],
    ['descending', join(body(10), '987654', body(20))],
    ['hex counting', '1234567890abcdef1234567890abcdef1234'],
    ['one class only', body(36, LOWER)],
  ])('skips a %s body', (_, text) => {
    expect(findProviderTokens(join('gh', 'p_', text), LAX)).toEqual([]);
  });

  it('does not match a prefix inside a longer identifier or a regex source', () => {
    for (const text of [
      join('myg', 'hp_', body(36)),
      join('gh', 'p_[A-Za-z0-9]{36}'),
      join('/\\bgh', 'p_[A-Za-z0-9]{36}\\b/'),
      join('sk', '_live_[0-9a-zA-Z]{24,99}'),
      join('\\bAK', 'IA[A-Z2-7]{16}\\b'),
    ]) {
      expect(findProviderTokens(text, LAX), text).toEqual([]);
    }
  });

  it('reports a test-mode Stripe key only in strict mode, and a live key in both', () => {
    const test = join('sk', '_test_', body(24));
    const live = join('rk', '_live_', body(24));
    expect(findProviderTokens(test, LAX)).toEqual([]);
    expect(findProviderTokens(test, STRICT)).toEqual(only('stripe-test-key', test, test));
    expect(findProviderTokens(live, LAX)).toEqual(only('stripe-restricted-key', live, live));
  });

  it('does not report a Google API key beside a Firebase web config', () => {
    const key = join('AI', 'za', body(35, URLSAFE));
    expect(findProviderTokens(key, { ...LAX, context: `const firebaseConfig = { apiKey: '${key}', authDomain: 'demo.firebaseapp.com' };` })).toEqual([]);
    expect(findProviderTokens(key, { ...LAX, context: 'const maps = new Client();' })).toEqual(only('google-api-key', key, key));
  });
});

describe('AWS access key ids need their secret key nearby', () => {
  const keyId = join('AS', 'IA', body(16, BASE32));

  it('does not report an access key id alone', () => {
    expect(findProviderTokens(keyId, LAX)).toEqual([]);
    expect(findProviderTokens(keyId, { ...LAX, context: `const id = '${keyId}';` })).toEqual([]);
  });

  it('reports it with a secret key in the same string, and reports a labelled secret key too', () => {
    const text = `[default]\naws_access_key_id = ${keyId}\n${join('aws_secret', '_access_key')} = ${AWS_SECRET}\n`;
    expect(findProviderTokens(text, LAX)).toEqual([...only('aws-access-key-id', text, keyId), ...only('aws-secret-access-key', text, AWS_SECRET)]);
  });

  it('reports it with a secret key in the context (the file text)', () => {
    expect(findProviderTokens(keyId, { ...LAX, context: `new S3Client({ credentials: { accessKeyId: '${keyId}', secretAccessKey: '${AWS_SECRET}' } })` })).toEqual(
      only('aws-access-key-id', keyId, keyId),
    );
  });

  it('does not take a commit hash, a lower-case word run or a path for a secret key', () => {
    for (const context of [
      `const sha = '${body(40, HEX)}';`,
      `const word = '${body(40, LOWER)}';`,
      "import x from './components/dashboard/widgets/UserCard';",
      `const blob = '${body(120, BASE64)}';`,
    ]) {
      expect(findProviderTokens(keyId, { ...LAX, context }), context).toEqual([]);
    }
  });
});

describe('allow', () => {
  const token = join('np', 'm_', body(36));
  const text = `//registry.npmjs.org/:_authToken=${token}`;

  it('skips a token listed in the allow set', () => {
    expect(findProviderTokens(text, { strict: false, allow: new Set([token]) })).toEqual([]);
  });

  it('skips every token of a string listed whole', () => {
    expect(findProviderTokens(text, { strict: false, allow: new Set([text]) })).toEqual([]);
  });

  it('asks a predicate with the token and with the whole string', () => {
    const asked: string[] = [];
    expect(findProviderTokens(text, { strict: false, allow: (t) => (asked.push(t), false) })).toEqual(only('npm-token', text, token));
    expect(asked).toEqual([token, text]);
    expect(findProviderTokens(text, { strict: false, allow: (t) => t.startsWith('np') })).toEqual([]);
  });

  it('keeps other tokens', () => {
    expect(findProviderTokens(text, { strict: false, allow: new Set(['something else']) })).toEqual(only('npm-token', text, token));
  });
});

describe('several tokens in one string', () => {
  it('reports each, in text order', () => {
    const npm = join('np', 'm_', body(36));
    const gh = join('gh', 'p_', body(36));
    const text = `GH=${gh}\nNPM=${npm}\n`;
    expect(findProviderTokens(text, LAX)).toEqual([...only('github-pat', text, gh), ...only('npm-token', text, npm)]);
  });

  it('reports the same format twice', () => {
    const a = join('gh', 'p_', body(36));
    const b = join('gh', 'o_', body(36));
    const c = join('gh', 'p_', body(36));
    const text = `${a} ${b} ${c}`;
    expect(findProviderTokens(text, LAX).map((m) => [m.format, m.index])).toEqual([
      ['github-pat', 0],
      ['github-oauth-token', a.length + 1],
      ['github-pat', a.length + b.length + 2],
    ]);
  });
});
