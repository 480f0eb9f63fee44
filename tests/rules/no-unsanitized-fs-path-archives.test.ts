import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/no-unsanitized-fs-path';
import { createRuleTester } from '../rule-tester';

/*
 * Zip Slip (CWE-22): the entry names of an archive the client sent (an upload's bytes or stored
 * file, the request body or stream) joined to a folder. adm-zip, JSZip, unzipper, yauzl and
 * node-stream-zip; entries reached through lists, maps, pairs, iteration and listeners.
 */
const ruleTester = createRuleTester();

/** `code` with the first `segment` from `column` of line `line` (both 1-based) wrapped in `path.basename()`: the output of the rule's suggestion. */
function basenameAt(code: string, line: number, segment: string, column = 1): string {
  const lines = code.split('\n');
  const at = lines[line - 1]!.indexOf(segment, column - 1);
  if (at === -1) {
    throw new Error(`${segment} is not on line ${line}`);
  }
  lines[line - 1] = `${lines[line - 1]!.slice(0, at)}path.basename(${segment})${lines[line - 1]!.slice(at + segment.length)}`;
  return lines.join('\n');
}

const JOIN = '; path.join() does not stop `../` traversal';

const routes = fileURLToPath(new URL('../fixtures/cross-file/fs/routes.js', import.meta.url));

const ADM_ZIP = `const express = require('express');
const multer = require('multer');
const AdmZip = require('adm-zip');
const fs = require('fs');
const path = require('path');
const upload = multer({ storage: multer.memoryStorage() });
const app = express();
app.post('/themes', upload.single('theme'), (req, res) => {
  const zip = new AdmZip(req.file.buffer);
  zip.getEntries().forEach((entry) => {
    fs.writeFileSync(path.join(__dirname, 'themes', entry.entryName), entry.getData());
  });
  res.sendStatus(201);
});
`;

const JSZIP = `import express from 'express';
import multer from 'multer';
import JSZip from 'jszip';
import fs from 'node:fs/promises';
import path from 'node:path';
const OUT = path.resolve('out');
const upload = multer({ storage: multer.memoryStorage() });
const app = express();
app.post('/a', upload.single('file'), async (req, res) => {
  const zip = await JSZip.loadAsync(req.file!.buffer);
  for (const name of Object.keys(zip.files)) {
    await fs.writeFile(path.join(OUT, name), await zip.files[name].async('nodebuffer'));
  }
  for (const name in zip.files) {
    await fs.mkdir(OUT + '/' + name, { recursive: true });
  }
  for (const [name, file] of Object.entries(zip.files)) {
    const target = path.resolve(OUT, name);
    if (!target.startsWith(OUT)) continue;
    await fs.writeFile(target, await file.async('nodebuffer'));
  }
  zip.forEach((relativePath) => fs.rm(\`\${OUT}/\${relativePath}\`));
  res.sendStatus(204);
});
`;

const UNZIPPER = `import express from 'express';
import unzipper from 'unzipper';
import fs from 'node:fs';
import path from 'node:path';
const app = express();
app.post('/stream', (req, res) => {
  req.pipe(unzipper.Parse()).on('entry', (entry) => {
    entry.pipe(fs.createWriteStream(path.join('/data', entry.path)));
  });
});
app.post('/iterate', async (req, res) => {
  for await (const entry of req.pipe(unzipper.Parse())) {
    entry.pipe(fs.createWriteStream('/data/' + entry.path));
  }
  res.end();
});
app.post('/raw', express.raw({ type: 'application/zip' }), async (req, res) => {
  const directory = await unzipper.Open.buffer(req.body);
  for (const file of directory.files) {
    fs.writeFileSync(path.join('/data', file.path), await file.buffer());
  }
  res.end();
});
`;

const FASTIFY = `import Fastify from 'fastify';
import multipart from '@fastify/multipart';
import yauzl from 'yauzl';
import AdmZip from 'adm-zip';
import fs from 'node:fs';
import path from 'node:path';
const app = Fastify();
app.register(multipart);
app.post('/y', async (request, reply) => {
  const part = await request.file();
  const bytes = await part.toBuffer();
  yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zipfile) => {
    zipfile.readEntry();
    zipfile.on('entry', (entry) => {
      fs.mkdirSync(path.join('/srv/y', entry.fileName), { recursive: true });
      zipfile.readEntry();
    });
  });
  for (const entry of new AdmZip(bytes).getEntries()) {
    fs.writeFileSync(\`/srv/z/\${entry.entryName}\`, entry.getData());
  }
  return { ok: true };
});
`;

const STREAM_ZIP = `const express = require('express');
const multer = require('multer');
const StreamZip = require('node-stream-zip');
const fs = require('fs');
const upload = multer({ dest: 'tmp/' });
const app = express();
app.post('/plugins', upload.single('plugin'), async (req, res) => {
  const zip = new StreamZip.async({ file: req.file.path });
  for (const entry of Object.values(await zip.entries())) {
    fs.chmodSync('plugins/' + entry.name, 0o644);
  }
  await zip.close();
  res.sendStatus(201);
});
`;

const CONTROLLER = `import fs from 'node:fs';
import unzipper from 'unzipper';
import { type Request, type Response } from 'express';
async function extract(buffer: Buffer) {
  const directory = await unzipper.Open.buffer(buffer);
  for (const entry of directory.files) {
    const fileName = entry.path;
    await new Promise((done) => entry.stream().pipe(fs.createWriteStream('uploads/complaints/' + fileName)).on('finish', done));
  }
}
export async function handleZipUpload({ file }: Request, res: Response) {
  await extract(file!.buffer);
  res.status(204).end();
}
`;

ruleTester.run('no-unsanitized-fs-path (archives)', rule, {
  valid: [
    // Extraction calls that check entry names themselves; entry data and adm-zip's last-segment `name`.
    `import express from 'express';
import multer from 'multer';
import AdmZip from 'adm-zip';
import fs from 'node:fs';
import path from 'node:path';
const upload = multer({ storage: multer.memoryStorage() });
const app = express();
app.post('/import', upload.single('archive'), (req, res) => {
  const zip = new AdmZip(req.file.buffer);
  zip.extractAllTo('/srv/imports', true);
  for (const entry of zip.getEntries()) {
    fs.writeFileSync(path.join('/srv/flat', path.basename(entry.entryName)), entry.getData());
    fs.writeFileSync(path.join('/srv/names', entry.name), entry.getData());
  }
  res.sendStatus(204);
});
`,
    // A containment check that holds: resolved under the folder, then compared with the folder plus a separator.
    `const express = require('express');
const multer = require('multer');
const JSZip = require('jszip');
const fs = require('fs/promises');
const path = require('path');
const ROOT = path.resolve('uploads/extracted');
const upload = multer({ storage: multer.memoryStorage() });
const app = express();
app.post('/unzip', upload.single('file'), async (req, res) => {
  const zip = await JSZip.loadAsync(req.file.buffer);
  for (const [name, file] of Object.entries(zip.files)) {
    const target = path.resolve(ROOT, name);
    if (!target.startsWith(ROOT + path.sep)) {
      return res.status(400).json({ error: 'bad entry' });
    }
    await fs.writeFile(target, await file.async('nodebuffer'));
  }
  res.json({ ok: true });
});
`,
    // The archive is the server's own file, not the client's; the entries' data alone is read.
    `import express from 'express';
import AdmZip from 'adm-zip';
import fs from 'node:fs';
import path from 'node:path';
const app = express();
app.get('/templates/:id', (req, res) => {
  const zip = new AdmZip(path.join(process.cwd(), 'templates.zip'));
  for (const entry of zip.getEntries()) {
    fs.writeFileSync(path.join('/tmp/templates', entry.entryName), entry.getData());
  }
  const manifest = new AdmZip(req.file.buffer).getEntries().map((entry) => entry.getData().toString());
  res.json({ id: req.params.id, manifest });
});
`,
    // A name with no "/" is one segment, like what path.basename() leaves (destructured express request).
    {
      code: `import path from 'node:path';
import { type Request, type Response, type NextFunction } from 'express';
export function serveKeys() {
  return ({ params }: Request, res: Response, next: NextFunction) => {
    const file = params.file;
    if (!file.includes('/')) {
      res.sendFile(path.resolve('keys/', file));
    } else {
      next(new Error('no slashes'));
    }
  };
}
`,
      filename: 'keys.ts',
    },
    // \`Request\` not from express (the fetch API's): no handler, nothing read as request input.
    {
      code: `import fs from 'node:fs';
export function cacheFile({ url }: Request, dir: string) {
  return fs.readFileSync(dir + url);
}
`,
      filename: 'cache.ts',
    },
    // A helper of another file that keeps each entry inside its folder.
    {
      filename: routes,
      code: `import express from 'express';
import multer from 'multer';
import { unzipChecked } from './lib/unzip.js';
const app = express();
app.post('/bundle', multer().single('bundle'), (req, res) => {
  unzipChecked(req.file.buffer, 'bundles');
  res.sendStatus(201);
});
`,
    },
  ],
  invalid: [
    // adm-zip over multer's memory storage (CommonJS).
    {
      code: ADM_ZIP,
      errors: [
        {
          messageId: 'archiveEntryPath',
          line: 11,
          column: 22,
          endLine: 11,
          endColumn: 69,
          data: { sink: 'fs.writeFileSync', via: '', source: ' (`entry.entryName`)', archive: 'req.file.buffer', checks: JOIN },
          suggestions: [{ messageId: 'wrapInBasename', output: basenameAt(ADM_ZIP, 11, 'entry.entryName') }],
        },
      ],
    },
    // JSZip: names from Object.keys, a for…in, Object.entries pairs and forEach; a prefix check without a separator.
    {
      code: JSZIP,
      errors: [
        {
          messageId: 'archiveEntryPath',
          line: 12,
          column: 24,
          endLine: 12,
          endColumn: 44,
          data: { sink: 'fs.writeFile', via: '', source: ' (`Object.keys(zip.files)`)', archive: 'req.file.buffer', checks: JOIN },
          suggestions: [{ messageId: 'wrapInBasename', output: basenameAt(JSZIP, 12, 'name') }],
        },
        {
          messageId: 'archiveEntryPath',
          line: 15,
          column: 20,
          endLine: 15,
          endColumn: 36,
          data: { sink: 'fs.mkdir', via: '', source: ' (`name`)', archive: 'req.file.buffer', checks: '' },
          suggestions: [{ messageId: 'wrapInBasename', output: basenameAt(JSZIP, 15, 'name') }],
        },
        {
          messageId: 'archiveEntryPath',
          line: 20,
          column: 24,
          endLine: 20,
          endColumn: 30,
          data: { sink: 'fs.writeFile', via: '', source: ' (`name`)', archive: 'req.file.buffer', checks: '; path.resolve(), startsWith() without a trailing separator does not stop `../` traversal' },
          suggestions: [{ messageId: 'wrapInBasename', output: basenameAt(JSZIP, 18, 'name') }],
        },
        {
          messageId: 'archiveEntryPath',
          line: 22,
          column: 39,
          endLine: 22,
          endColumn: 63,
          data: { sink: 'fs.rm', via: '', source: ' (`relativePath`)', archive: 'req.file.buffer', checks: '' },
          suggestions: [{ messageId: 'wrapInBasename', output: basenameAt(JSZIP, 22, 'relativePath', 39) }],
        },
      ],
    },
    // unzipper: the request stream piped into a parser, an entry listener, an async iteration and Open.buffer of a raw body.
    {
      code: UNZIPPER,
      errors: [
        {
          messageId: 'archiveEntryPath',
          line: 8,
          column: 37,
          endLine: 8,
          endColumn: 67,
          data: { sink: 'fs.createWriteStream', via: '', source: ' (`entry.path`)', archive: 'req', checks: JOIN },
          suggestions: [{ messageId: 'wrapInBasename', output: basenameAt(UNZIPPER, 8, 'entry.path') }],
        },
        {
          messageId: 'archiveEntryPath',
          line: 13,
          column: 37,
          endLine: 13,
          endColumn: 58,
          data: { sink: 'fs.createWriteStream', via: '', source: ' (`entry.path`)', archive: 'req', checks: '' },
          suggestions: [{ messageId: 'wrapInBasename', output: basenameAt(UNZIPPER, 13, 'entry.path') }],
        },
        {
          messageId: 'archiveEntryPath',
          line: 20,
          column: 22,
          endLine: 20,
          endColumn: 51,
          data: { sink: 'fs.writeFileSync', via: '', source: ' (`file.path`)', archive: 'req.body', checks: JOIN },
          suggestions: [{ messageId: 'wrapInBasename', output: basenameAt(UNZIPPER, 20, 'file.path') }],
        },
      ],
    },
    // yauzl's callback API and adm-zip over @fastify/multipart's toBuffer().
    {
      code: FASTIFY,
      errors: [
        {
          messageId: 'archiveEntryPath',
          line: 15,
          column: 20,
          endLine: 15,
          endColumn: 55,
          data: { sink: 'fs.mkdirSync', via: '', source: ' (`entry.fileName`)', archive: 'request.file()', checks: JOIN },
          suggestions: [{ messageId: 'wrapInBasename', output: basenameAt(FASTIFY, 15, 'entry.fileName') }],
        },
        {
          messageId: 'archiveEntryPath',
          line: 20,
          column: 22,
          endLine: 20,
          endColumn: 49,
          data: { sink: 'fs.writeFileSync', via: '', source: ' (`entry.entryName`)', archive: 'request.file()', checks: '' },
          suggestions: [{ messageId: 'wrapInBasename', output: basenameAt(FASTIFY, 20, 'entry.entryName') }],
        },
      ],
    },
    // node-stream-zip over multer's stored file (its path is the server's; its bytes are the client's).
    {
      code: STREAM_ZIP,
      errors: [
        {
          messageId: 'archiveEntryPath',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 41,
          data: { sink: 'fs.chmodSync', via: '', source: ' (`entry.name`)', archive: 'req.file.path', checks: '' },
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: basenameAt(STREAM_ZIP, 10, 'entry.name').replace("const fs = require('fs');\n", "const fs = require('fs');\nconst path = require('node:path');\n"),
            },
          ],
        },
      ],
    },
    // An express controller typed with express's Request, destructured: a helper of this file unzips the upload.
    {
      code: CONTROLLER,
      filename: 'upload.ts',
      errors: [
        {
          messageId: 'archiveEntryPath',
          line: 8,
          column: 74,
          endLine: 8,
          endColumn: 106,
          data: { sink: 'fs.createWriteStream', via: '', source: ' (`entry.path`)', archive: 'file.buffer', checks: '' },
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: basenameAt(CONTROLLER, 8, 'fileName').replace("from 'express';\n", "from 'express';\nimport path from 'node:path';\n"),
            },
          ],
        },
      ],
    },
    // A name without "/" decoded after the check: `..%2F..%2Fetc` passes it.
    {
      code: `import path from 'node:path';
import { type Request, type Response } from 'express';
export const serveKey = ({ params }: Request, res: Response) => {
  if (!params.file.includes('/')) {
    res.sendFile(path.resolve('keys/', decodeURIComponent(params.file)));
  }
};
`,
      filename: 'keys.ts',
      errors: [
        {
          messageId: 'requestPathFalseConfidence',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 72,
          data: { sink: 'res.sendFile', via: '', source: 'params.file', checks: 'path.resolve()' },
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: `import path from 'node:path';
import { type Request, type Response } from 'express';
export const serveKey = ({ params }: Request, res: Response) => {
  if (!params.file.includes('/')) {
    res.sendFile(path.resolve('keys/', path.basename(decodeURIComponent(params.file))));
  }
};
`,
            },
          ],
        },
      ],
    },
    // A helper of another file that writes out the entries of the archive it is given.
    {
      filename: routes,
      code: `import express from 'express';
import multer from 'multer';
import { unzipUpload } from './lib/unzip.js';
const app = express();
app.post('/bundle', multer().single('bundle'), (req, res) => {
  unzipUpload(req.file.buffer, 'bundles');
  res.sendStatus(201);
});
`,
      errors: [
        {
          messageId: 'archiveEntryPath',
          line: 6,
          column: 15,
          endLine: 6,
          endColumn: 30,
          data: { sink: 'unzipUpload', via: ' (lib/unzip.js, which passes it to `fs.mkdirSync`)', source: '', archive: 'req.file.buffer', checks: '' },
        },
      ],
    },
  ],
});
