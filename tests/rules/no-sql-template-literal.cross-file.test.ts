import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/no-sql-template-literal';
import { createRuleTester } from '../rule-tester';

// Wrappers defined in another project file (tests/fixtures/cross-file/sql/lib): the linted file
// has a real path inside the fixture project so that its imports resolve.
const filename = fileURLToPath(new URL('../fixtures/cross-file/sql/handler.js', import.meta.url));
const ruleTester = createRuleTester();

ruleTester.run('no-sql-template-literal (cross-file)', rule, {
  valid: [
    // Bound parameters through the imported wrapper.
    { filename, code: `import { one } from './lib/db.js';
export const get = (req) => one('SELECT * FROM users WHERE id = $1', [req.params.id]);` },
    // A function of the other file that builds a label, not SQL: not a sink.
    { filename, code: `import { label } from './lib/db.js';
export const show = (req) => label(\`SELECT \${req.params.id}\`);` },
    // Unresolvable import: today's judgement (a name we know nothing about).
    { filename, code: `import { one } from './lib/missing.js';
export const get = (req) => one(\`SELECT * FROM users WHERE id = \${req.params.id}\`);` },
    // The other file does not parse: today's judgement.
    { filename, code: `import { broken } from './lib/broken.js';
export const get = (req) => broken(\`SELECT * FROM users WHERE id = \${req.params.id}\`);` },
    // An import cycle that never reaches a sink: no crash, no report.
    { filename, code: `import { a } from './lib/cycle-a.js';
export const get = (req) => a(\`SELECT * FROM users WHERE id = \${req.params.id}\`);` },
    // Cross-file analysis switched off.
    {
      filename,
      settings: { 'agent-guard': { project: { crossFile: false } } },
      code: `import { one } from './lib/db.js';
export const get = (req) => one(\`SELECT * FROM users WHERE id = \${req.params.id}\`);`,
    },
  ],
  invalid: [
    {
      // one() -> run() -> pool.query, all in lib/db.js; the values binding carries over.
      filename,
      code: `import { one } from './lib/db.js';
export const get = (req) => one(\`SELECT * FROM users WHERE id = \${req.params.id}\`);`,
      errors: [
        {
          messageId: 'dynamicSql',
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 82,
          data: { sink: 'one', via: ' (lib/db.js, which passes it on as SQL text)', value: '`req.params.id`' },
          suggestions: [
            {
              messageId: 'useParameters',
              data: { placeholder: '$1, $2, …' },
              output: `import { one } from './lib/db.js';
export const get = (req) => one(\`SELECT * FROM users WHERE id = $1\`, [req.params.id]);`,
            },
          ],
        },
      ],
    },
    {
      // Namespace import, member call.
      filename,
      code: `import * as db from './lib/db.js';
export const list = (req) => db.run('SELECT * FROM users ORDER BY ' + req.query.sort);`,
      errors: [
        {
          messageId: 'dynamicSql',
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 85,
          data: { sink: 'db.run', via: ' (lib/db.js, which passes it on as SQL text)', value: '`req.query.sort`' },
          // A column name cannot be a bound parameter: no rewrite is offered.
          suggestions: [],
        },
      ],
    },
    {
      // Two files: firstRow (lib/repo.js) -> run (lib/db.js) -> pool.query. Its own parameters are not forwarded: no suggestion.
      filename,
      code: `const { firstRow } = require('./lib/repo.js');
exports.get = (id) => firstRow(\`SELECT * FROM users WHERE id = \${id}\`);`,
      errors: [
        {
          messageId: 'dynamicSql',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 70,
          data: { sink: 'firstRow', via: ' (lib/repo.js, which passes it on as SQL text)', value: '`id`' },
          suggestions: [],
        },
      ],
    },
  ],
});
