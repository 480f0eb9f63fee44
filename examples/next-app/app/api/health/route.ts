// app/api/health/route.ts — ✅ public by design
export function GET() {
  return Response.json({ ok: true });
}
