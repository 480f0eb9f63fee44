import rule from '../../src/rules/fetch-requires-timeout';
import { createRuleTester } from '../rule-tester';

/** fetch-requires-timeout: relative URLs handed to a project wrapper's fetch, and templates that start with a relative constant. */
const ruleTester = createRuleTester();

ruleTester.run('fetch-requires-timeout (relative URLs through wrappers)', rule, {
  valid: [
    // A template that starts with a relative constant is relative.
    {
      filename: "lib/items.js",
      code: `const API = '/api/v1';
export const load = (id) => fetch(\`\${API}/items/\${id}\`);
`,
    },
    // Wrappers of the file whose fetch takes the URL from an argument, or from its `url` property, called with a relative URL: browser code, as `fetch('/api/x')` is.
    {
      filename: "lib/tags.js",
      code: `const BASE_PATH = '/api/v3/tags';

async function request(url, init) {
  const response = await fetch(url, { cache: 'no-store', ...init });
  return response.json();
}

export const deleteTag = (id) => request(\`\${BASE_PATH}/\${id}\`, { method: 'DELETE' });

const fetchWithAccount = async ({ url, accountId, init }) => {
  const newInit = { ...init, headers: { 'x-account': accountId } };
  return fetch(url, newInit);
};

export const threads = (accountId) => fetchWithAccount({ url: \`/api/threads?account=\${accountId}\`, accountId });
`,
    },
  ],
  invalid: [
    // The same wrappers called with an absolute URL, or one whose start is not known, are reported.
    {
      filename: "lib/tags.js",
      code: `async function request(url, init) {
  const response = await fetch(url, { cache: 'no-store', ...init });
  return response.json();
}

export const deleteTag = (id) => request(\`https://tags.example.com/\${id}\`, { method: 'DELETE' });

const fetchWithAccount = async ({ url, accountId, init }) => {
  const newInit = { ...init, headers: { 'x-account': accountId } };
  return fetch(url, newInit);
};

export const threads = (base, accountId) => fetchWithAccount({ url: \`\${base}/api/threads\`, accountId });
`,
      errors: [
        {
          messageId: "missingTimeout",
          line: 6,
          column: 34,
          endLine: 6,
          endColumn: 97,
          suggestions: [
            { messageId: "addTimeoutOption", output: `async function request(url, init) {
  const response = await fetch(url, { cache: 'no-store', ...init });
  return response.json();
}

export const deleteTag = (id) => request(\`https://tags.example.com/\${id}\`, { method: 'DELETE', signal: AbortSignal.timeout(10000) });

const fetchWithAccount = async ({ url, accountId, init }) => {
  const newInit = { ...init, headers: { 'x-account': accountId } };
  return fetch(url, newInit);
};

export const threads = (base, accountId) => fetchWithAccount({ url: \`\${base}/api/threads\`, accountId });
` },
          ],
        },
        {
          messageId: "missingTimeout",
          line: 13,
          column: 45,
          endLine: 13,
          endColumn: 104,
          suggestions: [
            { messageId: "addTimeoutOption", output: `async function request(url, init) {
  const response = await fetch(url, { cache: 'no-store', ...init });
  return response.json();
}

export const deleteTag = (id) => request(\`https://tags.example.com/\${id}\`, { method: 'DELETE' });

const fetchWithAccount = async ({ url, accountId, init }) => {
  const newInit = { ...init, headers: { 'x-account': accountId } };
  return fetch(url, newInit);
};

export const threads = (base, accountId) => fetchWithAccount({ url: \`\${base}/api/threads\`, accountId, init: 10000 });
` },
          ],
        },
      ],
    },
  ],
});
