// SQL built here and run in another module: only the strict config reports it.
export function userQuery(id) {
  return `SELECT * FROM users WHERE id = ${id}`;
}
