import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

import { toPosixRelative } from '../files';
import { normalizeQuotes } from '../messages';
import { isParseError, type LintMessage, type LintResult } from '../results';
import { rankingOf, ruleDocsMarkdown } from '../rule-info';
import type { SkippedFile } from '../skipped';
import { fingerprintText, hashOf, SourceLines } from '../snippet';

/** What SARIF's `tool.driver.rules[]` says about one rule. */
export interface SarifRule {
  id: string;
  /** `meta.docs.description`. */
  description?: string;
  /** `meta.docs.url`. */
  helpUri?: string;
}

export interface SarifContext {
  /** The work-tree root: artifact URIs are relative to it (`%SRCROOT%`). */
  root: string;
  toolName: string;
  toolVersion: string;
  informationUri: string;
  /** Rules the run checked, in the order to list them; rules seen only in results are appended. */
  rules: readonly SarifRule[];
  /** Files skipped because they could not be parsed or read: `warning` notifications (the run itself succeeded). */
  unparseable?: readonly SkippedFile[];
  /** The checked files' lines, for the fingerprints (read from disk when not given). */
  sources?: SourceLines;
}

/**
 * The key of each result's `partialFingerprints`: a hash of the rule, the file, the normalised
 * code line of the finding (see snippet.ts) and its rank among identical ones, so that an alert
 * keeps its identity when code above it is added or removed.
 */
export const FINGERPRINT_KEY = 'agentGuardFinding/v1';

const SRCROOT = '%SRCROOT%';

/** Rules of this plugin and secretlint's findings get GitHub code scanning's `security` tag (they are security checks). */
const SECURITY_RULE = /^(?:agent-guard|secretlint)\//u;

/**
 * A rule as code scanning reads it: its description, its page (`helpUri`, and the page itself
 * as `help.markdown`), and for the plugin's rules the `security` tag, the CWE tag,
 * `security-severity` and `precision` that rank its alerts.
 */
function describeRule(rule: SarifRule) {
  const ranking = rankingOf(rule.id);
  const markdown = ruleDocsMarkdown(rule.id, rule.helpUri);
  const helpText = [rule.description, rule.helpUri ? `See ${rule.helpUri}` : undefined].filter(Boolean).join('. ');
  const tags = [...(SECURITY_RULE.test(rule.id) ? ['security'] : []), ...(ranking ? [`external/cwe/cwe-${ranking.cwe}`] : [])];
  return {
    id: rule.id,
    ...(rule.description ? { shortDescription: { text: rule.description } } : {}),
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    ...(helpText ? { help: { text: helpText, ...(markdown ? { markdown } : {}) } } : {}),
    ...(tags.length > 0 || ranking
      ? {
          properties: {
            ...(tags.length > 0 ? { tags } : {}),
            ...(ranking ? { precision: ranking.precision, 'security-severity': ranking.securitySeverity } : {}),
          },
        }
      : {}),
  };
}

function artifactLocation(root: string, filePath: string) {
  const relativePath = toPosixRelative(root, filePath);
  if (relativePath.startsWith('../') || isAbsolute(relativePath)) {
    return { uri: pathToFileURL(filePath).href };
  }
  // Percent-encode each segment (spaces, Next.js `[id]` folders) to keep a valid URI reference.
  return { uri: relativePath.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function region(message: LintMessage) {
  if (message.line < 1) {
    return undefined;
  }
  const hasEnd = message.endLine !== undefined && message.endColumn !== undefined && message.endLine >= 1 && message.endColumn >= 1;
  return {
    startLine: message.line,
    startColumn: Math.max(1, message.column),
    ...(hasEnd ? { endLine: message.endLine, endColumn: message.endColumn } : {}),
  };
}

function location(root: string, result: LintResult, message: LintMessage) {
  const where = region(message);
  return {
    physicalLocation: { artifactLocation: artifactLocation(root, result.filePath), ...(where ? { region: where } : {}) },
  };
}

/**
 * A SARIF 2.1.0 log (one run) for GitHub code scanning and other SARIF viewers. Findings are
 * `results` pointing into `tool.driver.rules`; files that could not be parsed are reported as
 * `toolExecutionNotifications` of the invocation, which is then not `executionSuccessful`.
 */
export function formatSarif(results: readonly LintResult[], context: SarifContext): string {
  const rules = [...context.rules];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  const sources = context.sources ?? new SourceLines();
  const occurrences = new Map<string, number>();
  let parseErrors = 0;
  for (const skipped of context.unparseable ?? []) {
    const where = skipped.line === undefined ? {} : { region: { startLine: skipped.line, startColumn: Math.max(1, skipped.column ?? 1) } };
    notifications.push({
      level: 'warning',
      message: { text: `Skipped: ${skipped.reason} this file: ${skipped.message ?? ''}`.trimEnd() },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(context.root, skipped.file), ...where } }],
    });
  }

  for (const result of results) {
    for (const message of result.messages) {
      if (isParseError(message) || message.ruleId === null) {
        parseErrors += isParseError(message) ? 1 : 0;
        notifications.push({
          level: message.severity === 2 ? 'error' : 'warning',
          message: { text: message.message },
          locations: [location(context.root, result, message)],
        });
        continue;
      }
      let index = ruleIndex.get(message.ruleId);
      if (index === undefined) {
        index = rules.push({ id: message.ruleId }) - 1;
        ruleIndex.set(message.ruleId, index);
      }
      const identity = hashOf(message.ruleId, toPosixRelative(context.root, result.filePath), fingerprintText(sources.lineOf(result, message), message));
      const occurrence = (occurrences.get(identity) ?? 0) + 1;
      occurrences.set(identity, occurrence);
      sarifResults.push({
        ruleId: message.ruleId,
        ruleIndex: index,
        level: message.severity === 2 ? 'error' : 'warning',
        message: { text: normalizeQuotes(message.message) },
        locations: [location(context.root, result, message)],
        partialFingerprints: { [FINGERPRINT_KEY]: `${identity}:${occurrence}` },
      });
    }
  }

  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: context.toolName,
            informationUri: context.informationUri,
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            rules: rules.map(describeRule),
          },
        },
        invocations: [{ executionSuccessful: parseErrors === 0, toolExecutionNotifications: notifications }],
        // No absolute path of the machine that ran the check (a CI runner's directory): the base
        // is described, and consumers resolve it against their checkout as code scanning does.
        originalUriBaseIds: { [SRCROOT]: { description: { text: 'The root of the checked repository (its git work tree; the working directory outside git).' } } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
