import type { InputShape } from './types';

/**
 * Web-standard objects several frameworks hand to handlers. Framework files describe their
 * own context objects and reuse these for the parts that follow the standards.
 */

/** A Fetch API `Request` (Next.js `NextRequest`, SvelteKit, Hono's `c.req.raw`, Remix). */
export const FETCH_REQUEST: InputShape = {
  properties: { url: 'input', headers: 'input', body: 'input', nextUrl: 'input', cookies: 'input', geo: 'input', ip: 'input' },
  methods: { json: 'input', formData: 'input', text: 'input', blob: 'input', arrayBuffer: 'input' },
};

/** Node's `http.IncomingMessage`, as `http.createServer` and h3's `event.node.req` give it. */
export const NODE_REQUEST: InputShape = {
  properties: { url: 'input', headers: 'input', rawHeaders: 'input' },
};

/**
 * The Express-style request (Express, Connect, Next.js Pages API, Fastify's `request`):
 * every place client data lives on those objects. Used as well for handlers recognised
 * only by their parameter names, which is why it also accepts Fetch API reads.
 */
export const NODE_FRAMEWORK_REQUEST: InputShape = {
  properties: {
    params: 'input',
    query: 'input',
    body: 'input',
    headers: 'input',
    cookies: 'input',
    signedCookies: 'input',
    files: 'input',
    file: 'input',
    ip: 'input',
    ips: 'input',
    path: 'input',
    originalUrl: 'input',
    url: 'input',
    hostname: 'input',
    host: 'input',
    subdomains: 'input',
    raw: NODE_REQUEST,
    nextUrl: 'input',
  },
  methods: {
    get: 'input',
    header: 'input',
    param: 'input',
    json: 'input',
    formData: 'input',
    text: 'input',
  },
};
