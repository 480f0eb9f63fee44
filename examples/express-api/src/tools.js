// Features agents add on request: a link preview, a ping tool, token signing with a default key.
import { exec, execFile } from 'node:child_process';
import jwt from 'jsonwebtoken';
import { Router } from 'express';

import { requireAuth } from './auth.js';

export const tools = Router();
tools.use(requireAuth);

// ❌ a key published in the source signs tokens whenever JWT_SECRET is unset
const JWT_SECRET = process.env.JWT_SECRET || 'default-secret-key';

tools.post('/tokens', (req, res) => {
  res.json({ token: jwt.sign({ sub: req.user.id }, JWT_SECRET, { expiresIn: '1h' }) });
});

// ❌ the client picks the host this server fetches (cloud metadata, internal services)
tools.get('/preview', async (req, res) => {
  const page = await fetch(req.query.url, { signal: AbortSignal.timeout(5000) });
  res.send(await page.text());
});

// ✅ only hosts on the list are fetched
const PREVIEW_HOSTS = new Set(['example.com', 'docs.example.com']);
tools.get('/preview/safe', async (req, res) => {
  const target = new URL(req.query.url);
  if (!PREVIEW_HOSTS.has(target.hostname)) {
    return res.status(400).json({ error: 'host not allowed' });
  }
  const page = await fetch(target, { signal: AbortSignal.timeout(5000) });
  res.send(await page.text());
});

// ❌ `8.8.8.8; cat /etc/passwd` runs in a shell
tools.post('/ping', (req, res) => {
  exec(`ping -c 1 ${req.body.host}`, (error, output) => res.send(output));
});

// ✅ no shell: the host is one argument of ping
tools.post('/ping/safe', (req, res) => {
  execFile('ping', ['-c', '1', String(req.body.host)], (error, output) => res.send(output));
});
