import { Linter } from 'eslint';
import * as espree from 'espree';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';

import rule from '../../src/rules/no-sql-template-literal';
import { createRuleTester } from '../rule-tester';

// Cases are static literals (see STYLE b.3). Reports sit on the SQL-text argument of the
// query call (or on the string itself with checkAllSqlStrings); `data` names the first
// non-constant value and the sink.

const ruleTester = createRuleTester();

ruleTester.run('no-sql-template-literal', rule, {
  valid: [
    // pg: values array with placeholders
    `import { Pool } from 'pg';
const pool = new Pool();
export const find = (id: string) => pool.query('SELECT * FROM users WHERE id = $1', [id]);`,
    // pg: constant template, no interpolation
    `import { Pool } from 'pg';
const pool = new Pool();
export const all = () => pool.query(\`SELECT * FROM users\`);`,
    // pg: config object with text and values
    `import pg from 'pg';
const client = new pg.Client();
export const find = (id: string) => client.query({ text: 'SELECT * FROM users WHERE id = $1', values: [id] });`,
    // constants: const binding, enum member, as const object, literal union parameter
    `import { Pool } from 'pg';
const pool = new Pool();
const TABLE = 'users';
enum Column { Name = 'name', Email = 'email' }
const COLUMNS = { name: 'name', email: 'email' } as const;
export function list(key: keyof typeof COLUMNS, dir: 'ASC' | 'DESC') {
  return pool.query(\`SELECT * FROM \${TABLE} ORDER BY \${Column.Name}, \${COLUMNS[key]} \${dir}\`);
}`,
    // allow-list lookup with a default
    `import { Pool } from 'pg';
const pool = new Pool();
const SORTABLE: Record<string, string> = { name: 'name', created: 'created_at' };
export function list(req: { query: { sort: string } }) {
  const col = SORTABLE[req.query.sort] ?? 'created_at';
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
    // allow-list check with early return
    `import { Pool } from 'pg';
const pool = new Pool();
const ALLOWED_COLUMNS = ['name', 'email'];
export function list(col: string) {
  if (!ALLOWED_COLUMNS.includes(col)) return [];
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
    // allow-list check with a Set and throw
    `import { Pool } from 'pg';
const pool = new Pool();
const sortable = new Set(['name', 'email']);
export function list(col: string) {
  if (!sortable.has(col)) {
    throw new Error('bad column');
  }
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
    // equality checks restrict the value
    `import { Pool } from 'pg';
const pool = new Pool();
export function list(dir: string) {
  if (dir !== 'asc' && dir !== 'desc') return [];
  return pool.query(\`SELECT * FROM users ORDER BY name \${dir}\`);
}`,
    // switch mapping to literals
    `import { Pool } from 'pg';
const pool = new Pool();
export function list(sort: string) {
  let column;
  switch (sort) {
    case 'name': column = 'name'; break;
    case 'newest': column = 'created_at'; break;
    default: column = 'id';
  }
  return pool.query(\`SELECT * FROM users ORDER BY \${column}\`);
}`,
    // ternary over literals
    `import { Pool } from 'pg';
const pool = new Pool();
export const list = (desc: boolean) => pool.query(\`SELECT * FROM users ORDER BY id \${desc ? 'DESC' : 'ASC'}\`);`,
    // placeholder list from map/join
    `import { Pool } from 'pg';
const pool = new Pool();
export function byIds(ids: string[]) {
  return pool.query(\`SELECT * FROM users WHERE id IN (\${ids.map((_, i) => \`$\${i + 1}\`).join(', ')})\`, ids);
}`,
    // placeholder list from Array(n).fill
    `import mysql from 'mysql2/promise';
const pool = mysql.createPool({});
export function byIds(ids: number[]) {
  const placeholders = Array(ids.length).fill('?').join(', ');
  return pool.query(\`SELECT * FROM users WHERE id IN (\${placeholders})\`, ids);
}`,
    // placeholder variable that only holds markers
    `import { Pool } from 'pg';
const pool = new Pool();
export function byIds(ids: string[]) {
  const placeholders = ids.map(() => '?').join(',');
  return pool.query(\`SELECT * FROM users WHERE id IN (\${placeholders})\`, ids);
}`,
    // dynamic filters with numbered placeholders pushed into arrays
    `import { Pool } from 'pg';
const pool = new Pool();
export function search(filters: { name?: string; email?: string }) {
  const where: string[] = [];
  const values: unknown[] = [];
  if (filters.name) { values.push(filters.name); where.push(\`name = $\${values.length}\`); }
  if (filters.email) { values.push(filters.email); where.push(\`email = $\${values.length}\`); }
  return pool.query(\`SELECT * FROM users WHERE \${where.join(' AND ')}\`, values);
}`,
    // escape helpers inside the template (default allowEscapeFunctions)
    `import mysql from 'mysql';
const connection = mysql.createConnection({});
export function find(name: string, col: string) {
  return connection.query(\`SELECT * FROM users WHERE name = \${mysql.escape(name)} ORDER BY \${connection.escapeId(col)}\`);
}`,
    // pg-format identifier/literal quoting
    `import format from 'pg-format';
import { Pool } from 'pg';
const pool = new Pool();
export const find = (table: string, name: string) => pool.query(format('SELECT * FROM %I WHERE name = %L', table, name));`,
    // pg escapeIdentifier on a client
    `import { Client } from 'pg';
const client = new Client();
export const find = (table: string) => client.query(\`SELECT * FROM \${client.escapeIdentifier(table)}\`);`,
    // postgres.js tagged template and sql() helper
    `import postgres from 'postgres';
const sql = postgres();
export const find = (id: string, table: string) => sql\`SELECT * FROM \${sql(table)} WHERE id = \${id}\`;`,
    // postgres.js unsafe with constant text and parameters
    `import postgres from 'postgres';
const sql = postgres();
export const find = (id: string) => sql.unsafe('SELECT * FROM users WHERE id = $1', [id]);`,
    // @vercel/postgres tagged template
    `import { sql } from '@vercel/postgres';
export const find = (id: string) => sql\`SELECT * FROM users WHERE id = \${id}\`;`,
    // neon tagged template
    `import { neon } from '@neondatabase/serverless';
const sql = neon(process.env.DATABASE_URL!);
export const find = (id: string) => sql\`SELECT * FROM users WHERE id = \${id}\`;`,
    // slonik tagged template
    `import { sql } from 'slonik';
export const q = (id: string) => sql.unsafe\`SELECT * FROM users WHERE id = \${id}\`;`,
    // sql-template-strings
    `import SQL from 'sql-template-strings';
declare const db: { query(q: unknown): unknown };
export const find = (id: string) => db.query(SQL\`SELECT * FROM users WHERE id = \${id}\`);`,
    // Prisma tagged $queryRaw and Prisma.sql
    `import { PrismaClient, Prisma } from '@prisma/client';
const prisma = new PrismaClient();
export async function find(id: string) {
  await prisma.$queryRaw\`SELECT * FROM "User" WHERE id = \${id}\`;
  return prisma.$executeRaw(Prisma.sql\`UPDATE "User" SET seen = true WHERE id = \${id}\`);
}`,
    // Prisma unsafe API with positional parameters
    `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const find = (id: string) => prisma.$queryRawUnsafe('SELECT * FROM "User" WHERE id = $1', id);`,
    // Drizzle sql tag
    `import { sql } from 'drizzle-orm';
declare const db: { execute(q: unknown): unknown };
export const find = (id: string) => db.execute(sql\`SELECT * FROM users WHERE id = \${id}\`);`,
    // Kysely sql tag and lit of a constant
    `import { sql } from 'kysely';
export const q = (id: string) => sql\`SELECT * FROM users WHERE id = \${id} AND kind = \${sql.lit('admin')}\`;`,
    // knex.raw with bindings
    `import knex from 'knex';
const db = knex({});
export const find = (id: string) => db.raw('SELECT * FROM users WHERE id = ?', [id]);`,
    // knex whereRaw with bindings and a knex.ref identifier
    `import knex from 'knex';
const db = knex({});
export const find = (col: string, v: string) => db('users').whereRaw(\`\${db.ref(col)} = ?\`, [v]);`,
    // Sequelize replacements
    `import { Sequelize, QueryTypes } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export const find = (email: string) => sequelize.query('SELECT * FROM users WHERE email = :email', { replacements: { email }, type: QueryTypes.SELECT });`,
    // Sequelize bind parameters
    `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export const find = (email: string) => sequelize.query('SELECT * FROM users WHERE email = $1', { bind: [email] });`,
    // TypeORM parameters object
    `import { DataSource } from 'typeorm';
const ds = new DataSource({ type: 'postgres' });
export const find = (name: string) => ds.getRepository('User').createQueryBuilder('u').where('u.name = :name', { name }).getMany();`,
    // TypeORM query with parameters
    `import { DataSource } from 'typeorm';
const ds = new DataSource({ type: 'postgres' });
export const find = (id: string) => ds.query('SELECT * FROM users WHERE id = $1', [id]);`,
    // sqlite3 with parameters
    `import sqlite3 from 'sqlite3';
const db = new sqlite3.Database(':memory:');
export const find = (id: string, cb: () => void) => db.all('SELECT * FROM users WHERE id = ?', [id], cb);`,
    // better-sqlite3 prepared statement
    `import Database from 'better-sqlite3';
const db = new Database('app.db');
export const find = (id: string) => db.prepare('SELECT * FROM users WHERE id = ?').get(id);`,
    // mssql input parameters
    `import sql from 'mssql';
export async function find(id: string) {
  const pool = await sql.connect('');
  return pool.request().input('id', sql.Int, id).query('SELECT * FROM users WHERE id = @id');
}`,
    // not SQL and not a sink: a log line mentioning select
    `export function log(logger: { info(m: string): void }, item: string) {
  logger.info(\`select \${item} from the menu\`);
}`,
    // unresolved receiver with non-SQL text
    `declare const cache: { get(k: string): unknown };
export const read = (id: string) => cache.get(\`user:\${id}\`);`,
    // unresolved route registration is not a query
    `declare const app: { get(p: string, h: () => void): void };
export function register(id: string) { app.get(\`/users/\${id}\`, () => {}); }`,
    // SQL string built but never seen reaching a query (checkAllSqlStrings off)
    `export function build(name: string) {
  return \`SELECT * FROM users WHERE name = '\${name}'\`;
}`,
    // regex allow-pattern before use
    `declare const db: { query(q: string): unknown };
export function find(id: string) {
  if (!/^\\d+$/.test(id)) throw new Error('bad id');
  return db.query(\`SELECT * FROM users WHERE id = \${id}\`);
}`,
    // Number() and parseInt() allowed by default (a number cannot change what the statement does)
    `import { Pool } from 'pg';
const pool = new Pool();
export const page = (req: { query: { limit: string; offset: string } }) =>
  pool.query(\`SELECT * FROM users LIMIT \${Number(req.query.limit)} OFFSET \${parseInt(req.query.offset, 10) || 0}\`);`,
    // …and with the option written out
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const page = (req: { query: { limit: string; offset: string } }) =>
  pool.query(\`SELECT * FROM users LIMIT \${Number(req.query.limit)} OFFSET \${parseInt(req.query.offset, 10)}\`);`,
      options: [{"allowNumericCoercion":true}],
    },
    // numeric coercion allowed by option
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const page = (limit: string, size: number) => pool.query(\`SELECT * FROM users LIMIT \${+limit} OFFSET \${(size * 2).toFixed(0)}\`);`,
      options: [{"allowNumericCoercion":true}],
    },
    // a local wrapper called with constant text
    `import { Pool } from 'pg';
const pool = new Pool();
async function query(text: string, values?: unknown[]) { return pool.query(text, values); }
export const find = (id: string) => query('SELECT * FROM users WHERE id = $1', [id]);`,
    // a local function that is not a sink
    `function query(text: string) { return text.length; }
export const n = (id: string) => query(\`SELECT * FROM users WHERE id = \${id}\`);`,
    // receiver from an unrelated package
    `import Redis from 'ioredis';
const redis = new Redis();
export const f = (id: string) => redis.get(\`SELECT \${id}\`);`,
    // child_process exec is not a SQL sink
    `import { exec } from 'node:child_process';
export const f = (file: string) => exec(\`DELETE \${file}\`);`,
    // known driver object with a non-sink method
    `import { Pool } from 'pg';
const pool = new Pool();
export const f = (name: string) => pool.on(\`SELECT \${name}\`, () => {});`,
    // variable reassigned after the query is not part of it
    `import { Pool } from 'pg';
const pool = new Pool();
export function f(id: string) {
  let sql = 'SELECT * FROM users';
  const result = pool.query(sql);
  sql = \`SELECT * FROM users WHERE id = \${id}\`;
  return [result, sql];
}`,
    // constant string pieces assembled with +=
    `import { Pool } from 'pg';
const pool = new Pool();
export function f(onlyActive: boolean) {
  let sql = 'SELECT * FROM users';
  if (onlyActive) sql += ' WHERE active = true';
  return pool.query(sql + ' ORDER BY id');
}`,
    // imported SCREAMING_CASE constants
    `import { USERS_TABLE } from './constants';
import { Pool } from 'pg';
const pool = new Pool();
export const f = (id: string) => pool.query(\`SELECT * FROM \${USERS_TABLE} WHERE id = $1\`, [id]);`,
    // for-of over a constant list
    `import { Pool } from 'pg';
const pool = new Pool();
const TABLES = ['users', 'orders'];
export async function truncateAll() {
  for (const table of TABLES) await pool.query(\`TRUNCATE \${table}\`);
}`,
    // column list from the keys of a local object literal
    `import { Pool } from 'pg';
const pool = new Pool();
export function insert(name: string, email: string) {
  const row = { name, email };
  const cols = Object.keys(row);
  return pool.query(\`INSERT INTO users (\${cols.join(', ')}) VALUES (\${cols.map((_, i) => \`$\${i + 1}\`).join(', ')})\`, Object.values(row));
}`,
    // odd code: zero args, spread args, computed member, optional call
    `declare const db: any;
declare const args: any[];
db.query();
db.query(...args);
db[Symbol.iterator]?.();
(0, db.query)?.(undefined);`,
    // odd code: shadowed require is not Node's, so the text must look like SQL
    `const require = (name: string) => ({ Pool: class { query(q: string) { return q; } } });
const { Pool } = require('pg');
const pool = new Pool();
export const f = (id: string) => pool.query(\`\${id}\`);`,
    // JS: pg with values
    {
      code: `const { Pool } = require('pg');
const pool = new Pool();
module.exports = (id) => pool.query('SELECT * FROM users WHERE id = $1', [id]);`,
      filename: 'file.js',
    },
    // checkAllSqlStrings: capitalised prose is not SQL
    {
      code: `export function describe(n: number, name: string) {
  return [\`Select \${n} files from the list\`, \`Deleted \${n} rows from \${name}\`, \`update \${name} settings\`];
}`,
      options: [{"checkAllSqlStrings":true}],
    },
    // checkAllSqlStrings: constant pieces only
    {
      code: `const TABLE = 'users';
export const sql = \`SELECT * FROM \${TABLE} WHERE id = $1\`;`,
      options: [{"checkAllSqlStrings":true}],
    },
  ],
  invalid: [
    // pg named through escapes in the module string: the cheap pre-check decodes them.
    {
      code: `const { Pool } = require('p\\x67');
const pool = new Pool();
exports.find = (id) => pool.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 35, endLine: 3, endColumn: 73, data: { value: '`id`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `const { Pool } = require('p\\x67');
const pool = new Pool();
exports.find = (id) => pool.query(\`SELECT * FROM users WHERE id = $1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // pg: ESM named import, quoted value
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (email: string) => pool.query(\`SELECT * FROM users WHERE email = '\${email}'\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 51, endLine: 3, endColumn: 97, data: { value: '`email`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (email: string) => pool.query(\`SELECT * FROM users WHERE email = $1\`, [email]);`,
          },
        ],
      },
      ],
    },
    // pg: default import, namespace member
    {
      code: `import pg from 'pg';
const pool = new pg.Pool();
export const find = (id: string) => pool.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 48, endLine: 3, endColumn: 86, data: { value: '`id`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import pg from 'pg';
const pool = new pg.Pool();
export const find = (id: string) => pool.query(\`SELECT * FROM users WHERE id = $1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // pg: namespace import
    {
      code: `import * as pg from 'pg';
const client = new pg.Client();
export const find = (id: string) => client.query(\`SELECT * FROM users WHERE id = \${id} LIMIT 1\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 50, endLine: 3, endColumn: 96, data: { value: '`id`', sink: 'client.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import * as pg from 'pg';
const client = new pg.Client();
export const find = (id: string) => client.query(\`SELECT * FROM users WHERE id = $1 LIMIT 1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // pg: aliased import
    {
      code: `import { Pool as PgPool } from 'pg';
const db = new PgPool();
export const find = (id: string) => db.query(\`DELETE FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 46, endLine: 3, endColumn: 82, data: { value: '`id`', sink: 'db.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool as PgPool } from 'pg';
const db = new PgPool();
export const find = (id: string) => db.query(\`DELETE FROM users WHERE id = $1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // pg: CJS destructured require, string concatenation
    {
      code: `const { Pool } = require('pg');
const pool = new Pool();
exports.find = (id) => pool.query('SELECT * FROM users WHERE id = ' + id);`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'dynamicSql', line: 3, column: 35, endLine: 3, endColumn: 73, data: { value: '`id`', sink: 'pool.query', via: '' },
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '$1, $2, …' },
              output: `const { Pool } = require('pg');
const pool = new Pool();
exports.find = (id) => pool.query('SELECT * FROM users WHERE id = $1', [id]);`,
            },
          ],
        },
      ],
    },
    // Concatenation: quoted values lose their quotes; the text keeps the first string's quote when it needs no escaping there.
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (email: string, age: string) => pool.query("SELECT * FROM users WHERE email = '" + email + "' AND age > " + age + ' LIMIT 10');`,
      errors: [
        {
          messageId: 'dynamicSql', line: 3, column: 64, endLine: 3, endColumn: 146, data: { value: '`email` and 1 more value', sink: 'pool.query', via: '' },
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '$1, $2, …' },
              output: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (email: string, age: string) => pool.query("SELECT * FROM users WHERE email = $1 AND age > $2 LIMIT 10", [email, age]);`,
            },
          ],
        },
      ],
    },
    // Concatenation over lines, a SQL string literal inside, a template operand: a template literal, no quote escaping.
    {
      code: `import mysql from 'mysql2/promise';
const conn = await mysql.createConnection({});
export const find = (id: string, name: string) => conn.query(
  'SELECT * FROM users ' +
  "WHERE status = 'active' AND id = " + id +
  \` AND name = '\${name}'\`,
);`,
      errors: [
        {
          messageId: 'dynamicSql', line: 4, column: 3, endLine: 6, endColumn: 26, data: { value: '`id` and 1 more value', sink: 'conn.query', via: '' },
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '?' },
              output: `import mysql from 'mysql2/promise';
const conn = await mysql.createConnection({});
export const find = (id: string, name: string) => conn.query(
  \`SELECT * FROM users WHERE status = 'active' AND id = ? AND name = ?\`, [id, name],
);`,
            },
          ],
        },
      ],
    },
    // Concatenation: sequelize named replacements, Prisma's tagged template.
    {
      code: `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export const find = (id: string) => sequelize.query('SELECT * FROM users WHERE id = ' + id);`,
      errors: [
        {
          messageId: 'dynamicSql', line: 3, column: 53, endLine: 3, endColumn: 91, data: { value: '`id`', sink: 'sequelize.query', via: '' },
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: ':name' },
              output: `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export const find = (id: string) => sequelize.query('SELECT * FROM users WHERE id = :id', { replacements: { id } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const find = (id: string) => prisma.$queryRawUnsafe('SELECT * FROM "User" WHERE id = ' + id);`,
      errors: [
        {
          messageId: 'dynamicSql', line: 3, column: 60, endLine: 3, endColumn: 99, data: { value: '`id`', sink: 'prisma.$queryRawUnsafe', via: '' },
          suggestions: [
            {
              messageId: 'useTaggedTemplate',
              data: { tag: '$queryRaw' },
              output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const find = (id: string) => prisma.$queryRaw\`SELECT * FROM "User" WHERE id = \${id}\`;`,
            },
          ],
        },
      ],
    },
    // Concatenation that cannot be rewritten safely: an identifier position, a value inside quoted text,
    // a numeric addition first, a nested sum, a comment inside: no suggestion.
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const a = (sort: string) => pool.query('SELECT * FROM users ORDER BY ' + sort);
export const b = (q: string) => pool.query("SELECT * FROM users WHERE name LIKE '%" + q + "%'");
export const c = (x: number, y: string) => pool.query(x + y + ' = 1');
export const d = (x: string, y: string) => pool.query('SELECT * FROM t WHERE a = ' + (x + y));
export const e = (id: string) => pool.query('SELECT * FROM t WHERE a = ' + /* the id */ id);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 47, endLine: 3, endColumn: 85, data: { value: '`sort`', sink: 'pool.query', via: '' }, suggestions: [] },
        { messageId: 'dynamicSql', line: 4, column: 44, endLine: 4, endColumn: 95, data: { value: '`q`', sink: 'pool.query', via: '' }, suggestions: [] },
        { messageId: 'dynamicSql', line: 5, column: 55, endLine: 5, endColumn: 69, data: { value: '`y`', sink: 'pool.query', via: '' }, suggestions: [] },
        { messageId: 'dynamicSql', line: 6, column: 55, endLine: 6, endColumn: 93, data: { value: '`x` and 1 more value', sink: 'pool.query', via: '' }, suggestions: [] },
        { messageId: 'dynamicSql', line: 7, column: 45, endLine: 7, endColumn: 91, data: { value: '`id`', sink: 'pool.query', via: '' }, suggestions: [] },
      ],
    },
    // pg: CJS require + member, pool.connect() client
    {
      code: `const pg = require('pg');
const pool = new pg.Pool();
async function find(id) {
  const client = await pool.connect();
  try { return await client.query(\`SELECT * FROM users WHERE id = \${id}\`); } finally { client.release(); }
}
module.exports = { find };`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 5, column: 35, endLine: 5, endColumn: 73, data: { value: '`id`', sink: 'client.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `const pg = require('pg');
const pool = new pg.Pool();
async function find(id) {
  const client = await pool.connect();
  try { return await client.query(\`SELECT * FROM users WHERE id = $1\`, [id]); } finally { client.release(); }
}
module.exports = { find };`,
          },
        ],
      },
      ],
    },
    // pg: connect callback client
    {
      code: `const { Pool } = require('pg');
const pool = new Pool();
exports.find = (id, cb) => pool.connect((err, client, done) => {
  client.query(\`SELECT * FROM users WHERE id = \${id}\`, cb);
});`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 16, endLine: 4, endColumn: 54, data: { value: '`id`', sink: 'client.query', via: '' } },
      ],
    },
    // pg: constructor parameter property typed Pool
    {
      code: `import { Pool } from 'pg';
export class UserRepo {
  constructor(private readonly pool: Pool) {}
  find(id: string) { return this.pool.query(\`SELECT * FROM users WHERE id = \${id}\`); }
}`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 45, endLine: 4, endColumn: 83, data: { value: '`id`', sink: 'this.pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
export class UserRepo {
  constructor(private readonly pool: Pool) {}
  find(id: string) { return this.pool.query(\`SELECT * FROM users WHERE id = $1\`, [id]); }
}`,
          },
        ],
      },
      ],
    },
    // pg: class field initialised with new Pool()
    {
      code: `import { Pool } from 'pg';
export class UserRepo {
  private db = new Pool();
  find(id: string) { return this.db.query(\`SELECT * FROM users WHERE id = \${id}\`); }
}`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 43, endLine: 4, endColumn: 81, data: { value: '`id`', sink: 'this.db.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
export class UserRepo {
  private db = new Pool();
  find(id: string) { return this.db.query(\`SELECT * FROM users WHERE id = $1\`, [id]); }
}`,
          },
        ],
      },
      ],
    },
    // pg: PoolClient parameter annotation
    {
      code: `import type { PoolClient } from 'pg';
export const find = (client: PoolClient, id: string) => client.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 70, endLine: 2, endColumn: 108, data: { value: '`id`', sink: 'client.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import type { PoolClient } from 'pg';
export const find = (client: PoolClient, id: string) => client.query(\`SELECT * FROM users WHERE id = $1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // pg: config object text
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (id: string) => pool.query({ text: \`SELECT * FROM users WHERE id = \${id}\` });`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 56, endLine: 3, endColumn: 94, data: { value: '`id`', sink: 'pool.query', via: '' } },
      ],
    },
    // pg: existing values argument blocks the rewrite
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (id: string, name: string) => pool.query(\`SELECT * FROM users WHERE id = \${id} AND name = $1\`, [name]);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 62, endLine: 3, endColumn: 114, data: { value: '`id`', sink: 'pool.query', via: '' }, suggestions: [] },
      ],
    },
    // pg: identifier position (ORDER BY) gets no rewrite
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const list = (sort: string) => pool.query(\`SELECT * FROM users ORDER BY \${sort}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 50, endLine: 3, endColumn: 88, data: { value: '`sort`', sink: 'pool.query', via: '' }, suggestions: [] },
      ],
    },
    // pg: LIKE pattern inside quotes gets no rewrite
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const search = (q: string) => pool.query(\`SELECT * FROM users WHERE name LIKE '%\${q}%'\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 49, endLine: 3, endColumn: 95, data: { value: '`q`', sink: 'pool.query', via: '' }, suggestions: [] },
      ],
    },
    // pg: INSERT VALUES tuple rewrite
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const add = (name: string, email: string) => pool.query(\`INSERT INTO users (name, email) VALUES ('\${name}', '\${email}')\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 64, endLine: 3, endColumn: 128, data: { value: '`name` and 1 more value', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
const pool = new Pool();
export const add = (name: string, email: string) => pool.query(\`INSERT INTO users (name, email) VALUES ($1, $2)\`, [name, email]);`,
          },
        ],
      },
      ],
    },
    // pg: node-postgres with a callback keeps it last
    {
      code: `import { Client } from 'pg';
const client = new Client();
export const find = (id: string) => client.query(\`SELECT * FROM users WHERE id = \${id}\`, (err, res) => res);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 50, endLine: 3, endColumn: 88, data: { value: '`id`', sink: 'client.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Client } from 'pg';
const client = new Client();
export const find = (id: string) => client.query(\`SELECT * FROM users WHERE id = $1\`, [id], (err, res) => res);`,
          },
        ],
      },
      ],
    },
    // pg-pool module
    {
      code: `import Pool from 'pg-pool';
const pool = new Pool();
export const find = (id: string) => pool.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 48, endLine: 3, endColumn: 86, data: { value: '`id`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import Pool from 'pg-pool';
const pool = new Pool();
export const find = (id: string) => pool.query(\`SELECT * FROM users WHERE id = $1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // request input named in the message (express)
    {
      code: `import express from 'express';
import { Pool } from 'pg';
const pool = new Pool();
const app = express();
app.get('/users', async (req, res) => {
  const { rows } = await pool.query(\`SELECT * FROM users WHERE id = \${req.query.id}\`);
  res.json(rows);
});`,
      errors: [
        { messageId: 'dynamicSql', line: 6, column: 37, endLine: 6, endColumn: 85, data: { value: 'request input `req.query.id`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import express from 'express';
import { Pool } from 'pg';
const pool = new Pool();
const app = express();
app.get('/users', async (req, res) => {
  const { rows } = await pool.query(\`SELECT * FROM users WHERE id = $1\`, [req.query.id]);
  res.json(rows);
});`,
          },
        ],
      },
      ],
    },
    // request input through a const alias
    {
      code: `import express from 'express';
import { Pool } from 'pg';
const pool = new Pool();
const app = express();
app.post('/login', async (req, res) => {
  const email = req.body.email;
  const { rows } = await pool.query(\`SELECT * FROM users WHERE email = '\${email}'\`);
  res.json(rows);
});`,
      errors: [
        { messageId: 'dynamicSql', line: 7, column: 37, endLine: 7, endColumn: 83, data: { value: 'request input `req.body.email`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import express from 'express';
import { Pool } from 'pg';
const pool = new Pool();
const app = express();
app.post('/login', async (req, res) => {
  const email = req.body.email;
  const { rows } = await pool.query(\`SELECT * FROM users WHERE email = $1\`, [email]);
  res.json(rows);
});`,
          },
        ],
      },
      ],
    },
    // variable built with += across branches
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function search(filters: { name?: string; minAge?: number }) {
  let sql = 'SELECT * FROM users WHERE 1 = 1';
  if (filters.name) sql += \` AND name = '\${filters.name}'\`;
  if (filters.minAge) sql += ' AND age >= ' + filters.minAge;
  return pool.query(sql);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 7, column: 21, endLine: 7, endColumn: 24, data: { value: '`filters.name` and 1 more value', sink: 'pool.query', via: '' } },
      ],
    },
    // variable assigned in branches
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function find(id?: string, email?: string) {
  let sql;
  if (id) {
    sql = \`SELECT * FROM users WHERE id = \${id}\`;
  } else {
    sql = \`SELECT * FROM users WHERE email = '\${email}'\`;
  }
  return pool.query(sql);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 10, column: 21, endLine: 10, endColumn: 24, data: { value: '`id` and 1 more value', sink: 'pool.query', via: '' } },
      ],
    },
    // const holding a template, used later
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function find(id: string) {
  const text = \`SELECT * FROM users WHERE id = \${id}\`;
  const result = await pool.query(text);
  return result.rows;
}`,
      errors: [
        { messageId: 'dynamicSql', line: 5, column: 35, endLine: 5, endColumn: 39, data: { value: '`id`', sink: 'pool.query', via: '' }, suggestions: [] },
      ],
    },
    // conditions pushed into an array and joined
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function search(name?: string) {
  const where: string[] = [];
  if (name) where.push(\`name = '\${name}'\`);
  return pool.query(\`SELECT * FROM users WHERE \${where.join(' AND ')}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 6, column: 21, endLine: 6, endColumn: 71, data: { value: '`name`', sink: 'pool.query', via: '' } },
      ],
    },
    // concat()
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (id: string) => pool.query('SELECT * FROM users WHERE id = '.concat(id));`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 48, endLine: 3, endColumn: 92, data: { value: '`id`', sink: 'pool.query', via: '' } },
      ],
    },
    // array join
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (id: string) => pool.query(['SELECT * FROM users', \`WHERE id = \${id}\`].join(' '));`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 48, endLine: 3, endColumn: 101, data: { value: '`id`', sink: 'pool.query', via: '' } },
      ],
    },
    // util.format
    {
      code: `import { format } from 'node:util';
import { Pool } from 'pg';
const pool = new Pool();
export const find = (id: string) => pool.query(format('SELECT * FROM users WHERE id = %s', id));`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 48, endLine: 4, endColumn: 95, data: { value: '`id`', sink: 'pool.query', via: '' } },
      ],
    },
    // String.prototype.replace
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (id: string) => pool.query('SELECT * FROM users WHERE id = :id'.replace(':id', id));`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 48, endLine: 3, endColumn: 103, data: { value: '`id`', sink: 'pool.query', via: '' } },
      ],
    },
    // pg-format %s is not quoted
    {
      code: `import format from 'pg-format';
import { Pool } from 'pg';
const pool = new Pool();
export const find = (table: string, id: string) => pool.query(format('SELECT * FROM %I WHERE id = %s', table, id));`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 63, endLine: 4, endColumn: 114, data: { value: '`id`', sink: 'pool.query', via: '' } },
      ],
    },
    // Number() is flagged with allowNumericCoercion: false (the strict config)
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const page = (limit: string) => pool.query(\`SELECT * FROM users LIMIT \${Number(limit)}\`);`,
      options: [{ allowNumericCoercion: false }],
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 51, endLine: 3, endColumn: 95, data: { value: '`Number(limit)`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
const pool = new Pool();
export const page = (limit: string) => pool.query(\`SELECT * FROM users LIMIT $1\`, [Number(limit)]);`,
          },
        ],
      },
      ],
    },
    // parseInt is flagged with allowNumericCoercion: false (the strict config)
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const page = (limit: string) => pool.query(\`SELECT * FROM users LIMIT \${parseInt(limit, 10)}\`);`,
      options: [{ allowNumericCoercion: false }],
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 51, endLine: 3, endColumn: 101, data: { value: '`parseInt(limit, 10)`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
const pool = new Pool();
export const page = (limit: string) => pool.query(\`SELECT * FROM users LIMIT $1\`, [parseInt(limit, 10)]);`,
          },
        ],
      },
      ],
    },
    // allow-list check on a different variable does not count
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
const ALLOWED = ['name', 'email'];
export function list(col: string, dir: string) {
  if (!ALLOWED.includes(col)) return [];
  return pool.query(\`SELECT * FROM users ORDER BY \${col} \${dir}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 6, column: 21, endLine: 6, endColumn: 65, data: { value: '`dir`', sink: 'pool.query', via: '' } },
      ],
    },
    // a check that does not exit does not guard
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
const ALLOWED = ['name', 'email'];
export function list(col: string) {
  if (!ALLOWED.includes(col)) console.warn('unknown column');
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 6, column: 21, endLine: 6, endColumn: 58, data: { value: '`col`', sink: 'pool.query', via: '' } },
      ],
    },
    // lookup in a table holding a non-constant value
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function list(sort: string, custom: string) {
  const columns: Record<string, string> = { name: 'name', custom };
  return pool.query(\`SELECT * FROM users ORDER BY \${columns[sort]}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 5, column: 21, endLine: 5, endColumn: 68, data: { value: '`columns[sort]`', sink: 'pool.query', via: '' } },
      ],
    },
    // a client object's length property is not a number
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const f = (body: { length: string }) => pool.query(\`SELECT * FROM users LIMIT \${body.length}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 59, endLine: 3, endColumn: 101, data: { value: '`body.length`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
const pool = new Pool();
export const f = (body: { length: string }) => pool.query(\`SELECT * FROM users LIMIT $1\`, [body.length]);`,
          },
        ],
      },
      ],
    },
    // postgres.js unsafe
    {
      code: `import postgres from 'postgres';
const sql = postgres();
export const find = (id: string) => sql.unsafe(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 48, endLine: 3, endColumn: 86, data: { value: '`id`', sink: 'sql.unsafe', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import postgres from 'postgres';
const sql = postgres();
export const find = (id: string) => sql.unsafe(\`SELECT * FROM users WHERE id = $1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // postgres.js unsafe inside begin()
    {
      code: `const postgres = require('postgres');
const sql = postgres();
exports.find = (id) => sql.begin(async (tx) => tx.unsafe(\`DELETE FROM users WHERE id = \${id}\`));`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 58, endLine: 3, endColumn: 94, data: { value: '`id`', sink: 'tx.unsafe', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `const postgres = require('postgres');
const sql = postgres();
exports.find = (id) => sql.begin(async (tx) => tx.unsafe(\`DELETE FROM users WHERE id = $1\`, [id]));`,
          },
        ],
      },
      ],
    },
    // neon called as a plain function with a string
    {
      code: `import { neon } from '@neondatabase/serverless';
const sql = neon('');
export const find = (id: string) => sql(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 41, endLine: 3, endColumn: 79, data: { value: '`id`', sink: 'sql', via: '' } },
      ],
    },
    // @vercel/postgres sql.query and sql()
    {
      code: `import { sql, db } from '@vercel/postgres';
export async function find(id: string) {
  await db.query(\`SELECT * FROM users WHERE id = \${id}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 18, endLine: 3, endColumn: 56, data: { value: '`id`', sink: 'db.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { sql, db } from '@vercel/postgres';
export async function find(id: string) {
  await db.query(\`SELECT * FROM users WHERE id = $1\`, [id]);
}`,
          },
        ],
      },
      ],
    },
    // @vercel/postgres sql called as a function
    {
      code: `import { sql } from '@vercel/postgres';
export const find = (id: string) => sql(\`SELECT * FROM users WHERE id = \${id}\` as any);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 41, endLine: 2, endColumn: 86, data: { value: '`id`', sink: 'sql', via: '' } },
      ],
    },
    // pg-promise
    {
      code: `import pgPromise from 'pg-promise';
const pgp = pgPromise();
const db = pgp('postgres://');
export const find = (id: string) => db.any(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 44, endLine: 4, endColumn: 82, data: { value: '`id`', sink: 'db.any', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import pgPromise from 'pg-promise';
const pgp = pgPromise();
const db = pgp('postgres://');
export const find = (id: string) => db.any(\`SELECT * FROM users WHERE id = $1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // mysql: createConnection().query
    {
      code: `import mysql from 'mysql';
const connection = mysql.createConnection({});
export const find = (id: string) => connection.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 54, endLine: 3, endColumn: 92, data: { value: '`id`', sink: 'connection.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import mysql from 'mysql';
const connection = mysql.createConnection({});
export const find = (id: string) => connection.query(\`SELECT * FROM users WHERE id = ?\`, [id]);`,
          },
        ],
      },
      ],
    },
    // mysql2: CJS createPool().execute with callback
    {
      code: `const mysql = require('mysql2');
const pool = mysql.createPool({});
exports.find = (name, cb) => pool.execute(\`SELECT * FROM users WHERE name = '\${name}'\`, function (err, rows) { cb(err, rows); });`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 43, endLine: 3, endColumn: 87, data: { value: '`name`', sink: 'pool.execute', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `const mysql = require('mysql2');
const pool = mysql.createPool({});
exports.find = (name, cb) => pool.execute(\`SELECT * FROM users WHERE name = ?\`, [name], function (err, rows) { cb(err, rows); });`,
          },
        ],
      },
      ],
    },
    // double quotes may be an identifier: no rewrite
    {
      code: `import mysql from 'mysql2/promise';
const pool = mysql.createPool({});
export const find = (name: string) => pool.query(\`SELECT * FROM users WHERE name = "\${name}"\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 50, endLine: 3, endColumn: 94, data: { value: '`name`', sink: 'pool.query', via: '' }, suggestions: [] },
      ],
    },
    // mysql2/promise: awaited connection
    {
      code: `import mysql from 'mysql2/promise';
export async function find(id: string) {
  const conn = await mysql.createConnection({});
  const [rows] = await conn.execute(\`SELECT * FROM users WHERE id = \${id}\`);
  return rows;
}`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 37, endLine: 4, endColumn: 75, data: { value: '`id`', sink: 'conn.execute', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import mysql from 'mysql2/promise';
export async function find(id: string) {
  const conn = await mysql.createConnection({});
  const [rows] = await conn.execute(\`SELECT * FROM users WHERE id = ?\`, [id]);
  return rows;
}`,
          },
        ],
      },
      ],
    },
    // mysql2 promise() wrapper and getConnection callback
    {
      code: `import mysql from 'mysql2';
const pool = mysql.createPool({});
export function find(id: string) {
  pool.getConnection((err, conn) => { conn.query(\`SELECT * FROM users WHERE id = \${id}\`); });
  return pool.promise().query(\`SELECT * FROM orders WHERE user_id = \${id}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 50, endLine: 4, endColumn: 88, data: { value: '`id`', sink: 'conn.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import mysql from 'mysql2';
const pool = mysql.createPool({});
export function find(id: string) {
  pool.getConnection((err, conn) => { conn.query(\`SELECT * FROM users WHERE id = ?\`, [id]); });
  return pool.promise().query(\`SELECT * FROM orders WHERE user_id = \${id}\`);
}`,
          },
        ],
      },
        { messageId: 'dynamicSql', line: 5, column: 31, endLine: 5, endColumn: 75, data: { value: '`id`', sink: '….query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import mysql from 'mysql2';
const pool = mysql.createPool({});
export function find(id: string) {
  pool.getConnection((err, conn) => { conn.query(\`SELECT * FROM users WHERE id = \${id}\`); });
  return pool.promise().query(\`SELECT * FROM orders WHERE user_id = ?\`, [id]);
}`,
          },
        ],
      },
      ],
    },
    // escaping helpers reported only when disallowed
    {
      code: `import mysql from 'mysql';
const connection = mysql.createConnection({});
export const find = (name: string) => connection.query(\`SELECT * FROM users WHERE name = \${connection.escape(name)}\`);`,
      options: [{"allowEscapeFunctions":false}],
      errors: [
        { messageId: 'escapedSql', line: 3, column: 56, endLine: 3, endColumn: 117, data: { value: '`connection.escape(name)`', sink: 'connection.query', via: '' } },
      ],
    },
    // pg-format quoting reported only when disallowed
    {
      code: `import format from 'pg-format';
import { Pool } from 'pg';
const pool = new Pool();
export const find = (table: string) => pool.query(format('SELECT * FROM %I', table));`,
      options: [{"allowEscapeFunctions":false}],
      errors: [
        { messageId: 'escapedSql', line: 4, column: 51, endLine: 4, endColumn: 84, data: { value: '`table`', sink: 'pool.query', via: '' } },
      ],
    },
    // mssql request().query
    {
      code: `import sql from 'mssql';
export async function find(id: string) {
  const pool = await sql.connect('');
  return pool.request().query(\`SELECT * FROM users WHERE id = \${id}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 31, endLine: 4, endColumn: 69, data: { value: '`id`', sink: '….query', via: '' } },
      ],
    },
    // mssql new Request().batch
    {
      code: `import { Request } from 'mssql';
export const run = (table: string) => new Request().batch(\`DROP TABLE \${table}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 59, endLine: 2, endColumn: 80, data: { value: '`table`', sink: '….batch', via: '' } },
      ],
    },
    // sqlite3: verbose().Database, db.all with callback
    {
      code: `const sqlite3 = require('sqlite3').verbose();
const db = new sqlite3.Database(':memory:');
exports.find = (id, cb) => db.all(\`SELECT * FROM users WHERE id = \${id}\`, cb);`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 35, endLine: 3, endColumn: 73, data: { value: '`id`', sink: 'db.all', via: '' } },
      ],
    },
    // sqlite3: db.run in serialize, inline callback
    {
      code: `import sqlite3 from 'sqlite3';
const db = new sqlite3.Database(':memory:');
export function add(name: string) {
  db.serialize(() => {
    db.run(\`INSERT INTO users (name) VALUES ('\${name}')\`, (err) => err);
  });
}`,
      errors: [
        { messageId: 'dynamicSql', line: 5, column: 12, endLine: 5, endColumn: 57, data: { value: '`name`', sink: 'db.run', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import sqlite3 from 'sqlite3';
const db = new sqlite3.Database(':memory:');
export function add(name: string) {
  db.serialize(() => {
    db.run(\`INSERT INTO users (name) VALUES (?)\`, [name], (err) => err);
  });
}`,
          },
        ],
      },
      ],
    },
    // sqlite3: exec has no parameters, no rewrite
    {
      code: `import { Database } from 'sqlite3';
const db = new Database(':memory:');
export const drop = (name: string) => db.exec(\`DELETE FROM users WHERE name = '\${name}'\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 47, endLine: 3, endColumn: 89, data: { value: '`name`', sink: 'db.exec', via: '' }, suggestions: [] },
      ],
    },
    // An unresolved receiver whose SQL text is spelled with escapes: the file's strings are not
    // judged by their raw text alone (the per-file SQL-text gate lets them through).
    {
      code: `export const find = (id: string) => conn.query('\\x53ELECT name ' + id);`,
      errors: [{ messageId: 'dynamicSql', line: 1, column: 48, endLine: 1, endColumn: 70, data: { value: '`id`', sink: 'conn.query', via: '' } }],
    },
    // ... or starting with an escaped line break (`'\nselect …'`).
    {
      code: `export const find = (id: string) => conn.query('\\nselect name ' + id);`,
      errors: [{ messageId: 'dynamicSql', line: 1, column: 48, endLine: 1, endColumn: 69, data: { value: '`id`', sink: 'conn.query', via: '' } }],
    },
    // sqlite: open() wrapper
    {
      code: `import { open } from 'sqlite';
export async function find(id: string) {
  const db = await open({ filename: 'x.db' });
  return db.get(\`SELECT * FROM users WHERE id = \${id}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 17, endLine: 4, endColumn: 55, data: { value: '`id`', sink: 'db.get', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import { open } from 'sqlite';
export async function find(id: string) {
  const db = await open({ filename: 'x.db' });
  return db.get(\`SELECT * FROM users WHERE id = ?\`, [id]);
}`,
          },
        ],
      },
      ],
    },
    // better-sqlite3: prepare().get()
    {
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export const find = (id: string) => db.prepare(\`SELECT * FROM users WHERE id = \${id}\`).get();`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 48, endLine: 3, endColumn: 86, data: { value: '`id`', sink: 'db.prepare', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export const find = (id: string) => db.prepare(\`SELECT * FROM users WHERE id = ?\`).get(id);`,
          },
        ],
      },
      ],
    },
    // better-sqlite3: CJS prepare stored in a variable, no rewrite
    {
      code: `const Database = require('better-sqlite3');
const db = new Database('app.db');
exports.find = (id) => {
  const stmt = db.prepare(\`SELECT * FROM users WHERE id = \${id}\`);
  return stmt.all();
};`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 27, endLine: 4, endColumn: 65, data: { value: '`id`', sink: 'db.prepare', via: '' }, suggestions: [] },
      ],
    },
    // better-sqlite3: exec
    {
      code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
export const drop = (t: string) => db.exec(\`DROP TABLE \${t}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 44, endLine: 3, endColumn: 61, data: { value: '`t`', sink: 'db.exec', via: '' } },
      ],
    },
    // node:sqlite DatabaseSync
    {
      code: `import { DatabaseSync } from 'node:sqlite';
const db = new DatabaseSync(':memory:');
export const find = (id: string) => db.prepare(\`SELECT * FROM users WHERE id = \${id}\`).all();`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 48, endLine: 3, endColumn: 86, data: { value: '`id`', sink: 'db.prepare', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import { DatabaseSync } from 'node:sqlite';
const db = new DatabaseSync(':memory:');
export const find = (id: string) => db.prepare(\`SELECT * FROM users WHERE id = ?\`).all(id);`,
          },
        ],
      },
      ],
    },
    // bun:sqlite
    {
      code: `import { Database } from 'bun:sqlite';
const db = new Database();
export const find = (id: string) => db.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 46, endLine: 3, endColumn: 84, data: { value: '`id`', sink: 'db.query', via: '' } },
      ],
    },
    // better-sqlite3 typed parameter
    {
      code: `import type { Database } from 'better-sqlite3';
export const find = (db: Database, id: string) => db.prepare(\`SELECT * FROM users WHERE id = \${id}\`).run();`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 62, endLine: 2, endColumn: 100, data: { value: '`id`', sink: 'db.prepare', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import type { Database } from 'better-sqlite3';
export const find = (db: Database, id: string) => db.prepare(\`SELECT * FROM users WHERE id = ?\`).run(id);`,
          },
        ],
      },
      ],
    },
    // sequelize: named replacements rewrite
    {
      code: `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export const find = (req: { body: { email: string } }) => sequelize.query(\`SELECT * FROM users WHERE email = '\${req.body.email}'\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 75, endLine: 3, endColumn: 130, data: { value: '`req.body.email`', sink: 'sequelize.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: ':name' },
            output: `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export const find = (req: { body: { email: string } }) => sequelize.query(\`SELECT * FROM users WHERE email = :email\`, { replacements: { email: req.body.email } });`,
          },
        ],
      },
      ],
    },
    // sequelize: existing options block the rewrite
    {
      code: `import { Sequelize, QueryTypes } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
export const find = (id: string) => sequelize.query(\`SELECT * FROM users WHERE id = \${id}\`, { type: QueryTypes.SELECT });`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 53, endLine: 3, endColumn: 91, data: { value: '`id`', sink: 'sequelize.query', via: '' }, suggestions: [] },
      ],
    },
    // sequelize: CJS module is the class
    {
      code: `const Sequelize = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
exports.find = (id, name) => sequelize.query(\`SELECT * FROM users WHERE id = \${id} AND name = '\${name}'\`);`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 46, endLine: 3, endColumn: 105, data: { value: '`id` and 1 more value', sink: 'sequelize.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: ':name' },
            output: `const Sequelize = require('sequelize');
const sequelize = new Sequelize('sqlite::memory:');
exports.find = (id, name) => sequelize.query(\`SELECT * FROM users WHERE id = :id AND name = :name\`, { replacements: { id, name } });`,
          },
        ],
      },
      ],
    },
    // sequelize.literal
    {
      code: `import { Sequelize } from 'sequelize';
export const order = (col: string) => Sequelize.literal(\`\${col} DESC\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 57, endLine: 2, endColumn: 70, data: { value: '`col`', sink: 'Sequelize.literal', via: '' } },
      ],
    },
    // knex.raw
    {
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const find = (id: string) => db.raw(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 44, endLine: 3, endColumn: 82, data: { value: '`id`', sink: 'db.raw', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const find = (id: string) => db.raw(\`SELECT * FROM users WHERE id = ?\`, [id]);`,
          },
        ],
      },
      ],
    },
    // knex: CJS factory call, whereRaw on a builder
    {
      code: `const db = require('knex')({ client: 'pg' });
exports.find = (name) => db('users').select('*').whereRaw(\`name = '\${name}'\`);`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 59, endLine: 2, endColumn: 77, data: { value: '`name`', sink: '….whereRaw', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `const db = require('knex')({ client: 'pg' });
exports.find = (name) => db('users').select('*').whereRaw(\`name = ?\`, [name]);`,
          },
        ],
      },
      ],
    },
    // knex: orderByRaw with a bindings array already present
    {
      code: `import { knex } from 'knex';
const db = knex({ client: 'pg' });
export const list = (dir: string) => db('users').orderByRaw(\`created_at \${dir}\`, []);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 61, endLine: 3, endColumn: 80, data: { value: '`dir`', sink: '….orderByRaw', via: '' }, suggestions: [] },
      ],
    },
    // knex: transaction callback
    {
      code: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const run = (id: string) => db.transaction(async (trx) => trx.raw(\`DELETE FROM users WHERE id = \${id}\`));`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 74, endLine: 3, endColumn: 110, data: { value: '`id`', sink: 'trx.raw', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import knex from 'knex';
const db = knex({ client: 'pg' });
export const run = (id: string) => db.transaction(async (trx) => trx.raw(\`DELETE FROM users WHERE id = ?\`, [id]));`,
          },
        ],
      },
      ],
    },
    // knex: typed Knex parameter
    {
      code: `import type { Knex } from 'knex';
export const find = (db: Knex, id: string) => db.select('*').from('users').havingRaw(\`count(*) > \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 86, endLine: 2, endColumn: 104, data: { value: '`id`', sink: '….havingRaw', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import type { Knex } from 'knex';
export const find = (db: Knex, id: string) => db.select('*').from('users').havingRaw(\`count(*) > ?\`, [id]);`,
          },
        ],
      },
      ],
    },
    // Prisma: $queryRawUnsafe rewrite to tagged $queryRaw
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const find = (email: string) => prisma.$queryRawUnsafe<{ id: string }[]>(\`SELECT id FROM "User" WHERE email = '\${email}'\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 81, endLine: 3, endColumn: 129, data: { value: '`email`', sink: 'prisma.$queryRawUnsafe', via: '' },
        suggestions: [
          {
            messageId: 'useTaggedTemplate',
            data: { tag: '$queryRaw' },
            output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const find = (email: string) => prisma.$queryRaw<{ id: string }[]>\`SELECT id FROM "User" WHERE email = \${email}\`;`,
          },
        ],
      },
      ],
    },
    // Prisma: $executeRawUnsafe inside $transaction
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const run = (id: string) => prisma.$transaction(async (tx) => tx.$executeRawUnsafe(\`DELETE FROM "User" WHERE id = \${id}\`));`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 91, endLine: 3, endColumn: 128, data: { value: '`id`', sink: 'tx.$executeRawUnsafe', via: '' },
        suggestions: [
          {
            messageId: 'useTaggedTemplate',
            data: { tag: '$executeRaw' },
            output: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
export const run = (id: string) => prisma.$transaction(async (tx) => tx.$executeRaw\`DELETE FROM "User" WHERE id = \${id}\`);`,
          },
        ],
      },
      ],
    },
    // Prisma: client imported from a local module (distinctive name)
    {
      code: `import { prisma } from './db';
export const find = (table: string) => prisma.$queryRawUnsafe(\`SELECT * FROM \${table}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 63, endLine: 2, endColumn: 87, data: { value: '`table`', sink: 'prisma.$queryRawUnsafe', via: '' }, suggestions: [] },
      ],
    },
    // Prisma.raw
    {
      code: `import { Prisma } from '@prisma/client';
export const where = (cond: string) => Prisma.raw(\`WHERE \${cond}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 51, endLine: 2, endColumn: 66, data: { value: '`cond`', sink: 'Prisma.raw', via: '' } },
      ],
    },
    // TypeORM: DataSource.query
    {
      code: `import { DataSource } from 'typeorm';
const ds = new DataSource({ type: 'postgres' });
export const find = (id: string) => ds.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 46, endLine: 3, endColumn: 84, data: { value: '`id`', sink: 'ds.query', via: '' } },
      ],
    },
    // TypeORM: query builder where with interpolation
    {
      code: `import { DataSource } from 'typeorm';
const ds = new DataSource({ type: 'postgres' });
export const find = (name: string) => ds.getRepository('User').createQueryBuilder('u').where(\`u.name = '\${name}'\`).getMany();`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 94, endLine: 3, endColumn: 114, data: { value: '`name`', sink: '….where', via: '' } },
      ],
    },
    // The SQL module pre-check: a resolved sink reports text that does not read as SQL (`DESCRIBE`),
    // so these three cases fail if the pre-check misses how the file names its module.
    // 1. `require` with an escaped specifier, read from the module index.
    {
      code: `const { Pool } = require('p\\x67');
const pool = new Pool();
exports.describe = (table) => pool.query(\`DESCRIBE \${table}\`);`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 42, endLine: 3, endColumn: 61, data: { value: '`table`', sink: 'pool.query', via: '' } },
      ],
    },
    // 2. Dynamic `import()` with an escaped specifier, found in the text.
    {
      code: `export async function describe(table: string) {
  const { Pool } = await import('p\\u0067');
  const pool = new Pool();
  return pool.query(\`DESCRIBE \${table}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 21, endLine: 4, endColumn: 40, data: { value: '`table`', sink: 'pool.query', via: '' } },
      ],
    },
    // 2b. Dynamic `import()` with a comment before the specifier.
    {
      code: `export async function describe(table: string) {
  const pg = await import(/* webpackChunkName: "db" */ 'pg');
  return new pg.Pool().query(\`DESCRIBE \${table}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 30, endLine: 3, endColumn: 49, data: { value: '`table`', sink: '….query', via: '' } },
      ],
    },
    // 3. A method-result name written with a `\u` escape (`createQueryBuilder`) on an unresolved receiver.
    {
      code: `export const list = (repo: any, sort: string) => repo.createQuery\\u0042uilder('u').orderBy(\`u.\${sort}\`).getMany();`,
      errors: [
        { messageId: 'dynamicSql', line: 1, column: 92, endLine: 1, endColumn: 103, data: { value: '`sort`', sink: '….orderBy', via: '' } },
      ],
    },
    // TypeORM: injected repository (unresolved) query builder andWhere and orderBy
    {
      code: `export class UserService {
  constructor(private readonly users: any) {}
  list(name: string, sort: string) {
    return this.users.createQueryBuilder('u').where('u.active = true').andWhere(\`u.name = '\${name}'\`).orderBy(\`u.\${sort}\`).getMany();
  }
}`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 81, endLine: 4, endColumn: 101, data: { value: '`name`', sink: '….andWhere', via: '' } },
        { messageId: 'dynamicSql', line: 4, column: 111, endLine: 4, endColumn: 122, data: { value: '`sort`', sink: '….orderBy', via: '' } },
      ],
    },
    // TypeORM: typed EntityManager in a transaction
    {
      code: `import { EntityManager } from 'typeorm';
export const run = (em: EntityManager, id: string) => em.transaction(async (tx) => tx.query(\`DELETE FROM users WHERE id = \${id}\`));`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 93, endLine: 2, endColumn: 129, data: { value: '`id`', sink: 'tx.query', via: '' } },
      ],
    },
    // TypeORM: leftJoin condition
    {
      code: `import { DataSource } from 'typeorm';
const ds = new DataSource({ type: 'postgres' });
export const find = (role: string) => ds.createQueryBuilder().select('u').from('User', 'u').leftJoin('u.roles', 'r', \`r.name = '\${role}'\`).getMany();`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 118, endLine: 3, endColumn: 138, data: { value: '`role`', sink: '….leftJoin', via: '' } },
      ],
    },
    // Drizzle sql.raw
    {
      code: `import { sql } from 'drizzle-orm';
export const order = (col: string) => sql.raw(\`ORDER BY \${col}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 47, endLine: 2, endColumn: 64, data: { value: '`col`', sink: 'sql.raw', via: '' } },
      ],
    },
    // Kysely sql.lit with a non-constant
    {
      code: `import { sql } from 'kysely';
export const q = (role: string) => sql\`SELECT * FROM users WHERE role = \${sql.lit(role)}\`;`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 83, endLine: 2, endColumn: 87, data: { value: '`role`', sink: 'sql.lit', via: '' } },
      ],
    },
    // Kysely sql.raw with a non-constant
    {
      code: `import { sql } from 'kysely';
export const q = (order: string) => sql.raw(order);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 45, endLine: 2, endColumn: 50, data: { value: '`order`', sink: 'sql.raw', via: '' } },
      ],
    },
    // oracledb
    {
      code: `import oracledb from 'oracledb';
export async function find(id: string) {
  const conn = await oracledb.getConnection();
  return conn.execute(\`SELECT * FROM users WHERE id = \${id}\`);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 4, column: 23, endLine: 4, endColumn: 61, data: { value: '`id`', sink: 'conn.execute', via: '' } },
      ],
    },
    // unresolved receiver with SQL-looking text
    {
      code: `export class Repo {
  constructor(private db: any) {}
  find(id: string) { return this.db.query(\`SELECT * FROM users WHERE id = \${id}\`); }
}`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 43, endLine: 3, endColumn: 81, data: { value: '`id`', sink: 'this.db.query', via: '' } },
      ],
    },
    // unresolved receiver, lower-case SQL after a comment
    {
      code: `declare const conn: { execute(q: string): unknown };
export const find = (id: string) => conn.execute(\`
  -- find one user
  select * from users where id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 50, endLine: 4, endColumn: 40, data: { value: '`id`', sink: 'conn.execute', via: '' } },
      ],
    },
    // unresolved receiver, WHERE fragment appended to a base query
    {
      code: `declare const db: { query(q: string): unknown };
export const find = (base: string, id: string) => db.query(base + ' WHERE id = ' + id);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 60, endLine: 2, endColumn: 86, data: { value: '`base` and 1 more value', sink: 'db.query', via: '' } },
      ],
    },
    // imported local query helper
    {
      code: `import { query } from '../db';
export const find = (id: string) => query(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 43, endLine: 2, endColumn: 81, data: { value: '`id`', sink: 'query', via: '' } },
      ],
    },
    // local wrapper (arrow returning a Promise around sqlite3 db.all)
    {
      code: `import sqlite3 from 'sqlite3';
const db = new sqlite3.Database(':memory:');
const dbAll = (sql: string, params: unknown[] = []) => new Promise((resolve, reject) => {
  db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows)));
});
export const find = (id: string) => dbAll(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 6, column: 43, endLine: 6, endColumn: 81, data: { value: '`id`', sink: 'dbAll', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import sqlite3 from 'sqlite3';
const db = new sqlite3.Database(':memory:');
const dbAll = (sql: string, params: unknown[] = []) => new Promise((resolve, reject) => {
  db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows)));
});
export const find = (id: string) => dbAll(\`SELECT * FROM users WHERE id = ?\`, [id]);`,
          },
        ],
      },
      ],
    },
    // local wrapper function declaration around pg
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function query(text: string, values?: unknown[]) {
  return pool.query(text, values);
}
export const find = (id: string) => query(\`SELECT * FROM users WHERE id = '\${id}'\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 6, column: 43, endLine: 6, endColumn: 83, data: { value: '`id`', sink: 'query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
const pool = new Pool();
export async function query(text: string, values?: unknown[]) {
  return pool.query(text, values);
}
export const find = (id: string) => query(\`SELECT * FROM users WHERE id = $1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // wrapper of a wrapper
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
const run = (text: string) => pool.query(text);
const runLogged = (sql: string) => { console.log(sql); return run(sql); };
export const find = (id: string) => runLogged(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 5, column: 47, endLine: 5, endColumn: 85, data: { value: '`id`', sink: 'runLogged', via: '' } },
      ],
    },
    // wrapper around an unresolved receiver still needs SQL text
    {
      code: `declare const db: { query(q: string): unknown };
function exec(sql: string) { return db.query(sql); }
export const find = (id: string) => exec(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 42, endLine: 3, endColumn: 80, data: { value: '`id`', sink: 'exec', via: '' } },
      ],
    },
    // configured sink by name
    {
      code: `declare function runSql(q: string): unknown;
export const find = (id: string) => runSql(\`DELETE FROM users WHERE id = \${id}\`);`,
      options: [{"sinks":["runSql"]}],
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 44, endLine: 2, endColumn: 80, data: { value: '`id`', sink: 'runSql', via: '' } },
      ],
    },
    // configured sink by module export
    {
      code: `import db from 'my-db';
export const find = (id: string) => db.query(\`users:\${id}\`);`,
      options: [{"sinks":["my-db#default.query"]}],
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 46, endLine: 2, endColumn: 59, data: { value: '`id`', sink: 'db.query', via: '' } },
      ],
    },
    // configured sink in settings
    {
      code: `declare function legacyQuery(q: string): unknown;
export const find = (id: string) => legacyQuery(\`x = \${id}\`);`,
      settings: {"agent-guard":{"sql":{"sinks":["legacyQuery"]}}},
      errors: [
        { messageId: 'dynamicSql', line: 2, column: 49, endLine: 2, endColumn: 60, data: { value: '`id`', sink: 'legacyQuery', via: '' } },
      ],
    },
    // option and settings sinks are merged; a dotted name matches by its last segments
    {
      code: `declare function legacyQuery(q: string): unknown;
declare const self: { db: { runSql(q: string): unknown } };
export const find = (id: string) => [legacyQuery(\`x = \${id}\`), self.db.runSql(\`y = \${id}\`)];`,
      options: [{"sinks":["db.runSql"]}],
      settings: {"agent-guard":{"sql":{"sinks":["legacyQuery"]}}},
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 50, endLine: 3, endColumn: 61, data: { value: '`id`', sink: 'legacyQuery', via: '' } },
        { messageId: 'dynamicSql', line: 3, column: 79, endLine: 3, endColumn: 90, data: { value: '`id`', sink: 'self.db.runSql', via: '' } },
      ],
    },
    // checkAllSqlStrings: SQL built but not seen reaching a sink
    {
      code: `export function build(name: string) {
  return \`SELECT * FROM users WHERE name = '\${name}'\`;
}`,
      options: [{"checkAllSqlStrings":true}],
      errors: [
        { messageId: 'dynamicSqlString', line: 2, column: 10, endLine: 2, endColumn: 54, data: { value: '`name`' } },
      ],
    },
    // checkAllSqlStrings: concatenated fragment
    {
      code: `export const where = (id: string) => ' WHERE id = ' + id;`,
      options: [{"checkAllSqlStrings":true}],
      errors: [
        { messageId: 'dynamicSqlString', line: 1, column: 38, endLine: 1, endColumn: 57, data: { value: '`id`' } },
      ],
    },
    // numeric arithmetic counts as coercion: reported with allowNumericCoercion: false
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const page = (p: string) => pool.query(\`SELECT * FROM users OFFSET \${Number(p) * 20}\`);`,
      options: [{ allowNumericCoercion: false }],
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 47, endLine: 3, endColumn: 93, data: { value: '`Number(p) * 20`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
const pool = new Pool();
export const page = (p: string) => pool.query(\`SELECT * FROM users OFFSET $1\`, [Number(p) * 20]);`,
          },
        ],
      },
      ],
    },
    // map over a non-constant list of columns
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function update(id: string, data: Record<string, unknown>) {
  const sets = Object.keys(data).map((k, i) => \`\${k} = $\${i + 2}\`).join(', ');
  return pool.query(\`UPDATE users SET \${sets} WHERE id = $1\`, [id, ...Object.values(data)]);
}`,
      errors: [
        { messageId: 'dynamicSql', line: 5, column: 21, endLine: 5, endColumn: 61, data: { value: '`k`', sink: 'pool.query', via: '' } },
      ],
    },
    // optional chaining on the receiver
    {
      code: `import { Pool } from 'pg';
let pool: Pool | undefined;
export const find = (id: string) => pool?.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 49, endLine: 3, endColumn: 87, data: { value: '`id`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
let pool: Pool | undefined;
export const find = (id: string) => pool?.query(\`SELECT * FROM users WHERE id = $1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // shadowed name: a parameter called sql is not the postgres tag
    {
      code: `import postgres from 'postgres';
const sql = postgres();
export const find = (db: { query(q: string): unknown }, id: string) => {
  const run = (sql: string) => db.query(sql);
  return [sql, run(\`SELECT * FROM users WHERE id = \${id}\`)];
};`,
      errors: [
        { messageId: 'dynamicSql', line: 5, column: 20, endLine: 5, endColumn: 58, data: { value: '`id`', sink: 'run', via: '' } },
      ],
    },
  ],
});

// Plain JavaScript through ESLint's default parser: the rule must not depend on TS nodes.
const espreeTester = new RuleTester({ languageOptions: { parser: espree as never } });

espreeTester.run('no-sql-template-literal (espree)', rule, {
  valid: [
    // espree: parameters with pg
    {
      code: `import pg from 'pg';
const pool = new pg.Pool();
export const find = (id) => pool.query('SELECT * FROM users WHERE id = $1', [id]);`,
      filename: 'file.js',
    },
    // espree: tagged template
    {
      code: `import postgres from 'postgres';
const sql = postgres();
export const find = (id) => sql\`SELECT * FROM users WHERE id = \${id}\`;`,
      filename: 'file.js',
    },
    // espree: allow-list via indexOf
    {
      code: `const { Pool } = require('pg');
const pool = new Pool();
const COLUMNS = ['name', 'email'];
exports.list = (col) => {
  if (COLUMNS.indexOf(col) === -1) return [];
  return pool.query(\`SELECT * FROM users ORDER BY \${col}\`);
};`,
      filename: 'file.js',
    },
    // espree: positive allow-list check around the query
    {
      code: `const { Pool } = require('pg');
const pool = new Pool();
exports.list = (dir) => ['asc', 'desc'].includes(dir) && pool.query(\`SELECT * FROM users ORDER BY id \${dir}\`);`,
      filename: 'file.js',
    },
  ],
  invalid: [
    // espree: ESM pg template
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (id) => pool.query(\`SELECT * FROM users WHERE id = \${id}\`);`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 40, endLine: 3, endColumn: 78, data: { value: '`id`', sink: 'pool.query', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '$1, $2, …' },
            output: `import { Pool } from 'pg';
const pool = new Pool();
export const find = (id) => pool.query(\`SELECT * FROM users WHERE id = $1\`, [id]);`,
          },
        ],
      },
      ],
    },
    // espree: CJS aliased destructuring
    {
      code: `const { createPool: makePool } = require('mysql2');
const pool = makePool({});
exports.find = (id) => pool.query('SELECT * FROM users WHERE id = ' + id);`,
      filename: 'file.js',
      errors: [
        {
          messageId: 'dynamicSql', line: 3, column: 35, endLine: 3, endColumn: 73, data: { value: '`id`', sink: 'pool.query', via: '' },
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '?' },
              output: `const { createPool: makePool } = require('mysql2');
const pool = makePool({});
exports.find = (id) => pool.query('SELECT * FROM users WHERE id = ?', [id]);`,
            },
          ],
        },
      ],
    },
    // espree: express handler, sqlite3
    {
      code: `const express = require('express');
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database('app.db');
const app = express();
app.get('/users/:id', (req, res) => {
  db.get(\`SELECT * FROM users WHERE id = \${req.params.id}\`, (err, row) => res.json(row));
});`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 6, column: 10, endLine: 6, endColumn: 59, data: { value: 'request input `req.params.id`', sink: 'db.get', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `const express = require('express');
const sqlite3 = require('sqlite3');
const db = new sqlite3.Database('app.db');
const app = express();
app.get('/users/:id', (req, res) => {
  db.get(\`SELECT * FROM users WHERE id = ?\`, [req.params.id], (err, row) => res.json(row));
});`,
          },
        ],
      },
      ],
    },
    // espree: variable built with += in a loop
    {
      code: `const mysql = require('mysql');
const connection = mysql.createConnection({});
exports.search = (filters) => {
  let sql = 'SELECT * FROM users WHERE 1 = 1';
  for (const key of Object.keys(filters)) {
    sql += \` AND \${key} = '\${filters[key]}'\`;
  }
  return connection.query(sql);
};`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 8, column: 27, endLine: 8, endColumn: 30, data: { value: '`key` and 1 more value', sink: 'connection.query', via: '' } },
      ],
    },
    // espree: knex whereRaw on an aliased import
    {
      code: `import { knex as createKnex } from 'knex';
const db = createKnex({ client: 'mysql2' });
export const find = (email) => db('users').whereRaw(\`email = '\${email}'\`);`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 3, column: 53, endLine: 3, endColumn: 73, data: { value: '`email`', sink: '….whereRaw', via: '' },
        suggestions: [
          {
            messageId: 'useParameters',
            data: { placeholder: '?' },
            output: `import { knex as createKnex } from 'knex';
const db = createKnex({ client: 'mysql2' });
export const find = (email) => db('users').whereRaw(\`email = ?\`, [email]);`,
          },
        ],
      },
      ],
    },
    // odd code: constants defined through each other (a table, then an array) are not proven
    // constant, and following them must end rather than overflow the stack
    {
      code: `import pg from 'pg';
const pool = new pg.Pool();
const A = B.columns;
const B = A.more;
export const sort = (key) => pool.query(\`SELECT * FROM users ORDER BY \${A[key]}\`);`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 5, column: 41, endLine: 5, endColumn: 81, data: { value: '`A[key]`', sink: 'pool.query', via: '' }, suggestions: [] },
      ],
    },
    {
      code: `import pg from 'pg';
const pool = new pg.Pool();
const first = [...second];
const second = [...first];
export const list = () => pool.query(\`SELECT \${first.join(', ')} FROM users\`);`,
      filename: 'file.js',
      errors: [
        { messageId: 'dynamicSql', line: 5, column: 38, endLine: 5, endColumn: 77, data: { value: '`first`', sink: 'pool.query', via: '' }, suggestions: [] },
      ],
    },
  ],
});

describe('no-sql-template-literal options schema', () => {
  const lint = (options: unknown): void => {
    const linter = new Linter({ configType: 'flat' });
    linter.verify('db.query(`SELECT ${x}`);', [
      { plugins: { ag: { rules: { r: rule as never } } }, rules: { 'ag/r': ['error', options] } },
    ]);
  };

  it('rejects unknown properties and wrong types', () => {
    expect(() => lint({ allowNumericCoercion: 'yes' })).toThrow(/should be boolean/u);
    expect(() => lint({ sinks: 'query' })).toThrow(/should be array/u);
    expect(() => lint({ unknownOption: true })).toThrow(/additional properties/iu);
    expect(() => lint({ sinks: [''] })).toThrow(/shorter than 1 characters/u);
  });

  it('accepts the strict options', () => {
    expect(() => lint(rule.meta.docs?.strictOptions?.[0])).not.toThrow();
  });
});

describe('no-sql-template-literal on deep input (espree)', () => {
  // Analyses follow concatenations, member chains and call chains with limits: past them a value
  // is "unknown" (or "not constant"), never a stack overflow, and the time stays linear.
  const lint = (expression: string): Linter.LintMessage[] => {
    const linter = new Linter({ configType: 'flat' });
    const code = [
      "import pg from 'pg';",
      'const pool = new pg.Pool();',
      "const COLS = { a: 'name' };",
      'export const find = async (req) => {',
      '  const a = req.query.name;',
      `  return pool.query(${expression});`,
      '};',
    ].join('\n');
    return linter.verify(code, [{
      files: ['**/*.js'],
      languageOptions: { parser: espree as never, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { ag: { rules: { r: rule as never } } },
      rules: { 'ag/r': ['error', { checkAllSqlStrings: true }] },
    }], { filename: 'file.js' });
  };

  it('reports a 10,000-deep concatenation of request input once', () => {
    const messages = lint(`'SELECT * FROM t WHERE a = ' + ${Array.from({ length: 10_000 }, () => 'a').join(' + ')}`);
    expect(messages.map((message) => [message.messageId, message.line, message.column])).toEqual([['dynamicSql', 6, 21]]);
  }, 30_000);

  it('follows a 10,000-long member chain on a constant table without reporting it', () => {
    const messages = lint(`\`SELECT \${COLS${'.a'.repeat(10_000)}} FROM t\``);
    expect(messages).toEqual([]);
  }, 30_000);

  it('reports request input read through a 10,000-long member chain', () => {
    const messages = lint(`\`SELECT \${a${'.a'.repeat(10_000)}} FROM t\``);
    expect(messages.map((message) => [message.messageId, message.line, message.column])).toEqual([['dynamicSql', 6, 21]]);
  }, 30_000);

  it('lints a 3,000-long chain of query calls', () => {
    const messages = lint(`'SELECT 1')${'.query(`SELECT ${a}`)'.repeat(3000)}.query(a`);
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(messages.length).toBeGreaterThan(0);
  }, 30_000);
});
