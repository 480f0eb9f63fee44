// The gate every route in this project uses.
export function requireAuth(req, res, next) {
  if (!req.user) {
    res.status(401).end();
    return;
  }
  next();
}
