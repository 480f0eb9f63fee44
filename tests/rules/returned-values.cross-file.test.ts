import { fileURLToPath } from 'node:url';

import commandRule from '../../src/rules/no-command-injection';
import fsRule from '../../src/rules/no-unsanitized-fs-path';
import ssrfRule from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';

/*
 * Functions of other files of a fixture project (tests/fixtures/cross-file/returned-values) that
 * return what they are given: `uploadPath(name)` returning `path.join(UPLOAD_DIR, name)`, a method
 * of an imported class called on an injected field, a function re-exported from a further file,
 * a command line built from the argument. The value the call returns carries the request input
 * of its argument, with the checks it went through there. Functions that sanitise or check what
 * they return, or use the argument only to choose among constants, return no input. URLs are
 * judged where they are built, by where the input lands in them (the host, the whole URL, an
 * encoded or unencoded path segment) and the checks made there before the `return`.
 */
const app = fileURLToPath(new URL('../fixtures/cross-file/returned-values/src/app.ts', import.meta.url));
const ruleTester = createRuleTester();

ruleTester.run("no-unsanitized-fs-path (what functions of other files return)", fsRule, {
  valid: [
    // Reduced to a file name, checked to stay inside, a choice among constants, a constant argument.
    { filename: app, code: `import express from 'express';
import { containedUploadPath, reportPath, safeUploadPath, FilesService } from './paths';

const app = express();
const files = new FilesService();

app.get('/a/:name', (req, res) => {
  res.sendFile(safeUploadPath(req.params.name));
});
app.get('/b/:name', (req, res) => {
  res.sendFile(containedUploadPath(req.params.name));
});
app.get('/reports/:kind', (req, res) => {
  res.sendFile(reportPath(req.params.kind));
});
app.get('/c/:name', (req, res) => {
  res.sendFile(files.resolveSafe(req.params.name));
});
app.get('/d', (req, res) => {
  res.sendFile(files.resolvePath('logo.png'));
});
` },
  ],
  invalid: [
    {
      // An imported function, the same through a namespace, and one re-exported from a further file.
      filename: app,
      code: `import express from 'express';
import * as paths from './paths';
import { uploadPath, thumbnailPath } from './paths';

const app = express();

app.get('/a/:name', (req, res) => {
  res.sendFile(uploadPath(req.params.name));
});
app.get('/b/:name', (req, res) => {
  res.download(paths.uploadPath(req.params.name));
});
app.get('/t/:name', (req, res) => {
  res.sendFile(thumbnailPath(req.params.name, 128));
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 8, column: 16, endLine: 8, endColumn: 43, suggestions: [] },
        { messageId: 'requestPathFalseConfidence', line: 11, column: 16, endLine: 11, endColumn: 49, suggestions: [] },
        { messageId: 'requestPath', line: 14, column: 16, endLine: 14, endColumn: 51, suggestions: [] },
      ],
    },
    {
      // A method of an imported class, called on the field NestJS injects it into.
      filename: app,
      code: `import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { FilesService } from './paths';

@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Get(':name')
  download(@Param('name') name: string, @Res() res: Response) {
    return res.sendFile(this.files.resolvePath(name));
  }

  @Get(':name/safe')
  downloadSafe(@Param('name') name: string, @Res() res: Response) {
    return res.sendFile(this.files.resolveSafe(name));
  }
}
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 11, column: 25, endLine: 11, endColumn: 53, suggestions: [] },
      ],
    },
  ],
});

ruleTester.run("no-command-injection (what functions of other files return)", commandRule, {
  valid: [
    // The argument only chooses among constant command lines; an object with request input in a property the command does not use (destructured, or one parameter).
    { filename: app, code: `import { exec } from 'node:child_process';
import express from 'express';
import { optimizeCommand, restoreCommand, restoreWith } from './commands';

const app = express();

app.post('/optimize', (req, res) => {
  exec(optimizeCommand(req.body.kind), (error) => {
    res.json({ ok: !error });
  });
});
app.post('/restore', (req, res) => {
  exec(restoreCommand({ source: 'gunzip -c /backups/latest.sql.gz', label: req.body.label }));
  const options = { source: 'gunzip -c /backups/previous.sql.gz', label: req.body.label };
  exec(restoreWith(options));
  const merged = Object.assign({ source: 'gunzip -c /backups/oldest.sql.gz' }, { label: req.body.label });
  exec(restoreCommand(merged));
  res.json({ ok: true });
});
` },
  ],
  invalid: [
    {
      // A command line built by a function of another file from the request body.
      filename: app,
      code: `import { exec } from 'node:child_process';
import express from 'express';
import { convertCommand } from './commands';

const app = express();

app.post('/convert', (req, res) => {
  exec(convertCommand(req.body.file), (error) => {
    res.json({ ok: !error });
  });
});
`,
      errors: [
        { messageId: 'requestCommand', line: 8, column: 8, endLine: 8, endColumn: 37, suggestions: [] },
      ],
    },
  ],
});

ruleTester.run("no-ssrf (what functions of other files return)", ssrfRule, {
  valid: [
    // Read where they are built: the input encoded into the path under a fixed origin, checked
    // against an allow-list before the URL is returned, choosing between constant hosts, or in an
    // unencoded path segment (reported only with \`reportPathInjection\`); a constant argument.
    { filename: app, code: `import express from 'express';
import { allowedUrl, apiUrl, itemUrl, regionUrl, statusUrl } from './urls';

const app = express();

app.get('/items/:id', async (req, res) => {
  const answer = await fetch(apiUrl(req.params.id), { signal: AbortSignal.timeout(5000) });
  res.json(await answer.json());
});
app.post('/hooks', async (req, res) => {
  await fetch(allowedUrl(req.body.url), { method: 'POST', signal: AbortSignal.timeout(5000) });
  await fetch(regionUrl(req.body.region), { signal: AbortSignal.timeout(5000) });
  await fetch(itemUrl(req.body.id), { signal: AbortSignal.timeout(5000) });
  await fetch(statusUrl('status.example.com'), { signal: AbortSignal.timeout(5000) });
  res.end();
});
` },
    // The host handed to a check of another file called as a statement (it throws): not judged from here.
    { filename: app, code: `import express from 'express';
import { vettedUrl } from './urls';

const app = express();

app.get('/preview', async (req, res) => {
  const page = await fetch(await vettedUrl(req.query.url), { signal: AbortSignal.timeout(5000) });
  res.send(await page.text());
});
` },
    // An object with request input in a property the host is not read from, typed or not.
    { filename: app, code: `import express from 'express';
import { endpointUrl, endpointUrlOf } from './urls';

const app = express();

app.get('/items', async (req, res) => {
  await fetch(endpointUrl({ host: 'api.example.com', path: req.query.path }), { signal: AbortSignal.timeout(5000) });
  const target = { host: 'api.example.com', path: req.query.path };
  await fetch(endpointUrlOf(target), { signal: AbortSignal.timeout(5000) });
  res.end();
});
` },
    // The caller checks the host of the URL it hands over (what the suggestion inserts).
    { filename: app, code: `import express from 'express';
import { targetUrl } from './urls';

const ALLOWED_HOSTS = new Set(['api.example.com']);
const app = express();

app.get('/preview', async (req, res) => {
  if (!ALLOWED_HOSTS.has(new URL(req.query.url).hostname)) {
    return res.status(400).send('Host not allowed');
  }
  const page = await fetch(targetUrl(req.query.url), { signal: AbortSignal.timeout(5000) });
  res.send(await page.text());
});
` },
  ],
  invalid: [
    {
      // The host, the whole URL, and a URL built by a function of a further file.
      filename: app,
      code: `import express from 'express';
import { feedUrl, statusUrl, targetUrl } from './urls';

const app = express();

app.get('/status', async (req, res) => {
  const answer = await fetch(statusUrl(req.query.host), { signal: AbortSignal.timeout(5000) });
  res.json(await answer.json());
});
app.get('/preview', async (req, res) => {
  const page = await fetch(targetUrl(req.query.url), { signal: AbortSignal.timeout(5000) });
  res.send(await page.text());
});
app.get('/feed', async (req, res) => {
  const feed = await fetch(feedUrl(req.query.url), { signal: AbortSignal.timeout(5000) });
  res.send(await feed.text());
});
`,
      errors: [
        { messageId: 'requestControlledHost', line: 7, column: 30, endLine: 7, endColumn: 55, suggestions: [] },
        { messageId: 'requestControlledHost', line: 11, column: 28, endLine: 11, endColumn: 52, suggestions: [{ messageId: 'addAllowListCheck', output: `import express from 'express';
import { feedUrl, statusUrl, targetUrl } from './urls';
const ALLOWED_HOSTS = new Set(['api.example.com']); // the hosts this server may call

const app = express();

app.get('/status', async (req, res) => {
  const answer = await fetch(statusUrl(req.query.host), { signal: AbortSignal.timeout(5000) });
  res.json(await answer.json());
});
app.get('/preview', async (req, res) => {
  if (!ALLOWED_HOSTS.has(new URL(req.query.url).hostname)) {
    return res.status(400).send('Host not allowed');
  }
  const page = await fetch(targetUrl(req.query.url), { signal: AbortSignal.timeout(5000) });
  res.send(await page.text());
});
app.get('/feed', async (req, res) => {
  const feed = await fetch(feedUrl(req.query.url), { signal: AbortSignal.timeout(5000) });
  res.send(await feed.text());
});
` }] },
        { messageId: 'requestControlledHost', line: 15, column: 28, endLine: 15, endColumn: 50, suggestions: [{ messageId: 'addAllowListCheck', output: `import express from 'express';
import { feedUrl, statusUrl, targetUrl } from './urls';
const ALLOWED_HOSTS = new Set(['api.example.com']); // the hosts this server may call

const app = express();

app.get('/status', async (req, res) => {
  const answer = await fetch(statusUrl(req.query.host), { signal: AbortSignal.timeout(5000) });
  res.json(await answer.json());
});
app.get('/preview', async (req, res) => {
  const page = await fetch(targetUrl(req.query.url), { signal: AbortSignal.timeout(5000) });
  res.send(await page.text());
});
app.get('/feed', async (req, res) => {
  if (!ALLOWED_HOSTS.has(new URL(req.query.url).hostname)) {
    return res.status(400).send('Host not allowed');
  }
  const feed = await fetch(feedUrl(req.query.url), { signal: AbortSignal.timeout(5000) });
  res.send(await feed.text());
});
` }] },
      ],
    },
    {
      // Logging the URL in the function that returns it checks nothing.
      filename: app,
      code: `import express from 'express';
import { loggedUrl } from './urls';

const app = express();

app.post('/relay', async (req, res) => {
  await fetch(loggedUrl(req.body.target), { method: 'POST', signal: AbortSignal.timeout(5000) });
  res.end();
});
`,
      errors: [
        { messageId: 'requestControlledHost', line: 7, column: 15, endLine: 7, endColumn: 41, suggestions: [{ messageId: 'addAllowListCheck', output: `import express from 'express';
import { loggedUrl } from './urls';
const ALLOWED_HOSTS = new Set(['api.example.com']); // the hosts this server may call

const app = express();

app.post('/relay', async (req, res) => {
  if (!ALLOWED_HOSTS.has(new URL(req.body.target).hostname)) {
    return res.status(400).send('Host not allowed');
  }
  await fetch(loggedUrl(req.body.target), { method: 'POST', signal: AbortSignal.timeout(5000) });
  res.end();
});
` }] },
      ],
    },
    {
      // A blocklist in the function that builds the URL is named in the message.
      filename: app,
      code: `import express from 'express';
import { publicUrl } from './urls';

const app = express();

app.get('/preview', async (req, res) => {
  const page = await fetch(publicUrl(req.query.url), { signal: AbortSignal.timeout(5000) });
  res.send(await page.text());
});
`,
      errors: [
        { messageId: 'falseConfidenceCheck', line: 7, column: 28, endLine: 7, endColumn: 52, suggestions: [{ messageId: 'addAllowListCheck', output: `import express from 'express';
import { publicUrl } from './urls';
const ALLOWED_HOSTS = new Set(['api.example.com']); // the hosts this server may call

const app = express();

app.get('/preview', async (req, res) => {
  if (!ALLOWED_HOSTS.has(new URL(req.query.url).hostname)) {
    return res.status(400).send('Host not allowed');
  }
  const page = await fetch(publicUrl(req.query.url), { signal: AbortSignal.timeout(5000) });
  res.send(await page.text());
});
` }] },
      ],
    },
    {
      // With \`reportPathInjection\`, an unencoded path segment the function fills.
      filename: app,
      options: [{ reportPathInjection: true }],
      code: `import express from 'express';
import { itemUrl } from './urls';

const app = express();

app.get('/items/:id', async (req, res) => {
  const answer = await fetch(itemUrl(req.params.id), { signal: AbortSignal.timeout(5000) });
  res.json(await answer.json());
});
`,
      errors: [
        { messageId: 'requestControlledPath', line: 7, column: 38, endLine: 7, endColumn: 51 },
      ],
    },
  ],
});
