import rule from '../../src/rules/no-sql-template-literal';
import { createRuleTester } from '../rule-tester';

// Issue #16: a value forced to a constant set before it reaches the SQL text is constant (conditionals,
// allow-list checks that reassign or exit, lookups in constant tables, switches and if/else chains
// assigning literals in every branch), and the look-alikes that leave request input stay reported.
// Cases are static literals (see STYLE b.3).

const ruleTester = createRuleTester();

ruleTester.run('no-sql-template-literal: values narrowed to constants', rule, {
  valid: [
    // a conditional whose both branches are constants, nested too
    `import { Pool } from 'pg';
import type { Request } from 'express';
const pool = new Pool();
export function list(req: Request) {
  const dir = req.query.sort === 'asc' ? 'ASC' : 'DESC';
  const nulls = req.query.nulls === 'first' ? 'NULLS FIRST' : req.query.nulls === 'last' ? 'NULLS LAST' : '';
  return pool.query(\`SELECT * FROM posts ORDER BY created_at \${dir} \${nulls}\`);
}`,
    // an allow-list check whose failure reassigns a constant (JS, mysql2)
    {
      code: `const mysql = require('mysql2/promise');
const pool = mysql.createPool({});
app.get('/posts', async (req, res) => {
  let order = (req.query.order || '').toUpperCase();
  if (!['ASC', 'DESC'].includes(order)) order = 'DESC';
  const [rows] = await pool.query(\`SELECT * FROM posts ORDER BY created_at \${order}\`);
  res.json(rows);
});`,
      filename: 'file.js',
    },
    // the same with a const list and a block
    `import { Pool } from 'pg';
const pool = new Pool();
const DIRECTIONS = ['ASC', 'DESC'];
export async function list(req: any) {
  let order = String(req.query.order);
  if (!DIRECTIONS.includes(order)) {
    order = 'DESC';
  }
  return pool.query(\`SELECT * FROM posts ORDER BY id \${order}\`);
}`,
    // an allow-list check whose failure answers 400 before the query
    `import { Pool } from 'pg';
const pool = new Pool();
const ALLOWED_SORT = ['name', 'created_at'] as const;
app.get('/users', async (req, res) => {
  let col = req.query.sort as string;
  col = col.trim();
  if (!(ALLOWED_SORT as readonly string[]).includes(col)) return res.status(400).json({ error: 'bad sort' });
  const { rows } = await pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
  res.json(rows);
});`,
    // a Set check whose failure throws (JS)
    {
      code: `const { Pool } = require('pg');
const pool = new Pool();
const SORTABLE = new Set(['name', 'email']);
async function list(req) {
  let column = req.query.column;
  column = column.toLowerCase();
  if (!SORTABLE.has(column)) throw new Error('bad column');
  return pool.query(\`SELECT * FROM users ORDER BY \${column}\`);
}
module.exports = { list };`,
      filename: 'file.js',
    },
    // keys of a constant object as the allow-list
    `import { Pool } from 'pg';
const pool = new Pool();
const COLUMNS = { name: 'Name', created_at: 'Created' };
export function list(req: any) {
  const col = req.query.sort;
  if (!Object.keys(COLUMNS).includes(col)) return [];
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
    // lookups in a constant table, with ?? and || fallbacks or plain
    `import { Pool } from 'pg';
const pool = new Pool();
const SORT_COLUMNS = { newest: 'created_at', name: 'name' };
export function list(req: any) {
  const col = SORT_COLUMNS[req.query.sort] ?? 'created_at';
  const second = SORT_COLUMNS[req.query.then] || 'id';
  const key = req.query.group;
  return pool.query(\`SELECT * FROM users ORDER BY \${col}, \${second}, \${SORT_COLUMNS[key]}\`);
}`,
    // a switch on the variable assigning a literal in every branch, default included
    `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any) {
  let sort = req.query.sort;
  switch (sort) {
    case 'name': sort = 'name'; break;
    case 'newest': sort = 'created_at DESC'; break;
    default: sort = 'id';
  }
  return pool.query(\`SELECT * FROM users ORDER BY \${sort}\`);
}`,
    // a switch whose default throws, with a break inside a branch
    `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any) {
  let col = req.query.sort;
  switch (col) {
    case 'name':
      if (req.query.ci) { col = 'lower(name)'; break; }
      break;
    case 'email':
      break;
    default:
      throw new Error('bad sort');
  }
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
    // an if/else-if chain with a final else
    `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any) {
  let col = req.query.sort;
  if (col === 'name') col = 'name';
  else if (col === 'newest') col = 'created_at';
  else col = 'id';
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
    // a parameter reassigned when the check fails, then used in a later closure
    `import { Pool } from 'pg';
const pool = new Pool();
export async function list(order: string, run: (f: () => unknown) => unknown) {
  if (!['ASC', 'DESC'].includes(order)) order = 'DESC';
  return run(() => pool.query(\`SELECT * FROM posts ORDER BY id \${order}\`));
}`,
    // a conditional reassignment, then a string method and a loop writing constants
    `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any, flags: string[]) {
  let dir = req.query.dir;
  dir = ['asc', 'desc'].includes(dir) ? dir : 'desc';
  dir = dir.toUpperCase();
  for (const flag of flags) {
    if (flag === 'reverse') dir = 'ASC';
  }
  return pool.query(\`SELECT * FROM posts ORDER BY id \${dir}\`);
}`,
  ],
  invalid: [
    // a check whose failure only logs leaves the value
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
const ALLOWED = ['name', 'email'];
export function list(req: any) {
  let col = req.query.sort;
  col = col.trim();
  if (!ALLOWED.includes(col)) console.warn('unknown column', col);
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 8, column: 21, endLine: 8, endColumn: 58 },
      ],
    },
    // a write from request input after the reassigning check
    {
      code: `const mysql = require('mysql2/promise');
const pool = mysql.createPool({});
app.get('/posts', async (req, res) => {
  let order = req.query.order;
  if (!['ASC', 'DESC'].includes(order)) order = 'DESC';
  if (req.query.raw) order = req.query.raw;
  const [rows] = await pool.query(\`SELECT * FROM posts ORDER BY id \${order}\`);
  res.json(rows);
});`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 7, column: 35, endLine: 7, endColumn: 77 },
      ],
    },
    // a write from request input after the exiting check
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any) {
  let col = req.query.sort;
  if (!['name', 'email'].includes(col)) return [];
  col = req.query.override;
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 7, column: 21, endLine: 7, endColumn: 58 },
      ],
    },
    // a check inside a branch that does not dominate the query
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any) {
  let col = req.query.sort;
  if (req.query.strict) {
    if (!['name', 'email'].includes(col)) col = 'id';
  }
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 8, column: 21, endLine: 8, endColumn: 58 },
      ],
    },
    // a switch without default leaves the original value
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any) {
  let col = req.query.sort;
  switch (col) {
    case 'newest': col = 'created_at'; break;
    case 'oldest': col = 'created_at ASC'; break;
  }
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 9, column: 21, endLine: 9, endColumn: 58 },
      ],
    },
    // an if/else-if chain without else leaves the original value
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any) {
  let col = req.query.sort;
  if (req.query.kind === 'a') col = 'name';
  else if (req.query.kind === 'b') col = 'email';
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 7, column: 21, endLine: 7, endColumn: 58 },
      ],
    },
    // a lookup table holding a request value
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any) {
  const ALLOWED = { name: 'name', custom: req.body.column };
  const col = ALLOWED[req.query.sort] ?? 'id';
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 6, column: 21, endLine: 6, endColumn: 58 },
      ],
    },
    // a lookup table declared with let
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
let SORT_COLUMNS = { name: 'name' };
export function list(req: any) {
  const col = SORT_COLUMNS[req.query.sort] || 'id';
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 6, column: 21, endLine: 6, endColumn: 58 },
      ],
    },
    // a const lookup table written into from request input
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
const SORT_COLUMNS: Record<string, string> = { name: 'name' };
export function configure(req: any) {
  SORT_COLUMNS[req.body.key] = req.body.column;
}
export function list(req: any) {
  const col = SORT_COLUMNS[req.query.sort] ?? 'id';
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 9, column: 21, endLine: 9, endColumn: 58 },
      ],
    },
    // a const lookup table merged with request input (JS)
    {
      code: `const { Pool } = require('pg');
const pool = new Pool();
const SORT_COLUMNS = { name: 'name' };
Object.assign(SORT_COLUMNS, global.overrides);
exports.list = (req) => pool.query(\`SELECT * FROM users ORDER BY \${SORT_COLUMNS[req.query.sort]}\`);`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 5, column: 36, endLine: 5, endColumn: 98 },
      ],
    },
    // an allow-list holding a request value, whatever its name
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any) {
  const ALLOWED_COLUMNS = ['name', req.query.extra];
  const col = req.query.sort;
  if (!ALLOWED_COLUMNS.includes(col)) return [];
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 7, column: 21, endLine: 7, endColumn: 58 },
      ],
    },
    // an allow-list given a request value later (push, Set add)
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
const ALLOWED = new Set(['name']);
export function allow(req: any) {
  ALLOWED.add(req.body.column);
}
export function list(req: any) {
  const col = req.query.sort;
  if (!ALLOWED.has(col)) return [];
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 10, column: 21, endLine: 10, endColumn: 58 },
      ],
    },
    // keys of a table written under a request key
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
const COLUMNS: Record<string, string> = { name: 'Name' };
export function label(req: any) {
  COLUMNS[req.body.key] = 'x';
}
export function list(req: any) {
  const col = req.query.sort;
  if (!Object.keys(COLUMNS).includes(col)) return [];
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 10, column: 21, endLine: 10, endColumn: 58 },
      ],
    },
    // a reassigned allow-list
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
let ALLOWED = ['name'];
export function configure(req: any) {
  ALLOWED = req.body.columns;
}
export function list(req: any) {
  const col = req.query.sort;
  if (!ALLOWED.includes(col)) return [];
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 10, column: 21, endLine: 10, endColumn: 58 },
      ],
    },
    // a hoisted function may run before the check
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: any) {
  let col = req.query.sort;
  function run() {
    return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
  }
  const rows = run();
  if (!['name', 'email'].includes(col)) col = 'id';
  return rows;
}`,
      errors: [
        { messageId: 'dynamicSql', line: 6, column: 23, endLine: 6, endColumn: 60 },
      ],
    },
  ],
});
