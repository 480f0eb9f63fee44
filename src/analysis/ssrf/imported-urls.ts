import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { perFile, perFileKey } from '../../core/context';
import type { FileContext } from '../../core/context';
import { pushChildNodes } from '../../core/ast';
import { isFunctionLike, returnedValues } from '../../core/functions';
import type { FunctionLike } from '../../core/functions';
import { calleeName } from '../../core/name-specs';
import { unwrapExpression } from '../../core/static';
import { importedFunction, isTextParameter, MAX_WRAPPER_HOPS, requestInputLists } from '../request-input/index';
import { isEncodedSegment, UrlAuthority } from './authority';
import type { BaseMode, ImportedUrlReturns, ReturnedUrlParameter } from './authority';
import { judgeHostChecks } from './host-checks';
import type { HostCheckOptions } from './host-checks';
import { UnguardedAnalyzer } from './input';

/**
 * Functions of other project files that return a URL built from a parameter: `statusUrl(host)`
 * returning `` `https://${host}/status` ``, `normalizeUrl(input)` returning `new URL(input).href`.
 * `fetch(statusUrl(req.query.host))` in the linted file lets the client choose the host. The
 * returned value is judged in its own file by `UrlAuthority`, with the parameter read as request
 * input, so that where the input lands (the host, the whole URL, or a path under a fixed origin,
 * encoded or not) and the checks made there before the `return` (an allow-list that throws) decide,
 * as they would inside one file. Summaries are memoised per parse of the other file, function,
 * parameter, base and judge options.
 */

/** The framework name of a parameter followed into a returned URL: its origin says it is the parameter. */
const RETURN_SEED = '\0ssrf-returned-parameter';

const isSeed = (origin: { readonly framework: string }): boolean => origin.framework === RETURN_SEED;

/** Per parse of the other file: per judge options, per function, per `parameter:base`, the summary (`null`: nothing). */
const SUMMARIES = perFileKey<WeakMap<HostCheckOptions, Map<FunctionLike, Map<string, ReturnedUrlParameter | null>>>>('SSRF returned URL parameters');
const inProgress = new Set<FunctionLike>();
let hops = 0;

/**
 * What parameter `index` of `fn`, a function of `file`, makes of the URL it returns when the
 * caller combines that URL with `base`: the authority it decides (no check there confining it),
 * a path segment it fills unencoded, or `null`.
 */
function returnedUrlParameter(file: FileContext, fn: FunctionLike, index: number, base: BaseMode, options: HostCheckOptions): ReturnedUrlParameter | null {
  const byOptions = perFile(file, SUMMARIES, () => new WeakMap());
  let byFunction = byOptions.get(options);
  if (!byFunction) {
    byFunction = new Map();
    byOptions.set(options, byFunction);
  }
  let byQuestion = byFunction.get(fn);
  if (!byQuestion) {
    byQuestion = new Map();
    byFunction.set(fn, byQuestion);
  }
  const key = `${index}:${base}`;
  if (byQuestion.has(key)) {
    return byQuestion.get(key)!;
  }
  const param = fn.params[index];
  // An object parameter (`target: { host: string; path: string }`) is read as a whole: one property
  // from the request would make every property request input, the host among them.
  if (!param || param.type === AST_NODE_TYPES.RestElement || !isTextParameter(param)) {
    return null;
  }
  if (inProgress.has(fn) || hops >= MAX_WRAPPER_HOPS) {
    return null; // not memoised: asked from fewer hops away, it gets the real answer
  }
  inProgress.add(fn);
  hops++;
  let answer: ReturnedUrlParameter | null = null;
  try {
    const seeds: ({ role: { kind: 'input'; description: string }; framework: string } | undefined)[] = [];
    seeds[index] = { role: { kind: 'input', description: `parameter ${index}` }, framework: RETURN_SEED };
    const { sources, sanitizers } = requestInputLists(file);
    const analyzer = new UnguardedAnalyzer(file, sources, sanitizers, new Map([[fn, seeds]]));
    if (checksOutOfSight(file, fn, analyzer)) {
      return null;
    }
    const authority = new UrlAuthority(file, analyzer, options.validators, importedUrlReturns(options));
    for (const value of returnedValues(file, fn)) {
      const verdict = authority.judge(value, base);
      if (verdict.kind === 'controlled' && isSeed(verdict.origin)) {
        // Checks in the function before it returns (`if (!ALLOWED.has(u.hostname)) throw …`) confine it there.
        const checks = judgeHostChecks(file, analyzer, value, verdict, options);
        if (!checks.safe) {
          answer = { kind: 'controlled', position: verdict.position, notes: checks.notes };
          break;
        }
      } else if (verdict.kind === 'path' && verdict.segments.some((segment) => isSeed(segment.origin) && !isEncodedSegment(file, segment))) {
        answer ??= { kind: 'path' };
      }
    }
  } finally {
    hops--;
    inProgress.delete(fn);
  }
  byQuestion.set(key, answer);
  return answer;
}

/** Logging calls, which are handed the URL without checking it. */
const LOGGING = /^(?:console|logger|log)\.|\.(?:log|info|debug|warn|error|trace)$/u;

/**
 * Whether `fn` hands the parameter, or what it made of it, to a call made as a statement
 * (`await resolvePublicHost(url.hostname);`, `assertAllowed(url)`): its result unused, the call is
 * there to throw, a check whose body is not read from here. The URL the function returns is then
 * not judged: no finding rather than a guess.
 */
function checksOutOfSight(file: FileContext, fn: FunctionLike, analyzer: UnguardedAnalyzer): boolean {
  const stack: TSESTree.Node[] = [fn.body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== fn.body && isFunctionLike(node)) {
      continue;
    }
    if (node.type === AST_NODE_TYPES.ExpressionStatement) {
      const expression = unwrapExpression(node.expression.type === AST_NODE_TYPES.AwaitExpression ? node.expression.argument : node.expression);
      if (expression.type === AST_NODE_TYPES.CallExpression && !LOGGING.test(calleeName(expression.callee) ?? '')) {
        for (const arg of expression.arguments) {
          const value = arg.type === AST_NODE_TYPES.SpreadElement ? null : analyzer.classify(arg);
          if (value?.kind === 'input' && isSeed(value.origin)) {
            return true;
          }
        }
      }
    }
    pushChildNodes(file.sourceCode, node, stack);
  }
  return false;
}

/** One follower per judge options, so that the summaries it makes are shared. */
const followers = new WeakMap<HostCheckOptions, ImportedUrlReturns>();

/**
 * How `UrlAuthority` reads a call of a function imported from another project file: for the
 * callee, a function from a parameter's index to what that parameter makes of the returned URL,
 * or `null` when the callee is no such function. Never throws.
 * @example importedUrlReturns(options)(context, statusUrlCallee, 'none')?.(0) // { kind: 'controlled', position: 'authority', notes: [] }
 */
export function importedUrlReturns(options: HostCheckOptions): ImportedUrlReturns {
  let follow = followers.get(options);
  if (!follow) {
    follow = (context: FileContext, callee: TSESTree.Node, base: BaseMode) => {
      let imported: ReturnType<typeof importedFunction>;
      try {
        imported = importedFunction(context, callee);
      } catch {
        return null;
      }
      if (!imported) {
        return null;
      }
      const { file, fn } = imported;
      return (index: number) => {
        try {
          return returnedUrlParameter(file, fn, index, base, options);
        } catch {
          return null;
        }
      };
    };
    followers.set(options, follow);
  }
  return follow;
}
