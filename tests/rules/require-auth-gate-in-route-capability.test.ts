import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

/** Issue #16: capability links. A secret of the request looked up or compared before the answer gates the route. */
ruleTester.run('require-auth-gate-in-route: capability links', rule, {
  valid: [
    {
      // Invitation accept link: the token in the path is looked up, a miss answers 404.
      code: `
import express from 'express';
const app = express();
app.post('/invites/:token/accept', async (req, res) => {
  const invite = await db.invite.findUnique({ where: { token: req.params.token } });
  if (!invite) return res.status(404).end();
  await db.member.create({ data: { orgId: invite.orgId, email: invite.email } });
  res.json({ ok: true });
});
`,
    },
    {
      // Share link: the document is found by id, then the query token compared; a mismatch answers 404.
      code: `
const express = require('express');
const router = express.Router();
router.get('/share/:id', (req, res) => {
  const doc = docs.get(req.params.id);
  if (!doc || doc.shareToken !== req.query.token) return res.sendStatus(404);
  res.json(doc);
});
module.exports = router;
`,
      filename: 'routes/share.js',
    },
    {
      // Destructured body values: a one-time code verified, a reset token redeemed.
      code: `
import express from 'express';
const app = express();
app.post('/password/confirm', async (req, res) => {
  const { resetToken: t, password } = req.body;
  const row = await tokens.findOne({ tokenHash: sha256(t) });
  if (!row) throw new HttpError(410, 'expired');
  await users.setPassword(row.userId, password);
  res.sendStatus(204);
});
app.post('/mfa/confirm', async (req, res) => {
  const { email, otp } = req.body;
  const ok = await verifyOtpFor(email, otp);
  if (!ok) return res.sendStatus(401);
  res.json(await issueSession(email));
});
`,
    },
    {
      // Signed download link: the signature compared in constant time before the file is sent.
      code: `
import express from 'express';
import crypto from 'node:crypto';
const app = express();
app.get('/files/:id/download', (req, res) => {
  const sig = String(req.query.sig);
  const expected = sign(req.params.id);
  if (!crypto.timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return res.sendStatus(403);
  res.sendFile(pathOf(req.params.id));
});
`,
    },
    {
      // Hono unsubscribe link, SQLite lookup through a prepared statement.
      code: `
import { Hono } from 'hono';
const app = new Hono();
app.get('/unsubscribe', async (c) => {
  const token = c.req.query('token');
  const row = db.prepare('SELECT email FROM subscribers WHERE token = ?').get(token);
  if (!row) return c.notFound();
  db.prepare('DELETE FROM subscribers WHERE token = ?').run(token);
  return c.text('unsubscribed');
});
`,
    },
    {
      // An API key from a header, looked up.
      code: `
import express from 'express';
const app = express();
app.post('/ingest', async (req, res) => {
  const client = await Client.findOne({ apiKey: req.header('x-api-key') });
  if (!client) return res.sendStatus(401);
  res.json(await ingest(client.id, req.body));
});
`,
    },
    {
      // Next.js route handler: a lookup that throws on a miss.
      code: `
export async function GET(request: Request, { params }: { params: { token: string } }) {
  const link = await prisma.shareLink.findUniqueOrThrow({ where: { token: params.token } });
  return Response.json(link.document);
}
`,
      filename: 'app/api/share/[token]/route.ts',
    },
    {
      // NestJS: the token bound by \`@Param('token')\` looked up, a miss throws.
      code: `
import { Controller, NotFoundException, Param, Post } from '@nestjs/common';

@Controller('invitations')
export class InvitationsController {
  @Post(':token/decline')
  async decline(@Param('token') token: string) {
    const invitation = await this.invitations.findByToken(token);
    if (!invitation) throw new NotFoundException();
    return this.invitations.decline(invitation.id);
  }
}
`,
    },
    {
      // SvelteKit: the path's \`[code]\` compared before the answer.
      code: `
import { error, json } from '@sveltejs/kit';
export async function POST({ params, request }) {
  const share = await db.share.findFirst({ where: { code: params.code } });
  if (!share) throw error(404, 'not found');
  return json(await addComment(share.documentId, await request.json()));
}
`,
      filename: 'src/routes/api/share/[code]/+server.js',
    },
  ],
  invalid: [
    {
      // An \`:id\` looked up is not a secret.
      code: `
import express from 'express';
const app = express();
app.get('/invites/:id', async (req, res) => {
  const invite = await db.invite.findUnique({ where: { id: req.params.id } });
  if (!invite) return res.sendStatus(404);
  res.json(invite);
});
`,
      errors: [{ messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /invites/:id', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/invites/:id', async (req, res) => {
  const invite = await db.invite.findUnique({ where: { id: req.params.id } });
  if (!invite) return res.sendStatus(404);
  res.json(invite);
});
` }] }],
    },
    {
      // NestJS and SvelteKit: an id or slug looked up, no secret.
      code: `
import { Controller, NotFoundException, Param, Post } from '@nestjs/common';

@Controller('invitations')
export class InvitationsController {
  @Post(':id/accept')
  async accept(@Param('id') id: string) {
    const invitation = await this.invitations.findOne(id);
    if (!invitation) throw new NotFoundException();
    return this.invitations.accept(invitation.id);
  }
}
`,
      errors: [{ messageId: 'missingGate', line: 6, column: 3, endLine: 6, endColumn: 22, data: { route: 'POST /invitations/:id/accept', framework: 'nest' }, suggestions: [{ messageId: 'markPublic', output: `
import { Controller, NotFoundException, Param, Post } from '@nestjs/common';

@Controller('invitations')
export class InvitationsController {
  // agent-guard: public-route TODO: say why anyone may call this
  @Post(':id/accept')
  async accept(@Param('id') id: string) {
    const invitation = await this.invitations.findOne(id);
    if (!invitation) throw new NotFoundException();
    return this.invitations.accept(invitation.id);
  }
}
` }] }],
    },
    {
      code: `
import { error, json } from '@sveltejs/kit';
export async function DELETE({ params }) {
  const post = await db.post.findFirst({ where: { slug: params.slug } });
  if (!post) throw error(404, 'not found');
  await db.post.delete({ where: { id: post.id } });
  return json({ ok: true });
}
`,
      filename: 'src/routes/api/posts/[slug]/+server.js',
      errors: [{ messageId: 'missingGate', line: 3, column: 23, endLine: 3, endColumn: 29, data: { route: 'DELETE /api/posts/[slug]', framework: 'sveltekit' }, suggestions: [{ messageId: 'markPublic', output: `
import { error, json } from '@sveltejs/kit';
// agent-guard: public-route TODO: say why anyone may call this
export async function DELETE({ params }) {
  const post = await db.post.findFirst({ where: { slug: params.slug } });
  if (!post) throw error(404, 'not found');
  await db.post.delete({ where: { id: post.id } });
  return json({ ok: true });
}
` }] }],
    },
    {
      // A token only checked for presence or validated, or looked up without the result deciding anything.
      code: `
import express from 'express';
const app = express();
app.get('/export', (req, res) => {
  if (!req.query.token || req.query.token === undefined) return res.sendStatus(400);
  res.json(allOrders);
});
app.post('/claim', async (req, res) => {
  const token = schema.parse(req.body.token);
  if (!token) return res.sendStatus(400);
  res.json(await claimAll());
});
app.post('/accept', async (req, res) => {
  const invite = await db.invite.findFirst({ where: { token: req.body.token } });
  res.json({ ok: true, invite });
});
`,
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 8, data: { route: 'GET /export', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.get('/export', (req, res) => {
  if (!req.query.token || req.query.token === undefined) return res.sendStatus(400);
  res.json(allOrders);
});
app.post('/claim', async (req, res) => {
  const token = schema.parse(req.body.token);
  if (!token) return res.sendStatus(400);
  res.json(await claimAll());
});
app.post('/accept', async (req, res) => {
  const invite = await db.invite.findFirst({ where: { token: req.body.token } });
  res.json({ ok: true, invite });
});
` }] },
        { messageId: 'missingGate', line: 8, column: 5, endLine: 8, endColumn: 9, data: { route: 'POST /claim', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/export', (req, res) => {
  if (!req.query.token || req.query.token === undefined) return res.sendStatus(400);
  res.json(allOrders);
});
// agent-guard: public-route TODO: say why anyone may call this
app.post('/claim', async (req, res) => {
  const token = schema.parse(req.body.token);
  if (!token) return res.sendStatus(400);
  res.json(await claimAll());
});
app.post('/accept', async (req, res) => {
  const invite = await db.invite.findFirst({ where: { token: req.body.token } });
  res.json({ ok: true, invite });
});
` }] },
        { messageId: 'missingGate', line: 13, column: 5, endLine: 13, endColumn: 9, data: { route: 'POST /accept', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
import express from 'express';
const app = express();
app.get('/export', (req, res) => {
  if (!req.query.token || req.query.token === undefined) return res.sendStatus(400);
  res.json(allOrders);
});
app.post('/claim', async (req, res) => {
  const token = schema.parse(req.body.token);
  if (!token) return res.sendStatus(400);
  res.json(await claimAll());
});
// agent-guard: public-route TODO: say why anyone may call this
app.post('/accept', async (req, res) => {
  const invite = await db.invite.findFirst({ where: { token: req.body.token } });
  res.json({ ok: true, invite });
});
` }] },
      ],
    },
    {
      // Names that are not secrets (a country code, a push token, a bare `key`) and a token the server made itself.
      code: `
const express = require('express');
const app = express();
app.delete('/countries/:countryCode', async (req, res) => {
  const country = await Country.findOne({ code: req.params.countryCode });
  if (!country) return res.sendStatus(404);
  await country.deleteOne();
  res.sendStatus(204);
});
app.post('/devices', async (req, res) => {
  const { pushToken } = req.body;
  const existing = await Device.findOne({ pushToken });
  if (existing) return res.json(existing);
  res.json(await Device.create({ pushToken }));
});
app.get('/snippets/fixes/:key', (req, res) => {
  const fixes = readFixes(req.params.key);
  if (!fixes) return res.status(404).json({ error: 'no such challenge' });
  res.json(fixes);
});
app.post('/tickets', async (req, res) => {
  const token = crypto.randomUUID();
  const clash = await Ticket.findOne({ token });
  if (clash) return res.sendStatus(409);
  res.json(await Ticket.create({ token, ...req.body }));
});
`,
      filename: 'server.js',
      errors: [
        { messageId: 'missingGate', line: 4, column: 5, endLine: 4, endColumn: 11, data: { route: 'DELETE /countries/:countryCode', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
const express = require('express');
const app = express();
// agent-guard: public-route TODO: say why anyone may call this
app.delete('/countries/:countryCode', async (req, res) => {
  const country = await Country.findOne({ code: req.params.countryCode });
  if (!country) return res.sendStatus(404);
  await country.deleteOne();
  res.sendStatus(204);
});
app.post('/devices', async (req, res) => {
  const { pushToken } = req.body;
  const existing = await Device.findOne({ pushToken });
  if (existing) return res.json(existing);
  res.json(await Device.create({ pushToken }));
});
app.get('/snippets/fixes/:key', (req, res) => {
  const fixes = readFixes(req.params.key);
  if (!fixes) return res.status(404).json({ error: 'no such challenge' });
  res.json(fixes);
});
app.post('/tickets', async (req, res) => {
  const token = crypto.randomUUID();
  const clash = await Ticket.findOne({ token });
  if (clash) return res.sendStatus(409);
  res.json(await Ticket.create({ token, ...req.body }));
});
` }] },
        { messageId: 'missingGate', line: 10, column: 5, endLine: 10, endColumn: 9, data: { route: 'POST /devices', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
const express = require('express');
const app = express();
app.delete('/countries/:countryCode', async (req, res) => {
  const country = await Country.findOne({ code: req.params.countryCode });
  if (!country) return res.sendStatus(404);
  await country.deleteOne();
  res.sendStatus(204);
});
// agent-guard: public-route TODO: say why anyone may call this
app.post('/devices', async (req, res) => {
  const { pushToken } = req.body;
  const existing = await Device.findOne({ pushToken });
  if (existing) return res.json(existing);
  res.json(await Device.create({ pushToken }));
});
app.get('/snippets/fixes/:key', (req, res) => {
  const fixes = readFixes(req.params.key);
  if (!fixes) return res.status(404).json({ error: 'no such challenge' });
  res.json(fixes);
});
app.post('/tickets', async (req, res) => {
  const token = crypto.randomUUID();
  const clash = await Ticket.findOne({ token });
  if (clash) return res.sendStatus(409);
  res.json(await Ticket.create({ token, ...req.body }));
});
` }] },
        { messageId: 'missingGate', line: 16, column: 5, endLine: 16, endColumn: 8, data: { route: 'GET /snippets/fixes/:key', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
const express = require('express');
const app = express();
app.delete('/countries/:countryCode', async (req, res) => {
  const country = await Country.findOne({ code: req.params.countryCode });
  if (!country) return res.sendStatus(404);
  await country.deleteOne();
  res.sendStatus(204);
});
app.post('/devices', async (req, res) => {
  const { pushToken } = req.body;
  const existing = await Device.findOne({ pushToken });
  if (existing) return res.json(existing);
  res.json(await Device.create({ pushToken }));
});
// agent-guard: public-route TODO: say why anyone may call this
app.get('/snippets/fixes/:key', (req, res) => {
  const fixes = readFixes(req.params.key);
  if (!fixes) return res.status(404).json({ error: 'no such challenge' });
  res.json(fixes);
});
app.post('/tickets', async (req, res) => {
  const token = crypto.randomUUID();
  const clash = await Ticket.findOne({ token });
  if (clash) return res.sendStatus(409);
  res.json(await Ticket.create({ token, ...req.body }));
});
` }] },
        { messageId: 'missingGate', line: 21, column: 5, endLine: 21, endColumn: 9, data: { route: 'POST /tickets', framework: 'express' }, suggestions: [{ messageId: 'markPublic', output: `
const express = require('express');
const app = express();
app.delete('/countries/:countryCode', async (req, res) => {
  const country = await Country.findOne({ code: req.params.countryCode });
  if (!country) return res.sendStatus(404);
  await country.deleteOne();
  res.sendStatus(204);
});
app.post('/devices', async (req, res) => {
  const { pushToken } = req.body;
  const existing = await Device.findOne({ pushToken });
  if (existing) return res.json(existing);
  res.json(await Device.create({ pushToken }));
});
app.get('/snippets/fixes/:key', (req, res) => {
  const fixes = readFixes(req.params.key);
  if (!fixes) return res.status(404).json({ error: 'no such challenge' });
  res.json(fixes);
});
// agent-guard: public-route TODO: say why anyone may call this
app.post('/tickets', async (req, res) => {
  const token = crypto.randomUUID();
  const clash = await Ticket.findOne({ token });
  if (clash) return res.sendStatus(409);
  res.json(await Ticket.create({ token, ...req.body }));
});
` }] },
      ],
    },
  ],
});
