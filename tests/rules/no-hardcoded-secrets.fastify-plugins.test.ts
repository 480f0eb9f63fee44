import rule from '../../src/rules/no-hardcoded-secrets';
import { createRuleTester } from '../rule-tester';

/**
 * Fastify plugins that take a secret in their options: `app.register(fastifyJwt, { secret })`,
 * `fastify.register(require('@fastify/cookie'), { secret })`, `@fastify/session`. The plugin is
 * handed to `register`, never called, so its options are read from the registration.
 */
const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-secrets (Fastify plugins)', rule, {
  valid: [
    // The key from the environment; another plugin's options; the plugin not registered.
    `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
import cors from '@fastify/cors';

const app = Fastify();
await app.register(fastifyJwt, { secret: process.env.JWT_SECRET! });
await app.register(cors, { origin: 'https://app.example.com' });
export const plugins = [fastifyJwt];
`,
  ],
  invalid: [
    {
      // A fallback key when the variable is unset.
      code: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';

const app = Fastify();
await app.register(fastifyJwt, {
  secret: process.env.JWT_SECRET || 'changeme-secret',
  sign: { expiresIn: '12h' },
});
`,
      errors: [
  { messageId: 'fallbackSecret', line: 6, column: 37, endLine: 6, endColumn: 54, suggestions: [{ messageId: 'failClosed', output: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';

const app = Fastify();
await app.register(fastifyJwt, {
  secret: process.env.JWT_SECRET || (() => { throw new Error('JWT_SECRET is not set'); })(),
  sign: { expiresIn: '12h' },
});
` }] },
],
    },
    {
      // Required inline and through a name, in CommonJS.
      filename: 'file.js',
      code: `const fastify = require('fastify')();
const session = require('@fastify/session');

fastify.register(require('@fastify/cookie'), { secret: 'kT9#vQ2$wL7!pX4@' });
fastify.register(session, { secret: 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8' });
`,
      errors: [
  { messageId: 'secretInSink', line: 4, column: 56, endLine: 4, endColumn: 74, suggestions: [] },
  { messageId: 'secretInSink', line: 5, column: 37, endLine: 5, endColumn: 75, suggestions: [] },
],
    },
  ],
});
