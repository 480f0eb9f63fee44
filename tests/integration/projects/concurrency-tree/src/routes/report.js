import express from 'express';
import { requireAuth } from '../auth.js';

const app = express();

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
