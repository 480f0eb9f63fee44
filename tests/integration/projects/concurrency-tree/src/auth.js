// The one gate every route uses.
export function requireAuth(req, res, next) {
  if (!req.user) {
    res.status(401).end();
    return;
  }
  next();
}
