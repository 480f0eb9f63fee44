// The one place that talks to the pool: every caller's first argument is the SQL text.
import { Pool } from 'pg';

const pool = new Pool();

export async function query(text: string, values: unknown[] = []): Promise<unknown[]> {
  const { rows } = await pool.query(text, values);
  return rows;
}
