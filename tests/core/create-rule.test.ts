import { ESLint, Linter } from 'eslint';
import { describe, expect, it, vi } from 'vitest';

import { createRule } from '../../src/core/create-rule';

type Options = [{ names?: string[]; strict?: boolean }];

/** A rule that records the options its `create` receives, file by file. */
function recordingRule() {
  const seen: Readonly<Options>[] = [];
  const rule = createRule<Options, 'found'>({
    name: 'recording',
    meta: {
      type: 'problem',
      docs: { description: 'Records its options.', recommended: false },
      messages: { found: 'found' },
      schema: [
        {
          type: 'object',
          additionalProperties: false,
          properties: { names: { type: 'array', items: { type: 'string' } }, strict: { type: 'boolean' } },
        },
      ],
      defaultOptions: [{ names: ['a'], strict: false }],
    },
    create(_context, options) {
      seen.push(options);
      return {};
    },
  });
  return { rule, seen };
}

function lintTwice(ruleConfig: Linter.RuleEntry, rule: ReturnType<typeof recordingRule>['rule']): void {
  const linter = new Linter({ configType: 'flat' });
  const config = [{ plugins: { t: { rules: { recording: rule as never } } }, rules: { 't/recording': ruleConfig } }];
  linter.verify('a();', config, 'one.js');
  linter.verify('b();', config, 'two.js');
}

describe('createRule', () => {
  it('merges meta.defaultOptions once per option set and hands every file the same frozen object', () => {
    const { rule, seen } = recordingRule();
    lintTwice(['warn', { strict: true }], rule);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toEqual([{ names: ['a'], strict: true }]);
    expect(seen[1]).toBe(seen[0]);
    expect(Object.isFrozen(seen[0]![0])).toBe(true);
    expect(Object.isFrozen(seen[0]![0].names)).toBe(true);
  });

  it('uses the defaults for a rule configured by severity alone', () => {
    const { rule, seen } = recordingRule();
    lintTwice('warn', rule);
    expect(seen[0]).toEqual([{ names: ['a'], strict: false }]);
    expect(seen[1]).toBe(seen[0]);
  });

  it('keeps option sets apart', () => {
    const { rule, seen } = recordingRule();
    lintTwice(['warn', { names: ['x'] }], rule);
    lintTwice(['warn', { names: ['y'] }], rule);
    expect(seen.map((options) => options[0].names)).toEqual([['x'], ['x'], ['y'], ['y']]);
  });

  /** The JSON.stringify calls made on option arrays like `[{ strict: true }]` while `run` runs. */
  async function optionSerialisations(run: () => Promise<void> | void): Promise<number> {
    const spy = vi.spyOn(JSON, 'stringify');
    try {
      await run();
      return spy.mock.calls.filter(([value]) => Array.isArray(value) && (value[0] as { strict?: unknown } | undefined)?.strict === true).length;
    } finally {
      spy.mockRestore();
    }
  }

  it('does not serialise the options again when ESLint hands the next file a fresh copy of the same options (Linter#verify)', async () => {
    const { rule, seen } = recordingRule();
    expect(await optionSerialisations(() => lintTwice(['warn', { strict: true, names: ['x'] }], rule))).toBe(1);
    expect(seen[1]).toBe(seen[0]);
  });

  it('does not serialise the options again for the next file (the ESLint class)', async () => {
    const { rule, seen } = recordingRule();
    const eslint = new ESLint({
      cwd: process.cwd(),
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.js'], plugins: { t: { rules: { recording: rule as never } } }, rules: { 't/recording': ['warn', { strict: true }] } }],
    });
    const count = await optionSerialisations(async () => {
      for (const name of ['one.js', 'two.js', 'three.js']) {
        await eslint.lintText('a();', { filePath: `${process.cwd()}/${name}` });
      }
    });
    expect(count).toBe(1);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(1);
  });

  it('never hands one option set the result of another, however they alternate', () => {
    const { rule, seen } = recordingRule();
    const names = ['x', 'y', 'x', 'z', 'y'];
    for (const name of names) {
      lintTwice(['warn', { names: [name], strict: true }], rule);
    }
    lintTwice(['warn', { names: ['x'] }], rule);
    expect(seen.map((options) => `${options[0].names!.join()}:${options[0].strict}`)).toEqual([
      ...names.flatMap((name) => [`${name}:true`, `${name}:true`]),
      'x:false',
      'x:false',
    ]);
  });
});
