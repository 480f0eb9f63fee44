import { query } from './query.js';

export function invoicesOf(customer) {
  return query(`SELECT * FROM invoices WHERE customer = '${customer}' ORDER BY issued_at`);
}

export function invoiceById(id) {
  return query('SELECT * FROM invoices WHERE id = $1', [id]);
}
