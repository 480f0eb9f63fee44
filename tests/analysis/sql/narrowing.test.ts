import { createRuleTester } from '../../rule-tester';
import { sqlValueProbe } from './sql-probe';

/*
 * Reassigned variables followed to one use (narrowing.ts), through the probe's `classify(x)`:
 * checks that reassign or exit narrow, later writes from input undo them, loops, `try`, callbacks
 * and closures made before a write are taken as "any of the writes".
 */
const ruleTester = createRuleTester();

ruleTester.run('sql-narrowing', sqlValueProbe, {
  valid: [],
  invalid: [
    // a failed check reassigning a constant
    {
      code: `const L = ['a', 'b']; function f(q) { let d = q.d; if (!L.includes(d)) d = 'a'; classify(d); }`,
      errors: [
        { messageId: 'constant', line: 1, column: 90, endLine: 1, endColumn: 91 },
      ],
    },
    // a later write from input undoes it
    {
      code: `const L = ['a', 'b']; function f(q) { let d = q.d; if (!L.includes(d)) d = 'a'; d = q.e; classify(d); }`,
      errors: [
        { messageId: 'arbitrary', line: 1, column: 99, endLine: 1, endColumn: 100 },
      ],
    },
    // an exiting check, then a write from input
    {
      code: `const L = ['a', 'b']; function f(q) { let d = q.d; if (!L.includes(d)) return; d = q.e; classify(d); }`,
      errors: [
        { messageId: 'arbitrary', line: 1, column: 98, endLine: 1, endColumn: 99 },
      ],
    },
    // an equality chain on a parameter
    {
      code: `function f(d) { if (d !== 'asc' && d !== 'desc') d = 'asc'; classify(d); }`,
      errors: [
        { messageId: 'constant', line: 1, column: 70, endLine: 1, endColumn: 71 },
      ],
    },
    // cases of a switch on the variable, matched or fallen into from another case
    {
      code: `function f(q) { let d = q.x; d = d.trim(); switch (d) { case 'a': classify(d); case 'b': classify(d); break; } }`,
      errors: [
        { messageId: 'constant', line: 1, column: 76, endLine: 1, endColumn: 77 },
        { messageId: 'constant', line: 1, column: 99, endLine: 1, endColumn: 100 },
      ],
    },
    // && after a Set check
    {
      code: `const S = new Set(['a']); function f(q) { let d = q.x; d = d.trim(); S.has(d) && classify(d); }`,
      errors: [
        { messageId: 'constant', line: 1, column: 91, endLine: 1, endColumn: 92 },
      ],
    },
    // a write earlier in the same expression
    {
      code: `function f(q, g) { let d = 'a'; g(d = q.x, classify(d)); }`,
      errors: [
        { messageId: 'arbitrary', line: 1, column: 53, endLine: 1, endColumn: 54 },
      ],
    },
    // a use in a loop that writes input later in its body
    {
      code: `function f(xs) { let d = 'a'; for (const x of xs) { classify(d); d = x; } }`,
      errors: [
        { messageId: 'arbitrary', line: 1, column: 62, endLine: 1, endColumn: 63 },
      ],
    },
    // a closure made after the writes, and one made before a write
    {
      code: `const L = ['a']; function f(q) { let d = q.x; if (!L.includes(d)) d = 'a'; const g = () => classify(d); let e = 'a'; const h = () => classify(e); e = q.y; }`,
      errors: [
        { messageId: 'constant', line: 1, column: 101, endLine: 1, endColumn: 102 },
        { messageId: 'arbitrary', line: 1, column: 143, endLine: 1, endColumn: 144 },
      ],
    },
    // a write inside try
    {
      code: `function f(q) { let d = 'a'; try { d = q.x; } catch { d = 'b'; } classify(d); }`,
      errors: [
        { messageId: 'arbitrary', line: 1, column: 75, endLine: 1, endColumn: 76 },
      ],
    },
    // a write from a callback
    {
      code: `function f(q, xs) { let d = 'a'; xs.forEach((x) => { d = x; }); classify(d); }`,
      errors: [
        { messageId: 'arbitrary', line: 1, column: 74, endLine: 1, endColumn: 75 },
      ],
    },
    // numbers stay numeric
    {
      code: `function f(q) { let n = Number(q.n); n = n * 2; classify(n); }`,
      errors: [
        { messageId: 'numeric', line: 1, column: 58, endLine: 1, endColumn: 59 },
      ],
    },
  ],
});
