import { createRuleTester } from '../rule-tester';
import rule from '../../src/rules/no-stack-in-response';

const ruleTester = createRuleTester();

const MESSAGE_DATA = { callee: 'errorhandler()', module: 'errorhandler' };

/**
 * npm error middleware made for development (`errorhandler`): it answers every error passed to
 * `next(err)` with its stack trace, so it is reported unless only development code mounts it.
 */
ruleTester.run('no-stack-in-response (development error responders)', rule, {
  valid: [
    // mounted only in development, the way Express's generator writes it
    {
      code: `
const express = require('express');
const errorhandler = require('errorhandler');
const app = express();
if (process.env.NODE_ENV === 'development') {
  app.use(errorhandler());
}
`,
    },
    {
      code: `
const errorhandler = require('errorhandler');
if (app.get('env') == 'development') app.use(errorhandler());
`,
    },
    // a flag that is true only outside production
    {
      code: `
import errorhandler from 'errorhandler';
const isDev = process.env.NODE_ENV !== 'production';
if (isDev) app.use(errorhandler());
`,
    },
    // the else branch of a production check
    {
      code: `
if (process.env.NODE_ENV === 'production') {
  app.use((err, req, res, next) => res.sendStatus(500));
} else {
  app.use(require('errorhandler')());
}
`,
    },
    // a function of the project that happens to share the name
    {
      code: `
const errorhandler = () => (err, req, res, next) => res.status(500).json({ error: 'Internal Server Error' });
app.use(errorhandler());
`,
    },
    // a property of the module is no middleware
    {
      code: `
const errorhandler = require('errorhandler');
errorhandler.title = 'My app';
`,
    },
  ],
  invalid: [
    {
      code: `
const express = require('express');
const errorhandler = require('errorhandler');
const app = express();
app.use(errorhandler());
`,
      errors: [{ messageId: 'devErrorResponder', line: 5, column: 9, endLine: 5, endColumn: 23, data: MESSAGE_DATA }],
    },
    // ESM default import under another name, with options (they do not change what it sends)
    {
      code: `
import express from 'express';
import errorHandler from 'errorhandler';
const app = express();
app.use(errorHandler({ log: false }));
`,
      errors: [{ messageId: 'devErrorResponder', line: 5, column: 9, endLine: 5, endColumn: 37, data: { callee: 'errorHandler()', module: 'errorhandler' } }],
    },
    // inside a set-up function, last in the chain (juice-shop's server.ts shape)
    {
      code: `
import express from 'express';
const errorhandler = require('errorhandler');
export async function start(app) {
  app.use(express.static('public'));
  /* Error Handling */
  app.use(errorhandler());
}
`,
      errors: [{ messageId: 'devErrorResponder', line: 7, column: 11, endLine: 7, endColumn: 25, data: MESSAGE_DATA }],
    },
    // a check that says nothing about the environment does not make it development-only
    {
      code: `
const errorhandler = require('errorhandler');
if (config.verbose) {
  app.use(errorhandler());
}
`,
      errors: [{ messageId: 'devErrorResponder', line: 4, column: 11, endLine: 4, endColumn: 25, data: MESSAGE_DATA }],
    },
  ],
});
