import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { getStringIfConstant } from '@eslint-community/eslint-utils';

import { declaredTypeName } from '../../core/functions';
import { memberName } from '../../core/ast';
import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { resolveCallTarget } from '../../core/modules';
import { skipTsWrappers, unwrapExpression } from '../../core/static';
import { scopeOf, variableFor } from '../../core/variable-index';
import { CLASS_VALIDATOR_CONSTRAINTS, NEST_VALIDATION_PIPE_TEXT } from '../../data/request-input';
import { classNamed, projectFiles, projectRoot } from '../../project/index';
import type { NamedClass } from '../../project/index';
import { isAllowListRegex, isShellSafeRegex, regexOf } from './regexes';
import type { ValuePurpose } from './values';

/**
 * NestJS DTOs validated by class-validator: `body.id`, read from a parameter declared with a DTO
 * class (`@Body() body: CreateShareDTO`, or a service's `create(share: CreateShareDTO)`), holds
 * what the property's decorators let through when the app runs a `ValidationPipe`:
 * `@Matches('^[a-zA-Z0-9_-]*$')`, `@IsUUID()`, `@IsInt()`… leave no room for `../` or `;`.
 */

/** The class a parameter's declared type names (`body: CreateShareDto`), in this file or imported from a project file. */
function dtoClassOf(context: FileContext, object: TSESTree.Identifier): NamedClass | null {
  const variable = variableFor(context, object);
  const def = variable?.defs.length === 1 ? variable.defs[0]! : null;
  if (def?.type !== 'Parameter' || def.name.type !== AST_NODE_TYPES.Identifier) {
    return null;
  }
  const typeName = declaredTypeName(def.name.typeAnnotation);
  return typeName ? classNamed(context, typeName) : null;
}

/** The text of a constant string argument, or `null`. */
function constantText(context: FileContext, node: TSESTree.Node | undefined): string | null {
  return node && node.type !== AST_NODE_TYPES.SpreadElement ? getStringIfConstant(node as never, scopeOf(context, node) as never) : null;
}

/** Whether one decorator of a DTO property lets only values that cannot make a path or a command through. */
function constrains(context: FileContext, decorator: TSESTree.Decorator, purpose: ValuePurpose): boolean {
  const call = unwrapExpression(decorator.expression);
  if (call.type !== AST_NODE_TYPES.CallExpression) {
    return false;
  }
  const target = resolveCallTarget(context, call.callee);
  const name = target?.module === 'class-validator' && target.path.length === 1 ? target.path[0]! : null;
  if (name === null) {
    return false;
  }
  if (CLASS_VALIDATOR_CONSTRAINTS.has(name)) {
    return true;
  }
  const [first] = call.arguments;
  if (name === 'IsIn') {
    // A list of constants: an allow-list.
    const list = first ? unwrapExpression(first) : null;
    return list?.type === AST_NODE_TYPES.ArrayExpression && list.elements.length > 0 && list.elements.every((element) => element?.type === AST_NODE_TYPES.Literal);
  }
  if (name === 'Matches' && first) {
    const pattern = regexOf(context, first)?.pattern ?? constantText(context, first);
    return pattern !== null && isAllowListRegex(pattern) && (purpose !== 'command' || isShellSafeRegex(pattern));
  }
  return false;
}

const PIPE_ANSWERS = perFileKey<boolean>('ValidationPipe in the project');

/** Whether the project runs NestJS's `ValidationPipe` somewhere (or, outside a project, this file does). */
function validationPipeRuns(context: FileContext): boolean {
  return perFile(context, PIPE_ANSWERS, () => {
    if (NEST_VALIDATION_PIPE_TEXT.test(context.sourceCode.text)) {
      return true;
    }
    const root = projectRoot(context.filename, context);
    return root !== null && projectFiles(root, { text: NEST_VALIDATION_PIPE_TEXT, settings: context }).length > 0;
  });
}

/**
 * Whether `ref`, a property read of a parameter declared with a DTO class (`body.id`), can only
 * hold what class-validator decorators on that property allow, and those leave no room for a path
 * or a command (for `purpose`). Needs a `ValidationPipe` in the project. Never throws.
 * @example create(@Body() body: CreateShareDTO) { fs.mkdirSync(`${DIR}/${body.id}`) } // with @Matches('^[\w-]*$') id: string
 */
export function isValidatedDtoProperty(context: FileContext, ref: TSESTree.Node, purpose: ValuePurpose): boolean {
  try {
    if (ref.type !== AST_NODE_TYPES.MemberExpression || ref.computed) {
      return false;
    }
    const object = skipTsWrappers(ref.object);
    const key = memberName(context, ref);
    const dto = object.type === AST_NODE_TYPES.Identifier && key !== null ? dtoClassOf(context, object) : null;
    if (!dto) {
      return false;
    }
    const property = dto.cls.body.body.find(
      (element): element is TSESTree.PropertyDefinition =>
        element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && !element.computed && element.key.type === AST_NODE_TYPES.Identifier && element.key.name === key,
    );
    return property !== undefined && property.decorators.some((decorator) => constrains(dto.context, decorator, purpose)) && validationPipeRuns(context);
  } catch {
    return false;
  }
}
