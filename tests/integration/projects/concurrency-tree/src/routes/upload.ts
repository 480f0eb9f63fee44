import { writeFile } from 'node:fs/promises';
import express from 'express';
import { requireAuth } from '../auth.js';

const app = express();

app.post('/avatars', requireAuth, async (req, res) => {
  await writeFile(`public/avatars/${req.body.fileName}`, req.body.content);
  res.sendStatus(201);
});

export default app;
