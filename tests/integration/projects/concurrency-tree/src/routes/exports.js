import express from 'express';
import { requireAuth } from '../auth.js';
import { exportStatus, startExport } from '../controllers/exports.js';

const app = express();

app.post('/exports', requireAuth, startExport);
app.get('/exports/:id', exportStatus);

export default app;
