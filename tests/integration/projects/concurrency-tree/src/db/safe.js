// Bound parameters only: nothing to report.
import { Pool } from 'pg';

const pool = new Pool();

export async function findUser(id) {
  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0];
}
