import fs from 'node:fs/promises';
import path from 'node:path';
import express from 'express';
import { requireAuth } from '../auth.js';

const router = express.Router();
const UPLOADS = path.join(import.meta.dirname, 'uploads');

router.get('/files/:name', requireAuth, async (req, res) => {
  res.send(await fs.readFile(path.join(UPLOADS, req.params.name)));
});

export default router;
