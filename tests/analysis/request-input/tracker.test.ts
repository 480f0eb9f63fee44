import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { createRuleTester } from '../../rule-tester';
import { probeRule } from '../../frameworks/probe-rule';

/*
 * The request-input tracker through the probe rule: every argument of `sink(...)` is
 * reported as `input` (with its origin), `safe` or `unknown`. Express is the framework
 * here; tests/frameworks/*.test.ts cover the other frameworks' sources.
 */
const ruleTester = createRuleTester();

ruleTester.run('request-input', probeRule, {
  valid: [
    'const x = 1;',
    `import express from 'express';
const app = express();
app.get('/', (req, res) => res.send(req.query.a));
`,
  ],
  invalid: [
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink(req.params.name, req.query.file, req.body.path, req.headers['x-file'], req.cookies.dir);
});
`,
      errors: [
        { messageId: 'input', line: 5, column: 8, endLine: 5, endColumn: 23, data: { source: 'req.params.name', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 25, endLine: 5, endColumn: 39, data: { source: 'req.query.file', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 41, endLine: 5, endColumn: 54, data: { source: 'req.body.path', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 56, endLine: 5, endColumn: 77, data: { source: 'req.headers[\'x-file\']', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 79, endLine: 5, endColumn: 94, data: { source: 'req.cookies.dir', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink(req.signedCookies.d, req.file.originalname, req.files[0].originalname, req.ip, req.path, req.originalUrl, req.url, req.hostname);
});
`,
      errors: [
        { messageId: 'input', line: 5, column: 8, endLine: 5, endColumn: 27, data: { source: 'req.signedCookies.d', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 29, endLine: 5, endColumn: 50, data: { source: 'req.file.originalname', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 52, endLine: 5, endColumn: 77, data: { source: 'req.files[0].originalname', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 79, endLine: 5, endColumn: 85, data: { source: 'req.ip', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 87, endLine: 5, endColumn: 95, data: { source: 'req.path', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 97, endLine: 5, endColumn: 112, data: { source: 'req.originalUrl', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 114, endLine: 5, endColumn: 121, data: { source: 'req.url', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 123, endLine: 5, endColumn: 135, data: { source: 'req.hostname', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink(req.get('x-file'), req.header('x-file'));
});
`,
      errors: [
        { messageId: 'input', line: 5, column: 8, endLine: 5, endColumn: 25, data: { source: 'req.get(\'x-file\')', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 27, endLine: 5, endColumn: 47, data: { source: 'req.header(\'x-file\')', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink(req.method, req.app, res.locals.dir, req[key]);
});
`,
      errors: [
        { messageId: 'unknown', line: 5, column: 8, endLine: 5, endColumn: 18 },
        { messageId: 'unknown', line: 5, column: 20, endLine: 5, endColumn: 27 },
        { messageId: 'unknown', line: 5, column: 29, endLine: 5, endColumn: 43 },
        { messageId: 'unknown', line: 5, column: 45, endLine: 5, endColumn: 53 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const name = req.params.name;
  let other;
  other = req.query.f;
  sink(name, other);
});
`,
      errors: [
        { messageId: 'input', line: 8, column: 8, endLine: 8, endColumn: 12, data: { source: 'req.params.name', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 8, column: 14, endLine: 8, endColumn: 19, data: { source: 'req.query.f', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const { name, dir: folder = 'x', ...rest } = req.query;
  const [first] = req.body.files;
  sink(name, folder, rest, first);
});
`,
      errors: [
        { messageId: 'input', line: 7, column: 8, endLine: 7, endColumn: 12, data: { source: 'req.query.name', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 14, endLine: 7, endColumn: 20, data: { source: 'req.query.dir', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 22, endLine: 7, endColumn: 26, data: { source: 'req.query', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 28, endLine: 7, endColumn: 33, data: { source: 'req.body.files[0]', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const { params: { name } } = req;
  const q = req.query;
  sink(name, q.file, q['file'], q?.file);
});
`,
      errors: [
        { messageId: 'input', line: 7, column: 8, endLine: 7, endColumn: 12, data: { source: 'req.params.name', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 14, endLine: 7, endColumn: 20, data: { source: 'req.query.file', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 22, endLine: 7, endColumn: 31, data: { source: 'req.query.file', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 33, endLine: 7, endColumn: 40, data: { source: 'req.query.file', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink(\`\${req.params.name}.txt\`, 'uploads/' + req.params.name, [req.query.a], { p: req.query.a }, String(req.query.a), decodeURIComponent(req.query.a));
});
`,
      errors: [
        { messageId: 'input', line: 5, column: 8, endLine: 5, endColumn: 32, data: { source: 'req.params.name', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 34, endLine: 5, endColumn: 62, data: { source: 'req.params.name', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 64, endLine: 5, endColumn: 77, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 79, endLine: 5, endColumn: 97, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 99, endLine: 5, endColumn: 118, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 120, endLine: 5, endColumn: 151, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink(req.query.a.toString(), req.query.a.trim().toLowerCase(), Buffer.from(req.body.data), path.normalize(req.query.a), path.join('a', req.query.a), path.resolve(req.query.a));
});
`,
      errors: [
        { messageId: 'input', line: 5, column: 8, endLine: 5, endColumn: 30, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 32, endLine: 5, endColumn: 64, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 66, endLine: 5, endColumn: 92, data: { source: 'req.body.data', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 5, column: 94, endLine: 5, endColumn: 121, data: { source: 'req.query.a', framework: 'express', notes: 'path.normalize()' } },
        { messageId: 'input', line: 5, column: 123, endLine: 5, endColumn: 150, data: { source: 'req.query.a', framework: 'express', notes: 'path.join()' } },
        { messageId: 'input', line: 5, column: 152, endLine: 5, endColumn: 177, data: { source: 'req.query.a', framework: 'express', notes: 'path.resolve()' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.post('/f', async (req, res) => {
  const body = await req.body;
  const file = (req.query.file as string)!;
  sink(body.name, file, req.query.a ?? 'x', cond ? req.query.a : 'b');
});
`,
      errors: [
        { messageId: 'input', line: 7, column: 8, endLine: 7, endColumn: 17, data: { source: 'req.body.name', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 19, endLine: 7, endColumn: 23, data: { source: 'req.query.file', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 25, endLine: 7, endColumn: 43, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 45, endLine: 7, endColumn: 69, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink(...[req.query.a]);
  req.body.files.forEach((f) => sink(f.originalname));
  for (const f of req.body.list) sink(f);
  for (const k in req.query) sink(k);
});
`,
      errors: [
        { messageId: 'input', line: 5, column: 8, endLine: 5, endColumn: 24, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 6, column: 38, endLine: 6, endColumn: 52, data: { source: 'req.body.files[…].originalname', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 7, column: 39, endLine: 7, endColumn: 40, data: { source: 'req.body.list[…]', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 8, column: 35, endLine: 8, endColumn: 36, data: { source: 'req.query', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink(path.basename(req.params.name), path.parse(req.params.name).base, Number(req.query.id), parseInt(req.query.id, 10), req.query.a.length, req.query.a.includes('x'));
});
`,
      errors: [
        { messageId: 'safe', line: 5, column: 8, endLine: 5, endColumn: 38 },
        { messageId: 'safe', line: 5, column: 40, endLine: 5, endColumn: 72 },
        { messageId: 'safe', line: 5, column: 74, endLine: 5, endColumn: 94 },
        { messageId: 'safe', line: 5, column: 96, endLine: 5, endColumn: 122 },
        { messageId: 'safe', line: 5, column: 124, endLine: 5, endColumn: 142 },
        { messageId: 'safe', line: 5, column: 144, endLine: 5, endColumn: 169 },
      ],
    },
    {
      code: `import express from 'express';
import sanitize from 'sanitize-filename';
import { basename } from 'path';
const app = express();
app.get('/', (req, res) => {
  sink(sanitize(req.query.f), basename(req.query.f), req.query.f.replace(/[^a-z0-9_-]/gi, ''), req.query.f.replace(/[^\\w.-]/g, ''));
});
`,
      errors: [
        { messageId: 'safe', line: 6, column: 8, endLine: 6, endColumn: 29 },
        { messageId: 'safe', line: 6, column: 31, endLine: 6, endColumn: 52 },
        { messageId: 'safe', line: 6, column: 54, endLine: 6, endColumn: 94 },
        { messageId: 'input', line: 6, column: 96, endLine: 6, endColumn: 131, data: { source: 'req.query.f', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink(req.params.name.replace('..', ''), req.params.name.replaceAll('../', ''), req.params.name.replace(/\\.\\./g, ''));
});
`,
      errors: [
        { messageId: 'input', line: 5, column: 8, endLine: 5, endColumn: 41, data: { source: 'req.params.name', framework: 'express', notes: 'replace(\'..\', …)' } },
        { messageId: 'input', line: 5, column: 43, endLine: 5, endColumn: 80, data: { source: 'req.params.name', framework: 'express', notes: 'replaceAll(\'../\', …)' } },
        { messageId: 'input', line: 5, column: 82, endLine: 5, endColumn: 118, data: { source: 'req.params.name', framework: 'express', notes: 'replace(/\\.\\./g, …)' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const name = req.params.name;
  if (!/^[\\w-]+$/.test(name)) return res.status(400).end();
  sink(name);
});
`,
      errors: [
        { messageId: 'safe', line: 7, column: 8, endLine: 7, endColumn: 12 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const name = req.params.name;
  if (!/^.+$/.test(name)) return res.status(400).end();
  sink(name);
});
`,
      errors: [
        { messageId: 'input', line: 7, column: 8, endLine: 7, endColumn: 12, data: { source: 'req.params.name', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const name = req.params.name;
  if (/\\.\\./.test(name)) return res.end();
  assert(/^[a-z]+$/.test(req.query.b));
  sink(name, req.query.b);
});
`,
      errors: [
        { messageId: 'input', line: 8, column: 8, endLine: 8, endColumn: 12, data: { source: 'req.params.name', framework: 'express', notes: '/\\.\\./ test' } },
        { messageId: 'safe', line: 8, column: 14, endLine: 8, endColumn: 25 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const id = req.params.id;
  if (ALLOWED.indexOf(id) === -1) return;
  sink(id);
  if (id in FILES) sink(FILES[id], id);
  switch (req.query.t) {
    case 'a':
      sink(req.query.t);
  }
});
`,
      errors: [
        { messageId: 'safe', line: 7, column: 8, endLine: 7, endColumn: 10 },
        { messageId: 'unknown', line: 8, column: 25, endLine: 8, endColumn: 34 },
        { messageId: 'safe', line: 8, column: 36, endLine: 8, endColumn: 38 },
        { messageId: 'safe', line: 11, column: 12, endLine: 11, endColumn: 23 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const p = path.resolve(ROOT, req.params.name);
  if (!p.startsWith(ROOT + path.sep)) {
    throw new Error('bad');
  }
  sink(p);
});
`,
      errors: [
        { messageId: 'safe', line: 9, column: 8, endLine: 9, endColumn: 9 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const p = path.resolve(ROOT, req.params.name);
  if (!p.startsWith(ROOT)) return res.end();
  sink(p);
});
`,
      errors: [
        { messageId: 'input', line: 7, column: 8, endLine: 7, endColumn: 9, data: { source: 'req.params.name', framework: 'express', notes: 'path.resolve()|startsWith() without a trailing separator' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const p = path.join(ROOT, req.params.name);
  if (p.indexOf(ROOT) !== 0) return res.end();
  sink(p);
});
`,
      errors: [
        { messageId: 'input', line: 7, column: 8, endLine: 7, endColumn: 9, data: { source: 'req.params.name', framework: 'express', notes: 'path.join()|indexOf() === 0 without a trailing separator' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const p = path.resolve(ROOT, req.params.name);
  const rel = path.relative(ROOT, p);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return res.sendStatus(403);
  sink(p);
});
`,
      errors: [
        { messageId: 'safe', line: 8, column: 8, endLine: 8, endColumn: 9 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const p = path.resolve(ROOT, req.params.name);
  if (p.startsWith(\`\${ROOT}/\`)) {
    sink(p);
  }
  sink(p);
});
`,
      errors: [
        { messageId: 'safe', line: 7, column: 10, endLine: 7, endColumn: 11 },
        { messageId: 'input', line: 9, column: 8, endLine: 9, endColumn: 9, data: { source: 'req.params.name', framework: 'express', notes: 'path.resolve()' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const name = req.params.name;
  if (name.includes('..')) return res.end();
  sink(name);
});
`,
      errors: [
        { messageId: 'input', line: 7, column: 8, endLine: 7, endColumn: 12, data: { source: 'req.params.name', framework: 'express', notes: 'includes(\'..\') check' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const name = req.query.f;
  if (!ALLOWED.includes(name)) return res.end();
  sink(name);
  if (allowed.has(req.query.g)) sink(req.query.g);
  sink(req.query.g);
});
`,
      errors: [
        { messageId: 'safe', line: 7, column: 8, endLine: 7, endColumn: 12 },
        { messageId: 'safe', line: 8, column: 38, endLine: 8, endColumn: 49 },
        { messageId: 'input', line: 9, column: 8, endLine: 9, endColumn: 19, data: { source: 'req.query.g', framework: 'express', notes: '-' } },
      ],
    },
    {
      // guards and request shapes read computed member names: literal and constant keys name
      // the method or property, other keys none
      code: `import express from 'express';
const app = express();
const HAS = 'has';
const H = 'x-file';
app.get('/f/:name', (req, res) => {
  if (ALLOWED['includes'](req.query.a)) sink(req.query.a);
  if (allowed[HAS](req.query.b)) sink(req.query.b);
  if (allowed[method](req.query.c)) sink(req.query.c);
  sink(req.headers[H], req[\`query\`].d);
});
`,
      errors: [
        { messageId: 'safe', line: 6, column: 46, endLine: 6, endColumn: 57 },
        { messageId: 'safe', line: 7, column: 39, endLine: 7, endColumn: 50 },
        { messageId: 'input', line: 8, column: 42, endLine: 8, endColumn: 53, data: { source: 'req.query.c', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 9, column: 8, endLine: 9, endColumn: 22, data: { source: "req.headers['x-file']", framework: 'express', notes: '-' } },
        { messageId: 'input', line: 9, column: 24, endLine: 9, endColumn: 38, data: { source: 'req.query.d', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const name = req.query.f;
  if (name !== 'a.txt' && name !== 'b.txt') return;
  sink(name);
  sink(ok(name) ? name : 'x', isSafe(req.query.z) && req.query.z);
});
`,
      errors: [
        { messageId: 'safe', line: 7, column: 8, endLine: 7, endColumn: 12 },
        { messageId: 'safe', line: 8, column: 8, endLine: 8, endColumn: 29 },
        { messageId: 'input', line: 8, column: 31, endLine: 8, endColumn: 65, data: { source: 'req.query.z', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
import isPathInside from 'is-path-inside';
app.get('/', (req, res) => {
  const p = path.resolve(ROOT, req.query.f);
  if (!isPathInside(p, ROOT)) return;
  sink(p);
});
`,
      errors: [
        { messageId: 'safe', line: 8, column: 8, endLine: 8, endColumn: 9 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const name = req.query.f;
  if (!/^[\\w-]+$/.test(name)) {
    res.status(400).send('bad');
  }
  sink(name);
});
`,
      errors: [
        { messageId: 'input', line: 9, column: 8, endLine: 9, endColumn: 12, data: { source: 'req.query.f', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  for (const f of req.body.files) {
    if (!/^\\w+$/.test(f)) continue;
    sink(f);
  }
});
`,
      errors: [
        { messageId: 'safe', line: 7, column: 10, endLine: 7, endColumn: 11 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
import { z } from 'zod';
const Name = z.string().regex(/^[\\w-]+$/);
const Q = z.object({ file: z.enum(['a', 'b']), dir: z.string() });
app.get('/', (req, res) => {
  const q = Q.parse(req.query);
  sink(Name.parse(req.query.n), z.string().parse(req.query.n), q.file, q.dir, Q.safeParse(req.query).data.file);
});
`,
      errors: [
        { messageId: 'safe', line: 9, column: 8, endLine: 9, endColumn: 31 },
        { messageId: 'input', line: 9, column: 33, endLine: 9, endColumn: 62, data: { source: 'req.query.n', framework: 'express', notes: '-' } },
        { messageId: 'safe', line: 9, column: 64, endLine: 9, endColumn: 70 },
        { messageId: 'input', line: 9, column: 72, endLine: 9, endColumn: 77, data: { source: 'req.query.dir', framework: 'express', notes: '-' } },
        { messageId: 'safe', line: 9, column: 79, endLine: 9, endColumn: 111 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
import * as v from 'valibot';
const S = v.pipe(v.string(), v.regex(/^[a-z]+$/));
app.get('/', (req, res) => {
  sink(v.parse(S, req.query.n), v.parse(v.string(), req.query.n));
});
`,
      errors: [
        { messageId: 'safe', line: 7, column: 8, endLine: 7, endColumn: 31 },
        { messageId: 'input', line: 7, column: 33, endLine: 7, endColumn: 65, data: { source: 'req.query.n', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { UPLOADS } from './config';
app.get('/', (req, res) => {
  sink(__dirname, __filename, import.meta.dirname, fileURLToPath(import.meta.url), process.cwd(), os.tmpdir(), crypto.randomUUID(), Date.now(), UPLOADS, path.join(__dirname, 'static', \`\${Date.now()}.txt\`));
});
`,
      errors: [
        { messageId: 'safe', line: 8, column: 8, endLine: 8, endColumn: 17 },
        { messageId: 'safe', line: 8, column: 19, endLine: 8, endColumn: 29 },
        { messageId: 'safe', line: 8, column: 31, endLine: 8, endColumn: 50 },
        { messageId: 'safe', line: 8, column: 52, endLine: 8, endColumn: 82 },
        { messageId: 'safe', line: 8, column: 84, endLine: 8, endColumn: 97 },
        { messageId: 'safe', line: 8, column: 99, endLine: 8, endColumn: 110 },
        { messageId: 'safe', line: 8, column: 112, endLine: 8, endColumn: 131 },
        { messageId: 'safe', line: 8, column: 133, endLine: 8, endColumn: 143 },
        { messageId: 'safe', line: 8, column: 145, endLine: 8, endColumn: 152 },
        { messageId: 'safe', line: 8, column: 154, endLine: 8, endColumn: 205 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink(someGlobal, this.dir, getDir(), db.find(req.params.id));
});
`,
      errors: [
        { messageId: 'unknown', line: 5, column: 8, endLine: 5, endColumn: 18 },
        { messageId: 'unknown', line: 5, column: 20, endLine: 5, endColumn: 28 },
        { messageId: 'unknown', line: 5, column: 30, endLine: 5, endColumn: 38 },
        { messageId: 'unknown', line: 5, column: 40, endLine: 5, endColumn: 62 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  readUpload(req.params.name);
  list(req.query.dir, 'x');
});
function readUpload(name) {
  sink(name);
}
const list = async (dir, other) => {
  await inner(dir);
  sink(other);
};
async function inner(d) {
  sink(d);
  inner(d);
}
`,
      errors: [
        { messageId: 'input', line: 9, column: 8, endLine: 9, endColumn: 12, data: { source: 'req.params.name', framework: 'express', notes: '-' } },
        { messageId: 'safe', line: 13, column: 8, endLine: 13, endColumn: 13 },
        { messageId: 'input', line: 16, column: 8, endLine: 16, endColumn: 9, data: { source: 'req.query.dir', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  const p = build(req.params.name);
  const s = safe(req.params.name);
  sink(p, s);
});
function build(n) { return path.join(ROOT, n); }
function safe(n) {
  if (!/^[a-z]+$/.test(n)) throw new Error('bad');
  return n;
}
`,
      errors: [
        { messageId: 'input', line: 7, column: 8, endLine: 7, endColumn: 9, data: { source: 'req.params.name', framework: 'express', notes: 'path.join()' } },
        { messageId: 'safe', line: 7, column: 11, endLine: 7, endColumn: 12 },
      ],
    },
    {
      code: `export function exported(x) {
  sink(x);
}
function onlyConstants(y) {
  sink(y);
}
onlyConstants('a');
onlyConstants(\`b\`);
`,
      errors: [
        { messageId: 'unknown', line: 2, column: 8, endLine: 2, endColumn: 9 },
        { messageId: 'safe', line: 5, column: 8, endLine: 5, endColumn: 9 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
import { getInput } from './input';
import { clean } from './clean';
app.get('/', (req, res) => {
  sink(getInput('file'), ctxHelper.read(), clean(req.query.f), myClean(req.query.f));
});
`,
      options: [{"sources":["./input#getInput","ctxHelper.read"],"sanitizers":["./clean#clean","myClean"]}],
      errors: [
        { messageId: 'input', line: 7, column: 8, endLine: 7, endColumn: 24, data: { source: 'getInput(\'file\')', framework: 'custom', notes: '-' } },
        { messageId: 'input', line: 7, column: 26, endLine: 7, endColumn: 42, data: { source: 'ctxHelper.read()', framework: 'custom', notes: '-' } },
        { messageId: 'safe', line: 7, column: 44, endLine: 7, endColumn: 62 },
        { messageId: 'safe', line: 7, column: 64, endLine: 7, endColumn: 84 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/', (req, res) => {
  sink(readInput(), scrub(req.query.f));
});
`,
      settings: {"agent-guard":{"requestInput":{"sources":["readInput"],"sanitizers":["scrub"]}}},
      errors: [
        { messageId: 'input', line: 5, column: 8, endLine: 5, endColumn: 19, data: { source: 'readInput()', framework: 'custom', notes: '-' } },
        { messageId: 'safe', line: 5, column: 21, endLine: 5, endColumn: 39 },
      ],
    },
    {
      code: `import express from 'express';
import path from 'node:path';
const app = express();
app.get('/f/:name', (req, res) => {
  sink();
  sink(req?.query?.[k], req.query[\`a\${b}\`], (0, req.query.a), req.params.name++, typeof req.query.a);
  const req2 = req;
  sink(req2.query.a);
});
`,
      errors: [
        { messageId: 'input', line: 6, column: 8, endLine: 6, endColumn: 23, data: { source: 'req.query[k]', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 6, column: 25, endLine: 6, endColumn: 43, data: { source: 'req.query[`a${b}`]', framework: 'express', notes: '-' } },
        { messageId: 'input', line: 6, column: 46, endLine: 6, endColumn: 60, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
        { messageId: 'safe', line: 6, column: 63, endLine: 6, endColumn: 80 },
        { messageId: 'safe', line: 6, column: 82, endLine: 6, endColumn: 100 },
        { messageId: 'input', line: 8, column: 8, endLine: 8, endColumn: 20, data: { source: 'req.query.a', framework: 'express', notes: '-' } },
      ],
    },
    {
      code: `function notAHandler(req) {
  sink(req.query.a);
}
const cache = new Map();
cache.get('k');
`,
      errors: [
        { messageId: 'unknown', line: 2, column: 8, endLine: 2, endColumn: 19 },
      ],
    },
  ],
});

/*
 * Input far larger or deeper than handlers are written: the tracker must neither overflow the
 * stack nor re-walk the file per use (tests/robustness covers every rule on such input).
 */
describe('request-input on deep and long code', () => {
  const linter = new Linter();
  const probe = (code: string): (string | null)[] =>
    linter
      .verify(code, [{ plugins: { p: { rules: { probe: probeRule as never } } }, rules: { 'p/probe': 'error' } }], 'file.js')
      .map((message) => message.messageId ?? message.message);
  const inHandler = (body: string): string =>
    `import express from 'express';\nconst app = express();\napp.get('/f/:name', (req, res) => {\n${body}\n});\n`;

  it('follows a 10,000-long member chain', () => {
    expect(probe(inHandler(`sink(req.query${'.a'.repeat(10_000)});`))).toEqual(['input']);
  });

  it('follows a 5,000-term concatenation of request input', () => {
    const terms = Array.from({ length: 5000 }, () => 'name').join(" + '/' + ");
    expect(probe(inHandler(`const name = req.params.name;\nsink(${terms});`))).toEqual(['input']);
  });

  it('answers unknown, without overflowing, for a chain of 2,000 variables (beyond its depth bound)', () => {
    const chain = Array.from({ length: 2000 }, (_, i) => `const v${i + 1} = v${i} + '/';`).join('\n');
    expect(probe(inHandler(`const v0 = req.params.name;\n${chain}\nsink(v2000, v10);`))).toEqual(['unknown', 'input']);
  });

  it('applies a guard 3,000 statements above the use', () => {
    const filler = Array.from({ length: 3000 }, (_, i) => `log(${i});`).join('\n');
    const body = `const name = req.params.name;\nif (!/^[\\w-]+$/.test(name)) return;\n${filler}\nsink(name, req.params.other);`;
    expect(probe(inHandler(body))).toEqual(['safe', 'input']);
  });

  it('finds every handler of a file that creates 2,000 routers', () => {
    const routes = Array.from(
      { length: 2000 },
      (_, i) => `const app${i} = express.Router();\napp${i}.get('/r${i}', requireAuth, (rq, rs) => { sink(rq.query.q${i}); });`,
    ).join('\n');
    const messages = probe(`import express from 'express';\nconst requireAuth = (req, res, next) => next();\n${routes}\n`);
    expect(messages).toHaveLength(2000);
    expect(new Set(messages)).toEqual(new Set(['input']));
  });
});

