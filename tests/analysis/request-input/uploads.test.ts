import { createRuleTester } from '../../rule-tester';
import { probeRule } from '../../frameworks/probe-rule';

/*
 * The request-input tracker's knowledge of uploaded files (multer, formidable, busboy,
 * @fastify/multipart), directory listings and arrays filled with push(), through the probe rule:
 * every argument of `sink(...)` is reported as `input` (with its origin), `safe` or `unknown`.
 */
const ruleTester = createRuleTester();

ruleTester.run('request-input: uploads and listings', probeRule, {
  valid: [
  ],
  invalid: [
    // express-fileupload (no multer import): the client's name and type are input, the server's temporary path and contents are not; other keys stay input; \`req.file\` stays input.
    {
      code: `const express = require('express');
const app = express();
app.post('/u', (req, res) => {
  sink(req.files.doc.name, req.files.doc.tempFilePath, req.files.doc.data, req.files.doc.size, req.files.doc.path, req.file.path);
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'input', line: 4, column: 8, endLine: 4, endColumn: 26, data: { source: 'req.files.doc.name', framework: 'express', notes: '-' } },
        { messageId: 'safe', line: 4, column: 28, endLine: 4, endColumn: 54 },
        { messageId: 'safe', line: 4, column: 56, endLine: 4, endColumn: 74 },
        { messageId: 'safe', line: 4, column: 76, endLine: 4, endColumn: 94 },
        { messageId: 'input', line: 4, column: 96, endLine: 4, endColumn: 114, data: { source: 'req.files.doc.path', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 4, column: 116, endLine: 4, endColumn: 129, data: { source: 'req.file.path', framework: 'express', notes: '-' } },
      ],
    },
    // multer with `dest`: stored paths and names are safe, the client's fields stay input; lists, field maps, map() and destructuring.
    {
      code: `const express = require('express');
const multer = require('multer');
const upload = multer({ dest: 'uploads/' });
const app = express();
app.post('/u', upload.any(), (req, res) => {
  sink(req.file.path, req.file.filename, req.file.destination, req.file.size, req.file.originalname, req.file.mimetype);
  sink(req.files[0].path, req.files.avatar[0].path, req.files.map((f) => f.path), req.files.filter(Boolean)[0].filename, req.files.length);
  const { path: stored, originalname: name } = req.file;
  sink(stored, name, req.file);
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'safe', line: 6, column: 8, endLine: 6, endColumn: 21 },
        { messageId: 'safe', line: 6, column: 23, endLine: 6, endColumn: 40 },
        { messageId: 'safe', line: 6, column: 42, endLine: 6, endColumn: 62 },
        { messageId: 'safe', line: 6, column: 64, endLine: 6, endColumn: 77 },
        { messageId: 'input', line: 6, column: 79, endLine: 6, endColumn: 100, data: { source: 'req.file.originalname', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 6, column: 102, endLine: 6, endColumn: 119, data: { source: 'req.file.mimetype', framework: 'express', notes: '-' } },
        { messageId: 'safe', line: 7, column: 8, endLine: 7, endColumn: 25 },
        { messageId: 'safe', line: 7, column: 27, endLine: 7, endColumn: 51 },
        { messageId: 'safe', line: 7, column: 53, endLine: 7, endColumn: 81 },
        { messageId: 'safe', line: 7, column: 83, endLine: 7, endColumn: 120 },
        { messageId: 'safe', line: 7, column: 122, endLine: 7, endColumn: 138 },
        { messageId: 'safe', line: 9, column: 8, endLine: 9, endColumn: 14 },
        { messageId: 'input', line: 9, column: 16, endLine: 9, endColumn: 20, data: { source: 'req.file.originalname', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 9, column: 22, endLine: 9, endColumn: 30, data: { source: 'req.file', framework: 'express', notes: '-' } },
      ],
    },
    // multer.diskStorage naming files after the client's name: stored paths are input; a route whose middleware uses another instance follows that one.
    {
      code: `import express from 'express';
import multer from 'multer';
const keepName = multer({ storage: multer.diskStorage({ destination: 'up', filename: (req, file, cb) => cb(null, file.originalname) }) });
const random = multer({ dest: 'tmp' });
const app = express();
app.post('/a', keepName.single('f'), (req, res) => {
  sink(req.file!.path, req.file!.filename, req.file!.size);
});
app.post('/b', random.single('f'), (req, res) => {
  sink(req.file!.path);
});
`,
      errors: [
        { messageId: 'input', line: 7, column: 8, endLine: 7, endColumn: 22, data: { source: 'req.file.path', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 24, endLine: 7, endColumn: 42, data: { source: 'req.file.filename', framework: 'express', notes: '-' } },
        { messageId: 'safe', line: 7, column: 44, endLine: 7, endColumn: 58 },
        { messageId: 'safe', line: 10, column: 8, endLine: 10, endColumn: 22 },
      ],
    },
    // formidable, busboy and @fastify/multipart.
    {
      code: `import express from 'express';
import Fastify from 'fastify';
import formidable from 'formidable';
import busboy from 'busboy';
const app = express();
app.post('/f', async (req, res) => {
  const [fields, files] = await formidable({}).parse(req);
  sink(files.doc![0]!.filepath, files.doc![0]!.newFilename, files.doc![0]!.originalFilename, fields.title);
  const bb = busboy({ headers: req.headers });
  bb.on('file', (name, stream, info) => sink(name, stream, info.filename, info.mimeType));
  bb.on('field', (name, value) => sink(value));
});
const server = Fastify();
server.post('/up', async (request) => {
  const data = await request.file();
  sink(data!.filename, data!.file, data!.fields);
  for await (const part of request.files()) sink(part.filename, part.file);
});
`,
      errors: [
        { messageId: 'safe', line: 8, column: 8, endLine: 8, endColumn: 31 },
        { messageId: 'safe', line: 8, column: 33, endLine: 8, endColumn: 59 },
        { messageId: 'input', line: 8, column: 61, endLine: 8, endColumn: 92, data: { source: 'files.doc[0].originalFilename', framework: 'formidable', notes: '-' } },
        { messageId: 'input', line: 8, column: 94, endLine: 8, endColumn: 106, data: { source: 'fields.title', framework: 'formidable', notes: '-' } },
        { messageId: 'input', line: 10, column: 46, endLine: 10, endColumn: 50, data: { source: 'name', framework: 'busboy', notes: '-' } },
        { messageId: 'safe', line: 10, column: 52, endLine: 10, endColumn: 58 },
        { messageId: 'input', line: 10, column: 60, endLine: 10, endColumn: 73, data: { source: 'info.filename', framework: 'busboy', notes: '-' } },
        { messageId: 'input', line: 10, column: 75, endLine: 10, endColumn: 88, data: { source: 'info.mimeType', framework: 'busboy', notes: '-' } },
        { messageId: 'input', line: 11, column: 40, endLine: 11, endColumn: 45, data: { source: 'value', framework: 'busboy', notes: '-' } },
        { messageId: 'input', line: 16, column: 8, endLine: 16, endColumn: 22, data: { source: 'request.file().filename', framework: 'fastify', notes: '-' } },
        { messageId: 'safe', line: 16, column: 24, endLine: 16, endColumn: 34 },
        { messageId: 'input', line: 16, column: 36, endLine: 16, endColumn: 48, data: { source: 'request.file().fields', framework: 'fastify', notes: '-' } },
        { messageId: 'input', line: 17, column: 50, endLine: 17, endColumn: 63, data: { source: 'request.files()[…].filename', framework: 'fastify', notes: '-' } },
        { messageId: 'safe', line: 17, column: 65, endLine: 17, endColumn: 74 },
      ],
    },
    // Directory listings: entries of a request-derived directory are names from the disk; Dirent.parentPath and Dir.path are the directory.
    {
      code: `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
const app = express();
app.get('/l', async (req, res) => {
  const dir = req.query.dir;
  const names = fs.readdirSync(dir);
  sink(names[0], path.join('root', names[0]), path.join(dir, names[0]));
  for (const d of await fs.promises.readdir(dir, { withFileTypes: true })) sink(d.name, d.parentPath, d.isFile());
  const handle = await fs.promises.opendir(dir);
  sink(handle.path);
  fs.readdir(dir, (err, list) => sink(list.map((n) => path.join('root', n)), list.map((n) => path.join(dir, n))));
  sink(fs.readdirSync('static')[0]);
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'safe', line: 8, column: 8, endLine: 8, endColumn: 16 },
        { messageId: 'safe', line: 8, column: 18, endLine: 8, endColumn: 45 },
        { messageId: 'input', line: 8, column: 47, endLine: 8, endColumn: 71, data: { source: 'req.query.dir', framework: 'express', notes: 'path.join()' } },
        { messageId: 'safe', line: 9, column: 81, endLine: 9, endColumn: 87 },
        { messageId: 'input', line: 9, column: 89, endLine: 9, endColumn: 101, data: { source: 'req.query.dir', framework: 'express', notes: '-' } },
        { messageId: 'safe', line: 9, column: 103, endLine: 9, endColumn: 113 },
        { messageId: 'input', line: 11, column: 8, endLine: 11, endColumn: 19, data: { source: 'req.query.dir', framework: 'express', notes: '-' } },
        { messageId: 'safe', line: 12, column: 39, endLine: 12, endColumn: 76 },
        { messageId: 'input', line: 12, column: 78, endLine: 12, endColumn: 112, data: { source: 'req.query.dir', framework: 'express', notes: 'path.join()' } },
        { messageId: 'safe', line: 13, column: 8, endLine: 13, endColumn: 35 },
      ],
    },
    // Arrays hold what is pushed into them.
    {
      code: `import express from 'express';
const app = express();
app.get('/p', (req, res) => {
  const parts = ['base'];
  parts.push(req.query.a);
  const names = [];
  names.unshift('x');
  sink(parts, names);
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'input', line: 8, column: 8, endLine: 8, endColumn: 13, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
        { messageId: 'safe', line: 8, column: 15, endLine: 8, endColumn: 20 },
      ],
    },
  ],
});
