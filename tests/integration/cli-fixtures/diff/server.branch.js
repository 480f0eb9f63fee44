// The same API on the agent's branch: a new handler next to the old one.
import express from 'express';

import { requireAuth } from './auth.js';

const app = express();

app.get('/api/status', requireAuth, async (req, res) => {
  const upstream = await fetch('https://status.example.com/api/v1');
  res.json(await upstream.json());
});

app.get('/api/weather', requireAuth, async (req, res) => {
  const upstream = await fetch('https://weather.example.com/v1');
  res.json(await upstream.json());
});

app.listen(3000);
