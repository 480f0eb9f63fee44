import rule from '../../src/rules/no-unsanitized-fs-path';
import { createRuleTester } from '../rule-tester';

/*
 * Values confined before they reach a path (forced into a constant set, narrowed by a check and a
 * reassignment, looked up in a constant table whose miss exits), express-fileupload's uploads, and
 * names assigned without a declaration.
 */
const ruleTester = createRuleTester();

ruleTester.run('no-unsanitized-fs-path (constant sets, express-fileupload)', rule, {
  valid: [
    // --- forced into a constant set ---
    // The extension is the client's only when it is one of the listed ones (a call in both places).
    `import express from 'express';
import fs from 'node:fs';
const app = express();
app.post('/avatar', (req, res) => {
  const link = String(req.body.link);
  const ext = ['png', 'jpg', 'gif'].includes(link.split('.').pop().toLowerCase()) ? link.split('.').pop().toLowerCase() : 'png';
  fs.createWriteStream(\`avatars/\${res.locals.userId}.\${ext}\`);
});`,
    // The same with an identifier, and with the list in a constant.
    `import express from 'express';
import fs from 'node:fs/promises';
import path from 'node:path';
const KINDS = ['draft', 'final'];
const app = express();
app.get('/report', async (req, res) => {
  const asked = req.query.kind;
  const kind = KINDS.includes(asked) ? asked : 'draft';
  res.send(await fs.readFile(path.join('reports', \`\${kind}.pdf\`)));
});`,
    // A reassigned variable narrowed by the check before it (the constant-value engine follows it).
    `import express from 'express';
import fs from 'node:fs';
const THEMES = ['light', 'dark'];
const app = express();
app.get('/theme.css', (req, res) => {
  let theme = req.query.theme;
  if (!THEMES.includes(theme)) theme = 'light';
  fs.createReadStream(\`themes/\${theme}.css\`).pipe(res);
});`,
    // --- confined by a lookup whose miss exits ---
    // A constant object: a hit proves the key is one of its keys.
    `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const GUIDES = { intro: 'Introduction', setup: 'Setting up' };
const app = express();
app.get('/guides/:slug', (req, res) => {
  const title = GUIDES[req.params.slug];
  if (!title) return res.sendStatus(404);
  fs.readFile(path.join('guides', req.params.slug + '.md'), 'utf8', (err, text) => res.send(text));
});`,
    // A Map of constants (also one built from a constant object), checked directly, the miss throwing.
    `import express from 'express';
import fs from 'node:fs';
const LICENSES = new Map([['mit', 'MIT'], ['apache', 'Apache-2.0']]);
const BADGES = new Map(Object.entries({ ok: 'green', ko: 'red' }));
const app = express();
app.get('/license/:id', (req, res) => {
  const id = req.params.id;
  const license = LICENSES.get(id);
  if (!license) {
    res.status(404).end();
    return;
  }
  res.send(fs.readFileSync('licenses/' + id + '.txt'));
});
app.get('/badge/:state', (req, res) => {
  if (!BADGES.get(req.params.state)) throw new Error('unknown badge');
  res.send(fs.readFileSync(\`badges/\${req.params.state}.svg\`));
});`,
    // --- express-fileupload (CommonJS; the middleware is installed elsewhere) ---
    // The server's temporary path, a name the server makes, and a file sent under a root.
    { code: `const express = require('express');
const fs = require('fs');
const crypto = require('crypto');
const app = express();
app.post('/import', (req, res) => {
  const sheet = req.files.sheet;
  const rows = fs.readFileSync(sheet.tempFilePath, 'utf8');
  sheet.mv('/srv/imports/' + crypto.randomUUID() + '.csv', () => res.send(rows));
});
app.get('/imports/:name', (req, res) => {
  res.sendFile(req.params.name, { root: '/srv/imports' });
});`, filename: 'file.js' },
    // With multer imported, \`req.files\` is multer's: its files have no \`mv\`.
    { code: `const express = require('express');
const multer = require('multer');
const upload = multer({ dest: 'uploads/' });
const app = express();
app.post('/photos', upload.array('photos'), (req, res) => {
  req.files[0].mv('/srv/photos/' + req.files[0].originalname);
});`, filename: 'file.js' },
  ],
  invalid: [
    {
      // The fallback of the constant set is request input itself.
      code: `import express from 'express';
import fs from 'node:fs/promises';
const KINDS = ['draft', 'final'];
const app = express();
app.get('/report', async (req, res) => {
  const kind = KINDS.includes(req.query.kind) ? req.query.kind : req.query.fallback;
  res.send(await fs.readFile(\`reports/\${kind}.pdf\`));
});`,
      errors: [{ messageId: 'requestPath', line: 7, column: 30, endLine: 7, endColumn: 51, data: { sink: 'fs.readFile', via: '', source: 'req.query.fallback' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'kind', pathName: 'path' }, output: `import express from 'express';
import fs from 'node:fs/promises';
import path from 'node:path';
const KINDS = ['draft', 'final'];
const app = express();
app.get('/report', async (req, res) => {
  const kind = KINDS.includes(req.query.kind) ? req.query.kind : req.query.fallback;
  res.send(await fs.readFile(\`reports/\${path.basename(kind)}.pdf\`));
});` }] }],
    },
    {
      // The check is undone by a later write.
      code: `import express from 'express';
import fs from 'node:fs';
const THEMES = ['light', 'dark'];
const app = express();
app.get('/theme.css', (req, res) => {
  let theme = req.query.theme;
  if (!THEMES.includes(theme)) theme = 'light';
  if (req.query.preview) theme = req.query.preview;
  fs.createReadStream(\`themes/\${theme}.css\`).pipe(res);
});`,
      errors: [{ messageId: 'requestPath', line: 9, column: 23, endLine: 9, endColumn: 44, data: { sink: 'fs.createReadStream', via: '', source: 'req.query.theme' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'theme', pathName: 'path' }, output: `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const THEMES = ['light', 'dark'];
const app = express();
app.get('/theme.css', (req, res) => {
  let theme = req.query.theme;
  if (!THEMES.includes(theme)) theme = 'light';
  if (req.query.preview) theme = req.query.preview;
  fs.createReadStream(\`themes/\${path.basename(theme)}.css\`).pipe(res);
});` }] }],
    },
    {
      // The miss answers 404 but does not leave the handler.
      code: `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const GUIDES = { intro: 'Introduction', setup: 'Setting up' };
const app = express();
app.get('/guides/:slug', (req, res) => {
  const title = GUIDES[req.params.slug];
  if (!title) res.status(404);
  fs.readFile(path.join('guides', req.params.slug), 'utf8', (err, text) => res.send(text));
});`,
      errors: [
        {
          messageId: 'requestPathFalseConfidence',
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 51,
          data: { sink: 'fs.readFile', via: '', source: 'req.params.slug', checks: 'path.join()' },
          suggestions: [
            {
              messageId: 'wrapInBasename',
              data: { segment: 'req.params.slug', pathName: 'path' },
              output: `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const GUIDES = { intro: 'Introduction', setup: 'Setting up' };
const app = express();
app.get('/guides/:slug', (req, res) => {
  const title = GUIDES[req.params.slug];
  if (!title) res.status(404);
  fs.readFile(path.join('guides', path.basename(req.params.slug)), 'utf8', (err, text) => res.send(text));
});`,
            },
          ],
        },
      ],
    },
    {
      // Tables the handlers write request keys into are no allow-lists.
      code: `import express from 'express';
import fs from 'node:fs';
const seen = {};
const cached = new Map([['a', 1]]);
const app = express();
app.post('/seen/:name', (req, res) => {
  seen[req.params.name] = true;
  cached.set(req.params.name, 2);
  res.end();
});
app.get('/seen/:name', (req, res) => {
  if (!seen[req.params.name]) return res.sendStatus(404);
  res.send(fs.readFileSync('cache/' + req.params.name));
});
app.get('/cached/:name', (req, res) => {
  if (!cached.get(req.params.name)) return res.sendStatus(404);
  res.send(fs.readFileSync('cache/' + req.params.name));
});`,
      errors: [
        { messageId: 'requestPath', line: 13, column: 28, endLine: 13, endColumn: 54, data: { sink: 'fs.readFileSync', via: '', source: 'req.params.name' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.params.name', pathName: 'path' }, output: `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const seen = {};
const cached = new Map([['a', 1]]);
const app = express();
app.post('/seen/:name', (req, res) => {
  seen[req.params.name] = true;
  cached.set(req.params.name, 2);
  res.end();
});
app.get('/seen/:name', (req, res) => {
  if (!seen[req.params.name]) return res.sendStatus(404);
  res.send(fs.readFileSync('cache/' + path.basename(req.params.name)));
});
app.get('/cached/:name', (req, res) => {
  if (!cached.get(req.params.name)) return res.sendStatus(404);
  res.send(fs.readFileSync('cache/' + req.params.name));
});` }] },
        { messageId: 'requestPath', line: 17, column: 28, endLine: 17, endColumn: 54, data: { sink: 'fs.readFileSync', via: '', source: 'req.params.name' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.params.name', pathName: 'path' }, output: `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const seen = {};
const cached = new Map([['a', 1]]);
const app = express();
app.post('/seen/:name', (req, res) => {
  seen[req.params.name] = true;
  cached.set(req.params.name, 2);
  res.end();
});
app.get('/seen/:name', (req, res) => {
  if (!seen[req.params.name]) return res.sendStatus(404);
  res.send(fs.readFileSync('cache/' + req.params.name));
});
app.get('/cached/:name', (req, res) => {
  if (!cached.get(req.params.name)) return res.sendStatus(404);
  res.send(fs.readFileSync('cache/' + path.basename(req.params.name)));
});` }] },
      ],
    },
    {
      // express-fileupload's mv() writes the upload under the client's file name.
      code: `const express = require('express');
const app = express();
app.post('/inbox', (req, res) => {
  req.files.doc.mv('/srv/inbox/' + req.files.doc.name, () => res.end());
});
app.post('/outbox', (req, res) => {
  let letter;
  letter = req.files.letter;
  letter.mv(\`/srv/outbox/\${letter.name}\`);
  res.end();
});`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPath', line: 4, column: 20, endLine: 4, endColumn: 54, data: { sink: 'req.files.doc.mv', via: '', source: 'req.files.doc.name' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.files.doc.name', pathName: 'path' }, output: `const express = require('express');
const path = require('node:path');
const app = express();
app.post('/inbox', (req, res) => {
  req.files.doc.mv('/srv/inbox/' + path.basename(req.files.doc.name), () => res.end());
});
app.post('/outbox', (req, res) => {
  let letter;
  letter = req.files.letter;
  letter.mv(\`/srv/outbox/\${letter.name}\`);
  res.end();
});` }] },
        { messageId: 'requestPath', line: 9, column: 13, endLine: 9, endColumn: 41, data: { sink: 'letter.mv', via: '', source: 'req.files.letter.name' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'letter.name', pathName: 'path' }, output: `const express = require('express');
const path = require('node:path');
const app = express();
app.post('/inbox', (req, res) => {
  req.files.doc.mv('/srv/inbox/' + req.files.doc.name, () => res.end());
});
app.post('/outbox', (req, res) => {
  let letter;
  letter = req.files.letter;
  letter.mv(\`/srv/outbox/\${path.basename(letter.name)}\`);
  res.end();
});` }] },
      ],
    },
    {
      // A name assigned without a declaration (sloppy CommonJS) holds what it is assigned.
      code: `const express = require('express');
const fs = require('fs');
const app = express();
app.get('/notes', (req, res) => {
  notePath = '/srv/notes/' + req.query.note;
  res.send(fs.readFileSync(notePath));
});`,
      filename: 'file.js',
      errors: [{ messageId: 'requestPath', line: 6, column: 28, endLine: 6, endColumn: 36, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.note' }, suggestions: null }],
    },
  ],
});
