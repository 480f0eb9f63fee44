import rule from '../../src/rules/no-command-injection';
import { createRuleTester } from '../rule-tester';

/**
 * The `useExecFile` suggestion of no-command-injection: `exec`/`execSync` with a simple command
 * template become `execFile`/`execFileSync` with an argument array, bound as `exec` was; commands a
 * shell would read otherwise get no suggestion (but are still reported).
 */
const ruleTester = createRuleTester();


ruleTester.run('no-command-injection', rule, {
  valid: [
  ],
  invalid: [
    // A named import gains execFile; the callback is kept
    {
      code: `import { exec } from 'node:child_process';
import express from 'express';
const app = express();
app.post('/thumb', (req, res) => {
  exec(\`convert \${req.body.file} -resize 50% out.png\`, (err) => res.sendStatus(err ? 500 : 200));
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 8, endLine: 5, endColumn: 54, data: { sink: 'exec', source: 'req.body.file' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'convert', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import express from 'express';
const app = express();
app.post('/thumb', (req, res) => {
  execFile('convert', [req.body.file, '-resize', '50%', 'out.png'], (err) => res.sendStatus(err ? 500 : 200));
});
` }] },
      ],
    },
    // An aliased import: execFile is added, the alias replaced at the call
    {
      code: `import { exec as run, spawn } from 'child_process';
import express from 'express';
const app = express();
app.post('/thumb', (req, res) => {
  run(\`convert   \${req.body.file}   out.png\`);
  spawn('ls');
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 7, endLine: 5, endColumn: 45, data: { sink: 'run', source: 'req.body.file' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'convert', callee: 'execFile' }, output: `import { exec as run, spawn, execFile } from 'child_process';
import express from 'express';
const app = express();
app.post('/thumb', (req, res) => {
  execFile('convert', [req.body.file, 'out.png']);
  spawn('ls');
});
` }] },
      ],
    },
    // execFile already imported: used as it is, no new specifier
    {
      code: `import { exec, execFile } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/ping', (req, res) => {
  exec(\`ping -c 1 \${req.query.host}\`, (err, stdout) => res.send(stdout));
  execFile('uptime', () => {});
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 8, endLine: 5, endColumn: 37, data: { sink: 'exec', source: 'req.query.host' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'ping', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/ping', (req, res) => {
  execFile('ping', ['-c', '1', req.query.host], (err, stdout) => res.send(stdout));
  execFile('uptime', () => {});
});
` }] },
      ],
    },
    // execSync with its options: execFileSync, options kept; a quoted interpolation is one argument
    {
      code: `import { execSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/show', (req, res) => {
  res.send(execSync(\`git show "\${req.query.ref}" --stat\`, { cwd: '/srv/repo', encoding: 'utf8' }));
  execSync(\`file '\${req.query.name}'\`);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 21, endLine: 5, endColumn: 57, data: { sink: 'execSync', source: 'req.query.ref' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'git', callee: 'execFileSync' }, output: `import { execSync, execFileSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/show', (req, res) => {
  res.send(execFileSync('git', ['show', req.query.ref, '--stat'], { cwd: '/srv/repo', encoding: 'utf8' }));
  execSync(\`file '\${req.query.name}'\`);
});
` }] },
        { messageId: 'requestCommand', line: 6, column: 12, endLine: 6, endColumn: 38, data: { sink: 'execSync', source: 'req.query.name' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'file', callee: 'execFileSync' }, output: `import { execSync, execFileSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/show', (req, res) => {
  res.send(execSync(\`git show "\${req.query.ref}" --stat\`, { cwd: '/srv/repo', encoding: 'utf8' }));
  execFileSync('file', [req.query.name]);
});
` }] },
      ],
    },
    // Namespace and default imports: the method on the same object
    {
      code: `import * as cp from 'node:child_process';
import childProcess from 'child_process';
import express from 'express';
const app = express();
app.get('/du', (req, res) => {
  cp.exec(\`du -sh \${req.query.dir}\`, { timeout: 5000 }, (err, out) => res.send(out));
  childProcess.execSync(\`du -sh \${req.query.dir}\`);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 6, column: 11, endLine: 6, endColumn: 36, data: { sink: 'cp.exec', source: 'req.query.dir' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'du', callee: 'cp.execFile' }, output: `import * as cp from 'node:child_process';
import childProcess from 'child_process';
import express from 'express';
const app = express();
app.get('/du', (req, res) => {
  cp.execFile('du', ['-sh', req.query.dir], { timeout: 5000 }, (err, out) => res.send(out));
  childProcess.execSync(\`du -sh \${req.query.dir}\`);
});
` }] },
        { messageId: 'requestCommand', line: 7, column: 25, endLine: 7, endColumn: 50, data: { sink: 'childProcess.execSync', source: 'req.query.dir' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'du', callee: 'childProcess.execFileSync' }, output: `import * as cp from 'node:child_process';
import childProcess from 'child_process';
import express from 'express';
const app = express();
app.get('/du', (req, res) => {
  cp.exec(\`du -sh \${req.query.dir}\`, { timeout: 5000 }, (err, out) => res.send(out));
  childProcess.execFileSync('du', ['-sh', req.query.dir]);
});
` }] },
      ],
    },
    // CommonJS: a destructured require gains execFileSync; a module object and a direct require keep their object
    {
      code: `const { execSync } = require('node:child_process');
const cp = require('child_process');
const express = require('express');
const app = express();
app.get('/du', (req, res) => {
  execSync(\`du -sh \${req.query.dir}\`);
  cp.exec(\`du -sh \${req.query.dir}\`);
  require('child_process').exec(\`du -sh \${req.query.dir}\`);
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestCommand', line: 6, column: 12, endLine: 6, endColumn: 37, data: { sink: 'execSync', source: 'req.query.dir' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'du', callee: 'execFileSync' }, output: `const { execSync, execFileSync } = require('node:child_process');
const cp = require('child_process');
const express = require('express');
const app = express();
app.get('/du', (req, res) => {
  execFileSync('du', ['-sh', req.query.dir]);
  cp.exec(\`du -sh \${req.query.dir}\`);
  require('child_process').exec(\`du -sh \${req.query.dir}\`);
});
` }] },
        { messageId: 'requestCommand', line: 7, column: 11, endLine: 7, endColumn: 36, data: { sink: 'cp.exec', source: 'req.query.dir' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'du', callee: 'cp.execFile' }, output: `const { execSync } = require('node:child_process');
const cp = require('child_process');
const express = require('express');
const app = express();
app.get('/du', (req, res) => {
  execSync(\`du -sh \${req.query.dir}\`);
  cp.execFile('du', ['-sh', req.query.dir]);
  require('child_process').exec(\`du -sh \${req.query.dir}\`);
});
` }] },
        { messageId: 'requestCommand', line: 8, column: 33, endLine: 8, endColumn: 58, data: { sink: 'require(\'child_process\').exec', source: 'req.query.dir' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'du', callee: 'require(\'child_process\').execFile' }, output: `const { execSync } = require('node:child_process');
const cp = require('child_process');
const express = require('express');
const app = express();
app.get('/du', (req, res) => {
  execSync(\`du -sh \${req.query.dir}\`);
  cp.exec(\`du -sh \${req.query.dir}\`);
  require('child_process').execFile('du', ['-sh', req.query.dir]);
});
` }] },
      ],
    },
    // TypeScript expressions are moved into the array as written
    {
      code: `import { exec } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/t', (req, res) => {
  exec(\`identify \${req.query.file as string} \${(req.query.flag as string)!}\`);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 8, endLine: 5, endColumn: 77, data: { sink: 'exec', source: 'req.query.file' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'identify', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/t', (req, res) => {
  execFile('identify', [req.query.file as string, (req.query.flag as string)!]);
});
` }] },
      ],
    },
    // Pipes, redirections, globs, shell variables, ~, &&, an interpolation inside a word, several lines: reported, no suggestion
    {
      code: `import { exec } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/n', (req, res) => {
  exec(\`cat \${req.query.f} | grep error\`);
  exec(\`convert \${req.query.f} > out.png\`);
  exec(\`ls \${req.query.d}/*.png\`);
  exec(\`ls $HOME/\${req.query.d}\`);
  exec(\`ls ~/\${req.query.d}\`);
  exec(\`cd \${req.query.d} && ls\`);
  exec(\`convert in.png out-\${req.query.id}.png\`);
  exec(\`convert \${req.query.f}
    out.png\`);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 8, endLine: 5, endColumn: 41, data: { sink: 'exec', source: 'req.query.f' }, suggestions: [] },
        { messageId: 'requestCommand', line: 6, column: 8, endLine: 6, endColumn: 42, data: { sink: 'exec', source: 'req.query.f' }, suggestions: [] },
        { messageId: 'requestCommand', line: 7, column: 8, endLine: 7, endColumn: 33, data: { sink: 'exec', source: 'req.query.d' }, suggestions: [] },
        { messageId: 'requestCommand', line: 8, column: 8, endLine: 8, endColumn: 33, data: { sink: 'exec', source: 'req.query.d' }, suggestions: [] },
        { messageId: 'requestCommand', line: 9, column: 8, endLine: 9, endColumn: 29, data: { sink: 'exec', source: 'req.query.d' }, suggestions: [] },
        { messageId: 'requestCommand', line: 10, column: 8, endLine: 10, endColumn: 33, data: { sink: 'exec', source: 'req.query.d' }, suggestions: [] },
        { messageId: 'requestCommand', line: 11, column: 8, endLine: 11, endColumn: 48, data: { sink: 'exec', source: 'req.query.id' }, suggestions: [] },
        { messageId: 'requestCommand', line: 12, column: 8, endLine: 13, endColumn: 13, data: { sink: 'exec', source: 'req.query.f' }, suggestions: [] },
      ],
    },
    // The program from input, a concatenation, a promisified exec, an environment assignment: no suggestion
    {
      code: `import { exec } from 'node:child_process';
import { promisify } from 'node:util';
const execAsync = promisify(exec);
import express from 'express';
const app = express();
app.get('/n', async (req, res) => {
  exec(\`\${req.query.bin} --version\`);
  exec('convert ' + req.query.f + ' out.png');
  await execAsync(\`convert \${req.query.f} out.png\`);
  exec(\`LANG=C sort \${req.query.f}\`);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 7, column: 8, endLine: 7, endColumn: 36, data: { sink: 'exec', source: 'req.query.bin' }, suggestions: [] },
        { messageId: 'requestCommand', line: 8, column: 8, endLine: 8, endColumn: 45, data: { sink: 'exec', source: 'req.query.f' }, suggestions: [] },
        { messageId: 'requestCommand', line: 9, column: 19, endLine: 9, endColumn: 51, data: { sink: 'execAsync', source: 'req.query.f' }, suggestions: [] },
        { messageId: 'requestCommand', line: 10, column: 8, endLine: 10, endColumn: 36, data: { sink: 'exec', source: 'req.query.f' }, suggestions: [] },
      ],
    },
    // execFile taken by another binding: no suggestion
    {
      code: `import { exec } from 'node:child_process';
import express from 'express';
const app = express();
const execFile = (file: string) => file;
app.get('/n', (req, res) => {
  exec(\`convert \${req.query.f} out.png\`);
  execFile('x');
});
`,
      errors: [
        { messageId: 'requestCommand', line: 6, column: 8, endLine: 6, endColumn: 40, data: { sink: 'exec', source: 'req.query.f' }, suggestions: [] },
      ],
    },
    // A computed member callee: no suggestion
    {
      code: `import cp from 'node:child_process';
import express from 'express';
const app = express();
app.get('/n', (req, res) => {
  cp['exec'](\`convert \${req.query.f} out.png\`);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 14, endLine: 5, endColumn: 46, data: { sink: 'cp[\'exec\']', source: 'req.query.f' }, suggestions: [] },
      ],
    },
  ],
});

