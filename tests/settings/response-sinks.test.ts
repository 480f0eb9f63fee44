import rule from '../../src/rules/no-stack-in-response';
import { createRuleTester } from '../rule-tester';

/**
 * The `responseSinks` option reads `module#export` and plain names like every list of
 * docs/settings.md: module entries through imports (default and renamed ones included), plain
 * ones by the name written, whole or by its last segments.
 */
const ruleTester = createRuleTester();

const handler = (body: string): string => `server.route({
  handler: async (request, h) => {
    try {
      await work();
    } catch (err) {
      ${body}
    }
  },
});
`;

ruleTester.run('responseSinks entries', rule, {
  valid: [
    {
      // Another export of the module, and a longer name ending in the same letters, are not sinks.
      code: `import { sendOther } from 'my-http';\n${handler('sendOther(err.stack); xh.responses(err.stack);')}`,
      options: [{ responseSinks: ['my-http#sendProblem', 'h.response'] }],
    },
  ],
  invalid: [
    {
      code: `import problem from 'my-http';\nimport { sendProblem as send } from '@acme/http';\n${handler('problem(err.stack); send(err.stack);')}`,
      options: [{ responseSinks: ['my-http#default', '@acme/http#sendProblem'] }],
      errors: [
        {
          messageId: 'stackInResponse', line: 8, column: 15, endLine: 8, endColumn: 24, data: { expression: 'err.stack', sink: 'problem()' },
          suggestions: [{ messageId: 'replaceAndLog', output: `import problem from 'my-http';\nimport { sendProblem as send } from '@acme/http';\n${handler("console.error(err);\n      problem('Internal Server Error'); send(err.stack);")}` }],
        },
        {
          messageId: 'stackInResponse', line: 8, column: 32, endLine: 8, endColumn: 41, data: { expression: 'err.stack', sink: 'send()' },
          suggestions: [{ messageId: 'replaceAndLog', output: `import problem from 'my-http';\nimport { sendProblem as send } from '@acme/http';\n${handler("problem(err.stack); console.error(err); send('Internal Server Error');")}` }],
        },
      ],
    },
    {
      code: handler('this.h.response(err.stack); sendError(err.stack);'),
      options: [{ responseSinks: ['h.response', 'sendError'] }],
      errors: [
        {
          messageId: 'stackInResponse', line: 6, column: 23, endLine: 6, endColumn: 32, data: { expression: 'err.stack', sink: 'this.h.response()' },
          suggestions: [{ messageId: 'replaceAndLog', output: handler("console.error(err);\n      this.h.response('Internal Server Error'); sendError(err.stack);") }],
        },
        {
          messageId: 'stackInResponse', line: 6, column: 45, endLine: 6, endColumn: 54, data: { expression: 'err.stack', sink: 'sendError()' },
          suggestions: [{ messageId: 'replaceAndLog', output: handler("this.h.response(err.stack); console.error(err); sendError('Internal Server Error');") }],
        },
      ],
    },
  ],
});
