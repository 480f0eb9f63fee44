import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { createRule } from '../core/create-rule';
import { isFunctionLike, resolveFunction } from '../core/functions';
import { skipTsWrappers } from '../core/static';
import { NAME_LIST_SCHEMA } from '../core/option-schemas';
import { controllerAnalyzer, getRequestInputAnalyzer, importedPathWrapperCalls, mayBePathWrapper, passesValidatedScalar } from '../analysis/request-input/index';
import {
  argumentList,
  commandSinkCalls,
  execFileEdit,
  importsTemplateRunner,
  mayHoldCommandSinks,
  replacesZxQuote,
  runsShell,
  shellCommandArgument,
  shellCommandInterpolations,
  templateRunner,
} from '../analysis/commands/index';
import type { CommandSinkCall } from '../analysis/commands/index';
import { CODE_TEXT_GLOBALS, CODE_TEXT_TRACE_MAP, COMMAND_LINE_TRACE_MAP, SHELL_QUOTERS } from '../data/commands';
import { deferDefinition, importedNameCalls, isTestCode, projectImportNames } from '../project/index';

export type Options = [{ sources?: string[]; sanitizers?: string[] }];
export type MessageIds =
  | 'requestCommand'
  | 'requestCommandFalseConfidence'
  | 'wrapperCommand'
  | 'wrapperCommandFalseConfidence'
  | 'wrapperCode'
  | 'requestShellArgs'
  | 'requestProgram'
  | 'requestCode'
  | 'useExecFile';

/** Checks the tracker notes on the way that people take for shell sanitisers: file-name reducers and `..` removal. */
const FILE_NAME_CHECK = /^(?:path\.(?:basename|extname)\(\)|sanitize-filename|replace(?:All)?\(.*)$/u;

type RequestInputAnalyzer = ReturnType<typeof getRequestInputAnalyzer>;
type RequestInputOptions = NonNullable<Parameters<typeof getRequestInputAnalyzer>[1]>;
type RequestInputOrigin = Extract<ReturnType<RequestInputAnalyzer['classify']>, { kind: 'input' }>['origin'];

/** What helpers of other project files are followed to: command lines, and code evaluated in the process. */
const WRAPPER_KINDS = [
  { sinks: COMMAND_LINE_TRACE_MAP, globals: undefined, code: false },
  { sinks: CODE_TEXT_TRACE_MAP, globals: CODE_TEXT_GLOBALS, code: true },
] as const;

/** The tracker's vocabulary for this rule: the options, with shell quoting functions as sanitisers. Once per option set. */
const trackerOptions = new WeakMap<object, RequestInputOptions>();

export default createRule<Options, MessageIds>({
  name: 'no-command-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request-derived values in shell commands, program names and evaluated code',
      recommended: 'error',
    },
    hasSuggestions: true,
    messages: {
      requestCommand:
        '`{{sink}}` runs a command line built from request input (`{{source}}`), which can then run any command. Pass the values as an argument array to `execFile`/`spawn` without a shell, or check them against an allow-list first.',
      requestCommandFalseConfidence:
        '`{{sink}}` runs a command line built from request input (`{{source}}`); {{checks}} leaves `;`, `$(…)` and spaces in it, so it can still run any command. Pass the values as an argument array to `execFile`/`spawn` without a shell, or check them against an allow-list first.',
      wrapperCommand:
        '`{{sink}}` ({{definedIn}}) passes this argument to `{{inner}}`, which runs it as a command line, and it is built from request input (`{{source}}`): it can then run any command. Make the helper pass the values as an argument array to `execFile`/`spawn` without a shell, or check them against an allow-list first.',
      wrapperCommandFalseConfidence:
        '`{{sink}}` ({{definedIn}}) passes this argument to `{{inner}}`, which runs it as a command line, and it is built from request input (`{{source}}`); {{checks}} leaves `;`, `$(…)` and spaces in it, so it can still run any command. Make the helper pass the values as an argument array to `execFile`/`spawn` without a shell, or check them against an allow-list first.',
      wrapperCode:
        '`{{sink}}` ({{definedIn}}) passes this argument to `{{inner}}`, which runs it as JavaScript, and it is built from request input (`{{source}}`). Make the helper parse the data (`JSON.parse`, a lookup table) instead of running it.',
      requestShellArgs:
        '`{{sink}}` runs with a shell, which parses its arguments built from request input (`{{source}}`). Drop the `shell` option so that each argument reaches the program as it is, or check the values against an allow-list first.',
      requestProgram:
        '`{{sink}}` runs a program chosen by request input (`{{source}}`). Map the allowed names to fixed programs instead.',
      requestCode:
        '`{{sink}}` evaluates code built from request input (`{{source}}`). Parse the data (`JSON.parse`, a lookup table) instead of running it.',
      useExecFile: 'Run `{{program}}` with `{{callee}}` and an argument array, without a shell.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sources: { ...NAME_LIST_SCHEMA, description: 'Extra request-input sources: `module#export` or names of functions returning client data.' },
          sanitizers: {
            ...NAME_LIST_SCHEMA,
            description: 'Extra sanitisers: `module#export` or names of functions whose result (or `true` check) makes a value safe in a command or code.',
          },
        },
      },
    ],
    defaultOptions: [{ sources: [], sanitizers: [] }],
  },
  create(context, [options]) {
    // Test code is not deployed: its servers, queries and requests are test scaffolding.
    if (isTestCode(context)) {
      return {};
    }
    let vocabulary = trackerOptions.get(options);
    if (!vocabulary) {
      vocabulary = { purpose: 'command', sources: options.sources ?? [], sanitizers: [...SHELL_QUOTERS, ...(options.sanitizers ?? [])] };
      trackerOptions.set(options, vocabulary);
    }
    const inputOptions = vocabulary;
    // Built on first use: a file whose sinks get only constants never needs it.
    let analyzerMemo: RequestInputAnalyzer | undefined;
    const inputOrigin = (node: TSESTree.Node): RequestInputOrigin | null => {
      const value = node.type === AST_NODE_TYPES.SpreadElement ? node.argument : node;
      let result = (analyzerMemo ??= getRequestInputAnalyzer(context, inputOptions)).classify(value);
      if (result.kind === 'unknown') {
        // A controller its file exports for a routes file to register: `(req, res)` are a handler's.
        result = controllerAnalyzer(context, value, inputOptions)?.classify(value) ?? result;
      }
      return result.kind === 'input' ? result.origin : null;
    };

    // Most files import no command module and name no code-evaluating global: only the helpers
    // of other project files they call can run a command.
    if (!mayHoldCommandSinks(context)) {
      return { 'Program:exit': checkImportedWrappers };
    }
    const listeners: TSESLint.RuleListener = {
      'Program:exit'() {
        for (const found of commandSinkCalls(context)) {
          checkSink(found);
        }
        checkImportedWrappers();
      },
    };
    if (importsTemplateRunner(context)) {
      let unquoted: boolean | undefined;
      listeners.TaggedTemplateExpression = (node) => {
        const runner = templateRunner(context, node.tag);
        if (runner === null) {
          return;
        }
        const sink = sinkName(node.tag.type === AST_NODE_TYPES.CallExpression ? node.tag.callee : node.tag);
        const quoted = runner === 'execa' || (runner === 'zx' && !(unquoted ??= replacesZxQuote(context)));
        const reported = quoted ? shellCommandInterpolations(node.quasi) : node.quasi.expressions;
        for (const expression of reported) {
          if (reportInput(expression, 'requestCommand', sink)) {
            return;
          }
        }
      };
    }
    return listeners;

    /**
     * `runCommand(req.query.cmd)` where `runCommand`, in another project file, passes its parameter
     * to `exec`/`execSync` (or a helper of a further file that does), and `calculate(req.body.expr)`
     * where `calculate` passes it to `eval`/`vm`: reported at the argument. The helper's summary
     * (once per parse of its file) is read before the argument is classified, unless
     * `deferDefinition` puts off parsing the helper's file.
     */
    function checkImportedWrappers(): void {
      if (projectImportNames(context).size === 0) {
        return;
      }
      const reported = new Set<TSESTree.Node>();
      for (const kind of WRAPPER_KINDS) {
        // Request input in an argument first when `deferDefinition` puts off parsing the helper's file
        // (see no-ssrf's `checkWrapperCall`): both are needed for a report, and a parse costs more.
        const calls = importedNameCalls(context, (name) => mayBePathWrapper(context, name, kind.sinks, kind.globals), { withArguments: true })
          .filter((call) => !deferDefinition(context, call.callee) || call.arguments.some((arg) => inputOrigin(arg) !== null));
        for (const { call, wrapper } of importedPathWrapperCalls(context, calls, kind.sinks, kind.globals, inputOptions)) {
          wrapper.params.forEach((inner, index) => {
            const arg = call.arguments[index];
            const origin = inner === undefined || !arg || reported.has(arg) ? null : inputOrigin(arg);
            // `checkPortInUse(input.externalPort)` with `(port: number)`: a validated number carries no command text.
            if (!arg || !origin || passesValidatedScalar(wrapper, index, origin)) {
              return;
            }
            reported.add(arg);
            const checks = kind.code ? [] : origin.falseConfidence.filter((note) => FILE_NAME_CHECK.test(note));
            context.report({
              node: arg,
              messageId: kind.code ? 'wrapperCode' : checks.length > 0 ? 'wrapperCommandFalseConfidence' : 'wrapperCommand',
              data: {
                sink: sinkName(call.callee),
                definedIn: wrapper.definedIn,
                inner,
                source: origin.description,
                checks: checks.map((check) => `\`${check}\``).join(', '),
              },
            });
          });
        }
      }
    }

    function sinkName(callee: TSESTree.Node, construct = false): string {
      const text = context.sourceCode.getText(callee).replace(/\s+/gu, '');
      return text.length <= 40 ? `${construct ? 'new ' : ''}${text}` : 'this call';
    }

    /** Reports `node` with `messageId` when it is request input; whether it did. */
    function reportInput(node: TSESTree.Node | null | undefined, messageId: MessageIds, sink: string, suggest?: () => TSESLint.SuggestionReportDescriptor<MessageIds>[]): boolean {
      const origin = node ? inputOrigin(node) : null;
      if (!node || !origin) {
        return false;
      }
      const checks = messageId === 'requestCommand' ? origin.falseConfidence.filter((note) => FILE_NAME_CHECK.test(note)) : [];
      context.report({
        node,
        messageId: checks.length > 0 ? 'requestCommandFalseConfidence' : messageId,
        data: { sink, source: origin.description, checks: checks.map((check) => `\`${check}\``).join(', ') },
        suggest: suggest?.() ?? [],
      });
      return true;
    }

    function checkSink({ node, sink, promisified }: CommandSinkCall): void {
      const name = sinkName(node.callee, node.type === AST_NODE_TYPES.NewExpression);
      const args = node.arguments;
      switch (sink.kind) {
        case 'shell': {
          const twin = !promisified && node.type === AST_NODE_TYPES.CallExpression ? sink.fileTwin : undefined;
          reportInput(args[0], 'requestCommand', name, () => (twin ? execFileSuggestion(node as TSESTree.CallExpression, twin) : []));
          return;
        }
        case 'code':
          if (sink.textArg === 'all') {
            args.some((arg) => reportInput(arg, 'requestCode', name));
          } else {
            reportInput(args[sink.textArg], 'requestCode', name);
          }
          return;
        case 'timer': {
          const [first] = args;
          // setTimeout(() => …, ms), setTimeout(done, ms): a function, not code text.
          if (first && first.type !== AST_NODE_TYPES.SpreadElement && !isFunctionLike(skipTsWrappers(first)) && !resolveFunction(context, first)) {
            reportInput(first, 'requestCode', name);
          }
          return;
        }
        case 'process': {
          const program = args[sink.textArg as number];
          const list = argumentList(context, node, sink);
          const shell = runsShell(context, node, sink);
          if (reportInput(program, shell ? 'requestCommand' : 'requestProgram', name)) {
            return;
          }
          if (shell && list) {
            const plain = skipTsWrappers(list);
            const elements = plain.type === AST_NODE_TYPES.ArrayExpression ? plain.elements : [list];
            elements.some((element) => reportInput(element, 'requestShellArgs', name));
            return;
          }
          if (program) {
            reportInput(shellCommandArgument(context, program, list), 'requestCommand', name);
          }
          return;
        }
      }
    }

    /** `exec(`convert ${a} out.png`)` -> `execFile('convert', [a, 'out.png'])` (see `execFileEdit`). */
    function execFileSuggestion(call: TSESTree.CallExpression, twin: string): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const edit = execFileEdit(context, call, twin);
      if (!edit) {
        return [];
      }
      return [
        {
          messageId: 'useExecFile',
          data: { program: edit.program, callee: edit.callee },
          fix: (fixer) => edit.edits.map(({ range, text }) => fixer.replaceTextRange([range[0], range[1]], text)),
        },
      ];
    }
  },
});
