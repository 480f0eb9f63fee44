import tsParser from '@typescript-eslint/parser';
import { ESLintUtils } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { localHttpWrappers, mutatedOptionsLiteral } from '../../../src/analysis/http/index';
import { iterateModuleReferences } from '../../../src/core/modules';
import { FETCH_CALL, HTTP_CLIENT_GLOBALS, HTTP_CLIENT_MODULES, HTTP_CLIENT_POLICIES } from '../../../src/data/http-clients';

/*
 * The same-file half of the wrapper engine: `localHttpWrappers` lists the named functions of a
 * file whose request is bounded only when the caller passes a timeout, with where the caller
 * passes it and the calls in the file; `mutatedOptionsLiteral` finds the literal behind an
 * options variable changed only by writes that cannot bound the request.
 */
const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'wrapper' | 'literal'>({
  meta: { type: 'problem', messages: { wrapper: '{{text}}', literal: '{{text}}' }, schema: [] },
  defaultOptions: [],
  create(context) {
    return {
      'Program:exit'() {
        const requests = [...iterateModuleReferences(context, HTTP_CLIENT_MODULES, HTTP_CLIENT_GLOBALS)].filter(
          (ref) => ref.kind === 'call' && ref.info.kind === 'request',
        );
        for (const wrapper of localHttpWrappers(context, requests)) {
          const { index, key, isValue } = wrapper.summary.from;
          const text = `${wrapper.name}@${wrapper.line} ${index}:${key ?? (isValue ? 'value' : 'options')} calls=${wrapper.calls.length}`;
          context.report({ node: context.sourceCode.ast, messageId: 'wrapper', data: { text } });
        }
        for (const ref of requests) {
          if (ref.node.type === 'CallExpression' && ref.info === FETCH_CALL) {
            const object = mutatedOptionsLiteral(context, ref.node, FETCH_CALL.options, HTTP_CLIENT_POLICIES.fetch);
            context.report({ node: ref.node, messageId: 'literal', data: { text: object ? context.sourceCode.getText(object) : 'none' } });
          }
        }
      },
    };
  },
});

function run(code: string): string[] {
  const messages = new Linter().verify(
    code,
    { files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { p: { rules: { probe } } as never }, rules: { 'p/probe': 'error' } },
    'file.ts',
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return messages.map((m) => m.message);
}

describe('localHttpWrappers', () => {
  it('finds a destructured option read in a conditional options argument', () => {
    expect(
      run(`async function get(url, { timeout } = {}) {
  return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});
}
get('/a'); get('/b', { timeout: 1 });`),
    ).toEqual(['get@1 1:timeout calls=2', 'none']);
  });

  it('finds a member of an options parameter, a bare timeout, and forwarded options', () => {
    expect(
      run(`const a = (url, opts = {}) => fetch(url, { signal: opts.timeout ? AbortSignal.timeout(opts.timeout) : undefined });
function b(url, ms) { const init = {}; if (ms) init.signal = AbortSignal.timeout(ms); return fetch(url, init); }
function c(url, init) { return fetch(url, { ...init }); }
a('/'); b('/'); c('/');`),
    ).toEqual(['a@1 1:timeout calls=1', 'b@2 1:value calls=1', 'c@3 1:options calls=1', 'none', 'none', 'none']);
  });

  it('treats a default value as a timeout and skips unnamed functions and files without requests', () => {
    expect(
      run(`function a(url, ms = 5000) { return fetch(url, { signal: AbortSignal.timeout(ms) }); }
function b(url, { timeout = 5000 } = {}) { return fetch(url, { signal: AbortSignal.timeout(timeout) }); }
function c(url, opts = { timeout: 5000 }) { return fetch(url, { signal: AbortSignal.timeout(opts.timeout) }); }
export default (url, { timeout } = {}) => fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {});`),
    ).toEqual(['none', 'none', 'none', 'none']);
    expect(run(`function get(url, { timeout } = {}) { return cache.get(url, timeout); }\nget('/');`)).toEqual([]);
  });

  it('answers for the innermost named function around a request in a callback', () => {
    expect(
      run(`async function get(url, { timeout } = {}) {
  return retry(() => fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {}));
}
get('/');`),
    ).toEqual(['get@1 1:timeout calls=1', 'none']);
  });

  it('finds class methods and their calls through this, a const instance and the class', () => {
    expect(
      run(`class Api {
  send(path, { timeout } = {}) { return fetch(path, timeout ? { signal: AbortSignal.timeout(timeout) } : {}); }
  static ping(url, ms) { return fetch(url, { signal: ms ? AbortSignal.timeout(ms) : undefined }); }
  list() { return [this.send('/a'), this.ping('/no'), () => this.send('/b'), function () { return this.send('/c'); }]; }
  static check() { return this.ping('/d'); }
}
const api = new Api();
let other = new Api();
api.send('/e'); other.send('/f'); Api.ping('/g'); Api.send('/h');`),
    ).toEqual(['Api.send@2 1:timeout calls=3', 'Api.ping@3 1:value calls=2', 'none', 'none']);
  });

  it('names a method of a class expression after its const, and skips computed and private names', () => {
    expect(
      run(`const Client = class {
  get(url, init) { return fetch(url, { ...init }); }
  ['post'](url, init) { return fetch(url, { ...init }); }
  #put(url, init) { return fetch(url, { ...init }); }
};
new Client().get('/a');
export default new (class { del(url, init) { return fetch(url, { ...init }); } })();`),
    ).toEqual(['Client.get@2 1:options calls=0', 'del@7 1:options calls=0', 'none', 'none', 'none', 'none']);
  });

  it('finds methods of a const object literal and their calls through this and the const, not of other objects', () => {
    expect(
      run(`export const api = {
  get(url, { timeout } = {}) { return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {}); },
  post: async function (url, body, opts = {}) { return fetch(url, { method: 'POST', body, signal: opts.timeout ? AbortSignal.timeout(opts.timeout) : undefined }); },
  me() { return this.get('/me'); },
  later: () => this.get('/no'),
};
api.get('/a'); api.post('/b', {}); ({ get(url, { timeout } = {}) { return fetch(url, timeout ? { signal: AbortSignal.timeout(timeout) } : {}); } }).get('/c');`),
    ).toEqual(['api.get@2 1:timeout calls=2', 'api.post@3 2:timeout calls=1', 'none', 'none', 'none']);
  });
});

describe('mutatedOptionsLiteral', () => {
  it('sees through writes of other properties', () => {
    expect(run(`const init = { method: 'POST' };\ninit.body = b;\ninit.headers['x'] = y;\nfetch(url, init as RequestInit);`)).toEqual([
      "{ method: 'POST' }",
    ]);
  });

  it('gives up on timeout writes, computed writes, hand-offs, reassignments and unchanged objects', () => {
    expect(
      run(`const a = { m: 1 }; a.signal = s; fetch(u, a);
const b = { m: 1 }; b[k] = 1; fetch(u, b);
const c = { m: 1 }; c.body = 1; sign(c); fetch(u, c);
let d = { m: 1 }; d.body = 1; d = other; fetch(u, d);
const e = { m: 1 }; fetch(u, e);`),
    ).toEqual(['none', 'none', 'none', 'none', 'none']);
  });
});
