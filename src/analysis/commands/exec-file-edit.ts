/**
 * How `exec(`convert ${a} out.png`, cb)` becomes `execFile('convert', [a, 'out.png'], cb)`: the
 * program and argument array written from a simple command template, the callee renamed to the
 * `child_process` export that takes an array (`execFile`, `execFileSync`), and the name brought in
 * the way the file already binds `exec` (a named import or a destructured `require` gains a
 * specifier; `cp.exec` becomes `cp.execFile`). The rule turns it into a suggestion.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { commandParts } from './command-line';
import type { FileContext } from '../../core/context';
import { bindingState } from '../../core/imports';
import { scopeOf, variableFor } from '../../core/variable-index';

/** One replacement in the file. */
export interface TextEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

/** The edits of the rewrite, and what the suggestion's message names. */
export interface ExecFileEdit {
  readonly program: string;
  /** The callee as it will read (`execFile`, `cp.execFileSync`). */
  readonly callee: string;
  readonly edits: readonly TextEdit[];
}

const CHILD_PROCESS_SOURCES = new Set(['child_process', 'node:child_process']);

/** A `require('child_process')` call (or `node:`), as written. */
function requiredSource(node: TSESTree.Node | null | undefined): string | null {
  if (
    node?.type === AST_NODE_TYPES.CallExpression &&
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    node.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof node.arguments[0].value === 'string' &&
    CHILD_PROCESS_SOURCES.has(node.arguments[0].value)
  ) {
    return node.arguments[0].value;
  }
  return null;
}

/**
 * The edit that binds `twin` next to the binding of `callee` (an identifier bound by
 * `import { exec } from 'child_process'` or `const { exec } = require('child_process')`): none
 * when `twin` is already that export there, `null` when the name is taken or the binding has
 * another shape.
 */
function twinBinding(context: FileContext, callee: TSESTree.Identifier, twin: string): { edits: TextEdit[] } | null {
  const def = variableFor(context, callee)?.defs[0];
  let source: string | null = null;
  let last: TSESTree.Node | undefined;
  if (def?.type === 'ImportBinding' && def.node.type === AST_NODE_TYPES.ImportSpecifier && def.parent?.type === AST_NODE_TYPES.ImportDeclaration) {
    const declaration = def.parent;
    source = CHILD_PROCESS_SOURCES.has(String(declaration.source.value)) && declaration.importKind !== 'type' ? String(declaration.source.value) : null;
    last = declaration.specifiers.at(-1);
  } else if (def?.type === 'Variable' && def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
    source = requiredSource(def.node.init);
    last = def.node.id.properties.at(-1);
    if (last?.type === AST_NODE_TYPES.RestElement) {
      return null;
    }
  }
  if (source === null || !last) {
    return null;
  }
  const state = bindingState(scopeOf(context, callee), twin, source, twin);
  if (state === 'same') {
    return { edits: [] };
  }
  return state === 'free' ? { edits: [{ range: [last.range[1], last.range[1]], text: `, ${twin}` }] } : null;
}

/**
 * The rewrite of a shell sink (`exec`, `execSync`) called with a simple command template to its
 * array twin (`twin`), or `null` when the template is not a simple command (see `commandParts`),
 * the callee is written in a way the edit cannot rename, or the twin's name is taken.
 */
export function execFileEdit(context: FileContext, call: TSESTree.CallExpression, twin: string): ExecFileEdit | null {
  const [first] = call.arguments;
  if (first?.type !== AST_NODE_TYPES.TemplateLiteral) {
    return null;
  }
  const parts = commandParts(first);
  if (!parts) {
    return null;
  }
  const callee = call.callee;
  let renamed: { edits: TextEdit[]; text: string } | null = null;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier && !callee.optional) {
    const property = callee.property;
    renamed = { edits: [{ range: property.range, text: twin }], text: `${context.sourceCode.getText(callee.object)}.${twin}` };
  } else if (callee.type === AST_NODE_TYPES.Identifier) {
    const binding = twinBinding(context, callee, twin);
    renamed = binding ? { edits: [...binding.edits, { range: callee.range, text: twin }], text: twin } : null;
  }
  if (!renamed) {
    return null;
  }
  const [program, ...rest] = parts;
  const values = rest.map((part) => {
    if (part.kind === 'word') {
      return `'${part.text}'`;
    }
    const text = context.sourceCode.getText(part.node);
    return part.node.type === AST_NODE_TYPES.SequenceExpression ? `(${text})` : text;
  });
  const programText = (program as { text: string }).text;
  return {
    program: programText,
    callee: renamed.text,
    edits: [...renamed.edits, { range: first.range, text: `'${programText}', [${values.join(', ')}]` }],
  };
}
