import rule from '../../src/rules/no-sql-template-literal';
import { createRuleTester } from '../rule-tester';

/**
 * An identifier looked up in a constant `Map` (`const SORTABLE = new Map([['created', 'created_at']])`,
 * then `SORTABLE.get(req.query.sort) ?? 'created_at'`), the allow-list agents write for ORDER BY
 * columns: the result is one of the map's values, so the SQL text stays constant.
 */
const ruleTester = createRuleTester();

ruleTester.run('no-sql-template-literal (constant maps)', rule, {
  valid: [
    // A lookup in a constant `Map` with a constant default: one of the map's values.
    `import { Pool } from 'pg';
const pool = new Pool();
const SORTABLE = new Map([['created', 'created_at'], ['title', 'title']]);
export function list(req: { query: { sort: string } }) {
  const column = SORTABLE.get(req.query.sort) ?? 'created_at';
  return pool.query(\`SELECT id, title FROM notes ORDER BY \${column} DESC\`);
}
`,
    // Values written later with `set` are constants too; `has` only reads.
    `import { Pool } from 'pg';
const pool = new Pool();
const ORDER_BY = new Map<string, string>([
  ['newest', 'created_at DESC'],
  ['oldest', 'created_at ASC'],
]);
ORDER_BY.set('title', 'title ASC');
export function list(req: { query: { sort: string } }) {
  if (!ORDER_BY.has(req.query.sort)) return [];
  return pool.query(\`SELECT * FROM todos ORDER BY \${ORDER_BY.get(req.query.sort)}\`);
}
`,
  ],
  invalid: [
    {
      // The map is given a value from the request.
      code: `import { Pool } from 'pg';
const pool = new Pool();
const SORTABLE = new Map([['created', 'created_at']]);
export function list(req: { query: { sort: string; by: string } }) {
  SORTABLE.set('custom', req.query.by);
  const column = SORTABLE.get(req.query.sort) ?? 'created_at';
  return pool.query(\`SELECT id, title FROM notes ORDER BY \${column}\`);
}
`,
      errors: [
  { messageId: 'dynamicSql', line: 7, column: 21, endLine: 7, endColumn: 69, suggestions: [] },
],
    },
    {
      // The map is handed to another function, which may write into it.
      code: `import { Pool } from 'pg';
import { registerColumns } from './columns';
const pool = new Pool();
const SORTABLE = new Map([['created', 'created_at']]);
registerColumns(SORTABLE);
export function list(req: { query: { sort: string } }) {
  const column = SORTABLE.get(req.query.sort) ?? 'created_at';
  return pool.query(\`SELECT id, title FROM notes ORDER BY \${column}\`);
}
`,
      errors: [
  { messageId: 'dynamicSql', line: 8, column: 21, endLine: 8, endColumn: 69, suggestions: [] },
],
    },
    {
      // A map the function receives: its values are unknown.
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function list(req: { query: { sort: string } }, columns: Map<string, string>) {
  const column = columns.get(req.query.sort) ?? 'created_at';
  return pool.query(\`SELECT id, title FROM notes ORDER BY \${column}\`);
}
`,
      errors: [
  { messageId: 'dynamicSql', line: 5, column: 21, endLine: 5, endColumn: 69, suggestions: [] },
],
    },
  ],
});
