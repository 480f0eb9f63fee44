import { createRuleTester } from '../../rule-tester';
import { sqlValueProbe } from './sql-probe';

/*
 * The SQL value analyses through their probe: `classify(x)` reports what `classifyValue`
 * says of `x` (`constant`: only text written in the source; `numeric`: a number from input;
 * `arbitrary`: any text), and `build(x)` how `analyzeStringBuild` takes `x` apart (text pieces
 * quoted, values as `{source%specifier<-alias}`), whether the string is built there, and
 * whether its approximate text reads as SQL (`sql`) or as a whole statement (`statement`).
 */
const ruleTester = createRuleTester();

ruleTester.run('sql-values', sqlValueProbe, {
  valid: [
    'const x = 1; classify(); build();',
  ],
  invalid: [
    // --- classifyValue: literals, constants, reassigned and var bindings, numbers ---
    {
      code: `classify('x'); classify(42); classify(\`a\${'b'}\`); classify(undefined);`,
      errors: [
        { messageId: 'constant', line: 1, column: 10, endLine: 1, endColumn: 13 },
        { messageId: 'constant', line: 1, column: 25, endLine: 1, endColumn: 27 },
        { messageId: 'constant', line: 1, column: 39, endLine: 1, endColumn: 48 },
        { messageId: 'constant', line: 1, column: 60, endLine: 1, endColumn: 69 },
      ],
    },
    {
      code: `const T = 'users'; classify(T); let u = 'a'; classify(u); let w = 'a'; w = req.q; classify(w);`,
      errors: [
        { messageId: 'constant', line: 1, column: 29, endLine: 1, endColumn: 30 },
        { messageId: 'constant', line: 1, column: 55, endLine: 1, endColumn: 56 },
        { messageId: 'arbitrary', line: 1, column: 92, endLine: 1, endColumn: 93 },
      ],
    },
    // a `var` is followed once per variable (D2): never reassigned, it has its initialiser's value
    {
      code: `var x = f(); classify(x); var y = 'ok'; classify(y);`,
      errors: [
        { messageId: 'arbitrary', line: 1, column: 23, endLine: 1, endColumn: 24 },
        { messageId: 'constant', line: 1, column: 50, endLine: 1, endColumn: 51 },
      ],
    },
    {
      code: `classify(Number(req.query.n)); classify(parseInt(s, 10)); classify(+s); classify(a * b); classify(s.length);`,
      errors: [
        { messageId: 'numeric', line: 1, column: 10, endLine: 1, endColumn: 29 },
        { messageId: 'numeric', line: 1, column: 41, endLine: 1, endColumn: 56 },
        { messageId: 'numeric', line: 1, column: 68, endLine: 1, endColumn: 70 },
        { messageId: 'numeric', line: 1, column: 82, endLine: 1, endColumn: 87 },
        { messageId: 'arbitrary', line: 1, column: 99, endLine: 1, endColumn: 107 },
      ],
    },
    // lookups in constant tables are constant, in a table holding input not; enum members, imported SCREAMING_CASE
    {
      code: `const SORTABLE = { name: 'name', date: 'created_at' };
classify(SORTABLE[req.query.sort]); classify(SORTABLE[k] ?? 'id');
const MIXED = { a: 'a', b: req.body.b }; classify(MIXED[k]);`,
      errors: [
        { messageId: 'constant', line: 2, column: 10, endLine: 2, endColumn: 34 },
        { messageId: 'constant', line: 2, column: 46, endLine: 2, endColumn: 65 },
        { messageId: 'arbitrary', line: 3, column: 51, endLine: 3, endColumn: 59 },
      ],
    },
    {
      code: `enum Dir { Asc = 'ASC', Desc = 'DESC' }
classify(Dir.Asc);
import { COLUMNS, helper } from './cols';
classify(COLUMNS[k]); classify(helper[k]);`,
      errors: [
        { messageId: 'constant', line: 2, column: 10, endLine: 2, endColumn: 17 },
        { messageId: 'constant', line: 4, column: 10, endLine: 4, endColumn: 20 },
        { messageId: 'arbitrary', line: 4, column: 32, endLine: 4, endColumn: 41 },
      ],
    },
    // allow-list checks: early exit, inside the `if`, behind `&&`; not after the `if`
    {
      code: `const ALLOWED = ['asc', 'desc'];
function f(dir) {
  if (!ALLOWED.includes(dir)) return;
  classify(dir);
}
function g(dir) { if (ALLOWED.includes(dir)) { classify(dir); } classify(dir); }
function h(dir) { return ALLOWED.includes(dir) && classify(dir); }`,
      errors: [
        { messageId: 'constant', line: 4, column: 12, endLine: 4, endColumn: 15 },
        { messageId: 'constant', line: 6, column: 57, endLine: 6, endColumn: 60 },
        { messageId: 'arbitrary', line: 6, column: 74, endLine: 6, endColumn: 77 },
        { messageId: 'constant', line: 7, column: 60, endLine: 7, endColumn: 63 },
      ],
    },
    // a Set allow-list; a list holding input is no allow-list; `switch` cases restrict only inside them
    {
      code: `const ALLOWED = new Set(['a', 'b']);
function f(col) { if (!ALLOWED.has(col)) throw new Error(); classify(col); }
function g(col) { const list = [req.q]; if (!list.includes(col)) return; classify(col); }
function h(col) { switch (col) { case 'a': case 'b': classify(col); break; default: classify(col); } }`,
      errors: [
        { messageId: 'constant', line: 2, column: 70, endLine: 2, endColumn: 73 },
        { messageId: 'arbitrary', line: 3, column: 83, endLine: 3, endColumn: 86 },
        { messageId: 'constant', line: 4, column: 63, endLine: 4, endColumn: 66 },
        { messageId: 'arbitrary', line: 4, column: 94, endLine: 4, endColumn: 97 },
      ],
    },
    // TS annotations: literal unions are constant, numbers numeric
    {
      code: `function f(dir: 'asc' | 'desc', n: number, s: string) { classify(dir); classify(n); classify(s); }`,
      errors: [
        { messageId: 'constant', line: 1, column: 66, endLine: 1, endColumn: 69 },
        { messageId: 'numeric', line: 1, column: 81, endLine: 1, endColumn: 82 },
        { messageId: 'arbitrary', line: 1, column: 94, endLine: 1, endColumn: 95 },
      ],
    },
    // placeholder lists: mapped constants, `() => '?'`, and Array.from's index (its mapper is the second argument)
    {
      code: `const cols = ['a', 'b'];
classify(cols.map((c) => \`"\${c}"\`).join(', '));
classify(ids.map(() => '?').join(','));
classify(ids.map((id) => id).join(','));
classify(Array.from({ length: n }, (_, i) => \`$\${i + 1}\`).join(', '));`,
      errors: [
        { messageId: 'constant', line: 2, column: 10, endLine: 2, endColumn: 46 },
        { messageId: 'constant', line: 3, column: 10, endLine: 3, endColumn: 38 },
        { messageId: 'arbitrary', line: 4, column: 10, endLine: 4, endColumn: 39 },
        { messageId: 'constant', line: 5, column: 10, endLine: 5, endColumn: 69 },
      ],
    },
    // callbacks of the built-in array methods (data/js-builtins): elements of a constant table, and indices
    {
      code: `const cols = ['a', 'b'];
cols.findLast((c) => classify(c));
cols.reduce((sql, c, i) => classify(\`\${c} = $\${i + 1}\`), '');
cols.reduce((sql, c) => classify(sql), '');`,
      errors: [
        { messageId: 'constant', line: 2, column: 31, endLine: 2, endColumn: 32 },
        { messageId: 'constant', line: 3, column: 37, endLine: 3, endColumn: 55 },
        { messageId: 'arbitrary', line: 4, column: 34, endLine: 4, endColumn: 37 },
      ],
    },
    {
      code: `for (const c of ['a', 'b']) classify(c);
for (const c of input) classify(c);
const parts = ['a']; parts.push(req.q); classify(parts.join(' '));`,
      errors: [
        { messageId: 'constant', line: 1, column: 38, endLine: 1, endColumn: 39 },
        { messageId: 'arbitrary', line: 2, column: 33, endLine: 2, endColumn: 34 },
        { messageId: 'arbitrary', line: 3, column: 50, endLine: 3, endColumn: 65 },
      ],
    },
    {
      code: `classify(flag ? 'ASC' : 'DESC'); classify(flag ? 'ASC' : dir); classify(String(n)); classify(n.toFixed(2)); classify(s.trim());`,
      errors: [
        { messageId: 'constant', line: 1, column: 10, endLine: 1, endColumn: 31 },
        { messageId: 'arbitrary', line: 1, column: 43, endLine: 1, endColumn: 61 },
        { messageId: 'arbitrary', line: 1, column: 73, endLine: 1, endColumn: 82 },
        { messageId: 'numeric', line: 1, column: 94, endLine: 1, endColumn: 106 },
        { messageId: 'arbitrary', line: 1, column: 118, endLine: 1, endColumn: 126 },
      ],
    },
    {
      code: `function f(dir) { const d = ['asc', 'desc'].includes(dir) ? dir : 'asc'; classify(d); }`,
      errors: [
        { messageId: 'constant', line: 1, column: 83, endLine: 1, endColumn: 84 },
      ],
    },
    // --- analyzeStringBuild: templates, `+`, appends, aliases, arrays, format calls, replace/concat ---
    {
      code: `build(\`SELECT * FROM t WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'build', line: 1, column: 7, endLine: 1, endColumn: 41, data: { pieces: '"SELECT * FROM t WHERE id = " {id}', built: 'true', sql: 'statement' } },
      ],
    },
    {
      code: `build('SELECT * FROM t WHERE a = ' + a + ' AND b = ' + b);`,
      errors: [
        { messageId: 'build', line: 1, column: 7, endLine: 1, endColumn: 57, data: { pieces: '"SELECT * FROM t WHERE a = " {a} " AND b = " {b}', built: 'true', sql: 'statement' } },
      ],
    },
    {
      code: `let q = 'SELECT * FROM t';
if (a) q += \` WHERE a = \${a}\`;
build(q);`,
      errors: [
        { messageId: 'build', line: 3, column: 7, endLine: 3, endColumn: 8, data: { pieces: '"SELECT * FROM t WHERE a = " {a}', built: 'true', sql: 'statement' } },
      ],
    },
    {
      code: `const where = \`WHERE id = \${id}\`;
const sql = 'SELECT * FROM t ' + where;
build(sql);`,
      errors: [
        { messageId: 'build', line: 3, column: 7, endLine: 3, endColumn: 10, data: { pieces: '"SELECT * FROM t WHERE id = " {id}', built: 'true', sql: 'statement' } },
      ],
    },
    {
      code: `const parts = ['SELECT *', 'FROM t'];
parts.push(\`WHERE id = \${id}\`);
build(parts.join(' '));`,
      errors: [
        { messageId: 'build', line: 3, column: 7, endLine: 3, endColumn: 22, data: { pieces: '"SELECT * FROM t WHERE id = " {id}', built: 'true', sql: 'statement' } },
      ],
    },
    {
      code: `import util from 'node:util';
build(util.format('SELECT * FROM %s WHERE id = %d', table, id));`,
      errors: [
        { messageId: 'build', line: 2, column: 7, endLine: 2, endColumn: 63, data: { pieces: '"SELECT * FROM " {table%s} " WHERE id = " {id%d}', built: 'true', sql: 'statement' } },
      ],
    },
    {
      code: `import format from 'pg-format';
build(format('SELECT %I FROM t WHERE a = %L', col, val));`,
      errors: [
        { messageId: 'build', line: 2, column: 7, endLine: 2, endColumn: 56, data: { pieces: '"SELECT " {col%I} " FROM t WHERE a = " {val%L}', built: 'true', sql: 'statement' } },
      ],
    },
    {
      code: `build('SELECT * FROM t WHERE id = :id'.replace(':id', id)); build('select '.concat(col, ' from t'));`,
      errors: [
        { messageId: 'build', line: 1, column: 7, endLine: 1, endColumn: 58, data: { pieces: '"SELECT * FROM t WHERE id = :id" {id}', built: 'true', sql: 'statement' } },
        { messageId: 'build', line: 1, column: 67, endLine: 1, endColumn: 99, data: { pieces: '"select " {col} " from t"', built: 'true', sql: 'statement' } },
      ],
    },
    {
      code: `build(flag ? \`SELECT \${a} FROM t\` : 'SELECT 1'); build(String(\`DELETE FROM t WHERE id = \${id}\`).trim());`,
      errors: [
        { messageId: 'build', line: 1, column: 7, endLine: 1, endColumn: 47, data: { pieces: '"SELECT " {a} " FROM tSELECT 1"', built: 'true', sql: 'statement' } },
        { messageId: 'build', line: 1, column: 56, endLine: 1, endColumn: 103, data: { pieces: '"DELETE FROM t WHERE id = " {id}', built: 'true', sql: 'statement' } },
      ],
    },
    // not SQL: a cache key, prose (capitalised, so no statement), plain text, an opaque name
    {
      code: `build(\`user:\${id}\`); build(\`Select a file from \${dir}\`); build('plain'); build(name);`,
      errors: [
        { messageId: 'build', line: 1, column: 7, endLine: 1, endColumn: 19, data: { pieces: '"user:" {id}', built: 'true', sql: '-' } },
        { messageId: 'build', line: 1, column: 28, endLine: 1, endColumn: 55, data: { pieces: '"Select a file from " {dir}', built: 'true', sql: 'sql' } },
        { messageId: 'build', line: 1, column: 64, endLine: 1, endColumn: 71, data: { pieces: '"plain"', built: 'false', sql: '-' } },
        { messageId: 'build', line: 1, column: 80, endLine: 1, endColumn: 84, data: { pieces: '{name}', built: 'false', sql: '-' } },
      ],
    },
    // a `var` read before and after a later write: only the writes that precede each use
    {
      code: `var x = f();
build(x + 'a');
build(x + 'b');
x = g();
build(x + 'c');`,
      errors: [
        { messageId: 'build', line: 2, column: 7, endLine: 2, endColumn: 14, data: { pieces: '{f()<-x} "a"', built: 'true', sql: '-' } },
        { messageId: 'build', line: 3, column: 7, endLine: 3, endColumn: 14, data: { pieces: '{f()<-x} "b"', built: 'true', sql: '-' } },
        { messageId: 'build', line: 5, column: 7, endLine: 5, endColumn: 14, data: { pieces: '{f()<-x} {g()<-x} "c"', built: 'true', sql: '-' } },
      ],
    },
    {
      code: `const T = 'users';
build(\`SELECT * FROM \${T} WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'build', line: 2, column: 7, endLine: 2, endColumn: 44, data: { pieces: '"SELECT * FROM users WHERE id = " {id}', built: 'true', sql: 'statement' } },
      ],
    },
    {
      code: `build(\`SELECT * FROM t ORDER BY \${col} \${dir}\`); build(\` WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'build', line: 1, column: 7, endLine: 1, endColumn: 47, data: { pieces: '"SELECT * FROM t ORDER BY " {col} " " {dir}', built: 'true', sql: 'statement' } },
        { messageId: 'build', line: 1, column: 56, endLine: 1, endColumn: 75, data: { pieces: '" WHERE id = " {id}', built: 'true', sql: 'statement' } },
      ],
    },
    // a reassigned `var` has no static value: its preceding writes are followed instead
    {
      code: `var t = 'users';
build('SELECT * FROM ' + t);
t = req.query.t;
build('SELECT * FROM ' + t);
classify(t);`,
      errors: [
        { messageId: 'build', line: 2, column: 7, endLine: 2, endColumn: 27, data: { pieces: '"SELECT * FROM users"', built: 'true', sql: 'statement' } },
        { messageId: 'build', line: 4, column: 7, endLine: 4, endColumn: 27, data: { pieces: '"SELECT * FROM users" {req.query.t<-t}', built: 'true', sql: 'statement' } },
        { messageId: 'arbitrary', line: 5, column: 10, endLine: 5, endColumn: 11 },
      ],
    },
    // a constant's initialiser is read where it is written, not where the constant is used (a parameter `t` shadows it there)
    {
      code: `function f(t) {
  const u = t;
  return build('SELECT * FROM ' + u);
}
const t = 'users';
const u2 = t;
function g(t) { return build('SELECT * FROM ' + u2); }`,
      errors: [
        { messageId: 'build', line: 3, column: 16, endLine: 3, endColumn: 36, data: { pieces: '"SELECT * FROM " {t<-u}', built: 'true', sql: 'statement' } },
        { messageId: 'build', line: 7, column: 30, endLine: 7, endColumn: 51, data: { pieces: '"SELECT * FROM users"', built: 'true', sql: 'statement' } },
      ],
    },
    // static values (core/static staticValue): a never-reassigned `var` object, not a reassigned `let` or a mutated const;
    // operators on constants, globals
    {
      code: `var o = { a: 'users' };
build('SELECT * FROM ' + o.a + ' WHERE id = ' + o.b);
let p = { a: 'users' };
p = other;
build('SELECT * FROM ' + p.a);
const m = { a: 'users' };
m.a = input;
build('SELECT * FROM ' + m.a);`,
      errors: [
        { messageId: 'build', line: 2, column: 7, endLine: 2, endColumn: 52, data: { pieces: '"SELECT * FROM users WHERE id = undefined"', built: 'true', sql: 'statement' } },
        { messageId: 'build', line: 5, column: 7, endLine: 5, endColumn: 29, data: { pieces: '"SELECT * FROM " {p.a}', built: 'true', sql: 'statement' } },
        { messageId: 'build', line: 8, column: 7, endLine: 8, endColumn: 29, data: { pieces: '"SELECT * FROM " {m.a}', built: 'true', sql: 'statement' } },
      ],
    },
    {
      code: `const N = 2;
build('SELECT * FROM t LIMIT ' + N * 10 + ' OFFSET ' + -N + (typeof N));
build('SELECT * FROM t LIMIT ' + n * 10);
build('SELECT ' + Math.PI + ', ' + undefined);`,
      errors: [
        { messageId: 'build', line: 2, column: 7, endLine: 2, endColumn: 71, data: { pieces: '"SELECT * FROM t LIMIT 20 OFFSET -2number"', built: 'true', sql: 'statement' } },
        { messageId: 'build', line: 3, column: 7, endLine: 3, endColumn: 40, data: { pieces: '"SELECT * FROM t LIMIT " {n * 10}', built: 'true', sql: 'statement' } },
        { messageId: 'build', line: 4, column: 7, endLine: 4, endColumn: 45, data: { pieces: '"SELECT 3.141592653589793, undefined"', built: 'true', sql: 'sql' } },
      ],
    },
  ],
});
