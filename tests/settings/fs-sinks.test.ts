import rule from '../../src/rules/no-unsanitized-fs-path';
import { createRuleTester } from '../rule-tester';

/**
 * `settings['agent-guard'].fs.sinks` adds to what the rule knows: an extra entry for a module
 * the rule already traces (`fs#customRead`) keeps every built-in sink of that module.
 */
const ruleTester = createRuleTester();

ruleTester.run('fs.sinks adds to the built-in fs sinks', rule, {
  valid: [
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => fs.readFile('static/' + 'index.html', () => res.end()));
`,
      settings: { 'agent-guard': { fs: { sinks: ['fs#customRead'] } } },
    },
    {
      // A plain name matches the written callee or its last segments, not a longer identifier.
      code: `import express from 'express';
const app = express();
app.get('/f', (req, res) => { storageReadObject(req.query.p); res.end(); });
`,
      settings: { 'agent-guard': { fs: { sinks: ['readObject'] } } },
    },
  ],
  invalid: [
    {
      code: `import fs from 'fs';
import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  fs.readFile(req.query.p, () => res.end());
  fs.customRead(req.query.q);
});
`,
      settings: { 'agent-guard': { fs: { sinks: ['fs#customRead'] } } },
      errors: [
        { messageId: 'requestPath', line: 5, column: 15, endLine: 5, endColumn: 26, data: { sink: 'fs.readFile', via: '', source: 'req.query.p' } },
        { messageId: 'requestPath', line: 6, column: 17, endLine: 6, endColumn: 28, data: { sink: 'fs.customRead', via: '', source: 'req.query.q' } },
      ],
    },
    {
      code: `import { readFile } from 'node:fs/promises';
import * as storage from '@acme/storage';
import express from 'express';
const app = express();
app.get('/f', async (req, res) => {
  await readFile(req.query.p);
  await storage.readObject(req.query.q);
});
`,
      settings: { 'agent-guard': { fs: { sinks: ['@acme/storage#readObject'] } } },
      errors: [
        { messageId: 'requestPath', line: 6, column: 18, endLine: 6, endColumn: 29, data: { sink: 'readFile', via: '', source: 'req.query.p' } },
        { messageId: 'requestPath', line: 7, column: 28, endLine: 7, endColumn: 39, data: { sink: 'storage.readObject', via: '', source: 'req.query.q' } },
      ],
    },
    {
      // Plain names: the written callee, whole or by its last segments.
      code: `import express from 'express';
const app = express();
app.get('/f', (req, res) => {
  readObject(req.query.a);
  this.storage.readObject(req.query.b);
  res.end();
});
`,
      settings: { 'agent-guard': { fs: { sinks: ['readObject'] } } },
      errors: [
        { messageId: 'requestPath', line: 4, column: 14, endLine: 4, endColumn: 25, data: { sink: 'readObject', via: '', source: 'req.query.a' } },
        { messageId: 'requestPath', line: 5, column: 27, endLine: 5, endColumn: 38, data: { sink: 'this.storage.readObject', via: '', source: 'req.query.b' } },
      ],
    },
  ],
});
