import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import {
  clientEnvPrefixes,
  compileTimeStrings,
  compileTimeStringsAt,
  exposedSecretPrefix,
  findProviderTokens,
  findSecretSinkUses,
  isEnvObject,
  isSecretName,
  isServerOnlyName,
  looksLikeGenericSecret,
  mentionsClientEnv,
  MIN_PROVIDER_TOKEN_LENGTH,
  secretSinkMap,
} from '../analysis/secrets/index';
import type { ClientEnvPrefixes, SecretLiteral, SecretSinkMap, SecretSinkUse } from '../analysis/secrets/index';
import { createRule } from '../core/create-rule';
import { escapeRegExp } from '../core/regexp';
import { bindingState, importText, insertImport, moduleSyntaxOf } from '../core/imports';
import { parseNameSpec } from '../core/name-specs';
import { isIdentifierPath } from '../core/option-schemas';
import { configKey, perConfiguration } from '../core/settings';
import { getPropertyKeyName, skipTsWrappers } from '../core/static';
import { scopeOf } from '../core/variable-index';
import { isTestCode } from '../project/index';
import { SVELTEKIT_PUBLIC_ENV_MODULES, SVELTEKIT_PUBLIC_PREFIX } from '../data/client-env';
import { AUTHORIZATION_HEADERS, AUTHORIZATION_SCHEMES, FAMILY_NOUNS } from '../data/secret-sinks';

export type Options = [{ genericSecrets?: boolean; hmacKeys?: boolean; testKeys?: boolean }];
export type MessageIds =
  | 'secretInSink'
  | 'fallbackSecret'
  | 'providerToken'
  | 'genericSecret'
  | 'clientExposedSecret'
  | 'failClosed'
  | 'useRequireEnv';

/** What the rule derives from the settings once per configuration. */
interface Configuration {
  readonly sinks: SecretSinkMap;
  readonly allow: ReadonlySet<string>;
  readonly prefixes: ClientEnvPrefixes;
  /** `secrets.requireEnv` parsed: the function to call, and the module to import it from (`null` for a name in scope). */
  readonly requireEnv: { readonly call: string; readonly module: string | null } | null;
}

const CONFIGURATION = configKey<Configuration>('no-hardcoded-secrets configuration');

/** An authorization header's name as a property key or a computed member, in any case (header names are case-insensitive). */
const AUTHORIZATION_KEY = `/^(?:${[...AUTHORIZATION_HEADERS].map(escapeRegExp).join('|')})$/i`;
/** Text that a file setting an authorization header contains, in any case like the key (pre-check before any listener). */
const AUTHORIZATION_TEXT = /authorization/iu;
const SVELTEKIT_PUBLIC_SOURCE = `/^(?:${[...SVELTEKIT_PUBLIC_ENV_MODULES].map(escapeRegExp).join('|')})$/`;
/** A connection URI with a password in it: `postgres://user:password@host`. */
const URI_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*:[^@/\s]+@/iu;

const ROTATE = 'Anyone who can read the source or the bundle can use it: rotate it';

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-secrets',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hardcoded credentials and server secrets exposed to browser bundles',
      recommended: 'error',
      strictOptions: [{ genericSecrets: true, hmacKeys: true, testKeys: true }],
    },
    hasSuggestions: true,
    messages: {
      secretInSink: `The {{what}} passed to {{sink}} is hardcoded{{via}}. ${ROTATE}, and read it from the environment or a secret manager.`,
      fallbackSecret:
        'When {{env}} is unset, {{sink}} falls back to this hardcoded {{what}}{{via}}: a key published in the source. Fail closed instead: stop at startup when the variable is missing.',
      providerToken:
        'This string holds a {{label}}. A key committed to a repository is leaked even after the line is removed: revoke it at the provider, issue a new one, and read it from the environment or a secret manager.',
      genericSecret: `\`{{name}}\` holds a hardcoded value that looks like a real secret. ${ROTATE}, and read it from the environment or a secret manager.`,
      clientExposedSecret:
        '`{{name}}` is {{exposure}}, so its value ships in the browser bundle, yet its name says it is a server secret. Rotate the key and move the code that uses it to the server.',
      failClosed: "Throw when {{env}} is unset: `{{text}}`.",
      useRequireEnv: 'Read {{env}} with `{{call}}`, which fails when it is unset.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          genericSecrets: {
            type: 'boolean',
            description:
              'Also report literals of 16 or more characters with an entropy of at least 3.5 bits per character assigned to a secret-named binding or property (`apiKey`, `clientSecret`, `password`…), wherever they go.',
          },
          hmacKeys: {
            type: 'boolean',
            description: 'Also report hardcoded `crypto.createHmac` (and crypto-js HMAC) keys, which are often public salts.',
          },
          testKeys: {
            type: 'boolean',
            description: 'Also report test-mode provider keys (Stripe `sk_test_`) and connection URIs with a password to a local host.',
          },
        },
      },
    ],
    defaultOptions: [{ genericSecrets: false, hmacKeys: false, testKeys: false }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const configuration = perConfiguration(context, options, CONFIGURATION, (settings): Configuration => {
      const spec = settings.secrets.requireEnv === null ? null : parseNameSpec(settings.secrets.requireEnv);
      // A dotted name is called as written; a module's export is imported under its own name.
      const requireEnv = spec && isIdentifierPath(spec.name) && (spec.module === null || (!spec.name.includes('.') && spec.name !== 'default'))
        ? { call: spec.name, module: spec.module }
        : null;
      return {
        sinks: secretSinkMap(settings.secrets.sinks),
        allow: new Set(settings.secrets.allow),
        prefixes: clientEnvPrefixes(settings.secrets.clientEnvPrefixes),
        requireEnv,
      };
    });
    const { allow, prefixes } = configuration;
    /** Literals already reported (a literal reached by two sinks is reported once). */
    const reported = new Set<TSESTree.Node>();
    const generic: { name: string; value: TSESTree.Node }[] = [];
    const headers: TSESTree.Node[] = [];
    const text = sourceCode.text;

    const tokenOptions = { strict: options.testKeys === true, allow, context: text };

    return {
      // Provider tokens: in every file, tests included (a live key in a test is still a leak).
      Literal(node: TSESTree.Literal) {
        if (typeof node.value === 'string' && node.value.length >= MIN_PROVIDER_TOKEN_LENGTH) {
          checkTokens(node, node.value, node.range[0] + 1, node.raw.slice(1, -1) === node.value);
        }
      },
      TemplateElement(node: TSESTree.TemplateElement) {
        const { cooked, raw } = node.value;
        if (typeof cooked === 'string' && cooked.length >= MIN_PROVIDER_TOKEN_LENGTH) {
          checkTokens(node, cooked, text.indexOf(raw, node.range[0]), raw === cooked);
        }
      },
      ...(AUTHORIZATION_TEXT.test(text)
        ? {
            [`Property[key.name=${AUTHORIZATION_KEY}], Property[key.value=${AUTHORIZATION_KEY}]`](node: TSESTree.Property) {
              headers.push(node.value);
            },
            [`AssignmentExpression > MemberExpression.left[property.value=${AUTHORIZATION_KEY}]`](node: TSESTree.MemberExpression) {
              headers.push((node.parent as TSESTree.AssignmentExpression).right);
            },
          }
        : {}),
      ...(options.genericSecrets
        ? {
            'VariableDeclarator[id.type="Identifier"][init.type=/^(?:Literal|TemplateLiteral)$/]'(node: TSESTree.VariableDeclarator) {
              generic.push({ name: (node.id as TSESTree.Identifier).name, value: node.init! });
            },
            'Property[value.type=/^(?:Literal|TemplateLiteral)$/], PropertyDefinition[value.type=/^(?:Literal|TemplateLiteral)$/]'(
              node: TSESTree.Property | TSESTree.PropertyDefinition,
            ) {
              const name = node.type === AST_NODE_TYPES.Property ? getPropertyKeyName(context, node) : keyName(node.key);
              if (name !== null) {
                generic.push({ name, value: node.value! });
              }
            },
            'AssignmentExpression[right.type=/^(?:Literal|TemplateLiteral)$/]'(node: TSESTree.AssignmentExpression) {
              const left = node.left;
              const name = left.type === AST_NODE_TYPES.Identifier ? left.name : left.type === AST_NODE_TYPES.MemberExpression ? keyName(left.property) : null;
              if (name !== null) {
                generic.push({ name, value: node.right });
              }
            },
          }
        : {}),
      ...(mentionsClientEnv(text, prefixes) ? clientEnvListeners() : {}),
      'Program:exit'() {
        const uses = findSecretSinkUses(context, configuration.sinks, options.hmacKeys === true);
        // Test code holds test data: values at sinks and generic secrets are not reported there.
        // Asked only of a file with something to report.
        if ((uses.length === 0 && headers.length === 0 && generic.length === 0) || isTestCode(context)) {
          return;
        }
        uses.forEach(checkSinkUse);
        headers.forEach(checkHeader);
        for (const { name, value } of generic) {
          checkGeneric(name, value);
        }
      },
    };

    /**
     * Reports each provider token of a string at its own place in the source when the string is
     * written without escapes (`start` is where its text begins), else on the whole string.
     */
    function checkTokens(node: TSESTree.Literal | TSESTree.TemplateElement, value: string, start: number, exact: boolean): void {
      const tokens = findProviderTokens(value, tokenOptions);
      if (tokens.length === 0) {
        return;
      }
      reported.add(node.type === AST_NODE_TYPES.TemplateElement ? node.parent : node);
      for (const token of tokens) {
        const loc = exact && start >= 0
          ? { start: sourceCode.getLocFromIndex(start + token.index), end: sourceCode.getLocFromIndex(start + token.index + token.length) }
          : node.loc;
        context.report({ loc, messageId: 'providerToken', data: { label: token.label } });
      }
    }

    function checkSinkUse(use: SecretSinkUse): void {
      for (const literal of compileTimeStringsAt(context, use.argument, use.slot.path ?? [])) {
        if (use.slot.uri && !URI_WITH_PASSWORD.test(literal.value)) {
          continue;
        }
        reportLiteral(literal, use.argument, FAMILY_NOUNS[use.sink.family], `\`${sinkName(use)}\``);
      }
    }

    function checkHeader(value: TSESTree.Node): void {
      for (const literal of compileTimeStrings(context, value)) {
        if (AUTHORIZATION_SCHEMES.test(literal.value)) {
          reportLiteral(literal, value, FAMILY_NOUNS.header, 'the Authorization header');
        }
      }
    }

    /** Reports a literal once, where it is written (or at `argument` when that is in another file). */
    function reportLiteral(literal: SecretLiteral, argument: TSESTree.Node, what: string, sink: string): void {
      const at = literal.definedIn === null ? literal.node : literal.exit ?? argument;
      if (reported.has(literal.node) || allow.has(literal.value)) {
        return;
      }
      reported.add(literal.node);
      const via = literal.definedIn === null ? '' : ` (in ${literal.definedIn})`;
      if (literal.fallback) {
        const env = literal.envName === null ? 'the variable' : `\`${literal.envName}\``;
        context.report({
          node: at,
          messageId: 'fallbackSecret',
          data: { env, sink, what, via },
          suggest: literal.definedIn === null ? failClosedSuggestions(literal) : [],
        });
      } else {
        context.report({ node: at, messageId: 'secretInSink', data: { what, sink, via } });
      }
    }

    function checkGeneric(name: string, raw: TSESTree.Node): void {
      const value = skipTsWrappers(raw);
      const text = value.type === AST_NODE_TYPES.Literal
        ? value.value
        : value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0 ? value.quasis[0]!.value.cooked : null;
      if (reported.has(value) || typeof text !== 'string' || allow.has(text) || !isSecretName(name) || !looksLikeGenericSecret(text)) {
        return;
      }
      reported.add(value);
      context.report({ node: value, messageId: 'genericSecret', data: { name } });
    }

    /** The suggestion that makes a fallback fail closed: the project's `requireEnv`, else a throw when unset. */
    function failClosedSuggestions(literal: SecretLiteral): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const fallback = literal.fallback!;
      const env = literal.envName === null ? 'the variable' : literal.envName;
      const required = configuration.requireEnv;
      // Only `process.env.X || 'lit'` becomes `requireEnv('X')`: with more on the left (`a() || process.env.X || 'lit'`) the call would drop it.
      const envRead = fallback.type === AST_NODE_TYPES.LogicalExpression && skipTsWrappers(fallback.left).type === AST_NODE_TYPES.MemberExpression;
      if (required && literal.envName !== null && envRead && isSafeString(literal.envName)) {
        const state = required.module === null ? 'same' : bindingState(scopeOf(context, fallback), required.call, required.module, required.call);
        if (state !== 'other') {
          const call = `${required.call}('${literal.envName}')`;
          return [{
            messageId: 'useRequireEnv',
            data: { env, call },
            fix: (fixer) => {
              const fixes = [fixer.replaceText(fallback, call)];
              if (state === 'free' && required.module !== null) {
                const syntax = moduleSyntaxOf(sourceCode, context.filename);
                fixes.push(insertImport(sourceCode, fixer, syntax, importText(syntax, required.module, required.call, required.call)));
              }
              return fixes;
            },
          }];
        }
      }
      const message = literal.envName !== null && isSafeString(literal.envName) ? `${literal.envName} is not set` : 'A required secret is not set';
      const thrown = `(() => { throw new Error('${message}'); })()`;
      return [{
        messageId: 'failClosed',
        data: { env, text: thrown },
        fix: (fixer) => fixer.replaceText(fallback.right, thrown),
      }];
    }

    /** Reads of client-bundle variables whose names say they are server secrets. */
    function clientEnvListeners(): TSESLint.RuleListener {
      const pattern = `/^(?:${prefixes.pattern})/`;
      const checkMember = (node: TSESTree.MemberExpression, name: string): void => {
        if (isEnvObject(node.object)) {
          reportExposed(node.property, name, exposedSecretPrefix(name, prefixes));
        }
      };
      return {
        [`MemberExpression[computed=false][property.name=${pattern}]`](node: TSESTree.MemberExpression) {
          checkMember(node, (node.property as TSESTree.Identifier).name);
        },
        [`MemberExpression[computed=true][property.value=${pattern}]`](node: TSESTree.MemberExpression) {
          checkMember(node, String((node.property as TSESTree.Literal).value));
        },
        [`VariableDeclarator > ObjectPattern.id > Property[key.name=${pattern}]`](node: TSESTree.Property) {
          const declarator = node.parent.parent as TSESTree.VariableDeclarator;
          if (declarator.init && isEnvObject(declarator.init)) {
            const name = (node.key as TSESTree.Identifier).name;
            reportExposed(node.key, name, exposedSecretPrefix(name, prefixes));
          }
        },
        [`ImportDeclaration[source.value=${SVELTEKIT_PUBLIC_SOURCE}]`](node: TSESTree.ImportDeclaration) {
          checkSvelteKitImport(node);
        },
      };
    }

    function checkSvelteKitImport(node: TSESTree.ImportDeclaration): void {
      const source = String(node.source.value);
      if (!SVELTEKIT_PUBLIC_ENV_MODULES.has(source)) {
        return;
      }
      const exposure = `imported from SvelteKit's \`${source}\``;
      for (const specifier of node.specifiers) {
        if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) {
          continue;
        }
        const imported = keyName(specifier.imported);
        if (imported === null) {
          continue;
        }
        if (source.includes('/static/')) {
          reportSvelteKit(specifier.imported, imported, exposure);
        } else if (imported === 'env') {
          // `env.PUBLIC_X` of `$env/dynamic/public`: every read of a member of the binding.
          for (const variable of sourceCode.getDeclaredVariables(specifier)) {
            for (const ref of variable.references) {
              const member = ref.identifier.parent;
              if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === ref.identifier) {
                const name = member.computed
                  ? member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string' ? member.property.value : null
                  : keyName(member.property);
                if (name !== null) {
                  reportSvelteKit(member.property, name, exposure);
                }
              }
            }
          }
        }
      }
    }

    function reportSvelteKit(node: TSESTree.Node, name: string, exposure: string): void {
      const bare = name.startsWith(SVELTEKIT_PUBLIC_PREFIX) ? name.slice(SVELTEKIT_PUBLIC_PREFIX.length) : name;
      if (!allow.has(name) && isServerOnlyName(bare)) {
        context.report({ node, messageId: 'clientExposedSecret', data: { name, exposure } });
      }
    }

    function reportExposed(node: TSESTree.Node, name: string, prefix: string | null): void {
      if (prefix !== null && !allow.has(name)) {
        context.report({ node, messageId: 'clientExposedSecret', data: { name, exposure: `a \`${prefix}\` variable` } });
      }
    }
  },
});

/** The name of an identifier or string-literal key. */
function keyName(node: TSESTree.Node): string | null {
  return node.type === AST_NODE_TYPES.Identifier
    ? node.name
    : node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' ? node.value : null;
}

/** A name that can go in a single-quoted string as it is (environment variable names are). */
function isSafeString(name: string): boolean {
  return /^[\w.-]+$/u.test(name);
}

/** `jsonwebtoken sign`: the sink's label and the method or export the code calls. */
function sinkName(use: SecretSinkUse): string {
  const callee = skipTsWrappers(use.call.callee);
  const called = callee.type === AST_NODE_TYPES.Identifier
    ? callee.name
    : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : null;
  const where = use.slot.path ? ` (${use.slot.path.join('.')})` : '';
  return called === null || called === use.sink.label || use.sink.family === 'custom' ? `${use.sink.label}${where}` : `${use.sink.label} ${called}${where}`;
}
