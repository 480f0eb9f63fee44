import fs from 'node:fs';
import path from 'node:path';

import type { TSESTree } from '@typescript-eslint/utils';
import { beforeEach, describe, expect, it } from 'vitest';

import { mayReceiveError } from '../../../src/analysis/errors/handler-roles';
import { getErrorOrigin } from '../../../src/analysis/errors/origin';
import { RESPONSE_INDEX } from '../../../src/frameworks/registry';
import type { ErrorOriginAnalyzer } from '../../../src/analysis/errors/origin';
import { createResponderAnalysis, MAX_HELPER_LENGTH } from '../../../src/analysis/errors/responders';
import type { ResponderLeak } from '../../../src/analysis/errors/responders';
import { createResponseSinkMatcher } from '../../../src/analysis/errors/response-sinks';
import type { FileContext } from '../../../src/core/context';
import { clearProjectCaches } from '../../../src/project/settings';
import { contextFor, findNode, tempProject, touchForward, withStatClock } from '../../project/helpers';

beforeEach(() => clearProjectCaches());

const HELPERS = {
  'package.json': '{ "name": "p", "private": true }\n',
  'package-lock.json': '{}\n',
  'utils/errors.js': `function sendError(res, err, status = 500) {
  res.status(status).json({ error: err.message, stack: err.stack });
}
function sendMessage(res, err, status = 500) {
  res.status(status).json({ error: err.message });
}
function sendNoDefault(res, err, status) {
  res.status(status).json({ error: err.message });
}
module.exports = { sendError, sendMessage, sendNoDefault };
`,
};

/** Every call of the file. */
function callsOf(context: FileContext): TSESTree.CallExpression[] {
  const out: TSESTree.CallExpression[] = [];
  const stack: TSESTree.Node[] = [context.sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'CallExpression') {
      out.push(node);
    }
    for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') {
          stack.push(item as TSESTree.Node);
        }
      }
    }
  }
  return out.reverse();
}

/** The responder leaks of every call of `file`, as the rule asks for them. */
function leaksOf(file: string, settings: Record<string, unknown> = {}, origin?: (context: FileContext) => ErrorOriginAnalyzer): ResponderLeak[] {
  const context = contextFor(file, settings);
  const matcher = createResponseSinkMatcher(context, { extraSinks: [] });
  const analyzer = origin?.(context) ?? getErrorOrigin(context, { errorHandlers: matcher.errorHandlers, devGuards: [] });
  const analysis = createResponderAnalysis({ extraSinks: [], devGuards: [], errorHandlers: matcher.errorHandlers });
  return callsOf(context).flatMap((call) => analysis.leaksThrough(context, call, analyzer, matcher.isResponse));
}

/** A route file whose catch block runs `body`. */
const route = (body: string): string => `const { sendError, sendMessage, sendNoDefault } = require('../utils/errors');
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    ${body}
  }
});
`;

describe('createResponderAnalysis', () => {
  it('summarises a helper of another file by the engines run on that file', () => {
    const root = tempProject({ ...HELPERS, 'routes/a.js': route('sendError(res, err);') });
    const leaks = leaksOf(path.join(root, 'routes/a.js'));
    const shown = leaks.map(({ kind, helper, file, expression, sink, through, statusAllowsMessage }) => ({ kind, helper, file, expression, sink, through, statusAllowsMessage }));
    expect(shown.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
      { kind: 'message', helper: 'sendError', file: 'utils/errors.js', expression: 'err.message', sink: 'res.json()', through: [], statusAllowsMessage: false },
      { kind: 'stack', helper: 'sendError', file: 'utils/errors.js', expression: 'err.stack', sink: 'res.json()', through: [], statusAllowsMessage: false },
    ]);
    expect(leaks[0]!.argument.type).toBe('Identifier');
    expect(leaks[0]!.taint.kind).toBe('error');
  });

  // `err.status` is unknown, as inline (`res.status(err.status).json({ error: err.message })`).
  it('judges a status parameter by what the call passes, else by its default', () => {
    const root = tempProject({
      ...HELPERS,
      'routes/a.js': route('sendMessage(res, err, 400);\n    sendMessage(res, err, 503);\n    sendMessage(res, err);\n    sendNoDefault(res, err);\n    sendMessage(res, err, err.status);'),
    });
    expect(leaksOf(path.join(root, 'routes/a.js')).map((l) => [l.helper, l.statusAllowsMessage])).toEqual([
      ['sendMessage', true],
      ['sendMessage', false],
      ['sendMessage', false],
      ['sendNoDefault', false],
      ['sendMessage', true],
    ]);
  });

  it('memoises a summary per parsed file and function: a second linted file reuses it', () => {
    const root = tempProject({ ...HELPERS, 'routes/a.js': route('sendError(res, err);'), 'routes/b.js': route('sendError(res, err);') });
    const [first] = leaksOf(path.join(root, 'routes/a.js'));
    const [second] = leaksOf(path.join(root, 'routes/b.js'));
    expect(second!.through).toBe(first!.through);
  });

  it('sees an edit of the helper file', async () => {
    const root = tempProject({ ...HELPERS, 'routes/a.js': route('sendError(res, err);') });
    await withStatClock((later) => {
      expect(leaksOf(path.join(root, 'routes/a.js'))).toHaveLength(2);
      const helper = path.join(root, 'utils/errors.js');
      fs.writeFileSync(helper, fs.readFileSync(helper, 'utf8').replace('error: err.message, stack: err.stack', "error: 'Internal Server Error'"));
      touchForward(helper);
      // Within STAT_FRESH_MS of the last look the helper is not looked at again…
      expect(leaksOf(path.join(root, 'routes/a.js'))).toHaveLength(2);
      later();
      // …after it, the edit is seen.
      expect(leaksOf(path.join(root, 'routes/a.js'))).toEqual([]);
    });
  });

  it('follows no import with crossFile: false, and still follows a helper of the same file', () => {
    const local = `function sendFailure(res, failure) {
  res.status(500).json({ stack: failure.stack });
}
app.get('/x', async (req, res) => {
  try {
    await work();
  } catch (err) {
    sendFailure(res, err);
    sendError(res, err);
  }
});
`;
    const root = tempProject({ ...HELPERS, 'routes/a.js': `const { sendError } = require('../utils/errors');\n${local}` });
    const off = { 'agent-guard': { project: { crossFile: false } } };
    expect(leaksOf(path.join(root, 'routes/a.js'), off).map((l) => [l.helper, l.file, l.kind])).toEqual([['sendFailure', null, 'stack']]);
    expect(leaksOf(path.join(root, 'routes/a.js')).map((l) => [l.helper, l.file, l.kind]).sort()).toEqual([
      ['sendError', 'utils/errors.js', 'message'],
      ['sendError', 'utils/errors.js', 'stack'],
      ['sendFailure', null, 'stack'],
    ]);
  });

  it(`does not summarise a function longer than ${MAX_HELPER_LENGTH} characters`, () => {
    const filler = `  const unused = [${'0, '.repeat(MAX_HELPER_LENGTH / 3)}];\n`;
    const root = tempProject({
      ...HELPERS,
      'utils/big.js': `exports.sendBig = function sendBig(res, err) {\n${filler}  res.status(500).json({ stack: err.stack });\n};\n`,
      'routes/a.js': "const { sendBig } = require('../utils/big');\napp.get('/x', async (req, res) => {\n  try {} catch (err) {\n    sendBig(res, err);\n  }\n});\n",
    });
    expect(leaksOf(path.join(root, 'routes/a.js'))).toEqual([]);
  });

  it('answers no leak, never an exception, when an engine fails', () => {
    const root = tempProject({ ...HELPERS, 'routes/a.js': route('sendError(res, err);') });
    const failing = (context: FileContext): ErrorOriginAnalyzer => {
      const real = getErrorOrigin(context, { errorHandlers: [], devGuards: [] });
      return { ...real, taintOf: real.taintOf.bind(real), leaksIn: real.leaksIn.bind(real), sourcePath: real.sourcePath.bind(real), isNarrowed: real.isNarrowed.bind(real), isDevOnly: () => { throw new Error('boom'); } };
    };
    expect(leaksOf(path.join(root, 'routes/a.js'), {}, failing)).toEqual([]);
  });
});

describe('getErrorOrigin in helper mode', () => {
  const text = `function send(res, err, other) {
  try {
    work();
  } catch (caught) {
    res.json({ a: err.stack, b: caught.stack, c: other.stack, d: \`\${err}\` });
  }
}
`;

  it('takes the one parameter for the error, and no catch clause', () => {
    const root = tempProject({ 'a.js': text });
    const context = contextFor(path.join(root, 'a.js'));
    const fn = findNode(context, (node): node is TSESTree.FunctionDeclaration => node.type === 'FunctionDeclaration');
    const payload = findNode(context, (node): node is TSESTree.ObjectExpression => node.type === 'ObjectExpression');
    const origin = getErrorOrigin(context, { errorHandlers: [], devGuards: [], errorParam: { fn, index: 1, kind: 'error' } });
    expect(origin.leaksIn(payload).map((l) => [l.kind, context.sourceCode.getText(l.node)])).toEqual([
      ['stack', 'err.stack'],
      ['message', '`${err}`'],
    ]);
    // Without the mode, the catch clause is the source, the parameter is not.
    const plain = getErrorOrigin(context, { errorHandlers: [], devGuards: [] });
    expect(plain.leaksIn(payload).map((l) => context.sourceCode.getText(l.node))).toEqual(['caught.stack']);
  });

  it('gives the parameter the kind its callers pass', () => {
    const root = tempProject({ 'a.js': text });
    const context = contextFor(path.join(root, 'a.js'));
    const fn = findNode(context, (node): node is TSESTree.FunctionDeclaration => node.type === 'FunctionDeclaration');
    const payload = findNode(context, (node): node is TSESTree.ObjectExpression => node.type === 'ObjectExpression');
    const origin = getErrorOrigin(context, { errorHandlers: [], devGuards: [], errorParam: { fn, index: 1, kind: 'message' } });
    // A message has no stack; its text is still the message.
    expect(origin.leaksIn(payload).map((l) => [l.kind, context.sourceCode.getText(l.node)])).toEqual([['message', '`${err}`']]);
  });
});

describe('createResponseSinkMatcher for a helper', () => {
  const text = `function fail(out, body) {
  out.status(500).json(body);
}
app.get('/x', (req, res) => {
  fail(res, 1);
});
`;

  it('takes the parameters the caller passes a response for responses, whatever their names', () => {
    const root = tempProject({ 'a.js': text });
    const context = contextFor(path.join(root, 'a.js'));
    const fn = findNode(context, (node): node is TSESTree.FunctionDeclaration => node.type === 'FunctionDeclaration');
    const call = findNode(context, (node): node is TSESTree.CallExpression => node.type === 'CallExpression' && context.sourceCode.getText(node).startsWith('out.'));
    expect(createResponseSinkMatcher(context, { extraSinks: [] }).match(call)).toBeNull();
    expect(createResponseSinkMatcher(context, { extraSinks: [], responseParams: { fn, indices: [0] } }).match(call)?.label).toBe('out.json()');
  });

  it('isResponse: a handler response or a conventional name, not any parameter', () => {
    const root = tempProject({ 'a.js': text });
    const context = contextFor(path.join(root, 'a.js'));
    const matcher = createResponseSinkMatcher(context, { extraSinks: [] });
    const call = findNode(context, (node): node is TSESTree.CallExpression => node.type === 'CallExpression' && context.sourceCode.getText(node) === 'fail(res, 1)');
    const out = findNode(context, (node): node is TSESTree.Identifier => node.type === 'Identifier' && node.name === 'out' && node.parent?.type === 'MemberExpression');
    expect(matcher.isResponse(call.arguments[0]!)).toBe(true);
    expect(matcher.isResponse(call.arguments[1]!)).toBe(false);
    expect(matcher.isResponse(out)).toBe(false);
  });
});

describe('mayReceiveError', () => {
  const text = `app.use((err, req, res, next) => {});
app.get('/', (req, res) => {});
work().catch((problem) => {});
work().then(() => {}, (problem) => {});
fastify.setErrorHandler((failure, request, reply) => {});
emitter.on('error', (failure) => {});
items.map((item) => {});
function onTaskError(taskError) {}
function noParams() {}
@Catch()
class Filter {
  catch(failure, host) {}
  other(failure) {}
}
`;

  it('tells the functions that may receive a caught error, by lexical shape only', () => {
    const root = tempProject({ 'a.ts': text });
    const context = contextFor(path.join(root, 'a.ts'));
    const answers: boolean[] = [];
    const stack: TSESTree.Node[] = [context.sourceCode.ast];
    const functions: TSESTree.Node[] = [];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression' || node.type === 'FunctionDeclaration') {
        functions.push(node);
      }
      for (const key of context.sourceCode.visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) {
          if (item && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') {
            stack.push(item as TSESTree.Node);
          }
        }
      }
    }
    functions.sort((a, b) => a.range[0] - b.range[0]);
    for (const fn of functions) {
      answers.push(mayReceiveError(fn as never, RESPONSE_INDEX.errorHandlers));
    }
    // (err, …), (req, res), .catch(cb), then's `() => {}`, then(_, cb), setErrorHandler, on('error'), map, onTaskError, noParams, @Catch catch(), other()
    expect(answers).toEqual([true, false, true, false, true, true, true, false, true, false, true, false]);
  });
});
