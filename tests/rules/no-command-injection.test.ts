import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-command-injection';
import { createRuleTester } from '../rule-tester';

/**
 * no-command-injection: every sink family and import style, the frameworks' request input, and
 * the safe patterns people write (argument arrays, allow-lists, quoting, numbers, constant maps).
 * Suggestions are asserted where offered; tests/rules/no-command-injection-suggestions.test.ts
 * covers their shapes.
 */
const ruleTester = createRuleTester();
const espreeTester = new RuleTester({ languageOptions: { parser: espree, sourceType: 'module' } });


ruleTester.run('no-command-injection', rule, {
  valid: [
    // Input escaped for single quotes (each ' becomes '\'' or '"'"'), standing inside single quotes
    `import { exec, execSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/logs', (req, res) => {
  const search = req.query.search;
  const escaped = search?.replace(/'/g, "'\\\\''") ?? '';
  const command = search ? \`docker logs app 2>&1 | grep -iF '\${escaped}'\` : 'docker logs app 2>&1';
  exec(command, (error, out) => res.send(out));
  execSync(\`grep -rF 'needle \${req.query.q.replaceAll(/'/g, \`'"'"'\`)} here' /srv/logs\`);
  execSync("echo '" + req.query.name.replace(/'/g, "'\\\\''") + "' >> /srv/names.txt");
  const Q = "'";
  execSync('touch ' + Q + req.query.file.replace(/'/g, "'\\\\''") + Q);
});
`,
    // Argument arrays without a shell; a constant program; shell: false
    `import { execFile, spawn, execFileSync, fork } from 'node:child_process';
import express from 'express';
const app = express();
const CONVERT = 'convert';
app.post('/convert', (req, res) => {
  execFile('convert', [req.body.input, 'out.png'], () => {});
  const args = ['-resize', req.body.size, req.body.input];
  spawn(CONVERT, args);
  spawn('git', ['log', req.query.ref], { shell: false, cwd: '/srv/repo' });
  execFileSync('ls', [req.query.dir], { encoding: 'utf8' });
  fork('./worker.js', [req.body.job]);
});
`,
    // Allow-lists before the call: Set.has with an early exit, includes, ===, switch of constants, a constant map
    `import { exec, execSync } from 'node:child_process';
import express from 'express';
const app = express();
const FORMATS = new Set(['png', 'jpg', 'webp']);
const SIZES = ['small', 'large'];
const COMMANDS = { disk: 'df -h', memory: 'free -m' } as const;
app.get('/c', (req, res) => {
  const { format, size, mode, key } = req.query;
  if (!FORMATS.has(format)) return res.sendStatus(400);
  exec(\`convert in.png out.\${format}\`);
  if (SIZES.includes(size)) {
    exec(\`convert in.png -resize \${size} out.png\`);
  }
  if (mode === 'fast') execSync(\`build --mode \${mode}\`);
  switch (req.query.level) {
    case 'info':
    case 'debug':
      execSync(\`app --log \${req.query.level}\`);
      break;
  }
  execSync(COMMANDS[key as keyof typeof COMMANDS]);
});
`,
    // A strict anchored regex with an early exit, and assert
    `import { execSync } from 'node:child_process';
import assert from 'node:assert';
import express from 'express';
const app = express();
app.get('/show', (req, res) => {
  const ref = String(req.query.ref);
  if (!/^[\\w.-]+$/.test(ref)) {
    return res.status(400).send('bad ref');
  }
  execSync(\`git show \${ref}\`);
  const tag = req.query.tag;
  assert(/^v\\d+\\.\\d+\\.\\d+$/.test(tag));
  execSync(\`git checkout \${tag}\`);
});
`,
    // Shell quoting: shell-quote and shescape (function and instance)
    `import { exec } from 'node:child_process';
import { quote } from 'shell-quote';
import { quote as shQuote } from 'shescape';
import { Shescape } from 'shescape';
import express from 'express';
const app = express();
const shescape = new Shescape({ shell: true });
app.get('/q', (req, res) => {
  exec(\`grep \${quote([req.query.pattern])} log.txt\`);
  exec(\`grep \${shQuote(req.query.pattern)} log.txt\`);
  exec(\`grep \${shescape.quote(req.query.pattern)} log.txt\`);
});
`,
    // Numbers and a character allow-list
    `import { execSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/n', (req, res) => {
  execSync(\`head -n \${Number(req.query.lines)} app.log\`);
  execSync(\`kill -9 \${parseInt(req.query.pid, 10)}\`);
  execSync(\`tail -n \${req.query.n.length} app.log\`);
  execSync(\`file \${req.query.name.replace(/[^\\w.-]/g, '')}\`);
  execSync(\`file \${req.query.name.replace(/[^a-zA-Z0-9_-]/g, '_')}\`);
});
`,
    // Input in options that are not the command (env, cwd, stdin), also with a shell, and in a vm context object
    `import { execSync, spawn } from 'node:child_process';
import vm from 'node:vm';
import express from 'express';
const app = express();
app.get('/o', (req, res) => {
  execSync('npm run build', { env: { ...process.env, TARGET: req.query.target }, cwd: '/srv/app' });
  execSync('wc -l', { input: req.body.text });
  const options = { shell: true, cwd: req.query.dir };
  spawn('ls -la', options);
  spawn('git status', { shell: true, env: { GIT_DIR: req.query.dir } });
  vm.runInNewContext('a + b', { a: req.query.a, b: 2 });
});
`,
    // Look-alikes: RegExp#exec, a database exec, a local eval, a shadowed spawn, timers given functions
    `import Database from 'better-sqlite3';
import express from 'express';
const app = express();
const db = new Database('app.db');
function evaluate(x: string) { return x.length; }
app.get('/l', (req, res) => {
  const match = /^(\\d+)$/.exec(req.query.id);
  db.exec(req.body.sql);
  evaluate(req.query.x);
  const spawn = (cmd: string) => cmd;
  spawn(req.query.cmd);
  setTimeout(() => res.send(req.query.msg), 100);
  const finish = () => res.end();
  setTimeout(finish, 10);
  setInterval(function tick() { res.write(req.query.x); }, 1000);
});
`,
    // Constant code and commands
    `import { exec, execSync } from 'node:child_process';
import vm from 'node:vm';
import express from 'express';
const app = express();
const DIR = '/srv/data';
app.get('/k', (req, res) => {
  exec('ls -la');
  execSync(\`du -sh \${DIR}\`);
  eval('1 + 1');
  new Function('return this')();
  vm.runInThisContext('globalThis.x = 1');
  setTimeout('tick()', 10);
});
`,
    // Outside request handlers: CLI arguments and a function whose callers the file does not show
    { code: `import { exec, execSync } from 'node:child_process';
exec(\`git log \${process.argv[2]}\`);
export function build(target) {
  return execSync(\`make \${target}\`);
}
`, filename: 'file.js' },
    // A file without command modules or code-evaluating globals
    `import express from 'express';
const app = express();
app.get('/', (req, res) => {
  res.send(req.query.q);
});
`,
  ],
  invalid: [
    {
      // Escaped for single quotes but not inside them (double quotes, none), joined with raw input, or
      // only the first quote replaced: still a command line built from request input.
      code: `import { exec } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/logs', (req, res) => {
  const q = req.query.q.replace(/'/g, "'\\\\''");
  exec(\`docker logs app 2>&1 | grep -F "\${q}"\`);
  exec(\`docker logs app 2>&1 | grep -F \${q}\`);
  exec(\`docker logs app 2>&1 | grep -F '\${q + req.query.flags}'\`);
  exec(\`docker logs app 2>&1 | grep -F '\${req.query.q.replace(/'/, "'\\\\''")}'\`);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 6, column: 8, endLine: 6, endColumn: 47, data: { sink: 'exec', source: 'req.query.q' }, suggestions: [] },
        { messageId: 'requestCommand', line: 7, column: 8, endLine: 7, endColumn: 45, data: { sink: 'exec', source: 'req.query.q' }, suggestions: [] },
        { messageId: 'requestCommand', line: 8, column: 8, endLine: 8, endColumn: 65, data: { sink: 'exec', source: 'req.query.q' }, suggestions: [] },
        { messageId: 'requestCommand', line: 9, column: 8, endLine: 9, endColumn: 79, data: { sink: 'exec', source: 'req.query.q' }, suggestions: [] },
      ],
    },
    // ESM named import: exec with a template (the issue's example)
    {
      code: `import { exec } from 'node:child_process';
import express from 'express';
const app = express();
app.post('/convert', (req, res) => {
  exec(\`convert \${req.file.originalname} out.png\`, (err) => res.sendStatus(err ? 500 : 200));
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 8, endLine: 5, endColumn: 50, data: { sink: 'exec', source: 'req.file.originalname' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'convert', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import express from 'express';
const app = express();
app.post('/convert', (req, res) => {
  execFile('convert', [req.file.originalname, 'out.png'], (err) => res.sendStatus(err ? 500 : 200));
});
` }] },
      ],
    },
    // ESM default and namespace imports, execSync with concatenation
    {
      code: `import cp from 'child_process';
import * as childProcess from 'node:child_process';
import express from 'express';
const app = express();
app.get('/log', (req, res) => {
  res.send(cp.execSync('git log --oneline ' + req.query.ref));
  childProcess.exec(\`du -sh \${req.params.dir}\`);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 6, column: 24, endLine: 6, endColumn: 60, data: { sink: 'cp.execSync', source: 'req.query.ref' }, suggestions: [] },
        { messageId: 'requestCommand', line: 7, column: 21, endLine: 7, endColumn: 47, data: { sink: 'childProcess.exec', source: 'req.params.dir' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'du', callee: 'childProcess.execFile' }, output: `import cp from 'child_process';
import * as childProcess from 'node:child_process';
import express from 'express';
const app = express();
app.get('/log', (req, res) => {
  res.send(cp.execSync('git log --oneline ' + req.query.ref));
  childProcess.execFile('du', ['-sh', req.params.dir]);
});
` }] },
      ],
    },
    // CommonJS: whole module, destructured with an alias, and a direct require
    {
      code: `const child_process = require('child_process');
const { execSync: run } = require('node:child_process');
const express = require('express');
const app = express();
app.get('/ping', (req, res) => {
  child_process.exec('ping -c 1 ' + req.query.host);
  run(\`nslookup \${req.query.host}\`);
  require('child_process').execSync(req.body.cmd);
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestCommand', line: 6, column: 22, endLine: 6, endColumn: 51, data: { sink: 'child_process.exec', source: 'req.query.host' }, suggestions: [] },
        { messageId: 'requestCommand', line: 7, column: 7, endLine: 7, endColumn: 35, data: { sink: 'run', source: 'req.query.host' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'nslookup', callee: 'execFileSync' }, output: `const child_process = require('child_process');
const { execSync: run, execFileSync } = require('node:child_process');
const express = require('express');
const app = express();
app.get('/ping', (req, res) => {
  child_process.exec('ping -c 1 ' + req.query.host);
  execFileSync('nslookup', [req.query.host]);
  require('child_process').execSync(req.body.cmd);
});
` }] },
        { messageId: 'requestCommand', line: 8, column: 37, endLine: 8, endColumn: 49, data: { sink: 'require(\'child_process\').execSync', source: 'req.body.cmd' }, suggestions: [] },
      ],
    },
    // util.promisify of exec and of child_process.execFile running bash -c
    {
      code: `import { exec } from 'node:child_process';
import util, { promisify } from 'node:util';
import * as cp from 'node:child_process';
const execAsync = promisify(exec);
const execFileAsync = util.promisify(cp.execFile);
import express from 'express';
const app = express();
app.get('/dns', async (req, res) => {
  const { stdout } = await execAsync(\`dig +short \${req.query.domain}\`);
  await execFileAsync('bash', ['-c', \`whois \${req.query.domain}\`]);
  res.send(stdout);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 9, column: 38, endLine: 9, endColumn: 70, data: { sink: 'execAsync', source: 'req.query.domain' }, suggestions: [] },
        { messageId: 'requestCommand', line: 10, column: 38, endLine: 10, endColumn: 65, data: { sink: 'execFileAsync', source: 'req.query.domain' }, suggestions: [] },
      ],
    },
    // process.getBuiltinModule and TypeScript import = require
    {
      code: `import cp = require('child_process');
import express from 'express';
const app = express();
app.get('/x', (req, res) => {
  const child = process.getBuiltinModule('node:child_process');
  child.execSync(req.query.cmd as string);
  cp.exec(req.query.cmd as string);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 6, column: 18, endLine: 6, endColumn: 41, data: { sink: 'child.execSync', source: 'req.query.cmd' }, suggestions: [] },
        { messageId: 'requestCommand', line: 7, column: 11, endLine: 7, endColumn: 34, data: { sink: 'cp.exec', source: 'req.query.cmd' }, suggestions: [] },
      ],
    },
    // spawn/execFile with shell: true (arguments, or the command itself), and a shell chosen at run time
    {
      code: `import { spawn, spawnSync, execFile, execFileSync } from 'node:child_process';
import express from 'express';
const app = express();
app.post('/run', (req, res) => {
  spawn('convert', [req.body.input, 'out.png'], { shell: true });
  spawnSync(\`ls \${req.body.dir}\`, { shell: true });
  execFile('tar', ['czf', 'out.tgz', req.body.dir], { shell: '/bin/bash' }, () => {});
  const options = { shell: process.platform === 'win32' };
  execFileSync('dir', [req.body.dir], options);
});
`,
      errors: [
        { messageId: 'requestShellArgs', line: 5, column: 21, endLine: 5, endColumn: 35, data: { sink: 'spawn', source: 'req.body.input' }, suggestions: [] },
        { messageId: 'requestCommand', line: 6, column: 13, endLine: 6, endColumn: 33, data: { sink: 'spawnSync', source: 'req.body.dir' }, suggestions: [] },
        { messageId: 'requestShellArgs', line: 7, column: 38, endLine: 7, endColumn: 50, data: { sink: 'execFile', source: 'req.body.dir' }, suggestions: [] },
        { messageId: 'requestShellArgs', line: 9, column: 24, endLine: 9, endColumn: 36, data: { sink: 'execFileSync', source: 'req.body.dir' }, suggestions: [] },
      ],
    },
    // The program itself from request input, with or without a shell
    {
      code: `import { spawn, execFile, fork } from 'node:child_process';
import express from 'express';
const app = express();
app.post('/tool', (req, res) => {
  spawn(req.body.tool, ['--version']);
  execFile(req.query.bin as string, [], () => {});
  fork(req.body.script);
});
`,
      errors: [
        { messageId: 'requestProgram', line: 5, column: 9, endLine: 5, endColumn: 22, data: { sink: 'spawn', source: 'req.body.tool' }, suggestions: [] },
        { messageId: 'requestProgram', line: 6, column: 12, endLine: 6, endColumn: 35, data: { sink: 'execFile', source: 'req.query.bin' }, suggestions: [] },
        { messageId: 'requestProgram', line: 7, column: 8, endLine: 7, endColumn: 23, data: { sink: 'fork', source: 'req.body.script' }, suggestions: [] },
      ],
    },
    // A shell program given its command line: sh -c, bash -lc, cmd.exe /c, powershell -Command
    {
      code: `import { spawn, execFileSync } from 'node:child_process';
import express from 'express';
const app = express();
app.post('/sh', (req, res) => {
  spawn('sh', ['-c', \`convert \${req.body.file} out.png\`]);
  execFileSync('/bin/bash', ['-lc', req.body.script]);
  spawn('cmd.exe', ['/c', 'type ' + req.body.file]);
  spawn('powershell', ['-NoProfile', '-Command', req.body.ps]);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 22, endLine: 5, endColumn: 56, data: { sink: 'spawn', source: 'req.body.file' }, suggestions: [] },
        { messageId: 'requestCommand', line: 6, column: 37, endLine: 6, endColumn: 52, data: { sink: 'execFileSync', source: 'req.body.script' }, suggestions: [] },
        { messageId: 'requestCommand', line: 7, column: 27, endLine: 7, endColumn: 50, data: { sink: 'spawn', source: 'req.body.file' }, suggestions: [] },
        { messageId: 'requestCommand', line: 8, column: 50, endLine: 8, endColumn: 61, data: { sink: 'spawn', source: 'req.body.ps' }, suggestions: [] },
      ],
    },
    // shelljs exec and cross-spawn with a shell or an input program
    {
      code: `const shell = require('shelljs');
const spawn = require('cross-spawn');
const express = require('express');
const app = express();
app.get('/pack', (req, res) => {
  shell.exec(\`tar czf out.tgz \${req.query.dir}\`);
  spawn('npm', ['install', req.query.pkg], { shell: true });
  spawn.sync(req.query.bin, []);
});
`,
      filename: 'file.js',
      errors: [
        { messageId: 'requestCommand', line: 6, column: 14, endLine: 6, endColumn: 48, data: { sink: 'shell.exec', source: 'req.query.dir' }, suggestions: [] },
        { messageId: 'requestShellArgs', line: 7, column: 28, endLine: 7, endColumn: 41, data: { sink: 'spawn', source: 'req.query.pkg' }, suggestions: [] },
        { messageId: 'requestProgram', line: 8, column: 14, endLine: 8, endColumn: 27, data: { sink: 'spawn.sync', source: 'req.query.bin' }, suggestions: [] },
      ],
    },
    // execa: execaCommand, execa with shell, a program from input; execa 5 default export
    {
      code: `import { execa, execaCommand, execaCommandSync, $ } from 'execa';
import execa5 from 'execa';
import express from 'express';
const app = express();
app.get('/e', async (req, res) => {
  await execaCommand(\`git checkout \${req.query.branch}\`);
  execaCommandSync('npm view ' + req.query.pkg);
  await execa('git', ['log', req.query.ref], { shell: true });
  await $(req.query.bin, ['--help']);
  await execa5.command(req.query.cmd);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 6, column: 22, endLine: 6, endColumn: 56, data: { sink: 'execaCommand', source: 'req.query.branch' }, suggestions: [] },
        { messageId: 'requestCommand', line: 7, column: 20, endLine: 7, endColumn: 47, data: { sink: 'execaCommandSync', source: 'req.query.pkg' }, suggestions: [] },
        { messageId: 'requestShellArgs', line: 8, column: 30, endLine: 8, endColumn: 43, data: { sink: 'execa', source: 'req.query.ref' }, suggestions: [] },
        { messageId: 'requestProgram', line: 9, column: 11, endLine: 9, endColumn: 24, data: { sink: '$', source: 'req.query.bin' }, suggestions: [] },
        { messageId: 'requestCommand', line: 10, column: 24, endLine: 10, endColumn: 37, data: { sink: 'execa5.command', source: 'req.query.cmd' }, suggestions: [] },
      ],
    },
    // eval, Function and new Function, also through globalThis
    {
      code: `import express from 'express';
const app = express();
app.post('/calc', (req, res) => {
  res.json({ result: eval(req.body.expression) });
  const f = new Function('x', \`return \${req.body.formula}\`);
  Function(req.body.body)();
  globalThis.eval(req.body.code);
});
`,
      errors: [
        { messageId: 'requestCode', line: 4, column: 27, endLine: 4, endColumn: 46, data: { sink: 'eval', source: 'req.body.expression' }, suggestions: [] },
        { messageId: 'requestCode', line: 5, column: 31, endLine: 5, endColumn: 59, data: { sink: 'new Function', source: 'req.body.formula' }, suggestions: [] },
        { messageId: 'requestCode', line: 6, column: 12, endLine: 6, endColumn: 25, data: { sink: 'Function', source: 'req.body.body' }, suggestions: [] },
        { messageId: 'requestCode', line: 7, column: 19, endLine: 7, endColumn: 32, data: { sink: 'globalThis.eval', source: 'req.body.code' }, suggestions: [] },
      ],
    },
    // vm: runInNewContext, runInThisContext, runInContext, compileFunction, new vm.Script
    {
      code: `import vm from 'node:vm';
import { Script, runInContext } from 'vm';
import express from 'express';
const app = express();
app.post('/sandbox', (req, res) => {
  vm.runInNewContext(req.body.code, { x: 1 });
  vm.runInThisContext(\`(\${req.body.fn})()\`);
  runInContext(req.body.code, vm.createContext({}));
  vm.compileFunction(req.body.code, ['a']);
  new Script(req.body.code).runInThisContext();
  new vm.Script(req.body.code);
});
`,
      errors: [
        { messageId: 'requestCode', line: 6, column: 22, endLine: 6, endColumn: 35, data: { sink: 'vm.runInNewContext', source: 'req.body.code' }, suggestions: [] },
        { messageId: 'requestCode', line: 7, column: 23, endLine: 7, endColumn: 43, data: { sink: 'vm.runInThisContext', source: 'req.body.fn' }, suggestions: [] },
        { messageId: 'requestCode', line: 8, column: 16, endLine: 8, endColumn: 29, data: { sink: 'runInContext', source: 'req.body.code' }, suggestions: [] },
        { messageId: 'requestCode', line: 9, column: 22, endLine: 9, endColumn: 35, data: { sink: 'vm.compileFunction', source: 'req.body.code' }, suggestions: [] },
        { messageId: 'requestCode', line: 10, column: 14, endLine: 10, endColumn: 27, data: { sink: 'new Script', source: 'req.body.code' }, suggestions: [] },
        { messageId: 'requestCode', line: 11, column: 17, endLine: 11, endColumn: 30, data: { sink: 'new vm.Script', source: 'req.body.code' }, suggestions: [] },
      ],
    },
    // setTimeout and setInterval given a string
    {
      code: `import express from 'express';
const app = express();
app.get('/later', (req, res) => {
  setTimeout(req.query.callback as string, 100);
  setInterval('poll(' + req.query.id + ')', 1000);
});
`,
      errors: [
        { messageId: 'requestCode', line: 4, column: 14, endLine: 4, endColumn: 42, data: { sink: 'setTimeout', source: 'req.query.callback' }, suggestions: [] },
        { messageId: 'requestCode', line: 5, column: 15, endLine: 5, endColumn: 43, data: { sink: 'setInterval', source: 'req.query.id' }, suggestions: [] },
      ],
    },
    // Koa and @koa/router
    {
      code: `import Koa from 'koa';
import Router from '@koa/router';
import { execSync } from 'node:child_process';
const app = new Koa();
const router = new Router();
router.get('/du', (ctx) => {
  ctx.body = execSync(\`du -sh \${ctx.query.path}\`);
});
app.use(router.routes());
`,
      errors: [
        { messageId: 'requestCommand', line: 7, column: 23, endLine: 7, endColumn: 49, data: { sink: 'execSync', source: 'ctx.query.path' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'du', callee: 'execFileSync' }, output: `import Koa from 'koa';
import Router from '@koa/router';
import { execSync, execFileSync } from 'node:child_process';
const app = new Koa();
const router = new Router();
router.get('/du', (ctx) => {
  ctx.body = execFileSync('du', ['-sh', ctx.query.path]);
});
app.use(router.routes());
` }] },
      ],
    },
    // Fastify and Hono
    {
      code: `import Fastify from 'fastify';
import { Hono } from 'hono';
import { exec } from 'node:child_process';
const fastify = Fastify();
fastify.post('/zip', async (request) => {
  exec(\`zip -r out.zip \${request.body.dir}\`);
});
const hono = new Hono();
hono.get('/ping', (c) => {
  exec(\`ping -c 1 \${c.req.query('host')}\`);
  return c.text('ok');
});
`,
      errors: [
        { messageId: 'requestCommand', line: 6, column: 8, endLine: 6, endColumn: 44, data: { sink: 'exec', source: 'request.body.dir' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'zip', callee: 'execFile' }, output: `import Fastify from 'fastify';
import { Hono } from 'hono';
import { exec, execFile } from 'node:child_process';
const fastify = Fastify();
fastify.post('/zip', async (request) => {
  execFile('zip', ['-r', 'out.zip', request.body.dir]);
});
const hono = new Hono();
hono.get('/ping', (c) => {
  exec(\`ping -c 1 \${c.req.query('host')}\`);
  return c.text('ok');
});
` }] },
        { messageId: 'requestCommand', line: 10, column: 8, endLine: 10, endColumn: 42, data: { sink: 'exec', source: 'c.req.query(\'host\')' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'ping', callee: 'execFile' }, output: `import Fastify from 'fastify';
import { Hono } from 'hono';
import { exec, execFile } from 'node:child_process';
const fastify = Fastify();
fastify.post('/zip', async (request) => {
  exec(\`zip -r out.zip \${request.body.dir}\`);
});
const hono = new Hono();
hono.get('/ping', (c) => {
  execFile('ping', ['-c', '1', c.req.query('host')]);
  return c.text('ok');
});
` }] },
      ],
    },
    // Next.js route handlers: request.nextUrl.searchParams and await request.json()
    {
      code: `import { NextRequest } from 'next/server';
import { execSync } from 'node:child_process';
export async function GET(request: NextRequest) {
  const host = request.nextUrl.searchParams.get('host');
  return new Response(execSync(\`ping -c 1 \${host}\`));
}
export async function POST(request: Request) {
  const { repo } = await request.json();
  execSync('git clone ' + repo);
  return Response.json({ ok: true });
}
`,
      filename: 'app/api/tools/route.ts',
      errors: [
        { messageId: 'requestCommand', line: 5, column: 32, endLine: 5, endColumn: 51, data: { sink: 'execSync', source: 'request.nextUrl.searchParams' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'ping', callee: 'execFileSync' }, output: `import { NextRequest } from 'next/server';
import { execSync, execFileSync } from 'node:child_process';
export async function GET(request: NextRequest) {
  const host = request.nextUrl.searchParams.get('host');
  return new Response(execFileSync('ping', ['-c', '1', host]));
}
export async function POST(request: Request) {
  const { repo } = await request.json();
  execSync('git clone ' + repo);
  return Response.json({ ok: true });
}
` }] },
        { messageId: 'requestCommand', line: 9, column: 12, endLine: 9, endColumn: 31, data: { sink: 'execSync', source: 'request.json().repo' }, suggestions: [] },
      ],
    },
    // Next.js Server Actions: FormData and plain parameters
    {
      code: `'use server';
import { exec } from 'node:child_process';
export async function compress(formData: FormData) {
  const name = formData.get('name') as string;
  exec(\`gzip \${name}\`);
}
export async function build(target: string) {
  exec(\`make \${target}\`);
}
`,
      filename: 'app/actions.ts',
      errors: [
        { messageId: 'requestCommand', line: 5, column: 8, endLine: 5, endColumn: 22, data: { sink: 'exec', source: 'formData (Server Action argument)' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'gzip', callee: 'execFile' }, output: `'use server';
import { exec, execFile } from 'node:child_process';
export async function compress(formData: FormData) {
  const name = formData.get('name') as string;
  execFile('gzip', [name]);
}
export async function build(target: string) {
  exec(\`make \${target}\`);
}
` }] },
        { messageId: 'requestCommand', line: 8, column: 8, endLine: 8, endColumn: 24, data: { sink: 'exec', source: 'target (Server Action argument)' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'make', callee: 'execFile' }, output: `'use server';
import { exec, execFile } from 'node:child_process';
export async function compress(formData: FormData) {
  const name = formData.get('name') as string;
  exec(\`gzip \${name}\`);
}
export async function build(target: string) {
  execFile('make', [target]);
}
` }] },
      ],
    },
    // Next.js Pages Router API route
    {
      code: `import { execSync } from 'child_process';
export default function handler(req, res) {
  execSync(\`convert \${req.query.file} out.png\`);
  res.status(200).end();
}
`,
      filename: 'pages/api/convert.js',
      errors: [
        { messageId: 'requestCommand', line: 3, column: 12, endLine: 3, endColumn: 47, data: { sink: 'execSync', source: 'req.query.file' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'convert', callee: 'execFileSync' }, output: `import { execSync, execFileSync } from 'child_process';
export default function handler(req, res) {
  execFileSync('convert', [req.query.file, 'out.png']);
  res.status(200).end();
}
` }] },
      ],
    },
    // A helper of the same file that receives request input
    {
      code: `import { exec } from 'node:child_process';
import express from 'express';
const app = express();
function thumbnail(file: string, done: () => void) {
  exec(\`convert \${file} -resize 100x100 thumb.png\`, done);
}
app.post('/thumb', (req, res) => {
  thumbnail(req.body.file, () => res.end());
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 8, endLine: 5, endColumn: 51, data: { sink: 'exec', source: 'req.body.file' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'convert', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import express from 'express';
const app = express();
function thumbnail(file: string, done: () => void) {
  execFile('convert', [file, '-resize', '100x100', 'thumb.png'], done);
}
app.post('/thumb', (req, res) => {
  thumbnail(req.body.file, () => res.end());
});
` }] },
      ],
    },
    // Path sanitisers and containment checks do not remove shell metacharacters
    {
      code: `import { exec } from 'node:child_process';
import path from 'node:path';
import sanitize from 'sanitize-filename';
import express from 'express';
const app = express();
const ROOT = '/srv/files';
app.get('/f', (req, res) => {
  exec(\`file \${path.basename(req.query.name)}\`);
  exec(\`file \${sanitize(req.query.name)}\`);
  exec(\`file \${path.parse(req.query.name).base}\`);
  const target = path.resolve(ROOT, req.query.file);
  if (!target.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  exec(\`file \${target}\`);
  exec(\`file \${req.query.raw.replace(/[^\\w.; -]/g, '')}\`);
  exec(\`file \${req.query.raw2.replace(/\\.\\./g, '')}\`);
});
`,
      errors: [
        { messageId: 'requestCommandFalseConfidence', line: 8, column: 8, endLine: 8, endColumn: 47, data: { sink: 'exec', source: 'req.query.name', checks: '`path.basename()`' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'file', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import path from 'node:path';
import sanitize from 'sanitize-filename';
import express from 'express';
const app = express();
const ROOT = '/srv/files';
app.get('/f', (req, res) => {
  execFile('file', [path.basename(req.query.name)]);
  exec(\`file \${sanitize(req.query.name)}\`);
  exec(\`file \${path.parse(req.query.name).base}\`);
  const target = path.resolve(ROOT, req.query.file);
  if (!target.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  exec(\`file \${target}\`);
  exec(\`file \${req.query.raw.replace(/[^\\w.; -]/g, '')}\`);
  exec(\`file \${req.query.raw2.replace(/\\.\\./g, '')}\`);
});
` }] },
        { messageId: 'requestCommandFalseConfidence', line: 9, column: 8, endLine: 9, endColumn: 42, data: { sink: 'exec', source: 'req.query.name', checks: '`sanitize-filename`' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'file', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import path from 'node:path';
import sanitize from 'sanitize-filename';
import express from 'express';
const app = express();
const ROOT = '/srv/files';
app.get('/f', (req, res) => {
  exec(\`file \${path.basename(req.query.name)}\`);
  execFile('file', [sanitize(req.query.name)]);
  exec(\`file \${path.parse(req.query.name).base}\`);
  const target = path.resolve(ROOT, req.query.file);
  if (!target.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  exec(\`file \${target}\`);
  exec(\`file \${req.query.raw.replace(/[^\\w.; -]/g, '')}\`);
  exec(\`file \${req.query.raw2.replace(/\\.\\./g, '')}\`);
});
` }] },
        { messageId: 'requestCommand', line: 10, column: 8, endLine: 10, endColumn: 49, data: { sink: 'exec', source: 'req.query.name' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'file', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import path from 'node:path';
import sanitize from 'sanitize-filename';
import express from 'express';
const app = express();
const ROOT = '/srv/files';
app.get('/f', (req, res) => {
  exec(\`file \${path.basename(req.query.name)}\`);
  exec(\`file \${sanitize(req.query.name)}\`);
  execFile('file', [path.parse(req.query.name).base]);
  const target = path.resolve(ROOT, req.query.file);
  if (!target.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  exec(\`file \${target}\`);
  exec(\`file \${req.query.raw.replace(/[^\\w.; -]/g, '')}\`);
  exec(\`file \${req.query.raw2.replace(/\\.\\./g, '')}\`);
});
` }] },
        { messageId: 'requestCommand', line: 13, column: 8, endLine: 13, endColumn: 24, data: { sink: 'exec', source: 'req.query.file' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'file', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import path from 'node:path';
import sanitize from 'sanitize-filename';
import express from 'express';
const app = express();
const ROOT = '/srv/files';
app.get('/f', (req, res) => {
  exec(\`file \${path.basename(req.query.name)}\`);
  exec(\`file \${sanitize(req.query.name)}\`);
  exec(\`file \${path.parse(req.query.name).base}\`);
  const target = path.resolve(ROOT, req.query.file);
  if (!target.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  execFile('file', [target]);
  exec(\`file \${req.query.raw.replace(/[^\\w.; -]/g, '')}\`);
  exec(\`file \${req.query.raw2.replace(/\\.\\./g, '')}\`);
});
` }] },
        { messageId: 'requestCommand', line: 14, column: 8, endLine: 14, endColumn: 57, data: { sink: 'exec', source: 'req.query.raw' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'file', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import path from 'node:path';
import sanitize from 'sanitize-filename';
import express from 'express';
const app = express();
const ROOT = '/srv/files';
app.get('/f', (req, res) => {
  exec(\`file \${path.basename(req.query.name)}\`);
  exec(\`file \${sanitize(req.query.name)}\`);
  exec(\`file \${path.parse(req.query.name).base}\`);
  const target = path.resolve(ROOT, req.query.file);
  if (!target.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  exec(\`file \${target}\`);
  execFile('file', [req.query.raw.replace(/[^\\w.; -]/g, '')]);
  exec(\`file \${req.query.raw2.replace(/\\.\\./g, '')}\`);
});
` }] },
        { messageId: 'requestCommandFalseConfidence', line: 15, column: 8, endLine: 15, endColumn: 53, data: { sink: 'exec', source: 'req.query.raw2', checks: '`replace(/\\.\\./g, …)`' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'file', callee: 'execFile' }, output: `import { exec, execFile } from 'node:child_process';
import path from 'node:path';
import sanitize from 'sanitize-filename';
import express from 'express';
const app = express();
const ROOT = '/srv/files';
app.get('/f', (req, res) => {
  exec(\`file \${path.basename(req.query.name)}\`);
  exec(\`file \${sanitize(req.query.name)}\`);
  exec(\`file \${path.parse(req.query.name).base}\`);
  const target = path.resolve(ROOT, req.query.file);
  if (!target.startsWith(ROOT + path.sep)) return res.sendStatus(403);
  exec(\`file \${target}\`);
  exec(\`file \${req.query.raw.replace(/[^\\w.; -]/g, '')}\`);
  execFile('file', [req.query.raw2.replace(/\\.\\./g, '')]);
});
` }] },
      ],
    },
    // An unanchored regex, a denylist and a length check are not allow-lists
    {
      code: `import { execSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/g', (req, res) => {
  const { ref } = req.query;
  if (!/[\\w-]+/.test(ref)) return res.sendStatus(400);
  if (ref.includes(';') || ref.includes('&')) return res.sendStatus(400);
  if (ref.length > 40) return res.sendStatus(400);
  execSync(\`git show \${ref}\`);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 9, column: 12, endLine: 9, endColumn: 29, data: { sink: 'execSync', source: 'req.query.ref' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'git', callee: 'execFileSync' }, output: `import { execSync, execFileSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/g', (req, res) => {
  const { ref } = req.query;
  if (!/[\\w-]+/.test(ref)) return res.sendStatus(400);
  if (ref.includes(';') || ref.includes('&')) return res.sendStatus(400);
  if (ref.length > 40) return res.sendStatus(400);
  execFileSync('git', ['show', ref]);
});
` }] },
      ],
    },
    // An anchored regex whose class admits shell characters (space, ;, $) is not an allow-list for a command
    {
      code: `import { execSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/g', (req, res) => {
  const { msg, name } = req.query;
  if (!/^[\\w ;]+$/.test(msg)) return res.sendStatus(400);
  execSync(\`git commit -m \${msg}\`);
  if (!/^[\\w$]+$/.test(name)) return res.sendStatus(400);
  execSync(\`echo \${name}\`);
});
`,
      errors: [
        { messageId: 'requestCommand', line: 7, column: 12, endLine: 7, endColumn: 34, data: { sink: 'execSync', source: 'req.query.msg' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'git', callee: 'execFileSync' }, output: `import { execSync, execFileSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/g', (req, res) => {
  const { msg, name } = req.query;
  if (!/^[\\w ;]+$/.test(msg)) return res.sendStatus(400);
  execFileSync('git', ['commit', '-m', msg]);
  if (!/^[\\w$]+$/.test(name)) return res.sendStatus(400);
  execSync(\`echo \${name}\`);
});
` }] },
        { messageId: 'requestCommand', line: 9, column: 12, endLine: 9, endColumn: 26, data: { sink: 'execSync', source: 'req.query.name' }, suggestions: [{ messageId: 'useExecFile', data: { program: 'echo', callee: 'execFileSync' }, output: `import { execSync, execFileSync } from 'node:child_process';
import express from 'express';
const app = express();
app.get('/g', (req, res) => {
  const { msg, name } = req.query;
  if (!/^[\\w ;]+$/.test(msg)) return res.sendStatus(400);
  execSync(\`git commit -m \${msg}\`);
  if (!/^[\\w$]+$/.test(name)) return res.sendStatus(400);
  execFileSync('echo', [name]);
});
` }] },
      ],
    },
  ],
});

espreeTester.run('no-command-injection', rule, {
  valid: [
  ],
  invalid: [
    // JavaScript parsed by espree
    {
      code: `import { exec } from 'child_process';
import express from 'express';
const app = express();
app.get('/ls', (req, res) => {
  exec('ls -la ' + req.query.dir, (err, stdout) => res.send(stdout));
});
`,
      errors: [
        { messageId: 'requestCommand', line: 5, column: 8, endLine: 5, endColumn: 33, data: { sink: 'exec', source: 'req.query.dir' }, suggestions: [] },
      ],
    },
  ],
});

