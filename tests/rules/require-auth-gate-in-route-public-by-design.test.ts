import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

/** Issue #16: routes public by design by their path (sign-in endpoints at any depth, API descriptions, Open Graph images). */
ruleTester.run('require-auth-gate-in-route: public by path', rule, {
  valid: [
    {
      code: `
import express from 'express';
const app = express();
app.post('/merchants/register', async (req, res) => res.json(await merchants.create(req.body)));
app.post('/api/v1/partners/login', async (req, res) => res.json(await partners.signIn(req.body)));
app.post('/accounts/forgot-password', async (req, res) => res.json(await sendReset(req.body.email)));
app.get('/api/v2/users/logout/:redirect', (req, res) => res.redirect(req.params.redirect));
app.get('/api/oauth/google/callback', async (req, res) => res.redirect(await finish(req.query)));
app.post('/sso/saml/acs', (req, res) => res.redirect('/'));
app.get('/api/csrf-token', (req, res) => res.json({ token: req.csrfToken() }));
app.post('/csp-report', (req, res) => res.sendStatus(204));
app.get('/openAPI-spec.json', (req, res) => res.json(spec));
app.get('/api-docs', (req, res) => res.json(spec));
app.get('/api/og/:slug', (req, res) => res.send(image));
app.get('/api/og-image', (req, res) => res.send(image));
app.get('/api/og_image_poll/:id', (req, res) => res.send(image));
app.get('/api/v1/client/og', (req, res) => res.send(image));
app.get('/api/private/openapi', (req, res) => res.json(spec));
app.get('/v2/docs/openapi.json', (req, res) => res.json(spec));
app.get('/docs', (req, res) => res.send(page));
`,
    },
    {
      // A computed prefix leaves the written tail to judge; health checks of parts; web app manifests at any depth.
      code: `
import express from 'express';
const app = express();
app.get(\`\${apiRoot}/openapi.json\`, (req, res) => res.json(definition));
app.get(\`\${config.basePath}/docs/openapi.json\`, (req, res) => res.json(definition));
app.post(\`\${basePath}/auth/demo/login\`, async (req, res) => res.json(await signIn(req.body.email)));
app.get('/health/data-provider/:name', async (req, res) => res.json(await probe(req.params.name)));
app.get('/api/assets/:languageCode/site.webmanifest', (req, res) => res.json(manifestFor(req.params.languageCode)));
`,
      filename: 'server.js',
    },
    // Sign-in endpoints under other names and with a step after them in the segment; health checks at any depth of static segments.
    {
      code: `
import express from 'express';
const app = express();
app.post('/customer/login_action', async (req, res) => res.json(await customers.signIn(req.body)));
app.post('/admin/loginAction', async (req, res) => res.json(await admins.signIn(req.body)));
app.get('/customer/forgotten', (req, res) => res.render('forgotten', { shop: req.app.locals.shop }));
app.post('/customer/forgotten_action', async (req, res) => res.json(await sendReset(req.body.email)));
app.post('/api/password-reset/:passwordResetId', async (req, res) => res.json(await resetWith(req.params.passwordResetId, req.body)));
app.get('/login-reset/:token', async (req, res) => res.render('reset', await resetFor(req.params.token)));
app.get('/api/auth/login-methods', async (req, res) => res.json(await loginMethods()));
app.post('/accounts/reset-password-request', async (req, res) => res.json(await requestReset(req.body.email)));
app.get('/monitoring/health', async (req, res) => res.json(await probeAll()));
app.get('/api/v1/system/health-check', async (req, res) => res.json(await probeAll()));
app.get('/internal/readyz', async (req, res) => res.json(await ready()));
`,
      filename: 'server.js',
    },
    // The same for a path too long to be remembered, asked twice.
    {
      code: `import express from 'express';\nconst app = express();\napp.post('/${'tenant/'.repeat(80)}login', (req, res) => res.json(signIn(req.body)));\napp.post('/${'tenant/'.repeat(80)}login', (req, res) => res.json(signIn(req.body)));\n`,
      filename: 'server.js',
    },
    // The catch-all read registered last (the SPA shell, the 404 page) and CORS preflights.
    {
      code: `
import express from 'express';
const app = express();
app.use('/api', requireUser, api);
app.options('/api/*', (req, res) => res.set('Access-Control-Allow-Origin', origin).sendStatus(204));
app.options('*', cors());
app.get('*', (req, res) => res.sendFile(indexHtml));
`,
      filename: 'server.js',
    },
    // A sign-in step after the endpoint: the credential check itself, whose call is decided in its then/catch.
    {
      code: `
const router = require('express').Router();
router.post('/login/auth', (req, res) => {
  auth(req.body.name, req.body.password)
    .then(() => res.redirect('/'))
    .catch(() => res.redirect('/login?failed=1'));
});
router.post('/api/login/token', async (req, res) => res.json(await issueToken(req.body)));
module.exports = router;
`,
      filename: 'routes/login.js',
    },
    {
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.post('/tenants/sign-up', async (c) => c.json(await tenants.create(await c.req.json())));
app.get('/blog/:slug/opengraph-image', (c) => c.body(render()));
`,
    },
    {
      code: `
import { Router } from 'express';
const router: Router = Router();
router.post('/partners/signIn', async (req, res) => {
  res.json(await partners.signIn(req.body));
});
router.get('/account/reset-password/:token', (req, res) => res.render('reset', { token: req.params.token }));
export default router;
`,
      filename: 'src/routes/partners.ts',
    },
    {
      // File-routed: the URL comes from the file's path.
      code: `
export async function POST(request: Request) {
  return Response.json(await partners.signIn(await request.json()));
}
`,
      filename: 'app/api/partners/login/route.ts',
    },
    {
      code: `
export async function POST({ request }) {
  return new Response(JSON.stringify(await merchants.create(await request.json())));
}
`,
      filename: 'src/routes/merchants/register/+server.js',
    },
    {
      code: `
import { json } from '@remix-run/node';
export async function action({ request }) {
  return json(await partners.signIn(await request.formData()));
}
`,
      filename: 'app/routes/partners.login.tsx',
    },
  ],
  invalid: [
    // A path too long to be remembered is judged the same way, each time it is asked.
    {
      code: `import express from 'express';\nconst app = express();\napp.post('/${'tenant/'.repeat(80)}notes', (req, res) => res.json(notes.add(req.body)));\napp.post('/${'tenant/'.repeat(80)}notes', (req, res) => res.json(notes.add(req.body)));\n`,
      errors: [3, 4].map((line) => ({
        messageId: 'missingGate' as const,
        line,
        column: 5,
        endLine: line,
        endColumn: 9,
        suggestions: [{
          messageId: 'markPublic' as const,
          output: `import express from 'express';\nconst app = express();\n${line === 3 ? '// agent-guard: public-route TODO: say why anyone may call this\n' : ''}app.post('/${'tenant/'.repeat(80)}notes', (req, res) => res.json(notes.add(req.body)));\n${line === 4 ? '// agent-guard: public-route TODO: say why anyone may call this\n' : ''}app.post('/${'tenant/'.repeat(80)}notes', (req, res) => res.json(notes.add(req.body)));\n`,
        }],
      })),
    },
    // Look-alikes of the compound sign-in segments and of health checks: another word after the endpoint, someone's data, a write.
    ...[
      ["app.get('/login-as/:userId', async (req, res) => res.json(await impersonate(req.params.userId)));", 'get', 'GET /login-as/:userId'],
      ["app.post('/register-device', async (req, res) => res.json(await devices.add(req.body)));", 'post', 'POST /register-device'],
      ["app.get('/admin/login_attempts', async (req, res) => res.json(await attempts.all()));", 'get', 'GET /admin/login_attempts'],
      ["app.get('/api/patients/:id/health', async (req, res) => res.json(await records.health(req.params.id)));", 'get', 'GET /api/patients/:id/health'],
      ["app.post('/monitoring/health', async (req, res) => res.json(await resetProbes(req.body)));", 'post', 'POST /monitoring/health'],
      ["app.get('/password/reset-tokens', async (req, res) => res.json(await tokens.all()));", 'get', 'GET /password/reset-tokens'],
    ].map(([line, method, route]) => ({
      code: `import express from 'express';\nconst app = express();\n${line}\n`,
      errors: [{
        messageId: 'missingGate' as const,
        line: 3,
        column: 5,
        endLine: 3,
        endColumn: 5 + method!.length,
        data: { route, framework: 'express' },
        suggestions: [{ messageId: 'markPublic' as const, output: `import express from 'express';\nconst app = express();\n// agent-guard: public-route TODO: say why anyone may call this\n${line}\n` }],
      }],
    })),
    {
      // After a computed prefix only a written tail that says so is public: not data, and not a write.
      code: `
import express from 'express';
const app = express();
app.get(\`\${apiRoot}/users\`, (req, res) => res.json(users));
app.post(\`\${apiRoot}/openapi.json\`, (req, res) => res.json(save(req.body)));
app.get('/healthcare/patients', (req, res) => res.json(patients));
`,
      filename: 'server.js',
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET (dynamic path)', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get(\`\${apiRoot}/users\`, (req, res) => res.json(users));
app.post(\`\${apiRoot}/openapi.json\`, (req, res) => res.json(save(req.body)));
app.get('/healthcare/patients', (req, res) => res.json(patients));
` }] },
        { messageId: 'missingGate', line: 5, column: 5, endLine: 5, endColumn: 9, data: { route: 'POST (dynamic path)', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get(\`\${apiRoot}/users\`, (req, res) => res.json(users));
// agent-guard: public-route TODO: say why anyone may call this
app.post(\`\${apiRoot}/openapi.json\`, (req, res) => res.json(save(req.body)));
app.get('/healthcare/patients', (req, res) => res.json(patients));
` }] },
        { messageId: 'missingGate', line: 6, column: 5, endLine: 6, endColumn: 8, data: { route: 'GET /healthcare/patients', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get(\`\${apiRoot}/users\`, (req, res) => res.json(users));
app.post(\`\${apiRoot}/openapi.json\`, (req, res) => res.json(save(req.body)));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/healthcare/patients', (req, res) => res.json(patients));
` }] },
      ],
    },
    {
      // Bundled files and translations are public by their whole first segment: look-alikes are data.
      code: `
import express from 'express';
const app = express();
app.get('/statistics/revenue', (req, res) => res.json(revenueReport()));
app.get('/api/localesettings/:userId', (req, res) => res.json(settingsOf(req.params.userId)));
`,
      filename: 'server.js',
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /statistics/revenue', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/statistics/revenue', (req, res) => res.json(revenueReport()));
app.get('/api/localesettings/:userId', (req, res) => res.json(settingsOf(req.params.userId)));
` }] },
        { messageId: 'missingGate', line: 5, column: 5, endLine: 5, endColumn: 8, data: { route: 'GET /api/localesettings/:userId', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/statistics/revenue', (req, res) => res.json(revenueReport()));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/api/localesettings/:userId', (req, res) => res.json(settingsOf(req.params.userId)));
` }] },
      ],
    },
    {
      // An API description is a read: a write to the same path is not one.
      code: `
import express from 'express';
const app = express();
app.put('/api/private/openapi', (req, res) => res.json(saveSpec(req.body)));
`,
      filename: 'server.js',
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'PUT /api/private/openapi', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.put('/api/private/openapi', (req, res) => res.json(saveSpec(req.body)));
` }] },
      ],
    },
    {
      // Open Graph images are reads: a write under `og` is not one, nor a segment that only starts with the letters.
      code: `
import express from 'express';
const app = express();
app.post('/api/og-image', (req, res) => res.json(save(req.body)));
app.get('/api/ogre/:id', (req, res) => res.json(lookup(req.params.id)));
`,
      filename: 'server.js',
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 9, data: { route: 'POST /api/og-image', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.post('/api/og-image', (req, res) => res.json(save(req.body)));
app.get('/api/ogre/:id', (req, res) => res.json(lookup(req.params.id)));
` }] },
        { messageId: 'missingGate', line: 5, column: 5, endLine: 5, endColumn: 8, data: { route: 'GET /api/ogre/:id', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.post('/api/og-image', (req, res) => res.json(save(req.body)));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/api/ogre/:id', (req, res) => res.json(lookup(req.params.id)));
` }] },
      ],
    },
    {
      // A catch-all that writes, and a catch-all under the API: not the page shell.
      code: `
import express from 'express';
const app = express();
app.post('*', (req, res) => res.json(save(req.body)));
app.get('/api/*', (req, res) => res.json(lookup(req.path)));
`,
      filename: 'server.js',
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 9, data: { route: 'POST *', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.post('*', (req, res) => res.json(save(req.body)));
app.get('/api/*', (req, res) => res.json(lookup(req.path)));
` }] },
        { messageId: 'missingGate', line: 5, column: 5, endLine: 5, endColumn: 8, data: { route: 'GET /api/*', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.post('*', (req, res) => res.json(save(req.body)));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/api/*', (req, res) => res.json(lookup(req.path)));
` }] },
      ],
    },
    {
      // Look-alikes: the word inside a longer segment, after a resource, or followed by more path.
      code: `
import express from 'express';
const app = express();
app.get('/admin/login-history', (req, res) => res.json(history));
app.get('/api/users/:id/callbacks', (req, res) => res.json(callbacks));
app.delete('/registerations-admin', (req, res) => res.sendStatus(db.drop()));
app.post('/events/:id/register', (req, res) => res.json(register(req.params.id)));
app.post('/register/admin', (req, res) => res.json(createAdmin(req.body)));
app.get('/api/docs', (req, res) => res.json(documents));
app.post('/openapi.json', (req, res) => res.json(save(req.body)));
app.get('/api/articles/feed', (req, res) => res.json(feed));
app.get('/login/auth/history', (req, res) => res.json(history));
`,
      filename: 'server.js',
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /admin/login-history', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/admin/login-history', (req, res) => res.json(history));
app.get('/api/users/:id/callbacks', (req, res) => res.json(callbacks));
app.delete('/registerations-admin', (req, res) => res.sendStatus(db.drop()));
app.post('/events/:id/register', (req, res) => res.json(register(req.params.id)));
app.post('/register/admin', (req, res) => res.json(createAdmin(req.body)));
app.get('/api/docs', (req, res) => res.json(documents));
app.post('/openapi.json', (req, res) => res.json(save(req.body)));
app.get('/api/articles/feed', (req, res) => res.json(feed));
app.get('/login/auth/history', (req, res) => res.json(history));
` }] },
        { messageId: 'missingGate', line: 5, column: 5, endLine: 5, endColumn: 8, data: { route: 'GET /api/users/:id/callbacks', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/admin/login-history', (req, res) => res.json(history));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/api/users/:id/callbacks', (req, res) => res.json(callbacks));
app.delete('/registerations-admin', (req, res) => res.sendStatus(db.drop()));
app.post('/events/:id/register', (req, res) => res.json(register(req.params.id)));
app.post('/register/admin', (req, res) => res.json(createAdmin(req.body)));
app.get('/api/docs', (req, res) => res.json(documents));
app.post('/openapi.json', (req, res) => res.json(save(req.body)));
app.get('/api/articles/feed', (req, res) => res.json(feed));
app.get('/login/auth/history', (req, res) => res.json(history));
` }] },
        { messageId: 'missingGate', line: 6, column: 5, endLine: 6, endColumn: 11, data: { route: 'DELETE /registerations-admin', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/admin/login-history', (req, res) => res.json(history));
app.get('/api/users/:id/callbacks', (req, res) => res.json(callbacks));
// agent-guard: public-route TODO: say why anyone may call this
app.delete('/registerations-admin', (req, res) => res.sendStatus(db.drop()));
app.post('/events/:id/register', (req, res) => res.json(register(req.params.id)));
app.post('/register/admin', (req, res) => res.json(createAdmin(req.body)));
app.get('/api/docs', (req, res) => res.json(documents));
app.post('/openapi.json', (req, res) => res.json(save(req.body)));
app.get('/api/articles/feed', (req, res) => res.json(feed));
app.get('/login/auth/history', (req, res) => res.json(history));
` }] },
        { messageId: 'missingGate', line: 7, column: 5, endLine: 7, endColumn: 9, data: { route: 'POST /events/:id/register', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/admin/login-history', (req, res) => res.json(history));
app.get('/api/users/:id/callbacks', (req, res) => res.json(callbacks));
app.delete('/registerations-admin', (req, res) => res.sendStatus(db.drop()));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/events/:id/register', (req, res) => res.json(register(req.params.id)));
app.post('/register/admin', (req, res) => res.json(createAdmin(req.body)));
app.get('/api/docs', (req, res) => res.json(documents));
app.post('/openapi.json', (req, res) => res.json(save(req.body)));
app.get('/api/articles/feed', (req, res) => res.json(feed));
app.get('/login/auth/history', (req, res) => res.json(history));
` }] },
        { messageId: 'missingGate', line: 8, column: 5, endLine: 8, endColumn: 9, data: { route: 'POST /register/admin', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/admin/login-history', (req, res) => res.json(history));
app.get('/api/users/:id/callbacks', (req, res) => res.json(callbacks));
app.delete('/registerations-admin', (req, res) => res.sendStatus(db.drop()));
app.post('/events/:id/register', (req, res) => res.json(register(req.params.id)));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/register/admin', (req, res) => res.json(createAdmin(req.body)));
app.get('/api/docs', (req, res) => res.json(documents));
app.post('/openapi.json', (req, res) => res.json(save(req.body)));
app.get('/api/articles/feed', (req, res) => res.json(feed));
app.get('/login/auth/history', (req, res) => res.json(history));
` }] },
        { messageId: 'missingGate', line: 9, column: 5, endLine: 9, endColumn: 8, data: { route: 'GET /api/docs', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/admin/login-history', (req, res) => res.json(history));
app.get('/api/users/:id/callbacks', (req, res) => res.json(callbacks));
app.delete('/registerations-admin', (req, res) => res.sendStatus(db.drop()));
app.post('/events/:id/register', (req, res) => res.json(register(req.params.id)));
app.post('/register/admin', (req, res) => res.json(createAdmin(req.body)));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/api/docs', (req, res) => res.json(documents));
app.post('/openapi.json', (req, res) => res.json(save(req.body)));
app.get('/api/articles/feed', (req, res) => res.json(feed));
app.get('/login/auth/history', (req, res) => res.json(history));
` }] },
        { messageId: 'missingGate', line: 10, column: 5, endLine: 10, endColumn: 9, data: { route: 'POST /openapi.json', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/admin/login-history', (req, res) => res.json(history));
app.get('/api/users/:id/callbacks', (req, res) => res.json(callbacks));
app.delete('/registerations-admin', (req, res) => res.sendStatus(db.drop()));
app.post('/events/:id/register', (req, res) => res.json(register(req.params.id)));
app.post('/register/admin', (req, res) => res.json(createAdmin(req.body)));
app.get('/api/docs', (req, res) => res.json(documents));
// agent-guard: public-route TODO: say why anyone may call this
app.post('/openapi.json', (req, res) => res.json(save(req.body)));
app.get('/api/articles/feed', (req, res) => res.json(feed));
app.get('/login/auth/history', (req, res) => res.json(history));
` }] },
        { messageId: 'missingGate', line: 11, column: 5, endLine: 11, endColumn: 8, data: { route: 'GET /api/articles/feed', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/admin/login-history', (req, res) => res.json(history));
app.get('/api/users/:id/callbacks', (req, res) => res.json(callbacks));
app.delete('/registerations-admin', (req, res) => res.sendStatus(db.drop()));
app.post('/events/:id/register', (req, res) => res.json(register(req.params.id)));
app.post('/register/admin', (req, res) => res.json(createAdmin(req.body)));
app.get('/api/docs', (req, res) => res.json(documents));
app.post('/openapi.json', (req, res) => res.json(save(req.body)));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/api/articles/feed', (req, res) => res.json(feed));
app.get('/login/auth/history', (req, res) => res.json(history));
` }] },
        { messageId: 'missingGate', line: 12, column: 5, endLine: 12, endColumn: 8, data: { route: 'GET /login/auth/history', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/admin/login-history', (req, res) => res.json(history));
app.get('/api/users/:id/callbacks', (req, res) => res.json(callbacks));
app.delete('/registerations-admin', (req, res) => res.sendStatus(db.drop()));
app.post('/events/:id/register', (req, res) => res.json(register(req.params.id)));
app.post('/register/admin', (req, res) => res.json(createAdmin(req.body)));
app.get('/api/docs', (req, res) => res.json(documents));
app.post('/openapi.json', (req, res) => res.json(save(req.body)));
app.get('/api/articles/feed', (req, res) => res.json(feed));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/login/auth/history', (req, res) => res.json(history));
` }] },
      ],
    },
    {
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.post('/orgs/:org/sso', async (c) => c.json(await saveSso(await c.req.json())));
app.get('/settings/sso-config', (c) => c.json(config));
`,
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 9, data: { route: 'POST /orgs/:org/sso', framework: 'hono' }, suggestions: [{ messageId: 'markPublic', output: `
import { Hono } from 'hono';
const app = new Hono();
// agent-guard: public-route TODO: say why anyone may call this
app.post('/orgs/:org/sso', async (c) => c.json(await saveSso(await c.req.json())));
app.get('/settings/sso-config', (c) => c.json(config));
` }] },
        { messageId: 'missingGate', line: 5, column: 5, endLine: 5, endColumn: 8, data: { route: 'GET /settings/sso-config', framework: 'hono' }, suggestions: [{ messageId: 'markPublic', output: `
import { Hono } from 'hono';
const app = new Hono();
app.post('/orgs/:org/sso', async (c) => c.json(await saveSso(await c.req.json())));
// agent-guard: public-route TODO: say why anyone may call this
app.get('/settings/sso-config', (c) => c.json(config));
` }] },
      ],
    },
  ],
});
