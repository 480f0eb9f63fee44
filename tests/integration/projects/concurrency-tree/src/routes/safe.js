// Gated, contained and quiet about errors: nothing to report.
import fs from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
import { requireAuth } from '../auth.js';

const app = express();
const UPLOADS = path.join(import.meta.dirname, 'uploads');

app.get('/safe/:name', requireAuth, async (req, res) => {
  try {
    res.send(await fs.readFile(path.join(UPLOADS, path.basename(req.params.name))));
  } catch (err) {
    console.error(err);
    res.status(500).json({ error: 'Internal Server Error' });
  }
});

export default app;
