import { CALL, CONSTRUCT, READ } from '@eslint-community/eslint-utils';

import type { TraceMap } from '../core/modules';

/**
 * How a sink runs the text it is given:
 * - `shell`: a command line parsed by a shell (`exec(cmd)`), or split into a program and its
 *   arguments (`execaCommand(cmd)`): the text decides what runs;
 * - `process`: a program and an argument array, without a shell unless a `shell` option turns one
 *   on (`spawn(file, args, { shell: true })`);
 * - `code`: JavaScript evaluated in the process (`eval`, `new Function`, `vm`);
 * - `timer`: `setTimeout`/`setInterval`, which evaluate a string first argument as code.
 */
export type CommandSinkKind = 'shell' | 'process' | 'code' | 'timer';

/** One sink: what it runs and which arguments carry it. */
export interface CommandSink {
  readonly kind: CommandSinkKind;
  /**
   * `shell`: the command line; `process`: the program (file); `code`/`timer`: the code. `all` for
   * `Function(...params, body)`, whose every argument is source text.
   */
  readonly textArg: number | 'all';
  /** `process`: where the argument array goes (`spawn(file, args)`); absent when there is none. */
  readonly argsArg?: number;
  /** `process`: whether a `shell` option in the options object runs the call through a shell. */
  readonly shellOption?: boolean;
  /**
   * `shell` sinks of `child_process`: the export that runs a program with an argument array
   * instead (`exec` -> `execFile`), offered by the rule's suggestion.
   */
  readonly fileTwin?: string;
}

const shell = (fileTwin?: string): CommandSink => (fileTwin ? { kind: 'shell', textArg: 0, fileTwin } : { kind: 'shell', textArg: 0 });
const PROCESS: CommandSink = { kind: 'process', textArg: 0, argsArg: 1, shellOption: true };
/** `fork(modulePath, args, options)`: runs a Node module, never a shell. */
const FORK: CommandSink = { kind: 'process', textArg: 0, argsArg: 1, shellOption: false };
const CODE: CommandSink = { kind: 'code', textArg: 0 };
const EVERY_ARGUMENT_CODE: CommandSink = { kind: 'code', textArg: 'all' };
const TIMER: CommandSink = { kind: 'timer', textArg: 0 };

const call = (sink: CommandSink): TraceMap<CommandSink> => ({ [CALL]: sink });

/** `child_process` functions (also `node:child_process`, and their `util.promisify()` results). */
export const CHILD_PROCESS_SINKS: Readonly<Record<string, CommandSink>> = {
  exec: shell('execFile'),
  execSync: shell('execFileSync'),
  spawn: PROCESS,
  spawnSync: PROCESS,
  execFile: PROCESS,
  execFileSync: PROCESS,
  fork: FORK,
};

/** The module whose `exec`/`execSync` the suggestion rewrites to `execFile`/`execFileSync`. */
export const CHILD_PROCESS_MODULE = 'child_process';

const childProcess: TraceMap<CommandSink> = Object.fromEntries(Object.entries(CHILD_PROCESS_SINKS).map(([name, sink]) => [name, call(sink)]));

/** cross-spawn: `spawn(file, args, options)` as a function, with `.spawn` and `.sync`. */
const crossSpawn: TraceMap<CommandSink> = { [CALL]: PROCESS, spawn: call(PROCESS), sync: call(PROCESS) };

/**
 * execa: `execa(file, args, options)` and `execaSync` (and `$(file, args)`) run a program; with
 * `shell: true` a shell. `execaCommand(cmd)` splits a command line on spaces: the text decides the
 * program and its arguments. Before v6 the default export was `execa` with `.sync`, `.command`,
 * `.commandSync` and `.node`. Tagged templates (`` execa`cmd ${x}` ``, `` $`cmd ${x}` ``) pass each
 * interpolation as one argument and are not sinks.
 */
const execa: TraceMap<CommandSink> = {
  [CALL]: PROCESS,
  execa: call(PROCESS),
  execaSync: call(PROCESS),
  execaNode: call(FORK),
  $: call(PROCESS),
  execaCommand: call(shell()),
  execaCommandSync: call(shell()),
  sync: call(PROCESS),
  node: call(FORK),
  command: call(shell()),
  commandSync: call(shell()),
};

/** `vm` functions and constructors that compile their first argument. */
const vm: TraceMap<CommandSink> = {
  runInNewContext: call(CODE),
  runInThisContext: call(CODE),
  runInContext: call(CODE),
  compileFunction: call(CODE),
  Script: { [CONSTRUCT]: CODE },
  SourceTextModule: { [CONSTRUCT]: CODE },
};

/** Trace map (module -> export path -> sink) over the modules that run commands or code. */
export const COMMAND_TRACE_MAP: Readonly<Record<string, TraceMap<CommandSink>>> = {
  child_process: childProcess,
  'cross-spawn': crossSpawn,
  shelljs: { exec: call(shell()) },
  execa,
  vm,
};

/** Trace map over the globals that evaluate code (also as `globalThis.eval`, `window.setTimeout`…). */
export const CODE_GLOBAL_TRACE_MAP: Readonly<TraceMap<CommandSink>> = {
  eval: call(CODE),
  Function: { [CALL]: EVERY_ARGUMENT_CODE, [CONSTRUCT]: EVERY_ARGUMENT_CODE },
  setTimeout: call(TIMER),
  setInterval: call(TIMER),
};

/** A sink that runs its argument `pathArgs[0]` as a command line or as code, in the shape the cross-file wrapper engine reads. */
export interface TextSink extends CommandSink {
  readonly pathArgs: readonly number[];
}

/** The sinks of `kind` in a trace map whose text is one argument, each with that argument as `pathArgs`. */
function textSinks(map: TraceMap<CommandSink>, kind: CommandSinkKind): TraceMap<TextSink> | null {
  const out: Record<string | symbol, unknown> = {};
  let found = false;
  for (const key of [...Object.keys(map), CALL, CONSTRUCT] as (string | typeof CALL | typeof CONSTRUCT)[]) {
    const value = (map as Record<string | symbol, unknown>)[key];
    if (typeof key === 'symbol') {
      const sink = value as CommandSink | undefined;
      if (sink?.kind === kind && typeof sink.textArg === 'number') {
        out[key] = { ...sink, pathArgs: [sink.textArg] };
        found = true;
      }
    } else if (value && typeof value === 'object') {
      const inner = textSinks(value as TraceMap<CommandSink>, kind);
      if (inner) {
        out[key] = inner;
        found = true;
      }
    }
  }
  return found ? (out as TraceMap<TextSink>) : null;
}

function textSinkModules(kind: CommandSinkKind): Readonly<Record<string, TraceMap<TextSink>>> {
  return Object.fromEntries(
    Object.entries(COMMAND_TRACE_MAP).flatMap(([module, map]) => {
      const sinks = textSinks(map, kind);
      return sinks ? [[module, sinks]] : [];
    }),
  );
}

/**
 * The sinks whose argument is a whole command line (`exec`, `execSync`, shelljs `exec`, execa's
 * `execaCommand`…), per module: what a helper of another project file must pass a parameter to
 * for a call of it with request input to be reported (`runCommand(req.query.cmd)`).
 */
export const COMMAND_LINE_TRACE_MAP: Readonly<Record<string, TraceMap<TextSink>>> = textSinkModules('shell');

/** The sinks that evaluate one argument as JavaScript (`vm.runInNewContext`, `new vm.Script`), per module, for helpers of other files. */
export const CODE_TEXT_TRACE_MAP: Readonly<Record<string, TraceMap<TextSink>>> = textSinkModules('code');

/** `eval(code)`, the global that evaluates one argument, for helpers of other files (`Function` takes them all, timers run functions more often than text). */
export const CODE_TEXT_GLOBALS: Readonly<TraceMap<TextSink>> = textSinks({ eval: CODE_GLOBAL_TRACE_MAP.eval! }, 'code') ?? {};

/** zx: `$` runs a tagged template, quoting every interpolation unless its `quote` is replaced. */
export const ZX_MODULES: ReadonlySet<string> = new Set(['zx', 'zx/core']);
/** zx's own quoting functions: `$.quote = quotePowerShell` still quotes. */
export const ZX_QUOTE_FUNCTIONS: ReadonlySet<string> = new Set(['quote', 'quotePowerShell']);
/** Trace map of `$.quote` writes in zx. */
export const ZX_QUOTE_TRACE_MAP: Readonly<Record<string, TraceMap<true>>> = {
  zx: { $: { quote: { [READ]: true } } },
  'zx/core': { $: { quote: { [READ]: true } } },
};

/**
 * Shell programs that run their `-c` argument as a command line (`spawn('sh', ['-c', cmd])`),
 * by base name; the flag that takes the command follows.
 */
export const SHELL_PROGRAMS: ReadonlyMap<string, RegExp> = new Map([
  ['sh', /^-[a-z]*c$/u],
  ['bash', /^-[a-z]*c$/u],
  ['zsh', /^-[a-z]*c$/u],
  ['dash', /^-[a-z]*c$/u],
  ['ksh', /^-[a-z]*c$/u],
  ['ash', /^-[a-z]*c$/u],
  ['fish', /^(?:-c|--command)$/u],
  ['cmd', /^\/[ck]$/iu],
  ['cmd.exe', /^\/[ck]$/iu],
  ['powershell', /^-(?:c|command)$/iu],
  ['powershell.exe', /^-(?:c|command)$/iu],
  ['pwsh', /^-(?:c|command)$/iu],
  ['pwsh.exe', /^-(?:c|command)$/iu],
]);

/**
 * Functions whose result is safe inside a command line, as `module#export` or written names: shell
 * quoting (`shell-quote`'s `quote([x])`, `shescape`'s `quote`/`escape`, also on a `Shescape` instance).
 */
export const SHELL_QUOTERS: readonly string[] = [
  'shell-quote#quote',
  'shescape#quote',
  'shescape#quoteAll',
  'shescape#escape',
  'shescape#escapeAll',
  'Shescape.quote',
  'Shescape.quoteAll',
  'Shescape.escape',
  'Shescape.escapeAll',
  'shescape.quote',
  'shescape.quoteAll',
  'shescape.escape',
  'shescape.escapeAll',
];

/**
 * What a single quote becomes inside a single-quoted POSIX shell word (`'\''` or `'"'"'`): the
 * replacement of `x.replace(/'/g, …)` that escapes a value for `'…'`.
 */
export const SINGLE_QUOTE_ESCAPES: ReadonlySet<string> = new Set(["'\\''", `'"'"'`]);
