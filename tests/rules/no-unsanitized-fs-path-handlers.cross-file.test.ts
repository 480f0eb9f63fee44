import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/no-unsanitized-fs-path';
import { createRuleTester } from '../rule-tester';

// Handlers defined in another project file (tests/fixtures/cross-file/fs-handlers) that send a
// file through the response (`res.download`, `res.sendFile`) or store an express-fileupload
// upload (`file.mv`), registered directly or through `router.route('/p').post(…)` chains.
const routes = fileURLToPath(new URL('../fixtures/cross-file/fs-handlers/routes.js', import.meta.url));
const ruleTester = createRuleTester();

const via = (name: string, file: string): string => ` in ${name} (controllers/${file}.js), which this route runs as its handler,`;

ruleTester.run('no-unsanitized-fs-path (imported handlers)', rule, {
  valid: [
    // `res.sendFile(name, { root })`: Express refuses to leave the root.
    { filename: routes, code: `const { Router } = require('express');
const downloads = require('./controllers/downloads');
const router = Router();
router.get('/files/:name', downloads.fetchUnderRoot);
module.exports = router;` },
    // The handler reduces the name with path.basename() (a string second argument is the name the client sees).
    { filename: routes, code: `const { Router } = require('express');
const downloads = require('./controllers/downloads');
const router = Router();
router.route('/files/:name').get(downloads.fetchBaseName);
module.exports = router;` },
    // The key is looked up in a constant table first, and a miss answers 404.
    { filename: routes, code: `const { Router } = require('express');
const downloads = require('./controllers/downloads');
const router = Router();
router.get('/sizes', downloads.fetchKnown);
module.exports = router;` },
    // express-fileupload: a server-made name, and the server's temporary path.
    { filename: routes, code: `const express = require('express');
const uploads = require('./controllers/uploads');
const router = express.Router();
router.post('/inbox', uploads.storeRenamed);
router.route('/inbox/temp').get(uploads.storeTemp);
module.exports = router;` },
    // Not a registration: the handler is only passed to a function of another kind.
    { filename: routes, code: `const downloads = require('./controllers/downloads');
const table = new Map();
table.set('/files/:name', downloads.fetchByName);` },
  ],
  invalid: [
    {
      // The handler downloads a path joined from the route parameter.
      filename: routes,
      code: `const { Router } = require('express');
const downloads = require('./controllers/downloads');
const router = Router();
router.get('/files/:name', downloads.fetchByName);
module.exports = router;`,
      errors: [
        {
          messageId: 'requestPathFalseConfidence',
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 11,
          data: { sink: 'res.download', via: via('fetchByName', 'downloads'), source: 'req.params.name', checks: 'path.join()' },
        },
      ],
    },
    {
      // A `route('/p').post(…)` chain on a module-level router, with middleware before the handler.
      filename: routes,
      code: `const express = require('express');
const downloads = require('./controllers/downloads');
const router = express.Router();
const auth = (req, res, next) => next();
router.route('/files').post(auth, downloads.fetchFromBody);
module.exports = router;`,
      errors: [
        {
          messageId: 'requestPath',
          line: 5,
          column: 24,
          endLine: 5,
          endColumn: 28,
          data: { sink: 'res.sendFile', via: via('fetchFromBody', 'downloads'), source: 'req.body.file' },
        },
      ],
    },
    {
      // The same chain on a router the module receives.
      filename: routes,
      code: `const downloads = require('./controllers/downloads');
module.exports = (router) => {
  router.route('/files').post(downloads.fetchFromBody);
};`,
      errors: [
        {
          messageId: 'requestPath',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 30,
          data: { sink: 'res.sendFile', via: via('fetchFromBody', 'downloads'), source: 'req.body.file' },
        },
      ],
    },
    {
      // express-fileupload: the upload is moved to a path named after the client's file name.
      filename: routes,
      code: `const express = require('express');
const uploads = require('./controllers/uploads');
const router = express.Router();
router.route('/inbox').post(uploads.store);
module.exports = router;`,
      errors: [
        {
          messageId: 'requestPath',
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 28,
          data: { sink: 'doc.mv', via: via('store', 'uploads'), source: 'req.files.doc.name' },
        },
      ],
    },
  ],
});
