// Report exports written by an agent in TypeScript, with a local query helper.
import type { Request, Response } from 'express';
import mysql from 'mysql2/promise';
import got from 'got';

const db = mysql.createPool({ uri: process.env.MYSQL_URL });

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const [rows] = await db.query(sql, values);
  return rows as T[];
}

// ❌ the wrapper receives SQL built from request input
export async function salesByRegion(req: Request, res: Response): Promise<void> {
  const rows = await query(`SELECT region, SUM(total) AS total FROM sales WHERE region = '${req.query.region}' GROUP BY region`);
  res.json(rows);
}

// ✅ placeholders
export async function salesByMonth(req: Request, res: Response): Promise<void> {
  const rows = await query('SELECT month, SUM(total) AS total FROM sales WHERE year = ? GROUP BY month', [req.query.year]);
  res.json(rows);
}

// ❌ got has no default timeout
export async function exchangeRates(): Promise<unknown> {
  return got('https://rates.example.com/latest').json();
}

// ✅
export async function exchangeRatesWithTimeout(): Promise<unknown> {
  return got('https://rates.example.com/latest', { timeout: { request: 5000 } }).json();
}
