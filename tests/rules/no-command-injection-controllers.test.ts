import type { SuggestionOutput } from '@typescript-eslint/rule-tester';

import rule from '../../src/rules/no-command-injection';
import type { MessageIds } from '../../src/rules/no-command-injection';
import { createRuleTester } from '../rule-tester';
import { at } from './no-ssrf-helpers';

/**
 * no-command-injection in controllers that their file exports for a routes file to register
 * (`exports.ping = (req, res) => …`, registered by `router.post('/ping', ctrl.ping)` elsewhere):
 * their `(req, res)` / `(request, reply)` parameters are read as a handler's. Look-alikes that
 * stay quiet: constant or allow-listed values, functions in no exported shape, other parameter names.
 */
const ruleTester = createRuleTester();

type MessageId = 'requestCommand' | 'requestProgram' | 'requestCode';

/** An expected report on `node` (after `before`), with no suggestion unless given. */
function error(code: string, before: string, node: string, messageId: MessageId, sink: string, source: string, suggestions: readonly SuggestionOutput<MessageIds>[] = []) {
  const place = at(code, before, node);
  return { messageId, line: place.line, column: place.column, endLine: place.endLine, endColumn: place.endColumn, data: { sink, source }, suggestions };
}

const commonJs = `const { exec } = require('child_process');
exports.ping = (req, res) => {
  exec('ping -c 1 ' + req.body.address, (err, out) => res.send(out));
};
`;

/** The controller's analyzer reads values for commands: `path.basename()` leaves `;` and `$(…)` in a name. */
const basename = `const path = require('path');
const { execSync } = require('child_process');
exports.thumbnail = (req, res) => {
  const name = path.basename(req.query.file);
  execSync('convert ' + name + ' thumb.png');
  res.end();
};
`;

const moduleExportsObject = `const cp = require('child_process');
function sysinfo(req, res, next) {
  const out = cp.execSync(\`uname \${req.query.flags}\`);
  res.send(out);
}
const calc = async (req, res) => {
  res.json({ total: eval(req.body.expression) });
};
module.exports = { sysinfo, calc };
`;

const moduleExportsMember = `const childProcess = require('child_process');
module.exports.run = function (request, reply) {
  childProcess.spawn(request.query.program, ['--version']);
};
`;

const esm = `import { execSync } from 'node:child_process';
export async function convert(req, res) {
  const { name } = req.params;
  execSync(\`convert uploads/\${name} out.png\`);
  res.sendStatus(204);
}
`;

const typescript = `import { exec } from 'node:child_process';
import type { Request, Response } from 'express';
export const lookup = (req: Request, res: Response): void => {
  const host = req.query.host as string;
  exec(\`nslookup \${host}\`, () => res.end());
};
`;

/** A handler object: its constructor binds `(req, res, next)` members that a routes file registers. */
const handlerObject = `function ContributionsHandler(db) {
  this.displayContributions = (req, res) => res.render('contributions');
  this.handleContributionsUpdate = (req, res, next) => {
    const preTax = eval(req.body.preTax);
    res.json({ preTax });
  };
}
module.exports = ContributionsHandler;
`;

/** Handlers written inline in the exported object, and as methods of an exported class. */
const inlineMembers = `const { exec } = require('child_process');
module.exports = {
  get_sysinfo: (req, res) => {
    exec('uname ' + req.query.flags, (err, out) => res.send(out));
  },
};
`;

const classMethods = `import { execSync } from 'node:child_process';
export class ToolsController {
  constructor(service) {
    this.service = service;
  }
  async ping(req, res) {
    res.send(execSync(\`ping -c 1 \${req.query.host}\`));
  }
}
`;

/** Where each expected report is: the reported node found in its code. */
const place1 = at(handlerObject, 'eval(', 'req.body.preTax');
const place2 = at(inlineMembers, 'exec(', "'uname ' + req.query.flags");
const place3 = at(classMethods, 'execSync(', '`ping -c 1 ${req.query.host}`');
const place4 = at(commonJs, 'exec(', "'ping -c 1 ' + req.body.address");
const place5 = at(moduleExportsObject, 'cp.execSync(', '`uname ${req.query.flags}`');
const place6 = at(moduleExportsObject, 'eval(', 'req.body.expression');
const place7 = at(moduleExportsMember, 'childProcess.spawn(', 'request.query.program');
const place8 = at(esm, 'execSync(', '`convert uploads/${name} out.png`');
const place9 = at(typescript, 'exec(', '`nslookup ${host}`');

ruleTester.run('no-command-injection (controllers registered in another file)', rule, {
  valid: [
    // Constant command, and a value checked against an allow-list with an early exit.
    {
      filename: 'controllers/system.js',
      code: `const { execSync } = require('child_process');
const FORMATS = new Set(['png', 'jpg']);
exports.uptime = (req, res) => {
  res.send(execSync('uptime'));
};
exports.convert = (req, res) => {
  const format = req.query.format;
  if (!FORMATS.has(format)) return res.sendStatus(400);
  execSync(\`convert in.gif out.\${format}\`);
  res.sendStatus(204);
};
`,
    },
    // Not in an exported shape: a property of a local object, a function nested in a factory.
    {
      filename: 'controllers/local.js',
      code: `const { execSync } = require('child_process');
const helpers = {};
helpers.ping = (req, res) => {
  execSync('ping -c 1 ' + req.body.address);
};
function makeHandlers() {
  return (req, res) => execSync('ping -c 1 ' + req.body.address);
}
module.exports = { makeHandlers, helpers };
`,
    },
    // Request-shaped members of something no routes file can reach: a function's local object, a
    // member bound in a nested function, a static method.
    {
      filename: 'controllers/nested.js',
      code: `const { execSync } = require('child_process');
function build() {
  const handlers = { ping: (req, res) => execSync('ping -c 1 ' + req.body.address) };
  function Inner() {
    this.run = (req, res) => execSync(req.body.command);
  }
  return { handlers, Inner };
}
class Tools {
  static ping(req, res) {
    execSync('ping ' + req.query.host);
  }
}
module.exports = { build, Tools };
`,
    },
    // Parameters not named as a request and a response: a plain function of two values.
    {
      filename: 'lib/shell.js',
      code: `const { execSync } = require('child_process');
exports.ping = (host, count) => execSync('ping -c ' + count + ' ' + host.address);
exports.run = (input, options) => execSync(input.body.command, options);
`,
    },
    // execFile with an argument array: no shell, even in a controller.
    {
      filename: 'controllers/files.js',
      code: `const { execFile } = require('child_process');
exports.ping = (req, res) => {
  execFile('ping', ['-c', '1', req.body.address], () => res.end());
};
`,
    },
  ],
  invalid: [
    {
      filename: 'app/routes/contributions.js',
      code: handlerObject,
      errors: [{ ...error(handlerObject, 'eval(', 'req.body.preTax', 'requestCode', 'eval', 'req.body.preTax'), messageId: 'requestCode', line: place1.line, column: place1.column, endLine: place1.endLine, endColumn: place1.endColumn }],
    },
    {
      filename: 'controllers/system.js',
      code: inlineMembers,
      errors: [{ ...error(inlineMembers, 'exec(', "'uname ' + req.query.flags", 'requestCommand', 'exec', 'req.query.flags'), messageId: 'requestCommand', line: place2.line, column: place2.column, endLine: place2.endLine, endColumn: place2.endColumn }],
    },
    {
      filename: 'src/tools.controller.mjs',
      code: classMethods,
      errors: [
        { ...error(classMethods, 'execSync(', '`ping -c 1 ${req.query.host}`', 'requestCommand', 'execSync', 'req.query.host', [
          {
            messageId: 'useExecFile',
            data: { program: 'ping', callee: 'execFileSync' },
            output: classMethods.replace('{ execSync }', '{ execSync, execFileSync }').replace('execSync(`ping -c 1 ${req.query.host}`)', "execFileSync('ping', ['-c', '1', req.query.host])"),
          },
        ]), messageId: 'requestCommand', line: place3.line, column: place3.column, endLine: place3.endLine, endColumn: place3.endColumn },
      ],
    },
    {
      filename: 'controllers/network.js',
      code: commonJs,
      errors: [{ ...error(commonJs, 'exec(', "'ping -c 1 ' + req.body.address", 'requestCommand', 'exec', 'req.body.address', []), messageId: 'requestCommand', line: place4.line, column: place4.column, endLine: place4.endLine, endColumn: place4.endColumn }],
    },
    {
      filename: 'controllers/thumbnails.js',
      code: basename,
      errors: [
        {
          messageId: 'requestCommandFalseConfidence',
          line: 5,
          column: 12,
          endLine: 5,
          endColumn: 44,
          data: { sink: 'execSync', source: 'req.query.file', checks: '`path.basename()`' },
          suggestions: [],
        },
      ],
    },
    {
      filename: 'controllers/system.js',
      code: moduleExportsObject,
      errors: [
        { ...error(moduleExportsObject, 'cp.execSync(', '`uname ${req.query.flags}`', 'requestCommand', 'cp.execSync', 'req.query.flags', [
          { messageId: 'useExecFile', data: { program: 'uname', callee: 'cp.execFileSync' }, output: moduleExportsObject.replace('cp.execSync(`uname ${req.query.flags}`)', "cp.execFileSync('uname', [req.query.flags])") },
        ]), messageId: 'requestCommand', line: place5.line, column: place5.column, endLine: place5.endLine, endColumn: place5.endColumn },
        { ...error(moduleExportsObject, 'eval(', 'req.body.expression', 'requestCode', 'eval', 'req.body.expression'), messageId: 'requestCode', line: place6.line, column: place6.column, endLine: place6.endLine, endColumn: place6.endColumn },
      ],
    },
    {
      filename: 'controllers/tools.js',
      code: moduleExportsMember,
      errors: [{ ...error(moduleExportsMember, 'childProcess.spawn(', 'request.query.program', 'requestProgram', 'childProcess.spawn', 'request.query.program'), messageId: 'requestProgram', line: place7.line, column: place7.column, endLine: place7.endLine, endColumn: place7.endColumn }],
    },
    {
      filename: 'controllers/images.mjs',
      code: esm,
      errors: [{ ...error(esm, 'execSync(', '`convert uploads/${name} out.png`', 'requestCommand', 'execSync', 'req.params.name'), messageId: 'requestCommand', line: place8.line, column: place8.column, endLine: place8.endLine, endColumn: place8.endColumn }],
    },
    {
      filename: 'controllers/dns.ts',
      code: typescript,
      errors: [
        { ...error(typescript, 'exec(', '`nslookup ${host}`', 'requestCommand', 'exec', 'req.query.host', [
          {
            messageId: 'useExecFile',
            data: { program: 'nslookup', callee: 'execFile' },
            output: typescript.replace('{ exec }', '{ exec, execFile }').replace('exec(`nslookup ${host}`, ', "execFile('nslookup', [host], "),
          },
        ]), messageId: 'requestCommand', line: place9.line, column: place9.column, endLine: place9.endLine, endColumn: place9.endColumn },
      ],
    },
  ],
});
