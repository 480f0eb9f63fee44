// An Express API on main: one old handler without a timeout on its outbound call.
import express from 'express';

import { requireAuth } from './auth.js';

const app = express();

app.get('/api/status', requireAuth, async (req, res) => {
  const upstream = await fetch('https://status.example.com/api/v1');
  res.json(await upstream.json());
});

app.listen(3000);
