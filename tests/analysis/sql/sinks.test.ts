import { createRuleTester } from '../../rule-tester';
import { sqlSinkProbe } from './sql-probe';

/*
 * The SQL sink finder through its probe: every call `findSqlSinkCalls` returns is reported at
 * the call with the SQL argument's index, the driver's parameter binding (`-`: no rewrite
 * offered), whether the receiver was resolved through imports (`resolved`) or only recognised
 * by its method name (`fallback`, which the rule accepts only with SQL-looking text), and the
 * argument's text. Import styles: default, named, namespace, aliased, require, destructured.
 */
const ruleTester = createRuleTester();

ruleTester.run('sql-sinks', sqlSinkProbe, {
  valid: [
    // --- look-alikes: a local function named like a sink, a module that is not a driver ---
    {
      code: `function query(text) { return text; }
query(\`SELECT \${id}\`);
`,
    },
    {
      code: `import { Pool } from 'pg-mock';
const pool = new Pool();
pool.query(\`SELECT \${id}\`);
`,
    },
    // --- calls that are not sinks ---
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
pool.end();
pool.on('error', () => {});
foo.fetch(\`SELECT \${x}\`);
`,
    },
  ],
  invalid: [
    // --- drivers, one per import style; wrappers, aliases, fallbacks and configured sinks follow ---
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
pool.query(\`SELECT * FROM t WHERE id = \${id}\`);
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 47, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: '`SELECT * FROM t WHERE id = ${id}`' } },
      ],
    },
    {
      code: `import pg from 'pg';
const client = new pg.Client();
await client.query({ text: 'SELECT 1', values: [] });
`,
      errors: [
        { messageId: 'sink', line: 3, column: 7, endLine: 3, endColumn: 53, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: '\'SELECT 1\'' } },
      ],
    },
    {
      code: `import * as pg from 'pg';
const pool = new pg.Pool();
pool.query('SELECT ' + col);
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 28, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: '\'SELECT \' + col' } },
      ],
    },
    {
      code: `const { Pool: P } = require('pg');
const db = new P();
db.query(sql);
`,
      filename: 'file.js',
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 14, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: 'sql' } },
      ],
    },
    {
      code: `const mysql = require('mysql2/promise');
const conn = await mysql.createConnection({});
conn.execute(\`DELETE FROM t WHERE id = \${id}\`);
conn.query('SELECT ?', [id]);
`,
      filename: 'file.js',
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 47, data: { arg: '0', binding: 'question-array', how: 'resolved', argument: '`DELETE FROM t WHERE id = ${id}`' } },
        { messageId: 'sink', line: 4, column: 1, endLine: 4, endColumn: 29, data: { arg: '0', binding: 'question-array', how: 'resolved', argument: '\'SELECT ?\'' } },
      ],
    },
    {
      code: `import Database from 'better-sqlite3';
const db = new Database(':memory:');
db.prepare(\`SELECT * FROM t WHERE a = \${a}\`).get();
db.exec('DELETE FROM t');
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 45, data: { arg: '0', binding: 'question-statement', how: 'resolved', argument: '`SELECT * FROM t WHERE a = ${a}`' } },
        { messageId: 'sink', line: 4, column: 1, endLine: 4, endColumn: 25, data: { arg: '0', binding: '-', how: 'resolved', argument: '\'DELETE FROM t\'' } },
      ],
    },
    // postgres.js: `sql.unsafe` is a sink, the `sql` tag is safe (no report for the tagged template)
    {
      code: `import postgres from 'postgres';
const sql = postgres();
sql.unsafe(\`SELECT \${x}\`);
sql\`SELECT \${x}\`;
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 26, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: '`SELECT ${x}`' } },
      ],
    },
    // Prisma: `$queryRawUnsafe` is a sink, the `$queryRaw` tag is not
    {
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
prisma.$queryRawUnsafe(\`SELECT \${id}\`);
prisma.$queryRaw\`SELECT \${id}\`;
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 39, data: { arg: '0', binding: 'prisma-tagged', how: 'resolved', argument: '`SELECT ${id}`' } },
      ],
    },
    {
      code: `import knex from 'knex';
const db = knex({});
db.raw(\`SELECT \${id}\`);
db('users').whereRaw(\`id = \${id}\`);
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 23, data: { arg: '0', binding: 'question-array', how: 'resolved', argument: '`SELECT ${id}`' } },
        { messageId: 'sink', line: 4, column: 1, endLine: 4, endColumn: 35, data: { arg: '0', binding: 'question-array', how: 'resolved', argument: '`id = ${id}`' } },
      ],
    },
    {
      code: `import { Sequelize } from 'sequelize';
const sequelize = new Sequelize('');
sequelize.query(\`SELECT \${id}\`);
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 32, data: { arg: '0', binding: 'named-replacements', how: 'resolved', argument: '`SELECT ${id}`' } },
      ],
    },
    // a local wrapper passing its parameter on: the wrapper's call is a sink too (no binding of its own)
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
const run = (text) => pool.query(text);
run(\`SELECT \${id}\`);
`,
      errors: [
        { messageId: 'sink', line: 3, column: 23, endLine: 3, endColumn: 39, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: 'text' } },
        { messageId: 'sink', line: 4, column: 1, endLine: 4, endColumn: 20, data: { arg: '0', binding: '-', how: 'resolved', argument: '`SELECT ${id}`' } },
      ],
    },
    // fallbacks: unresolved receivers named like a query API (the rule then needs SQL-looking text)
    {
      code: `this.db.query(\`SELECT * FROM t WHERE id = \${id}\`);
cache.get(\`user:\${id}\`);
map.get(key);
`,
      errors: [
        { messageId: 'sink', line: 1, column: 1, endLine: 1, endColumn: 50, data: { arg: '0', binding: '-', how: 'fallback', argument: '`SELECT * FROM t WHERE id = ${id}`' } },
        { messageId: 'sink', line: 2, column: 1, endLine: 2, endColumn: 24, data: { arg: '0', binding: '-', how: 'fallback', argument: '`user:${id}`' } },
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 13, data: { arg: '0', binding: '-', how: 'fallback', argument: 'key' } },
      ],
    },
    {
      code: `query(\`SELECT * FROM t WHERE id = \${id}\`);
execute('hello');
`,
      errors: [
        { messageId: 'sink', line: 1, column: 1, endLine: 1, endColumn: 42, data: { arg: '0', binding: '-', how: 'fallback', argument: '`SELECT * FROM t WHERE id = ${id}`' } },
        { messageId: 'sink', line: 2, column: 1, endLine: 2, endColumn: 17, data: { arg: '0', binding: '-', how: 'fallback', argument: '\'hello\'' } },
      ],
    },
    // configured sinks: a name, a `module#export`
    {
      code: `myDb.select(\`x \${id}\`);
`,
      options: [{'sinks':['myDb.select']}],
      errors: [
        { messageId: 'sink', line: 1, column: 1, endLine: 1, endColumn: 23, data: { arg: '0', binding: '-', how: 'resolved', argument: '`x ${id}`' } },
      ],
    },
    {
      code: `import { run } from './db';
run(\`SELECT \${id}\`);
`,
      options: [{'sinks':['./db#run']}],
      errors: [
        { messageId: 'sink', line: 2, column: 1, endLine: 2, endColumn: 20, data: { arg: '0', binding: '-', how: 'resolved', argument: '`SELECT ${id}`' } },
      ],
    },
    // look-alikes that stay fallbacks (a local object, a Map): the rule needs SQL-looking text for them
    {
      code: `const pool = { query() {} };
pool.query('hello');
const client = new Map();
client.get('x');
`,
      errors: [
        { messageId: 'sink', line: 2, column: 1, endLine: 2, endColumn: 20, data: { arg: '0', binding: '-', how: 'fallback', argument: '\'hello\'' } },
        { messageId: 'sink', line: 4, column: 1, endLine: 4, endColumn: 16, data: { arg: '0', binding: '-', how: 'fallback', argument: '\'x\'' } },
      ],
    },
    // a parameter is not resolved; nor (a known limit) a client from a promise's `then`
    {
      code: `import { Pool } from 'pg';
function f(pool) { pool.query(\`SELECT \${id}\`); }
`,
      errors: [
        { messageId: 'sink', line: 2, column: 20, endLine: 2, endColumn: 46, data: { arg: '0', binding: '-', how: 'fallback', argument: '`SELECT ${id}`' } },
      ],
    },
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
pool.connect().then((client) => client.query(\`SELECT \${id}\`));
`,
      errors: [
        { messageId: 'sink', line: 3, column: 33, endLine: 3, endColumn: 61, data: { arg: '0', binding: '-', how: 'fallback', argument: '`SELECT ${id}`' } },
      ],
    },
    {
      code: `import sqlite3 from 'sqlite3';
const db = new sqlite3.Database(':memory:');
db.all(\`SELECT \${a}\`, cb);
db.run('INSERT INTO t VALUES (1)');
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 26, data: { arg: '0', binding: 'question-array', how: 'resolved', argument: '`SELECT ${a}`' } },
        { messageId: 'sink', line: 4, column: 1, endLine: 4, endColumn: 35, data: { arg: '0', binding: 'question-array', how: 'resolved', argument: '\'INSERT INTO t VALUES (1)\'' } },
      ],
    },
    // drizzle's `sql.raw` and Kysely's `sql.raw`/`sql.lit` inline their argument; the tags are safe
    {
      code: `import { sql } from 'drizzle-orm';
sql.raw(\`SELECT \${x}\`);
sql\`SELECT \${x}\`;
`,
      errors: [
        { messageId: 'sink', line: 2, column: 1, endLine: 2, endColumn: 23, data: { arg: '0', binding: '-', how: 'resolved', argument: '`SELECT ${x}`' } },
      ],
    },
    {
      code: `import { sql } from 'kysely';
sql.raw(\`SELECT \${x}\`);
sql.lit(x);
`,
      errors: [
        { messageId: 'sink', line: 2, column: 1, endLine: 2, endColumn: 23, data: { arg: '0', binding: '-', how: 'resolved', argument: '`SELECT ${x}`' } },
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 11, data: { arg: '0', binding: '-', how: 'resolved', argument: 'x' } },
      ],
    },
    {
      code: `import mssql from 'mssql';
const request = new mssql.Request();
request.query(\`SELECT \${x}\`);
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 29, data: { arg: '0', binding: '-', how: 'resolved', argument: '`SELECT ${x}`' } },
      ],
    },
    // aliases: a destructured method and a method reference keep the receiver's kind
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
const { query } = pool;
query(\`SELECT \${id}\`);
const q = pool.query;
q(\`SELECT \${id}\`);
`,
      errors: [
        { messageId: 'sink', line: 4, column: 1, endLine: 4, endColumn: 22, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: '`SELECT ${id}`' } },
        { messageId: 'sink', line: 6, column: 1, endLine: 6, endColumn: 18, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: '`SELECT ${id}`' } },
      ],
    },
    {
      code: `import { createPool as makePool } from 'mysql2';
const pool = makePool({});
pool.query(\`SELECT \${id}\`);
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 27, data: { arg: '0', binding: 'question-array', how: 'resolved', argument: '`SELECT ${id}`' } },
      ],
    },
    {
      code: `const { Client } = require('pg');
const c = new Client();
c.query('SELECT 1');
`,
      filename: 'file.js',
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 20, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: '\'SELECT 1\'' } },
      ],
    },
    // a local class named like a driver's is not the driver
    {
      code: `class Pool { query(s) {} }
const pool = new Pool();
pool.query('SELECT ' + x);
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 26, data: { arg: '0', binding: '-', how: 'fallback', argument: '\'SELECT \' + x' } },
      ],
    },
    // a driver instance kept on `this`; a require of the whole module; a pg-format call as the argument
    {
      code: `import { Pool } from 'pg';
class Repo { constructor() { this.pool = new Pool(); } find(id) { return this.pool.query(\`SELECT \${id}\`); } }
`,
      errors: [
        { messageId: 'sink', line: 2, column: 74, endLine: 2, endColumn: 105, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: '`SELECT ${id}`' } },
      ],
    },
    {
      code: `const pg = require('pg');
const pool = new pg.Pool();
pool.query(\`SELECT \${id}\`);
`,
      filename: 'file.js',
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 27, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: '`SELECT ${id}`' } },
      ],
    },
    {
      code: `import { Pool } from 'pg';
const pool = new Pool();
pool.query(\`SELECT \${id}\`, [id]);
pool.end();
pool.on('error', cb);
`,
      errors: [
        { messageId: 'sink', line: 3, column: 1, endLine: 3, endColumn: 33, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: '`SELECT ${id}`' } },
      ],
    },
    {
      code: `import format from 'pg-format';
import { Pool } from 'pg';
const pool = new Pool();
pool.query(format('SELECT %I FROM t', col));
`,
      errors: [
        { messageId: 'sink', line: 4, column: 1, endLine: 4, endColumn: 44, data: { arg: '0', binding: 'dollar-array', how: 'resolved', argument: 'format(\'SELECT %I FROM t\', col)' } },
      ],
    },
    // a shadowed `require` is not Node's
    {
      code: `import { Pool } from 'pg';
function f(require) { const { Pool } = require('pg'); new Pool().query(x); }
`,
      errors: [
        { messageId: 'sink', line: 2, column: 55, endLine: 2, endColumn: 74, data: { arg: '0', binding: '-', how: 'fallback', argument: 'x' } },
      ],
    },
  ],
});
