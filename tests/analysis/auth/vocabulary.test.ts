import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { AUTH_CLIENT_WORD, VERIFIER_WORD, writtenName } from '../../../src/analysis/auth/names';
import { compileNameSpecs, matchWrittenName } from '../../../src/core/name-specs';
import type { WrittenName } from '../../../src/analysis/auth/names';
import { isAuthName, matchesList } from '../../../src/analysis/auth/vocabulary';
import { AUTH_CLIENT_WORDS, PUBLIC_FILE_GLOBS, PUBLIC_PATH_PREFIXES, PUBLIC_PATHS, VERIFIER_OBJECT_WORDS } from '../../../src/data/auth-vocabulary';
import { DEFAULT_PUBLIC_ROUTES } from '../../../src/rules/require-auth-gate-in-route';
import { childNodes, dottedName } from '../../../src/core/ast';
import type { FileContext } from '../../../src/core/context';
import { wordsOf } from '../../../src/core/words';

/** Runs `inspect` on the parsed file (TypeScript parser for `.ts`, espree for `.js`), with the rule context as the engine's file context. */
function inFile(code: string, inspect: (context: FileContext, program: TSESTree.Program) => void, filename = 'file.ts'): void {
  let ran = false;
  // Thrown after ESLint returns: an error thrown in a rule comes back carrying the AST, which a reporter then walks.
  let failure: unknown = null;
  const rule: TSESLint.RuleModule<'x'> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    create(context) {
      return {
        'Program:exit'(program: TSESTree.Program) {
          try {
            inspect(context, program);
            ran = true;
          } catch (error) {
            failure = error;
          }
        },
      };
    },
  };
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    [
      {
        files: ['**/*.{js,ts}'],
        languageOptions: { ...(filename.endsWith('.ts') ? { parser: tsParser as never } : {}), sourceType: 'module' },
        plugins: { probe: { rules: { rule: rule as never } } },
        rules: { 'probe/rule': 'error' },
      },
    ],
    filename,
  );
  if (failure !== null) {
    throw failure;
  }
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  expect(ran).toBe(true);
}

function allNodes(context: FileContext, root: TSESTree.Node): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(node);
    stack.push(...childNodes(context.sourceCode, node));
  }
  return out;
}

function joined(name: WrittenName | null): string | null {
  if (name === null) {
    return null;
  }
  const parts: string[] = [];
  for (let current: WrittenName | null = name; current !== null; current = current.object) {
    parts.unshift(current.last);
  }
  return parts.join('.');
}

describe('writtenName', () => {
  const code = [
    'a.b.c(x).d().e;',
    'this.auth.session.getUser();',
    'new Webhook(secret).verify(body);',
    'f()()().g;',
    'foo[0].bar.baz();',
    'foo["x"]();',
    '(a as any).b!.c(d satisfies D);',
    '(<any>x).y;',
    'supabase.auth.getUser();',
    'jwt.verify(token);',
    'tokens.jsonwebtoken.helpers.verify(t);',
    '`t`.x; (a + b).c; (() => 1)().d;',
    'svc.#p;',
  ].join('\n');
  const withClass = `${code.replace('svc.#p;', '')}\nclass S { #p = 1; m() { return this.#p; } }`;

  it('gives the name dottedName gives, for every node of the file', () => {
    inFile(withClass, (context, program) => {
      const nodes = allNodes(context, program);
      expect(nodes.length).toBeGreaterThan(100);
      for (const node of nodes) {
        expect(joined(writtenName(context, node)), context.sourceCode.getText(node)).toBe(dottedName(node));
      }
    });
  });

  it('counts segments and flags the verifier and auth-client words of any segment', () => {
    inFile(withClass, (context, program) => {
      for (const node of allNodes(context, program)) {
        const name = writtenName(context, node);
        const full = dottedName(node);
        if (name === null || full === null) {
          continue;
        }
        const words = full.split('.').flatMap(wordsOf);
        expect(name.length).toBe(full.split('.').length);
        expect((name.words & VERIFIER_WORD) !== 0, full).toBe(words.some((w) => VERIFIER_OBJECT_WORDS.has(w)));
        expect((name.words & AUTH_CLIENT_WORD) !== 0, full).toBe(words.some((w) => AUTH_CLIENT_WORDS.has(w)));
      }
    });
  });

  it('shares the name of a chain between its calls: each call adds one segment', () => {
    const n = 3000;
    inFile(`pool${'.query(a)'.repeat(n)};`, (context, program) => {
      // Outermost first, as the handler walk visits them.
      let call = (program.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
      const outer = writtenName(context, call.callee)!;
      expect(outer.length).toBe(n + 1);
      let name = outer;
      for (let i = 0; i < n - 1; i++) {
        const inner = (call.callee as TSESTree.MemberExpression).object as TSESTree.CallExpression;
        // Identity, not equality: a failure must not print a 3,000-deep object.
        expect(name.object === writtenName(context, inner)).toBe(true);
        expect(writtenName(context, inner.callee) === name.object).toBe(true);
        call = inner;
        name = name.object!;
      }
      expect(joined(name)).toBe('pool.query');
    }, 'file.js');
  });
});

describe('matchWrittenName (core) over written names', () => {
  // The string reading it replaces, on the joined name.
  const byString = (full: string, entry: string): boolean => full === entry || full.endsWith(`.${entry}`);
  const names = ['requireUser', 'auth.requireUser', 'this.auth.requireUser', 'xauth.requireUser', 'auth.required', 'req.auth.required', 'a.b.c.d'];
  const entries = ['requireUser', 'auth.requireUser', 'auth.required', 'required', 'uth.required', 'c.d', 'b.c.d', 'a.b.c.d', 'x.a.b.c.d', '', '.', '.requireUser', 'requireUser.', 'auth..requireUser', 'd'];

  it.each(names)('%s: the same answer as the string reading for every entry', (full) => {
    inFile(`${full};`, (context, program) => {
      const name = writtenName(context, (program.body[0] as TSESTree.ExpressionStatement).expression)!;
      expect(joined(name)).toBe(full);
      for (const entry of entries) {
        const expression = (program.body[0] as TSESTree.ExpressionStatement).expression;
        expect(matchWrittenName(expression, compileNameSpecs([entry])) !== null, `${full} / ${entry}`).toBe(byString(full, entry));
      }
    });
  });
});

describe('matchesList', () => {
  const code = [
    "import { guard } from '@acme/auth';",
    "import * as acme from '@acme/auth';",
    'requireUser(req);',
    'auth.requireUser(req);',
    'xrequireUser(req);',
    'req.auth.required();',
    'required();',
    'guard(req);',
    'acme.guard(req);',
    'acme.other(req);',
    'getClient().auth.required();',
  ].join('\n');
  const verdicts = (list: readonly string[]): Record<string, boolean> => {
    const out: Record<string, boolean> = {};
    inFile(code, (context, program) => {
      for (const statement of program.body) {
        if (statement.type === 'ExpressionStatement' && statement.expression.type === 'CallExpression') {
          const callee = statement.expression.callee;
          out[context.sourceCode.getText(callee)] = matchesList(context, list, callee);
        }
      }
    });
    return out;
  };

  it('matches plain entries by whole trailing segments', () => {
    expect(verdicts(['requireUser', 'auth.required'])).toEqual({
      requireUser: true,
      'auth.requireUser': true,
      xrequireUser: false,
      'req.auth.required': true,
      required: false,
      guard: false,
      'acme.guard': false,
      'acme.other': false,
      'getClient().auth.required': true,
    });
  });

  it('matches module entries by what the callee resolves to', () => {
    expect(verdicts(['@acme/auth#guard'])).toEqual({
      requireUser: false,
      'auth.requireUser': false,
      xrequireUser: false,
      'req.auth.required': false,
      required: false,
      guard: true,
      'acme.guard': true,
      'acme.other': false,
      'getClient().auth.required': false,
    });
  });

  it('matches nothing with an empty list', () => {
    expect(Object.values(verdicts([])).some(Boolean)).toBe(false);
  });
});

describe('isAuthName on names read from their end', () => {
  it.each([
    ['requireAuth', true],
    ['auth.required', true],
    ['optionalAuth', false],
    ['checkApiKey', true],
    ['validateBody', false],
  ])('%s → %s', (name, gate) => {
    expect(isAuthName(name)).toBe(gate);
    // Asked again (the words are memoised): the same verdict.
    expect(isAuthName(name)).toBe(gate);
  });
});

describe('public-path tables', () => {
  it('compose the rule default publicRoutes: each path under every prefix, then the file globs', () => {
    expect(DEFAULT_PUBLIC_ROUTES).toEqual([...PUBLIC_PATHS.flatMap((path) => PUBLIC_PATH_PREFIXES.map((prefix) => `${prefix}${path}`)), ...PUBLIC_FILE_GLOBS]);
  });
});

describe('isAuthName', () => {
  // Every name issue #5 lists, the common library spellings, and project-style names.
  it.each([
    'requireAuth', 'requireUser', 'ensureAuthenticated', 'ensureLoggedIn', 'isAuthenticated', 'authenticate', 'authorize',
    'verifyToken', 'verifyJwt', 'checkJwt', 'protect', 'auth', 'authMiddleware', 'withAuth', 'withApiAuthRequired',
    'passport.authenticate', 'expressjwt', 'jwt', 'clerkMiddleware', 'bearerAuth', 'basicAuth', 'AuthGuard', 'JwtAuthGuard',
    'RolesGuard', 'isAdmin', 'adminOnly', 'hasPermission', 'checkRole', 'requireRole', 'validateToken', 'validateApiKey',
    'verifySignature', 'auth.required', 'fastify.authenticate', 'ensure-logged-in', 'require_login', 'mustBeSignedIn',
  ])('%s is a gate', (name) => {
    expect(isAuthName(name)).toBe(true);
  });

  // Look-alikes that attach, skip, limit or validate without enforcing anything.
  it.each([
    'optionalAuth', 'authOptional', 'auth.optional', 'maybeAuth', 'softAuth', 'noAuth', 'skipAuth', 'attachUser', 'loadUser',
    'populateUser', 'session', 'cors', 'helmet', 'rateLimit', 'authLimiter', 'authRouter', 'authController.login', 'csrfProtect',
    'csrfProtection', 'validateUser', 'validateBody', 'refreshToken', 'logger', 'publicRoute', 'clerkClient', 'express.json',
    'upload.single', 'asyncHandler', 'cache.hasKey', 'handler', '',
  ])('%s is not a gate', (name) => {
    expect(isAuthName(name)).toBe(false);
  });
});

