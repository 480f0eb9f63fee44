import { fileURLToPath } from 'node:url';

import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

/**
 * A token read from the request and decoded without its signature checked (`jwt.decode`, jose's
 * `decodeJwt`, `jwtDecode`, a JWT service's `.decode()`), in a handler, middleware or guard that
 * verifies nothing, is no authentication: anyone can write a token that passes the check that
 * follows. A function that also verifies, a token that does not come from the request (an ID token
 * from the provider's token endpoint), a helper that is handed a token, and a Next.js middleware
 * that runs on pages only are left alone.
 */
const ruleTester = createRuleTester();
/** A file of a fixture project, so that a Next.js middleware's matcher can be read. */
const middlewareFile = fileURLToPath(new URL('../fixtures/cross-file/unverified-tokens/middleware.ts', import.meta.url));

ruleTester.run('require-auth-gate-in-route (tokens decoded without verification)', rule, {
  valid: [
    // Verified in the handler; the header read before the verification (`kid`) in a middleware that verifies.
    `import express from 'express';
import jwt from 'jsonwebtoken';

const app = express();
app.get('/secrets', (req, res) => {
  const token = (req.headers.authorization || '').split(' ')[1];
  try {
    const payload = jwt.verify(token, process.env.APP_SECRET);
    res.json({ secret: payload.sub });
  } catch {
    res.status(401).json({ message: 'Invalid token' });
  }
});

export async function requireUser(req, res, next) {
  const decoded = jwt.decode(req.cookies.token, { complete: true });
  const key = await signingKey(decoded?.header.kid);
  req.user = jwt.verify(req.cookies.token, key);
  next();
}
app.get('/profile', requireUser, (req, res) => res.json(req.user));
`,
    // An ID token from the provider's token endpoint, answered over TLS to this server.
    `import express from 'express';
import jwt from 'jsonwebtoken';

const app = express();
app.get('/auth/callback', async (req, res) => {
  const answer = await fetch('https://oauth2.example.com/token', { method: 'POST', body: new URLSearchParams({ code: String(req.query.code) }), signal: AbortSignal.timeout(5000) });
  const tokens = await answer.json();
  const claims = jwt.decode(tokens.id_token);
  req.session.userId = claims.sub;
  res.redirect('/');
});
`,
    // A helper handed a token: whoever calls it decides what it is for.
    `import { decodeJwt } from 'jose';

export function tokenExpiry(token) {
  return new Date(decodeJwt(token).exp * 1000);
}
`,
    // A NestJS guard that verifies with the JWT service.
    `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const token = request.headers.authorization?.split(' ')[1];
    if (!token) throw new UnauthorizedException();
    request.user = await this.jwtService.verifyAsync(token);
    return true;
  }
}
`,
    // A Next.js middleware that runs on pages only decodes the token to choose a redirect.
    {
      filename: middlewareFile,
      code: `import { jwtDecode } from 'jwt-decode';
import { NextRequest, NextResponse } from 'next/server';

export const config = { matcher: '/((?!api|_next|static).*)' };

export function middleware(request: NextRequest) {
  const token = request.cookies.get('access_token')?.value;
  const claims = token ? jwtDecode<{ isAdmin: boolean }>(token) : null;
  if (request.nextUrl.pathname.startsWith('/admin') && !claims?.isAdmin) {
    return NextResponse.redirect(new URL('/', request.url));
  }
  return NextResponse.next();
}
`,
    },
    // Where the project declares every route gated elsewhere, a decode in a handler reads claims already checked.
    {
      code: `import express from 'express';
import jwt from 'jsonwebtoken';

const app = express();
app.get('/me', (req, res) => {
  const claims = jwt.decode(req.headers.authorization.slice(7));
  res.json({ id: claims.sub });
});
`,
      settings: { 'agent-guard': { auth: { globalGuard: true } } },
    },
  ],
  invalid: [
    {
      // The check of a decoded token in a handler (also one that validates its body), and in a middleware that hands the claims on.
      code: `import express from 'express';
import jwt from 'jsonwebtoken';

const app = express();
app.get('/secrets', (req, res) => {
  const token = (req.headers.authorization || '').split(' ')[1];
  const payload = jwt.decode(token);
  if (!payload) return res.status(401).json({ message: 'Invalid authentication token' });
  res.json({ secret: payload.username });
});
app.post('/notes', (req, res) => {
  const { error } = noteSchema.validate(req.body);
  if (error) return res.status(400).json({ error: error.message });
  const payload = jwt.decode(req.headers['x-access-token']);
  if (!payload) return res.sendStatus(401);
  res.status(201).json(createNote(payload.sub, req.body));
});

function authenticate(req, res, next) {
  const { authorization } = req.headers;
  const user = jwt.decode(authorization.replace('Bearer ', ''));
  if (!user) return res.sendStatus(401);
  req.user = user;
  next();
}
app.get('/profile', authenticate, (req, res) => res.json(req.user));
`,
      errors: [
        { messageId: 'unverifiedToken', line: 7, column: 19, endLine: 7, endColumn: 36 },
        { messageId: 'unverifiedToken', line: 14, column: 19, endLine: 14, endColumn: 60 },
        { messageId: 'unverifiedToken', line: 21, column: 16, endLine: 21, endColumn: 64 },
      ],
    },
    {
      // jose's decodeJwt in a Hono handler; jwt-decode's default export under another name, behind a token extractor.
      code: `import { Hono } from 'hono';
import { decodeJwt } from 'jose';
import decodeToken from 'jwt-decode';

const app = new Hono();
app.get('/api/orders', (c) => {
  const claims = decodeJwt(c.req.header('Authorization')?.slice(7) ?? '');
  if (!claims.sub) return c.json({ error: 'unauthorized' }, 401);
  return c.json(listOrders(claims.sub));
});
app.get('/api/invoices', (c) => {
  const claims = decodeToken(getBearerToken(c.req.raw));
  if (!claims.sub) return c.json({ error: 'unauthorized' }, 401);
  return c.json(listInvoices(claims.sub));
});
`,
      errors: [
        { messageId: 'unverifiedToken', line: 7, column: 18, endLine: 7, endColumn: 74 },
        { messageId: 'unverifiedToken', line: 12, column: 18, endLine: 12, endColumn: 56 },
      ],
    },
    {
      // A SvelteKit endpoint reading the cookie from its destructured event: request input as the tracker knows it.
      filename: 'src/routes/api/me/+server.ts',
      code: `import { json } from '@sveltejs/kit';
import { decodeJwt } from 'jose';

export const GET = async ({ cookies }) => {
  const claims = decodeJwt(cookies.get('session') ?? '');
  if (!claims.sub) return new Response('unauthorized', { status: 401 });
  return json({ id: claims.sub });
};
`,
      errors: [
        { messageId: 'unverifiedToken', line: 5, column: 18, endLine: 5, endColumn: 57 },
      ],
    },
    {
      // A NestJS guard that only decodes with the JWT service.
      code: `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly jwtService: JwtService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    const payload = this.jwtService.decode(request.headers.authorization?.split(' ')[1] ?? '');
    request.user = payload;
    return Boolean(payload);
  }
}
`,
      errors: [
        { messageId: 'unverifiedToken', line: 10, column: 21, endLine: 10, endColumn: 95 },
      ],
    },
    {
      // A Next.js middleware whose matcher covers API routes.
      filename: middlewareFile,
      code: `import { jwtDecode } from 'jwt-decode';
import { NextRequest, NextResponse } from 'next/server';

export const config = { matcher: ['/admin/:path*', '/api/:path*'] };

export function middleware(request: NextRequest) {
  const token = request.cookies.get('access_token')?.value;
  const claims = token ? jwtDecode<{ isAdmin: boolean }>(token) : null;
  if (!claims?.isAdmin) {
    return NextResponse.json({ error: 'forbidden' }, { status: 403 });
  }
  return NextResponse.next();
}
`,
      errors: [
        { messageId: 'unverifiedToken', line: 8, column: 26, endLine: 8, endColumn: 64 },
      ],
    },
  ],
});
