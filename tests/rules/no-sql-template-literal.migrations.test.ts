import rule from '../../src/rules/no-sql-template-literal';
import { createRuleTester } from '../rule-tester';

/*
 * Migrations and seeds (knex, Sequelize, TypeORM, MikroORM): files in a `migrations`, `migration`,
 * `seeds` or `seeders` folder run at deploy time, with SQL built from the schema and constants.
 * They are not checked unless `checkMigrations` is on (as in `strict`). Look-alike names elsewhere
 * are checked.
 */
const ruleTester = createRuleTester();

const BACKFILL = `const { Pool } = require('pg');
const pool = new Pool();
exports.up = async () => {
  const { rows } = await pool.query('SELECT id, plan FROM users');
  for (const row of rows) await pool.query(\`UPDATE accounts SET plan = '\${row.plan}' WHERE owner = \${row.id}\`);
};`;

const BACKFILL_FIXED = `const { Pool } = require('pg');
const pool = new Pool();
exports.up = async () => {
  const { rows } = await pool.query('SELECT id, plan FROM users');
  for (const row of rows) await pool.query(\`UPDATE accounts SET plan = $1 WHERE owner = $2\`, [row.plan, row.id]);
};`;


ruleTester.run('no-sql-template-literal (migrations)', rule, {
  valid: [
    { code: BACKFILL, filename: 'db/migrations/20240101120000_backfill_plans.js' },
    { code: BACKFILL, filename: 'src/migration/1700000000000-BackfillPlans.js' },
    { code: BACKFILL, filename: 'server/seeders/20240101-demo-accounts.js' },
    { code: BACKFILL, filename: 'packages/db/Migrations/backfill.js' },
  ],
  invalid: [
    // Look-alikes: a route that migrates, a file named for migrations, a folder that only starts with the word.
    { code: BACKFILL, filename: 'src/routes/migrations.js', errors: [{ messageId: 'dynamicSql', line: 5, column: 44, endLine: 5, endColumn: 110, data: { value: '`row.plan` and 1 more value', sink: 'pool.query', via: '' }, suggestions: [{ messageId: 'useParameters', data: { placeholder: '$1, $2, …' }, output: BACKFILL_FIXED }] }] },
    { code: BACKFILL, filename: 'src/migrations-admin/run.js', errors: [{ messageId: 'dynamicSql', line: 5, column: 44, endLine: 5, endColumn: 110, data: { value: '`row.plan` and 1 more value', sink: 'pool.query', via: '' }, suggestions: [{ messageId: 'useParameters', data: { placeholder: '$1, $2, …' }, output: BACKFILL_FIXED }] }] },
    // `checkMigrations` (on in `strict`) checks them too.
    { code: BACKFILL, filename: 'db/migrations/20240101120000_backfill_plans.js', options: [{ checkMigrations: true }], errors: [{ messageId: 'dynamicSql', line: 5, column: 44, endLine: 5, endColumn: 110, data: { value: '`row.plan` and 1 more value', sink: 'pool.query', via: '' }, suggestions: [{ messageId: 'useParameters', data: { placeholder: '$1, $2, …' }, output: BACKFILL_FIXED }] }] },
  ],
});
