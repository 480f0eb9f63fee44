import express from 'express';
import { requireAuth } from '../auth.js';

const app = express();

app.post('/orders', requireAuth, async (req, res) => {
  try {
    res.status(201).json(await createOrder(req.body));
  } catch (err) {
    res.status(500).json({ error: (err as Error).message });
  }
});

async function createOrder(body: unknown): Promise<unknown> {
  return body;
}

export default app;
