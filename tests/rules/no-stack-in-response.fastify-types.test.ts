import rule from '../../src/rules/no-stack-in-response';
import { createRuleTester } from '../rule-tester';

/**
 * A Fastify error handler defined apart from its registration (exported for another file's
 * `app.setErrorHandler(errorHandler)`): known by its parameters' declared types, `FastifyError`
 * and `FastifyReply`, as a registered one is by the registration.
 */
const ruleTester = createRuleTester();

ruleTester.run('no-stack-in-response (Fastify error handlers by type)', rule, {
  valid: [
    // A 400 with the validation message, a generic 500.
    `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.error({ err: error }, 'request failed');
  if (error.validation) {
    return reply.status(400).send({ error: 'Bad Request', message: error.message });
  }
  return reply.status(500).send({ error: 'Internal Server Error' });
}
`,
    // A parameter named like an error but of another type.
    `import type { FastifyReply } from 'fastify';

// A parameter of another type named like an error: not a Fastify error handler's.
export function describe(failure: { code: string; stack: string }, reply: FastifyReply) {
  return reply.send({ code: failure.code });
}
`,
  ],
  invalid: [
    {
      // Exported for another file's `setErrorHandler`: its parameters' types say what it is.
      code: `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send({ error: 'Internal Server Error', stack: error.stack });
}
`,
      errors: [
  { messageId: 'stackInResponse', line: 5, column: 74, endLine: 5, endColumn: 85, suggestions: [{ messageId: 'replaceWithGeneric', output: `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send({ error: 'Internal Server Error', stack: 'Internal Server Error' });
}
` }] },
],
    },
    {
      // The types decide, not the order or the names.
      code: `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export const onError = async (request: FastifyRequest, reply: FastifyReply, err: FastifyError) => {
  reply.code(500).send(err);
};
`,
      errors: [
  { messageId: 'errorInResponse', line: 4, column: 24, endLine: 4, endColumn: 27, suggestions: [{ messageId: 'replaceAndLog', output: `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export const onError = async (request: FastifyRequest, reply: FastifyReply, err: FastifyError) => {
  console.error(err);
  reply.code(500).send('Internal Server Error');
};
` }] },
],
    },
    {
      // A reply type with type arguments.
      code: `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply<{ Reply: { error: string } }>) {
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send({ error: 'Internal Server Error', stack: error.stack });
}
`,
      errors: [
  { messageId: 'stackInResponse', line: 5, column: 74, endLine: 5, endColumn: 85, suggestions: [{ messageId: 'replaceWithGeneric', output: `import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply<{ Reply: { error: string } }>) {
  request.log.error({ err: error }, 'request failed');
  return reply.status(500).send({ error: 'Internal Server Error', stack: 'Internal Server Error' });
}
` }] },
],
    },
  ],
});
