import { createRuleTester } from '../../rule-tester';
import { httpProbe } from './http-probe';

/*
 * The HTTP engine through its probe: `options({ … })` reports what `judgeTimeoutOptions`
 * says of the object (`timed`, `unknown`, `missing`, `disabled`, `untimed-signal`; `detail`
 * names the property), `signal(x)` what `judgeAbortSignal` says of `x` (`timeout`, `untimed`,
 * `none`, `unknown`). Timers are covered in every import style: global, `import` with an
 * alias, `node:` prefix, default import, destructured `require`.
 */
const ruleTester = createRuleTester();

ruleTester.run('http-timeouts', httpProbe, {
  valid: [
    'options(); signal(); options(opts);',

  ],
  invalid: [
    // --- judgeTimeoutOptions: timeout keys and their values ---
    {
      code: `options({ timeout: 5000 }); options({}); options({ timeout: 0 }); options({ timeout: false }); options({ timeout: t });`,
      errors: [
        { messageId: 'options', line: 1, column: 9, endLine: 1, endColumn: 26, data: { verdict: 'timed', detail: '' } },
        { messageId: 'options', line: 1, column: 37, endLine: 1, endColumn: 39, data: { verdict: 'missing', detail: '' } },
        { messageId: 'options', line: 1, column: 50, endLine: 1, endColumn: 64, data: { verdict: 'disabled', detail: ' (timeout: 0)' } },
        { messageId: 'options', line: 1, column: 75, endLine: 1, endColumn: 93, data: { verdict: 'disabled', detail: ' (timeout: false)' } },
        { messageId: 'options', line: 1, column: 104, endLine: 1, endColumn: 118, data: { verdict: 'timed', detail: '' } },
      ],
    },
    // spreads: of a constant literal followed, of anything else unknown; computed keys; getters
    {
      code: `const base = { timeout: 1000 };
options({ ...base }); options({ ...other }); options({ [key]: 1 }); options({ ['timeout']: 0 });
const T = 0; options({ timeout: T }); options({ get timeout() { return 0; } });`,
      errors: [
        { messageId: 'options', line: 2, column: 9, endLine: 2, endColumn: 20, data: { verdict: 'timed', detail: '' } },
        { messageId: 'options', line: 2, column: 31, endLine: 2, endColumn: 43, data: { verdict: 'unknown', detail: '' } },
        { messageId: 'options', line: 2, column: 54, endLine: 2, endColumn: 66, data: { verdict: 'unknown', detail: '' } },
        { messageId: 'options', line: 2, column: 77, endLine: 2, endColumn: 95, data: { verdict: 'disabled', detail: ' ([\'timeout\']: 0)' } },
        { messageId: 'options', line: 3, column: 22, endLine: 3, endColumn: 36, data: { verdict: 'disabled', detail: ' (timeout: T)' } },
        { messageId: 'options', line: 3, column: 47, endLine: 3, endColumn: 78, data: { verdict: 'unknown', detail: '' } },
      ],
    },
    // the last definition wins, as at runtime
    {
      code: `options({ timeout: 0, ...{ timeout: 5 } }); options({ timeout: 5, ...{ timeout: 0 } });`,
      errors: [
        { messageId: 'options', line: 1, column: 9, endLine: 1, endColumn: 42, data: { verdict: 'timed', detail: '' } },
        { messageId: 'options', line: 1, column: 53, endLine: 1, endColumn: 86, data: { verdict: 'disabled', detail: ' (timeout: 0)' } },
      ],
    },
    // configured timeout keys: any one with a non-disabling value times the request
    {
      code: `options({ headersTimeout: 0, bodyTimeout: 100 }); options({ timeout: 5 });`,
      options: [{'timeoutKeys':['headersTimeout','bodyTimeout']}],
      errors: [
        { messageId: 'options', line: 1, column: 9, endLine: 1, endColumn: 48, data: { verdict: 'timed', detail: '' } },
        { messageId: 'options', line: 1, column: 59, endLine: 1, endColumn: 73, data: { verdict: 'missing', detail: '' } },
      ],
    },
    // signals in options: a timed one times the request, a missing one (`undefined`, `null`) does not, another's is trusted
    {
      code: `options({ signal: AbortSignal.timeout(5000) }); options({ signal: undefined }); options({ signal: null }); options({ signal: req.signal });`,
      errors: [
        { messageId: 'options', line: 1, column: 9, endLine: 1, endColumn: 46, data: { verdict: 'timed', detail: '' } },
        { messageId: 'options', line: 1, column: 57, endLine: 1, endColumn: 78, data: { verdict: 'untimed-signal', detail: ' (none: signal: undefined)' } },
        { messageId: 'options', line: 1, column: 89, endLine: 1, endColumn: 105, data: { verdict: 'untimed-signal', detail: ' (none: signal: null)' } },
        { messageId: 'options', line: 1, column: 116, endLine: 1, endColumn: 138, data: { verdict: 'timed', detail: '' } },
      ],
    },
    {
      code: `const controller = new AbortController();
options({ signal: controller.signal });
const c2 = new AbortController();
setTimeout(() => c2.abort(), 5000);
options({ signal: c2.signal });`,
      errors: [
        { messageId: 'options', line: 2, column: 9, endLine: 2, endColumn: 38, data: { verdict: 'untimed-signal', detail: ' (untimed: signal: controller.signal)' } },
        { messageId: 'options', line: 5, column: 9, endLine: 5, endColumn: 30, data: { verdict: 'timed', detail: '' } },
      ],
    },
    // with `acceptsSignal: false` a signal does not count
    {
      code: `options({ signal: AbortSignal.timeout(1) });`,
      options: [{'acceptsSignal':false}],
      errors: [
        { messageId: 'options', line: 1, column: 9, endLine: 1, endColumn: 43, data: { verdict: 'missing', detail: '' } },
      ],
    },
    // --- judgeAbortSignal ---
    {
      code: `signal(AbortSignal.timeout(100)); signal(undefined); signal(null); signal(void 0); signal(x); signal(x.signal);`,
      errors: [
        { messageId: 'signal', line: 1, column: 8, endLine: 1, endColumn: 32, data: { verdict: 'timeout' } },
        { messageId: 'signal', line: 1, column: 42, endLine: 1, endColumn: 51, data: { verdict: 'none' } },
        { messageId: 'signal', line: 1, column: 61, endLine: 1, endColumn: 65, data: { verdict: 'none' } },
        { messageId: 'signal', line: 1, column: 75, endLine: 1, endColumn: 81, data: { verdict: 'none' } },
        { messageId: 'signal', line: 1, column: 91, endLine: 1, endColumn: 92, data: { verdict: 'unknown' } },
        { messageId: 'signal', line: 1, column: 102, endLine: 1, endColumn: 110, data: { verdict: 'unknown' } },
      ],
    },
    // a local binding named `undefined` is not the global
    {
      code: `const undefined = AbortSignal.timeout(5); signal(undefined);`,
      errors: [
        { messageId: 'signal', line: 1, column: 50, endLine: 1, endColumn: 59, data: { verdict: 'timeout' } },
      ],
    },
    // constants are followed, reassigned bindings are not
    {
      code: `const s = AbortSignal.timeout(5); const t = s; signal(t); let u = AbortSignal.timeout(5); u = other; signal(u);`,
      errors: [
        { messageId: 'signal', line: 1, column: 55, endLine: 1, endColumn: 56, data: { verdict: 'timeout' } },
        { messageId: 'signal', line: 1, column: 109, endLine: 1, endColumn: 110, data: { verdict: 'unknown' } },
      ],
    },
    // AbortSignal.any: timed if any member is, untimed only if every member is
    {
      code: `signal(AbortSignal.any([AbortSignal.timeout(5), req.signal])); signal(AbortSignal.any([req.signal])); signal(AbortSignal.any([undefined, null])); signal(AbortSignal.any(list));`,
      errors: [
        { messageId: 'signal', line: 1, column: 8, endLine: 1, endColumn: 61, data: { verdict: 'timeout' } },
        { messageId: 'signal', line: 1, column: 71, endLine: 1, endColumn: 100, data: { verdict: 'unknown' } },
        { messageId: 'signal', line: 1, column: 110, endLine: 1, endColumn: 144, data: { verdict: 'untimed' } },
        { messageId: 'signal', line: 1, column: 154, endLine: 1, endColumn: 175, data: { verdict: 'unknown' } },
      ],
    },
    // controllers aborted from a timer: a bound abort, an aliased `node:timers` import, a destructured require, a named callback
    {
      code: `const c = new AbortController();
setTimeout(c.abort.bind(c), 100);
signal(c.signal);`,
      errors: [
        { messageId: 'signal', line: 3, column: 8, endLine: 3, endColumn: 16, data: { verdict: 'timeout' } },
      ],
    },
    {
      code: `import { setTimeout as later } from 'node:timers';
const c = new AbortController();
later(() => c.abort(), 100);
signal(c.signal);`,
      errors: [
        { messageId: 'signal', line: 4, column: 8, endLine: 4, endColumn: 16, data: { verdict: 'timeout' } },
      ],
    },
    {
      code: `const { setTimeout: wait } = require('timers');
const c = new AbortController();
wait(() => c.abort(), 100);
signal(c.signal);`,
      filename: 'file.js',
      errors: [
        { messageId: 'signal', line: 4, column: 8, endLine: 4, endColumn: 16, data: { verdict: 'timeout' } },
      ],
    },
    {
      code: `const c = new AbortController();
function stop() { c.abort(); }
setTimeout(stop, 100);
signal(c.signal);`,
      errors: [
        { messageId: 'signal', line: 4, column: 8, endLine: 4, endColumn: 16, data: { verdict: 'timeout' } },
      ],
    },
    // aborted from a non-timer callback: untimed; handed to other code: unknown
    {
      code: `const c = new AbortController();
process.on('SIGINT', () => c.abort());
signal(c.signal);
const d = new AbortController();
register(d);
signal(d.signal);`,
      errors: [
        { messageId: 'signal', line: 3, column: 8, endLine: 3, endColumn: 16, data: { verdict: 'untimed' } },
        { messageId: 'signal', line: 6, column: 8, endLine: 6, endColumn: 16, data: { verdict: 'unknown' } },
      ],
    },
    // look-alikes: a local `setTimeout`, a local `AbortController` class, a local `AbortSignal` object
    {
      code: `function setTimeout(fn) { fn(); }
const c = new AbortController();
setTimeout(() => c.abort());
signal(c.signal);`,
      errors: [
        { messageId: 'signal', line: 4, column: 8, endLine: 4, endColumn: 16, data: { verdict: 'untimed' } },
      ],
    },
    {
      code: `class AbortController { signal = null; abort() {} }
const c = new AbortController();
signal(c.signal);
const AbortSignal = { timeout: () => null };
signal(AbortSignal.timeout(5));`,
      errors: [
        { messageId: 'signal', line: 3, column: 8, endLine: 3, endColumn: 16, data: { verdict: 'unknown' } },
        { messageId: 'signal', line: 5, column: 8, endLine: 5, endColumn: 30, data: { verdict: 'unknown' } },
      ],
    },
    // optional chaining, TS casts, computed `['signal']`
    {
      code: `const c = new AbortController();
signal(c?.signal);
signal(c.signal as AbortSignal);
signal(c['signal']);`,
      errors: [
        { messageId: 'signal', line: 2, column: 8, endLine: 2, endColumn: 17, data: { verdict: 'untimed' } },
        { messageId: 'signal', line: 3, column: 8, endLine: 3, endColumn: 31, data: { verdict: 'untimed' } },
        { messageId: 'signal', line: 4, column: 8, endLine: 4, endColumn: 19, data: { verdict: 'untimed' } },
      ],
    },
    // `timers` as a default import, `globalThis.AbortSignal`; an abort bound but never scheduled stays unknown
    {
      code: `import timers from 'timers';
const c = new AbortController();
timers.setTimeout(() => c.abort(), 100);
signal(c.signal);
signal(globalThis.AbortSignal.timeout(5));`,
      errors: [
        { messageId: 'signal', line: 4, column: 8, endLine: 4, endColumn: 16, data: { verdict: 'timeout' } },
        { messageId: 'signal', line: 5, column: 8, endLine: 5, endColumn: 41, data: { verdict: 'timeout' } },
      ],
    },
    {
      code: `const c = new AbortController();
const stop = c.abort.bind(c);
signal(c.signal);`,
      errors: [
        { messageId: 'signal', line: 3, column: 8, endLine: 3, endColumn: 16, data: { verdict: 'unknown' } },
      ],
    },
    // a spread constant that disables; a timeout key next to a signal; configured disabling values;
    // a signal that is a parameter's is unknown, so the request counts as timed; a reassigned controller; follows at most 6 names
    {
      code: `const off = { timeout: 0 };
options({ ...off });
options({ timeout: 5000, signal: undefined });
options({ timeout: 0, signal: AbortSignal.timeout(5) });`,
      errors: [
        { messageId: 'options', line: 2, column: 9, endLine: 2, endColumn: 19, data: { verdict: 'disabled', detail: ' (timeout: 0)' } },
        { messageId: 'options', line: 3, column: 9, endLine: 3, endColumn: 45, data: { verdict: 'timed', detail: '' } },
        { messageId: 'options', line: 4, column: 9, endLine: 4, endColumn: 55, data: { verdict: 'timed', detail: '' } },
      ],
    },
    {
      code: `options({ timeout: null }); options({ timeout: 0 });`,
      options: [{'disabledValues':[null]}],
      errors: [
        { messageId: 'options', line: 1, column: 9, endLine: 1, endColumn: 26, data: { verdict: 'disabled', detail: ' (timeout: null)' } },
        { messageId: 'options', line: 1, column: 37, endLine: 1, endColumn: 51, data: { verdict: 'timed', detail: '' } },
      ],
    },
    {
      code: `function f(ctrl) { options({ signal: ctrl.signal }); }
let c = new AbortController();
c = other;
signal(c.signal);`,
      errors: [
        { messageId: 'options', line: 1, column: 28, endLine: 1, endColumn: 51, data: { verdict: 'timed', detail: '' } },
        { messageId: 'signal', line: 4, column: 8, endLine: 4, endColumn: 16, data: { verdict: 'unknown' } },
      ],
    },
    {
      code: `const a = AbortSignal.timeout(1), b = a, c = b, d = c, e = d, f = e, g = f, h = g;
signal(d);
signal(h);`,
      errors: [
        { messageId: 'signal', line: 2, column: 8, endLine: 2, endColumn: 9, data: { verdict: 'timeout' } },
        { messageId: 'signal', line: 3, column: 8, endLine: 3, endColumn: 9, data: { verdict: 'unknown' } },
      ],
    },
  ],
});
