import { Pool } from 'pg';

const pool = new Pool();

export async function findUserByEmail(email: string): Promise<unknown[]> {
  const { rows } = await pool.query(`SELECT * FROM users WHERE email = '${email}'`);
  return rows;
}
