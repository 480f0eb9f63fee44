import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/no-command-injection';
import { createRuleTester } from '../rule-tester';

// Helpers defined in another project file (tests/fixtures/cross-file/commands) that pass a
// parameter to a shell: `runCommand(line)` -> `execSync(line)`, and `checkout(branch)` in a
// further file that calls it. The linted files have real paths inside the fixture project so that
// their imports resolve.
const routes = fileURLToPath(new URL('../fixtures/cross-file/commands/routes.js', import.meta.url));
const controller = fileURLToPath(new URL('../fixtures/cross-file/commands/controller.js', import.meta.url));
const router = fileURLToPath(new URL('../fixtures/cross-file/commands/router.ts', import.meta.url));
const ruleTester = createRuleTester();

ruleTester.run('no-command-injection (cross-file)', rule, {
  valid: [
    // tRPC input is parsed by the procedure's schema: passed to a parameter declared a number or a boolean, it carries no text.
    {
      filename: router,
      code: `import { initTRPC } from '@trpc/server';
import { checkPortInUse } from './lib/ports';
const t = initTRPC.create();
export const appRouter = t.router({
  savePort: t.procedure.input(portSchema).mutation(({ input }) => checkPortInUse(input.externalPort, input.verbose)),
});
`,
    },
    // Helpers that quote their argument, run it without a shell, never run it, or run a fixed command.
    {
      filename: routes,
      code: `import express from 'express';
import { listQuoted, listDir, describeCommand, rotateLogs } from './lib/shell.js';
const app = express();
app.get('/ls', async (req, res) => res.send([listQuoted(req.query.dir), await listDir(req.query.dir), describeCommand(req.query.cmd), rotateLogs(req.query.name)]));`,
    },
    // The caller quotes the value before the helper builds nothing more around it.
    {
      filename: routes,
      code: `import express from 'express';
import { quote } from 'shell-quote';
import { runCommand } from './lib/shell.js';
const app = express();
app.get('/ls', (req, res) => res.send(runCommand(\`ls \${quote([req.query.dir])}\`)));`,
    },
    // A promisified execFile: no shell.
    {
      filename: routes,
      code: `import express from 'express';
import { listAsync } from './lib/async-shell.js';
const app = express();
app.get('/ls', async (req, res) => res.send(await listAsync(req.query.dir)));`,
    },
    // A helper that escapes the term for single quotes and puts it inside them; the container is constant.
    {
      filename: routes,
      code: `import express from 'express';
import { containerLogs } from './lib/async-shell.js';
const app = express();
app.get('/logs', async (req, res) => res.send(await containerLogs('app', req.query.search)));`,
    },
    // A helper that parses the data instead of running it.
    {
      filename: routes,
      code: `import express from 'express';
import { parseSettings } from './lib/evaluate.js';
const app = express();
app.post('/settings', (req, res) => res.json(parseSettings(req.body.settings)));`,
    },
    // A constant command line.
    {
      filename: routes,
      code: `import express from 'express';
import { runCommand } from './lib/shell.js';
const app = express();
app.get('/uptime', (req, res) => res.send(runCommand('uptime')));`,
    },
    // A parameter of a function that is no handler: not request input.
    {
      filename: routes,
      code: `import { runCommand } from './lib/shell.js';
export const nightly = (job) => runCommand(\`run-job \${job}\`);`,
    },
    // An import that does not resolve: the single-file judgement, which sees no sink.
    {
      filename: routes,
      code: `import express from 'express';
import { runCommand } from './lib/missing.js';
const app = express();
app.get('/run', (req, res) => res.send(runCommand(req.query.cmd)));`,
    },
    // Cross-file analysis switched off.
    {
      filename: routes,
      settings: { 'agent-guard': { project: { crossFile: false } } },
      code: `import express from 'express';
import { runCommand } from './lib/shell.js';
const app = express();
app.get('/run', (req, res) => res.send(runCommand(req.query.cmd)));`,
    },
  ],
  invalid: [
    // A string parameter takes tRPC input as text; Express input is not validated, whatever the parameter says.
    {
      filename: router,
      code: `import { initTRPC } from '@trpc/server';
import express from 'express';
import { checkHostReachable, checkPortInUse } from './lib/ports';
const t = initTRPC.create();
export const appRouter = t.router({
  ping: t.procedure.input(hostSchema).query(({ input }) => checkHostReachable(input.host)),
});
const app = express();
app.post('/ports', (req, res) => res.json(checkPortInUse(req.body.port)));
`,
      errors: [
        { messageId: 'wrapperCommand', line: 6, column: 79, endLine: 6, endColumn: 89, data: { sink: 'checkHostReachable', definedIn: 'lib/ports.ts', inner: 'execSync', source: 'input.host', checks: '' } },
        { messageId: 'wrapperCommand', line: 9, column: 58, endLine: 9, endColumn: 71, data: { sink: 'checkPortInUse', definedIn: 'lib/ports.ts', inner: 'execSync', source: 'req.body.port', checks: '' } },
      ],
    },
    {
      // The same helper's container name is unquoted; another helper puts the escaped term in double quotes.
      filename: routes,
      code: `import express from 'express';
import { containerLogs, grepLogs } from './lib/async-shell.js';
const app = express();
app.get('/logs/:name', async (req, res) => res.send(await containerLogs(req.params.name, 'error')));
app.get('/grep', async (req, res) => res.send(await grepLogs(req.query.q)));`,
      errors: [
        { messageId: 'wrapperCommand', line: 4, column: 73, endLine: 4, endColumn: 88, data: { sink: 'containerLogs', definedIn: 'lib/async-shell.js', inner: 'execAsync', source: 'req.params.name', checks: '' } },
        { messageId: 'wrapperCommand', line: 5, column: 62, endLine: 5, endColumn: 73, data: { sink: 'grepLogs', definedIn: 'lib/async-shell.js', inner: 'execAsync', source: 'req.query.q', checks: '' } },
      ],
    },
    {
      // Request input handed to a helper that runs it with execSync.
      filename: routes,
      code: `import express from 'express';
import { runCommand } from './lib/shell.js';
const app = express();
app.get('/run', (req, res) => res.send(runCommand(req.query.cmd)));`,
      errors: [
        {
          messageId: 'wrapperCommand',
          line: 4,
          column: 51,
          endLine: 4,
          endColumn: 64,
          data: { sink: 'runCommand', definedIn: 'lib/shell.js', inner: 'execSync', source: 'req.query.cmd', checks: '' },
        },
      ],
    },
    {
      // Two files away: checkout (lib/git.js) -> runCommand (lib/shell.js) -> execSync.
      filename: routes,
      code: `import express from 'express';
import { checkout } from './lib/git.js';
const app = express();
app.post('/deploy', (req, res) => res.send(checkout(req.body.branch)));`,
      errors: [
        {
          messageId: 'wrapperCommand',
          line: 4,
          column: 53,
          endLine: 4,
          endColumn: 68,
          data: { sink: 'checkout', definedIn: 'lib/git.js', inner: 'runCommand → execSync', source: 'req.body.branch', checks: '' },
        },
      ],
    },
    {
      // The helper runs the line through a promisified exec.
      filename: routes,
      code: `import express from 'express';
import { runLine } from './lib/async-shell.js';
const app = express();
app.get('/run', async (req, res) => res.send(await runLine(req.query.cmd)));`,
      errors: [
        {
          messageId: 'wrapperCommand',
          line: 4,
          column: 60,
          endLine: 4,
          endColumn: 73,
          data: { sink: 'runLine', definedIn: 'lib/async-shell.js', inner: 'execAsync', source: 'req.query.cmd', checks: '' },
        },
      ],
    },
    {
      // Helpers that evaluate their parameter as JavaScript: eval, and a vm.Script they construct.
      filename: routes,
      code: `import express from 'express';
import { calculate, runScript } from './lib/evaluate.js';
const app = express();
app.post('/calc', (req, res) => res.json([calculate(req.body.expr), runScript(req.body.source)]));`,
      errors: [
        {
          messageId: 'wrapperCode',
          line: 4,
          column: 53,
          endLine: 4,
          endColumn: 66,
          data: { sink: 'calculate', definedIn: 'lib/evaluate.js', inner: 'eval', source: 'req.body.expr' },
        },
        {
          messageId: 'wrapperCode',
          line: 4,
          column: 79,
          endLine: 4,
          endColumn: 94,
          data: { sink: 'runScript', definedIn: 'lib/evaluate.js', inner: 'new vm.Script', source: 'req.body.source' },
        },
      ],
    },
    {
      // A namespace import, and a file-name reducer that leaves the shell's metacharacters in.
      filename: routes,
      code: `import express from 'express';
import * as shell from './lib/shell.js';
import path from 'node:path';
const app = express();
app.get('/ls', (req, res) => res.send(shell.runCommand(\`ls \${path.basename(req.query.dir)}\`)));`,
      errors: [
        {
          messageId: 'wrapperCommandFalseConfidence',
          line: 5,
          column: 56,
          endLine: 5,
          endColumn: 92,
          data: { sink: 'shell.runCommand', definedIn: 'lib/shell.js', inner: 'execSync', source: 'req.query.dir', checks: '`path.basename()`' },
        },
      ],
    },
    {
      // The file's own sink and a helper's, side by side: each reported once.
      filename: routes,
      code: `import express from 'express';
import { exec } from 'node:child_process';
import { runCommand } from './lib/shell.js';
const app = express();
app.get('/both', (req, res) => {
  exec(\`du -sh \${req.query.dir}\`);
  res.send(runCommand(req.query.cmd));
});`,
      errors: [
        {
          messageId: 'requestCommand',
          line: 6,
          column: 8,
          endLine: 6,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'useExecFile',
              data: { program: 'du', callee: 'execFile' },
              output: `import express from 'express';
import { exec, execFile } from 'node:child_process';
import { runCommand } from './lib/shell.js';
const app = express();
app.get('/both', (req, res) => {
  execFile('du', ['-sh', req.query.dir]);
  res.send(runCommand(req.query.cmd));
});`,
            },
          ],
        },
        { messageId: 'wrapperCommand', line: 7, column: 23, endLine: 7, endColumn: 36 },
      ],
    },
    {
      // A controller its file exports for a routes file to register, calling a CommonJS helper
      // that runs the line with exec and a callback.
      filename: controller,
      code: `const { runAsync } = require('./lib/shell.cjs');
exports.run = async (req, res) => {
  res.send(await runAsync(req.body.line));
};`,
      errors: [
        {
          messageId: 'wrapperCommand',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 40,
          data: { sink: 'runAsync', definedIn: 'lib/shell.cjs', inner: 'exec', source: 'req.body.line', checks: '' },
        },
      ],
    },
  ],
});
