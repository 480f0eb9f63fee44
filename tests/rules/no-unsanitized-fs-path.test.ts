import { Linter } from 'eslint';
import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-unsanitized-fs-path';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('no-unsanitized-fs-path', rule, {
  valid: [
    // The record an ORM stores from request input comes back with ids the database made.
    `import express from 'express';
import fs from 'node:fs';
import { prisma } from './db.js';
const app = express();
app.post('/collections', async (req, res) => {
  const created = await prisma.collection.create({ data: { name: req.body.name.trim() } });
  fs.mkdirSync(\`archives/\${created.id}\`, { recursive: true });
  const again = await db.create(req.body.name);
  fs.mkdirSync(\`archives/\${again.id}\`, { recursive: true });
  res.json(created);
});
`,
    // Constant paths and static roots.
    `import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
const app = express();
app.get('/f/:name', (req, res) => {
  fs.readFile(path.join(__dirname, 'uploads', path.basename(req.params.name)), () => {});
  fs.readFileSync(path.join(import.meta.dirname, 'static', 'index.html'));
  fs.readFileSync(\`\${process.cwd()}/data/\${crypto.randomUUID()}.json\`);
});
`,
    // Containment check with a trailing separator.
    `import fs from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
const app = express();
const ROOT = path.resolve('uploads');
app.get('/f/:name', async (req, res) => {
  const target = path.resolve(ROOT, req.params.name);
  if (!target.startsWith(ROOT + path.sep)) {
    return res.status(400).end();
  }
  res.send(await fs.readFile(target));
});
`,
    // path.relative containment.
    `import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  const p = path.resolve(ROOT, req.query.f);
  const rel = path.relative(ROOT, p);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return res.sendStatus(403);
  fs.createReadStream(p).pipe(res);
});
`,
    // Allow-list regex and allow-list membership guards.
    `import fs from 'node:fs';
import express from 'express';
const app = express();
const ALLOWED = ['a.txt', 'b.txt'];
app.get('/f/:name', (req, res) => {
  const { name } = req.params;
  if (!/^[\\w-]+\\.txt$/.test(name)) throw new Error('bad name');
  fs.readFileSync(\`files/\${name}\`);
  if (ALLOWED.includes(req.query.doc)) {
    fs.readFileSync(\`docs/\${req.query.doc}\`);
  }
});
`,
    // Express root option, send root option.
    `import send from 'send';
import express from 'express';
const app = express();
app.get('/d/:name', (req, res) => {
  res.sendFile(req.params.name, { root: 'public', dotfiles: 'deny' });
  res.download(req.params.name, 'file.pdf', { root: '/srv/files' });
  send(req, req.path, { root: '/srv/www' }).pipe(res);
});
`,
    // sanitize-filename, numbers, zod enum, server-generated names.
    `import fs from 'node:fs';
import sanitize from 'sanitize-filename';
import { z } from 'zod';
import express from 'express';
const app = express();
const Query = z.object({ kind: z.enum(['png', 'jpg']) });
app.post('/up', (req, res) => {
  fs.writeFileSync(\`uploads/\${sanitize(req.body.name)}\`, req.body.data);
  fs.readFileSync(\`pages/\${Number(req.query.page)}.json\`);
  const { kind } = Query.parse(req.query);
  fs.writeFileSync(\`out/\${Date.now()}.\${kind}\`, req.body.data);
});
`,
    // Not a request handler: CLI code reading argv is out of scope.
    `import fs from 'node:fs';
fs.readFileSync(process.argv[2]);
export function load(file) {
  return fs.readFileSync(file);
}
`,
    // A local object named fs, a shadowed require, and a non-response download().
    `import express from 'express';
const app = express();
const fs = { readFile(p) { return p; } };
app.get('/f', (req, res) => {
  fs.readFile(req.query.f);
  s3.download(req.query.key);
  function inner(require) { require(req.query.m); }
});
`,
    // reportUnknownPaths only applies inside request handlers.
    { code: `import fs from 'node:fs';
fs.readFileSync(getPath());
`, options: [{ reportUnknownPaths: true }] },
    // A configured sanitizer.
    { code: `import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  fs.readFileSync(safePath(req.query.f));
});
`, settings: { 'agent-guard': { requestInput: { sanitizers: ['safePath'] } } } },
    // Odd code that must not crash.
    `import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  fs.readFile();
  fs['readFile']?.(...[]);
  fs.readFile?.(req?.query?.[key] ? 'a' : 'b');
  const req2 = { query: {} };
  ((req) => fs.readFile(req.query.f))(req2);
});
`,
  ],
  invalid: [
    // Plain concatenation with a root: the file's own `path` module name is used.
    {
      code: `import fs from 'node:fs';
import nodePath from 'node:path';
import express from 'express';
const DIR = nodePath.resolve('uploads');
const app = express();
app.get('/f/:name', (req, res) => {
  res.send(fs.readFileSync(DIR + '/' + req.params.name + '.txt'));
});
`,
      errors: [
        {
          messageId: 'requestPath', line: 7, column: 28, endLine: 7, endColumn: 64, data: { sink: 'fs.readFileSync', via: '', source: 'req.params.name' },
          suggestions: [
            {
              messageId: 'wrapInBasename',
              data: { segment: 'req.params.name', pathName: 'nodePath' },
              output: `import fs from 'node:fs';
import nodePath from 'node:path';
import express from 'express';
const DIR = nodePath.resolve('uploads');
const app = express();
app.get('/f/:name', (req, res) => {
  res.send(fs.readFileSync(DIR + '/' + nodePath.basename(req.params.name) + '.txt'));
});
`,
            },
          ],
        },
      ],
    },
    // A template literal in a variable: the suggestion edits its initialiser; CommonJS gets a require.
    {
      code: `const fs = require('fs');
const express = require('express');
const app = express();
app.get('/f', (req, res) => {
  const file = \`\${__dirname}/files/\${req.query.name}\`;
  fs.createReadStream(file).pipe(res);
});
`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'requestPath', line: 6, column: 23, endLine: 6, endColumn: 27, data: { sink: 'fs.createReadStream', via: '', source: 'req.query.name' },
          suggestions: [
            {
              messageId: 'wrapInBasename',
              data: { segment: 'req.query.name', pathName: 'path' },
              output: `const fs = require('fs');
const express = require('express');
const path = require('node:path');
const app = express();
app.get('/f', (req, res) => {
  const file = \`\${__dirname}/files/\${path.basename(req.query.name)}\`;
  fs.createReadStream(file).pipe(res);
});
`,
            },
          ],
        },
      ],
    },
    // No suggestion: the value is a directory (text with `/` after it), it is not after a `/`,
    // a second value follows it, or `path` names something else where it would be used.
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  fs.readFileSync(\`sites/\${req.query.site}/index.html\`);
  fs.readFileSync('avatar-' + req.query.user);
  fs.readFileSync(\`files/\${req.query.dir}\${req.query.ext}\`);
});
app.get('/g', (req, res, path) => {
  fs.readFileSync('files/' + req.query.name);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 19, endLine: 5, endColumn: 55, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.site' }, suggestions: [] },
        { messageId: 'requestPath', line: 6, column: 19, endLine: 6, endColumn: 45, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.user' }, suggestions: [] },
        { messageId: 'requestPath', line: 7, column: 19, endLine: 7, endColumn: 59, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.dir' }, suggestions: [] },
        { messageId: 'requestPath', line: 10, column: 19, endLine: 10, endColumn: 44, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.name' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import path from 'path';
import express from 'express';
const app = express();
app.get('/f/:name', (req, res) => {
  fs.readFile(path.join(__dirname, 'uploads', req.params.name), (err, data) => res.send(data));
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 6, column: 15, endLine: 6, endColumn: 63, data: { sink: 'fs.readFile', via: '', source: 'req.params.name', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.params.name', pathName: 'path' }, output: `import fs from 'fs';
import path from 'path';
import express from 'express';
const app = express();
app.get('/f/:name', (req, res) => {
  fs.readFile(path.join(__dirname, 'uploads', path.basename(req.params.name)), (err, data) => res.send(data));
});
` }] },
      ],
    },
    {
      code: `import * as fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  const data = fs.readFileSync(req.query.file);
  res.send(data);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 32, endLine: 5, endColumn: 46, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.file' }, suggestions: [] },
      ],
    },
    {
      code: `import { readFile as rf } from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
const app = express();
app.get('/f/:name', async (req, res) => {
  const p = path.join(UPLOADS, req.params.name);
  res.send(await rf(p));
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 7, column: 21, endLine: 7, endColumn: 22, data: { sink: 'rf', via: '', source: 'req.params.name', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.params.name', pathName: 'path' }, output: `import { readFile as rf } from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
const app = express();
app.get('/f/:name', async (req, res) => {
  const p = path.join(UPLOADS, path.basename(req.params.name));
  res.send(await rf(p));
});
` }] },
      ],
    },
    {
      code: `const fs = require('fs');
const express = require('express');
const app = express();
app.post('/f', (req, res) => {
  fs.writeFileSync('/tmp/' + req.body.name, req.body.content);
  fs.promises.unlink(\`/tmp/\${req.body.old}\`);
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPath', line: 5, column: 20, endLine: 5, endColumn: 43, data: { sink: 'fs.writeFileSync', via: '', source: 'req.body.name' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.body.name', pathName: 'path' }, output: `const fs = require('fs');
const express = require('express');
const path = require('node:path');
const app = express();
app.post('/f', (req, res) => {
  fs.writeFileSync('/tmp/' + path.basename(req.body.name), req.body.content);
  fs.promises.unlink(\`/tmp/\${req.body.old}\`);
});
` }] },
        { messageId: 'requestPath', line: 6, column: 22, endLine: 6, endColumn: 44, data: { sink: 'fs.promises.unlink', via: '', source: 'req.body.old' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.body.old', pathName: 'path' }, output: `const fs = require('fs');
const express = require('express');
const path = require('node:path');
const app = express();
app.post('/f', (req, res) => {
  fs.writeFileSync('/tmp/' + req.body.name, req.body.content);
  fs.promises.unlink(\`/tmp/\${path.basename(req.body.old)}\`);
});
` }] },
      ],
    },
    {
      code: `const { createReadStream } = require('node:fs');
const { rm: remove } = require('fs/promises');
const express = require('express');
const app = express();
app.get('/f', (req, res) => {
  createReadStream(req.query.f).pipe(res);
  remove(req.query.d, { recursive: true });
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPath', line: 6, column: 20, endLine: 6, endColumn: 31, data: { sink: 'createReadStream', via: '', source: 'req.query.f' }, suggestions: [] },
        { messageId: 'requestPath', line: 7, column: 10, endLine: 7, endColumn: 21, data: { sink: 'remove', via: '', source: 'req.query.d' }, suggestions: [] },
      ],
    },
    {
      code: `import fse from 'fs-extra';
import gfs from 'graceful-fs';
import fs from 'fs';
import express from 'express';
const app = express();
app.post('/m', (req, res) => {
  fs.rename(req.body.from, req.body.to, () => {});
  fse.copy('/safe/a', req.body.dest);
  gfs.mkdirSync(req.body.dir);
  fse.outputFile(req.body.out, 'x');
});
`,
      errors: [
        { messageId: 'requestPath', line: 7, column: 13, endLine: 7, endColumn: 26, data: { sink: 'fs.rename', via: '', source: 'req.body.from' }, suggestions: [] },
        { messageId: 'requestPath', line: 7, column: 28, endLine: 7, endColumn: 39, data: { sink: 'fs.rename', via: '', source: 'req.body.to' }, suggestions: [] },
        { messageId: 'requestPath', line: 8, column: 23, endLine: 8, endColumn: 36, data: { sink: 'fse.copy', via: '', source: 'req.body.dest' }, suggestions: [] },
        { messageId: 'requestPath', line: 9, column: 17, endLine: 9, endColumn: 29, data: { sink: 'gfs.mkdirSync', via: '', source: 'req.body.dir' }, suggestions: [] },
        { messageId: 'requestPath', line: 10, column: 18, endLine: 10, endColumn: 30, data: { sink: 'fse.outputFile', via: '', source: 'req.body.out' }, suggestions: [] },
      ],
    },
    {
      code: `const fs = process.getBuiltinModule('fs');
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  fs.statSync(req.query.f);
  Bun.file(req.query.f);
  Deno.readTextFile(req.query.f);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 15, endLine: 5, endColumn: 26, data: { sink: 'fs.statSync', via: '', source: 'req.query.f' }, suggestions: [] },
        { messageId: 'requestPath', line: 6, column: 12, endLine: 6, endColumn: 23, data: { sink: 'Bun.file', via: '', source: 'req.query.f' }, suggestions: [] },
        { messageId: 'requestPath', line: 7, column: 21, endLine: 7, endColumn: 32, data: { sink: 'Deno.readTextFile', via: '', source: 'req.query.f' }, suggestions: [] },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
app.get('/d/:name', (req, res) => {
  res.sendFile(req.params.name);
  res.download(\`files/\${req.params.name}\`, 'report.pdf');
  res.sendFile(req.params.name, { root: 'public' });
  res.download(req.params.name, 'x.pdf', { root: '/srv/files' });
});
`,
      errors: [
        { messageId: 'requestPath', line: 4, column: 16, endLine: 4, endColumn: 31, data: { sink: 'res.sendFile', via: '', source: 'req.params.name' }, suggestions: [] },
        { messageId: 'requestPath', line: 5, column: 16, endLine: 5, endColumn: 42, data: { sink: 'res.download', via: '', source: 'req.params.name' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.params.name', pathName: 'path' }, output: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/d/:name', (req, res) => {
  res.sendFile(req.params.name);
  res.download(\`files/\${path.basename(req.params.name)}\`, 'report.pdf');
  res.sendFile(req.params.name, { root: 'public' });
  res.download(req.params.name, 'x.pdf', { root: '/srv/files' });
});
` }] },
      ],
    },
    {
      code: `import send from 'send';
import koaSend from 'koa-send';
import Router from '@koa/router';
import express from 'express';
const app = express();
const router = new Router();
app.get('/s', (req, res) => {
  send(req, req.query.p).pipe(res);
  send(req, req.query.p, { root: '/srv' }).pipe(res);
});
router.get('/k', async (ctx) => {
  await koaSend(ctx, ctx.path);
  await koaSend(ctx, ctx.path, { root: __dirname + '/public' });
});
`,
      errors: [
        { messageId: 'requestPath', line: 8, column: 13, endLine: 8, endColumn: 24, data: { sink: 'send', via: '', source: 'req.query.p' }, suggestions: [] },
        { messageId: 'requestPath', line: 12, column: 22, endLine: 12, endColumn: 30, data: { sink: 'koaSend', via: '', source: 'ctx.path' }, suggestions: [] },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
app.get('/plugin', async (req, res) => {
  const plugin = require(\`./plugins/\${req.query.name}\`);
  const mod = await import(req.query.mod);
  require('./static');
});
`,
      errors: [
        { messageId: 'requestModule', line: 4, column: 26, endLine: 4, endColumn: 55, data: { sink: 'require', via: '', source: 'req.query.name' }, suggestions: [] },
        { messageId: 'requestModule', line: 5, column: 28, endLine: 5, endColumn: 41, data: { sink: 'import()', via: '', source: 'req.query.mod' }, suggestions: [] },
      ],
    },
    {
      code: `import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f/:name', (req, res) => {
  fs.readFile(path.join(ROOT, req.params.name), () => {});
  fs.readFile(path.resolve(ROOT, 'sub', req.query.f), () => {});
  fs.readFile(path.join(ROOT, req.query.a, req.query.b), () => {});
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 6, column: 15, endLine: 6, endColumn: 47, data: { sink: 'fs.readFile', via: '', source: 'req.params.name', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.params.name', pathName: 'path' }, output: `import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f/:name', (req, res) => {
  fs.readFile(path.join(ROOT, path.basename(req.params.name)), () => {});
  fs.readFile(path.resolve(ROOT, 'sub', req.query.f), () => {});
  fs.readFile(path.join(ROOT, req.query.a, req.query.b), () => {});
});
` }] },
        { messageId: 'requestPathFalseConfidence', line: 7, column: 15, endLine: 7, endColumn: 53, data: { sink: 'fs.readFile', via: '', source: 'req.query.f', checks: 'path.resolve()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.query.f', pathName: 'path' }, output: `import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f/:name', (req, res) => {
  fs.readFile(path.join(ROOT, req.params.name), () => {});
  fs.readFile(path.resolve(ROOT, 'sub', path.basename(req.query.f)), () => {});
  fs.readFile(path.join(ROOT, req.query.a, req.query.b), () => {});
});
` }] },
        { messageId: 'requestPathFalseConfidence', line: 8, column: 15, endLine: 8, endColumn: 56, data: { sink: 'fs.readFile', via: '', source: 'req.query.a', checks: 'path.join()' }, suggestions: [] },
      ],
    },
    {
      code: `import { join } from 'node:path';
import * as nodePath from 'path';
import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f/:name', (req, res) => {
  fs.readFile(join(ROOT, req.params.name), () => {});
  const target = nodePath.join(ROOT, req.params.name);
  fs.createReadStream(target).pipe(res);
  fs.readFile(nodePath.posix.join(ROOT, req.params.name), () => {});
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 7, column: 15, endLine: 7, endColumn: 42, data: { sink: 'fs.readFile', via: '', source: 'req.params.name', checks: 'path.join()' }, suggestions: [] },
        { messageId: 'requestPathFalseConfidence', line: 9, column: 23, endLine: 9, endColumn: 29, data: { sink: 'fs.createReadStream', via: '', source: 'req.params.name', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.params.name', pathName: 'nodePath' }, output: `import { join } from 'node:path';
import * as nodePath from 'path';
import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f/:name', (req, res) => {
  fs.readFile(join(ROOT, req.params.name), () => {});
  const target = nodePath.join(ROOT, nodePath.basename(req.params.name));
  fs.createReadStream(target).pipe(res);
  fs.readFile(nodePath.posix.join(ROOT, req.params.name), () => {});
});
` }] },
        { messageId: 'requestPathFalseConfidence', line: 10, column: 15, endLine: 10, endColumn: 57, data: { sink: 'fs.readFile', via: '', source: 'req.params.name', checks: 'path.join()' }, suggestions: [] },
      ],
    },
    {
      code: `import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  const safeName = path.normalize(req.query.f).replace(/^(\\.\\.[\\/\\\\])+/, '');
  fs.readFileSync(path.join(ROOT, safeName));
  const p = path.resolve(ROOT, req.query.g);
  if (!p.startsWith(ROOT)) return res.sendStatus(403);
  fs.readFileSync(p);
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 7, column: 19, endLine: 7, endColumn: 44, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.f', checks: 'path.normalize(), replace(/^(\\.\\.[\\/\\\\])+/, …), path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'safeName', pathName: 'path' }, output: `import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  const safeName = path.normalize(req.query.f).replace(/^(\\.\\.[\\/\\\\])+/, '');
  fs.readFileSync(path.join(ROOT, path.basename(safeName)));
  const p = path.resolve(ROOT, req.query.g);
  if (!p.startsWith(ROOT)) return res.sendStatus(403);
  fs.readFileSync(p);
});
` }] },
        { messageId: 'requestPathFalseConfidence', line: 10, column: 19, endLine: 10, endColumn: 20, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.g', checks: 'path.resolve(), startsWith() without a trailing separator' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.query.g', pathName: 'path' }, output: `import path from 'node:path';
import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  const safeName = path.normalize(req.query.f).replace(/^(\\.\\.[\\/\\\\])+/, '');
  fs.readFileSync(path.join(ROOT, safeName));
  const p = path.resolve(ROOT, path.basename(req.query.g));
  if (!p.startsWith(ROOT)) return res.sendStatus(403);
  fs.readFileSync(p);
});
` }] },
      ],
    },
    {
      code: `import fs from 'node:fs/promises';
import path from 'node:path';
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const data = await fs.readFile(path.join(process.cwd(), 'content', file), 'utf8');
  return new Response(data);
}
`,
      filename: 'app/api/content/[file]/route.ts',
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 5, column: 34, endLine: 5, endColumn: 75, data: { sink: 'fs.readFile', via: '', source: 'params.file', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'file', pathName: 'path' }, output: `import fs from 'node:fs/promises';
import path from 'node:path';
export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const data = await fs.readFile(path.join(process.cwd(), 'content', path.basename(file)), 'utf8');
  return new Response(data);
}
` }] },
      ],
    },
    {
      code: `'use server';
import { writeFile } from 'fs/promises';
export async function saveAvatar(formData: FormData) {
  const file = formData.get('file') as File;
  await writeFile(\`./public/avatars/\${file.name}\`, Buffer.from(await file.arrayBuffer()));
}
`,
      filename: 'app/actions.ts',
      errors: [
        { messageId: 'requestPath', line: 5, column: 19, endLine: 5, endColumn: 50, data: { sink: 'writeFile', via: '', source: 'formData (Server Action argument)' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'file.name', pathName: 'path' }, output: `'use server';
import { writeFile } from 'fs/promises';
import path from 'node:path';
export async function saveAvatar(formData: FormData) {
  const file = formData.get('file') as File;
  await writeFile(\`./public/avatars/\${path.basename(file.name)}\`, Buffer.from(await file.arrayBuffer()));
}
` }] },
      ],
    },
    {
      code: `import fs from 'node:fs';
import { Controller, Get, Param } from '@nestjs/common';
@Controller('files')
export class FilesController {
  @Get(':name')
  read(@Param('name') name: string) {
    return fs.readFileSync(\`uploads/\${name}\`);
  }
}
`,
      errors: [
        { messageId: 'requestPath', line: 7, column: 28, endLine: 7, endColumn: 45, data: { sink: 'fs.readFileSync', via: '', source: '@Param(\'name\')' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'name', pathName: 'path' }, output: `import fs from 'node:fs';
import { Controller, Get, Param } from '@nestjs/common';
import path from 'node:path';
@Controller('files')
export class FilesController {
  @Get(':name')
  read(@Param('name') name: string) {
    return fs.readFileSync(\`uploads/\${path.basename(name)}\`);
  }
}
` }] },
      ],
    },
    {
      code: `import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import Fastify from 'fastify';
const app = new Hono();
app.get('/f/:n', async (c) => c.text(await readFile(c.req.param('n'), 'utf8')));
const f = Fastify();
f.get('/f', async (request) => readFile(request.query.file));
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 53, endLine: 5, endColumn: 69, data: { sink: 'readFile', via: '', source: 'c.req.param(\'n\')' }, suggestions: [] },
        { messageId: 'requestPath', line: 7, column: 41, endLine: 7, endColumn: 59, data: { sink: 'readFile', via: '', source: 'request.query.file' }, suggestions: [] },
      ],
    },
    {
      code: `import { readFile } from 'node:fs/promises';
import { defineEventHandler, getQuery } from 'h3';
export default defineEventHandler(async (event) => {
  const { file } = getQuery(event);
  return readFile(\`data/\${file}\`);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 19, endLine: 5, endColumn: 33, data: { sink: 'readFile', via: '', source: 'getQuery(event).file' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'file', pathName: 'path' }, output: `import { readFile } from 'node:fs/promises';
import { defineEventHandler, getQuery } from 'h3';
import path from 'node:path';
export default defineEventHandler(async (event) => {
  const { file } = getQuery(event);
  return readFile(\`data/\${path.basename(file)}\`);
});
` }] },
      ],
    },
    {
      code: `import fs from 'node:fs';
export default function handler(req, res) {
  fs.createReadStream(req.query.path).pipe(res);
}
`,
      filename: 'pages/api/file.js',
      errors: [
        { messageId: 'requestPath', line: 3, column: 23, endLine: 3, endColumn: 37, data: { sink: 'fs.createReadStream', via: '', source: 'req.query.path' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
const app = express();
app.get('/f/:name', (req, res) => {
  serve(res, req.params.name);
});
function serve(res, name) {
  const p = resolveUpload(name);
  fs.createReadStream(p).pipe(res);
}
function resolveUpload(n) {
  return path.join(UPLOADS, n);
}
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 10, column: 23, endLine: 10, endColumn: 24, data: { sink: 'fs.createReadStream', via: '', source: 'req.params.name', checks: 'path.join()' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'node:fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  fs.readFileSync(getPath(req.user));
  fs.readFileSync(config.dir + '/x');
  fs.readFileSync('static.txt');
});
fs.readFileSync(getPath());
`,
      options: [{"reportUnknownPaths":true}],
      errors: [
        { messageId: 'unverifiedPath', line: 5, column: 19, endLine: 5, endColumn: 36, data: { sink: 'fs.readFileSync', via: '' }, suggestions: [] },
        { messageId: 'unverifiedPath', line: 6, column: 19, endLine: 6, endColumn: 36, data: { sink: 'fs.readFileSync', via: '' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'node:fs';
import { clean } from './clean';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  fs.readFileSync(clean(req.query.f));
  fs.readFileSync(tenantFile());
});
`,
      options: [{"sanitizers":["./clean#clean"],"sources":["tenantFile"]}],
      errors: [
        { messageId: 'requestPath', line: 7, column: 19, endLine: 7, endColumn: 31, data: { sink: 'fs.readFileSync', via: '', source: 'tenantFile()' }, suggestions: [] },
      ],
    },
    {
      code: `import storage from './storage';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  storage.read(req.query.f);
  readBlob(req.query.f);
});
`,
      settings: {"agent-guard":{"fs":{"sinks":["./storage#default.read","readBlob"]}}},
      errors: [
        { messageId: 'requestPath', line: 5, column: 16, endLine: 5, endColumn: 27, data: { sink: 'storage.read', via: '', source: 'req.query.f' }, suggestions: [] },
        { messageId: 'requestPath', line: 6, column: 12, endLine: 6, endColumn: 23, data: { sink: 'readBlob', via: '', source: 'req.query.f' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.appendFile(req.body.log, 'x', () => {});
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 17, endLine: 5, endColumn: 29, data: { sink: 'fs.appendFile', via: '', source: 'req.body.log' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.open(req.body.p, 'r', () => {});
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 11, endLine: 5, endColumn: 21, data: { sink: 'fs.open', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.mkdirSync(req.body.dir, { recursive: true });
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 16, endLine: 5, endColumn: 28, data: { sink: 'fs.mkdirSync', via: '', source: 'req.body.dir' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.readdir(req.query.dir, () => {});
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 14, endLine: 5, endColumn: 27, data: { sink: 'fs.readdir', via: '', source: 'req.query.dir' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.accessSync(req.query.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 17, endLine: 5, endColumn: 28, data: { sink: 'fs.accessSync', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.existsSync(req.query.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 17, endLine: 5, endColumn: 28, data: { sink: 'fs.existsSync', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.chmodSync(req.body.p, 0o777);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 16, endLine: 5, endColumn: 26, data: { sink: 'fs.chmodSync', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.chown(req.body.p, 0, 0, () => {});
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 12, endLine: 5, endColumn: 22, data: { sink: 'fs.chown', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.truncateSync(req.body.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 19, endLine: 5, endColumn: 29, data: { sink: 'fs.truncateSync', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.utimesSync(req.body.p, 1, 1);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 17, endLine: 5, endColumn: 27, data: { sink: 'fs.utimesSync', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.watch(req.body.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 12, endLine: 5, endColumn: 22, data: { sink: 'fs.watch', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.lstatSync(req.body.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 16, endLine: 5, endColumn: 26, data: { sink: 'fs.lstatSync', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.rmdirSync(req.body.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 16, endLine: 5, endColumn: 26, data: { sink: 'fs.rmdirSync', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.rmSync(req.body.p, { recursive: true, force: true });
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 13, endLine: 5, endColumn: 23, data: { sink: 'fs.rmSync', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.createWriteStream(req.body.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 24, endLine: 5, endColumn: 34, data: { sink: 'fs.createWriteStream', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.copyFileSync('/srv/template.txt', req.body.dest);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 40, endLine: 5, endColumn: 53, data: { sink: 'fs.copyFileSync', via: '', source: 'req.body.dest' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.cpSync(req.body.src, '/srv/backup', { recursive: true });
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 13, endLine: 5, endColumn: 25, data: { sink: 'fs.cpSync', via: '', source: 'req.body.src' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.symlinkSync(req.body.target, 'link');
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 18, endLine: 5, endColumn: 33, data: { sink: 'fs.symlinkSync', via: '', source: 'req.body.target' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fs.linkSync('/srv/a', req.body.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 25, endLine: 5, endColumn: 35, data: { sink: 'fs.linkSync', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  await fs.promises.readFile(req.query.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 30, endLine: 5, endColumn: 41, data: { sink: 'fs.promises.readFile', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `import { promises as fsp } from 'fs';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  await fsp.writeFile(req.query.p, 'x');
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 23, endLine: 5, endColumn: 34, data: { sink: 'fsp.writeFile', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fsp from 'node:fs/promises';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  await fsp.stat(req.query.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 18, endLine: 5, endColumn: 29, data: { sink: 'fsp.stat', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `import * as fsp from 'fs/promises';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  await fsp.readdir(req.query.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 21, endLine: 5, endColumn: 32, data: { sink: 'fsp.readdir', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `import { mkdir } from 'node:fs/promises';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  await mkdir(req.query.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 15, endLine: 5, endColumn: 26, data: { sink: 'mkdir', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fse from 'fs-extra';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  await fse.readJson(req.query.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 22, endLine: 5, endColumn: 33, data: { sink: 'fse.readJson', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fse from 'fs-extra';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  fse.removeSync(req.query.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 18, endLine: 5, endColumn: 29, data: { sink: 'fse.removeSync', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `import { move } from 'fs-extra';
import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  await move(req.body.a, '/srv/b');
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 14, endLine: 5, endColumn: 24, data: { sink: 'move', via: '', source: 'req.body.a' }, suggestions: [] },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  Bun.write(req.body.p, 'x');
});
`,
      errors: [
        { messageId: 'requestPath', line: 4, column: 13, endLine: 4, endColumn: 23, data: { sink: 'Bun.write', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  Deno.removeSync(req.body.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 4, column: 19, endLine: 4, endColumn: 29, data: { sink: 'Deno.removeSync', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `import express from 'express';
const app = express();
app.post('/f', async (req, res) => {
  globalThis.Deno.readFile(req.body.p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 4, column: 28, endLine: 4, endColumn: 38, data: { sink: 'globalThis.Deno.readFile', via: '', source: 'req.body.p' }, suggestions: [] },
      ],
    },
    {
      code: `const fs = require('node:fs').promises;
const app = require('express')();
app.get('/f', async (req, res) => {
  await fs.readFile(req.query.p);
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPath', line: 4, column: 21, endLine: 4, endColumn: 32, data: { sink: 'fs.readFile', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `const { readFileSync: read } = require('graceful-fs');
const express = require('express');
const router = express.Router();
router.get('/f', function (req, res) {
  read(req.query.p);
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPath', line: 5, column: 8, endLine: 5, endColumn: 19, data: { sink: 'read', via: '', source: 'req.query.p' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
export default function register(app) {
  app.get('/f/:id', (req, res) => {
    fs.readFileSync(\`./data/\${req.params.id}.json\`);
  });
}
`,
      errors: [
        { messageId: 'requestPath', line: 4, column: 21, endLine: 4, endColumn: 51, data: { sink: 'fs.readFileSync', via: '', source: 'req.params.id' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.params.id', pathName: 'path' }, output: `import fs from 'fs';
import path from 'node:path';
export default function register(app) {
  app.get('/f/:id', (req, res) => {
    fs.readFileSync(\`./data/\${path.basename(req.params.id)}.json\`);
  });
}
` }] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  const { file = 'index.html' } = req.query;
  let p = 'public/';
  p += file;
  fs.readFileSync(p);
});
`,
      errors: [
        { messageId: 'requestPath', line: 8, column: 19, endLine: 8, endColumn: 20, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.file' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.post('/f', (req, res) => {
  for (const f of req.body.files) {
    fs.unlinkSync(f.path);
  }
  req.body.names.map((n) => fs.readFileSync(n));
});
`,
      errors: [
        { messageId: 'requestPath', line: 6, column: 19, endLine: 6, endColumn: 25, data: { sink: 'fs.unlinkSync', via: '', source: 'req.body.files[…].path' }, suggestions: [] },
        { messageId: 'requestPath', line: 8, column: 45, endLine: 8, endColumn: 46, data: { sink: 'fs.readFileSync', via: '', source: 'req.body.names[…]' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  const name = req.query.name;
  if (name.includes('..')) {
    return res.status(400).send('bad');
  }
  fs.readFileSync('files/' + name.replace('../', ''));
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 9, column: 19, endLine: 9, endColumn: 53, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.name', checks: 'includes(\'..\') check, replace(\'../\', …)' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'name.replace(\'../\', \'\')', pathName: 'path' }, output: `import fs from 'fs';
import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f', (req, res) => {
  const name = req.query.name;
  if (name.includes('..')) {
    return res.status(400).send('bad');
  }
  fs.readFileSync('files/' + path.basename(name.replace('../', '')));
});
` }] },
      ],
    },
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  fs.readFileSync(decodeURIComponent(req.path.slice(1)));
  fs.readFileSync(new URL(req.url, 'http://x').searchParams.get('f'));
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 19, endLine: 5, endColumn: 56, data: { sink: 'fs.readFileSync', via: '', source: 'req.path' }, suggestions: [] },
        { messageId: 'requestPath', line: 6, column: 19, endLine: 6, endColumn: 69, data: { sink: 'fs.readFileSync', via: '', source: 'req.url' }, suggestions: [] },
      ],
    },
    {
      code: `import fs from 'fs';
import { z } from 'zod';
import express from 'express';
const app = express();
const Body = z.object({ path: z.string().min(1) });
app.post('/f', (req, res) => {
  const { path } = Body.parse(req.body);
  fs.writeFileSync(path, 'x');
});
`,
      errors: [
        { messageId: 'requestPath', line: 8, column: 20, endLine: 8, endColumn: 24, data: { sink: 'fs.writeFileSync', via: '', source: 'req.body.path' }, suggestions: [] },
      ],
    },
    {
      code: `import fs = require('fs');
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  fs.unlinkSync(req.query.f as string);
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 17, endLine: 5, endColumn: 38, data: { sink: 'fs.unlinkSync', via: '', source: 'req.query.f' }, suggestions: [] },
      ],
    },
  ],
});

// The same rule under ESLint's default parser: plain JavaScript must behave identically.
const espreeTester = new RuleTester({ languageOptions: { parser: espree, sourceType: 'module' } });

espreeTester.run('no-unsanitized-fs-path (espree)', rule, {
  valid: [
    `import fs from 'fs';
import express from 'express';
const app = express();
app.get('/', (req, res) => fs.readFile('index.html', () => {}));
`,
  ],
  invalid: [
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.get('/f/:name', (req, res) => {
  fs.readFile('uploads/' + req.params.name, () => {});
});
`,
      errors: [
        { messageId: 'requestPath', line: 5, column: 15, endLine: 5, endColumn: 43, data: { sink: 'fs.readFile', via: '', source: 'req.params.name' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.params.name', pathName: 'path' }, output: `import fs from 'fs';
import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  fs.readFile('uploads/' + path.basename(req.params.name), () => {});
});
` }] },
      ],
    },
  ],
});

describe('no-unsanitized-fs-path options schema', () => {
  function lint(options: unknown): Linter.LintMessage[] {
    const linter = new Linter();
    return linter.verify('x', [{ plugins: { g: { rules: { r: rule as never } } }, rules: { 'g/r': ['error', options] as never } }]);
  }

  it('accepts valid options', () => {
    expect(lint({ sources: ['a#b'], sanitizers: ['clean'], reportUnknownPaths: true })).toEqual([]);
  });

  it.each([{ reportUnknownPaths: 'yes' }, { sources: 'a' }, { sanitizers: [''] }, { unknownOption: true }])('rejects %j', (options) => {
    expect(() => lint(options)).toThrow(/Key "g\/r"/u);
  });
});
