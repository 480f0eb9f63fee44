// app/api/weather/route.ts
import { NextResponse } from 'next/server';

import { auth } from '@/auth';

// ❌ fetch without a timeout: a stalled upstream ties up this function until the platform kills it
export async function GET(request: Request) {
  const session = await auth();
  if (!session) {
    return new NextResponse(null, { status: 401 });
  }
  const city = new URL(request.url).searchParams.get('city') ?? 'Paris';
  const res = await fetch(`https://weather.example.com/v1?city=${encodeURIComponent(city)}`);
  return NextResponse.json(await res.json());
}

// ✅
export async function POST(request: Request) {
  const session = await auth();
  if (!session) {
    return new NextResponse(null, { status: 401 });
  }
  const { city } = await request.json();
  const res = await fetch(`https://weather.example.com/v1?city=${encodeURIComponent(city)}`, {
    signal: AbortSignal.timeout(8000),
  });
  return NextResponse.json(await res.json());
}
