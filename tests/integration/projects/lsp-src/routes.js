import fs from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
import { requireAuth } from './auth.js';

const app = express();
const UPLOADS = path.join(import.meta.dirname, 'uploads');

app.get('/files/:name', requireAuth, async (req, res) => {
  res.send(await fs.readFile(path.join(UPLOADS, req.params.name)));
});

app.get('/report', requireAuth, async (req, res) => {
  try {
    res.json(await buildReport(req.user));
  } catch (err) {
    res.status(500).json({ error: 'Report failed', stack: err.stack });
  }
});

async function buildReport(user) {
  return { user: user.id };
}

export default app;
