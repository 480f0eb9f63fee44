// A report helper that builds SQL from request input.
import mysql from 'mysql2/promise';

const db = mysql.createPool({ uri: process.env.MYSQL_URL });

export async function salesByRegion(req, res) {
  const [rows] = await db.query(`SELECT region, SUM(total) AS total FROM sales WHERE region = '${req.query.region}'`);
  res.json(rows);
}

export async function salesByYear(req, res) {
  const [rows] = await db.query('SELECT month, SUM(total) AS total FROM sales WHERE year = ? GROUP BY month', [req.query.year]);
  res.json(rows);
}
