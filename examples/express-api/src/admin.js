// An admin router as agents write it: one router-level gate, then a route added above it.
import { Router } from 'express';

import { requireAuth } from './auth.js';

export const admin = Router();

// ❌ registered before `admin.use(requireAuth)`: Express runs middleware in order, so this route is open
admin.post('/cache/flush', async (req, res) => {
  await req.app.locals.cache.flush();
  res.status(204).end();
});

admin.use(requireAuth);

// ✅ every route registered after `admin.use(requireAuth)` is gated
admin.get('/stats', async (req, res) => {
  res.json({ users: await req.app.locals.db.countUsers() });
});

// ❌ the session is read, but an anonymous request still gets the report
export async function report(req, res) {
  const session = await getSession(req);
  res.json({ viewer: session?.user?.email ?? null, rows: await req.app.locals.db.report() });
}

// ✅ the session is checked before anything is sent
export async function exportReport(req, res) {
  const session = await getSession(req);
  if (!session) {
    return res.status(401).json({ error: 'Unauthorized' });
  }
  res.json(await req.app.locals.db.report(session.user.id));
}

const reports = Router();
reports.get('/report', report);
reports.get('/report/export', exportReport);

async function getSession(req) {
  return req.app.locals.sessions.get(req.headers.cookie);
}
