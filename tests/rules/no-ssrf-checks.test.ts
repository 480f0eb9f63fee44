import rule from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';
import { at } from './no-ssrf-helpers';

const ruleTester = createRuleTester();

/**
 * A Koa route (no suggestion: its 400 exit is not one the rule writes) whose body checks the
 * request's URL, then sends it: `fetch` is on line 7 + the lines of `checks`.
 */
const route = (checks: string, send = '  await fetch(u);', top = ''): string => `import Router from '@koa/router';
import ip from 'ip';
import dns from 'node:dns';
import validator from 'validator';
${top}const router = new Router();
router.post('/preview', async (ctx) => {
${checks}
${send}
});
`;

const source = 'ctx.request.body.url';
/** A check that does not confine the host, named in the report on the URL of `await fetch(…)`. */
function falseConfidence(checks: string, notes: string, node = 'u', send?: string, what = 'URL') {
  const code = route(checks, send);
  const place = at(code, 'await fetch(', node);
  return {
    code,
    errors: [
      {
        messageId: 'falseConfidenceCheck' as const,
        line: place.line,
        column: place.column,
        endLine: place.endLine,
        endColumn: place.endColumn,
        data: { sink: 'fetch', what, source, checks: notes },
        suggestions: [],
      },
    ],
  };
}

/** A report without a check, on the URL of `await fetch(…)` (the `nth` one). */
function unchecked(code: string, node: string, nth = 0, reported = source) {
  const place = at(code, 'await fetch(', node, nth);
  return {
    code,
    errors: [
      {
        messageId: 'requestControlledHost' as const,
        line: place.line,
        column: place.column,
        endLine: place.endLine,
        endColumn: place.endColumn,
        data: { sink: 'fetch', what: 'URL', source: reported },
        suggestions: [],
      },
    ],
  };
}

const PARSED = '  const u = new URL(ctx.request.body.url);';
const RAW = '  const u = ctx.request.body.url;';
const BLOCKLIST_TAIL = 'IPv6, decimal and octal forms, DNS names resolving inward and redirects get past it';

ruleTester.run('no-ssrf checks', rule, {
  valid: [
    // ---- checks that confine the host, before the call, with an early exit ----
    route(`${PARSED}
  const ALLOWED = new Set(['api.a.com', 'cdn.a.com']);
  if (!ALLOWED.has(u.hostname)) return;`),
    route(`${PARSED}
  if (u.origin !== 'https://api.a.com') { ctx.status = 400; return; }`),
    route(`  const { hostname } = new URL(ctx.request.body.url);
  if (hostname !== 'a.com' && !hostname.endsWith('.a.com')) return;`, `  await fetch(ctx.request.body.url);`),
    route(`${PARSED}
  if (!(u.hostname === 'a.com' || u.hostname.endsWith('.a.com'))) throw new Error('host');`),
    route(`${PARSED}
  if (u.hostname !== 'a.com' && u.hostname !== 'b.com' && u.hostname !== 'c.com') return;`),
    route(`${PARSED}
  switch (u.hostname) {
    case 'a.com':
    case 'b.com':
      break;
    default:
      ctx.throw(400);
      return;
  }`),
    route(`${PARSED}
  if (!/^(?:api|cdn)\\.a\\.com$/.test(u.hostname)) return;`),
    route(`${PARSED}
  if (!u.hostname.toLowerCase().match(/^api\\.a\\.com$/)) return;`),
    route(`${RAW}
  if (!u.startsWith('https://api.a.com/')) return;`),
    route(`${RAW}
  if (!/^https:\\/\\/(?:api|cdn)\\.a\\.com\\//.test(u)) return;`),
    route(`${RAW}
  if (!['https://a.com/feed', 'https://b.com/feed'].includes(u)) return;`),
    route(`${PARSED}
  if (['a.com', 'b.com'].indexOf(u.hostname) === -1) return;`),
    route(`  const HOSTS = { eu: true, us: true };
  const { region } = ctx.params;
  if (!Object.hasOwn(HOSTS, region)) return;
  const u = \`https://\${region}.api.a.com/status\`;`),
    route(`  const TENANTS = { acme: 1, globex: 2 };
  const tenant = ctx.params.tenant;
  if (!(tenant in TENANTS)) return;
  const u = \`https://\${tenant}.api.a.com/\`;`),
    // A tenant slug from a strict alphabet becomes a subdomain of a fixed domain.
    route(`  const { tenant } = ctx.params;
  if (!/^[a-z0-9-]+$/.test(tenant)) return;
  const u = \`https://\${tenant}.api.a.com/\`;`),
    // Inside the branch that passed the check; a `case` of a constant host.
    route(`${PARSED}
  if (u.hostname === 'api.a.com') {
    await fetch(u);
  }
  switch (u.host) {
    case 'cdn.a.com':
      await fetch(u.href);
      break;
  }`, ''),
    // A host table: only its values are ever requested.
    route(`  const ORIGINS = { eu: 'https://eu.a.com', us: 'https://us.a.com' };
  const u = ORIGINS[ctx.request.body.region];`),
    // A helper checks before building the URL.
    route(`  const u = buildUrl(ctx.request.body.host);`, '  await fetch(u);', `function buildUrl(host: string) {
  if (!['a.com', 'b.com'].includes(host)) throw new Error('host');
  return \`https://\${host}/api\`;
}
`),
    // Helpers of the file: an allow-list in an arrow, one with early returns, one that throws and returns the URL.
    route(`  const raw = ctx.request.body.url;
  if (!isAllowed(raw) || !checkHost(raw)) return;
  const u = validateUrl(raw);`, '  await fetch(u);', `const ALLOWED = new Set(['a.com']);
const isAllowed = (value: string) => ALLOWED.has(new URL(value).hostname);
function checkHost(value: string) {
  const { hostname } = new URL(value);
  if (hostname === 'a.com' || hostname.endsWith('.a.com')) return true;
  return false;
}
function validateUrl(value: string) {
  const parsed = new URL(value);
  if (parsed.origin !== 'https://api.a.com') throw new Error('origin');
  return parsed;
}
`),
    // A helper looping over the allowed domains, with the hostname assigned in a `try`.
    route(`${RAW}
  if (!isHostAllowed(u)) return;`, '  await fetch(u);', `function isHostAllowed(value: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(value).hostname;
  } catch {
    return false;
  }
  for (const allowed of (process.env.ALLOW_HOSTS ?? '').split(',')) {
    if (hostname === allowed || hostname.endsWith('.' + allowed)) return true;
  }
  return false;
}
`),
    // The project's validators (settings http.urlValidators): a checking call, an asserting statement, a returned URL.
    {
      code: route(`  const raw = ctx.request.body.url;
  if (!isAllowedUrl(raw)) return;
  await assertAllowedUrl(raw);
  const u = await allowedUrl(raw);`, `  await fetch(raw);
  await fetch(u);`),
      settings: { 'agent-guard': { http: { urlValidators: ['isAllowedUrl', 'assertAllowedUrl', 'allowedUrl'] } } },
    },
    {
      code: route(`${RAW}
  await assertAllowedUrl(u);`),
      settings: { 'agent-guard': { http: { urlValidators: ['assertAllowedUrl', { not: 'a string' }] } } },
    },
    // A configured sanitiser (requestInput.sanitizers) checking the URL.
    {
      code: route(`${RAW}
  if (!isSafeTarget(u)) return;`),
      settings: { 'agent-guard': { requestInput: { sanitizers: ['isSafeTarget'] } } },
    },
    // acceptBlocklists: the team accepts blocklists of private hosts and DNS answers.
    {
      code: route(`${PARSED}
  if (u.hostname === 'localhost' || u.hostname.startsWith('127.') || u.hostname.startsWith('10.') || u.hostname.startsWith('192.168.')) return;`),
      options: [{ acceptBlocklists: true }],
    },
    {
      code: route(`${PARSED}
  const { address } = await dns.promises.lookup(u.hostname);
  if (address.startsWith('10.') || address === '127.0.0.1') return;`),
      options: [{ acceptBlocklists: true }],
    },
    // The resolution pinned: a lookup of the project's own checks the address the socket connects to.
    route(`${PARSED}
  const { address } = await dns.promises.lookup(u.hostname);
  if (isPrivateIp(address)) return;`, `  await new Promise((done) => http.get({ host: u.hostname, path: u.pathname, lookup: publicOnlyLookup }, done));
  await axios.get(u.href, { lookup: publicOnlyLookup });`, `import http from 'node:http';
import axios from 'axios';
import { publicOnlyLookup } from './net';
`),
    // reportPathInjection: encoded path segments and numbers are fine.
    {
      code: route(`  const u = \`https://api.a.com/users/\${encodeURIComponent(ctx.params.id)}/posts/\${Number(ctx.params.post)}\`;`),
      options: [{ reportPathInjection: true }],
    },
    // reportPathInjection: input after the first `?` or `#` of the constant text is in the query or fragment, not the path.
    {
      code: route(`  let v = 'https://api.a.com/search';
  v += '?q=';
  v += ctx.query.q;`, `  await fetch(\`https://api.a.com/search?q=\${ctx.query.q}&page=\${ctx.query.page}\`);
  await fetch('https://api.a.com/docs#' + ctx.query.section);
  await fetch(\`\${process.env.API}/search?q=\${ctx.query.q}\`);
  await fetch('https://api.a.com/s?x=1/' + ctx.query.rest);
  await fetch(v);`),
      options: [{ reportPathInjection: true }],
    },
    // A variable given several values: each is judged on its own. Input in the path of the first
    // page's URL and a next-page link read from the response do not add up to input deciding the host.
    route(`  let u = \`https://api.a.com/repos/\${ctx.params.owner}/branches?page=1\`;
  while (u) {
    const page = await (await fetch(u)).json();
    u = page.next || null;
  }`, ''),
    // Values that read the variable itself keep the host of the others.
    route(`  let u = 'https://api.a.com/search';
  u = u + '?q=' + ctx.query.q;
  if (ctx.query.page) u = \`\${u}&page=\${ctx.query.page}\`;`),
    // No initial value: both branches write a fixed host.
    route(`  let u;
  if (ctx.query.eu) u = 'https://eu.api.a.com/x/' + ctx.params.id;
  else u = 'https://api.a.com/x/' + ctx.params.id;`),
    // requireRedirectPolicy: checked requests that do not follow redirects.
    {
      code: route(`${PARSED}
  if (u.hostname !== 'api.a.com') return;`, `  await fetch(u, { redirect: 'manual' });
  await fetch(u, { redirect: 'error' });`),
      options: [{ requireRedirectPolicy: true }],
    },
    {
      code: `import Router from '@koa/router';
import axios from 'axios';
import got from 'got';
import superagent from 'superagent';
const router = new Router();
router.post('/p', async (ctx) => {
  const u = new URL(ctx.request.body.url);
  if (u.hostname !== 'api.a.com') return;
  await axios.get(u.href, { maxRedirects: 0 });
  await got(u, { followRedirect: false });
  await superagent.get(u.href).redirects(0);
});
`,
      options: [{ requireRedirectPolicy: true }],
    },
  ],
  invalid: [
    // ---- checks that only look like a defence: reported, naming the check ----
    falseConfidence(`  let u;
  try {
    u = new URL(ctx.request.body.url);
  } catch {
    return;
  }`, 'a parse-only `new URL()`: it rejects malformed URLs and accepts every host'),
    falseConfidence(`${RAW}
  try {
    new URL(u);
  } catch {
    ctx.throw(400, 'bad url');
    return;
  }`, 'a parse-only `new URL()`: it rejects malformed URLs and accepts every host'),
    falseConfidence(`${PARSED}
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return;`, "a protocol-only check (`u.protocol !== 'https:'`); a protocol-only check (`u.protocol !== 'http:'`)"),
    falseConfidence(`${PARSED}
  if (!['http:', 'https:'].includes(u.protocol)) return;`, "a protocol-only check (`['http:', 'https:'].includes(u.protocol)`)"),
    falseConfidence(`${RAW}
  if (!u.startsWith('https://')) return;`, "a protocol-only check (`u.startsWith('https://')`)"),
    falseConfidence(`${RAW}
  if (!/^https?:\\/\\//.test(u)) return;`, 'a URL regex that does not end the host (`/^https?:\\/\\//`)'),
    falseConfidence(`${RAW}
  if (!u.startsWith('https://api.a.com')) return;`, "`startsWith('https://api.a.com')` without a trailing `/` (`https://api.a.com.evil.io` and `https://api.a.com@evil.io` pass)"),
    falseConfidence(`${RAW}
  if (!u.includes('a.com')) return;`, "a substring check (`u.includes('a.com')`)"),
    falseConfidence(`${PARSED}
  if (!u.hostname.endsWith('a.com')) return;`, "`endsWith('a.com')` without a leading dot (`evila.com` ends with it too)"),
    falseConfidence(`${PARSED}
  if (!/a\\.com$/.test(u.hostname)) return;`, 'an unanchored host regex (`/a\\.com$/`)'),
    falseConfidence(`${PARSED}
  if (!/^api.a.com$/.test(u.hostname)) return;`, 'a host regex with unescaped dots (`/^api.a.com$/`)'),
    falseConfidence(`${RAW}
  if (!/^https:\\/\\/api\\.a\\.com/.test(u)) return;`, 'a URL regex that does not end the host (`/^https:\\/\\/api\\.a\\.com/`)'),
    falseConfidence(`${RAW}
  if (!/^https:\\/\\/api.a.com\\//.test(u)) return;`, 'a URL regex with unescaped dots or wildcards in the host (`/^https:\\/\\/api.a.com\\//`)'),
    falseConfidence(`${PARSED}
  const host = u.hostname;
  if (host === 'localhost' || host.startsWith('127.') || host.startsWith('10.') || host.startsWith('192.168.')) return;`,
    `a blocklist (\`host === 'localhost'\`, \`host.startsWith('127.')\`, \`host.startsWith('10.')\`, \`host.startsWith('192.168.')\`): ${BLOCKLIST_TAIL}`),
    falseConfidence(`${PARSED}
  const BLOCKED = ['localhost', '127.0.0.1', '169.254.169.254'];
  if (BLOCKED.includes(u.hostname)) return;`, `a blocklist (\`BLOCKED.includes(u.hostname)\`): ${BLOCKLIST_TAIL}`),
    falseConfidence(`${PARSED}
  switch (u.hostname) {
    case 'localhost':
    case '127.0.0.1':
      return;
  }`, `a blocklist (\`switch (u.hostname)\` with exiting cases): ${BLOCKLIST_TAIL}`),
    falseConfidence(`${PARSED}
  if (ip.isPrivate(u.hostname)) return;`, '`ip.isPrivate(u.hostname)` of the `ip` package, which misreads `0x7f.1`, `::ffff:127.0.0.1` and other forms (CVE-2024-29415)'),
    falseConfidence(`${PARSED}
  if (!ip.isPublic(u.hostname)) return;`, '`ip.isPublic(u.hostname)` of the `ip` package, which misreads `0x7f.1`, `::ffff:127.0.0.1` and other forms (CVE-2024-29415)'),
    falseConfidence(`${PARSED}
  const { address } = await dns.promises.lookup(u.hostname);
  if (isPrivateIp(address)) return;`, 'a check of a DNS answer (`isPrivateIp(address)`) that the request does not reuse: the name can resolve elsewhere when the request is sent (DNS rebinding)'),
    falseConfidence(`${PARSED}
  const { address } = await dns.promises.lookup(u.hostname);
  if (address.startsWith('10.') || address === '127.0.0.1' || address.startsWith('169.254.')) return;`, "a check of a DNS answer (`address.startsWith('10.')`, `address === '127.0.0.1'`, `address.startsWith('169.254.')`) that the request does not reuse: the name can resolve elsewhere when the request is sent (DNS rebinding)", 'u', '  await fetch(u, { lookup: dns.lookup });'),
    falseConfidence(`${PARSED}
  if (isPrivateAddress(u.hostname)) return;`, `a blocklist (\`isPrivateAddress(u.hostname)\`): ${BLOCKLIST_TAIL}`),
    falseConfidence(`${RAW}
  if (!validator.isURL(u, { protocols: ['https'] })) return;`, "a format check (`validator.isURL(u, { protocols: ['https'] })`) that accepts any host"),
    falseConfidence(`${RAW}
  if (!URL.canParse(u)) return;`, 'a format check (`URL.canParse(u)`) that accepts any host'),
    // A helper of the file that only looks like a check: each of its checks is named.
    {
      code: route(`${RAW}
  if (!isValidUrl(u)) return;`, '  await fetch(u);', `function isValidUrl(value: string) {
  try {
    const url = new URL(value);
    if (!['http:', 'https:'].includes(url.protocol)) {
      return false;
    }
    const hostname = url.hostname.toLowerCase();
    if (hostname === 'localhost' || hostname.startsWith('10.') || hostname.startsWith('192.168.')) {
      return false;
    }
    return true;
  } catch {
    return false;
  }
}
`),
      errors: [
        {
          messageId: 'falseConfidenceCheck',
          line: 24,
          column: 15,
          endLine: 24,
          endColumn: 16,
          data: {
            sink: 'fetch',
            what: 'URL',
            source,
            checks: `a parse-only \`new URL()\`: it rejects malformed URLs and accepts every host; a protocol-only check (\`['http:', 'https:'].includes(url.protocol)\`); a blocklist (\`hostname === 'localhost'\`, \`hostname.startsWith('10.')\`, \`hostname.startsWith('192.168.')\`): ${BLOCKLIST_TAIL}`,
          },
          suggestions: [],
        },
      ],
    },
    // A helper with a path that answers "allowed" without a check (inside a `switch` the paths are not read).
    unchecked(route(`${RAW}
  if (!isAllowed(u)) return;`, '  await fetch(u);', `function isAllowed(value: string) {
  switch (new URL(value).protocol) {
    case 'https:':
      return true;
    default:
      return false;
  }
}
`), 'u'),
    // Raw host input checked with a suffix lacking its dot, before it becomes the host of a template.
    falseConfidence(`  const host = ctx.request.body.url;
  if (!host.endsWith('a.com')) return;`, "`endsWith('a.com')` without a leading dot (`evila.com` ends with it too)", '`https://${host}/x`', '  await fetch(`https://${host}/x`);', 'host'),
    // ---- presence tests: no check of the host at all, not named as one ----
    unchecked(route(`${RAW}
  if (u === undefined) return;
  if (u == null) return;
  if (!u) return;`), 'u'),
    unchecked(route('', `  if (ctx.request.body.url !== undefined && ctx.request.body.url != null && ctx.request.body.url !== void 0) {
    await fetch(ctx.request.body.url);
  }`), 'ctx.request.body.url'),
    // A presence test next to a check that does not confine the host: only the latter is named.
    falseConfidence(`${RAW}
  if (u === undefined || u === null) return;
  if (u === 'http://localhost') return;`, `a blocklist (\`u === 'http://localhost'\`): ${BLOCKLIST_TAIL}`),
    // ---- an effective check on another value than the one sent ----
    unchecked(route(`  const checked = new URL(ctx.request.body.url);
  if (checked.hostname !== 'api.a.com') return;`, '  await fetch(ctx.request.body.next);'), 'ctx.request.body.next', 0, 'ctx.request.body.next'),
    // A check after the call, or in a branch the call is not in, does not guard it.
    unchecked(route(`${PARSED}
  if (ctx.query.strict) {
    if (u.hostname !== 'api.a.com') return;
  }`, `  await fetch(u);
  if (u.hostname !== 'api.a.com') return;`), 'u'),
    // An allow-list check that only logs.
    unchecked(route(`${PARSED}
  if (!['api.a.com'].includes(u.hostname)) console.warn('unexpected host', u.hostname);`), 'u'),
    // ---- strict options ----
    {
      code: route(`  const u = \`https://api.a.com/users/\${ctx.params.id}/files?name=\${ctx.query.name}\`;`),
      options: [{ reportPathInjection: true }],
      errors: [
        // Only the path: `ctx.query.name` follows the `?`.
        { messageId: 'requestControlledPath', line: 7, column: 40, endLine: 7, endColumn: 53, data: { sink: 'fetch', source: 'ctx.params.id' } },
      ],
    },
    // One of the values a variable is given is the client's URL.
    unchecked(route(`  let u = 'https://api.a.com/items';
  if (ctx.query.mirror) u = ctx.request.body.url;`), 'u'),
    // Without an initial value, and through its own earlier value.
    unchecked(route(`  let u;
  u = 'https://api.a.com/x';
  u = ctx.request.body.url;
  u = u.trim();`), 'u'),
    {
      // Reassigned with the next page: the input in the first page's path is still a path segment.
      code: route(`  let u = \`https://api.a.com/repos/\${ctx.params.owner}/branches\`;
  while (u) {
    const page = await (await fetch(u)).json();
    u = page.next;
  }`, ''),
      options: [{ reportPathInjection: true }],
      errors: [{ messageId: 'requestControlledPath', line: 7, column: 38, endLine: 7, endColumn: 54, data: { sink: 'fetch', source: 'ctx.params.owner' } }],
    },
    {
      // Path input before the `#` or `?` reported; the fragment and query after them not; appends before a `?` too.
      code: route(`  let v = 'https://api.a.com/items/';
  v += ctx.params.id;
  v += '?q=';
  v += ctx.query.q;`, `  await fetch('https://api.a.com/docs/' + ctx.params.page + '#' + ctx.query.section);
  await fetch(v);`),
      options: [{ reportPathInjection: true }],
      errors: [
        { messageId: 'requestControlledPath', line: 8, column: 8, endLine: 8, endColumn: 21, data: { sink: 'fetch', source: 'ctx.params.id' } },
        { messageId: 'requestControlledPath', line: 11, column: 43, endLine: 11, endColumn: 58, data: { sink: 'fetch', source: 'ctx.params.page' } },
      ],
    },
    {
      code: `import Router from '@koa/router';
import axios from 'axios';
import superagent from 'superagent';
const router = new Router();
router.post('/p', async (ctx) => {
  const u = new URL(ctx.request.body.url);
  if (u.hostname !== 'api.a.com') return;
  await fetch(u);
  await axios.get(u.href, { maxRedirects: 5 });
  await superagent.get(u.href);
});
`,
      options: [{ requireRedirectPolicy: true }],
      errors: [
        { messageId: 'followsRedirects', line: 8, column: 9, endLine: 8, endColumn: 17, data: { sink: 'fetch', policy: "redirect: 'manual'" } },
        { messageId: 'followsRedirects', line: 9, column: 9, endLine: 9, endColumn: 47, data: { sink: 'axios.get', policy: 'maxRedirects: 0' } },
        { messageId: 'followsRedirects', line: 10, column: 9, endLine: 10, endColumn: 31, data: { sink: 'superagent.get', policy: '.redirects(0)' } },
      ],
    },
  ],
});
