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
 * judged by where the input lands in them, which such a call hides: `no-ssrf` does not follow them.
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
    // The input is encoded into the path under a fixed origin (`new URL(encodeURIComponent(id), BASE)`): the value the call returns would look like a whole URL from input, so `no-ssrf` does not follow such calls.
    { filename: app, code: `import express from 'express';
import { apiUrl } from './urls';

const app = express();

app.get('/items/:id', async (req, res) => {
  const answer = await fetch(apiUrl(req.params.id), { signal: AbortSignal.timeout(5000) });
  res.json(await answer.json());
});
` },
  ],
  invalid: [
  ],
});
