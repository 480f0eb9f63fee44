import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/no-hardcoded-secrets';
import { createRuleTester } from '../rule-tester';

// A secret exported by a config module of the project (tests/fixtures/cross-file/secrets/lib): the
// linted file has a real path inside the fixture project so that its imports resolve. The literal
// is in the other file, so the report is on the expression of this file that reads it, and offers no
// suggestion (the fix belongs in the config module).
const filename = fileURLToPath(new URL('../fixtures/cross-file/secrets/handler.js', import.meta.url));
const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-secrets (cross-file)', rule, {
  valid: [
    // The last spread of the merged config sets the key from the environment: the default is overridden.
    {
      filename,
      code: `const session = require('express-session');
const { cookieSecret } = require('./lib/merged-env.js');
app.use(session({ secret: cookieSecret }));
`,
    },
    // The config module reads the environment without a fallback
    {
      filename,
      code: `import jwt from 'jsonwebtoken';
import { JWT_SECRET, config } from './lib/safe.js';
jwt.sign({}, JWT_SECRET);
jwt.sign({}, config.jwt.secret);
`,
    },
    // Cross-file analysis switched off
    {
      filename,
      code: `import jwt from 'jsonwebtoken';
import { JWT_SECRET } from './lib/config.js';
jwt.sign({}, JWT_SECRET);
`,
      settings: { 'agent-guard': { project: { crossFile: false } } },
    },
    // An unresolvable module
    {
      filename,
      code: `import jwt from 'jsonwebtoken';
import { JWT_SECRET } from './lib/missing.js';
jwt.sign({}, JWT_SECRET);
`,
    },
  ],
  invalid: [
    // An exported const with a fallback: reported at its use here, naming the file
    {
      filename,
      code: `import jwt from 'jsonwebtoken';
import { JWT_SECRET } from './lib/config.js';
export const issue = (p) => jwt.sign(p, JWT_SECRET);
`,
      errors: [
        { messageId: 'fallbackSecret', line: 3, column: 41, endLine: 3, endColumn: 51, data: { env: '`JWT_SECRET`', sink: '`jsonwebtoken sign`', what: 'JWT key', via: ' (in lib/config.js)' }, suggestions: [] },
      ],
    },
    // A member of an exported config object
    {
      filename,
      code: `import { sign } from 'jsonwebtoken';
import { config } from './lib/config.js';
sign({}, config.jwt.secret);
`,
      errors: [
        { messageId: 'fallbackSecret', line: 3, column: 10, endLine: 3, endColumn: 27, suggestions: [] },
      ],
    },
    // The default export's property
    {
      filename,
      code: `import session from 'express-session';
import settings from './lib/config.js';
app.use(session({ secret: settings.sessionSecret }));
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 27, endLine: 3, endColumn: 49, data: { what: 'session secret', sink: '`express-session session (secret)`', via: ' (in lib/config.js)' } },
      ],
    },
    // CommonJS: a destructured require and a whole-module require reach the same literal, reported once
    {
      filename,
      code: `const jwt = require('jsonwebtoken');
const { jwtSecret } = require('./lib/config.cjs');
const cfg = require('./lib/config.cjs');
jwt.sign({}, jwtSecret);
jwt.verify(t, cfg.jwtSecret);
`,
      errors: [
        { messageId: 'fallbackSecret', line: 4, column: 14, endLine: 4, endColumn: 23, suggestions: [] },
      ],
    },
    // A config module that merges required defaults with a spread (NodeGoat's shape)
    {
      filename,
      code: `const session = require('express-session');
const config = require('./lib/merged.js');
app.use(session({ secret: config.cookieSecret }));
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 27, endLine: 3, endColumn: 46, data: { what: 'session secret', sink: '`express-session session (secret)`', via: ' (in lib/env/all.js)' } },
      ],
    },
    // The key destructured from the merged config: found through the spread of the required defaults.
    {
      filename,
      code: `const session = require('express-session');
const { cookieSecret } = require('./lib/merged.js');
app.use(session({ secret: cookieSecret }));
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 27, endLine: 3, endColumn: 39, data: { what: 'session secret', sink: '`express-session session (secret)`', via: ' (in lib/env/all.js)' } },
      ],
    },
    // The config module requires its defaults through a path built from __dirname: path.resolve(__dirname + '/env/all.js')
    {
      filename,
      code: `const session = require('express-session');
const config = require('./lib/computed.js');
app.use(session({ secret: config.cookieSecret }));
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 27, endLine: 3, endColumn: 46, data: { what: 'session secret', sink: '`express-session session (secret)`', via: ' (in lib/env/all.js)' } },
      ],
    },
    // The config module requires its defaults through a path built from __dirname: path.join(__dirname, 'env', 'all.js')
    {
      filename,
      code: `const session = require('express-session');
const config = require('./lib/joined.js');
app.use(session({ secret: config.cookieSecret }));
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 27, endLine: 3, endColumn: 46, data: { what: 'session secret', sink: '`express-session session (secret)`', via: ' (in lib/env/all.js)' } },
      ],
    },
    // The config module requires its defaults through a path built from __dirname: ${__dirname}/env/all.js
    {
      filename,
      code: `const session = require('express-session');
const config = require('./lib/templated.js');
app.use(session({ secret: config.cookieSecret }));
`,
      errors: [
        { messageId: 'secretInSink', line: 3, column: 27, endLine: 3, endColumn: 46, data: { what: 'session secret', sink: '`express-session session (secret)`', via: ' (in lib/env/all.js)' } },
      ],
    },
  ],
});
