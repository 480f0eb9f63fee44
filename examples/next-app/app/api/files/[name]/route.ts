// app/api/files/[name]/route.ts
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { auth } from '@/auth';

const FILES = path.join(process.cwd(), 'storage');

// ❌ the route parameter decides which file is read
export async function GET(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const session = await auth();
  if (!session) {
    return new Response(null, { status: 401 });
  }
  const { name } = await params;
  const file = await readFile(path.join(FILES, name));
  return new Response(file);
}

// ✅ containment check on the resolved path
export async function HEAD(request: Request, { params }: { params: Promise<{ name: string }> }) {
  const session = await auth();
  if (!session) {
    return new Response(null, { status: 401 });
  }
  const { name } = await params;
  const resolved = path.resolve(FILES, name);
  if (!resolved.startsWith(FILES + path.sep)) {
    return new Response(null, { status: 400 });
  }
  const file = await readFile(resolved);
  return new Response(null, { headers: { 'content-length': String(file.length) } });
}
