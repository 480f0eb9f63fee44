import { findVariable } from '@eslint-community/eslint-utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../core/create-rule';
import { insertImport, moduleSyntaxOf } from '../core/imports';
import { isFunctionLike } from '../core/functions';
import { CALL, iterateModuleReferences } from '../core/modules';
import type { TraceMap } from '../core/modules';
import { basenameEdit, controllerAnalyzer, getRequestInputAnalyzer, importedHandlerSinks, importedPathWrapperCalls, isImportedHandler, mayBeImportedHandler, mayBePathWrapper, passesValidatedScalar, rootOption, unconfinedFilePath } from '../analysis/request-input/index';
import type { InputClassification, RequestInputOrigin } from '../analysis/request-input/index';
import { deferDefinition, importedNameCalls, importedNameReferences, isTestCode, projectImportNames } from '../project/index';
import { scopeOf, variableFor } from '../core/variable-index';
import { getSettings } from '../core/settings';
import { compileNameSpecs, matchWrittenName, withModuleCalls } from '../core/name-specs';
import type { NameSpecList } from '../core/name-specs';
import { skipTsWrappers, staticValueOf } from '../core/static';
import { FS_GLOBAL_TRACE_MAP, FS_TRACE_MAP, SEND_MODULES, UPLOAD_WRITE_METHODS } from '../data/fs';
import { FILE_METHODS, FILE_RESPONSE_NAMES, findEnclosingHandler, getParamRole, getRoutes, isRouteCandidate } from '../frameworks/registry';
import type { FsSink } from '../data/fs';
import { NAME_LIST_SCHEMA } from '../core/option-schemas';
import { methodCallSelector, namedOrMethodCallSelector } from '../core/selectors';

const SEND_TRACE_MAP: Record<string, TraceMap<{ pathArg: number; optionArg: number }>> = Object.fromEntries(
  Object.entries(SEND_MODULES).map(([module, info]) => [module, { [CALL]: info, send: { [CALL]: info } }]),
);
/** A configured sink: its first argument is the path. */
const CONFIGURED_SINK: FsSink = { pathArgs: [0] };
/**
 * FS_TRACE_MAP with the configured `module#export` sinks added, per settings list: the same
 * object for every file, so the module map is normalised once rather than once per file.
 */
const fsTraceMaps = new WeakMap<NameSpecList, Readonly<Record<string, TraceMap<FsSink>>>>();

export type Options = [{ sources?: string[]; sanitizers?: string[]; reportUnknownPaths?: boolean }];
export type MessageIds = 'requestPath' | 'requestPathFalseConfidence' | 'archiveEntryPath' | 'requestModule' | 'unverifiedPath' | 'wrapInBasename';

export default createRule<Options, MessageIds>({
  name: 'no-unsanitized-fs-path',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request-derived values as file-system paths',
      recommended: 'error',
      strictOptions: [{ reportUnknownPaths: true }],
    },
    hasSuggestions: true,
    messages: {
      requestPath:
        '`{{sink}}`{{via}} receives a file path built from request input (`{{source}}`). Reduce it to a file name with `path.basename()`, or resolve it under a fixed root and check that the result stays inside.',
      requestPathFalseConfidence:
        '`{{sink}}`{{via}} receives a file path built from request input (`{{source}}`); {{checks}} does not stop `../` traversal. Reduce it to a file name with `path.basename()`, or resolve it under a fixed root and check `resolved.startsWith(root + path.sep)`.',
      archiveEntryPath:
        '`{{sink}}`{{via}} receives a file path built from the entry names{{source}} of an archive the client sent (`{{archive}}`){{checks}}. An entry named `../…` is written outside the target folder (Zip Slip): resolve each name under that folder and check that the result stays inside (`resolved.startsWith(root + path.sep)`).',
      requestModule:
        '`{{sink}}` loads a module named by request input (`{{source}}`). Map the allowed names to modules explicitly instead.',
      unverifiedPath:
        '`{{sink}}` in a request handler receives a path that cannot be proven constant or sanitised. Build it from a fixed root and `path.basename()`, or check containment.',
      wrapInBasename: 'Wrap `{{segment}}` in `{{pathName}}.basename()` so that only a file name is used.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sources: { ...NAME_LIST_SCHEMA, description: 'Extra request-input sources: `module#export` or names of functions returning client data.' },
          sanitizers: { ...NAME_LIST_SCHEMA, description: 'Extra sanitisers: `module#export` or names of functions whose result (or `true` check) makes a path safe.' },
          reportUnknownPaths: { type: 'boolean', description: 'Also report non-constant paths in request handlers that cannot be proven safe.' },
        },
      },
    ],
    defaultOptions: [{ sources: [], sanitizers: [], reportUnknownPaths: false }],
  },
  create(context, [options]) {
    // Test code is not deployed: its servers, queries and requests are test scaffolding.
    if (isTestCode(context)) {
      return {};
    }
    // Built on first use: library code without fs sinks or `require(variable)` never needs it.
    let analyzerMemo: ReturnType<typeof getRequestInputAnalyzer> | undefined;
    const analyzer = {
      classify: (node: TSESTree.Node) => (analyzerMemo ??= getRequestInputAnalyzer(context, options)).classify(node),
      uploadWriteArgument: (receiver: TSESTree.Node, method: string) => (analyzerMemo ??= getRequestInputAnalyzer(context, options)).uploadWriteArgument(receiver, method),
      clientBytes: (node: TSESTree.Node) => (analyzerMemo ??= getRequestInputAnalyzer(context, options)).clientBytes(node),
    };
    const configuredSinks = compileNameSpecs(getSettings(context).fs.sinks);

    return {
      'Program:exit'() {
        const { namedCalls, registrations } = importedUses();
        checkImportedWrappers(namedCalls);
        checkImportedHandlers(registrations);
        for (const ref of iterateModuleReferences(context, fsTraceMap(), FS_GLOBAL_TRACE_MAP)) {
          if (ref.kind === 'call') {
            const call = ref.node as TSESTree.CallExpression;
            for (const index of ref.info.pathArgs) {
              checkPath(call, call.arguments[index]);
            }
          }
        }
        for (const ref of iterateModuleReferences(context, SEND_TRACE_MAP)) {
          const call = ref.node as TSESTree.CallExpression;
          if (ref.kind === 'call' && rootOption(context, call.arguments[ref.info.optionArg]) === 'absent') {
            checkPath(call, call.arguments[ref.info.pathArg]);
          }
        }
      },
      [callSelector(configuredSinks)](node: TSESTree.CallExpression) {
        const callee = skipTsWrappers(node.callee);
        if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier && !callee.computed) {
          const method = callee.property.name;
          if (FILE_METHODS.has(method) && isResponse(callee.object)) {
            checkPath(node, unconfinedFilePath(context, node, method) ?? undefined);
          } else if (UPLOAD_WRITE_METHODS.has(method)) {
            // req.files.doc.mv(path): express-fileupload writes the upload to `path`.
            const index = analyzer.uploadWriteArgument(callee.object, method);
            checkPath(node, index === null ? undefined : node.arguments[index]);
          }
        }
        if (
          callee.type === AST_NODE_TYPES.Identifier &&
          callee.name === 'require' &&
          node.arguments[0]?.type !== AST_NODE_TYPES.Literal && // `require('fs')`, most of them: nothing to check
          !findVariable(scopeOf(context, node) as never, 'require')?.defs.length
        ) {
          checkModule(node, node.arguments[0], 'require');
        } else if (matchWrittenName(callee, configuredSinks)) {
          checkPath(node, node.arguments[0]);
        }
      },
      ImportExpression(node) {
        checkModule(node, node.source, 'import()');
      },
    };

    /**
     * From the references of the names imported from files that mention an fs module (the only
     * ones that can be wrappers with a sink there), or also a response's file method or an
     * upload's `mv` (handlers): calls of them with arguments (`readUpload(x)`,
     * `storage.readUpload(x)`), and registrations that pass one on
     * (`router.get('/raw/:name', files.downloadFile)`, `router.route('/raw').get(files.downloadFile)`).
     */
    function importedUses(): { namedCalls: TSESTree.CallExpression[]; registrations: TSESTree.CallExpression[] } {
      // `readUpload(x)`, `storage.readUpload(x)`, `this.files.read(x)` on an injected service.
      const namedCalls = importedNameCalls(context, (name) => mayBePathWrapper(context, name, fsTraceMap(), FS_GLOBAL_TRACE_MAP), { withArguments: true });
      const registrations = new Set<TSESTree.CallExpression>();
      for (const { identifier } of importedNameReferences(context, projectImportNames(context))) {
        const parent = identifier.parent;
        const node = parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier ? parent : identifier;
        const call = node.parent;
        // Only the names a registration passes on: their files are read (text only) to see if they can hold a sink.
        if (
          call?.type === AST_NODE_TYPES.CallExpression &&
          call.callee !== node &&
          call.arguments.indexOf(node as TSESTree.CallExpressionArgument) >= firstHandlerArgument(call) &&
          isRouteCandidate(call) &&
          mayBeImportedHandler(context, identifier.name, fsTraceMap(), FS_GLOBAL_TRACE_MAP)
        ) {
          registrations.add(call);
        }
      }
      return { namedCalls, registrations: [...registrations] };
    }

    function checkImportedWrappers(namedCalls: readonly TSESTree.CallExpression[]): void {
      // Request input in an argument first when `deferDefinition` puts off parsing the helper's file
      // (see no-ssrf's `checkWrapperCall`): both are needed for a report, and a parse costs more.
      const calls = namedCalls.filter((call) => !deferDefinition(context, call.callee) || mayPassInput(call));
      for (const { call, wrapper } of importedPathWrapperCalls(context, calls, fsTraceMap(), FS_GLOBAL_TRACE_MAP, options)) {
        // A parameter that reaches its sink as an archive (`unzipUpload(req.file.buffer)`) is judged by the bytes it is given.
        const classifyWith = (judge: Pick<typeof analyzer, 'classify' | 'clientBytes'>) => (arg: TSESTree.CallExpressionArgument, index: number): InputClassification | null => {
          if (arg.type === AST_NODE_TYPES.SpreadElement) {
            return null;
          }
          const bytes = wrapper.archives[index] ? judge.clientBytes(arg) : null;
          return bytes ? { kind: 'input', origin: bytes } : judge.classify(arg);
        };
        let inputs = call.arguments.map(classifyWith(analyzer));
        if (!inputs.some((result) => result?.kind === 'input')) {
          // A controller its file exports for a routes file to register: `(req, res)` are a handler's.
          const controller = inputs.some((result) => result?.kind === 'unknown') ? controllerAnalyzer(context, call, options) : null;
          inputs = controller ? call.arguments.map(classifyWith(controller)) : inputs;
          if (!inputs.some((result) => result?.kind === 'input')) {
            continue;
          }
        }
        for (const [index, result] of inputs.entries()) {
          const sink = wrapper.params[index];
          // `readShard(input.shard)` with `readShard(shard: number)`: a validated number names no other folder.
          if (sink !== undefined && result?.kind === 'input' && !passesValidatedScalar(wrapper, index, result.origin)) {
            // `unzipUpload(req.file.buffer)`: the helper opens the archive and writes its entries out.
            const origin = wrapper.archives[index] ? { ...result.origin, archive: result.origin.description, description: '' } : result.origin;
            context.report({ node: call.arguments[index]!, ...pathMessage(origin, wrapper.name, ` (${wrapper.definedIn}, which passes it to \`${sink}\`)`) });
          }
        }
      }
    }

    /**
     * Whether an argument of `call` can be request input for a helper, whatever its parameters do:
     * input, an upload's or a request's bytes (for a parameter that opens an archive), here or in
     * a controller its file exports. A superset of what `checkImportedWrappers` reports.
     */
    function mayPassInput(call: TSESTree.CallExpression): boolean {
      const carries = (judge: Pick<typeof analyzer, 'classify' | 'clientBytes'>) => (arg: TSESTree.CallExpressionArgument): boolean =>
        arg.type !== AST_NODE_TYPES.SpreadElement && (judge.classify(arg).kind === 'input' || judge.clientBytes(arg) !== null);
      if (call.arguments.some(carries(analyzer))) {
        return true;
      }
      const controller = call.arguments.some((arg) => arg.type !== AST_NODE_TYPES.SpreadElement && analyzer.classify(arg).kind === 'unknown')
        ? controllerAnalyzer(context, call, options)
        : null;
      return controller !== null && call.arguments.some(carries(controller));
    }

    /**
     * `router.get('/raw/:name', files.downloadFile)` where the imported handler reads request input
     * into an fs sink: its own file cannot know it is a handler, so the registration is reported.
     */
    function checkImportedHandlers(registrations: readonly TSESTree.CallExpression[]): void {
      const withImported = registrations.filter((call) => call.arguments.slice(firstHandlerArgument(call)).some((arg) => isImportedHandler(context, arg, fsTraceMap(), FS_GLOBAL_TRACE_MAP)));
      if (withImported.length === 0) {
        return;
      }
      const calls = new Set(withImported);
      for (const route of getRoutes(context, withImported)) {
        const call = route.node.parent?.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || !calls.has(call)) {
          continue;
        }
        // The adapters list handlers defined in another file; the last one answers the request.
        const handler = route.externalHandlers?.at(-1);
        if (!handler || !isImportedHandler(context, handler, fsTraceMap(), FS_GLOBAL_TRACE_MAP)) {
          continue;
        }
        const [found] = importedHandlerSinks(context, handler, route.framework, fsTraceMap(), FS_GLOBAL_TRACE_MAP, options);
        if (found) {
          context.report({ node: route.node, ...pathMessage(found.origin, found.sink, ` in ${found.name} (${found.definedIn}), which this route runs as its handler,`) });
        }
      }
    }

    /** FS_TRACE_MAP with the configured module sinks added; FS_TRACE_MAP itself when there are none. */
    function fsTraceMap(): Readonly<Record<string, TraceMap<FsSink>>> {
      if (!configuredSinks.hasModuleSpecs) {
        return FS_TRACE_MAP;
      }
      let map = fsTraceMaps.get(configuredSinks);
      if (!map) {
        map = withModuleCalls(FS_TRACE_MAP, configuredSinks.specs, CONFIGURED_SINK);
        fsTraceMaps.set(configuredSinks, map);
      }
      return map;
    }

    /** Whether the receiver of `sendFile`/`download` is a handler's response (or named like one). */
    function isResponse(node: TSESTree.Node): boolean {
      const object = skipTsWrappers(node);
      if (object.type !== AST_NODE_TYPES.Identifier) {
        return false;
      }
      const variable = variableFor(context, object);
      const def = variable?.defs[0];
      if (def?.type === 'Parameter' && isFunctionLike(def.node as TSESTree.Node)) {
        const fn = def.node as Parameters<typeof getParamRole>[1];
        const index = fn.params.findIndex((p) => p.range[0] <= object.range[0] && object.range[1] <= p.range[1]);
        if (getParamRole(context, fn, index)?.role.kind === 'response') {
          return true;
        }
      }
      return FILE_RESPONSE_NAMES.has(object.name);
    }

    function sinkName(node: TSESTree.CallExpression): string {
      const text = context.sourceCode.getText(node.callee).replace(/\s+/gu, '');
      return text.length <= 40 ? text : 'this call';
    }

    function checkPath(call: TSESTree.CallExpression, arg: TSESTree.Node | undefined): void {
      if (!arg) {
        return;
      }
      const value = arg.type === AST_NODE_TYPES.SpreadElement ? arg.argument : arg;
      const result = analyzer.classify(value);
      const sink = sinkName(call);
      if (result.kind === 'input') {
        context.report({ node: arg, ...pathMessage(result.origin, sink, ''), suggest: basenameSuggestion(value) });
      } else if (
        result.kind === 'unknown' &&
        options.reportUnknownPaths &&
        !staticValueOf(context, value) &&
        findEnclosingHandler(context, call)
      ) {
        context.report({ node: arg, messageId: 'unverifiedPath', data: { sink } });
      }
    }

    function checkModule(node: TSESTree.Node, arg: TSESTree.Node | undefined, sink: string): void {
      if (arg?.type === AST_NODE_TYPES.Literal) {
        return; // `require('fs')`: a literal is never request input
      }
      const result = arg && arg.type !== AST_NODE_TYPES.SpreadElement ? analyzer.classify(arg) : null;
      if (arg && result?.kind === 'input') {
        context.report({ node: arg, messageId: 'requestModule', data: { sink, source: result.origin.description } });
      }
    }

    /** `path.basename()` around the one request-derived segment of a built path (see `basenameEdit`). */
    function basenameSuggestion(arg: TSESTree.Node): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const edit = basenameEdit(context, arg, (node) => analyzer.classify(node).kind === 'input');
      if (!edit) {
        return [];
      }
      const { segment, pathName, importText } = edit;
      const text = context.sourceCode.getText(segment);
      return [
        {
          messageId: 'wrapInBasename',
          data: { segment: text.length <= 40 ? text : 'the segment', pathName },
          fix: (fixer) => {
            const wrap = fixer.replaceText(segment, `${pathName}.basename(${text})`);
            return importText ? [insertImport(context.sourceCode, fixer, moduleSyntaxOf(context.sourceCode, context.filename), importText), wrap] : wrap;
          },
        },
      ];
    }
  },
});

/**
 * The message of a request-derived path reaching `sink` (`via`: how, when through a helper or a
 * handler of another file): an archive's entry name (Zip Slip), a path whose checks do not stop
 * traversal, or a plain one.
 */
function pathMessage(origin: RequestInputOrigin, sink: string, via: string): { messageId: MessageIds; data: Record<string, string> } {
  const checks = origin.falseConfidence.join(', ');
  if (origin.archive !== undefined) {
    const source = origin.description ? ` (\`${origin.description}\`)` : '';
    return { messageId: 'archiveEntryPath', data: { sink, via, source, archive: origin.archive, checks: checks ? `; ${checks} does not stop \`../\` traversal` : '' } };
  }
  return { messageId: checks ? 'requestPathFalseConfidence' : 'requestPath', data: { sink, via, source: origin.description, checks } };
}

/** `res.sendFile(…)`-style methods, uploads' `file.mv(…)` and `require(…)`: the calls the rule's listener can use. */
const FILE_METHOD_OR_REQUIRE_SELECTOR = `${methodCallSelector([...FILE_METHODS.keys(), ...UPLOAD_WRITE_METHODS])}, CallExpression[callee.name="require"]`;

/**
 * Where the handlers of a registration start: after the path of `router.get('/p', …)`, at the
 * first argument of a chained `router.route('/p').get(…)` (the adapters decide which calls are routes).
 */
function firstHandlerArgument(call: TSESTree.CallExpression): number {
  const callee = skipTsWrappers(call.callee);
  const object = callee.type === AST_NODE_TYPES.MemberExpression ? skipTsWrappers(callee.object) : null;
  if (object?.type === AST_NODE_TYPES.Identifier) {
    return 1;
  }
  return object?.type === AST_NODE_TYPES.CallExpression ? 0 : Infinity;
}

/**
 * The calls the rule listens to: file-sending methods and `require(…)`, and with configured
 * sinks (`settings['agent-guard'].fs.sinks`) calls of their names as well.
 */
function callSelector(configured: NameSpecList): string {
  return configured.specs.length === 0
    ? FILE_METHOD_OR_REQUIRE_SELECTOR
    : `${FILE_METHOD_OR_REQUIRE_SELECTOR}, ${namedOrMethodCallSelector(configured.lastSegments)}`;
}
