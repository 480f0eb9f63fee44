import type { SuggestionOutput } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-ssrf';
import type { MessageIds } from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';
import { at } from './no-ssrf-helpers';

/**
 * no-ssrf in controllers that their file exports for a routes file to register
 * (`exports.proxy = (req, res) => …`, registered by `router.get('/proxy', ctrl.proxy)` elsewhere):
 * their `(req, res)` / `(request, reply)` parameters are read as a handler's. Look-alikes that
 * stay quiet: constant or allow-listed hosts, functions in no exported shape, other parameter names.
 */
const ruleTester = createRuleTester();

/** An expected `requestControlledHost` on `node` (after `before`). */
function error(code: string, before: string, node: string, sink: string, source: string, suggestions: readonly SuggestionOutput<MessageIds>[] = [], what = 'URL') {
  const place = at(code, before, node);
  return {
    messageId: 'requestControlledHost' as const,
    line: place.line,
    column: place.column,
    endLine: place.endLine,
    endColumn: place.endColumn,
    data: { sink, what, source },
    suggestions,
  };
}

const commonJs = `const axios = require('axios');
exports.proxy = async (req, res) => {
  const response = await axios.get(req.query.url, { responseType: 'arraybuffer' });
  res.send(response.data);
};
`;

const moduleExportsObject = `const needle = require('needle');
function research(req, res, next) {
  const url = req.query.url + req.query.symbol;
  return needle.get(url, (error, response) => res.send(response.body));
}
const download = (request, reply) => fetch(\`https://\${request.body.host}/files/latest\`);
module.exports = { research, download };
`;

const esm = `import puppeteer from 'puppeteer';
export async function screenshot(req, res) {
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  await page.goto(req.body.target);
  res.type('png').send(await page.screenshot());
}
`;

const typescript = `import type { Request, Response } from 'express';
export const preview = async (req: Request, res: Response): Promise<void> => {
  const link = String(req.query.link);
  const page = await fetch(link);
  res.send(await page.text());
};
`;

/** Strict: a controller's path input after a constant origin. */
const path = `exports.pixabay = async (req, res) => {
  const data = await fetch(\`https://pixabay.com/api/\${req.params.kind}/?q=\${req.query.q}\`);
  res.json(await data.json());
};
`;

/** Where each expected report is: the reported node found in its code. */
const place1 = at(commonJs, 'axios.get(', 'req.query.url');
const place2 = at(moduleExportsObject, 'needle.get(', 'url');
const place3 = at(moduleExportsObject, 'fetch(', '`https://${request.body.host}/files/latest`');
const place4 = at(esm, 'page.goto(', 'req.body.target');
const place5 = at(typescript, 'fetch(', 'link');
const place6 = at(path, 'api/${', 'req.params.kind');

ruleTester.run('no-ssrf (controllers registered in another file)', rule, {
  valid: [
    // A constant URL, input only in the query, and a host checked against an allow-list.
    {
      filename: 'controllers/images.js',
      code: `const axios = require('axios');
const ALLOWED = new Set(['images.a.com', 'cdn.a.com']);
exports.status = async (req, res) => {
  res.send((await axios.get('https://status.a.com/api')).data);
};
exports.search = async (req, res) => {
  res.send((await axios.get('https://api.a.com/search?q=' + encodeURIComponent(req.query.q))).data);
};
exports.proxy = async (req, res) => {
  const url = new URL(req.query.url);
  if (!ALLOWED.has(url.hostname)) return res.sendStatus(400);
  res.send((await axios.get(url.href)).data);
};
`,
    },
    // Not in an exported shape: a property of a local object, a function nested in a factory.
    {
      filename: 'controllers/local.js',
      code: `const axios = require('axios');
const helpers = {};
helpers.proxy = (req, res) => axios.get(req.query.url);
function makeProxy() {
  return (req, res) => axios.get(req.query.url);
}
module.exports = { makeProxy, helpers };
`,
    },
    // Parameters not named as a request and a response.
    {
      filename: 'lib/client.js',
      code: `const axios = require('axios');
exports.get = (options, retries) => axios.get(options.query.url);
exports.post = (input, body) => fetch(input.body.url, { method: 'POST', body });
`,
    },
  ],
  invalid: [
    {
      filename: 'controllers/proxy.js',
      code: commonJs,
      errors: [{ ...error(commonJs, 'axios.get(', 'req.query.url', 'axios.get', 'req.query.url'), messageId: 'requestControlledHost' as const, line: place1.line, column: place1.column, endLine: place1.endLine, endColumn: place1.endColumn }],
    },
    {
      filename: 'controllers/research.js',
      code: moduleExportsObject,
      errors: [
        { ...error(moduleExportsObject, 'needle.get(', 'url', 'needle.get', 'req.query.url'), messageId: 'requestControlledHost' as const, line: place2.line, column: place2.column, endLine: place2.endLine, endColumn: place2.endColumn },
        { ...error(moduleExportsObject, 'fetch(', '`https://${request.body.host}/files/latest`', 'fetch', 'request.body.host', [], 'host'), messageId: 'requestControlledHost' as const, line: place3.line, column: place3.column, endLine: place3.endLine, endColumn: place3.endColumn },
      ],
    },
    {
      filename: 'controllers/screenshots.mjs',
      code: esm,
      errors: [{ ...error(esm, 'page.goto(', 'req.body.target', 'page.goto', 'req.body.target'), messageId: 'requestControlledHost' as const, line: place4.line, column: place4.column, endLine: place4.endLine, endColumn: place4.endColumn }],
    },
    {
      filename: 'controllers/preview.ts',
      code: typescript,
      errors: [{ ...error(typescript, 'fetch(', 'link', 'fetch', 'req.query.link'), messageId: 'requestControlledHost' as const, line: place5.line, column: place5.column, endLine: place5.endLine, endColumn: place5.endColumn }],
    },
    {
      filename: 'controllers/sources.js',
      code: path,
      options: [{ reportPathInjection: true }],
      errors: [
        { messageId: 'requestControlledPath' as const, line: place6.line, column: place6.column, endLine: place6.endLine, endColumn: place6.endColumn, data: { sink: 'fetch', source: 'req.params.kind' } },
      ],
    },
  ],
});
