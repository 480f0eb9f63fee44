import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { FileContext } from '../../core/context';

/** One name a module exports, with the node naming it and the value it exports when visible. */
export interface ExportedBinding {
  /** Exported name (`GET`, `action`, `default`). */
  readonly name: string;
  /** A small node naming the export: the function's or variable's identifier, the specifier, the default-exported expression. */
  readonly node: TSESTree.Node;
  /**
   * The exported value: a function declaration, an initialiser, a local identifier, a
   * default-exported expression; `null` when the value lives elsewhere (`export { GET } from './x'`,
   * `export const { GET, POST } = handlers`).
   */
  readonly value: TSESTree.Node | null;
  /** The export statement (where leading comments go). */
  readonly statement: TSESTree.Node;
}

function exportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

/** Identifiers bound by a destructuring export: `export const { GET, POST } = handlers`. */
function patternIdentifiers(pattern: TSESTree.Node, out: TSESTree.Identifier[] = []): TSESTree.Identifier[] {
  if (pattern.type === AST_NODE_TYPES.Identifier) {
    out.push(pattern);
  } else if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      patternIdentifiers(property.type === AST_NODE_TYPES.Property ? property.value : property.argument, out);
    }
  } else if (pattern.type === AST_NODE_TYPES.ArrayPattern) {
    for (const element of pattern.elements) {
      if (element) {
        patternIdentifiers(element, out);
      }
    }
  } else if (pattern.type === AST_NODE_TYPES.AssignmentPattern) {
    patternIdentifiers(pattern.left, out);
  } else if (pattern.type === AST_NODE_TYPES.RestElement) {
    patternIdentifiers(pattern.argument, out);
  }
  return out;
}

/**
 * The module's value exports, in source order, from the top-level statements only (no
 * traversal): the route exports of file-routed frameworks (`export async function POST`,
 * `export const POST = withAuth(…)`, `export { handler as GET }`, `export default handler`,
 * `export const action = …`). Type-only exports are skipped.
 * @example exportedBindings(context).filter((b) => b.name === 'POST')
 */
export function exportedBindings(context: FileContext): ExportedBinding[] {
  const out: ExportedBinding[] = [];
  for (const statement of context.sourceCode.ast.body) {
    if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      const decl = statement.declaration as TSESTree.Node;
      if (decl.type === AST_NODE_TYPES.TSInterfaceDeclaration || decl.type === AST_NODE_TYPES.TSDeclareFunction) {
        continue;
      }
      const named = (decl.type === AST_NODE_TYPES.FunctionDeclaration || decl.type === AST_NODE_TYPES.ClassDeclaration) && decl.id ? decl.id : null;
      out.push({ name: 'default', node: named ?? decl, value: decl, statement });
      continue;
    }
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration || statement.exportKind === 'type') {
      continue;
    }
    const decl = statement.declaration;
    if (decl?.type === AST_NODE_TYPES.FunctionDeclaration && decl.id) {
      out.push({ name: decl.id.name, node: decl.id, value: decl, statement });
    } else if (decl?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of decl.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier) {
          out.push({ name: declarator.id.name, node: declarator.id, value: declarator.init, statement });
        } else {
          for (const id of patternIdentifiers(declarator.id)) {
            out.push({ name: id.name, node: id, value: null, statement });
          }
        }
      }
    } else if (!decl) {
      for (const spec of statement.specifiers) {
        if (spec.type !== AST_NODE_TYPES.ExportSpecifier || spec.exportKind === 'type') {
          continue;
        }
        const value = statement.source ? null : (spec.local as TSESTree.Node);
        out.push({ name: exportName(spec.exported), node: spec.exported, value, statement });
      }
    }
  }
  return out;
}

/** Whether the module has a default export (`export default …`, `export { x as default }`). */
export function hasDefaultExport(context: FileContext): boolean {
  return context.sourceCode.ast.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration &&
        statement.specifiers.some((spec) => spec.type === AST_NODE_TYPES.ExportSpecifier && exportName(spec.exported) === 'default')),
  );
}
