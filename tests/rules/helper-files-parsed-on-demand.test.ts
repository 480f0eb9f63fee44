import { fileURLToPath } from 'node:url';

import { Linter } from 'eslint';
import type { Rule } from 'eslint';
import { beforeEach, describe, expect, it } from 'vitest';

import commandRule from '../../src/rules/no-command-injection';
import fetchRule from '../../src/rules/fetch-requires-timeout';
import fsRule from '../../src/rules/no-unsanitized-fs-path';
import ssrfRule from '../../src/rules/no-ssrf';
import stackRule from '../../src/rules/no-stack-in-response';
import { clearProjectCaches } from '../../src/project/index';
import { projectFileParsed } from '../../src/project/files';

/*
 * A call of a helper of another project file is reported when an argument carries request input
 * (or a caught error) and the helper passes that parameter to a sink: two tests, both needed.
 * When the helper's file is not parsed yet and no earlier lint asked for it, the rules look at the
 * arguments first, and a call that hands the helper only constants leaves its file unparsed; the
 * next lint that asks parses it, and from then on the helper's summary comes first.
 * Work done, not time: what is asserted is whether the helper's file was parsed.
 */
const fixture = (path: string): string => fileURLToPath(new URL(`../fixtures/cross-file/${path}`, import.meta.url));

function lint(rule: unknown, code: string, filename: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const config = [{ files: ['**/*.js'], plugins: { probe: { rules: { rule: rule as Rule.RuleModule } } }, rules: { 'probe/rule': 'error' as const } }];
  return linter.verify(code, config, { filename }).map((message) => `${message.line}:${message.column} ${message.messageId ?? message.message}`);
}

const CASES = [
  {
    rule: ssrfRule,
    name: 'no-ssrf',
    filename: fixture('ssrf/routes/proxy.js'),
    helper: fixture('ssrf/lib/http.js'),
    code: (argument: string) => `import express from 'express';
import { getJson } from '../lib/http.js';
const app = express();
app.get('/proxy', async (req, res) => { res.json(await getJson(${argument})); });
`,
    constant: "'https://api.example.com/status'",
    input: 'req.query.url',
    found: '4:64 wrapperControlledHost',
  },
  {
    rule: commandRule,
    name: 'no-command-injection',
    filename: fixture('commands/routes.js'),
    helper: fixture('commands/lib/shell.js'),
    code: (argument: string) => `import express from 'express';
import { runCommand } from './lib/shell.js';
const app = express();
app.get('/run', (req, res) => res.send(runCommand(${argument})));
`,
    constant: "'uptime'",
    input: 'req.query.cmd',
    found: '4:51 wrapperCommand',
  },
  {
    rule: fsRule,
    name: 'no-unsanitized-fs-path',
    filename: fixture('fs/routes.js'),
    helper: fixture('fs/lib/storage.js'),
    code: (argument: string) => `import express from 'express';
import { readUpload } from './lib/storage.js';
const app = express();
app.get('/f/:name', async (req, res) => res.send(await readUpload(${argument})));
`,
    constant: "'logo.png'",
    input: 'req.params.name',
    found: '4:67 requestPath',
  },
  {
    rule: stackRule,
    name: 'no-stack-in-response',
    filename: fixture('no-stack-in-response/routes/case.js'),
    helper: fixture('no-stack-in-response/utils/errors.js'),
    code: (argument: string) => `const { sendError } = require('../utils/errors');
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    sendError(res, ${argument});
  }
});
`,
    constant: "{ message: 'Something went wrong' }",
    input: 'err',
    found: '6:5 stackInResponse',
  },
];

describe('helpers of other files are parsed when a call can leak through them', () => {
  beforeEach(() => clearProjectCaches());

  for (const { rule, name, filename, helper, code, constant, input, found } of CASES) {
    it(`${name}: a call with constant arguments leaves the helper's file unparsed`, () => {
      expect(lint(rule, code(constant), filename)).toEqual([]);
      expect(projectFileParsed(helper)).toBe(false);
    });

    it(`${name}: the next lint that asks parses it, so that a process parses it once`, () => {
      expect(lint(rule, code(constant), filename)).toEqual([]);
      expect(lint(rule, code(constant), filename)).toEqual([]);
      expect(projectFileParsed(helper)).toBe(true);
    });

    it(`${name}: a call with request input (or the caught error) parses it and is reported`, () => {
      expect(lint(rule, code(input), filename)).toEqual([found]);
      expect(projectFileParsed(helper)).toBe(true);
      // Parsed already: the helper's summary first, the same answers.
      expect(lint(rule, code(constant), filename)).toEqual([]);
      expect(lint(rule, code(input), filename)).toEqual([found]);
    });
  }

  it("no-ssrf: browser code ('use client') reports nothing, and hands request input to the helper without its file being parsed", () => {
    const ssrf = CASES[0]!;
    const browser = `'use client';\n${ssrf.code(ssrf.input)}`;
    const filename = fixture('ssrf/routes/widget.js');
    expect(lint(ssrf.rule, browser, filename)).toEqual([]);
    expect(lint(ssrf.rule, browser, filename)).toEqual([]);
    expect(projectFileParsed(ssrf.helper)).toBe(false);
    // The same call in server code still parses it and is reported.
    expect(lint(ssrf.rule, ssrf.code(ssrf.input), filename)).toEqual([ssrf.found]);
    expect(projectFileParsed(ssrf.helper)).toBe(true);
  });

  it('no-ssrf: a helper whose file names fetch only in prose is not read, however often request input is handed to it', () => {
    const code = `import express from 'express';
import { statusLine } from '../lib/prose.js';
const app = express();
app.get('/status', (req, res) => res.send(statusLine(req.query.url, 3)));
`;
    const filename = fixture('ssrf/routes/status.js');
    expect(lint(ssrfRule, code, filename)).toEqual([]);
    expect(lint(ssrfRule, code, filename)).toEqual([]);
    expect(projectFileParsed(fixture('ssrf/lib/prose.js'))).toBe(false);
  });

  it('fetch-requires-timeout: browser code (a client hook) reports no wrapper call, and its wrappers\' files are not read', () => {
    const browser = `import { useEffect } from 'react';
import { getJson } from './lib/http.js';
export function Widget() {
  useEffect(() => { getJson('https://api.example.com/a'); }, []);
  return null;
}
`;
    const filename = fixture('fetch/widget.js');
    const helper = fixture('fetch/lib/http.js');
    expect(lint(fetchRule, browser, filename)).toEqual([]);
    expect(lint(fetchRule, browser, filename)).toEqual([]);
    expect(projectFileParsed(helper)).toBe(false);
    // The same call in server code reads it and is reported.
    expect(lint(fetchRule, `import { getJson } from './lib/http.js';\nexport const load = () => getJson('https://api.example.com/a');\n`, filename)).toEqual(['2:27 missingTimeout']);
    expect(projectFileParsed(helper)).toBe(true);
  });

  it('no-ssrf: a helper that only calls helpers of further files is not read when none of those is a wrapper', () => {
    const code = `import express from 'express';
import { report } from '../lib/report.js';
const app = express();
app.get('/report', async (req, res) => res.json(await report(req.query.url, 3)));
`;
    const filename = fixture('ssrf/routes/report.js');
    expect(lint(ssrfRule, code, filename)).toEqual([]);
    expect(lint(ssrfRule, code, filename)).toEqual([]);
    // The file it imports is read to learn that its request has a fixed URL; the helper's own file is not.
    expect(projectFileParsed(fixture('ssrf/lib/status-client.js'))).toBe(true);
    expect(projectFileParsed(fixture('ssrf/lib/report.js'))).toBe(false);
  });
});
