// An Express API as a coding agent typically writes it.
import express from 'express';
import axios from 'axios';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Pool } from 'pg';

import { requireAuth } from './auth.js';

const app = express();
app.use(express.json());

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const UPLOAD_DIR = path.join(import.meta.dirname, 'uploads');
const SORTABLE = { name: 'name', created: 'created_at' };

// ✅ public by design
app.get('/health', (req, res) => {
  res.json({ ok: true });
});

// ❌ no auth gate; ❌ SQL built from request input; ❌ error internals sent to the client
app.get('/api/users/:id', async (req, res) => {
  try {
    const { rows } = await pool.query(`SELECT * FROM users WHERE id = '${req.params.id}'`);
    res.json(rows[0]);
  } catch (err) {
    res.status(500).json({ error: err.message, stack: err.stack });
  }
});

// ✅ gated, parameterised, generic error
app.get('/api/orders', requireAuth, async (req, res) => {
  const column = SORTABLE[req.query.sort] ?? 'created_at';
  try {
    const { rows } = await pool.query(`SELECT * FROM orders WHERE user_id = $1 ORDER BY ${column}`, [req.user.id]);
    res.json(rows);
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});

// ❌ path traversal: ../../etc/passwd reaches readFile
app.get('/api/files/:name', requireAuth, async (req, res) => {
  const data = await fs.readFile(path.join(UPLOAD_DIR, req.params.name), 'utf8');
  res.send(data);
});

// ✅ reduced to a file name first
app.get('/api/avatars/:name', requireAuth, async (req, res) => {
  const data = await fs.readFile(path.join(UPLOAD_DIR, path.basename(req.params.name)));
  res.type('png').send(data);
});

// ❌ outbound calls that can hang forever
app.post('/api/webhooks/forward', requireAuth, async (req, res) => {
  const upstream = await fetch('https://hooks.example.com/ingest', {
    method: 'POST',
    body: JSON.stringify(req.body),
  });
  const { data } = await axios.get('https://api.example.com/status');
  res.json({ forwarded: upstream.ok, status: data });
});

// ✅ the same calls with timeouts
app.post('/api/webhooks/relay', requireAuth, async (req, res) => {
  const upstream = await fetch('https://hooks.example.com/ingest', {
    method: 'POST',
    body: JSON.stringify(req.body),
    signal: AbortSignal.timeout(5000),
  });
  const { data } = await axios.get('https://api.example.com/status', { timeout: 5000 });
  res.json({ forwarded: upstream.ok, status: data });
});

// ❌ a mutation anyone can call
app.delete('/api/users/:id', async (req, res) => {
  await pool.query('DELETE FROM users WHERE id = $1', [req.params.id]);
  res.status(204).end();
});

app.listen(3000);
