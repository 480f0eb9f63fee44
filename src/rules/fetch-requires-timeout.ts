import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { methodCalledOnResult } from '../core/call-chain';
import type { FileContext } from '../core/context';
import { createRule } from '../core/create-rule';
import { hasDirective } from '../core/functions';
import { iterateValueReferences, resolveCallTarget } from '../core/modules';
import { calleeName, compileNameSpecs, matchWrittenName } from '../core/name-specs';
import type { NameSpecList } from '../core/name-specs';
import { addArgument, insertProperty, replacePropertyValue } from '../core/object-edits';
import type { OptionsArgument } from '../core/options-object';
import { findOptionsArgument } from '../core/options-object';
import { configKey, perConfiguration } from '../core/settings';
import { snippet } from '../core/snippet';
import { dereference, staticValueOf } from '../core/static';
import { callerOmitsTimeout, createsRelativeClient, fetchesRelativeUrl, httpClientModuleMap, httpClientReferences, importedHttpWrapper, judgeBrowserCode, judgeBrowserCodeFromFile, judgeTimeoutOptions, localHttpWrappers, mayBeHttpWrapper, mutatedOptionsLiteral, nestHttpModuleSetsTimeout, passesRelativeUrl } from '../analysis/http/index';
import { importedNameCalls, isTestCode } from '../project/index';
import type { HttpWrapperSummary } from '../analysis/http/index';
import type { TimeoutOptionVerdict } from '../analysis/http/index';
import type { HttpClientEntry, HttpClientPolicy } from '../data/http-clients';
import {
  FETCH_CALL,
  HTTP_CLIENT_INSTANCES,
  HTTP_CLIENT_MODULES,
  HTTP_CLIENT_POLICIES,
} from '../data/http-clients';

type Call = TSESTree.CallExpression;
type Problem = Exclude<TimeoutOptionVerdict, { kind: 'timed' | 'unknown' }>;
/** A request without a bound; `target` is the call whose options a suggestion edits. */
type Verdict =
  | null
  | { readonly problem: Problem; readonly options: Exclude<OptionsArgument, { kind: 'unknown' }>; readonly target: Call | TSESTree.NewExpression };
/** What a call on a client instance inherits from the factory call. */
type Inherited = { readonly ok: true } | { readonly ok: false; readonly line: number } | null;

const ABSENT: OptionsArgument = { kind: 'absent', before: null, padding: 0 };
// `fetch(req)`: a Request object (not a URL) may carry its own signal.
const REQUEST_NAME = /^req$|request$/iu;

export type Options = [{ defaultTimeoutMs?: number; wrappers?: string[]; ignoreBrowserCode?: boolean }];
export type MessageIds =
  | 'missingTimeout'
  | 'instanceWithoutTimeout'
  | 'disabledTimeout'
  | 'signalWithoutTimeout'
  | 'addSignal'
  | 'combineSignal'
  | 'addTimeoutOption'
  | 'replaceTimeout'
  | 'chainTimeout';

/** The longest delay `setTimeout` (and so every HTTP client's timeout) accepts. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/** The wrappers of the options and the settings, parsed once per configuration (the lists can be long). */
interface Wrappers {
  readonly specs: NameSpecList;
  readonly moduleMap: typeof HTTP_CLIENT_MODULES;
}

const WRAPPERS = configKey<Wrappers>('fetch-requires-timeout wrappers');

function wrappersOf(context: FileContext, options: Options[0]): Wrappers {
  return perConfiguration(context, options, WRAPPERS, (settings) => {
    const specs = compileNameSpecs([...(options.wrappers ?? []), ...settings.http.clients]);
    return {
      specs,
      moduleMap: httpClientModuleMap(specs),
    };
  });
}

const COMBINE_HINT = 'combine it with AbortSignal.any([signal, AbortSignal.timeout(ms)])';
const STALL = 'a stalled server keeps this request (and the worker awaiting it) open indefinitely';

export default createRule<Options, MessageIds>({
  name: 'fetch-requires-timeout',
  meta: {
    type: 'problem',
    docs: { description: 'Require a timeout on outbound HTTP requests', recommended: 'error' },
    hasSuggestions: true,
    messages: {
      missingTimeout: `'{{callee}}' has no timeout: ${STALL}. Fix: {{remedy}}.`,
      instanceWithoutTimeout: `'{{callee}}' uses a client created without a timeout (line {{line}}): ${STALL}. Fix: {{remedy}}, here or where the client is created.`,
      disabledTimeout: `'{{callee}}' switches its timeout off ({{option}}: {{value}}): ${STALL}. Use a timeout in milliseconds.`,
      signalWithoutTimeout: `'{{callee}}' gets an abort signal that no timer fires: ${STALL}. Fix: {{remedy}}.`,
      addSignal: 'Add signal: AbortSignal.timeout({{ms}}).',
      combineSignal: 'Combine the signal with AbortSignal.timeout({{ms}}).',
      addTimeoutOption: 'Add {{text}}.',
      replaceTimeout: 'Use a {{ms}} ms timeout.',
      chainTimeout: 'Chain .timeout({{ms}}).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          defaultTimeoutMs: {
            type: 'integer',
            minimum: 1,
            // Timers take at most 2^31 - 1 ms: Node fires a longer setTimeout at once, and AbortSignal.timeout(Infinity) throws.
            maximum: MAX_TIMEOUT_MS,
            description: 'Milliseconds the suggestions insert: an integer from 1 to 2147483647 (2^31 - 1, the longest delay timers accept).',
          },
          wrappers: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: "Extra fetch-like functions (init object as 2nd argument): names or 'module#export' pairs.",
          },
          ignoreBrowserCode: {
            type: 'boolean',
            description:
              "Skip browser code: files with 'use client', React client hooks, React Native or Expo imports, unguarded browser globals, in a Next.js app's components/ui folders, or imported only by such files (never server-only files), fetch calls of a relative URL, and axios, ky or ofetch instances created over a relative base URL. false checks every file.",
          },
        },
      },
    ],
    defaultOptions: [{ defaultTimeoutMs: 10000, wrappers: [], ignoreBrowserCode: true }],
  },
  create(context, [options]) {
    // Test code is not deployed: its servers, queries and requests are test scaffolding.
    if (isTestCode(context)) {
      return {};
    }
    if (options.ignoreBrowserCode && hasDirective(context.sourceCode.ast.body, 'use client')) {
      return {};
    }
    const { sourceCode } = context;
    // The wider judgement (hooks, globals, folders) runs only for a file about to be reported, once.
    const browserCode = (): boolean => options.ignoreBrowserCode === true && judgeBrowserCode(context).browser;
    const ms = String(options.defaultTimeoutMs ?? 10000);
    const { specs: wrappers, moduleMap } = wrappersOf(context, options);
    const wrapperCalls: Call[] = [];
    const checked = new Set<TSESTree.Node>();

    return {
      // Calls by name are collected only when wrappers are configured by name.
      ...(wrappers.lastSegments.size > 0
        ? {
            CallExpression(node: Call) {
              if (matchWrittenName(node.callee, wrappers)) {
                wrapperCalls.push(node);
              }
            },
          }
        : {}),
      'Program:exit'() {
        // Shared with no-ssrf: one search of the HTTP clients per file.
        const references = httpClientReferences(context, moduleMap);
        const configured = new Set(references.filter((ref) => setsDefaultTimeout(ref.node, ref.info)).map((ref) => ref.info.family));
        for (const ref of references) {
          if (ref.kind === 'call' && ref.info.kind !== 'defaults-timeout') {
            // NestJS's injected HttpService gets the config of the project's `HttpModule.register(…)`.
            const inherited = ref.info.configuredBy === 'nest-http-module' ? nestHttpModuleSetsTimeout(context) : configured.has(ref.info.family);
            check(ref.node as Call, ref.info, inherited ? { ok: true } : null);
          }
        }
        for (const call of wrapperCalls) {
          if (!checked.has(call)) {
            check(call, FETCH_CALL, null);
          }
        }
        const byName = new Set<TSESTree.Node>(wrapperCalls);
        // Functions of this file that set a timeout only when their caller passes one: only in
        // files with a request call, summarised by the engine that reads other files' wrappers.
        const requests = references.filter((ref) => ref.kind === 'call' && ref.info.kind === 'request');
        for (const wrapper of localHttpWrappers(context, requests)) {
          for (const call of wrapper.calls) {
            if (!checked.has(call) && !byName.has(call) && callerOmitsTimeout(context, call, wrapper.summary)) {
              reportWrapperCall(call, wrapper.summary, wrapper.name, `on line ${wrapper.line}`);
            }
          }
        }
        // Calls of a name or `x.name` imported from a project file that mentions an HTTP client: the
        // only calls that may reach a wrapper of another file, found from the names' references.
        const calls = importedCalls();
        // Browser code by its own signals reports none of them: their files are not read.
        if (calls.length === 0 || (options.ignoreBrowserCode === true && judgeBrowserCodeFromFile(context).browser)) {
          return;
        }
        for (const call of calls) {
          if (!checked.has(call) && !byName.has(call)) {
            const wrapper = importedHttpWrapper(context, call.callee);
            if (wrapper && callerOmitsTimeout(context, call, wrapper)) {
              reportWrapperCall(call, wrapper, wrapper.name, `in ${wrapper.definedIn}`);
            }
          }
        }
      },
    };

    /** `name(…)` and `name.member(…)` for the imported names that may be HTTP wrappers (their files are read, text only, for the names a call uses). */
    function importedCalls(): Call[] {
      return importedNameCalls(context, (name) => mayBeHttpWrapper(context, name));
    }

    /**
     * A call of a project function (of another file, or of this one `on line N`) whose request
     * has no timeout unless the caller passes one.
     */
    function reportWrapperCall(call: Call, wrapper: HttpWrapperSummary, name: string, place: string): void {
      // `fetchWithAccount({ url: '/api/threads' })`: the wrapper's fetch gets a relative URL, as in a browser only.
      if (browserCode() || (options.ignoreBrowserCode === true && wrapper.url && passesRelativeUrl(context, call, wrapper.url))) {
        return;
      }
      const callee = snippet(sourceCode, call.callee);
      if (wrapper.kind === 'never') {
        const remedy = `give ${name} (${place.replace(/^in /u, '')}) a timeout: its ${wrapper.client} call has none`;
        context.report({ node: call, messageId: 'missingTimeout', data: { callee, remedy } });
        return;
      }
      const { index, key, isValue } = wrapper.from;
      const policy = HTTP_CLIENT_POLICIES[wrapper.family];
      const what = isValue ? `a timeout in ms as argument ${index + 1}` : (key ?? remedyText(policy, 'ms'));
      const remedy = `pass ${what} (${name}, ${place}, sets a timeout on its ${wrapper.client} call only when its caller passes one)`;
      const found = findOptionsArgument(context, call, { kind: 'index', index });
      if (isValue) {
        const padding = found.kind === 'absent' ? 'undefined, '.repeat(found.padding) : '';
        const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
          found.kind === 'absent'
            ? [{ messageId: 'addTimeoutOption', data: { text: `the argument ${ms}` }, fix: (fixer) => addArgument(sourceCode, fixer, call, `${padding}${ms}`, found.before) }]
            : [];
        context.report({ node: call, messageId: 'missingTimeout', data: { callee, remedy }, suggest });
        return;
      }
      const text = key === null ? remedyText(policy, ms) : `${key}: ${ms}`;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] =
        found.kind === 'object'
          ? [{ messageId: 'addTimeoutOption', data: { text }, fix: (fixer) => insertProperty(sourceCode, fixer, found.object, text) }]
          : found.kind === 'absent'
            ? [{ messageId: 'addTimeoutOption', data: { text }, fix: (fixer) => addArgument(sourceCode, fixer, call, `${'undefined, '.repeat(found.padding)}{ ${text} }`, found.before) }]
            : [];
      context.report({ node: call, messageId: 'missingTimeout', data: { callee, remedy }, suggest });
    }

    /** `axios.defaults.timeout = 5000` / `api.defaults.timeout = 5000` (not `= 0`). */
    function setsDefaultTimeout(node: TSESTree.Node, info: HttpClientEntry): boolean {
      const parent = node.parent;
      if (info.kind !== 'defaults-timeout' || parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.left !== node) {
        return false;
      }
      const value = staticValueOf(context, parent.right);
      return !value || !HTTP_CLIENT_POLICIES[info.family].disabledValues.includes(value.value);
    }

    function check(call: Call, entry: HttpClientEntry, inherited: Inherited): void {
      checked.add(call);
      const policy = HTTP_CLIENT_POLICIES[entry.family];
      let verdict = judgeCall(call, entry, policy);
      if (entry.kind === 'create') {
        const instanceMap = HTTP_CLIENT_INSTANCES[entry.family];
        const uses = instanceMap ? [...iterateValueReferences(context, call, instanceMap)] : [];
        // `axios.create({ baseURL: '/api' })`: a client of relative URLs, which only a browser resolves.
        if (options.ignoreBrowserCode === true && createsRelativeClient(context, call, entry.family)) {
          for (const use of uses) {
            checked.add(use.node as Call);
          }
          return;
        }
        if (inherited?.ok || uses.some((use) => setsDefaultTimeout(use.node, use.info)) || (verdict?.problem.kind === 'missing' && policy.hasDefaultTimeout)) {
          verdict = null;
        }
        report(call, policy, verdict, null);
        const instance: Inherited = verdict ? { ok: false, line: call.loc.start.line } : { ok: true };
        for (const use of uses) {
          if (use.kind === 'call' && use.info.kind !== 'defaults-timeout') {
            check(use.node as Call, use.info, instance);
          }
        }
        return;
      }
      // An instance or module default with a timeout covers a call without one; ky times out by itself.
      const covered = inherited?.ok || (inherited === null && policy.hasDefaultTimeout);
      // `fetch('/api/users')`: a relative URL only a browser resolves.
      const inBrowser = options.ignoreBrowserCode === true && entry.family === 'fetch' && fetchesRelativeUrl(context, call);
      if (!(covered && verdict?.problem.kind !== 'disabled') && !inBrowser) {
        report(call, policy, verdict, inherited);
      }
    }

    function judgeCall(call: Call, entry: HttpClientEntry, policy: HttpClientPolicy): Verdict {
      let target: Call | TSESTree.NewExpression = call;
      let options = entry.options.kind === 'none' ? ABSENT : findOptionsArgument(context, call, entry.options);
      const input = call.arguments[0];
      if (entry.family === 'fetch' && options.kind === 'absent' && input && input.type !== AST_NODE_TYPES.SpreadElement) {
        const value = dereference(context, input);
        if (value.type === AST_NODE_TYPES.NewExpression) {
          const constructed = resolveCallTarget(context, value.callee);
          if (constructed?.module !== null || constructed.path.join('.') !== 'Request') {
            return null;
          }
          target = value;
          options = findOptionsArgument(context, value, { kind: 'index', index: 1 });
        } else if (REQUEST_NAME.test(calleeName(value)?.split('.').at(-1) ?? '')) {
          return null;
        }
      }
      if (options.kind === 'unknown') {
        // `const init = { method }; init.body = data; fetch(url, init)`: writes that cannot bound the request.
        const object = mutatedOptionsLiteral(context, call, entry.options, policy);
        if (!object) {
          return null;
        }
        options = { kind: 'object', object };
      }
      const judged = options.kind === 'object' ? judgeTimeoutOptions(context, options.object, policy) : ({ kind: 'missing' } as const);
      if (judged.kind === 'timed' || judged.kind === 'unknown') {
        return null;
      }
      const setOnResult = judged.kind !== 'disabled' && policy.timeoutMethods.length > 0 && methodCalledOnResult(context, call, policy.timeoutMethods) !== 'no';
      return setOnResult ? null : { problem: judged, options, target };
    }

    function remedyText(policy: HttpClientPolicy, value: string): string {
      const { remedy } = policy;
      return remedy.kind === 'signal' ? 'signal: AbortSignal.timeout(' + value + ')' : remedy.template.replace('{ms}', value);
    }

    function report(call: Call, policy: HttpClientPolicy, verdict: Verdict, inherited: Inherited): void {
      if (!verdict || browserCode()) {
        return;
      }
      const { problem, options: found, target } = verdict;
      const callee = snippet(sourceCode, call.callee);
      const { remedy } = policy;
      const text = remedyText(policy, ms);
      const hint = `${remedy.kind === 'method' ? 'chain' : remedy.kind === 'signal' ? 'pass' : 'set'} ${remedyText(policy, 'ms')}`;
      const add: TSESLint.SuggestionReportDescriptor<MessageIds> =
        remedy.kind === 'method'
          ? { messageId: 'chainTimeout', data: { ms }, fix: (fixer) => fixer.insertTextAfter(call, text) }
          : {
              messageId: remedy.kind === 'signal' ? 'addSignal' : 'addTimeoutOption',
              data: { ms, text },
              fix: (fixer) =>
                found.kind === 'object'
                  ? insertProperty(sourceCode, fixer, found.object, text)
                  : addArgument(sourceCode, fixer, target, `${'undefined, '.repeat(found.padding)}{ ${text} }`, found.before),
            };
      if (problem.kind === 'missing') {
        const fromInstance = inherited && !inherited.ok ? { line: inherited.line } : null;
        const messageId = fromInstance ? 'instanceWithoutTimeout' : 'missingTimeout';
        context.report({ node: call, messageId, data: { callee, remedy: hint, ...fromInstance }, suggest: [add] });
        return;
      }
      const { property } = problem;
      if (problem.kind === 'disabled') {
        context.report({
          node: call,
          messageId: 'disabledTimeout',
          data: { callee, option: sourceCode.getText(property.key), value: sourceCode.getText(property.value) },
          suggest: [{ messageId: 'replaceTimeout', data: { ms }, fix: (fixer) => replacePropertyValue(sourceCode, fixer, property, ms) }],
        });
        return;
      }
      const none = problem.signal === 'none';
      const signalFix = none ? `AbortSignal.timeout(${ms})` : `AbortSignal.any([${sourceCode.getText(property.value)}, AbortSignal.timeout(${ms})])`;
      context.report({
        node: call,
        messageId: 'signalWithoutTimeout',
        data: { callee, remedy: remedy.kind !== 'signal' ? hint : none ? hint : COMBINE_HINT },
        suggest:
          remedy.kind === 'signal'
            ? [{ messageId: none ? 'addSignal' : 'combineSignal', data: { ms }, fix: (fixer) => replacePropertyValue(sourceCode, fixer, property, signalFix) }]
            : [add],
      });
    }
  },
});
