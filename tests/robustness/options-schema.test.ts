/**
 * Invalid options for every rule (wrong types, unknown keys, out-of-range numbers, extra positional
 * options) are rejected by ESLint's schema validation with an error naming the rule and the offending
 * key or value. Iterating the rules map is deliberate here: this is a property of every rule, so rules
 * added later are covered without editing this file.
 *
 * ESLint's message names an unknown key ("Unexpected property "x""); for a wrong type or range it
 * prints the offending value ("Value "not-a-timeout" should be number"), so the bad values below embed
 * the option's name where the type allows it.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { ESLint } from 'eslint';

import plugin from '../../index';
import type { AgentGuardDocs } from '../../src/core/create-rule';
import { rules } from '../../src/rules/index';

type JsonSchema = Record<string, unknown>;

interface BadOptionsCase {
  title: string;
  /** The options after the severity. */
  options: unknown[];
  /** Fragments the thrown message must contain (besides the rule id). */
  expected: string[];
  /** A schema hole found while deriving the cases: the case fails with this explanation. */
  defect?: string;
}

const linter = new Linter();

function lintWithOptions(ruleName: string, options: readonly unknown[]): void {
  linter.verify(
    'fetch(url);',
    [
      {
        files: ['**/*.js'],
        plugins: { 'agent-guard': plugin as unknown as ESLint.Plugin },
        rules: { [`agent-guard/${ruleName}`]: ['error', ...options] as Linter.RuleEntry },
      },
    ],
    'file.js',
  );
}

/** The positional option schemas of a rule (`schema: [...]`, or the array form `{ type: 'array', items }`). */
function positionalSchemas(schema: unknown): JsonSchema[] {
  if (Array.isArray(schema)) {
    return schema as JsonSchema[];
  }
  if (schema && typeof schema === 'object' && Array.isArray((schema as JsonSchema).items)) {
    return (schema as { items: JsonSchema[] }).items;
  }
  return [];
}

const jsonType = (value: unknown): string => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

/** JSON types a (sub)schema accepts; empty when it declares none (anything goes). */
function acceptedTypes(schema: JsonSchema): Set<string> {
  const types = new Set<string>();
  const add = (type: unknown): void => {
    for (const name of Array.isArray(type) ? type : [type]) {
      if (typeof name === 'string') {
        types.add(name === 'integer' ? 'number' : name);
      }
    }
  };
  add(schema.type);
  if (Array.isArray(schema.enum)) {
    for (const value of schema.enum) {
      types.add(jsonType(value));
    }
  }
  if ('const' in schema) {
    types.add(jsonType(schema.const));
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches)) {
      for (const branch of branches as JsonSchema[]) {
        const branchTypes = acceptedTypes(branch);
        if (branchTypes.size === 0) {
          return new Set();
        }
        for (const type of branchTypes) {
          types.add(type);
        }
      }
    }
  }
  return types;
}

/** A value of a type the schema does not accept, spelled with the option name where possible. */
function wrongTypeValue(name: string, schema: JsonSchema): unknown {
  const accepted = acceptedTypes(schema);
  if (accepted.size === 0) {
    return undefined;
  }
  const candidates: unknown[] = [`not-a-${name}`, { [`not-a-${name}`]: true }, [`not-a-${name}`], 987_654_321, true];
  return candidates.find((candidate) => !accepted.has(jsonType(candidate)));
}

function badCasesForProperty(position: number, key: string, schema: JsonSchema, valid: unknown[]): BadOptionsCase[] {
  const at = (value: unknown): unknown[] => {
    const options = [...valid];
    options[position] = { [key]: value };
    return options;
  };
  const cases: BadOptionsCase[] = [];
  const wrong = wrongTypeValue(key, schema);
  if (wrong === undefined) {
    // Any value is accepted, so no invalid value exists: report the schema hole instead of skipping it.
    cases.push({
      title: `option "${key}" declares a type`,
      options: [],
      expected: [],
      defect: `option "${key}" declares no type (type/enum/const/anyOf/oneOf): every value passes validation`,
    });
    return cases;
  }
  cases.push({ title: `wrong type for "${key}"`, options: at(wrong), expected: [`Value ${JSON.stringify(wrong)}`] });
  if (Array.isArray(schema.enum) && schema.enum.every((value) => typeof value === 'string')) {
    cases.push({
      title: `value outside the enum of "${key}"`,
      options: at(`not-a-${key}`),
      expected: [`Value "not-a-${key}" should be equal to one of the allowed values`],
    });
  }
  if (typeof schema.minimum === 'number') {
    const below = schema.minimum - 1;
    cases.push({ title: `"${key}" below its minimum`, options: at(below), expected: [`Value ${below} should be >= ${schema.minimum}`] });
  }
  if (typeof schema.exclusiveMinimum === 'number') {
    cases.push({
      title: `"${key}" at its exclusive minimum`,
      options: at(schema.exclusiveMinimum),
      expected: [`Value ${schema.exclusiveMinimum} should be > ${schema.exclusiveMinimum}`],
    });
  }
  if (typeof schema.maximum === 'number') {
    const above = schema.maximum + 1;
    cases.push({ title: `"${key}" above its maximum`, options: at(above), expected: [`Value ${above} should be <= ${schema.maximum}`] });
  }
  if (schema.type === 'integer') {
    cases.push({ title: `"${key}" not an integer`, options: at(1.5), expected: ['Value 1.5 should be integer'] });
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    // A JS config can pass Infinity and NaN; the validator prints them as null. Infinity passes a
    // schema with only a minimum, and a number option ends up in code (`AbortSignal.timeout(Infinity)` throws).
    cases.push({ title: `"${key}" Infinity`, options: at(Infinity), expected: ['Value null should be <='] });
    cases.push({ title: `"${key}" NaN`, options: at(Number.NaN), expected: ['Value null should be'] });
  }
  const items = schema.items;
  if (schema.type === 'array' && items && typeof items === 'object' && !Array.isArray(items)) {
    const wrongItem = wrongTypeValue(key, items as JsonSchema);
    if (wrongItem !== undefined) {
      cases.push({ title: `wrong item type in "${key}"`, options: at([wrongItem]), expected: [`Value ${JSON.stringify(wrongItem)}`] });
    }
  }
  return cases;
}

function badCases(schema: unknown, defaults: unknown[]): BadOptionsCase[] {
  const positions = positionalSchemas(schema);
  const cases: BadOptionsCase[] = [];
  positions.forEach((position, index) => {
    const valid = defaults.slice(0, index);
    while (valid.length < index) {
      valid.push({});
    }
    const properties = position.properties as Record<string, JsonSchema> | undefined;
    if (position.type === 'object' || properties) {
      cases.push({
        title: `unknown key in option ${index + 1}`,
        options: [...valid, { notAnAgentGuardOption: true }],
        expected: ['Unexpected property "notAnAgentGuardOption"'],
      });
      for (const [key, propertySchema] of Object.entries(properties ?? {})) {
        cases.push(...badCasesForProperty(index, key, propertySchema, valid));
      }
    } else {
      const wrong = wrongTypeValue(`option${index + 1}`, position);
      if (wrong !== undefined) {
        cases.push({ title: `wrong type for option ${index + 1}`, options: [...valid, wrong], expected: [`Value ${JSON.stringify(wrong)}`] });
      }
    }
  });
  const extra = [...defaults, ...positions.slice(defaults.length).map(() => ({}))];
  cases.push({
    title: `more positional options than the schema has (${positions.length})`,
    options: [...extra.slice(0, positions.length), { extra: true }],
    expected: [`should NOT have more than ${positions.length} item`],
  });
  return cases;
}

describe.each(Object.entries(rules))('options of agent-guard/%s', (ruleName, rule) => {
  const defaults = (rule.meta.defaultOptions ?? []) as unknown[];
  const docs = rule.meta.docs as AgentGuardDocs | undefined;

  it('accepts no options, its default options and its strict options', () => {
    expect(() => lintWithOptions(ruleName, [])).not.toThrow();
    expect(() => lintWithOptions(ruleName, defaults)).not.toThrow();
    expect(() => lintWithOptions(ruleName, docs?.strictOptions ?? [])).not.toThrow();
  });

  it.each(badCases(rule.meta.schema, defaults))('rejects $title', ({ options, expected, defect }) => {
    if (defect) {
      expect.fail(defect);
    }
    expect(() => lintWithOptions(ruleName, options)).toThrow(`Key "agent-guard/${ruleName}"`);
    for (const fragment of expected) {
      expect(() => lintWithOptions(ruleName, options)).toThrow(fragment);
    }
  });
});

/**
 * Options whose text a suggestion inserts as a callee (`logger(err);`) accept only dotted
 * identifiers whose first name is not a reserved word: `class(err)` does not parse, `typeof(err)`
 * and `import(err)` parse as something else.
 */
describe.each([['no-stack-in-response', 'logger']])('agent-guard/%s option "%s"', (ruleName, key) => {
  it.each(['logger.error', 'this.log.warn', 'logger.delete', '$log', '_'])('accepts %s', (value) => {
    expect(() => lintWithOptions(ruleName, [{ [key]: value }])).not.toThrow();
  });

  it.each(['class', 'new', 'typeof', 'import', 'await', 'class.x', '1st', 'a..b', '.x', 'x.', 'a-b', 'log(x)', 'a b'])('rejects %s', (value) => {
    expect(() => lintWithOptions(ruleName, [{ [key]: value }])).toThrow(`Value "${value}" should match pattern`);
  });
});

