import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { methodCalledOnResult } from '../../core/call-chain';
import { matchNameSpec } from '../../core/name-specs';
import type { NameSpecList } from '../../core/name-specs';
import { dereference, findObjectProperty, staticValue, unwrapExpression } from '../../core/static';
import type { FileContext } from '../../core/context';
import { resolveCallTarget } from '../../core/modules';
import { AGENT_OPTIONS, AUTHORITY_OPTIONS, DNS_LOOKUPS, LOOKUP_OPTIONS, REDIRECT_POLICIES } from '../../data/ssrf';
import type { HttpClientFamily } from '../../data/http-clients';
import { UrlAuthority } from './authority';
import type { BaseMode, ControlledAuthority, PathSegment } from './authority';
import { judgeHostChecks } from './host-checks';
import { importedUrlReturns } from './imported-urls';
import { urlInputAnalyzer } from './input';
import type { UrlInputAnalyzer } from './input';
import type { SsrfSink } from './sinks';

export interface SsrfJudgeOptions {
  /** Blocklists of private hosts and addresses count as a check. */
  readonly acceptBlocklists: boolean;
  /** `http.urlValidators`. */
  readonly validators: NameSpecList;
  /** The filtering agents: the defaults and `http.safeAgents`. */
  readonly safeAgents: NameSpecList;
}

/** Where request input decides the authority of one request. */
export interface ControlledRequest {
  readonly found: ControlledAuthority;
  /** What is reported: the URL argument, or the option's value. */
  readonly node: TSESTree.Node;
  /** The option that carries it (`host`, `baseURL`, `url`), or `null` for the URL argument. */
  readonly option: string | null;
  /** The base option an absolute URL replaces (`position: 'over-base'`), or `null`. */
  readonly base: string | null;
  /** Checks before the request that look like SSRF defences and are not. */
  readonly notes: readonly string[];
}

/** What one request is: its controlled authorities, its request-controlled path segments, and whether it is confined by checks. */
export interface SinkVerdict {
  readonly controlled: readonly ControlledRequest[];
  readonly segments: readonly PathSegment[];
  /** Request input reached the authority, and checks before the call confine it (no filtering agent). */
  readonly checkedOnly: boolean;
}

/** The value of `key` in the last config that sets it (a call's config overrides its instance's), or `null`. */
function lastOption(context: FileContext, configs: readonly TSESTree.ObjectExpression[], key: string): TSESTree.Node | null {
  for (let index = configs.length - 1; index >= 0; index--) {
    const found = findObjectProperty(context, configs[index]!, key);
    if (found.kind === 'found') {
      return found.value;
    }
    if (found.kind === 'unknown') {
      return null;
    }
  }
  return null;
}

/**
 * Judges one request: the URL argument and the URL, base and host options of its configs, over the
 * base they combine with; then filtering agents and the checks before the call. `analyzer`: the
 * tracker to read request input with (the file's by default; a controller's, see `controllerUrlAnalyzer`).
 */
export function judgeSink(context: FileContext, sink: SsrfSink, options: SsrfJudgeOptions, analyzer: UrlInputAnalyzer = urlInputAnalyzer(context)): SinkVerdict {
  const authority = new UrlAuthority(context, analyzer, options.validators, importedUrlReturns(options));
  const spec = sink.family ? AUTHORITY_OPTIONS[sink.family] : null;
  let mode: BaseMode = 'none';
  let baseKey: string | null = null;
  const candidates: { node: TSESTree.Node; base: BaseMode; option: string | null }[] = [];
  const controlled: Omit<ControlledRequest, 'notes'>[] = [];
  const segments: PathSegment[] = [];
  if (spec) {
    for (const base of spec.base) {
      const value = lastOption(context, sink.configs, base.key);
      if (value) {
        mode = base.resolves ? 'resolves' : 'concat';
        baseKey = base.key;
        candidates.push({ node: value, base: 'none', option: base.key });
      }
    }
    const optOut = spec.absoluteOptOut ? lastOption(context, sink.configs, spec.absoluteOptOut) : null;
    if (mode === 'resolves' && optOut && staticValue(context, optOut)?.value === false) {
      mode = 'concat';
    }
    for (const key of spec.url) {
      const value = lastOption(context, sink.configs, key);
      if (value) {
        candidates.push({ node: value, base: mode, option: key });
      }
    }
    for (const key of spec.host) {
      const value = lastOption(context, sink.configs, key);
      const input = value ? analyzer.classify(value) : null;
      if (value && input?.kind === 'input') {
        controlled.push({ found: { kind: 'controlled', origin: input.origin, subject: value, position: 'authority', urlChain: [] }, node: value, option: key, base: null });
      }
    }
  }
  for (const key of sink.urlOptions) {
    const value = lastOption(context, sink.configs, key);
    if (value) {
      candidates.push({ node: value, base: mode, option: key });
    }
  }
  if (sink.url) {
    candidates.push({ node: sink.url, base: mode, option: null });
  }
  for (const candidate of candidates) {
    const verdict = authority.judge(candidate.node, candidate.base);
    if (verdict.kind === 'controlled') {
      controlled.push({ found: verdict, node: candidate.node, option: candidate.option, base: verdict.position === 'over-base' && candidate.base === 'resolves' ? baseKey : null });
    } else if (verdict.kind === 'path') {
      segments.push(...verdict.segments);
    }
  }
  if (controlled.length === 0) {
    return { controlled: [], segments, checkedOnly: false };
  }
  if (sink.family && usesSafeAgent(context, sink.family, sink.configs, options.safeAgents)) {
    return { controlled: [], segments, checkedOnly: false };
  }
  const reported: ControlledRequest[] = [];
  for (const request of controlled) {
    const checks = judgeHostChecks(context, analyzer, sink.call, request.found, options);
    if (!checks.safe) {
      reported.push({ ...request, notes: [...checks.notes, ...(request.found.notes ?? [])] });
    }
  }
  return { controlled: reported, segments, checkedOnly: reported.length === 0 };
}

/** Whether the request goes through an agent that refuses private addresses after resolving the host. */
function usesSafeAgent(context: FileContext, family: HttpClientFamily, configs: readonly TSESTree.ObjectExpression[], agents: NameSpecList): boolean {
  const spec = AGENT_OPTIONS[family];
  const filters = (node: TSESTree.Node | null): boolean => {
    if (!node) {
      return false;
    }
    const value = unwrapExpression(dereference(context, node));
    const named = value.type === AST_NODE_TYPES.NewExpression || value.type === AST_NODE_TYPES.CallExpression ? unwrapExpression(value.callee) : value;
    return matchNameSpec(context, named, agents) !== null;
  };
  if (spec.any.some((key) => filters(lastOption(context, configs, key)))) {
    return true;
  }
  // `lookup: checkedLookup`: the project resolves the host and checks the address the socket connects to.
  if (LOOKUP_OPTIONS.some((key) => pinsAddress(context, lastOption(context, configs, key)))) {
    return true;
  }
  if (spec.all.length > 0 && spec.all.every((key) => filters(lastOption(context, configs, key)))) {
    return true;
  }
  if (spec.nested) {
    const holder = lastOption(context, configs, spec.nested.key);
    const object = holder ? dereference(context, holder) : null;
    if (object?.type === AST_NODE_TYPES.ObjectExpression) {
      return spec.nested.all.every((key) => filters(lastOption(context, [object], key)));
    }
  }
  return false;
}

/** A `lookup` option of the project's own (not `dns.lookup` itself, which checks nothing). */
function pinsAddress(context: FileContext, node: TSESTree.Node | null): boolean {
  if (!node) {
    return false;
  }
  const target = resolveCallTarget(context, unwrapExpression(node));
  return !(target && DNS_LOOKUPS.has(`${target.module ?? ''}#${target.path.join('.')}`));
}

/**
 * What keeps a request from following redirects that it lacks (`redirect: 'manual'`, `maxRedirects: 0`,
 * `.redirects(0)`), or `null` when it has one, the client does not follow redirects, or it cannot be told.
 */
export function missingRedirectPolicy(context: FileContext, sink: SsrfSink): string | null {
  const policy = sink.family ? REDIRECT_POLICIES[sink.family] : null;
  if (!policy || sink.call.type !== AST_NODE_TYPES.CallExpression) {
    return null;
  }
  if (policy.kind === 'method') {
    return methodCalledOnResult(context, sink.call, [policy.name]) === 'no' ? policy.text : null;
  }
  for (let index = sink.configs.length - 1; index >= 0; index--) {
    const found = findObjectProperty(context, sink.configs[index]!, policy.key);
    if (found.kind === 'unknown') {
      return null;
    }
    if (found.kind === 'found') {
      const value = staticValue(context, found.value);
      return value && policy.values.includes(value.value) ? null : value ? policy.text : null;
    }
  }
  // A config passed as something other than a literal may set it.
  const unknownConfig = sink.call.arguments.some((arg, index) => index > 0 && dereference(context, arg).type !== AST_NODE_TYPES.ObjectExpression && arg.type !== AST_NODE_TYPES.ArrowFunctionExpression);
  return unknownConfig ? null : policy.text;
}
