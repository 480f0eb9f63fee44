import { describe, expect, it } from 'vitest';
import { Linter } from 'eslint';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-hardcoded-secrets';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

// Connection strings with a password are built from pieces: CI runs secretlint on the repository.
const LOCAL_PG_URI = ['postgresql://app', 'local-pass@localhost:5432/app'].join(':');
const SEQUELIZE_URI = ['postgres://u', 'uri-pass@db:5432/app'].join(':');
const PGP_URI = ['postgres://app', 'pgp-pass@localhost:5432/app'].join(':');

// Semantics A of issue #17: credential sinks receiving a compile-time string (secretInSink), or a
// fallback used when the environment variable is unset (fallbackSecret), with the fail-closed suggestion.
ruleTester.run('no-hardcoded-secrets: sinks and fallbacks', rule, {
  valid: [
    // The secret read from the environment alone
    `import jwt from 'jsonwebtoken';
export const token = (user) => jwt.sign({ sub: user.id }, process.env.JWT_SECRET);
`,
    // Fallbacks to nothing: a missing value, not a hardcoded one
    `import jwt from 'jsonwebtoken';
const A = process.env.JWT_SECRET ?? '';
const B = process.env.JWT_SECRET || undefined;
const C = process.env.JWT_SECRET ?? null;
jwt.sign({}, A);
jwt.verify(t, B);
jwt.verify(t, C);
`,
    // A secret from a config service
    `import { sign } from 'jsonwebtoken';
import { ConfigService } from '@nestjs/config';
export class AuthService {
  constructor(private readonly config: ConfigService) {}
  issue(payload: object) {
    return sign(payload, this.config.getOrThrow<string>('JWT_SECRET'));
  }
}
`,
    // A key loaded from a file or a secret manager
    {
      code: `const fs = require('fs');
const jwt = require('jsonwebtoken');
const privateKey = fs.readFileSync('keys/private.pem');
jwt.sign({ a: 1 }, privateKey, { algorithm: 'RS256' });
`,
      filename: 'file.js',
    },
    // HMAC with a literal salt is not reported in recommended
    `import crypto from 'node:crypto';
export const digest = (v) => crypto.createHmac('sha256', 'public-salt').update(v).digest('hex');
`,
    // Test files are test data for sinks
    {
      code: `import jwt from 'jsonwebtoken';
const token = jwt.sign({ sub: 1 }, 'test-secret');
`,
      filename: 'src/auth/token.test.ts',
    },
    // …also under __tests__ and fixtures folders
    {
      code: `const jwt = require('jsonwebtoken');
jwt.sign({ sub: 1 }, 'test-secret');
`,
      filename: 'src/__tests__/auth.js',
    },
    // …and under test/ and tests/ folders at the top of the project (Mocha's `test/`; a package's own
    // `server/test/` is covered in tests/project/test-code.test.ts, which writes its package.json)
    {
      code: `const jwt = require('jsonwebtoken');
jwt.sign({ sub: 1 }, 'test-secret');
`,
      filename: 'test/api/service-tokens.js',
    },
    {
      code: `import jwt from 'jsonwebtoken';
jwt.sign({ sub: 1 }, 'test-secret');
`,
      filename: 'tests/helpers/login.ts',
    },
    // …and the files secrets.testFiles names
    {
      code: `import jwt from 'jsonwebtoken';
jwt.sign({ sub: 1 }, 'dev-secret');
`,
      filename: 'scripts/seed.ts',
      settings: { 'agent-guard': { secrets: { testFiles: ['scripts/**'] } } },
    },
    // A local jwt object that is not the jsonwebtoken module
    `const jwt = { sign: (p, k) => p };
jwt.sign({}, 'not-a-sink');
`,
    // A shadowed import name
    `import { sign } from 'jsonwebtoken';
function f(sign) { return sign({}, 'x'); }
`,
    // A connection URI without a password
    `import { MongoClient } from 'mongodb';
const client = new MongoClient(process.env.MONGO_URL || 'mongodb://localhost:27017/app');
`,
    // A pg pool configured from the environment
    `import { Pool } from 'pg';
export const pool = new Pool({ host: 'localhost', user: 'app', password: process.env.PGPASSWORD, database: 'app' });
`,
    // An Authorization header built from a variable
    `export const get = (token: string) => fetch('/api', { headers: { Authorization: \`Bearer \${token}\` } });
`,
    // An Authorization header of a scheme without a token
    `fetch('/api', { headers: { Authorization: 'Bearer ' } });
`,
    // A value in secrets.allow
    {
      code: `import jwt from 'jsonwebtoken';
jwt.sign({}, process.env.JWT_SECRET || 'public-demo-key');
`,
      settings: { 'agent-guard': { secrets: { allow: ['public-demo-key'] } } },
    },
    // A let that is reassigned is not a constant
    `import jwt from 'jsonwebtoken';
let key = 'initial';
key = process.env.KEY;
jwt.sign({}, key);
`,
    // A spread whose value is overridden by a later property
    `import jwt from 'jsonwebtoken';
const defaults = { jwt: { secret: 'spread-default' } };
const config = { ...defaults.jwt, secret: process.env.JWT_SECRET };
jwt.sign({}, config.secret);
`,
    // SQLite ignores credentials: Sequelize with dialect sqlite
    `import { Sequelize } from 'sequelize';
export const db = new Sequelize('database', 'username', 'password', { dialect: 'sqlite', storage: ':memory:' });
`,
    // A NestJS strategy reading its key from the config service
    `import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(config: ConfigService) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.get('JWT_SECRET') });
  }
}
`,
  ],
  invalid: [
    // THE case: a fallback signing key in a const, used inside a function (CommonJS)
    {
      code: `const jwt = require('jsonwebtoken');
const JWT_SECRET = process.env.JWT_SECRET || 'default-secret-key';
function issue(payload) {
  return jwt.sign(payload, JWT_SECRET, { expiresIn: '1h' });
}
`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 46, endLine: 2, endColumn: 66, data: { env: '`JWT_SECRET`', sink: '`jsonwebtoken sign`', what: 'JWT key', via: '' },
          suggestions: [
            { messageId: 'failClosed', data: { env: 'JWT_SECRET', text: "(() => { throw new Error('JWT_SECRET is not set'); })()" }, output: `const jwt = require('jsonwebtoken');
const JWT_SECRET = process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })();
function issue(payload) {
  return jwt.sign(payload, JWT_SECRET, { expiresIn: '1h' });
}
` },
          ],
        },
      ],
    },
    // ?? fallback, ESM default import, verify
    {
      code: `import jwt from 'jsonwebtoken';
const JWT_SECRET = process.env.JWT_SECRET ?? 'changeme';
export const verify = (token: string) => jwt.verify(token, JWT_SECRET);
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 46, endLine: 2, endColumn: 56,
          suggestions: [
            { messageId: 'failClosed', output: `import jwt from 'jsonwebtoken';
const JWT_SECRET = process.env.JWT_SECRET ?? (() => { throw new Error('JWT_SECRET is not set'); })();
export const verify = (token: string) => jwt.verify(token, JWT_SECRET);
` },
          ],
        },
      ],
    },
    // A config object's property (named import)
    {
      code: `import { sign } from 'jsonwebtoken';
const config = {
  port: 3000,
  jwtSecret: process.env.JWT_SECRET || 'supersecret',
};
export const issue = (p: object) => sign(p, config.jwtSecret);
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 4, column: 40, endLine: 4, endColumn: 53,
          suggestions: [
            { messageId: 'failClosed', output: `import { sign } from 'jsonwebtoken';
const config = {
  port: 3000,
  jwtSecret: process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })(),
};
export const issue = (p: object) => sign(p, config.jwtSecret);
` },
          ],
        },
      ],
    },
    // Nested config, namespace import, computed env read, as const
    {
      code: `import * as jwt from 'jsonwebtoken';
const config = { auth: { jwt: { secret: process.env['JWT_SECRET'] || 'nested-secret' } } } as const;
jwt.sign({}, config.auth.jwt.secret);
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 70, endLine: 2, endColumn: 85,
          suggestions: [
            { messageId: 'failClosed', output: `import * as jwt from 'jsonwebtoken';
const config = { auth: { jwt: { secret: process.env['JWT_SECRET'] || (() => { throw new Error('JWT_SECRET is not set'); })() } } } as const;
jwt.sign({}, config.auth.jwt.secret);
` },
          ],
        },
      ],
    },
    // Destructured require, destructured config
    {
      code: `const { sign } = require('jsonwebtoken');
const { jwtSecret } = { jwtSecret: 'literal-secret' };
sign({}, jwtSecret);
`,
      filename: 'file.js',
      errors: [
        { messageId: 'secretInSink', line: 2, column: 36, endLine: 2, endColumn: 52, data: { what: 'JWT key', sink: '`jsonwebtoken sign`', via: '' } },
      ],
    },
    // Literal and static template directly at the sink
    {
      code: `import jwt from 'jsonwebtoken';
jwt.sign({ id: 1 }, 'my-secret');
jwt.sign({ id: 1 }, \`template-secret\`);
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 21, endLine: 2, endColumn: 32 },
        { messageId: 'secretInSink', line: 3, column: 21, endLine: 3, endColumn: 38 },
      ],
    },
    // const chains through as, satisfies and ! (reported once)
    {
      code: `import jwt from 'jsonwebtoken';
const SECRET = 'base-secret';
const KEY = SECRET;
const FINAL = KEY as string;
jwt.sign({}, FINAL!);
jwt.verify(t, FINAL satisfies string);
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 16, endLine: 2, endColumn: 29 },
      ],
    },
    // A conditional with a literal branch
    {
      code: `import jwt from 'jsonwebtoken';
const key = process.env.NODE_ENV === 'production' ? process.env.JWT_SECRET : 'dev-secret';
jwt.sign({}, key);
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 78, endLine: 2, endColumn: 90 },
      ],
    },
    // A destructuring default of process.env is a fallback
    {
      code: `import jwt from 'jsonwebtoken';
const { JWT_SECRET = 'destructured-default' } = process.env;
jwt.sign({}, JWT_SECRET);
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 22, endLine: 2, endColumn: 44,
          suggestions: [
            { messageId: 'failClosed', output: `import jwt from 'jsonwebtoken';
const { JWT_SECRET = (() => { throw new Error('JWT_SECRET is not set'); })() } = process.env;
jwt.sign({}, JWT_SECRET);
` },
          ],
        },
      ],
    },
    // A chain of fallbacks: the env name is read from the left
    {
      code: `import jwt from 'jsonwebtoken';
const secret = getSecret() || process.env.A || 'x-fallback';
jwt.sign({}, secret);
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 48, endLine: 2, endColumn: 60, data: { env: '`A`', sink: '`jsonwebtoken sign`', what: 'JWT key', via: '' },
          suggestions: [
            { messageId: 'failClosed', output: `import jwt from 'jsonwebtoken';
const secret = getSecret() || process.env.A || (() => { throw new Error('A is not set'); })();
jwt.sign({}, secret);
` },
          ],
        },
      ],
    },
    // A fallback that is not an env read gets a generic message
    {
      code: `import jwt from 'jsonwebtoken';
const secret = loadSecret() || 'x-fallback';
jwt.sign({}, secret);
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 32, endLine: 2, endColumn: 44, data: { env: 'the variable', sink: '`jsonwebtoken sign`', what: 'JWT key', via: '' },
          suggestions: [
            { messageId: 'failClosed', data: { env: 'the variable', text: "(() => { throw new Error('A required secret is not set'); })()" }, output: `import jwt from 'jsonwebtoken';
const secret = loadSecret() || (() => { throw new Error('A required secret is not set'); })();
jwt.sign({}, secret);
` },
          ],
        },
      ],
    },
    // secrets.requireEnv as module#export: the suggestion calls it and imports it
    {
      code: `import jwt from 'jsonwebtoken';
const JWT_SECRET = process.env.JWT_SECRET || 'default-secret-key';
jwt.sign({}, JWT_SECRET);
`,
      settings: { 'agent-guard': { secrets: { requireEnv: '@acme/env#requireEnv' } } },
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 46, endLine: 2, endColumn: 66,
          suggestions: [
            { messageId: 'useRequireEnv', data: { env: 'JWT_SECRET', call: "requireEnv('JWT_SECRET')" }, output: `import jwt from 'jsonwebtoken';
import { requireEnv } from '@acme/env';
const JWT_SECRET = requireEnv('JWT_SECRET');
jwt.sign({}, JWT_SECRET);
` },
          ],
        },
      ],
    },
    // secrets.requireEnv already required: no second import
    {
      code: `const jwt = require('jsonwebtoken');
const { requireEnv } = require('@acme/env');
const JWT_SECRET = process.env.JWT_SECRET || 'default-secret-key';
jwt.sign({}, JWT_SECRET);
`,
      filename: 'file.js',
      settings: { 'agent-guard': { secrets: { requireEnv: '@acme/env#requireEnv' } } },
      errors: [
        {
          messageId: 'fallbackSecret', line: 3, column: 46, endLine: 3, endColumn: 66,
          suggestions: [
            { messageId: 'useRequireEnv', output: `const jwt = require('jsonwebtoken');
const { requireEnv } = require('@acme/env');
const JWT_SECRET = requireEnv('JWT_SECRET');
jwt.sign({}, JWT_SECRET);
` },
          ],
        },
      ],
    },
    // secrets.requireEnv as a plain name
    {
      code: `import jwt from 'jsonwebtoken';
jwt.sign({}, process.env.JWT_SECRET ?? 'inline-default');
`,
      settings: { 'agent-guard': { secrets: { requireEnv: 'env.require' } } },
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 40, endLine: 2, endColumn: 56,
          suggestions: [
            { messageId: 'useRequireEnv', output: `import jwt from 'jsonwebtoken';
jwt.sign({}, env.require('JWT_SECRET'));
` },
          ],
        },
      ],
    },
    // secrets.requireEnv whose name is taken: the throwing suggestion instead
    {
      code: `import jwt from 'jsonwebtoken';
const requireEnv = 1;
jwt.sign({}, process.env.JWT_SECRET || 'inline-default');
`,
      settings: { 'agent-guard': { secrets: { requireEnv: '@acme/env#requireEnv' } } },
      errors: [
        {
          messageId: 'fallbackSecret', line: 3, column: 40, endLine: 3, endColumn: 56,
          suggestions: [
            { messageId: 'failClosed', output: `import jwt from 'jsonwebtoken';
const requireEnv = 1;
jwt.sign({}, process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })());
` },
          ],
        },
      ],
    },
    // A property that comes from a spread of a member of a constant object
    {
      code: `import jwt from 'jsonwebtoken';
const defaults = { jwt: { secret: 'spread-secret', expiresIn: '1h' } };
const config = { port: 3000, ...defaults.jwt, issuer: 'app' };
jwt.sign({}, config.secret);
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 35, endLine: 2, endColumn: 50 },
      ],
    },
    // secrets.requireEnv is not offered when the fallback reads more than the variable
    {
      code: `import jwt from 'jsonwebtoken';
const secret = loadSecret() || process.env.JWT_SECRET || 'x-fallback';
jwt.sign({}, secret);
`,
      settings: { 'agent-guard': { secrets: { requireEnv: '@acme/env#requireEnv' } } },
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 58, endLine: 2, endColumn: 70,
          suggestions: [
            { messageId: 'failClosed', output: `import jwt from 'jsonwebtoken';
const secret = loadSecret() || process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })();
jwt.sign({}, secret);
` },
          ],
        },
      ],
    },
    // jose: an encoded key reaching SignJWT#sign and jwtVerify
    {
      code: `import { SignJWT, jwtVerify } from 'jose';
const secret = new TextEncoder().encode(process.env.JWT_SECRET || 'jose-secret');
export const issue = () => new SignJWT({ sub: '1' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);
export const check = (t: string) => jwtVerify(t, secret);
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 67, endLine: 2, endColumn: 80,
          suggestions: [
            { messageId: 'failClosed', output: `import { SignJWT, jwtVerify } from 'jose';
const secret = new TextEncoder().encode(process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })());
export const issue = () => new SignJWT({ sub: '1' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('2h').sign(secret);
export const check = (t: string) => jwtVerify(t, secret);
` },
          ],
        },
      ],
    },
    // jose namespace, a TextEncoder in a const
    {
      code: `import * as jose from 'jose';
const encoder = new TextEncoder();
await jose.jwtVerify(token, encoder.encode('literal-jose-key'));
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 44, endLine: 3, endColumn: 62 },
      ],
    },
    // express-session and cookie-parser
    {
      code: `import express from 'express';
import session from 'express-session';
import cookieParser from 'cookie-parser';
const app = express();
app.use(cookieParser('cookie-secret'));
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));
`,
      errors: [
        { messageId: 'secretInSink', line: 5, column: 22, endLine: 5, endColumn: 37, data: { what: 'session secret', sink: '`cookie-parser cookieParser`', via: '' } },
        { messageId: 'secretInSink', line: 6, column: 27, endLine: 6, endColumn: 41, data: { what: 'session secret', sink: '`express-session session (secret)`', via: '' } },
      ],
    },
    // cookie-session keys
    {
      code: `const cookieSession = require('cookie-session');
app.use(cookieSession({ name: 'session', keys: ['key-one', process.env.KEY2 || 'key-two'] }));
`,
      filename: 'file.js',
      errors: [
        { messageId: 'secretInSink', line: 2, column: 49, endLine: 2, endColumn: 58 },
        {
          messageId: 'fallbackSecret', line: 2, column: 80, endLine: 2, endColumn: 89,
          suggestions: [
            { messageId: 'failClosed', output: `const cookieSession = require('cookie-session');
app.use(cookieSession({ name: 'session', keys: ['key-one', process.env.KEY2 || (() => { throw new Error('KEY2 is not set'); })()] }));
` },
          ],
        },
      ],
    },
    // iron-session password (options object in a const)
    {
      code: `import { getIronSession } from 'iron-session';
import { cookies } from 'next/headers';
const sessionOptions = { password: 'complex_password_at_least_32_characters_long', cookieName: 'app' };
export const getSession = async () => getIronSession(await cookies(), sessionOptions);
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 36, endLine: 3, endColumn: 82 },
      ],
    },
    // express-jwt and koa-jwt
    {
      code: `import { expressjwt } from 'express-jwt';
import koaJwt from 'koa-jwt';
app.use(expressjwt({ secret: 'shhhhhhared-secret', algorithms: ['HS256'] }));
koa.use(koaJwt({ secret: 'koa-secret' }));
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 30, endLine: 3, endColumn: 50 },
        { messageId: 'secretInSink', line: 4, column: 26, endLine: 4, endColumn: 38 },
      ],
    },
    // passport-jwt secretOrKey (renamed destructured require)
    {
      code: `const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
passport.use(new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET || 'secret' }, verify));
`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 129, endLine: 2, endColumn: 137,
          suggestions: [
            { messageId: 'failClosed', output: `const { Strategy: JwtStrategy, ExtractJwt } = require('passport-jwt');
passport.use(new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })() }, verify));
` },
          ],
        },
      ],
    },
    // NextAuth secret through a typed options const
    {
      code: `import NextAuth from 'next-auth';
import type { NextAuthOptions } from 'next-auth';
export const authOptions: NextAuthOptions = { providers: [], secret: process.env.NEXTAUTH_SECRET || 'nextauth-dev-secret' };
export default NextAuth(authOptions);
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 3, column: 101, endLine: 3, endColumn: 122,
          suggestions: [
            { messageId: 'failClosed', output: `import NextAuth from 'next-auth';
import type { NextAuthOptions } from 'next-auth';
export const authOptions: NextAuthOptions = { providers: [], secret: process.env.NEXTAUTH_SECRET || (() => { throw new Error('NEXTAUTH_SECRET is not set'); })() };
export default NextAuth(authOptions);
` },
          ],
        },
      ],
    },
    // @nestjs/jwt JwtModule.register
    {
      code: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
@Module({ imports: [JwtModule.register({ secret: 'nest-jwt-secret', signOptions: { expiresIn: '60s' } })] })
export class AuthModule {}
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 50, endLine: 3, endColumn: 67 },
      ],
    },
    // crypto createCipheriv through Buffer.from, createSecretKey
    {
      code: `import crypto from 'node:crypto';
const KEY = Buffer.from(process.env.ENC_KEY || '0123456789abcdef0123456789abcdef');
export const enc = (iv: Buffer) => crypto.createCipheriv('aes-256-cbc', KEY, iv);
export const key = crypto.createSecretKey(Buffer.from('raw-key-material'));
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 48, endLine: 2, endColumn: 82,
          suggestions: [
            { messageId: 'failClosed', output: `import crypto from 'node:crypto';
const KEY = Buffer.from(process.env.ENC_KEY || (() => { throw new Error('ENC_KEY is not set'); })());
export const enc = (iv: Buffer) => crypto.createCipheriv('aes-256-cbc', KEY, iv);
export const key = crypto.createSecretKey(Buffer.from('raw-key-material'));
` },
          ],
        },
        { messageId: 'secretInSink', line: 4, column: 55, endLine: 4, endColumn: 73 },
      ],
    },
    // strict (hmacKeys): createHmac keys
    {
      code: `const { createHmac } = require('crypto');
const sig = createHmac('sha256', 'webhook-secret').update(body).digest('hex');
`,
      filename: 'file.js',
      options: [{ hmacKeys: true }],
      errors: [
        { messageId: 'secretInSink', line: 2, column: 34, endLine: 2, endColumn: 50, data: { what: 'HMAC key', sink: '`crypto createHmac`', via: '' } },
      ],
    },
    // pg Pool password and Client connection string
    {
      code: `const { Pool, Client } = require('pg');
const pool = new Pool({ user: 'app', password: 'pg-password', database: 'app' });
const client = new Client({ connectionString: process.env.DATABASE_URL || '${LOCAL_PG_URI}' });
`,
      filename: 'file.js',
      errors: [
        { messageId: 'secretInSink', line: 2, column: 48, endLine: 2, endColumn: 61, data: { what: 'database password', sink: '`pg Pool (password)`', via: '' } },
        {
          messageId: 'fallbackSecret', line: 3, column: 75, endLine: 3, endColumn: 123,
          suggestions: [
            { messageId: 'failClosed', output: `const { Pool, Client } = require('pg');
const pool = new Pool({ user: 'app', password: 'pg-password', database: 'app' });
const client = new Client({ connectionString: process.env.DATABASE_URL || (() => { throw new Error('DATABASE_URL is not set'); })() });
` },
          ],
        },
      ],
    },
    // mysql2 createPool
    {
      code: `import mysql from 'mysql2/promise';
export const pool = mysql.createPool({ host: 'db', user: 'root', password: process.env.DB_PASSWORD || 'root' });
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 103, endLine: 2, endColumn: 109,
          suggestions: [
            { messageId: 'failClosed', output: `import mysql from 'mysql2/promise';
export const pool = mysql.createPool({ host: 'db', user: 'root', password: process.env.DB_PASSWORD || (() => { throw new Error('DB_PASSWORD is not set'); })() });
` },
          ],
        },
      ],
    },
    // Sequelize: password argument and URI
    {
      code: `import { Sequelize } from 'sequelize';
export const a = new Sequelize('app', 'app', 'sequelize-pass', { dialect: 'postgres' });
export const b = new Sequelize('${SEQUELIZE_URI}');
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 46, endLine: 2, endColumn: 62 },
        { messageId: 'secretInSink', line: 3, column: 32, endLine: 3, endColumn: 67 },
      ],
    },
    // knex connection.password
    {
      code: `import knex from 'knex';
export const db = knex({ client: 'pg', connection: { host: 'db', user: 'app', password: 'knex-pass' } });
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 89, endLine: 2, endColumn: 100, data: { what: 'database password', sink: '`knex (connection.password)`', via: '' } },
      ],
    },
    // mongoose URI with a password
    {
      code: `import mongoose from 'mongoose';
await mongoose.connect('mongodb+srv://admin:admin@cluster0.example.net/app');
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 24, endLine: 2, endColumn: 76 },
      ],
    },
    // pg-promise: the function its initialisation returns takes the connection
    {
      code: `const pgp = require('pg-promise')({ capSQL: true });
const db = pgp(process.env.DATABASE_URL || '${PGP_URI}');
import pgPromise from 'pg-promise';
const pg2 = pgPromise();
export const db2 = pg2({ host: 'db', password: 'pgp2-pass' });
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 44, endLine: 2, endColumn: 88, data: { env: '`DATABASE_URL`', sink: '`pg-promise pgp`', what: 'database password', via: '' },
          suggestions: [
            { messageId: 'failClosed', output: `const pgp = require('pg-promise')({ capSQL: true });
const db = pgp(process.env.DATABASE_URL || (() => { throw new Error('DATABASE_URL is not set'); })());
import pgPromise from 'pg-promise';
const pg2 = pgPromise();
export const db2 = pg2({ host: 'db', password: 'pgp2-pass' });
` },
          ],
        },
        { messageId: 'secretInSink', line: 5, column: 48, endLine: 5, endColumn: 59, data: { what: 'database password', sink: '`pg-promise pg2 (password)`', via: '' } },
      ],
    },
    // redis and ioredis
    {
      code: `import { createClient } from 'redis';
import Redis from 'ioredis';
const a = createClient({ password: 'redis-pass' });
const b = new Redis({ host: 'r', password: 'ioredis-pass' });
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 36, endLine: 3, endColumn: 48 },
        { messageId: 'secretInSink', line: 4, column: 44, endLine: 4, endColumn: 58 },
      ],
    },
    // Stripe called on its require
    {
      code: `const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY || 'stripe-fallback');
`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'fallbackSecret', line: 1, column: 67, endLine: 1, endColumn: 84,
          suggestions: [
            { messageId: 'failClosed', output: `const stripe = require('stripe')(process.env.STRIPE_SECRET_KEY || (() => { throw new Error('STRIPE_SECRET_KEY is not set'); })());
` },
          ],
        },
      ],
    },
    // Stripe, OpenAI, Anthropic constructors
    {
      code: `import Stripe from 'stripe';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
export const stripe = new Stripe('stripe-literal', { apiVersion: '2024-06-20' });
export const openai = new OpenAI({ apiKey: 'openai-literal' });
export const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY ?? 'anthropic-fallback' });
`,
      errors: [
        { messageId: 'secretInSink', line: 4, column: 34, endLine: 4, endColumn: 50, data: { what: 'API key', sink: '`Stripe`', via: '' } },
        { messageId: 'secretInSink', line: 5, column: 44, endLine: 5, endColumn: 60 },
        {
          messageId: 'fallbackSecret', line: 6, column: 83, endLine: 6, endColumn: 103,
          suggestions: [
            { messageId: 'failClosed', output: `import Stripe from 'stripe';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
export const stripe = new Stripe('stripe-literal', { apiVersion: '2024-06-20' });
export const openai = new OpenAI({ apiKey: 'openai-literal' });
export const anthropic = new Anthropic({ apiKey: process.env.ANTHROPIC_API_KEY ?? (() => { throw new Error('ANTHROPIC_API_KEY is not set'); })() });
` },
          ],
        },
      ],
    },
    // twilio(sid, token)
    {
      code: `const twilio = require('twilio');
const client = twilio(process.env.TWILIO_SID, 'twilio-auth-token');
`,
      filename: 'file.js',
      errors: [
        { messageId: 'secretInSink', line: 2, column: 47, endLine: 2, endColumn: 66 },
      ],
    },
    // nodemailer auth.pass
    {
      code: `import nodemailer from 'nodemailer';
export const transport = nodemailer.createTransport({ host: 'smtp', auth: { user: 'me', pass: 'smtp-pass' } });
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 95, endLine: 2, endColumn: 106, data: { what: 'mail password', sink: '`nodemailer createTransport (auth.pass)`', via: '' } },
      ],
    },
    // Cloudinary api_secret (renamed named import)
    {
      code: `import { v2 as cloudinary } from 'cloudinary';
cloudinary.config({ cloud_name: 'demo', api_key: '1234', api_secret: 'cloudinary-secret' });
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 70, endLine: 2, endColumn: 89 },
      ],
    },
    // AWS SDK v3 credentials
    {
      code: `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: process.env.AWS_ID!, secretAccessKey: 'aws-secret-literal' } });
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 121, endLine: 2, endColumn: 141 },
      ],
    },
    // NestJS PassportStrategy subclass: the key in super()
    {
      code: `import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false, secretOrKey: process.env.JWT_SECRET || 'nest-secret' });
  }
  validate(payload: { sub: string }) {
    return { id: payload.sub };
  }
}
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 7, column: 135, endLine: 7, endColumn: 148, data: { env: '`JWT_SECRET`', sink: '`PassportStrategy (secretOrKey)`', what: 'token secret', via: '' },
          suggestions: [
            { messageId: 'failClosed', output: `import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), ignoreExpiration: false, secretOrKey: process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })() });
  }
  validate(payload: { sub: string }) {
    return { id: payload.sub };
  }
}
` },
          ],
        },
      ],
    },
    // hono basicAuth and bearerAuth
    {
      code: `import { Hono } from 'hono';
import { basicAuth } from 'hono/basic-auth';
import { bearerAuth } from 'hono/bearer-auth';
const app = new Hono();
app.use('/admin/*', basicAuth({ username: 'admin', password: 'hono-pass' }));
app.use('/api/*', bearerAuth({ token: 'hono-token' }));
`,
      errors: [
        { messageId: 'secretInSink', line: 5, column: 62, endLine: 5, endColumn: 73 },
        { messageId: 'secretInSink', line: 6, column: 39, endLine: 6, endColumn: 51 },
      ],
    },
    // TypeORM DataSource password
    {
      code: `import { DataSource } from 'typeorm';
export const AppDataSource = new DataSource({ type: 'postgres', host: 'db', username: 'app', password: 'typeorm-pass', entities: [] });
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 104, endLine: 2, endColumn: 118, data: { what: 'database password', sink: '`TypeORM DataSource (password)`', via: '' } },
      ],
    },
    // Octokit auth
    {
      code: `const { Octokit } = require('@octokit/rest');
const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN || 'octokit-fallback' });
`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 65, endLine: 2, endColumn: 83,
          suggestions: [
            { messageId: 'failClosed', output: `const { Octokit } = require('@octokit/rest');
const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN || (() => { throw new Error('GITHUB_TOKEN is not set'); })() });
` },
          ],
        },
      ],
    },
    // A fetch Authorization header
    {
      code: `export const list = () => fetch('https://api.example.com/items', { headers: { Authorization: 'Bearer hardcoded-token-123' } });
`,
      errors: [
        { messageId: 'secretInSink', line: 1, column: 94, endLine: 1, endColumn: 122, data: { what: 'credential', sink: 'the Authorization header', via: '' } },
      ],
    },
    // Header names are case-insensitive: any spelling of the key is the header
    {
      code: `export const list = () => fetch('/items', { headers: { 'AuthoRization': 'Bearer hardcoded-token-123' } });
`,
      errors: [
        { messageId: 'secretInSink', line: 1, column: 73, endLine: 1, endColumn: 101, data: { what: 'credential', sink: 'the Authorization header', via: '' } },
      ],
    },
    // axios headers: a const template, a defaults write
    {
      code: `import axios from 'axios';
const AUTH = \`Basic dXNlcjpwYXNz\`;
const api = axios.create({ headers: { 'Authorization': AUTH } });
axios.defaults.headers.common['Authorization'] = 'Token abc123';
`,
      errors: [
        { messageId: 'secretInSink', line: 2, column: 14, endLine: 2, endColumn: 34 },
        { messageId: 'secretInSink', line: 4, column: 50, endLine: 4, endColumn: 64 },
      ],
    },
    // secrets.sinks: an argument index and a property path
    {
      code: `import { sign } from '@acme/crypto';
import { connect } from '@acme/db';
sign(payload, 'acme-key');
connect({ host: 'db', password: 'acme-pass' });
`,
      settings: { 'agent-guard': { secrets: { sinks: ['@acme/crypto#sign:1', '@acme/db#connect.password', 'not-a-spec', '@acme/x#y:z'] } } },
      errors: [
        { messageId: 'secretInSink', line: 3, column: 15, endLine: 3, endColumn: 25, data: { what: 'secret', sink: '`@acme/crypto#sign`', via: '' } },
        { messageId: 'secretInSink', line: 4, column: 33, endLine: 4, endColumn: 44 },
      ],
    },
  ],
});

const espreeTester = new RuleTester({ languageOptions: { parser: espree, ecmaVersion: 'latest', sourceType: 'module' } });

espreeTester.run('no-hardcoded-secrets (espree)', rule, {
  valid: [
    // The secret from the environment, fail-closed already
    `const jwt = require('jsonwebtoken');
const secret = process.env.JWT_SECRET ?? (() => { throw new Error('JWT_SECRET is not set'); })();
jwt.sign({}, secret);
`,
  ],
  invalid: [
    // The main case in a CommonJS module, parsed by espree
    {
      code: `const jwt = require('jsonwebtoken');
const JWT_SECRET = process.env.JWT_SECRET || 'default-secret-key';
module.exports.issue = (payload) => jwt.sign(payload, JWT_SECRET);
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 2, column: 46, endLine: 2, endColumn: 66,
          suggestions: [
            { messageId: 'failClosed', output: `const jwt = require('jsonwebtoken');
const JWT_SECRET = process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })();
module.exports.issue = (payload) => jwt.sign(payload, JWT_SECRET);
` },
          ],
        },
      ],
    },
    // A session options object from a config const (a spread is not followed; the object is)
    {
      code: `import express from 'express';
import session from 'express-session';
const config = { session: { secret: process.env.SESSION_SECRET || 'dev-session-secret' } };
express().use(session({ ...config.session, resave: false }));
express().use(session(config.session));
`,
      errors: [
        {
          messageId: 'fallbackSecret', line: 3, column: 67, endLine: 3, endColumn: 87,
          suggestions: [
            { messageId: 'failClosed', output: `import express from 'express';
import session from 'express-session';
const config = { session: { secret: process.env.SESSION_SECRET || (() => { throw new Error('SESSION_SECRET is not set'); })() } };
express().use(session({ ...config.session, resave: false }));
express().use(session(config.session));
` },
          ],
        },
      ],
    },
  ],
});

/** Lints `code` with the rule alone and applies the first suggestion of its first report. */
function applyFirstSuggestion(code: string, filename: string, parser: Linter.Parser, settings: Record<string, unknown> = {}): string {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [{
    files: ['**/*.*'],
    languageOptions: { parser },
    settings,
    plugins: { 'agent-guard': { rules: { 'no-hardcoded-secrets': rule as never } } },
    rules: { 'agent-guard/no-hardcoded-secrets': 'error' },
  }];
  const [message] = linter.verify(code, config, filename);
  const suggestion = message?.suggestions?.[0];
  if (!suggestion) {
    throw new Error(`no suggestion for:\n${code}`);
  }
  const { range, text } = suggestion.fix;
  return code.slice(0, range[0]) + text + code.slice(range[1]);
}

describe('no-hardcoded-secrets: fail-closed suggestions', () => {
  const shapes = [
    "const jwt = require('jsonwebtoken');\nconst JWT_SECRET = process.env.JWT_SECRET || 'default-secret-key';\njwt.sign({}, JWT_SECRET);\n",
    "import jwt from 'jsonwebtoken';\njwt.sign({}, process.env.JWT_SECRET ?? 'inline');\n",
    "import jwt from 'jsonwebtoken';\nconst { JWT_SECRET = 'dev' } = process.env;\njwt.sign({}, JWT_SECRET);\n",
    "import jwt from 'jsonwebtoken';\nconst s = cond ? a : process.env.S || ('paren');\njwt.sign({}, s);\n",
    "import jwt from 'jsonwebtoken';\nconst s = (process.env.S || 'x') as string;\njwt.sign({}, s);\n",
  ];

  it.each(shapes)('the output parses as JavaScript and TypeScript and is no longer reported: %s', (code) => {
    const js = code.includes(' as string') ? null : applyFirstSuggestion(code, 'file.js', espree as unknown as Linter.Parser);
    if (js !== null) {
      expect(() => espree.parse(js, { ecmaVersion: 'latest', sourceType: 'module' })).not.toThrow();
    }
    const ts = applyFirstSuggestion(code, 'file.ts', tsParser as unknown as Linter.Parser);
    expect(() => tsParser.parse(ts, { sourceType: 'module' })).not.toThrow();
    const linter = new Linter({ configType: 'flat' });
    const again = linter.verify(ts, [{
      files: ['**/*.*'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { 'agent-guard': { rules: { 'no-hardcoded-secrets': rule as never } } },
      rules: { 'agent-guard/no-hardcoded-secrets': 'error' },
    }], 'file.ts');
    expect(again).toEqual([]);
  });

  it('with secrets.requireEnv, the output imports the function once and parses', () => {
    const code = "import jwt from 'jsonwebtoken';\nconst JWT_SECRET = process.env.JWT_SECRET || 'default-secret-key';\njwt.sign({}, JWT_SECRET);\n";
    const settings = { 'agent-guard': { secrets: { requireEnv: '@acme/env#requireEnv' } } };
    const output = applyFirstSuggestion(code, 'file.ts', tsParser as unknown as Linter.Parser, settings);
    expect(output).toBe("import jwt from 'jsonwebtoken';\nimport { requireEnv } from '@acme/env';\nconst JWT_SECRET = requireEnv('JWT_SECRET');\njwt.sign({}, JWT_SECRET);\n");
    expect(() => tsParser.parse(output, { sourceType: 'module' })).not.toThrow();
  });
});
