import { Pool } from 'pg';

interface User {
  id: string;
  name: string;
}

const pool = new Pool();

export async function loadUser(id: string): Promise<User> {
  const response = await fetch(`https://api.example.com/users/${id}`);
  return (await response.json()) as User;
}

export async function loadUserWithDeadline(id: string): Promise<User> {
  const response = await fetch(`https://api.example.com/users/${id}`, { signal: AbortSignal.timeout(5000) });
  return (await response.json()) as User;
}

export async function findOrders(customer: string): Promise<unknown[]> {
  const { rows } = await pool.query(`SELECT * FROM orders WHERE customer = '${customer}'`);
  return rows;
}
