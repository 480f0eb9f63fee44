/**
 * Credential sinks as data: the module exports that take a signing key, a session secret, a
 * database password or an API key, and where in the call the secret sits. Read by
 * `analysis/secrets/sinks.ts` (which builds the trace map) and by the `no-hardcoded-secrets`
 * rule (policy). No logic here beyond lookups.
 */

/** What a sink protects: the rule's message and docs name the family. */
export type SecretSinkFamily =
  | 'jwt'
  | 'session'
  | 'auth'
  | 'cipher'
  | 'hmac'
  | 'database'
  | 'sdk'
  | 'mail'
  | 'custom';

/** Where the secret is in a call: an argument, or a property path inside an object argument. */
export interface SecretSlot {
  /** Argument index. */
  readonly arg: number;
  /** Property path inside that argument (`['connection', 'password']`); absent: the argument itself. */
  readonly path?: readonly string[];
  /** The value is a connection URI: only a password written in it (`user:password@`) is a secret. */
  readonly uri?: boolean;
}

/** One sink: a module export (or a method of what it returns), and its secret slots. */
export interface SecretSink {
  /** Module specifiers (without `node:`) that export it. */
  readonly modules: readonly string[];
  /** Export paths from the module object (`''` is the module itself, `'v2.config'` nests). */
  readonly exports: readonly string[];
  /**
   * How the export is used: called, constructed with `new`, or either; or `register`, a Fastify
   * plugin handed to `app.register(plugin, options)`, whose slots then count from the options
   * (`arg(0, 'secret')` is `options.secret`).
   */
  readonly use: 'call' | 'construct' | 'both' | 'register';
  /** Where the secret is in that call; with `chain`, in the call of the chained method. */
  readonly slots: readonly SecretSlot[];
  readonly family: SecretSinkFamily;
  /** What the message calls it (`jsonwebtoken sign`). */
  readonly label: string;
  /** A method of the call's result, anywhere down a fluent chain, that takes the secret (jose `new SignJWT(p)….sign(key)`). */
  readonly chain?: string;
  /**
   * The call is a class's superclass and the secret goes to its constructor's `super(…)` (NestJS
   * `class JwtStrategy extends PassportStrategy(Strategy) { constructor() { super({ secretOrKey }) } }`).
   */
  readonly superCall?: boolean;
  /** The secret goes to a call of what the traced call returns (pg-promise: `const pgp = pgPromise(); pgp(uri)`). */
  readonly resultCall?: boolean;
  /** Reported only with the rule's `hmacKeys` option (strict): public salts are common as HMAC keys. */
  readonly strictOnly?: boolean;
  /**
   * The call takes no credential when this option has this value (`new Sequelize(db, user, password,
   * { dialect: 'sqlite' })`: SQLite ignores the password).
   */
  readonly unless?: { readonly arg: number; readonly path: readonly string[]; readonly equals: string };
}

const arg = (index: number, ...path: string[]): SecretSlot => (path.length > 0 ? { arg: index, path } : { arg: index });
const uri = (index: number, ...path: string[]): SecretSlot => ({ ...arg(index, ...path), uri: true });

/** SDK clients constructed with `{ apiKey }`. */
const API_KEY_OPTION = [arg(0, 'apiKey')];

/** AWS SDK v3 clients most often written by hand: `new S3Client({ credentials: { secretAccessKey } })`. */
const AWS_V3_CLIENTS: readonly [string, string][] = [
  ['@aws-sdk/client-s3', 'S3Client'],
  ['@aws-sdk/client-s3', 'S3'],
  ['@aws-sdk/client-dynamodb', 'DynamoDBClient'],
  ['@aws-sdk/client-ses', 'SESClient'],
  ['@aws-sdk/client-sesv2', 'SESv2Client'],
  ['@aws-sdk/client-sqs', 'SQSClient'],
  ['@aws-sdk/client-sns', 'SNSClient'],
  ['@aws-sdk/client-lambda', 'LambdaClient'],
  ['@aws-sdk/client-bedrock-runtime', 'BedrockRuntimeClient'],
  ['@aws-sdk/client-secrets-manager', 'SecretsManagerClient'],
];

/** Every sink the rule knows, by family. */
export const SECRET_SINKS: readonly SecretSink[] = [
  // --- JSON Web Tokens ---
  { modules: ['jsonwebtoken'], exports: ['sign', 'verify'], use: 'call', slots: [arg(1)], family: 'jwt', label: 'jsonwebtoken' },
  { modules: ['jose'], exports: ['SignJWT', 'EncryptJWT', 'CompactSign', 'FlattenedSign', 'GeneralSign'], use: 'construct', slots: [arg(0)], family: 'jwt', label: 'jose', chain: 'sign' },
  { modules: ['jose'], exports: ['EncryptJWT', 'CompactEncrypt'], use: 'construct', slots: [arg(0)], family: 'jwt', label: 'jose', chain: 'encrypt' },
  { modules: ['jose'], exports: ['jwtVerify', 'jwtDecrypt', 'compactVerify', 'compactDecrypt'], use: 'call', slots: [arg(1)], family: 'jwt', label: 'jose' },
  { modules: ['@nestjs/jwt'], exports: ['JwtModule.register'], use: 'call', slots: [arg(0, 'secret'), arg(0, 'privateKey')], family: 'jwt', label: '@nestjs/jwt JwtModule.register' },
  { modules: ['@fastify/jwt', 'fastify-jwt'], exports: [''], use: 'register', slots: [arg(0, 'secret')], family: 'jwt', label: '@fastify/jwt' },
  { modules: ['hono/jwt'], exports: ['sign', 'verify'], use: 'call', slots: [arg(1)], family: 'jwt', label: 'hono/jwt' },
  { modules: ['hono/jwt'], exports: ['jwt'], use: 'call', slots: [arg(0, 'secret')], family: 'jwt', label: 'hono/jwt' },

  // --- sessions and cookies ---
  { modules: ['express-session'], exports: [''], use: 'call', slots: [arg(0, 'secret')], family: 'session', label: 'express-session' },
  { modules: ['cookie-session'], exports: [''], use: 'call', slots: [arg(0, 'secret'), arg(0, 'keys')], family: 'session', label: 'cookie-session' },
  { modules: ['cookie-parser'], exports: [''], use: 'call', slots: [arg(0)], family: 'session', label: 'cookie-parser' },
  { modules: ['@fastify/cookie'], exports: [''], use: 'register', slots: [arg(0, 'secret')], family: 'session', label: '@fastify/cookie' },
  { modules: ['@fastify/session', '@fastify/secure-session'], exports: [''], use: 'register', slots: [arg(0, 'secret'), arg(0, 'key')], family: 'session', label: '@fastify/session' },
  {
    modules: ['iron-session', 'iron-session/next'],
    exports: ['getIronSession', 'sealData', 'unsealData', 'withIronSessionApiRoute', 'withIronSessionSsr', 'ironSession'],
    use: 'call',
    slots: [arg(0, 'password'), arg(1, 'password'), arg(2, 'password')],
    family: 'session',
    label: 'iron-session',
  },

  // --- authentication middleware ---
  { modules: ['express-jwt'], exports: ['expressjwt', ''], use: 'call', slots: [arg(0, 'secret')], family: 'auth', label: 'express-jwt' },
  { modules: ['koa-jwt'], exports: [''], use: 'call', slots: [arg(0, 'secret')], family: 'auth', label: 'koa-jwt' },
  { modules: ['passport-jwt'], exports: ['Strategy'], use: 'construct', slots: [arg(0, 'secretOrKey')], family: 'auth', label: 'passport-jwt' },
  { modules: ['@nestjs/passport'], exports: ['PassportStrategy'], use: 'call', slots: [arg(0, 'secretOrKey')], family: 'auth', label: 'PassportStrategy', superCall: true },
  { modules: ['next-auth', '@auth/express', '@auth/sveltekit', '@auth/qwik', '@auth/solid-start'], exports: ['', 'ExpressAuth', 'SvelteKitAuth', 'QwikAuth', 'SolidAuth'], use: 'call', slots: [arg(0, 'secret')], family: 'auth', label: 'Auth.js' },
  { modules: ['@auth/core'], exports: ['Auth'], use: 'call', slots: [arg(1, 'secret')], family: 'auth', label: 'Auth.js' },
  { modules: ['better-auth'], exports: ['betterAuth'], use: 'call', slots: [arg(0, 'secret')], family: 'auth', label: 'better-auth' },
  { modules: ['hono/basic-auth'], exports: ['basicAuth'], use: 'call', slots: [arg(0, 'password')], family: 'auth', label: 'hono/basic-auth' },
  { modules: ['hono/bearer-auth'], exports: ['bearerAuth'], use: 'call', slots: [arg(0, 'token')], family: 'auth', label: 'hono/bearer-auth' },

  // --- ciphers and keys ---
  { modules: ['crypto'], exports: ['createCipheriv', 'createDecipheriv'], use: 'call', slots: [arg(1)], family: 'cipher', label: 'crypto' },
  { modules: ['crypto'], exports: ['createSecretKey'], use: 'call', slots: [arg(0)], family: 'cipher', label: 'crypto' },
  { modules: ['crypto-js'], exports: ['AES.encrypt', 'AES.decrypt', 'TripleDES.encrypt', 'TripleDES.decrypt', 'Rabbit.encrypt', 'Rabbit.decrypt'], use: 'call', slots: [arg(1)], family: 'cipher', label: 'crypto-js' },
  { modules: ['crypto'], exports: ['createHmac'], use: 'call', slots: [arg(1)], family: 'hmac', label: 'crypto', strictOnly: true },
  { modules: ['crypto-js'], exports: ['HmacSHA256', 'HmacSHA512', 'HmacSHA1'], use: 'call', slots: [arg(1)], family: 'hmac', label: 'crypto-js', strictOnly: true },

  // --- database clients ---
  { modules: ['pg', 'pg-pool', '@neondatabase/serverless'], exports: ['Client', 'Pool', ''], use: 'construct', slots: [arg(0, 'password'), uri(0, 'connectionString'), uri(0)], family: 'database', label: 'pg' },
  { modules: ['mysql', 'mysql2', 'mysql2/promise'], exports: ['createConnection', 'createPool', 'createPoolCluster'], use: 'call', slots: [arg(0, 'password'), uri(0, 'uri'), uri(0)], family: 'database', label: 'mysql' },
  {
    modules: ['sequelize', '@sequelize/core', 'sequelize-typescript'],
    exports: ['', 'Sequelize'],
    use: 'construct',
    slots: [arg(2), uri(0), arg(0, 'password')],
    family: 'database',
    label: 'Sequelize',
    unless: { arg: 3, path: ['dialect'], equals: 'sqlite' },
  },
  { modules: ['typeorm'], exports: ['DataSource', 'createConnection'], use: 'both', slots: [arg(0, 'password'), uri(0, 'url')], family: 'database', label: 'TypeORM' },
  { modules: ['knex'], exports: ['', 'knex'], use: 'call', slots: [arg(0, 'connection', 'password'), uri(0, 'connection'), uri(0, 'connection', 'connectionString')], family: 'database', label: 'knex' },
  { modules: ['mongoose'], exports: ['connect', 'createConnection'], use: 'call', slots: [uri(0), arg(1, 'pass')], family: 'database', label: 'mongoose' },
  { modules: ['mongodb'], exports: ['MongoClient'], use: 'construct', slots: [uri(0)], family: 'database', label: 'mongodb' },
  { modules: ['mongodb'], exports: ['MongoClient.connect'], use: 'call', slots: [uri(0)], family: 'database', label: 'mongodb' },
  { modules: ['redis', '@redis/client'], exports: ['createClient'], use: 'call', slots: [arg(0, 'password'), uri(0, 'url')], family: 'database', label: 'redis' },
  { modules: ['ioredis'], exports: ['', 'Redis'], use: 'construct', slots: [arg(0, 'password'), uri(0), arg(2, 'password')], family: 'database', label: 'ioredis' },
  { modules: ['postgres'], exports: [''], use: 'call', slots: [uri(0), arg(0, 'password'), arg(1, 'password')], family: 'database', label: 'postgres' },
  { modules: ['pg-promise'], exports: [''], use: 'call', slots: [uri(0), arg(0, 'password'), uri(0, 'connectionString')], family: 'database', label: 'pg-promise', resultCall: true },
  { modules: ['mssql'], exports: ['connect', 'ConnectionPool'], use: 'both', slots: [arg(0, 'password'), uri(0)], family: 'database', label: 'mssql' },

  // --- SDKs constructed with an API key ---
  { modules: ['stripe'], exports: ['', 'Stripe'], use: 'both', slots: [arg(0)], family: 'sdk', label: 'Stripe' },
  { modules: ['openai'], exports: ['', 'OpenAI', 'AzureOpenAI'], use: 'construct', slots: API_KEY_OPTION, family: 'sdk', label: 'OpenAI' },
  { modules: ['@anthropic-ai/sdk'], exports: ['', 'Anthropic'], use: 'construct', slots: API_KEY_OPTION, family: 'sdk', label: 'Anthropic' },
  { modules: ['groq-sdk'], exports: ['', 'Groq'], use: 'construct', slots: API_KEY_OPTION, family: 'sdk', label: 'Groq' },
  { modules: ['@mistralai/mistralai'], exports: ['Mistral'], use: 'construct', slots: API_KEY_OPTION, family: 'sdk', label: 'Mistral' },
  { modules: ['@google/genai'], exports: ['GoogleGenAI'], use: 'construct', slots: API_KEY_OPTION, family: 'sdk', label: 'Google GenAI' },
  { modules: ['@google/generative-ai'], exports: ['GoogleGenerativeAI'], use: 'construct', slots: [arg(0)], family: 'sdk', label: 'Google Generative AI' },
  { modules: ['resend'], exports: ['Resend'], use: 'construct', slots: [arg(0)], family: 'sdk', label: 'Resend' },
  { modules: ['twilio'], exports: ['', 'Twilio'], use: 'both', slots: [arg(1)], family: 'sdk', label: 'Twilio' },
  { modules: ['@sendgrid/mail'], exports: ['setApiKey'], use: 'call', slots: [arg(0)], family: 'sdk', label: 'SendGrid' },
  { modules: ['@octokit/rest', '@octokit/core', 'octokit'], exports: ['Octokit'], use: 'construct', slots: [arg(0, 'auth'), arg(0, 'password')], family: 'sdk', label: 'Octokit' },
  { modules: ['cloudinary'], exports: ['v2.config', 'config'], use: 'call', slots: [arg(0, 'api_secret')], family: 'sdk', label: 'Cloudinary' },
  { modules: ['aws-sdk'], exports: ['config.update'], use: 'call', slots: [arg(0, 'secretAccessKey')], family: 'sdk', label: 'AWS SDK' },
  ...AWS_V3_CLIENTS.map(([module, name]): SecretSink => ({
    modules: [module],
    exports: [name],
    use: 'construct',
    slots: [arg(0, 'credentials', 'secretAccessKey')],
    family: 'sdk',
    label: 'AWS SDK',
  })),

  // --- mail transports ---
  { modules: ['nodemailer'], exports: ['createTransport'], use: 'call', slots: [arg(0, 'auth', 'pass'), uri(0)], family: 'mail', label: 'nodemailer' },
];

/**
 * Header names whose value is a credential when it is `Bearer <literal>` or `Basic <literal>`,
 * in any object literal (fetch/axios/got headers, a `headers` constant).
 */
export const AUTHORIZATION_HEADERS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization']);

/** The credential schemes of an `Authorization` header whose token a literal must not hold. */
export const AUTHORIZATION_SCHEMES = /^(?:Bearer|Basic|Token|Bot)\s+\S/iu;

/**
 * Calls that turn a key into bytes or a key object without changing what it is: a literal seen
 * through them is still the key (`new TextEncoder().encode('k')`, `Buffer.from('k')`).
 * (`encode` of a `TextEncoder` is recognised by the engine, as it needs the receiver.)
 */
export const KEY_WRAPPERS: ReadonlySet<string> = new Set([
  'Buffer.from', 'createSecretKey', 'crypto.createSecretKey', 'String', 'Uint8Array.from',
]);

/** What the secret of each family is called in messages. */
export const FAMILY_NOUNS: Readonly<Record<SecretSinkFamily | 'header', string>> = {
  jwt: 'JWT key',
  session: 'session secret',
  auth: 'token secret',
  cipher: 'encryption key',
  hmac: 'HMAC key',
  database: 'database password',
  sdk: 'API key',
  mail: 'mail password',
  custom: 'secret',
  header: 'credential',
};
