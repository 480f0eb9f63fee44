import express from 'express';
import { listMyOrders, listOrders } from './controllers/orders.js';

const app = express();

app.get('/api/orders', listOrders);
app.get('/api/orders/mine', listMyOrders);

export default app;
