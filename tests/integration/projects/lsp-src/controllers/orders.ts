import type { Request, Response } from 'express';

interface Order {
  id: string;
  owner: string;
  total: number;
}

const orders: Order[] = [];

// Every order of every customer, to whoever asks.
export function listOrders(_req: Request, res: Response): void {
  res.json(orders);
}

// The caller's own orders: anonymous callers are turned away first.
export function listMyOrders(req: Request, res: Response): void {
  const user = (req as Request & { user?: { id: string } }).user;
  if (!user) {
    res.status(401).json({ error: 'Sign in first' });
    return;
  }
  res.json(orders.filter((order) => order.owner === user.id));
}
