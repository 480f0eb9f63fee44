import rule from '../../src/rules/no-hardcoded-secrets';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

// Semantics D of issue #17: server secrets read through client-bundle variables (clientExposedSecret).
ruleTester.run('no-hardcoded-secrets: client-bundle variables', rule, {
  valid: [
    // Public by design: Supabase anon key, Stripe publishable key, Firebase config, Sentry DSN, PostHog, maps
    `const supabase = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL, process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY);
const stripe = loadStripe(import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY);
const firebase = { apiKey: import.meta.env.VITE_FIREBASE_API_KEY };
Sentry.init({ dsn: process.env.NEXT_PUBLIC_SENTRY_DSN });
posthog.init(process.env.NEXT_PUBLIC_POSTHOG_KEY);
const maps = process.env.REACT_APP_GOOGLE_MAPS_API_KEY;
const clerk = process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY;
`,
    // Server-only names without a public prefix are server code's business
    `const key = process.env.OPENAI_API_KEY;
const role = process.env.SUPABASE_SERVICE_ROLE_KEY;
const { STRIPE_SECRET_KEY } = process.env;
`,
    // Public names that are not secrets
    `const url = import.meta.env.VITE_API_URL;
const id = process.env.NEXT_PUBLIC_GA_MEASUREMENT_ID;
const app = process.env.EXPO_PUBLIC_APP_NAME;
const keyName = process.env.NEXT_PUBLIC_STRIPE_KEY;
`,
    // A prefixed member of another object
    `const config = { VITE_OPENAI_API_KEY: 'x' };
const k = config.VITE_OPENAI_API_KEY;
const s = settings.NEXT_PUBLIC_SECRET;
`,
    // SvelteKit private modules are server-only by construction
    `import { OPENAI_API_KEY } from '$env/static/private';
import { env } from '$env/dynamic/private';
const k = env.STRIPE_SECRET_KEY;
`,
    // SvelteKit public names that are public by design
    `import { PUBLIC_SUPABASE_ANON_KEY, PUBLIC_SUPABASE_URL } from '$env/static/public';
`,
    // An allowed name
    {
      code: `const k = import.meta.env.VITE_OPENAI_API_KEY;
`,
      settings: { 'agent-guard': { secrets: { allow: ['VITE_OPENAI_API_KEY'] } } },
    },
  ],
  invalid: [
    // Vite: an LLM key in the bundle
    {
      code: `import OpenAI from 'openai';
const openai = new OpenAI({ apiKey: import.meta.env.VITE_OPENAI_API_KEY, dangerouslyAllowBrowser: true });
`,
      errors: [
        { messageId: 'clientExposedSecret', line: 2, column: 53, endLine: 2, endColumn: 72, data: { name: 'VITE_OPENAI_API_KEY', exposure: 'a `VITE_` variable' } },
      ],
    },
    // Next.js: the Supabase service role key
    {
      code: `export const admin = createClient(process.env.NEXT_PUBLIC_SUPABASE_URL!, process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY!);
`,
      errors: [
        { messageId: 'clientExposedSecret', line: 1, column: 86, endLine: 1, endColumn: 123, data: { name: 'NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY', exposure: 'a `NEXT_PUBLIC_` variable' } },
      ],
    },
    // Each prefix, each word
    {
      code: `const a = process.env.EXPO_PUBLIC_ANTHROPIC_API_KEY;
const b = process.env.NUXT_PUBLIC_STRIPE_SECRET_KEY;
const c = process.env.REACT_APP_DB_PASSWORD;
const d = process.env.GATSBY_PRIVATE_TOKEN;
const e = import.meta.env.VITE_GEMINI_KEY;
const f = import.meta.env.VITE_GROQ_API_KEY;
const g = process.env.NEXT_PUBLIC_OPENROUTER_API_KEY;
const h = process.env.NEXT_PUBLIC_JWT_SECRET;
`,
      errors: [
        { messageId: 'clientExposedSecret', line: 1, column: 23, endLine: 1, endColumn: 52 },
        { messageId: 'clientExposedSecret', line: 2, column: 23, endLine: 2, endColumn: 52 },
        { messageId: 'clientExposedSecret', line: 3, column: 23, endLine: 3, endColumn: 44 },
        { messageId: 'clientExposedSecret', line: 4, column: 23, endLine: 4, endColumn: 43 },
        { messageId: 'clientExposedSecret', line: 5, column: 27, endLine: 5, endColumn: 42 },
        { messageId: 'clientExposedSecret', line: 6, column: 27, endLine: 6, endColumn: 44 },
        { messageId: 'clientExposedSecret', line: 7, column: 23, endLine: 7, endColumn: 53 },
        { messageId: 'clientExposedSecret', line: 8, column: 23, endLine: 8, endColumn: 45 },
      ],
    },
    // Computed reads and destructuring of process.env
    {
      code: `const key = process.env['NEXT_PUBLIC_OPENAI_API_KEY'];
const { NEXT_PUBLIC_STRIPE_SECRET_KEY, NEXT_PUBLIC_SITE_URL } = process.env;
const { VITE_SUPABASE_SERVICE_ROLE_KEY: serviceRole } = import.meta.env;
`,
      errors: [
        { messageId: 'clientExposedSecret', line: 1, column: 25, endLine: 1, endColumn: 53 },
        { messageId: 'clientExposedSecret', line: 2, column: 9, endLine: 2, endColumn: 38 },
        { messageId: 'clientExposedSecret', line: 3, column: 9, endLine: 3, endColumn: 39 },
      ],
    },
    // Each read is reported once, where it is
    {
      code: `const k1 = import.meta.env.VITE_OPENAI_API_KEY;
const k2 = import.meta.env.VITE_OPENAI_API_KEY ?? '';
`,
      errors: [
        { messageId: 'clientExposedSecret', line: 1, column: 28, endLine: 1, endColumn: 47 },
        { messageId: 'clientExposedSecret', line: 2, column: 28, endLine: 2, endColumn: 47 },
      ],
    },
    // SvelteKit $env/static/public and $env/dynamic/public
    {
      code: `import { PUBLIC_STRIPE_SECRET_KEY, PUBLIC_SUPABASE_URL } from '$env/static/public';
import { env } from '$env/dynamic/public';
const k = env.PUBLIC_OPENAI_API_KEY;
`,
      filename: 'src/routes/+page.ts',
      errors: [
        { messageId: 'clientExposedSecret', line: 1, column: 10, endLine: 1, endColumn: 34, data: { name: 'PUBLIC_STRIPE_SECRET_KEY', exposure: "imported from SvelteKit's `$env/static/public`" } },
        { messageId: 'clientExposedSecret', line: 3, column: 15, endLine: 3, endColumn: 36 },
      ],
    },
    // secrets.clientEnvPrefixes adds prefixes (Astro's PUBLIC_)
    {
      code: `const key = import.meta.env.PUBLIC_OPENAI_API_KEY;
`,
      settings: { 'agent-guard': { secrets: { clientEnvPrefixes: ['PUBLIC_', '', 'not valid'] } } },
      errors: [
        { messageId: 'clientExposedSecret', line: 1, column: 29, endLine: 1, endColumn: 50, data: { name: 'PUBLIC_OPENAI_API_KEY', exposure: 'a `PUBLIC_` variable' } },
      ],
    },
    // Test files are included: the variable is in the bundle whatever reads it
    {
      code: `expect(process.env.NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY).toBeDefined();
`,
      filename: 'app/env.test.ts',
      errors: [
        { messageId: 'clientExposedSecret', line: 1, column: 20, endLine: 1, endColumn: 57 },
      ],
    },
    // Plain JavaScript in a .jsx component
    {
      code: `export function Chat() {
  const key = process.env.REACT_APP_OPENAI_API_KEY;
  return <button onClick={() => send(key)}>Send</button>;
}
`,
      filename: 'src/Chat.jsx',
      errors: [
        { messageId: 'clientExposedSecret', line: 2, column: 27, endLine: 2, endColumn: 51 },
      ],
    },
  ],
});
