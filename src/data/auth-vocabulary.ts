/**
 * The auth vocabulary as data: the words that make a name a gate (or say it is not one), and the
 * members, carriers and methods through which handlers read the caller's identity and answer the
 * request, and the URL paths and files public by design. Read by `src/analysis/auth/` (which holds the
 * judgement) and `require-auth-gate-in-route` (the default `publicRoutes`). No logic here beyond lookups.
 */

/** Words that make a middleware or wrapper name an auth gate on their own. */
export const STRONG_AUTH_WORDS: ReadonlySet<string> = new Set([
  'auth', 'authn', 'authz', 'authenticate', 'authenticated', 'authentication', 'authorize', 'authorise', 'authorized',
  'authorised', 'authorization', 'authorisation', 'authed', 'jwt', 'guard', 'guarded', 'protect', 'protected', 'bearer',
  'acl', 'rbac', 'permission', 'permissions', 'loggedin', 'signedin', 'clerk', 'requiresauth',
]);
/** Verbs that, with an identity noun, make a gate: `requireUser`, `isAdmin`, `checkToken`. */
export const GATE_VERBS: ReadonlySet<string> = new Set(['require', 'requires', 'required', 'ensure', 'ensures', 'check', 'checks', 'verify', 'verifies', 'must', 'is', 'has', 'only', 'assert', 'enforce', 'restrict', 'restricted', 'need', 'needs']);
export const IDENTITY_NOUNS: ReadonlySet<string> = new Set([
  'user', 'users', 'admin', 'admins', 'login', 'session', 'token', 'role', 'roles', 'apikey', 'scope', 'scopes', 'owner',
  'member', 'staff', 'account', 'identity', 'loggedin', 'signedin', 'superuser', 'moderator', 'signature',
  // `requireSignin` (express-jwt tutorials), `ensureSignedOn`.
  'signin', 'signon', 'signedon',
]);
/**
 * `validate` names body validators as often as gates (`validateUser` checks a sign-up form):
 * it makes a gate only with a credential noun (`validateToken`, `validateSession`).
 */
export const CREDENTIAL_WORDS: ReadonlySet<string> = new Set(['token', 'session', 'apikey', 'signature', 'credentials', 'jwt', 'bearer']);
/** Words that say the middleware does not enforce anything, or is not middleware at all. */
export const NOT_A_GATE_WORDS: ReadonlySet<string> = new Set([
  'optional', 'optionally', 'maybe', 'soft', 'try', 'attach', 'attaches', 'load', 'loads', 'populate', 'extract', 'parse',
  'init', 'initialize', 'router', 'routes', 'route', 'controller', 'service', 'config', 'options', 'client', 'callback',
  'public', 'anonymous', 'skip', 'bypass', 'without', 'logout', 'refresh', 'rate', 'limit', 'limiter', 'cors', 'logger',
  'csrf', 'csurf', 'no', 'none', 'disable', 'disabled', 'throttle', 'throttler', 'throttled', 'cache', 'xsrf',
]);

/** Identity members whose presence a handler checks: `req.user`, `ctx.state.user`, `locals.session`. */
export const IDENTITY_PROPERTIES: ReadonlySet<string> = new Set(['user', 'userId', 'auth', 'session', 'currentUser', 'principal', 'claims', 'jwtPayload', 'identity', 'viewer']);

/** Methods that send a response on a handler parameter (`res.json`, `reply.send`, `c.json`). */
export const RESPONSE_METHODS: ReadonlySet<string> = new Set(['json', 'send', 'end', 'sendFile', 'render', 'write', 'html', 'text', 'body', 'jsonp', 'sendStatus', 'download', 'stream', 'redirect']);

/** Response methods whose payload is their arguments (not a file or a template that reads other data). */
export const PAYLOAD_METHODS: ReadonlySet<string> = new Set(['json', 'send', 'end', 'text', 'html', 'write', 'jsonp', 'sendStatus']);
/**
 * Names of response helpers that answer with an HTTP error, not with data (`responses.badRequestResponse(…)`,
 * `internalServerErrorResponse()`, `notAuthenticatedResponse()`, `handleApiError(error)`): read on the
 * callee's last name, lower-cased without `_`, at its end.
 */
export const ERROR_ANSWER_NAME = /(?:error|unauthori[sz]ed|forbidden|notfound|notauthenticated|badrequest|toomanyrequests|conflict|unprocessable(?:entity)?|methodnotallowed|payloadtoolarge)(?:response|result)?$/u;

/** Constructors and helpers of a response from a payload: `new Response('pong')`, Remix `json({ ok: true })`. */
export const PAYLOAD_BUILDERS: ReadonlySet<string> = new Set(['Response', 'NextResponse', 'json', 'text', 'html']);
/** Response calls that answer without revealing data when their arguments are constants: a fixed redirect, a template rendered with constant locals, headers. */
export const CONSTANT_ANSWER_METHODS: ReadonlySet<string> = new Set([...PAYLOAD_METHODS, 'redirect', 'render', 'status', 'set', 'header', 'setHeader', 'type', 'code', 'location']);
/** Properties of a response or context a handler may set to a constant: `ctx.body = ''`, `ctx.status = 204`, `res.statusCode = 200`. */
export const CONSTANT_ANSWER_PROPERTIES: ReadonlySet<string> = new Set(['body', 'status', 'statusCode', 'type', 'message']);

/** Request objects whose `json()`/`text()`/`body` read the request, not answer it. */
export const REQUEST_OBJECTS: ReadonlySet<string> = new Set(['req', 'request', 'raw']);

/** Words that say a middleware authenticates only when credentials are present. */
export const OPTIONAL_AUTH_WORDS: ReadonlySet<string> = new Set(['optional', 'optionally', 'maybe', 'soft']);
/** Words naming authentication itself, for `optionalAuth`, `auth.optional`, `softJwt`. */
export const AUTH_WORDS: ReadonlySet<string> = new Set(['auth', 'authn', 'authenticate', 'authenticated', 'authentication', 'jwt', 'token', 'session', 'user', 'login', 'identity']);

/** Identity objects whose members throw when nobody is signed in: `req.user`, `ctx.state.user`, `c.get('user')`. */
export const IDENTITY_OBJECTS: ReadonlySet<string> = new Set(['user', 'currentUser', 'principal', 'claims', 'jwtPayload', 'identity', 'viewer']);

/** Objects frameworks hang the caller's identity on: SvelteKit/Astro `locals`, h3 `context`, Koa `state`. */
export const IDENTITY_CARRIERS: ReadonlySet<string> = new Set(['locals', 'context', 'state']);

/** tRPC builders named for who may call them: `privateProcedure`, `orgProcedure` (besides the identity nouns). */
export const PROCEDURE_AUDIENCE_WORDS: ReadonlySet<string> = new Set(['private', 'org', 'organization', 'team', 'workspace', 'tenant']);

/** Words of the object of a `verify()` call that make it a token or signature check: `jwt.verify()`, `new Webhook(secret).verify()`. */
export const VERIFIER_OBJECT_WORDS: ReadonlySet<string> = new Set(['jwt', 'jose', 'jsonwebtoken', 'webhook', 'webhooks', 'wh', 'svix', 'token', 'signature', 'hmac']);

/** Words of the object that make `getUser()`/`getSession()` an auth client's: `supabase.auth.getUser()`, `kinde.getUser()`. */
export const AUTH_CLIENT_WORDS: ReadonlySet<string> = new Set(['auth', 'kinde', 'session', 'clerk', 'supabase']);

/** Methods that look a caller up in a store by credential: `authenticatedUsers.get(token)`, `sessions.from(req)`. */
export const IDENTITY_LOOKUP_METHODS: ReadonlySet<string> = new Set(['get', 'from', 'lookup', 'find', 'findOne', 'resolve', 'fetch', 'read']);
/** Words of the store's name in such a lookup: `authenticatedUsers`, `sessionStore`, `authCache`, `jwtStore`. */
export const IDENTITY_STORE_WORDS: ReadonlySet<string> = new Set([...STRONG_AUTH_WORDS, 'session', 'sessions', 'loggedin', 'signedin']);

/** First words of a call that asks a question: `isAdmin(user)`, `hasRole(user, 'x')`, `canEdit(user)`. */
export const PREDICATE_VERBS: ReadonlySet<string> = new Set(['is', 'has', 'can']);

/** First words of a call that throws or answers 401 itself when its auth-named check fails: `requireUser(req)`, `ensureAdmin(user)`. */
export const ASSERTING_VERBS: ReadonlySet<string> = new Set([
  'require', 'requires', 'ensure', 'assert', 'protect', 'authorize', 'authorise', 'authenticate', 'enforce', 'must', 'check', 'verify', 'guard',
]);

/** One-word calls that are a gate on their own: `authorize(req)`, `authenticate(request)`. */
export const GATE_CALL_WORDS: ReadonlySet<string> = new Set(['authorize', 'authenticate', 'authorise']);

/** First words and words of a webhook sender check: `validateWebhookEvent(request)`, `verifyWebhookPayload(body, sig)`. */
export const SIGNATURE_CHECK_VERBS: ReadonlySet<string> = new Set(['verify', 'validate', 'check']);
export const SIGNATURE_WORDS: ReadonlySet<string> = new Set(['webhook', 'signature', 'hmac']);
/**
 * After `verify` only, words of a signed message: one of the first set (`verifySignedPayload(body)`,
 * `verifyJws(token)`) or every word of the second (`verifyAppleNotificationPayload(signedPayload)`).
 * `verifyPayload(body)` and `validatePayload(body)` may only check a shape.
 */
export const SIGNED_WORDS: ReadonlySet<string> = new Set(['signed', 'jws']);
export const SIGNED_MESSAGE_WORDS: readonly string[] = ['notification', 'payload'];

/**
 * Capability links: a request value named like a secret (`token`, `inviteToken`, `otp`,
 * `signature`) that the handler looks up or compares before it answers gates the route. The
 * last word of the name decides; `code` and `hash` only alone or after a qualifier, `key` only
 * after one (`inviteCode`, `accessKey`, `tokenHash`: not `countryCode`, `cacheKey`, `key`). `id`, `slug`,
 * `uuid` are never secrets.
 */
export const CAPABILITY_SECRET_WORDS: ReadonlySet<string> = new Set(['token', 'secret', 'otp', 'signature', 'sig', 'nonce', 'passcode', 'totp']);
export const CAPABILITY_QUALIFIED_WORDS: ReadonlySet<string> = new Set(['code', 'key', 'hash']);
/** Of those, the words that are no secret alone: `key` names settings, cache and challenge keys (`/flags/:key`) as often as secrets. */
export const CAPABILITY_NEVER_ALONE_WORDS: ReadonlySet<string> = new Set(['key']);
export const CAPABILITY_QUALIFIERS: ReadonlySet<string> = new Set([
  'invite', 'invitation', 'share', 'sharing', 'access', 'reset', 'verification', 'verify', 'confirm', 'confirmation', 'auth',
  'magic', 'login', 'api', 'secret', 'signing', 'unsubscribe', 'activation', 'otp', 'security', 'recovery', 'pairing', 'claim',
  'redeem', 'redemption', 'download', 'private', 'link', 'token', 'one', 'time', 'onetime', 'email', 'sms', 'mfa', 'twofactor',
]);
/** Words before a token-like word that make it no secret: push and device tokens, page cursors, CSRF tokens. */
export const NOT_SECRET_QUALIFIERS: ReadonlySet<string> = new Set([
  'push', 'device', 'fcm', 'apns', 'expo', 'notification', 'next', 'page', 'continuation', 'cursor', 'csrf', 'xsrf', 'public', 'publishable',
]);
/**
 * Calls that look a secret up or compare it, by the start of their last name: ORM and driver
 * reads (`findUnique`, `findOne`, `get`, `query`, `oneOrNone`), verifiers and comparisons
 * (`verifyOtp`, `bcrypt.compare`, `timingSafeEqual`), redemptions (`consumeToken`, `redeem`).
 * Validators (`parse`, `validate`) are not lookups.
 */
export const CAPABILITY_LOOKUP_PREFIXES: readonly string[] = [
  'find', 'get', 'fetch', 'load', 'query', 'select', 'where', 'first', 'lookup', 'retrieve', 'read', 'verify', 'compare', 'check',
  'consume', 'redeem', 'claim', 'accept', 'decline', 'timingsafeequal', 'safecompare', 'securecompare', 'constanttimeequal',
  'equals', 'execute', 'oneornone', 'one', 'many', 'all', 'exists', 'count',
];

/**
 * URL paths public by design (health checks, sign-in flows, well-known files); the default
 * `publicRoutes` take each also under `/api`, `/api/v*` and `/v*` (`/api/v1/health`).
 */
export const PUBLIC_PATHS: readonly string[] = [
  '/health*', '/health/**', '/healthz', '/ready*', '/live*', '/status', '/metrics', '/ping', '/login', '/logout', '/signin', '/signout',
  '/signup', '/register', '/auth/**', '/callback*', '/forgot-password', '/reset-password*', '/verify*', '/public/**',
  '/favicon.ico', '/robots.txt', '/.well-known/**', '/join', '/sitemap*.xml', '/rss*', '/feed*.xml', '/feed*.rss', '/atom*.xml', '/manifest.webmanifest',
  '/resources/healthcheck', '/csp-report*', '/signIn', '/signUp', '/signOut', '/forgotPassword', '/resetPassword*',
  // The app's own bundled files and its interface translations, which the sign-in page itself loads.
  '/static/**', '/locales/**', '/locales.json',
];

/**
 * Path segments that name an authentication endpoint wherever they sit (`/merchants/register`,
 * `/api/v1/partners/login`), compared whole after lower-casing and dropping `-`/`_`
 * (`forgot-password`, `forgot_password`, `forgotPassword`): `/admin/login-history` and
 * `/users/:id/callbacks` do not match. Public when every segment before is static and every
 * segment after is a parameter (`/reset-password/:token`, `/logout/:redirect`).
 */
export const AUTH_ENDPOINT_SEGMENTS: ReadonlySet<string> = new Set([
  'login', 'logout', 'signin', 'signout', 'signup', 'register', 'forgotpassword', 'resetpassword', 'verifyemail', 'callback',
  'csrf', 'csrftoken',
  // Short forms: `/forgot`, `/forgotpw`, `/reset-pw` (appsecco/dvna).
  'forgot', 'forgotpw', 'resetpw',
  // The same pages under other names: `/password-reset/:id`, `/customer/forgotten`, `/lost-password`.
  'passwordreset', 'forgotten', 'lostpassword', 'recoverpassword', 'passwordrecovery',
]);
/**
 * Words that may follow a sign-in endpoint inside its segment, naming a step or a form of it:
 * `login_action`, `login-methods`, `signup-form`, `login-reset/:token`, `reset-password-request`.
 * `login-history`, `login-as`, `register-device` and `login-attempts` name something else.
 */
export const AUTH_ENDPOINT_STEP_WORDS: ReadonlySet<string> = new Set([
  'action', 'form', 'page', 'submit', 'request', 'confirm', 'methods', 'options', 'providers', 'reset', 'start', 'complete', 'redirect',
  'check', 'status',
]);
/** Segments that start a sign-in flow: public with anything after them (`/api/oauth/google/callback`, `/sso/saml/acs`); static before. */
export const AUTH_FLOW_SEGMENTS: ReadonlySet<string> = new Set(['oauth', 'oauth2', 'sso', 'saml', 'oidc']);
/** Segments public at any depth, whatever surrounds them: Open Graph image routes and CSP violation reports. */
export const PUBLIC_ANYWHERE_SEGMENTS: ReadonlySet<string> = new Set(['opengraphimage', 'twitterimage', 'cspreport']);
/**
 * Reads public by design (GET/HEAD only), by their first segment after the prefixes of
 * `PUBLIC_PATH_PREFIXES`: API descriptions (`/openapi.json`, `/openAPI-spec.json`, `/swagger*`,
 * `/api-docs`), compared lower-cased, prefixes of the segment; and Open Graph images by the first
 * word of the first or the last segment (`/og`, `/api/og/…`, `/api/og-image`, `/api/v1/client/og`).
 */
export const PUBLIC_READ_SEGMENT_PREFIXES: readonly string[] = ['openapi', 'swagger', 'api-docs', 'apidocs', 'redoc'];
export const PUBLIC_READ_SEGMENTS: ReadonlySet<string> = new Set(['og']);
/** API descriptions by the first word of the last segment, at any depth: `/api/private/openapi`, `/v2/docs/openapi.json`, `/internal/swagger-ui`. */
export const API_DESCRIPTION_WORDS: ReadonlySet<string> = new Set(['openapi', 'swagger']);
/** Reads public by design by their last segment at any depth: a CAPTCHA is fetched before anyone signs in (`/rest/captcha`, `/api/auth/captcha`). */
export const PUBLIC_READ_LAST_SEGMENTS: ReadonlySet<string> = new Set(['captcha']);
/**
 * Health checks by their last segment, at any depth of static segments (`/monitoring/health`,
 * `/api/v1/system/health-check`), compared without `-`/`_`: load balancers and orchestrators call
 * them without credentials. After a parameter they name someone's data (`/patients/:id/health`).
 */
export const HEALTH_CHECK_SEGMENTS: ReadonlySet<string> = new Set(['health', 'healthz', 'healthcheck', 'livez', 'readyz', 'liveness', 'readiness']);
/** Reads public by design by how their last segment ends, at any depth: a web app manifest (`/assets/:lang/site.webmanifest`). */
export const PUBLIC_READ_LAST_SUFFIXES: readonly string[] = ['.webmanifest'];
/** Reads public by design only as the whole path (`/docs`, `/feed`): under `/api` or with an id they name documents and personal feeds. */
export const PUBLIC_ROOT_READ_SEGMENTS: ReadonlySet<string> = new Set(['docs', 'feed', 'feed.json', 'rss']);

/** The prefixes under which `PUBLIC_PATHS` are public too. */
export const PUBLIC_PATH_PREFIXES: readonly string[] = ['', '/api', '/api/v*', '/v*'];

/** File-routed frameworks' public files, as file globs (no leading `/`). */
export const PUBLIC_FILE_GLOBS: readonly string[] = [
  'app/api/auth/**', 'app/api/health/**', 'pages/api/auth/**', 'server/api/public/**', 'server/api/auth/**',
  'src/routes/auth/**', 'app/routes/auth*',
];

/**
 * What the text of a file that defines a gate must mention somewhere: an identity, a credential
 * or an auth client, or a refusal (401/403, `Unauthorized`, `Forbidden`). A file that mentions
 * none of these cannot hold a function that rejects anonymous callers, and is not parsed to look.
 */
export const MENTIONS_AUTH = /auth|session|token|jwt|user|login|sign_?in|credential|principal|identity|actor|account|bearer|cookie|passport|permission|role|clerk|supabase|firebase|kinde|lucia|40[13]|unauthori[sz]ed|forbidden/iu;

