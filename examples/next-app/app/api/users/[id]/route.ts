// app/api/users/[id]/route.ts — a Next.js App Router handler as an agent writes it.
import { NextResponse } from 'next/server';

import { auth } from '@/auth';
import { db } from '@/lib/db';

// ❌ anyone can read any user; ❌ SQL from the URL; ❌ stack trace in the response
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const rows = await db.$queryRawUnsafe(`SELECT * FROM "User" WHERE id = '${id}'`);
    return NextResponse.json(rows);
  } catch (error) {
    return NextResponse.json({ error: String(error), stack: (error as Error).stack }, { status: 500 });
  }
}

// ✅ session checked first, tagged template, generic error
export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await auth();
  if (!session?.user) {
    return NextResponse.json({ error: 'Unauthorized' }, { status: 401 });
  }
  const { id } = await params;
  const { name } = await request.json();
  try {
    await db.$executeRaw`UPDATE "User" SET name = ${name} WHERE id = ${id}`;
    return NextResponse.json({ ok: true });
  } catch (error) {
    console.error(error);
    return NextResponse.json({ error: 'Internal Server Error' }, { status: 500 });
  }
}
