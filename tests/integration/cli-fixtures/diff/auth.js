// Express middleware: rejects requests without a session.
export function requireAuth(req, res, next) {
  if (!req.session?.user) {
    res.status(401).end();
    return;
  }
  next();
}
