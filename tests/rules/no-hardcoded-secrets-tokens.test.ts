import rule from '../../src/rules/no-hardcoded-secrets';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

// Provider tokens are built here from pieces so that no file of the repository holds one (CI runs secretlint).
const GITHUB_PAT = ['ghp', 'hazT9XSLxttiqRH6BPY0vaQ3gzUo2r8uZIjD'].join('_');
const STRIPE_LIVE = ['sk', 'live', 'I0y4MJ4tijz9rNViH4toETaF'].join('_');
const STRIPE_TEST = ['sk', 'test', 'g82eomJrza0g6VBbXkD5wvWD'].join('_');
const OPENAI_KEY = ['sk', 'proj', '9eXlxA3ZPHjN9Ph9XDREyRMvm1jij5IQqT6WUKVG6klyRVAD'].join('-');

// Semantics B of issue #17: provider tokens in any string (providerToken), wired to analysis/secrets' matcher.
ruleTester.run('no-hardcoded-secrets: provider tokens', rule, {
  valid: [
    // Look-alikes: a repeated body, a placeholder body, a prefix alone, a test key outside strict.
    `const a = '${['ghp', 'x'.repeat(36)].join('_')}';`,
    `const b = '${['sk', 'live', 'EXAMPLEEXAMPLEEXAMPLE1234'].join('_')}';`,
    `const c = 'ghp_';`,
    `const stripe = new Stripe('${STRIPE_TEST}');`,
    // An allowed token.
    {
      code: `const t = '${GITHUB_PAT}';`,
      settings: { 'agent-guard': { secrets: { allow: [GITHUB_PAT] } } },
    },
  ],
  invalid: [
    // A GitHub token in a string: reported at the token itself
    {
      code: `const octokit = new Octokit({ auth: 'token ${GITHUB_PAT}' });\n`,
      errors: [
        { messageId: 'providerToken', line: 1, column: 44, endLine: 1, endColumn: 84, data: { label: 'GitHub personal access token' } },
      ],
    },
    // In a template literal part
    {
      code: `const headers = { Authorization: \`Bearer ${OPENAI_KEY}\` };\n`,
      errors: [
        { messageId: 'providerToken', line: 1, column: 42, endLine: 1, endColumn: 98, data: { label: 'OpenAI API key' } },
      ],
    },
    // At a sink: reported once, as the provider token
    {
      code: `import Stripe from 'stripe';\nexport const stripe = new Stripe('${STRIPE_LIVE}');\n`,
      errors: [
        { messageId: 'providerToken', line: 2, column: 35, endLine: 2, endColumn: 67, data: { label: 'Stripe live secret key' } },
      ],
    },
    // As a fallback: reported once, as the provider token
    {
      code: `const key = process.env.STRIPE_KEY || '${STRIPE_LIVE}';\n`,
      errors: [
        { messageId: 'providerToken', line: 1, column: 40, endLine: 1, endColumn: 72 },
      ],
    },
    // Test files are included for provider tokens
    {
      code: `it('calls GitHub', () => call('${GITHUB_PAT}'));\n`,
      filename: 'src/github.test.ts',
      errors: [
        { messageId: 'providerToken', line: 1, column: 32, endLine: 1, endColumn: 72 },
      ],
    },
    // A string with escapes: reported on the whole string
    {
      code: `const t = "${GITHUB_PAT}\\n";\n`,
      errors: [
        { messageId: 'providerToken', line: 1, column: 11, endLine: 1, endColumn: 55 },
      ],
    },
    // Two tokens in one string
    {
      code: `const env = 'GH=${GITHUB_PAT} STRIPE=${STRIPE_LIVE}';\n`,
      errors: [
        { messageId: 'providerToken', line: 1, column: 17, endLine: 1, endColumn: 57 },
        { messageId: 'providerToken', line: 1, column: 65, endLine: 1, endColumn: 97 },
      ],
    },
    // Stripe test keys with testKeys (strict)
    {
      code: `const stripe = new Stripe('${STRIPE_TEST}');\n`,
      options: [{ testKeys: true }],
      errors: [
        { messageId: 'providerToken', line: 1, column: 28, endLine: 1, endColumn: 60, data: { label: 'Stripe test-mode secret key' } },
      ],
    },
    // In a JSX attribute
    {
      code: `export const App = () => <Widget apiKey="${OPENAI_KEY}" />;\n`,
      filename: 'app.tsx',
      errors: [
        { messageId: 'providerToken', line: 1, column: 42, endLine: 1, endColumn: 98 },
      ],
    },
  ],
});

// Semantics C of issue #17 (strict only): generic secrets by name and entropy (genericSecret).
ruleTester.run('no-hardcoded-secrets: generic secrets (strict)', rule, {
  valid: [
    // Off by default (recommended): the option is strict's
    {
      code: `const apiKey = 'q8Zr4Lm2Xv9Tp1Ks7Wd3';
`,
    },
    // Placeholders, short values, names that are not secret names, low entropy
    {
      code: `const password = 'your-password-here-12345';
const token = 'REPLACE_WITH_YOUR_TOKEN_123';
const apiKey = 'short-key';
const tokenUrl = 'https://auth.example.com/oauth/token?x=Zq81';
const passwordPattern = '^(?=.*[A-Z])(?=.*\\\\d).{8,64}$';
const secret = 'aaaaaaaaaaaaaaaaaaaabbbb';
const clientSecret = 'process env secret please';
`,
      options: [{ genericSecrets: true }],
    },
    // Test files
    {
      code: `const apiKey = 'q8Zr4Lm2Xv9Tp1Ks7Wd3';
`,
      filename: 'src/api.spec.ts',
      options: [{ genericSecrets: true }],
    },
    // Keys public by design: a Firebase web config's apiKey, a Stripe publishable key
    {
      code: `const firebaseConfig = { apiKey: 'AIzaSyDq8Zr4Lm2Xv9Tp1Ks7Wd3b5N6m7Q8r9S0t', authDomain: 'app.firebaseapp.com' };
const stripePublishableKey = 'pk_live_q8Zr4Lm2Xv9Tp1Ks7Wd3';
`,
      options: [{ genericSecrets: true }],
    },
    // HMAC with a literal salt is reported only with hmacKeys
    {
      code: `import crypto from 'node:crypto';
export const digest = (v) => crypto.createHmac('sha256', 'public-salt').update(v).digest('hex');
`,
      options: [{ genericSecrets: true }],
    },
  ],
  invalid: [
    // A high-entropy literal in a secret-named binding, property, class field and assignment
    {
      code: `const apiKey = 'q8Zr4Lm2Xv9Tp1Ks7Wd3';
const config = { clientSecret: 'q8Zr4Lm2Xv9Tp1Ks7Wd3x', 'api_key': \`q8Zr4Lm2Xv9Tp1Ks7Wd3y\` };
class Client {
  private readonly accessToken = 'q8Zr4Lm2Xv9Tp1Ks7Wd3z';
}
settings.dbPassword = 'q8Zr4Lm2Xv9Tp1Ks7Wd3w';
`,
      options: [{ genericSecrets: true }],
      errors: [
        { messageId: 'genericSecret', line: 1, column: 16, endLine: 1, endColumn: 38, data: { name: 'apiKey' } },
        { messageId: 'genericSecret', line: 2, column: 32, endLine: 2, endColumn: 55, data: { name: 'clientSecret' } },
        { messageId: 'genericSecret', line: 2, column: 68, endLine: 2, endColumn: 91, data: { name: 'api_key' } },
        { messageId: 'genericSecret', line: 4, column: 34, endLine: 4, endColumn: 57, data: { name: 'accessToken' } },
        { messageId: 'genericSecret', line: 6, column: 23, endLine: 6, endColumn: 46, data: { name: 'dbPassword' } },
      ],
    },
    // A literal reported at a sink is not reported again as a generic secret
    {
      code: `import jwt from 'jsonwebtoken';
const JWT_SECRET = 'q8Zr4Lm2Xv9Tp1Ks7Wd3';
jwt.sign({}, JWT_SECRET);
`,
      options: [{ genericSecrets: true, hmacKeys: true, testKeys: true }],
      errors: [
        { messageId: 'secretInSink', line: 2, column: 20, endLine: 2, endColumn: 42 },
      ],
    },
  ],
});
