import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/fetch-requires-timeout';
import { createRuleTester } from '../rule-tester';

// HTTP wrappers defined in another project file (tests/fixtures/cross-file/fetch/lib/http.js):
// the linted file has a real path inside the fixture project so that its imports resolve.
const filename = fileURLToPath(new URL('../fixtures/cross-file/fetch/client.js', import.meta.url));
const ruleTester = createRuleTester();

const GET_JSON = 'pass timeoutMs (getJson, in lib/http.js, sets a timeout on its fetch call only when its caller passes one)';

ruleTester.run('fetch-requires-timeout (cross-file)', rule, {
  valid: [
    // The caller passes the option the wrapper reads.
    { filename, code: `import { getJson } from './lib/http.js';
export const load = () => getJson('https://api.example.com/a', { timeoutMs: 3000 });` },
    { filename, code: `import { requestJson } from './lib/http.js';
export const load = () => requestJson('https://api.example.com/a', { timeout: 3000 });` },
    { filename, code: `import { post } from './lib/http.js';
export const send = (body) => post('https://api.example.com/a', body, { headersTimeout: 5000, bodyTimeout: 5000 });` },
    // A wrapper that always sets one.
    { filename, code: `import { fetchWithTimeout } from './lib/http.js';
export const load = () => fetchWithTimeout('https://api.example.com/a');` },
    // A wrapper reported in its own file (bare fetch): not again at every caller.
    { filename, code: `import { ping } from './lib/http.js';
export const check = () => ping('https://api.example.com/health');` },
    // Options the rule cannot see: the benefit of the doubt.
    { filename, code: `import { getJson } from './lib/http.js';
export const load = (options) => getJson('https://api.example.com/a', options);` },
    // Unresolvable import, unparsable file: today's judgement.
    { filename, code: `import { getJson } from './lib/missing.js';
import { broken } from './lib/broken.js';
export const load = () => [getJson('https://api.example.com/a'), broken('https://api.example.com/b')];` },
    // Cross-file analysis switched off.
    {
      filename,
      settings: { 'agent-guard': { project: { crossFile: false } } },
      code: `import { getJson } from './lib/http.js';
export const load = () => getJson('https://api.example.com/a');`,
    },
  ],
  invalid: [
    {
      // getJson sets its signal only when opts.timeoutMs is passed.
      filename,
      code: `import { getJson } from './lib/http.js';
export const load = () => getJson('https://api.example.com/a');`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 63,
          data: { callee: 'getJson', remedy: GET_JSON },
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              data: { text: 'timeoutMs: 10000' },
              output: `import { getJson } from './lib/http.js';
export const load = () => getJson('https://api.example.com/a', { timeoutMs: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      // An options object without the key.
      filename,
      code: `import * as http from './lib/http.js';
export const load = () => http.getJson('https://api.example.com/a', { cache: true });`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 85,
          data: { callee: 'http.getJson', remedy: GET_JSON },
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              data: { text: 'timeoutMs: 10000' },
              output: `import * as http from './lib/http.js';
export const load = () => http.getJson('https://api.example.com/a', { cache: true, timeoutMs: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      // requestJson passes timeout: opts.timeout to https.request.
      filename,
      code: `import { requestJson } from './lib/http.js';
export const load = () => requestJson('https://api.example.com/a', { headers: {} });`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 84,
          data: { callee: 'requestJson', remedy: 'pass timeout (requestJson, in lib/http.js, sets a timeout on its https.request call only when its caller passes one)' },
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              data: { text: 'timeout: 10000' },
              output: `import { requestJson } from './lib/http.js';
export const load = () => requestJson('https://api.example.com/a', { headers: {}, timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      // post spreads the caller's options into undici's request().
      filename,
      code: `const { post } = require('./lib/http.js');
exports.send = (body) => post('https://api.example.com/a', body);`,
      errors: [
        {
          messageId: 'missingTimeout',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 65,
          suggestions: [
            {
              messageId: 'addTimeoutOption',
              output: `const { post } = require('./lib/http.js');
exports.send = (body) => post('https://api.example.com/a', body, { signal: AbortSignal.timeout(10000) });`,
            },
          ],
        },
      ],
    },
  ],
});
