import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { CALL, CONSTRUCT } from '../../../src/core/modules';
import {
  clientEnvPrefixes,
  compileTimeStrings,
  envReadName,
  exposedSecretPrefix,
  isSecretName,
  isServerOnlyName,
  looksLikeGenericSecret,
  mentionsClientEnv,
  parseSecretSinkSpec,
  secretSinkMap,
  shannonEntropy,
} from '../../../src/analysis/secrets/index';

/** What `compileTimeStrings` finds for the argument of every `probe(…)` call of `code`. */
function probe(code: string): { value: string; fallback: string | null; env: string | null }[][] {
  const found: { value: string; fallback: string | null; env: string | null }[][] = [];
  const linter = new Linter({ configType: 'flat' });
  linter.verify(code, [{
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as unknown as Linter.Parser },
    plugins: {
      probe: {
        rules: {
          strings: {
            create: (context) => ({
              'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
                found.push(compileTimeStrings(context as never, node.arguments[0]!).map((literal) => ({
                  value: literal.value,
                  fallback: literal.fallback ? literal.fallback.type : null,
                  env: literal.envName,
                })));
              },
            }),
          },
        },
      },
    },
    rules: { 'probe/strings': 'error' },
  }], 'file.ts');
  return found;
}

describe('compileTimeStrings', () => {
  it('follows const chains, TS wrappers, config objects, destructuring and key wrappers', () => {
    expect(probe(`
const A = 'lit';
const B = A as string;
const C = { a: { b: process.env.X || 'fb' } } as const;
const { a: { b: D } } = C;
const { E = 'default' } = process.env;
const F = new TextEncoder().encode(\`tpl\`);
function f() { probe(B!); probe(C.a.b); probe(D); probe(E); probe(F); probe(['k1', cond ? 'k2' : k3]); }
`)).toEqual([
      [{ value: 'lit', fallback: null, env: null }],
      [{ value: 'fb', fallback: 'LogicalExpression', env: 'X' }],
      [{ value: 'fb', fallback: 'LogicalExpression', env: 'X' }],
      [{ value: 'default', fallback: 'AssignmentPattern', env: 'E' }],
      [{ value: 'tpl', fallback: null, env: null }],
      [{ value: 'k1', fallback: null, env: null }, { value: 'k2', fallback: null, env: null }],
    ]);
  });

  it('leaves out empty strings, non-constant values, reassigned variables and unknown calls', () => {
    expect(probe(`
let key = 'a';
key = read();
const fromCall = compute('b');
probe(process.env.K ?? '');
probe(process.env.K || undefined);
probe(key);
probe(fromCall);
probe(\`\${prefix}-x\`);
probe(obj[dynamic]);
`)).toEqual([[], [], [], [], [], []]);
  });

  it('follows spreads of members and bounds the lookups when spreads branch', () => {
    expect(probe(`
const defaults = { jwt: { secret: 'from-spread' } };
const config = { ...defaults.jwt, issuer: 'x' };
probe(config.secret);
`)).toEqual([[{ value: 'from-spread', fallback: null, env: null }]]);
    // Each object spreads two members that are the previous object: 2^40 paths without a bound.
    const levels = Array.from({ length: 40 }, (_, i) => `const c${i + 1} = { p: o${i}, q: o${i} };\nconst o${i + 1} = { ...c${i + 1}.p, ...c${i + 1}.q };`);
    const started = performance.now();
    expect(probe(`const o0 = { other: 1 };\n${levels.join('\n')}\nprobe(o40.secret);\n`)).toEqual([[]]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('does not loop on self-referencing objects', () => {
    expect(probe(`
const a = { self: a, v: a.self.v };
probe(a.self.self.v);
`)).toEqual([[]]);
  });
});

describe('envReadName', () => {
  it('reads process.env and import.meta.env members, the first of a chain', () => {
    const names: (string | null)[] = [];
    const linter = new Linter({ configType: 'flat' });
    linter.verify("x(process.env.A); x(process.env['B']); x(import.meta.env.C); x(process.env.D || process.env.E); x(env.F); x(process.env[k]);", [{
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { probe: { rules: { env: { create: () => ({ 'CallExpression[callee.name="x"]': (node: TSESTree.CallExpression) => void names.push(envReadName(node.arguments[0]!)) }) } } } },
      rules: { 'probe/env': 'error' },
    }], 'file.ts');
    expect(names).toEqual(['A', 'B', 'C', 'D', null, null]);
  });
});

describe('credential sinks', () => {
  it('parses secrets.sinks entries: argument index, property path, nested export', () => {
    expect(parseSecretSinkSpec('@acme/crypto#sign:1')).toMatchObject({ modules: ['@acme/crypto'], exports: ['sign'], slots: [{ arg: 1 }], use: 'both' });
    expect(parseSecretSinkSpec('@acme/db#connect.password')).toMatchObject({ exports: ['connect'], slots: [{ arg: 0, path: ['password'] }] });
    expect(parseSecretSinkSpec('@acme/db#db.connect:0.auth.pass')).toMatchObject({ exports: ['db.connect'], slots: [{ arg: 0, path: ['auth', 'pass'] }] });
    expect(parseSecretSinkSpec('node:crypto#sign')).toMatchObject({ modules: ['crypto'], slots: [{ arg: 0 }] });
    expect(parseSecretSinkSpec('@acme/x#default:2')).toMatchObject({ exports: [''], slots: [{ arg: 2 }] });
  });

  it('ignores entries that are no sink', () => {
    for (const spec of ['sign', '#sign', 'm#', 'm#sign:', 'm#sign:x', 'm#sign:1.', 'm#a..b', 'm#sign:1..p', 'm#sign:9999']) {
      expect(parseSecretSinkSpec(spec), spec).toBeNull();
    }
  });

  it('builds one trace map of the built-in and the declared sinks, calls and constructions', () => {
    const map = secretSinkMap(['@acme/crypto#sign:1', 'invalid']);
    expect(map['jsonwebtoken']!['sign']![CALL]!.map((sink) => sink.family)).toEqual(['jwt']);
    expect(map['pg']!['Pool']![CONSTRUCT]!.map((sink) => sink.label)).toEqual(['pg']);
    expect(map['stripe']![CALL]).toBeDefined();
    expect(map['stripe']![CONSTRUCT]).toBeDefined();
    expect(map['@acme/crypto']!['sign']![CALL]!.map((sink) => sink.family)).toEqual(['custom']);
    expect(map['crypto']!['createHmac']![CALL]!.every((sink) => sink.strictOnly)).toBe(true);
  });
});

describe('client-bundle variables', () => {
  const prefixes = clientEnvPrefixes(['PUBLIC_', '', 'bad prefix', '1X_']);

  it('keeps valid extra prefixes only', () => {
    expect(prefixes.prefixes).toContain('PUBLIC_');
    expect(prefixes.prefixes).not.toContain('');
    expect(prefixes.prefixes).not.toContain('bad prefix');
    expect(prefixes.prefixes).not.toContain('1X_');
  });

  it.each([
    ['SUPABASE_SERVICE_ROLE_KEY', true],
    ['OPENAI_API_KEY', true],
    ['STRIPE_SECRET_KEY', true],
    ['DB_PASSWORD', true],
    ['GEMINI_KEY', true],
    ['PRIVATE_KEY', true],
    ['SUPABASE_ANON_KEY', false],
    ['STRIPE_PUBLISHABLE_KEY', false],
    ['FIREBASE_API_KEY', false],
    ['GOOGLE_MAPS_API_KEY', false],
    ['SENTRY_DSN', false],
    ['POSTHOG_KEY', false],
    ['API_URL', false],
    ['OPENAI_MODEL', false],
    ['STRIPE_KEY', false],
  ])('isServerOnlyName(%s) is %s', (name, expected) => {
    expect(isServerOnlyName(name)).toBe(expected);
  });

  it('names the public prefix of an exposed secret', () => {
    expect(exposedSecretPrefix('NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY', prefixes)).toBe('NEXT_PUBLIC_');
    expect(exposedSecretPrefix('VITE_OPENAI_API_KEY', prefixes)).toBe('VITE_');
    expect(exposedSecretPrefix('PUBLIC_OPENAI_API_KEY', prefixes)).toBe('PUBLIC_');
    expect(exposedSecretPrefix('VITE_STRIPE_PUBLISHABLE_KEY', prefixes)).toBeNull();
    expect(exposedSecretPrefix('OPENAI_API_KEY', prefixes)).toBeNull();
    expect(exposedSecretPrefix('VITE_', prefixes)).toBeNull();
  });

  it('pre-checks the file text', () => {
    expect(mentionsClientEnv('const x = import.meta.env.VITE_X;', prefixes)).toBe(true);
    expect(mentionsClientEnv("import { env } from '$env/dynamic/public';", prefixes)).toBe(true);
    expect(mentionsClientEnv('const x = process.env.PORT;', prefixes)).toBe(false);
  });
});

describe('generic secrets', () => {
  it('measures Shannon entropy in bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('q8Zr4Lm2Xv9Tp1Ks7Wd3')).toBeGreaterThan(4);
  });

  it.each([
    ['apiKey', true], ['API_KEY', true], ['clientSecret', true], ['JWT_SECRET', true], ['accessToken', true],
    ['dbPassword', true], ['privateKey', true], ['AWS_ACCESS_KEY', true], ['passwd', true],
    ['tokenUrl', false], ['passwordResetPath', false], ['secretName', false], ['keyboard', false], ['tokenType', false],
  ])('isSecretName(%s) is %s', (name, expected) => {
    expect(isSecretName(name)).toBe(expected);
  });

  it.each([
    ['q8Zr4Lm2Xv9Tp1Ks7Wd3', true],
    ['short-Zq8', false],
    ['your-api-key-goes-here-123', false],
    ['aaaaaaaaaaaaaaaaaaaaaaaa', false],
    ['has some spaces in it 123', false],
    ['https://example.com/callback', false],
    ['test_q8Zr4Lm2Xv9Tp1Ks7Wd3', false],
  ])('looksLikeGenericSecret(%s) is %s', (value, expected) => {
    expect(looksLikeGenericSecret(value)).toBe(expected);
  });
});
