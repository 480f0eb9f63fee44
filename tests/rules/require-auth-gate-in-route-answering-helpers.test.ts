import { createRuleTester } from '../rule-tester';
import rule from '../../src/rules/require-auth-gate-in-route';

const ruleTester = createRuleTester();

/**
 * A gate helper called as a statement (`requireLogin(req, res);`) whose body answers anonymous
 * requests (a redirect, a 401) but neither throws nor stops its caller is no gate: the handler
 * goes on and does its work for everyone. Helpers that throw, results that are tested, a return
 * after the call and middleware with `next()` stay gates.
 */
ruleTester.run('require-auth-gate-in-route (helpers that answer and let the handler go on)', rule, {
  valid: [
    // a gate of the same file whose name says nothing is read from its body, as an imported one is: it throws
    `
import express from 'express';
const app = express();
function verificar(req) {
  if (!req.session.usuario) {
    throw new HttpError(401);
  }
}
app.get('/pedidos', (req, res) => {
  verificar(req);
  res.json(listOrders());
});
`,
    // the home page without any gate attempt stays public
    `
import express from 'express';
const app = express();
app.get('/', (req, res) => res.render('home', { products: listProducts() }));
`,
    // the helper's result decides: `if (!requireLogin(req, res)) return;`
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
function requireLogin(req, res) {
  if (!req.session.userId) {
    res.redirect('/login');
    return false;
  }
  return true;
}
router.get('/orders', async (req, res) => {
  if (!requireLogin(req, res)) return;
  res.render('orders', { orders: await db.orders.all() });
});
module.exports = router;
`,
    },
    // its result used: `return requireLogin(req, res) && listOrders(req, res)`
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
function requireLogin(req, res) {
  if (!req.session.userId) {
    res.redirect('/login');
    return false;
  }
  return true;
}
router.get('/orders', (req, res) => {
  return requireLogin(req, res) && listOrders(req, res);
});
module.exports = router;
`,
    },
    // a helper that throws after answering stops the handler
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
function requireLogin(req, res) {
  if (!req.session.userId) {
    res.status(401);
    throw new Error('Sign in first');
  }
}
router.post('/orders', async (req, res) => {
  requireLogin(req, res);
  res.json(await db.orders.create(req.body));
});
module.exports = router;
`,
    },
    // handed only the request: the helper cannot answer, so it throws (or is trusted by its name)
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
router.post('/orders', async (req, res) => {
  await requireUser(req);
  res.json(await db.orders.create(req.body));
});
module.exports = router;
`,
    },
    // middleware with next(): the route never reaches the handler for anonymous requests
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
function requireLogin(req, res, next) {
  if (!req.session.userId) {
    return res.redirect('/login');
  }
  next();
}
router.post('/orders', requireLogin, async (req, res) => {
  res.json(await db.orders.create(req.body));
});
module.exports = router;
`,
    },
    // a bare call followed by a test of whether it answered
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
function requireLogin(req, res) {
  if (!req.session.userId) {
    res.redirect('/login');
  }
}
router.delete('/orders/:id', async (req, res) => {
  requireLogin(req, res);
  if (res.headersSent) return;
  await db.orders.remove(req.params.id);
  res.sendStatus(204);
});
module.exports = router;
`,
    },
    // a bare call followed by return
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
function requireLogin(req, res) {
  if (!req.session.userId) {
    res.redirect('/login');
  }
}
router.get('/orders/check', (req, res) => {
  requireLogin(req, res);
  return;
});
module.exports = router;
`,
    },
    // the helper answers through a redirect() that throws (Next.js, Remix): it stops the caller
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
function ensureSession(req, res) {
  if (!req.session.userId) {
    redirect('/login');
  }
}
router.post('/orders', async (req, res) => {
  ensureSession(req, res);
  res.json(await db.orders.create(req.body));
});
module.exports = router;
`,
    },
    // a helper that hands the response on cannot be read to the end: its name is trusted
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
function requireLogin(req, res) {
  if (!req.session.userId) {
    denyAccess(res);
  }
}
router.post('/orders', async (req, res) => {
  requireLogin(req, res);
  res.json(await db.orders.create(req.body));
});
module.exports = router;
`,
    },
    // a helper that reads req.user.id throws for anonymous requests before the handler goes on
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
function requireOwner(req, res) {
  if (req.user.id !== req.params.owner) {
    res.status(403).end();
  }
}
router.post('/orders/:owner', async (req, res) => {
  requireOwner(req, res);
  res.json(await db.orders.create(req.body));
});
module.exports = router;
`,
    },
  ],
  invalid: [
    // a gate of the same file whose name says nothing: its body redirects without stopping the handler
    {
      code: `
import express from 'express';
const app = express();
function checkLogged(req, res) {
  if (!req.session.user) {
    res.redirect('/login');
  }
}
app.get('/orders', (req, res) => {
  checkLogged(req, res);
  res.render('orders', { orders: listOrders() });
});
`,
      errors: [
        {
          messageId: 'gateDoesNotStop',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 24,
          data: { route: 'GET /orders', framework: 'express', call: 'checkLogged()', answer: 'with a redirect' },
        },
      ],
    },
    // the home page is public, but a gate it tries and that does not stop the request is reported
    {
      code: `
import express from 'express';
const app = express();
function requireLogin(req, res) {
  if (!req.session.user) {
    res.redirect('/login');
  }
}
app.get('/', (req, res) => {
  requireLogin(req, res);
  res.render('home', { orders: listOrders() });
});
`,
      errors: [
        {
          messageId: 'gateDoesNotStop',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 25,
          data: { route: 'GET /', framework: 'express', call: 'requireLogin()', answer: 'with a redirect' },
        },
      ],
    },
    // the redirect is sent, and the order is cancelled anyway
    {
      filename: 'routes/orders.js',
      code: `
const router = require('express').Router();
function requireLogin(req, res) {
  if (!req.session.userId) {
    res.redirect('/login?next=' + req.url);
  }
}
router.post('/orders/:id/cancel', async (req, res) => {
  requireLogin(req, res);
  await db.orders.cancel(req.params.id);
  res.redirect('/orders');
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'gateDoesNotStop',
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 25,
          data: { route: 'POST /orders/:id/cancel', framework: 'express', call: 'requireLogin()', answer: 'with a redirect' },
        },
      ],
    },
    // awaited, answering 401
    {
      filename: 'routes/reports.js',
      code: `
const router = require('express').Router();
async function requireAuth(req, res) {
  if (!req.headers.authorization) {
    res.status(401).send('Unauthorized');
  }
}
router.delete('/reports/:id', async (req, res) => {
  await requireAuth(req, res);
  await db.reports.remove(req.params.id);
  res.sendStatus(204);
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'gateDoesNotStop',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 30,
          data: { route: 'DELETE /reports/:id', framework: 'express', call: 'requireAuth()', answer: 'with 401' },
        },
      ],
    },
    // Koa: the helper sets ctx.status and ctx.body, the handler still inserts
    {
      filename: 'routes/notes.js',
      code: `
const Router = require('@koa/router');
const router = new Router();
function ensureUser(ctx) {
  if (!ctx.session.userId) {
    ctx.status = 401;
    ctx.body = { error: 'Sign in first' };
  }
}
router.post('/notes', async (ctx) => {
  ensureUser(ctx);
  await notes.insert(ctx.request.body);
  ctx.body = { ok: true };
});
module.exports = router;
`,
      errors: [
        {
          messageId: 'gateDoesNotStop',
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 18,
          data: { route: 'POST /notes', framework: 'koa', call: 'ensureUser()', answer: 'with 401' },
        },
      ],
    },
  ],
});
