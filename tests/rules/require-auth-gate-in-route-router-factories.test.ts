import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/*
 * Router factories (issue #15): a function that makes a router, registers routes on it and returns
 * it, mounted where it is called (`app.use('/api/keys', requireAuth, keysRouter(db))`). The routes
 * take the mount's prefix and guards; a call of a function that returns middleware stays a guard.
 * The cross-file forms (an exported factory, a member of a whole-module require, a factory handed
 * on by another file) are in tests/fixtures/projects/express-router-factories.
 */
const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (router factories)', rule, {
  valid: [
    // A function declaration, mounted behind a gate.
    {
      code: `
const express = require('express');
const { requireAuth } = require('./auth');
function keysRouter(db) {
  const router = express.Router();
  router.get('/:id', async (req, res) => res.json(await db.keys.find(req.params.id)));
  return router;
}
const app = express();
app.use('/api/keys', requireAuth, keysRouter(db));
`,
    },
    // An arrow factory, under an earlier app-level gate for its prefix; the same factory mounted twice, both gated.
    {
      code: `
import express, { Router } from 'express';
import { requireAuth, requireAdmin } from './auth';
const itemsRouter = (db) => {
  const router = Router();
  router.get('/:id', async (req, res) => res.json(await db.items.find(req.params.id)));
  return router;
};
const app = express();
app.use('/api', requireAuth);
app.use('/api/items', itemsRouter(db));
app.use('/admin/items', requireAdmin, itemsRouter(db));
`,
    },
    // A local function that returns middleware stays a guard, and this one rejects anonymous callers.
    {
      code: `
import express from 'express';
function signedIn() {
  return (req, res, next) => {
    if (!req.session.user) return res.sendStatus(401);
    next();
  };
}
function notesRouter(db) {
  const router = express.Router();
  router.get('/:id', async (req, res) => res.json(await db.notes.find(req.params.id)));
  return router;
}
const app = express();
app.use('/api/notes', signedIn(), notesRouter(db));
`,
    },
  ],
  invalid: [
    // Mounted without a gate: reported with the mount's prefix.
    {
      code: `
import express from 'express';
function exportsRouter(db) {
  const router = express.Router();
  router.get('/:id', async (req, res) => res.json(await db.exports.find(req.params.id)));
  return router;
}
const app = express();
app.use('/api/exports', exportsRouter(db));
`,
      errors: [
        {
          messageId: 'missingGate',
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 13,
          data: { route: 'GET /api/exports/:id', framework: 'express' },
          suggestions: [
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
function exportsRouter(db) {
  const router = express.Router();
  // agent-guard: public-route TODO: say why anyone may call this
  router.get('/:id', async (req, res) => res.json(await db.exports.find(req.params.id)));
  return router;
}
const app = express();
app.use('/api/exports', exportsRouter(db));
`,
            },
          ],
        },
      ],
    },
    // Mounted twice, once behind a gate and once without: the open mount is the one named.
    {
      code: `
import express from 'express';
import { requireAuth } from './auth';
const ordersRouter = (db) => {
  const router = express.Router();
  router.delete('/:id', async (req, res) => { await db.orders.remove(req.params.id); res.sendStatus(204); });
  return router;
};
const app = express();
app.use('/api/orders', requireAuth, ordersRouter(db));
app.use('/legacy/orders', ordersRouter(db));
`,
      errors: [
        {
          messageId: 'missingGate',
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 16,
          data: { route: 'DELETE /legacy/orders/:id', framework: 'express' },
          suggestions: [
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
import { requireAuth } from './auth';
const ordersRouter = (db) => {
  const router = express.Router();
  // agent-guard: public-route TODO: say why anyone may call this
  router.delete('/:id', async (req, res) => { await db.orders.remove(req.params.id); res.sendStatus(204); });
  return router;
};
const app = express();
app.use('/api/orders', requireAuth, ordersRouter(db));
app.use('/legacy/orders', ordersRouter(db));
`,
            },
          ],
        },
      ],
    },
    // A middleware factory that lets everyone through is no gate for the factory mounted after it.
    {
      code: `
import express from 'express';
function logRequests() {
  return (req, res, next) => { console.log(req.method, req.url); next(); };
}
function tagsRouter(db) {
  const router = express.Router();
  router.get('/', async (req, res) => res.json(await db.tags.all()));
  return router;
}
const app = express();
app.use('/api/tags', logRequests(), tagsRouter(db));
`,
      errors: [
        {
          messageId: 'missingGate',
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 13,
          data: { route: 'GET /api/tags', framework: 'express' },
          suggestions: [
            {
              messageId: 'markPublic',
              output: `
import express from 'express';
function logRequests() {
  return (req, res, next) => { console.log(req.method, req.url); next(); };
}
function tagsRouter(db) {
  const router = express.Router();
  // agent-guard: public-route TODO: say why anyone may call this
  router.get('/', async (req, res) => res.json(await db.tags.all()));
  return router;
}
const app = express();
app.use('/api/tags', logRequests(), tagsRouter(db));
`,
            },
          ],
        },
      ],
    },
  ],
});
