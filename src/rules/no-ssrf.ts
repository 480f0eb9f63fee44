import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import type { FileContext } from '../core/context';
import { createRule } from '../core/create-rule';
import { importsModule } from '../core/modules';
import { compileNameSpecs, matchWrittenName } from '../core/name-specs';
import type { NameSpecList } from '../core/name-specs';
import { methodCallSelector } from '../core/selectors';
import { configKey, perConfiguration } from '../core/settings';
import { snippet } from '../core/snippet';
import { httpClientModuleMap, judgeBrowserCode, judgeBrowserCodeFromFile } from '../analysis/http/index';
import {
  ALLOWED_HOSTS,
  allowListEdit,
  controllerUrlAnalyzer,
  extraSinks,
  httpClientSinks,
  importedSsrfWrapper,
  importedWrapperCalls,
  isEncodedSegment,
  judgeWrapperArgument,
  mayReachRequest,
  judgeSink,
  missingRedirectPolicy,
  sinkOfCall,
  urlInputAnalyzer,
} from '../analysis/ssrf/index';
import type { ControlledRequest, SsrfJudgeOptions, SsrfSink } from '../analysis/ssrf/index';
import type { HttpClientFamily } from '../data/http-clients';
import { deferDefinition, isTestCode, projectImportNames } from '../project/index';
import { FETCH_CALL, HTTP_CLIENT_MODULES } from '../data/http-clients';
import { BROWSER_MODULES, BROWSER_NAVIGATION_METHODS, SAFE_AGENTS } from '../data/ssrf';

const INTERNAL = 'a client can point it at internal services (`http://169.254.169.254/`, `localhost`, private addresses)';
const FIX = 'Check the parsed hostname against an allow-list before the call, or send it through a filtering agent (request-filtering-agent)';

export type Options = [{ acceptBlocklists?: boolean; reportPathInjection?: boolean; requireRedirectPolicy?: boolean }];
export type MessageIds =
  | 'requestControlledHost'
  | 'falseConfidenceCheck'
  | 'requestControlledPath'
  | 'wrapperControlledHost'
  | 'wrapperFalseConfidenceCheck'
  | 'wrapperControlledPath'
  | 'followsRedirects'
  | 'addAllowListCheck';

/** The settings' lists, parsed once per configuration. */
interface Vocabulary {
  readonly clients: NameSpecList;
  readonly moduleMap: typeof HTTP_CLIENT_MODULES;
  readonly judge: SsrfJudgeOptions;
}

const VOCABULARY = configKey<Vocabulary>('no-ssrf vocabulary');

function vocabularyOf(context: FileContext, options: Options[0]): Vocabulary {
  return perConfiguration(context, options, VOCABULARY, (settings) => {
    const clients = compileNameSpecs(settings.http.clients);
    return {
      clients,
      // The same map for every file: the HTTP-client references are searched once per file for both HTTP rules.
      moduleMap: httpClientModuleMap(clients),
      judge: {
        acceptBlocklists: options.acceptBlocklists === true,
        validators: compileNameSpecs(settings.http.urlValidators),
        safeAgents: compileNameSpecs([...SAFE_AGENTS, ...settings.http.safeAgents]),
      },
    };
  });
}

export default createRule<Options, MessageIds>({
  name: 'no-ssrf',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow outbound requests to hosts that request input decides (SSRF)',
      recommended: 'error',
      strictOptions: [{ reportPathInjection: true, requireRedirectPolicy: true }],
    },
    hasSuggestions: true,
    messages: {
      requestControlledHost: `\`{{sink}}\` sends a request whose {{what}} comes from request input (\`{{source}}\`): ${INTERNAL}. ${FIX}.`,
      falseConfidenceCheck: `\`{{sink}}\` sends a request whose {{what}} comes from request input (\`{{source}}\`), and the check before it does not confine the host: {{checks}}. ${FIX}.`,
      requestControlledPath: '`{{sink}}` puts request input (`{{source}}`) in the URL path without `encodeURIComponent()`: `../`, `?` and `#` in it change which endpoint is called.',
      wrapperControlledHost: `\`{{sink}}\`{{via}} sends a request whose {{what}} comes from request input (\`{{source}}\`): ${INTERNAL}. ${FIX}.`,
      wrapperFalseConfidenceCheck: `\`{{sink}}\`{{via}} sends a request whose {{what}} comes from request input (\`{{source}}\`), and the check before it does not confine the host: {{checks}}. ${FIX}.`,
      wrapperControlledPath: '`{{sink}}`{{via}} puts request input (`{{source}}`) in the URL path without `encodeURIComponent()`: `../`, `?` and `#` in it change which endpoint is called.',
      followsRedirects: '`{{sink}}` checks the host but follows redirects: an allowed host can redirect it to an internal one. Set `{{policy}}`, or use a filtering agent.',
      addAllowListCheck: 'Check the host against an allow-list (`{{set}}`, with a placeholder host to replace) and answer 400 before the request.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          acceptBlocklists: {
            type: 'boolean',
            description: 'Accept blocklists of private hosts and addresses (and DNS answers checked against them) as a check, for teams that accept their gaps.',
          },
          reportPathInjection: {
            type: 'boolean',
            description: 'Also report request input in the path of a URL with a fixed origin when it is not encoded with encodeURIComponent().',
          },
          requireRedirectPolicy: {
            type: 'boolean',
            description: "Also report requests confined by a host check that still follow redirects (no redirect: 'manual', maxRedirects: 0, followRedirect: false).",
          },
        },
      },
    ],
    defaultOptions: [{ acceptBlocklists: false, reportPathInjection: false, requireRedirectPolicy: false }],
  },
  create(context, [options]) {
    // Test code is not deployed: its servers, queries and requests are test scaffolding.
    if (isTestCode(context)) {
      return {};
    }
    const vocabulary = vocabularyOf(context, options);
    const { clients, moduleMap, judge } = vocabulary;
    const sinks: SsrfSink[] = [...httpClientSinks(context, moduleMap), ...extraSinks(context)];
    const navigates = importsModule(context, (specifier) => BROWSER_MODULES.has(specifier));
    // Nothing to look at: no HTTP client, no WebSocket, no headless browser, no configured client,
    // no name imported from a project file (a helper there may send the request).
    if (sinks.length === 0 && !navigates && clients.lastSegments.size === 0 && projectImportNames(context).size === 0) {
      return {};
    }
    const seen = new Set<TSESTree.Node>(sinks.map((sink) => sink.call));
    let browser: boolean | null = null;
    const isBrowserCode = (): boolean => (browser ??= judgeBrowserCode(context).browser);

    const listeners: TSESLint.RuleListener = {
      'Program:exit'() {
        for (const sink of sinks) {
          check(sink);
        }
        checkImportedWrappers();
      },
    };
    if (navigates) {
      // page.goto(url) in a file that imports puppeteer or playwright.
      listeners[methodCallSelector(BROWSER_NAVIGATION_METHODS)] = (node: TSESTree.CallExpression) => {
        if (!seen.has(node)) {
          seen.add(node);
          sinks.push(sinkOfCall(context, node, null, { kind: 'none' }));
        }
      };
    }
    if (clients.lastSegments.size > 0) {
      listeners.CallExpression = (node: TSESTree.CallExpression) => {
        if (!seen.has(node) && matchWrittenName(node.callee, clients)) {
          seen.add(node);
          sinks.push(sinkOfCall(context, node, 'fetch', FETCH_CALL.options));
        }
      };
    }
    return listeners;

    function check(sink: SsrfSink): void {
      let verdict = judgeSink(context, sink, judge);
      if (verdict.controlled.length === 0 && verdict.segments.length === 0 && !verdict.checkedOnly) {
        // A controller its file exports for a routes file to register: `(req, res)` are a handler's.
        const controller = controllerUrlAnalyzer(context, sink.call);
        verdict = controller ? judgeSink(context, sink, judge, controller) : verdict;
      }
      const reportPaths = options.reportPathInjection === true && verdict.segments.some((segment) => !isEncodedSegment(context, segment));
      const redirect = options.requireRedirectPolicy === true && verdict.checkedOnly ? missingRedirectPolicy(context, sink) : null;
      if ((verdict.controlled.length === 0 && !reportPaths && redirect === null) || isBrowserCode()) {
        return;
      }
      const name = snippet(context.sourceCode, sink.call.callee, 40);
      for (const request of verdict.controlled) {
        report(sink, name, request);
      }
      if (reportPaths) {
        for (const segment of verdict.segments) {
          if (!isEncodedSegment(context, segment)) {
            context.report({ node: segment.node, messageId: 'requestControlledPath', data: { sink: name, source: segment.origin.description } });
          }
        }
      }
      if (redirect !== null) {
        context.report({ node: sink.call, messageId: 'followsRedirects', data: { sink: name, policy: redirect } });
      }
    }

    /**
     * Calls of functions imported from project files that send request input to a request there
     * (`getJson(req.query.url)` with `getJson(url)` → `fetch(url)` in lib/http.js): reported at the
     * argument, unless a check here confines the host. Only names whose file mentions an HTTP
     * client are looked at, and only arguments that are request input are followed.
     */
    function checkImportedWrappers(): void {
      // Nothing is reported in browser code: its own signals ('use client', a client hook) spare
      // reading the helpers' files.
      if (projectImportNames(context).size === 0 || judgeBrowserCodeFromFile(context).browser) {
        return;
      }
      let calls: TSESTree.CallExpression[];
      try {
        calls = importedWrapperCalls(context, moduleMap);
      } catch {
        return; // the single-file judgement stands
      }
      for (const call of calls) {
        try {
          checkWrapperCall(call);
        } catch {
          // A call that cannot be followed is not reported.
        }
      }
    }

    /** One call of an imported function: its request-input arguments, judged against what the function does with them. */
    function checkWrapperCall(call: TSESTree.CallExpression): void {
      // Both tests below are needed for a report. The helper's summary (one per parse of its file)
      // first, unless its file is not parsed yet and no earlier lint asked for it (`deferDefinition`):
      // then this file's arguments, which cost less than a parse. `importedWrapperCalls` kept the
      // names whose files mention an HTTP client (or import one that does).
      const summaryFirst = !deferDefinition(context, call.callee);
      if (summaryFirst && !mayReachRequest(context, call.callee, moduleMap, judge)) {
        return;
      }
      let analyzer = urlInputAnalyzer(context);
      let inputs = call.arguments.map((arg) => (arg.type === AST_NODE_TYPES.SpreadElement ? null : analyzer.classify(arg)));
      if (!inputs.some((result) => result?.kind === 'input')) {
        // A controller its file exports for a routes file to register: `(req, res)` are a handler's.
        const controller = inputs.some((result) => result?.kind === 'unknown') ? controllerUrlAnalyzer(context, call) : null;
        if (!controller) {
          return;
        }
        analyzer = controller;
        inputs = call.arguments.map((arg) => (arg.type === AST_NODE_TYPES.SpreadElement ? null : controller.classify(arg)));
      }
      if (!summaryFirst && (!inputs.some((result) => result?.kind === 'input') || !mayReachRequest(context, call.callee, moduleMap, judge))) {
        return;
      }
      for (const [index, result] of inputs.entries()) {
        if (result?.kind !== 'input' || isBrowserCode()) {
          continue;
        }
        const arg = call.arguments[index]!;
        const wrapper = importedSsrfWrapper(context, call.callee, index, moduleMap, judge);
        const verdict = wrapper ? judgeWrapperArgument(context, analyzer, call, arg, wrapper, judge) : null;
        if (wrapper && verdict?.kind === 'host') {
          context.report({
            node: arg,
            messageId: verdict.notes.length > 0 ? 'wrapperFalseConfidenceCheck' : 'wrapperControlledHost',
            data: {
              sink: wrapper.name,
              via: ` (${wrapper.definedIn}, which passes it to \`${verdict.request.sink}\`)`,
              // Where the argument sits in the URL passed (`https://${region}.a.com`: the host), then the wrapper's option.
              what: whatOf({ ...verdict.request.request, found: verdict.found }, verdict.request.family),
              source: verdict.found.origin.description,
              checks: verdict.notes.join('; '),
            },
          });
        } else if (wrapper && verdict?.kind === 'path' && options.reportPathInjection === true) {
          context.report({
            node: arg,
            messageId: 'wrapperControlledPath',
            data: { sink: wrapper.name, via: ` (${wrapper.definedIn}, which passes it to \`${verdict.sink}\`)`, source: verdict.origin.description },
          });
        }
      }
    }

    function report(sink: SsrfSink, name: string, request: ControlledRequest): void {
      const { found, notes } = request;
      const what = whatOf(request, sink.family);
      const edit = allowListEdit(context, sink.call, request);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = edit
        ? [
            {
              messageId: 'addAllowListCheck',
              data: { set: ALLOWED_HOSTS },
              fix: (fixer) => {
                const fixes = [fixer.insertTextBefore(edit.statement, edit.check)];
                const declaration = edit.declaration;
                if (declaration) {
                  fixes.push(declaration.after ? fixer.insertTextAfter(declaration.after, declaration.text) : fixer.insertTextBefore(declaration.before, declaration.text));
                }
                return fixes;
              },
            },
          ]
        : [];
      context.report({
        node: request.node,
        messageId: notes.length > 0 ? 'falseConfidenceCheck' : 'requestControlledHost',
        data: { sink: name, what, source: found.origin.description, checks: notes.join('; ') },
        suggest,
      });
    }
  },
});

/** What request input decides in a request: its `URL`, `host`, or an option (`baseURL`), with the base an absolute URL replaces. */
function whatOf(request: ControlledRequest, family: HttpClientFamily | null): string {
  const { found, option, base } = request;
  const over = base === null ? (found.position === 'over-base' ? ' (an absolute URL replaces the base URL)' : '') : ` (an absolute URL replaces \`${base}\`${family === 'axios' ? ', CVE-2025-27152' : ''})`;
  return `${option === null ? (found.position === 'authority' ? 'host' : 'URL') : `\`${option}\` option`}${over}`;
}
