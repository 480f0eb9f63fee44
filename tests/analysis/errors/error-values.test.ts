import type { TSESLint } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { getErrorValues } from '../../../src/analysis/errors/error-values';
import type { ErrorValueBinding } from '../../../src/analysis/errors/error-values';

type Facts = Record<string, { binding: ErrorValueBinding | null; starts: boolean }>;

/** The error-value facts of every named variable of `code` (the last one of a name wins). */
function factsOf(code: string): Facts {
  const facts: Facts = {};
  const rule: TSESLint.RuleModule<string, []> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'() {
          const values = getErrorValues(context);
          for (const scope of context.sourceCode.scopeManager!.scopes) {
            for (const variable of scope.variables) {
              facts[variable.name] = { binding: values.binding(variable), starts: values.mayStart(variable) };
            }
          }
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as never }, plugins: { p: { rules: { facts: rule as never } } }, rules: { 'p/facts': 'error' } }],
    'file.ts',
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return facts;
}

describe('error values', () => {
  it('binds the error of an awaited { data, error } result, renamed or nested', () => {
    const facts = factsOf(`
async function f() {
  const { data, error } = await supabase.from('todos').select();
  const { data: rows, error: dbError } = await client.query('x');
  const { error: { message } } = await supabase.rpc('f');
}
`);
    expect(facts.error).toEqual({ binding: { path: [] }, starts: true });
    expect(facts.dbError).toEqual({ binding: { path: [] }, starts: true });
    expect(facts.message?.binding).toEqual({ path: ['message'] });
    expect(facts.data?.binding).toBeNull();
    expect(facts.rows?.binding).toBeNull();
  });

  it('takes a whole result of a named client or a query builder for a holder, not any awaited call', () => {
    const facts = factsOf(`
async function f(locals) {
  const result = await supabase.from('todos').select();
  const rows = await supabase.from('todos').select();
  if (result.error) throw result.error;
  const auth = await locals.supabase.auth.getUser();
  const { error } = await locals.supabaseAdmin.auth.signOut();
  const other = await loadDashboard();
  const { error: alone } = await save();
}
`);
    expect(facts.result).toEqual({ binding: { shape: { kind: 'holder', key: 'error' } }, starts: true });
    // A whole result whose `error` is never read starts nothing for the file's pre-check.
    expect(facts.rows).toEqual({ binding: { shape: { kind: 'holder', key: 'error' } }, starts: false });
    expect(facts.auth?.binding).toEqual({ shape: { kind: 'holder', key: 'error' } });
    expect(facts.error?.binding).toEqual({ path: [] });
    expect(facts.other).toEqual({ binding: null, starts: false });
    expect(facts.alone).toEqual({ binding: null, starts: false });
  });

  it('leaves validation results alone: their errors describe the input', () => {
    const facts = factsOf(`
async function f(body) {
  const { data, error } = await Schema.safeParseAsync(body);
  const { error: joiError, value } = await schema.validateAsync(body);
  const sync = Schema.safeParse(body);
}
`);
    expect(facts.error).toEqual({ binding: null, starts: false });
    expect(facts.joiError).toEqual({ binding: null, starts: false });
    expect(facts.sync).toEqual({ binding: null, starts: false });
  });

  it('follows Promise.allSettled lists to their entries and reasons', () => {
    const facts = factsOf(`
async function f() {
  const results = await Promise.allSettled([a(), b()]);
  const [first, { reason: secondReason }] = await Promise.allSettled([a(), b()]);
  const rejected = results.filter((r) => r.status === 'rejected');
  for (const entry of rejected) use(entry);
  rejected.forEach(({ reason: each }) => use(each));
  Promise.allSettled([a()]).then((settled) => settled.map((s) => s));
}
`);
    expect(facts.results).toEqual({ binding: { shape: { kind: 'list', key: 'reason' } }, starts: true });
    expect(facts.first).toEqual({ binding: { shape: { kind: 'holder', key: 'reason' } }, starts: true });
    expect(facts.secondReason?.binding).toEqual({ path: [] });
    expect(facts.rejected?.binding).toEqual({ shape: { kind: 'list', key: 'reason' } });
    // A loop variable has no initialiser: it starts a value as the for…of it belongs to.
    expect(facts.entry).toEqual({ binding: { shape: { kind: 'holder', key: 'reason' } }, starts: true });
    expect(facts.each?.binding).toEqual({ path: [] });
    expect(facts.settled?.binding).toEqual({ shape: { kind: 'list', key: 'reason' } });
    expect(facts.s?.binding).toEqual({ shape: { kind: 'holder', key: 'reason' } });
  });

  it('does not take Promise.all, a shadowed Promise or plain arrays for settled lists', () => {
    const facts = factsOf(`
async function f(Promise) {
  const shadowed = await Promise.allSettled([a()]);
}
async function g() {
  const all = await globalThis.Promise.all([a()]);
  const items = [1, 2];
  for (const item of items) use(item);
}
`);
    expect(facts.shadowed).toEqual({ binding: null, starts: false });
    expect(facts.all).toEqual({ binding: null, starts: false });
    expect(facts.item).toEqual({ binding: null, starts: false });
  });
});
