/**
 * Constant values, part four: a reassigned variable followed along its function's statements to one
 * use, so that `if (!ALLOWED.includes(dir)) dir = 'DESC'` or a `switch` assigning a literal in every
 * branch (default included) leaves a constant, and a later `dir = req.query.dir` undoes it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { restricts } from './guards';
import { weakest } from './tables';
import type { Derivation, Sub } from './tables';
import { laterWrites } from '../../core/variable-index';
import type { FileContext } from '../../core/context';

/** What the paths reaching a point bring there; `undefined` when no path does. */
type State = Derivation | undefined;

/** The state after a statement: on its normal completion, and carried by unlabeled `break`s out of it. */
interface Flow {
  readonly normal: State;
  readonly broken: State;
}

function join(a: State, b: State): State {
  if (a === undefined) {
    return b;
  }
  return b === undefined ? a : weakest([a, b]);
}

type StatementList = readonly TSESTree.Node[];

/** One variable's facts, shared by all its uses. */
interface VariableFlow {
  readonly name: string;
  /** The node whose statement list holds the declaration (a function body for a parameter). */
  readonly home: TSESTree.Node;
  /** Index in the home list of the first statement after the declaration. */
  readonly first: number;
  readonly initial: Derivation;
  /** Write references, in source order. */
  readonly writes: readonly TSESTree.Identifier[];
  /** State at the start of each node on a path from `home` to a use. */
  readonly states: Map<TSESTree.Node, State>;
  /** Per statement list: the state before each of its statements, filled as far as asked. */
  readonly prefixes: Map<TSESTree.Node, State[]>;
}

/** `null`: the variable is not followed (see `variableFlow`). */
const flows = new WeakMap<TSESLint.Scope.Variable, VariableFlow | null>();

const LOOPS = new Set<string>([
  AST_NODE_TYPES.ForStatement, AST_NODE_TYPES.ForInStatement, AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement, AST_NODE_TYPES.DoWhileStatement,
]);
const FUNCTIONS = new Set<string>([
  AST_NODE_TYPES.FunctionDeclaration, AST_NODE_TYPES.FunctionExpression, AST_NODE_TYPES.ArrowFunctionExpression,
]);

function listOf(node: TSESTree.Node): StatementList | null {
  switch (node.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return node.body;
    case AST_NODE_TYPES.SwitchCase:
      return node.consequent;
    default:
      return null;
  }
}

/**
 * What a reassigned `let`/`var` or parameter holds at `use`: its declared value and its writes
 * followed along the statements from the declaration (branches joined, exits dropped, loops and
 * `try` taken as "any of their writes"), narrowed where an allow-list check, an equality chain or a
 * `case` restricts it. `null` when the variable is written from another function, declared where
 * statements cannot be followed (a `for` head), or used in a hoisted function or a closure created
 * before one of its writes. Only asked for values that are otherwise not constant.
 * @example
 * let dir = req.query.dir; if (!['ASC', 'DESC'].includes(dir)) dir = 'DESC';
 * db.query(`… ORDER BY id ${dir}`) // narrowedDerivation(dir) -> 'constant'
 */
export function narrowedDerivation(
  context: FileContext,
  classifyAny: Sub,
  sub: Sub,
  use: TSESTree.Identifier,
  variable: TSESLint.Scope.Variable,
  initial: () => Derivation,
): Derivation {
  let flow = flows.get(variable);
  if (flow === undefined) {
    flow = variableFlow(variable, initial);
    flows.set(variable, flow);
  }
  if (!flow) {
    return null;
  }
  const f = flow;

  const writesIn = (node: TSESTree.Node, before = Infinity): TSESTree.Identifier[] =>
    f.writes.filter((id) => id.range[0] >= node.range[0] && id.range[1] <= node.range[1] && id.range[0] < before);

  /** The value a write leaves, given what the variable held before it. */
  function written(id: TSESTree.Identifier, before: Derivation): Derivation {
    const parent = id.parent;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === id) {
      const right = sub(parent.right);
      switch (parent.operator) {
        case '=':
          return right;
        case '+=':
        case '||=':
        case '??=':
        case '&&=':
          return weakest([before, right]);
        default:
          return weakest([before, right]) === 'constant' ? 'constant' : 'numeric';
      }
    }
    if (parent.type === AST_NODE_TYPES.UpdateExpression) {
      return before === 'constant' ? 'constant' : 'numeric';
    }
    return null; // destructuring, a `for…in/of` target
  }

  /** What `node` can leave when it writes the variable in ways not followed one by one: any of its writes, or the value before. */
  function anyWrite(node: TSESTree.Node, state: State, before = Infinity): State {
    if (state === undefined) {
      return undefined;
    }
    const ids = writesIn(node, before);
    return ids.length === 0 ? state : weakest([state, ...ids.map((id) => written(id, state))]);
  }

  const narrow = (state: State, test: TSESTree.Node, branch: boolean): State =>
    state === undefined ? undefined : restricts(context, classifyAny, test, f.name, branch) ? 'constant' : state;

  function execList(list: StatementList, from: number, to: number, state: State): Flow {
    let current = state;
    let broken: State;
    for (let i = from; i < to && current !== undefined; i++) {
      const result = exec(list[i]!, current);
      current = result.normal;
      broken = join(broken, result.broken);
    }
    return { normal: current, broken };
  }

  function exec(statement: TSESTree.Node, state: State): Flow {
    if (state === undefined) {
      return { normal: undefined, broken: undefined };
    }
    switch (statement.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
      case AST_NODE_TYPES.ContinueStatement:
        return { normal: undefined, broken: undefined };
      case AST_NODE_TYPES.BreakStatement:
        return { normal: undefined, broken: statement.label ? undefined : state };
      case AST_NODE_TYPES.BlockStatement:
        return execList(statement.body, 0, statement.body.length, state);
      case AST_NODE_TYPES.ExpressionStatement: {
        const ids = writesIn(statement);
        const expression = statement.expression;
        if (ids.length === 1 && expression.type === AST_NODE_TYPES.AssignmentExpression && expression.left === ids[0]) {
          return { normal: written(ids[0], state), broken: undefined };
        }
        return { normal: anyWrite(statement, state), broken: undefined };
      }
      case AST_NODE_TYPES.IfStatement: {
        if (writesIn(statement.test).length > 0) {
          break;
        }
        const consequent = exec(statement.consequent, narrow(state, statement.test, true));
        const otherwise = narrow(state, statement.test, false);
        const alternate = statement.alternate ? exec(statement.alternate, otherwise) : { normal: otherwise, broken: undefined };
        return { normal: join(consequent.normal, alternate.normal), broken: join(consequent.broken, alternate.broken) };
      }
      case AST_NODE_TYPES.SwitchStatement: {
        const entries = caseEntries(statement, state);
        if (!entries) {
          break;
        }
        const last = statement.cases.at(-1);
        let normal: State = statement.cases.some((switchCase) => switchCase.test === null) ? undefined : state;
        statement.cases.forEach((switchCase, index) => {
          const result = execList(switchCase.consequent, 0, switchCase.consequent.length, entries[index]);
          normal = join(normal, result.broken);
          if (switchCase === last) {
            normal = join(normal, result.normal);
          }
        });
        return { normal, broken: undefined };
      }
      default:
        break;
    }
    // Loops, `try`, labels and the rest: any of their writes, or the value before. A `break`
    // inside (not a loop's own) leaves with the same.
    const after = anyWrite(statement, state);
    return { normal: after, broken: LOOPS.has(statement.type) ? undefined : after };
  }

  /** The state entering each `case` of a switch: matched (narrowed when the switch is on the variable) or fallen into. */
  function caseEntries(statement: TSESTree.SwitchStatement, state: State): State[] | null {
    if (writesIn(statement.discriminant).length > 0 || statement.cases.some((switchCase) => switchCase.test && writesIn(switchCase.test).length > 0)) {
      return null;
    }
    const onVariable = statement.discriminant.type === AST_NODE_TYPES.Identifier && statement.discriminant.name === f.name;
    const entries: State[] = [];
    let fall: State;
    for (const switchCase of statement.cases) {
      const matched = state !== undefined && onVariable && switchCase.test?.type === AST_NODE_TYPES.Literal ? 'constant' : state;
      const entry = join(matched, fall);
      entries.push(entry);
      fall = execList(switchCase.consequent, 0, switchCase.consequent.length, entry).normal;
    }
    return entries;
  }

  /** The state before statement `index` of a list (from the declaration on, in the home list). */
  function before(owner: TSESTree.Node, list: StatementList, index: number, entry: State): State {
    const first = owner === f.home ? f.first : 0;
    if (index < first) {
      return null; // a use before the declaration
    }
    let prefix = f.prefixes.get(owner);
    if (!prefix) {
      prefix = [];
      f.prefixes.set(owner, prefix);
    }
    for (let i = first + prefix.length; i <= index; i++) {
      const last = prefix.length === 0 ? entry : prefix[prefix.length - 1];
      prefix.push(prefix.length === 0 ? last : exec(list[i - 1]!, last).normal);
    }
    return prefix[index - first];
  }

  /** The state at the start of `node`, a node between `home` and the use. */
  function stateAt(node: TSESTree.Node): State {
    if (f.states.has(node)) {
      return f.states.get(node);
    }
    const parent = node.parent;
    if (!parent) {
      return null; // the use is not inside the declaration's block
    }
    const outer = parent === f.home ? f.initial : stateAt(parent);
    const result = enter(parent, node, outer);
    f.states.set(node, result);
    return result;
  }

  function enter(parent: TSESTree.Node, child: TSESTree.Node, state: State): State {
    if (state === undefined) {
      return undefined;
    }
    const list = listOf(parent);
    if (list && (parent.type !== AST_NODE_TYPES.SwitchCase || child !== parent.test)) {
      return before(parent, list, list.indexOf(child), state);
    }
    if (LOOPS.has(parent.type)) {
      const head = parent.type === AST_NODE_TYPES.ForStatement ? parent.init
        : parent.type === AST_NODE_TYPES.ForInStatement || parent.type === AST_NODE_TYPES.ForOfStatement ? parent.right : null;
      return child === head ? state : anyWrite(parent, state);
    }
    if (FUNCTIONS.has(parent.type)) {
      return closureState(parent, state);
    }
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
        if (child === parent.test) {
          return state;
        }
        return writesIn(parent.test).length > 0 ? null : narrow(state, parent.test, child === parent.consequent);
      case AST_NODE_TYPES.SwitchStatement: {
        if (child === parent.discriminant) {
          return state;
        }
        const entries = caseEntries(parent, state);
        return entries ? entries[parent.cases.indexOf(child as TSESTree.SwitchCase)] : null;
      }
      case AST_NODE_TYPES.TryStatement:
        return child === parent.block ? state : anyWrite(parent, state, child.range[0]);
      case AST_NODE_TYPES.LabeledStatement:
      case AST_NODE_TYPES.CatchClause:
        return state;
      default:
        break;
    }
    // Inside an expression: writes before the child (not the assignment the child is the value of)
    // are taken as any of them, and only then do conditions narrow.
    const earlier = writesIn(parent, child.range[0]).filter((id) => !(id.parent === parent &&
      parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right === child));
    if (earlier.length > 0) {
      return weakest([state, ...earlier.map((id) => written(id, state))]);
    }
    if (parent.type === AST_NODE_TYPES.ConditionalExpression && child !== parent.test) {
      return narrow(state, parent.test, child === parent.consequent);
    }
    if (parent.type === AST_NODE_TYPES.LogicalExpression && child === parent.right && parent.operator !== '??') {
      return narrow(state, parent.left, parent.operator === '&&');
    }
    return state;
  }

  /**
   * A use inside a function written after every write of the variable (not hoisted, not in a loop
   * that writes it) sees what the variable held when the function was created.
   */
  function closureState(fn: TSESTree.Node, state: State): State {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration || f.writes.some((id) => id.range[1] > fn.range[0])) {
      return null;
    }
    for (let node = fn.parent; node && node !== f.home; node = node.parent) {
      if (LOOPS.has(node.type) && writesIn(node).length > 0) {
        return null;
      }
    }
    return state;
  }

  return stateAt(use) ?? null;
}

/** Where a variable's statements start and which writes it has; `null` when they cannot be followed. */
function variableFlow(variable: TSESLint.Scope.Variable, initial: () => Derivation): VariableFlow | null {
  if (variable.defs.length !== 1) {
    return null;
  }
  const def = variable.defs[0]!;
  const refs = laterWrites(variable);
  const functionScope = variable.scope.variableScope;
  if (refs.some((ref) => ref.from.variableScope !== functionScope)) {
    return null; // written from a callback or another function: any time
  }
  let home: TSESTree.Node;
  let first: number;
  if (def.type === 'Variable') {
    const declaration = def.parent as TSESTree.VariableDeclaration;
    const list = listOf(declaration.parent);
    if (!list || (declaration.parent.type === AST_NODE_TYPES.SwitchCase && !list.includes(declaration))) {
      return null;
    }
    if (refs.some((ref) => ref.identifier.range[0] < declaration.range[0])) {
      return null; // a `var` written before its declaration
    }
    home = declaration.parent;
    first = list.indexOf(declaration) + 1;
  } else if (def.type === 'Parameter') {
    const fn = def.node as TSESTree.FunctionLike;
    if (!fn.body || fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      return null;
    }
    home = fn.body;
    first = 0;
  } else {
    return null;
  }
  const name = (def.name as TSESTree.Identifier).name;
  return {
    name,
    home,
    first,
    initial: initial(),
    writes: refs.map((ref) => ref.identifier as TSESTree.Identifier),
    states: new Map(),
    prefixes: new Map(),
  };
}
