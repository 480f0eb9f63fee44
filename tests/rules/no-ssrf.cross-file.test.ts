import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';

// Helpers defined in another project file (tests/fixtures/cross-file/ssrf/lib) that send a
// request to a URL built from their parameter, called from a route with request input. The
// linted files have real paths inside the fixture project so that their imports resolve.
const routes = fileURLToPath(new URL('../fixtures/cross-file/ssrf/routes/proxy.js', import.meta.url));
const controller = fileURLToPath(new URL('../fixtures/cross-file/ssrf/routes/controller.js', import.meta.url));
const ruleTester = createRuleTester();

const pathInjection = [{ reportPathInjection: true }] as [{ reportPathInjection: boolean }];
const viaHttp = (sink: string): string => ` (lib/http.js, which passes it to \`${sink}\`)`;

ruleTester.run('no-ssrf (cross-file)', rule, {
  valid: [
    // The helper checks the parsed host against an allow-list before its request.
    {
      filename: routes,
      code: `import express from 'express';
import { getAllowed } from '../lib/http.js';
const app = express();
app.get('/proxy', async (req, res) => { res.json(await getAllowed(req.query.url)); });`,
    },
    // Constant URL: the input only goes into the query string (params, template) and the body, as in one file.
    {
      filename: routes,
      options: pathInjection,
      code: `import express from 'express';
import { search, searchText, postNote, describe } from '../lib/http.js';
const app = express();
app.get('/s', async (req, res) => {
  res.json([await search(req.query.q), await searchText(req.query.q), await postNote(req.body.text), describe(req.query.url)]);
});`,
    },
    // Not request input: a constant, and a parameter of the file's own helper.
    {
      filename: routes,
      code: `import express from 'express';
import { getJson } from '../lib/http.js';
const app = express();
const ORIGIN = 'https://api.example.com';
app.get('/status', async (req, res) => { res.json(await getJson(ORIGIN + '/status')); });
export const load = (url) => getJson(url);`,
    },
    // The helper's URL variable is given a next-page link from each answer: the argument is in the first page's path only.
    {
      filename: routes,
      code: `import express from 'express';
import { listPages } from '../lib/http.js';
const app = express();
app.get('/r/:owner', async (req, res) => { res.json(await listPages(req.params.owner)); });`,
    },
    // A name imported from a package, an unresolvable import, a file that does not parse.
    {
      filename: routes,
      code: `import express from 'express';
import { getJson } from 'some-http-package';
import { missing } from '../lib/missing.js';
import { broken } from '../lib/broken.js';
const app = express();
app.get('/p', async (req, res) => { res.json([await getJson(req.query.url), await missing(req.query.url), broken(req.query.url)]); });`,
    },
    // Only a path segment after the helper's constant origin: reported with reportPathInjection only.
    {
      filename: routes,
      code: `import express from 'express';
import { fetchUser } from '../lib/http.js';
import { getProfile } from '../lib/feeds.js';
const app = express();
app.get('/u/:id', async (req, res) => { res.json([await fetchUser(req.params.id), await getProfile(req.query.name)]); });`,
    },
    // The segment is encoded: in the helper, or at the call.
    {
      filename: routes,
      options: pathInjection,
      code: `import express from 'express';
import { fetchUser, fetchUserEncoded } from '../lib/http.js';
const app = express();
app.get('/u/:id', async (req, res) => { res.json([await fetchUserEncoded(req.params.id), await fetchUser(encodeURIComponent(req.params.id))]); });`,
    },
    // The route checks the host against an allow-list before passing the URL on.
    {
      filename: routes,
      code: `import express from 'express';
import { getJson } from '../lib/http.js';
const ALLOWED = new Set(['a.example.com']);
const app = express();
app.get('/proxy', async (req, res) => {
  const url = new URL(req.query.url);
  if (!ALLOWED.has(url.hostname)) return res.sendStatus(400);
  res.json(await getJson(url.href));
});`,
    },
    // An options object built at the call: which property reaches the URL is not known (its url is constant here).
    {
      filename: routes,
      code: `import express from 'express';
import { request } from '../lib/http.js';
const app = express();
app.post('/notes', async (req, res) => {
  const options = { url: 'https://api.example.com/notes', body: req.body.text };
  res.json([await request(options), await request({ url: 'https://api.example.com/notes', body: req.body.text })]);
});`,
    },
    // Cross-file analysis switched off.
    {
      filename: routes,
      settings: { 'agent-guard': { project: { crossFile: false } } },
      code: `import express from 'express';
import { getJson } from '../lib/http.js';
const app = express();
app.get('/proxy', async (req, res) => { res.json(await getJson(req.query.url)); });`,
    },
  ],
  invalid: [
    {
      // One of the values the helper's URL variable is given is its second argument.
      filename: routes,
      code: `import express from 'express';
import { listPagesFrom } from '../lib/http.js';
const app = express();
app.get('/r/:owner', async (req, res) => { res.json(await listPagesFrom('acme', req.query.server)); });`,
      errors: [
        {
          messageId: 'wrapperControlledHost',
          line: 4,
          column: 81,
          endLine: 4,
          endColumn: 97,
          data: { sink: 'listPagesFrom', via: viaHttp('fetch'), what: 'URL', source: 'req.query.server' },
          suggestions: [],
        },
      ],
    },
    {
      // The next-page links do not hide the argument in the first page's path.
      filename: routes,
      options: pathInjection,
      code: `import express from 'express';
import { listPages } from '../lib/http.js';
const app = express();
app.get('/r/:owner', async (req, res) => { res.json(await listPages(req.params.owner)); });`,
      errors: [
        {
          messageId: 'wrapperControlledPath',
          line: 4,
          column: 69,
          endLine: 4,
          endColumn: 85,
          data: { sink: 'listPages', via: viaHttp('fetch'), source: 'req.params.owner' },
          suggestions: [],
        },
      ],
    },
    {
      // The whole URL of the helper's fetch is the argument.
      filename: routes,
      code: `import express from 'express';
import { getJson } from '../lib/http.js';
const app = express();
app.get('/proxy', async (req, res) => { res.json(await getJson(req.query.url)); });`,
      errors: [
        {
          messageId: 'wrapperControlledHost',
          line: 4,
          column: 64,
          endLine: 4,
          endColumn: 77,
          data: { sink: 'getJson', via: viaHttp('fetch'), what: 'URL', source: 'req.query.url' },
          suggestions: [],
        },
      ],
    },
    {
      // A path segment after the helper's constant origin, not encoded.
      filename: routes,
      options: pathInjection,
      code: `import express from 'express';
import { fetchUser } from '../lib/http.js';
const app = express();
app.get('/u/:id', async (req, res) => { res.json(await fetchUser(req.params.id)); });`,
      errors: [
        {
          messageId: 'wrapperControlledPath',
          line: 4,
          column: 66,
          endLine: 4,
          endColumn: 79,
          data: { sink: 'fetchUser', via: viaHttp('axios.get'), source: 'req.params.id' },
          suggestions: [],
        },
      ],
    },
    {
      // The helper's blocklist does not confine the host.
      filename: routes,
      code: `import express from 'express';
import { getPublic } from '../lib/http.js';
const app = express();
app.get('/proxy', async (req, res) => { res.json(await getPublic(req.body.url)); });`,
      errors: [
        {
          messageId: 'wrapperFalseConfidenceCheck',
          line: 4,
          column: 66,
          endLine: 4,
          endColumn: 78,
          data: {
            sink: 'getPublic',
            via: viaHttp('fetch'),
            what: 'URL',
            source: 'req.body.url',
            checks: "a blocklist (`hostname === 'localhost'`, `hostname.startsWith('127.')`): IPv6, decimal and octal forms, DNS names resolving inward and redirects get past it",
          },
          suggestions: [],
        },
      ],
    },
    {
      // The helper sends the request through a local function of its file.
      filename: routes,
      code: `import express from 'express';
import { getText } from '../lib/http.js';
const app = express();
app.get('/text', async (req, res) => { res.send(await getText(req.query.url)); });`,
      errors: [
        {
          messageId: 'wrapperControlledHost',
          line: 4,
          column: 63,
          endLine: 4,
          endColumn: 76,
          data: { sink: 'getText', via: viaHttp('fetch'), what: 'URL', source: 'req.query.url' },
          suggestions: [],
        },
      ],
    },
    {
      // Through a barrel that re-exports the helper; and a request-input object passed whole, whose url the helper reads.
      filename: routes,
      code: `import express from 'express';
import { getJson } from '../lib/index.js';
import { request } from '../lib/http.js';
const app = express();
app.get('/proxy', async (req, res) => { res.json(await getJson(req.query.url)); });
app.post('/r', async (req, res) => { res.json(await request(req.body)); });`,
      errors: [
        {
          messageId: 'wrapperControlledHost',
          line: 5,
          column: 64,
          endLine: 5,
          endColumn: 77,
          data: { sink: 'getJson', via: viaHttp('fetch'), what: 'URL', source: 'req.query.url' },
          suggestions: [],
        },
        {
          messageId: 'wrapperControlledHost',
          line: 6,
          column: 61,
          endLine: 6,
          endColumn: 69,
          data: { sink: 'request', via: viaHttp('fetch'), what: 'URL', source: 'req.body' },
          suggestions: [],
        },
      ],
    },
    {
      // A host parameter, called through a namespace import.
      filename: routes,
      code: `import express from 'express';
import * as http from '../lib/http.js';
const app = express();
app.get('/ping', async (req, res) => { res.json(await http.ping(req.query.host)); });`,
      errors: [
        {
          messageId: 'wrapperControlledHost',
          line: 4,
          column: 65,
          endLine: 4,
          endColumn: 79,
          data: { sink: 'ping', via: viaHttp('fetch'), what: 'host', source: 'req.query.host' },
          suggestions: [],
        },
      ],
    },
    {
      // The URL passed is built here: the input decides its host, or only a path segment.
      filename: routes,
      options: pathInjection,
      code: `import express from 'express';
import { getJson } from '../lib/http.js';
const app = express();
app.get('/r', async (req, res) => { res.json(await getJson(\`https://\${req.params.region}.example.com/users\`)); });
app.get('/u', async (req, res) => { res.json(await getJson(\`https://api.example.com/users/\${req.params.id}\`)); });`,
      errors: [
        {
          messageId: 'wrapperControlledHost',
          line: 4,
          column: 60,
          endLine: 4,
          endColumn: 108,
          data: { sink: 'getJson', via: viaHttp('fetch'), what: 'host', source: 'req.params.region' },
          suggestions: [],
        },
        {
          messageId: 'wrapperControlledPath',
          line: 5,
          column: 60,
          endLine: 5,
          endColumn: 108,
          data: { sink: 'getJson', via: viaHttp('fetch'), source: 'req.params.id' },
          suggestions: [],
        },
      ],
    },
    {
      // Wrappers of wrappers: lib/feeds.js passes its parameter on to lib/http.js.
      filename: routes,
      options: pathInjection,
      code: `import express from 'express';
import { getFeed, getMember } from '../lib/feeds.js';
const app = express();
app.get('/feed', async (req, res) => { res.json(await getFeed(req.query.feed)); });
app.get('/m/:id', async (req, res) => { res.json(await getMember(req.params.id)); });`,
      errors: [
        {
          messageId: 'wrapperControlledHost',
          line: 4,
          column: 63,
          endLine: 4,
          endColumn: 77,
          data: { sink: 'getFeed', via: ' (lib/feeds.js, which passes it to `getJson → fetch`)', what: 'URL', source: 'req.query.feed' },
          suggestions: [],
        },
        {
          messageId: 'wrapperControlledPath',
          line: 5,
          column: 66,
          endLine: 5,
          endColumn: 79,
          data: { sink: 'getMember', via: ' (lib/feeds.js, which passes it to `fetchUser → axios.get`)', source: 'req.params.id' },
          suggestions: [],
        },
      ],
    },
    {
      // Two helper files that import each other: followed without looping.
      filename: routes,
      code: `import express from 'express';
import { pingA } from '../lib/cycle-a.js';
import { pingB } from '../lib/cycle-b.js';
const app = express();
app.get('/c', async (req, res) => { res.json([await pingA(req.query.url, 2), await pingB(req.query.url, 2)]); });`,
      errors: [
        {
          messageId: 'wrapperControlledHost',
          line: 5,
          column: 59,
          endLine: 5,
          endColumn: 72,
          data: { sink: 'pingA', via: ' (lib/cycle-a.js, which passes it to `fetch`)', what: 'URL', source: 'req.query.url' },
          suggestions: [],
        },
        {
          messageId: 'wrapperControlledHost',
          line: 5,
          column: 90,
          endLine: 5,
          endColumn: 103,
          data: { sink: 'pingB', via: ' (lib/cycle-b.js, which passes it to `pingA → fetch`)', what: 'URL', source: 'req.query.url' },
          suggestions: [],
        },
      ],
    },
    {
      // A controller its file exports for a routes file to register: (req, res) read as a handler's.
      filename: controller,
      code: `const { getJson } = require('../lib/http.js');
exports.proxy = async (req, res) => {
  res.json(await getJson(req.query.url));
};`,
      errors: [
        {
          messageId: 'wrapperControlledHost',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 39,
          data: { sink: 'getJson', via: viaHttp('fetch'), what: 'URL', source: 'req.query.url' },
          suggestions: [],
        },
      ],
    },
  ],
});
