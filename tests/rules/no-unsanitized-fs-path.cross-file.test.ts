import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/no-unsanitized-fs-path';
import { createRuleTester } from '../rule-tester';

// Functions defined in another project file (tests/fixtures/cross-file/fs): wrappers whose
// parameter reaches an fs sink, and handlers imported into route registrations. The linted
// files have real paths inside the fixture project so that their imports resolve.
const routes = fileURLToPath(new URL('../fixtures/cross-file/fs/routes.js', import.meta.url));
const controller = fileURLToPath(new URL('../fixtures/cross-file/fs/controller.js', import.meta.url));
const router = fileURLToPath(new URL('../fixtures/cross-file/fs/router.ts', import.meta.url));
const ruleTester = createRuleTester();

const VIA_STORAGE = " (lib/storage.js, which passes it to `fs.readFile`)";

ruleTester.run('no-unsanitized-fs-path (cross-file)', rule, {
  valid: [
    // tRPC input, parsed by the procedure's schema, into a parameter declared a number.
    { filename: router, code: `import { initTRPC } from '@trpc/server';
import { readShard } from './lib/shards';
const t = initTRPC.create();
export const appRouter = t.router({ shard: t.procedure.input(shardSchema).query(({ input }) => readShard(input.shard)) });
` },
    // The wrapper reduces the name with path.basename().
    { filename: routes, code: `import express from 'express';
import { readUploadSafe } from './lib/storage.js';
const app = express();
app.get('/u/:name', async (req, res) => res.send(await readUploadSafe(req.params.name)));` },
    // The wrapper checks containment before reading.
    { filename: routes, code: `import express from 'express';
import { readChecked } from './lib/storage.js';
const app = express();
app.get('/u/:name', async (req, res) => res.send(await readChecked(req.params.name)));` },
    // A promisified fs.readFile behind a file-name reducer.
    { filename: routes, code: `const express = require('express');
const { readDocSafe } = require('./lib/promisified.js');
const app = express();
app.get('/doc/:name', async (req, res) => res.send(await readDocSafe(req.params.name)));` },
    // The helper's check is a configured sanitiser: its summary is judged with this option set,
    // not with the one of the invalid case below that reads the same helper without it.
    {
      filename: routes,
      options: [{ sanitizers: ['isSafeName'] }],
      code: `import express from 'express';
import { readRegistered } from './lib/checked-name.js';
const app = express();
app.get('/r/:name', async (req, res) => res.send(await readRegistered(req.params.name)));`,
    },
    // A function of the other file that never touches the file system.
    { filename: routes, code: `import express from 'express';
import { describeUpload } from './lib/storage.js';
const app = express();
app.get('/u/:name', (req, res) => res.send(describeUpload(req.params.name)));` },
    // A constant argument.
    { filename: routes, code: `import express from 'express';
import { readUpload } from './lib/storage.js';
const app = express();
app.get('/logo', async (req, res) => res.send(await readUpload('logo.png')));` },
    // Unresolvable import, unparsable file: today's judgement.
    { filename: routes, code: `import express from 'express';
import { readUpload } from './lib/missing.js';
import { broken } from './lib/broken.js';
const app = express();
app.get('/u/:name', async (req, res) => res.send(await readUpload(req.params.name), broken(req.params.name)));` },
    // An imported handler that sanitises.
    { filename: routes, code: `const { Router } = require('express');
const files = require('./controllers/files');
const router = Router();
router.get('/f/:name', files.downloadSafe);
module.exports = router;` },
    // Cross-file analysis switched off.
    {
      filename: routes,
      settings: { 'agent-guard': { project: { crossFile: false } } },
      code: `import express from 'express';
import { readUpload } from './lib/storage.js';
const app = express();
app.get('/u/:name', async (req, res) => res.send(await readUpload(req.params.name)));`,
    },
  ],
  invalid: [
    // A string parameter takes tRPC input as text; unvalidated Express input, whatever the parameter's type.
    { filename: router, code: `import { initTRPC } from '@trpc/server';
import express from 'express';
import { readShard, readShardNamed } from './lib/shards';
const t = initTRPC.create();
export const appRouter = t.router({ shard: t.procedure.input(shardSchema).query(({ input }) => readShardNamed(input.name)) });
express().get('/shards', (req, res) => res.send(readShard(req.query.shard)));
`, errors: [
      { messageId: 'requestPath', line: 5, column: 111, endLine: 5, endColumn: 121, data: { sink: 'readShardNamed', via: ' (lib/shards.ts, which passes it to `readFileSync`)', source: 'input.name', checks: '' } },
      { messageId: 'requestPath', line: 6, column: 59, endLine: 6, endColumn: 74, data: { sink: 'readShard', via: ' (lib/shards.ts, which passes it to `readFileSync`)', source: 'req.query.shard', checks: '' } },
    ] },
    {
      // Request input handed to a wrapper that joins it under its root and reads it.
      filename: routes,
      code: `import express from 'express';
import { readUpload } from './lib/storage.js';
const app = express();
app.get('/u/:name', async (req, res) => res.send(await readUpload(req.params.name)));`,
      errors: [{ messageId: 'requestPath', line: 4, column: 67, endLine: 4, endColumn: 82, data: { sink: 'readUpload', via: VIA_STORAGE, source: 'req.params.name' } }],
    },
    {
      // The same helper without the option: its check is unknown, so the name reaches the sink.
      filename: routes,
      code: `import express from 'express';
import { readRegistered } from './lib/checked-name.js';
const app = express();
app.get('/r/:name', async (req, res) => res.send(await readRegistered(req.params.name)));`,
      errors: [
        {
          messageId: 'requestPath',
          line: 4,
          column: 71,
          endLine: 4,
          endColumn: 86,
          data: { sink: 'readRegistered', via: ' (lib/checked-name.js, which passes it to `fs.readFile`)', source: 'req.params.name' },
        },
      ],
    },
    {
      // The helper reads through a promisified fs.readFile.
      filename: routes,
      code: `const express = require('express');
const { readDoc } = require('./lib/promisified.js');
const app = express();
app.get('/doc/:name', async (req, res) => res.send(await readDoc(req.params.name)));`,
      errors: [
        {
          messageId: 'requestPath',
          line: 4,
          column: 66,
          endLine: 4,
          endColumn: 81,
          data: { sink: 'readDoc', via: ' (lib/promisified.js, which passes it to `readFileAsync`)', source: 'req.params.name' },
        },
      ],
    },
    {
      // Two files away: readArchived (lib/archive.js) -> readUpload (lib/storage.js) -> fs.readFile.
      filename: routes,
      code: `import express from 'express';
import { readArchived } from './lib/archive.js';
const app = express();
app.get('/a/:name', async (req, res) => res.send(await readArchived(req.query.name)));`,
      errors: [
        {
          messageId: 'requestPath',
          line: 4,
          column: 69,
          endLine: 4,
          endColumn: 83,
          data: { sink: 'readArchived', via: ' (lib/archive.js, which passes it to `readUpload → fs.readFile`)', source: 'req.query.name' },
        },
      ],
    },
    {
      // A controller its file exports for a routes file to register: (req, res) read as a handler's.
      filename: controller,
      code: `const { readUpload } = require('./lib/storage.js');
exports.getAvatar = async (req, res) => {
  res.send(await readUpload(req.params.file));
};`,
      errors: [{ messageId: 'requestPath', line: 3, column: 29, endLine: 3, endColumn: 44, data: { sink: 'readUpload', via: VIA_STORAGE, source: 'req.params.file' } }],
    },
    {
      // A handler defined in another file, which only this registration reveals as one.
      filename: routes,
      code: `const { Router } = require('express');
const files = require('./controllers/files');
const router = Router();
router.get('/raw/:name', files.download);
module.exports = router;`,
      errors: [
        {
          messageId: 'requestPathFalseConfidence',
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 11,
          data: {
            sink: 'fs.createReadStream',
            via: ' in download (controllers/files.js), which this route runs as its handler,',
            source: 'req.params.name',
            checks: 'path.join()',
          },
        },
      ],
    },
  ],
});
