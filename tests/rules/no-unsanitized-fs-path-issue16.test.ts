import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-unsanitized-fs-path';
import { createRuleTester } from '../rule-tester';

/*
 * Issue #16: uploaded files (multer, formidable, busboy, @fastify/multipart, NestJS), containment
 * checks that do and do not stop traversal, and directory listings.
 */
const ruleTester = createRuleTester();

ruleTester.run('no-unsanitized-fs-path (issue #16)', rule, {
  valid: [
    // multer with a constant `dest` (CommonJS): the stored path and name are random, made by multer.
    { code: `const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');
const upload = multer({ dest: 'uploads/' });
const app = express();
app.post('/avatar', upload.single('avatar'), (req, res) => {
  const target = path.join('public/avatars', req.file.filename);
  fs.renameSync(req.file.path, target);
  const { path: tmp } = req.file;
  fs.unlink(tmp, () => {});
});
app.post('/photos', upload.array('photos', 10), (req, res) => {
  req.files.forEach((f) => fs.unlinkSync(f.path));
  const paths = req.files.map((f) => f.path);
  paths.forEach((p) => fs.unlinkSync(p));
  fs.readFileSync(req.files[0].path);
});
app.post('/docs', upload.fields([{ name: 'cv' }]), (req, res) => {
  fs.readFileSync(req.files.cv[0].path);
  for (const f of Object.values(req.files).flat()) fs.unlinkSync(f.path);
});
`, filename: 'file.js' },
    // multer.diskStorage naming files with a random part (Date.now(), uuid), and memory storage (TypeScript, ESM).
    `import express from 'express';
import multer from 'multer';
import fs from 'node:fs/promises';
import path from 'node:path';
import { v4 as uuidv4 } from 'uuid';
const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, 'uploads/'),
  filename: (req, file, cb) => {
    const unique = Date.now() + '-' + Math.round(Math.random() * 1e9);
    cb(null, \`\${unique}-\${file.originalname}\`);
  },
});
const byId = multer({ storage: multer.diskStorage({ destination: 'uploads/', filename(req, file, cb) { cb(null, uuidv4() + path.extname(file.originalname)); } }) });
const upload = multer({ storage });
const inMemory = multer({ storage: multer.memoryStorage() });
const app = express();
app.post('/a', upload.single('file'), async (req, res) => {
  res.send(await fs.readFile(req.file!.path));
});
app.post('/b', byId.single('file'), async (req, res) => {
  await fs.unlink(path.join('uploads', req.file!.filename));
});
app.post('/c', inMemory.single('file'), async (req, res) => {
  await fs.writeFile(path.join('uploads', \`\${Date.now()}.bin\`), req.file!.buffer);
});
`,
    // multer.diskStorage naming files after `path.basename(file.originalname)`, and the original name reduced with path.basename() at the sink.
    { code: `import express from 'express';
import multer from 'multer';
import fs from 'fs';
import path from 'path';
const storage = multer.diskStorage({
  destination: 'uploads/',
  filename: (req, file, cb) => cb(null, path.basename(file.originalname)),
});
const upload = multer({ storage });
const app = express();
app.post('/u', upload.single('file'), (req, res) => {
  fs.readFileSync(req.file.path);
  fs.copyFileSync(req.file.path, path.join('archive', path.basename(req.file.originalname)));
});
`, filename: 'file.js' },
    // formidable's default names (`filepath`, `newFilename`) are random; busboy's stream and @fastify/multipart's `file` stream are contents, not paths.
    `import express from 'express';
import formidable from 'formidable';
import busboy from 'busboy';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
const app = express();
app.post('/f', async (req, res) => {
  const form = formidable({ uploadDir: 'uploads', keepExtensions: true });
  const [, files] = await form.parse(req);
  const doc = files.doc![0]!;
  fs.renameSync(doc.filepath, path.join('uploads', doc.newFilename));
  form.parse(req, (err, fields, more) => {
    fs.unlinkSync(more.doc![0]!.filepath);
  });
  JSON.parse(fs.readFileSync('meta.json', 'utf8'), (key, value) => (key === 'file' ? fs.statSync(value) : value));
});
app.post('/b', (req, res) => {
  const bb = busboy({ headers: req.headers });
  bb.on('file', (name, file, info) => {
    file.pipe(fs.createWriteStream(path.join('uploads', \`\${randomUUID()}-\${path.basename(info.filename)}\`)));
  });
  req.pipe(bb);
});
`,
    // @fastify/multipart: the content stream and saveRequestFiles()'s temporary path are not request input.
    `import Fastify from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
const app = Fastify();
app.post('/upload', async (request, reply) => {
  const data = await request.file();
  await pipeline(data!.file, fs.createWriteStream(path.join('uploads', randomUUID())));
  const saved = await request.saveRequestFiles();
  fs.copyFileSync(saved[0]!.filepath, path.join('uploads', randomUUID()));
});
`,
    // NestJS: FileInterceptor with a diskStorage that names files with a random part.
    `import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import { extname } from 'node:path';
import * as fs from 'node:fs';

@Controller('files')
export class FilesController {
  @Post()
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: './uploads', filename: (req, file, cb) => cb(null, \`\${Date.now()}\${extname(file.originalname)}\`) }) }))
  upload(@UploadedFile() file: Express.Multer.File) {
    return fs.statSync(file.path);
  }
}
`,
    // Containment checks kept in a variable and then enforced; `resolved === root ||` forms.
    { code: `const express = require('express');
const fs = require('fs');
const path = require('path');
const ROOT = path.resolve(__dirname, 'files');
const app = express();
app.get('/a', (req, res) => {
  const resolved = path.resolve(ROOT, req.query.file);
  const inside = resolved.startsWith(ROOT + path.sep);
  if (!inside) return res.status(403).end();
  res.send(fs.readFileSync(resolved));
});
app.get('/b', (req, res) => {
  const resolved = path.resolve(ROOT, req.query.file);
  if (resolved !== ROOT && !resolved.startsWith(\`\${ROOT}\${path.sep}\`)) {
    return res.status(403).end();
  }
  res.send(fs.readFileSync(resolved));
});
`, filename: 'file.js' },
    // A correct path.relative containment check (in a variable and inline), TypeScript.
    `import express from 'express';
import fs from 'node:fs/promises';
import path from 'node:path';
const ROOT = path.resolve('storage');
const app = express();
app.get('/a', async (req, res) => {
  const target = path.resolve(ROOT, String(req.query.p));
  const rel = path.relative(ROOT, target);
  const isInside = !rel.startsWith('..') && !path.isAbsolute(rel);
  if (!isInside) {
    res.status(403).end();
    return;
  }
  res.send(await fs.readFile(target));
});
app.get('/b', async (req, res) => {
  const target = path.join(ROOT, req.params.name);
  const rel = path.relative(ROOT, target);
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error('outside root');
  await fs.unlink(target);
});
`,
    // path.normalize + stripping leading separators + rejecting any `..` segment before the call.
    { code: `import express from 'express';
import fs from 'fs';
import path from 'path';
const ROOT = path.resolve('public');
const app = express();
app.get('/a', (req, res) => {
  const safe = path.normalize(req.query.file).replace(/^[/\\\\]+/, '');
  if (safe.split(path.sep).includes('..')) return res.status(400).end();
  res.sendFile(path.join(ROOT, safe));
});
app.get('/b', (req, res) => {
  const rel = path.normalize(decodeURIComponent(req.path).replace(/^(\\/|\\\\)+/, ''));
  if (rel.startsWith('..')) return res.status(400).end();
  fs.createReadStream(path.resolve(ROOT, rel)).pipe(res);
});
app.get('/c', (req, res) => {
  const safe = path.normalize(req.params.name).replace(/^[\\\\/]+/, '');
  if (safe.includes('..')) {
    return res.status(400).send('bad path');
  }
  fs.readFile(path.resolve(ROOT, safe), (err, data) => res.send(data));
});
`, filename: 'file.js' },
    // Directory listings of a constant root: the entry names come from the server's disk.
    `import express from 'express';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
const ROOT = path.join(process.cwd(), 'data');
const app = express();
app.get('/search', async (req, res) => {
  const q = String(req.query.q);
  const matches = fs.readdirSync(ROOT).filter((name) => name.includes(q));
  const contents = matches.map((name) => fs.readFileSync(path.join(ROOT, name), 'utf8'));
  for (const entry of await fsp.readdir(ROOT, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.includes(q)) await fsp.stat(path.join(entry.parentPath, entry.name));
  }
  const dir = await fsp.opendir(ROOT);
  for await (const d of dir) fs.statSync(path.join(dir.path, d.name));
  fs.readdir(ROOT, (err, names) => names.forEach((n) => fs.statSync(path.join(ROOT, n))));
  res.json(contents);
});
`,
    // An uploaded file handed whole to a helper of the file: its temp path is still the server's.
    `import express from 'express';
import formidable from 'formidable';
import fs from 'node:fs';
function readUpload(file) {
  return fs.readFileSync(file.filepath);
}
const app = express();
app.post('/u', async (req, res) => {
  const [, files] = await formidable({ maxFiles: 1 }).parse(req);
  res.send(readUpload(files.file[0]));
});
`,
    // Odd upload and listing code that must not crash.
    `import express from 'express';
import multer, { diskStorage } from 'multer';
import formidable from 'formidable';
import busboy from 'busboy';
import fs from 'node:fs';
import { storageOptions, naming } from './config';
const a = multer(...[]);
const b = multer(storageOptions);
const c = multer({ storage: diskStorage() });
const d = multer({ storage: diskStorage({ filename: naming, destination: 7 }) });
const e = multer({ storage: diskStorage({ filename: ({ originalname }, file, [cb]) => cb }) });
const f = multer({ ['storage']: undefined, ...storageOptions });
const app = express();
app.post('/x', a.single(), b.none(), c['any'](), d.fields([]), e.array('f'), f.single('f'), (req, res) => {
  const form = formidable(...[]);
  form.parse();
  form.parse(req, null);
  const bb = busboy({ headers: req.headers });
  bb.on(eventName, (x, y, z) => fs.readFileSync('a'));
  bb.on('file');
  fs.readdir();
  fs.readdirSync(...[]).map();
  fs.readFileSync('static.txt');
});
`,
    // A named handler registered after multer's middleware (`dest`), and an instance used through app.use().
    { code: `const express = require('express');
const multer = require('multer');
const fs = require('fs');
const upload = multer({ dest: 'uploads/' });
const app = express();
app.use(upload.any());
async function saveAvatar(req, res) {
  await fs.promises.rename(req.file.path, \`avatars/\${req.user.id}.png\`);
}
app.post('/avatar', upload.single('avatar'), saveAvatar);
app.post('/batch', (req, res) => {
  for (const f of req.files) fs.unlinkSync(f.path);
});
`, filename: 'file.js' },
  ],
  invalid: [
    // An uploaded file handed whole to a helper: the client's name in it is still request input (the temp path is not).
    {
      code: `import express from 'express';
import formidable from 'formidable';
import fs from 'node:fs';
function keepCopy(file) {
  fs.copyFileSync(file.filepath, 'archive/' + file.originalFilename);
}
const app = express();
app.post('/u', async (req, res) => {
  const [, files] = await formidable({ maxFiles: 1 }).parse(req);
  keepCopy(files.file[0]);
  res.sendStatus(204);
});
`,
      errors: [
        {
          messageId: 'requestPath',
          line: 5,
          column: 34,
          endLine: 5,
          endColumn: 68,
          data: { sink: 'fs.copyFileSync', via: '', source: 'files.file[0].originalFilename' },
          suggestions: [
            {
              messageId: 'wrapInBasename',
              output: `import express from 'express';
import formidable from 'formidable';
import fs from 'node:fs';
import path from 'node:path';
function keepCopy(file) {
  fs.copyFileSync(file.filepath, 'archive/' + path.basename(file.originalFilename));
}
const app = express();
app.post('/u', async (req, res) => {
  const [, files] = await formidable({ maxFiles: 1 }).parse(req);
  keepCopy(files.file[0]);
  res.sendStatus(204);
});
`,
            },
          ],
        },
      ],
    },
    // multer.diskStorage naming files after `file.originalname`: the stored path and name are request input (ESM, JavaScript).
    {
      code: `import express from 'express';
import multer from 'multer';
import fs from 'fs';
import path from 'path';
const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, 'uploads/'),
  filename: (req, file, cb) => {
    cb(null, file.originalname);
  },
});
const upload = multer({ storage });
const app = express();
app.post('/u', upload.single('file'), (req, res) => {
  fs.readFileSync(req.file.path);
  fs.unlinkSync(path.join('uploads', req.file.filename));
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPath', line: 14, column: 19, endLine: 14, endColumn: 32, data: { sink: 'fs.readFileSync', via: '', source: 'req.file.path' }, suggestions: [] },
        { messageId: 'requestPathFalseConfidence', line: 15, column: 17, endLine: 15, endColumn: 56, data: { sink: 'fs.unlinkSync', via: '', source: 'req.file.filename', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.file.filename', pathName: 'path' }, output: `import express from 'express';
import multer from 'multer';
import fs from 'fs';
import path from 'path';
const storage = multer.diskStorage({
  destination: (req, file, cb) => cb(null, 'uploads/'),
  filename: (req, file, cb) => {
    cb(null, file.originalname);
  },
});
const upload = multer({ storage });
const app = express();
app.post('/u', upload.single('file'), (req, res) => {
  fs.readFileSync(req.file.path);
  fs.unlinkSync(path.join('uploads', path.basename(req.file.filename)));
});
` }] },
      ],
    },
    // diskStorage naming files after other request fields, or storing them in a directory the client names (CommonJS).
    {
      code: `const express = require('express');
const multer = require('multer');
const fs = require('fs');
const path = require('path');
const byName = multer({ storage: multer.diskStorage({ destination: 'uploads', filename(req, file, cb) { cb(null, req.body.name + path.extname(file.originalname)); } }) });
const byFolder = multer({
  storage: multer.diskStorage({
    destination: (req, file, cb) => cb(null, path.join('uploads', req.params.folder)),
    filename: (req, file, cb) => cb(null, \`\${Date.now()}.bin\`),
  }),
});
const random = multer({ dest: 'tmp/' });
const router = express.Router();
router.post('/a', byName.single('f'), (req, res) => res.send(fs.readFileSync(req.file.path)));
router.post('/b/:folder', byFolder.array('f'), (req, res) => {
  for (const f of req.files) fs.unlinkSync(f.path);
});
router.post('/c', random.single('f'), (req, res) => res.send(fs.readFileSync(req.file.path)));
module.exports = router;
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPath', line: 14, column: 78, endLine: 14, endColumn: 91, data: { sink: 'fs.readFileSync', via: '', source: 'req.file.path' }, suggestions: [] },
        { messageId: 'requestPath', line: 16, column: 44, endLine: 16, endColumn: 50, data: { sink: 'fs.unlinkSync', via: '', source: 'req.files[…].path' }, suggestions: [] },
      ],
    },
    // The client's own name stays request input under any storage; a middleware made in another file has a storage this file cannot read.
    {
      code: `import express from 'express';
import multer from 'multer';
import fs from 'node:fs';
import path from 'node:path';
import { upload } from './middleware/upload';
const local = multer({ dest: 'uploads/' });
const app = express();
app.post('/a', local.single('file'), (req, res) => {
  fs.renameSync(req.file!.path, path.join('uploads', req.file!.originalname));
});
app.post('/b', upload.single('file'), (req, res) => {
  if (!req.file) return res.status(400).end();
  fs.renameSync(req.file.path, 'uploads/latest');
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 9, column: 33, endLine: 9, endColumn: 77, data: { sink: 'fs.renameSync', via: '', source: 'req.file.originalname', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.file!.originalname', pathName: 'path' }, output: `import express from 'express';
import multer from 'multer';
import fs from 'node:fs';
import path from 'node:path';
import { upload } from './middleware/upload';
const local = multer({ dest: 'uploads/' });
const app = express();
app.post('/a', local.single('file'), (req, res) => {
  fs.renameSync(req.file!.path, path.join('uploads', path.basename(req.file!.originalname)));
});
app.post('/b', upload.single('file'), (req, res) => {
  if (!req.file) return res.status(400).end();
  fs.renameSync(req.file.path, 'uploads/latest');
});
` }] },
        { messageId: 'requestPath', line: 13, column: 17, endLine: 13, endColumn: 30, data: { sink: 'fs.renameSync', via: '', source: 'req.file.path' }, suggestions: [] },
      ],
    },
    // formidable: the client's `originalFilename`, and stored paths when the `filename` option returns it.
    {
      code: `import express from 'express';
import formidable from 'formidable';
import fs from 'node:fs';
import path from 'node:path';
const app = express();
app.post('/f', async (req, res) => {
  const form = formidable({ uploadDir: 'uploads', filename: (name, ext, part) => part.originalFilename ?? 'upload' });
  const [fields, files] = await form.parse(req);
  const file = files.doc![0]!;
  fs.copyFileSync(file.filepath, path.join('archive', file.originalFilename!));
  form.parse(req, (err, f2, more) => {
    fs.unlinkSync(more.doc![0]!.newFilename);
  });
});
`,
      errors: [
        { messageId: 'requestPath', line: 10, column: 19, endLine: 10, endColumn: 32, data: { sink: 'fs.copyFileSync', via: '', source: 'files.doc[0].filepath' }, suggestions: [] },
        { messageId: 'requestPathFalseConfidence', line: 10, column: 34, endLine: 10, endColumn: 78, data: { sink: 'fs.copyFileSync', via: '', source: 'files.doc[0].originalFilename', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'file.originalFilename!', pathName: 'path' }, output: `import express from 'express';
import formidable from 'formidable';
import fs from 'node:fs';
import path from 'node:path';
const app = express();
app.post('/f', async (req, res) => {
  const form = formidable({ uploadDir: 'uploads', filename: (name, ext, part) => part.originalFilename ?? 'upload' });
  const [fields, files] = await form.parse(req);
  const file = files.doc![0]!;
  fs.copyFileSync(file.filepath, path.join('archive', path.basename(file.originalFilename!)));
  form.parse(req, (err, f2, more) => {
    fs.unlinkSync(more.doc![0]!.newFilename);
  });
});
` }] },
        { messageId: 'requestPath', line: 12, column: 19, endLine: 12, endColumn: 44, data: { sink: 'fs.unlinkSync', via: '', source: 'more.doc[0].newFilename' }, suggestions: [] },
      ],
    },
    // busboy: the file name of a 'file' event is the client's, in busboy 1 (`info.filename`) and before (the third argument).
    {
      code: `const http = require('http');
const busboy = require('busboy');
const fs = require('fs');
const path = require('path');
http.createServer((req, res) => {
  const bb = busboy({ headers: req.headers });
  bb.on('file', (name, file, info) => {
    const { filename } = info;
    file.pipe(fs.createWriteStream(path.join(__dirname, 'uploads', filename)));
  });
  bb.on('file', (fieldname, file, filename) => {
    file.pipe(fs.createWriteStream(\`uploads/\${filename}\`));
  });
  req.pipe(bb);
}).listen(3000);
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 9, column: 36, endLine: 9, endColumn: 77, data: { sink: 'fs.createWriteStream', via: '', source: 'info.filename', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'filename', pathName: 'path' }, output: `const http = require('http');
const busboy = require('busboy');
const fs = require('fs');
const path = require('path');
http.createServer((req, res) => {
  const bb = busboy({ headers: req.headers });
  bb.on('file', (name, file, info) => {
    const { filename } = info;
    file.pipe(fs.createWriteStream(path.join(__dirname, 'uploads', path.basename(filename))));
  });
  bb.on('file', (fieldname, file, filename) => {
    file.pipe(fs.createWriteStream(\`uploads/\${filename}\`));
  });
  req.pipe(bb);
}).listen(3000);
` }] },
        { messageId: 'requestPath', line: 12, column: 36, endLine: 12, endColumn: 57, data: { sink: 'fs.createWriteStream', via: '', source: 'filename' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'filename', pathName: 'path' }, output: `const http = require('http');
const busboy = require('busboy');
const fs = require('fs');
const path = require('path');
http.createServer((req, res) => {
  const bb = busboy({ headers: req.headers });
  bb.on('file', (name, file, info) => {
    const { filename } = info;
    file.pipe(fs.createWriteStream(path.join(__dirname, 'uploads', filename)));
  });
  bb.on('file', (fieldname, file, filename) => {
    file.pipe(fs.createWriteStream(\`uploads/\${path.basename(filename)}\`));
  });
  req.pipe(bb);
}).listen(3000);
` }] },
      ],
    },
    // @fastify/multipart: `data.filename` and each part's `filename` are the client's.
    {
      code: `import Fastify from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
const app = Fastify();
app.post('/upload', async (request, reply) => {
  const data = await request.file();
  if (!data) return reply.code(400).send();
  await pipeline(data.file, fs.createWriteStream(path.join('uploads', data.filename)));
  for await (const part of request.parts()) {
    if (part.type === 'file') await pipeline(part.file, fs.createWriteStream(\`uploads/\${part.filename}\`));
  }
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 9, column: 50, endLine: 9, endColumn: 85, data: { sink: 'fs.createWriteStream', via: '', source: 'request.file().filename', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'data.filename', pathName: 'path' }, output: `import Fastify from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
const app = Fastify();
app.post('/upload', async (request, reply) => {
  const data = await request.file();
  if (!data) return reply.code(400).send();
  await pipeline(data.file, fs.createWriteStream(path.join('uploads', path.basename(data.filename))));
  for await (const part of request.parts()) {
    if (part.type === 'file') await pipeline(part.file, fs.createWriteStream(\`uploads/\${part.filename}\`));
  }
});
` }] },
        { messageId: 'requestPath', line: 11, column: 78, endLine: 11, endColumn: 104, data: { sink: 'fs.createWriteStream', via: '', source: 'request.parts()[…].filename' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'part.filename', pathName: 'path' }, output: `import Fastify from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
const app = Fastify();
app.post('/upload', async (request, reply) => {
  const data = await request.file();
  if (!data) return reply.code(400).send();
  await pipeline(data.file, fs.createWriteStream(path.join('uploads', data.filename)));
  for await (const part of request.parts()) {
    if (part.type === 'file') await pipeline(part.file, fs.createWriteStream(\`uploads/\${path.basename(part.filename)}\`));
  }
});
` }] },
      ],
    },
    // NestJS: FileInterceptor with a diskStorage that keeps the client's name, and one without options (configured elsewhere).
    {
      code: `import { Controller, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { diskStorage } from 'multer';
import * as fs from 'node:fs';

@Controller('files')
export class FilesController {
  @Post('a')
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: './uploads', filename: (req, file, cb) => cb(null, file.originalname) }) }))
  a(@UploadedFile() file: Express.Multer.File) {
    return fs.readFileSync(file.path);
  }

  @Post('b')
  @UseInterceptors(FileInterceptor('file'))
  b(@UploadedFile() file: Express.Multer.File) {
    fs.unlinkSync(file.path);
  }
}
`,
      errors: [
        { messageId: 'requestPath', line: 11, column: 28, endLine: 11, endColumn: 37, data: { sink: 'fs.readFileSync', via: '', source: 'file.path' }, suggestions: [] },
        { messageId: 'requestPath', line: 17, column: 19, endLine: 17, endColumn: 28, data: { sink: 'fs.unlinkSync', via: '', source: 'file.path' }, suggestions: [] },
      ],
    },
    // Broken containment checks: without a separator (kept in a variable), computed but not enforced, `includes('..')` before decoding, a normalised value that may be absolute under path.resolve.
    {
      code: `import express from 'express';
import fs from 'fs';
import path from 'path';
const ROOT = path.resolve('files');
const app = express();
app.get('/a', (req, res) => {
  const resolved = path.resolve(ROOT, req.query.f);
  const ok = resolved.startsWith(ROOT);
  if (!ok) return res.status(403).end();
  res.send(fs.readFileSync(resolved));
});
app.get('/b', (req, res) => {
  const resolved = path.resolve(ROOT, req.query.f);
  const rel = path.relative(ROOT, resolved);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    console.warn('outside the root', rel);
  }
  res.send(fs.readFileSync(resolved));
});
app.get('/c', (req, res) => {
  const safe = path.normalize(req.query.f).replace(/^[/\\\\]+/, '');
  if (safe.includes('..')) return res.status(400).end();
  fs.readFile(path.join(ROOT, decodeURIComponent(safe)), (err, data) => res.send(data));
});
app.get('/d', (req, res) => {
  const safe = path.normalize(req.query.f);
  if (safe.split(path.sep).includes('..')) return res.status(400).end();
  res.send(fs.readFileSync(path.resolve(ROOT, safe)));
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 10, column: 28, endLine: 10, endColumn: 36, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.f', checks: 'path.resolve(), startsWith() without a trailing separator' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.query.f', pathName: 'path' }, output: `import express from 'express';
import fs from 'fs';
import path from 'path';
const ROOT = path.resolve('files');
const app = express();
app.get('/a', (req, res) => {
  const resolved = path.resolve(ROOT, path.basename(req.query.f));
  const ok = resolved.startsWith(ROOT);
  if (!ok) return res.status(403).end();
  res.send(fs.readFileSync(resolved));
});
app.get('/b', (req, res) => {
  const resolved = path.resolve(ROOT, req.query.f);
  const rel = path.relative(ROOT, resolved);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    console.warn('outside the root', rel);
  }
  res.send(fs.readFileSync(resolved));
});
app.get('/c', (req, res) => {
  const safe = path.normalize(req.query.f).replace(/^[/\\\\]+/, '');
  if (safe.includes('..')) return res.status(400).end();
  fs.readFile(path.join(ROOT, decodeURIComponent(safe)), (err, data) => res.send(data));
});
app.get('/d', (req, res) => {
  const safe = path.normalize(req.query.f);
  if (safe.split(path.sep).includes('..')) return res.status(400).end();
  res.send(fs.readFileSync(path.resolve(ROOT, safe)));
});
` }] },
        { messageId: 'requestPathFalseConfidence', line: 18, column: 28, endLine: 18, endColumn: 36, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.f', checks: 'path.resolve()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.query.f', pathName: 'path' }, output: `import express from 'express';
import fs from 'fs';
import path from 'path';
const ROOT = path.resolve('files');
const app = express();
app.get('/a', (req, res) => {
  const resolved = path.resolve(ROOT, req.query.f);
  const ok = resolved.startsWith(ROOT);
  if (!ok) return res.status(403).end();
  res.send(fs.readFileSync(resolved));
});
app.get('/b', (req, res) => {
  const resolved = path.resolve(ROOT, path.basename(req.query.f));
  const rel = path.relative(ROOT, resolved);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    console.warn('outside the root', rel);
  }
  res.send(fs.readFileSync(resolved));
});
app.get('/c', (req, res) => {
  const safe = path.normalize(req.query.f).replace(/^[/\\\\]+/, '');
  if (safe.includes('..')) return res.status(400).end();
  fs.readFile(path.join(ROOT, decodeURIComponent(safe)), (err, data) => res.send(data));
});
app.get('/d', (req, res) => {
  const safe = path.normalize(req.query.f);
  if (safe.split(path.sep).includes('..')) return res.status(400).end();
  res.send(fs.readFileSync(path.resolve(ROOT, safe)));
});
` }] },
        { messageId: 'requestPathFalseConfidence', line: 23, column: 15, endLine: 23, endColumn: 56, data: { sink: 'fs.readFile', via: '', source: 'req.query.f', checks: 'path.normalize(), includes(\'..\') check before decodeURIComponent(), path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'decodeURIComponent(safe)', pathName: 'path' }, output: `import express from 'express';
import fs from 'fs';
import path from 'path';
const ROOT = path.resolve('files');
const app = express();
app.get('/a', (req, res) => {
  const resolved = path.resolve(ROOT, req.query.f);
  const ok = resolved.startsWith(ROOT);
  if (!ok) return res.status(403).end();
  res.send(fs.readFileSync(resolved));
});
app.get('/b', (req, res) => {
  const resolved = path.resolve(ROOT, req.query.f);
  const rel = path.relative(ROOT, resolved);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    console.warn('outside the root', rel);
  }
  res.send(fs.readFileSync(resolved));
});
app.get('/c', (req, res) => {
  const safe = path.normalize(req.query.f).replace(/^[/\\\\]+/, '');
  if (safe.includes('..')) return res.status(400).end();
  fs.readFile(path.join(ROOT, path.basename(decodeURIComponent(safe))), (err, data) => res.send(data));
});
app.get('/d', (req, res) => {
  const safe = path.normalize(req.query.f);
  if (safe.split(path.sep).includes('..')) return res.status(400).end();
  res.send(fs.readFileSync(path.resolve(ROOT, safe)));
});
` }] },
        { messageId: 'requestPathFalseConfidence', line: 28, column: 28, endLine: 28, endColumn: 52, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.f', checks: 'path.normalize(), includes(\'..\') check, path.resolve()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'safe', pathName: 'path' }, output: `import express from 'express';
import fs from 'fs';
import path from 'path';
const ROOT = path.resolve('files');
const app = express();
app.get('/a', (req, res) => {
  const resolved = path.resolve(ROOT, req.query.f);
  const ok = resolved.startsWith(ROOT);
  if (!ok) return res.status(403).end();
  res.send(fs.readFileSync(resolved));
});
app.get('/b', (req, res) => {
  const resolved = path.resolve(ROOT, req.query.f);
  const rel = path.relative(ROOT, resolved);
  if (rel.startsWith('..') || path.isAbsolute(rel)) {
    console.warn('outside the root', rel);
  }
  res.send(fs.readFileSync(resolved));
});
app.get('/c', (req, res) => {
  const safe = path.normalize(req.query.f).replace(/^[/\\\\]+/, '');
  if (safe.includes('..')) return res.status(400).end();
  fs.readFile(path.join(ROOT, decodeURIComponent(safe)), (err, data) => res.send(data));
});
app.get('/d', (req, res) => {
  const safe = path.normalize(req.query.f);
  if (safe.split(path.sep).includes('..')) return res.status(400).end();
  res.send(fs.readFileSync(path.resolve(ROOT, path.basename(safe))));
});
` }] },
      ],
    },
    // Directory listings of a request-derived directory: entries joined back with it (or with Dirent.parentPath, Dir.path) are request-derived.
    {
      code: `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const app = express();
function walk(dir: string, out: string[]): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}
app.get('/search', async (req, res) => {
  const searchDir = String(req.query.dir);
  const files = walk(searchDir, []);
  res.json(files.map((f) => fs.readFileSync(f, 'utf8')));
  for (const d of await fs.promises.readdir(searchDir, { withFileTypes: true })) {
    fs.statSync(path.join(d.parentPath, d.name));
  }
  const handle = await fs.promises.opendir(searchDir);
  for await (const d of handle) fs.statSync(path.join(handle.path, d.name));
});
`,
      errors: [
        { messageId: 'requestPath', line: 6, column: 38, endLine: 6, endColumn: 41, data: { sink: 'fs.readdirSync', via: '', source: 'req.query.dir' }, suggestions: [] },
        { messageId: 'requestPathFalseConfidence', line: 16, column: 45, endLine: 16, endColumn: 46, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.dir', checks: 'path.join()' }, suggestions: [] },
        { messageId: 'requestPath', line: 17, column: 45, endLine: 17, endColumn: 54, data: { sink: 'fs.promises.readdir', via: '', source: 'req.query.dir' }, suggestions: [] },
        { messageId: 'requestPathFalseConfidence', line: 18, column: 17, endLine: 18, endColumn: 48, data: { sink: 'fs.statSync', via: '', source: 'req.query.dir', checks: 'path.join()' }, suggestions: [] },
        { messageId: 'requestPath', line: 20, column: 44, endLine: 20, endColumn: 53, data: { sink: 'fs.promises.opendir', via: '', source: 'req.query.dir' }, suggestions: [] },
        { messageId: 'requestPathFalseConfidence', line: 21, column: 45, endLine: 21, endColumn: 75, data: { sink: 'fs.statSync', via: '', source: 'req.query.dir', checks: 'path.join()' }, suggestions: [] },
      ],
    },
    // readdir with a callback (CommonJS): entries joined back with the client's directory are reported where they are used.
    {
      code: `const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
app.delete('/cache', (req, res) => {
  const dir = path.join('cache', req.body.project);
  const found = [];
  fs.readdir(dir, (err, names) => {
    names.forEach((name) => found.push(path.join(dir, name)));
    names.forEach((name) => fs.statSync(path.join('cache', name)));
    for (const p of found) fs.unlinkSync(p);
  });
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 8, column: 14, endLine: 8, endColumn: 17, data: { sink: 'fs.readdir', via: '', source: 'req.body.project', checks: 'path.join()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'req.body.project', pathName: 'path' }, output: `const express = require('express');
const fs = require('fs');
const path = require('path');
const app = express();
app.delete('/cache', (req, res) => {
  const dir = path.join('cache', path.basename(req.body.project));
  const found = [];
  fs.readdir(dir, (err, names) => {
    names.forEach((name) => found.push(path.join(dir, name)));
    names.forEach((name) => fs.statSync(path.join('cache', name)));
    for (const p of found) fs.unlinkSync(p);
  });
});
` }] },
        { messageId: 'requestPathFalseConfidence', line: 11, column: 42, endLine: 11, endColumn: 43, data: { sink: 'fs.unlinkSync', via: '', source: 'req.body.project', checks: 'path.join()' }, suggestions: [] },
      ],
    },
    // A containment check placed after the call does not protect it.
    {
      code: `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const ROOT = path.resolve('files');
const app = express();
app.get('/f', (req, res) => {
  const target = path.resolve(ROOT, String(req.query.f));
  const data = fs.readFileSync(target);
  if (!target.startsWith(ROOT + path.sep)) return res.status(403).end();
  res.send(data);
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 8, column: 32, endLine: 8, endColumn: 38, data: { sink: 'fs.readFileSync', via: '', source: 'req.query.f', checks: 'path.resolve()' }, suggestions: [{ messageId: 'wrapInBasename', data: { segment: 'String(req.query.f)', pathName: 'path' }, output: `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const ROOT = path.resolve('files');
const app = express();
app.get('/f', (req, res) => {
  const target = path.resolve(ROOT, path.basename(String(req.query.f)));
  const data = fs.readFileSync(target);
  if (!target.startsWith(ROOT + path.sep)) return res.status(403).end();
  res.send(data);
});
` }] },
      ],
    },
    // A storage directory built from request input (multer `dest`, formidable `uploadDir`) makes the stored paths request input.
    {
      code: `const express = require('express');
const multer = require('multer');
const formidable = require('formidable');
const fs = require('fs');
const path = require('path');
const app = express();
app.post('/u/:folder', (req, res) => {
  const upload = multer({ dest: path.join('uploads', req.params.folder) }).single('f');
  upload(req, res, () => fs.unlinkSync(req.file.path));
  const ok = multer({ dest: 'uploads' });
  const form = formidable({ uploadDir: path.join('uploads', req.body.folder) });
  form.parse(req, (err, fields, files) => fs.unlinkSync(files.f[0].filepath));
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestPath', line: 9, column: 40, endLine: 9, endColumn: 53, data: { sink: 'fs.unlinkSync', via: '', source: 'req.file.path' }, suggestions: [] },
        { messageId: 'requestPath', line: 12, column: 57, endLine: 12, endColumn: 76, data: { sink: 'fs.unlinkSync', via: '', source: 'files.f[0].filepath' }, suggestions: [] },
      ],
    },
  ],
});

// The same shapes under ESLint's default parser: plain JavaScript, CommonJS.
const espreeTester = new RuleTester({ languageOptions: { parser: espree, sourceType: 'commonjs' } });

espreeTester.run('no-unsanitized-fs-path (issue #16, espree)', rule, {
  valid: [
    `const express = require('express');
const multer = require('multer');
const fs = require('fs');
const upload = multer({ dest: 'uploads/' });
const app = express();
app.post('/u', upload.single('file'), (req, res) => {
  fs.unlinkSync(req.file.path);
});
`,
  ],
  invalid: [
    {
      code: `const express = require('express');
const multer = require('multer');
const fs = require('fs');
const upload = multer({ storage: multer.diskStorage({ destination: 'uploads/', filename: (req, file, cb) => cb(null, file.originalname) }) });
const app = express();
app.post('/u', upload.single('file'), (req, res) => {
  fs.unlinkSync(req.file.path);
});
`,
      errors: [
        { messageId: 'requestPath', line: 7, column: 17, endLine: 7, endColumn: 30, data: { sink: 'fs.unlinkSync', via: '', source: 'req.file.path' }, suggestions: [] },
      ],
    },
  ],
});
