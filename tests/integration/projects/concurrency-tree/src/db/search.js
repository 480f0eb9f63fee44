import mysql from 'mysql2/promise';

const pool = mysql.createPool({});

export async function search(filters) {
  let sql = 'SELECT * FROM products WHERE 1 = 1';
  if (filters.name) sql += ` AND name = '${filters.name}'`;
  return pool.query(sql);
}
