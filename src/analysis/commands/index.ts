/** Command engine: where a file runs shell commands, programs or code (child_process, execa, zx, shelljs, cross-spawn, vm, eval), whether a shell parses the text, and the `execFile` rewrite of a simple command. The public face of `analysis/commands/`: rules import from here. */
export { argumentList, commandSinkCalls, importsTemplateRunner, mayHoldCommandSinks, replacesZxQuote, runsShell, templateRunner } from './sinks';
export type { CommandSinkCall, TemplateRunner } from './sinks';
export { commandParts, shellCommandArgument, shellCommandInterpolations } from './command-line';
export type { CommandPart } from './command-line';
export { execFileEdit } from './exec-file-edit';
export type { ExecFileEdit, TextEdit } from './exec-file-edit';
