// The editor squiggles, proven with the real thing: the ESLint language server that VS Code's
// ESLint extension runs (`vscode-eslint-language-server` from vscode-langservers-extracted 4.10),
// started over stdio in a consumer project that installs the packed plugin, initialised and
// configured the way the extension does it, asked for diagnostics and quick fixes. Findings that
// another file of the project decides (an HTTP helper, an imported controller) show too, and an
// edit saved to that other file is seen at the next validation a second later.

import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type EslintMajor, setUpOwnProject } from './harness';
import {
  applyWorkspaceEdit,
  type CodeAction,
  defaultEslintSettings,
  type Diagnostic,
  EslintLanguageServer,
  type EslintServerSettings,
  Severity,
} from './lsp-client';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER_SCRIPT = join(REPO_ROOT, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
const DOCS = 'https://github.com/agent-guard/eslint-plugin-agent-guard/blob/main/docs/rules';

const FETCH = 'agent-guard/fetch-requires-timeout';
const SQL = 'agent-guard/no-sql-template-literal';
const FS = 'agent-guard/no-unsanitized-fs-path';
const STACK = 'agent-guard/no-stack-in-response';
const AUTH = 'agent-guard/require-auth-gate-in-route';

/** What the editor shows for projects/lsp-src/client.ts (0-based LSP ranges). */
const CLIENT_TS_DIAGNOSTICS: Diagnostic[] = [
  {
    code: FETCH,
    codeDescription: { href: `${DOCS}/fetch-requires-timeout.md` },
    message:
      "'fetch' has no timeout: a stalled server keeps this request (and the worker awaiting it) open indefinitely. Fix: pass signal: AbortSignal.timeout(ms).",
    range: { start: { line: 10, character: 25 }, end: { line: 10, character: 69 } },
    severity: Severity.Error,
    source: 'eslint',
  },
  {
    code: SQL,
    codeDescription: { href: `${DOCS}/no-sql-template-literal.md` },
    message:
      'The SQL text passed to `pool.query` embeds `customer`. Pass values as bound parameters instead of building the query string.',
    range: { start: { line: 20, character: 36 }, end: { line: 20, character: 89 } },
    severity: Severity.Error,
    source: 'eslint',
  },
];

/** What the editor shows for projects/lsp-src/routes.js. */
const ROUTES_JS_DIAGNOSTICS: Diagnostic[] = [
  {
    code: FS,
    codeDescription: { href: `${DOCS}/no-unsanitized-fs-path.md` },
    message:
      '`fs.readFile` receives a file path built from request input (`req.params.name`); path.join() does not stop `../` traversal. Reduce it to a file name with `path.basename()`, or resolve it under a fixed root and check `resolved.startsWith(root + path.sep)`.',
    range: { start: { line: 9, character: 29 }, end: { line: 9, character: 64 } },
    severity: Severity.Error,
    source: 'eslint',
  },
  {
    code: STACK,
    codeDescription: { href: `${DOCS}/no-stack-in-response.md` },
    message:
      '`err.stack` sends the stack trace of a caught error to the client through res.json(). Log it on the server and respond with a generic message.',
    range: { start: { line: 16, character: 58 }, end: { line: 16, character: 67 } },
    severity: Severity.Error,
    source: 'eslint',
  },
];

/**
 * What the editor shows for projects/lsp-src/catalog.ts, decided by another file: `getJson`
 * (lib/http.ts) sets a timeout only when its caller passes `timeoutMs`, and only the first call
 * passes none.
 */
const CATALOG_TS_DIAGNOSTICS: Diagnostic[] = [
  {
    code: FETCH,
    codeDescription: { href: `${DOCS}/fetch-requires-timeout.md` },
    message:
      "'getJson' has no timeout: a stalled server keeps this request (and the worker awaiting it) open indefinitely. Fix: pass timeoutMs (getJson, in src/lib/http.ts, sets a timeout on its fetch call only when its caller passes one).",
    range: { start: { line: 8, character: 22 }, end: { line: 8, character: 98 } },
    severity: Severity.Error,
    source: 'eslint',
  },
];

/**
 * What the editor shows for projects/lsp-src/orders.ts: `listOrders` (controllers/orders.ts)
 * never checks a session; `listMyOrders` answers 401 first, so its registration stays quiet.
 */
const ORDERS_TS_DIAGNOSTICS: Diagnostic[] = [
  {
    code: AUTH,
    codeDescription: { href: `${DOCS}/require-auth-gate-in-route.md` },
    message:
      'GET /api/orders (express; its handler listOrders (src/controllers/orders.ts) never checks a session) has no authentication gate: no auth middleware or guard before it, no session or identity check before its first response, no auth wrapper. Add one, or mark the route `// agent-guard: public-route <reason>`.',
    range: { start: { line: 5, character: 4 }, end: { line: 5, character: 7 } },
    severity: Severity.Warning,
    source: 'eslint',
  },
];

/** The line of lib/http.ts that bounds the request only when asked, and the saved edit that always bounds it. */
const HELPER_SIGNAL_LINE = '    signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,';
const HELPER_SIGNAL_FIXED = '    signal: AbortSignal.timeout(timeoutMs ?? 5000),';

/** The plugin looks at another file's stats at most once per `STAT_FRESH_MS` (1 s, src/project/files.ts); wait past it. */
const PAST_STAT_WINDOW_MS = 1200;

/** `fetch(url)` on line 11 of client.ts after the quick fix. */
const FIXED_FETCH_LINE =
  '  const response = await fetch(`https://api.example.com/users/${id}`, { signal: AbortSignal.timeout(10000) });';

/** `fs.readFile(...)` on line 10 of routes.js after the quick fix. */
const FIXED_READFILE_LINE = '  res.send(await fs.readFile(path.join(UPLOADS, path.basename(req.params.name))));';

/** Every action the server offers on the fetch diagnostic, in its order: the suggestion is a quick fix. */
const FETCH_ACTIONS = [
  { title: `Add signal: AbortSignal.timeout(10000). (${FETCH})`, kind: 'quickfix', command: 'eslint.applySuggestion' },
  { title: `Disable ${FETCH} for this line`, kind: 'quickfix', command: 'eslint.applyDisableLine' },
  { title: `Disable ${FETCH} for the entire file`, kind: 'quickfix', command: 'eslint.applyDisableFile' },
  { title: `Show documentation for ${FETCH}`, kind: 'quickfix', command: 'eslint.openRuleDoc' },
];

interface Session {
  server: EslintLanguageServer;
  dir: string;
  /** Opens a file of the project as the editor would (language id from the extension). */
  open: (file: string) => Promise<{ uri: string; text: string }>;
}

async function startSession(
  fixture: string,
  eslint: EslintMajor,
  configure: (settings: EslintServerSettings) => void = () => {},
): Promise<Session> {
  const dir = await setUpOwnProject(fixture, eslint, { label: 'lsp', sources: 'lsp-src' });
  const folder = { name: basename(dir), uri: pathToFileURL(dir).href };
  const settings = defaultEslintSettings(folder);
  configure(settings);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Resolve ESLint, the plugin and the parser inside the consumer install, whose packages are
    // symlinks (see global-setup.ts); the server's module-resolution child process inherits it.
    NODE_OPTIONS: '--preserve-symlinks',
  };
  // The config system is chosen by the project and the settings, not by the developer's shell.
  delete env.ESLINT_USE_FLAT_CONFIG;
  const server = await EslintLanguageServer.start({ serverScript: SERVER_SCRIPT, folder, cwd: dir, settings, env });
  const uriOf = (file: string): string => pathToFileURL(join(dir, file)).href;
  return {
    server,
    dir,
    open: async (file) => {
      const text = await readFile(join(dir, file), 'utf8');
      const uri = uriOf(file);
      if (server.isOpen(uri)) {
        server.change(uri, text);
      } else {
        server.open(uri, file.endsWith('.ts') ? 'typescript' : 'javascript', text);
      }
      return { uri, text };
    },
  };
}

function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split('\n');
  lines[line] = replacement;
  return lines.join('\n');
}

/** The server's log and stderr, as the failure message of an assertion. */
function serverOutput(session: Session): string {
  return session.server.client.failure('output so far').message;
}

/** The parts of an action the tests compare. */
function actionSummary(action: CodeAction): { title: string; kind: string | undefined; command: string | undefined } {
  return { title: action.title, kind: action.kind, command: action.command?.command };
}

function findByCode(diagnostics: Diagnostic[], code: string, server: EslintLanguageServer): Diagnostic {
  const found = diagnostics.find((diagnostic) => diagnostic.code === code);
  if (!found) {
    throw server.client.failure(`no ${code} diagnostic in ${JSON.stringify(diagnostics, null, 2)}`);
  }
  return found;
}

describe.each([
  // The extension's defaults: `eslint.useFlatConfig` unset, ESLint picks the config system.
  { eslint: 10, fixture: 'lsp-flat', setup: 'eslint.config.js', useFlatConfig: undefined },
  { eslint: 9, fixture: 'lsp-flat', setup: 'eslint.config.js', useFlatConfig: undefined },
  // The explicit eslintrc choice on ESLint 8.57 (leaving it unset works too).
  { eslint: 8, fixture: 'lsp-eslintrc', setup: '.eslintrc.json', useFlatConfig: false },
] as const)('ESLint $eslint with $setup in the ESLint language server', ({ eslint, fixture, useFlatConfig }) => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession(fixture, eslint, (settings) => {
      if (useFlatConfig !== undefined) {
        settings.useFlatConfig = useFlatConfig;
      }
    });
  });

  afterAll(async () => {
    await session?.server.stop();
    // `shutdown` then `exit`: the server leaves with 0 (1 would mean `exit` came without `shutdown`).
    expect(await session?.server.client.exitStatus()).toBe(0);
  });

  it('initialises like the VS Code extension: pull diagnostics, quick fixes, the eslint commands', () => {
    const { serverCapabilities } = session.server;
    expect(serverCapabilities.diagnosticProvider).toEqual({ identifier: 'eslint', interFileDependencies: false, workspaceDiagnostics: false });
    expect(serverCapabilities.codeActionProvider).toEqual({ codeActionKinds: ['quickfix', 'source.fixAll.eslint'] });
    expect(serverCapabilities.executeCommandProvider).toEqual({
      commands: expect.arrayContaining(['eslint.applySuggestion', 'eslint.openRuleDoc']),
    });
  });

  it('reports every finding in a TypeScript file with rule id, range, message, severity and docs link', async () => {
    const { uri } = await session.open('src/client.ts');
    expect(await session.server.diagnostics(uri), serverOutput(session)).toEqual(CLIENT_TS_DIAGNOSTICS);
  });

  it("loads the consumer install's own ESLint, as the extension does", () => {
    // The library is resolved from the opened file, i.e. <install>/node_modules/eslint.
    const library = join(dirname(session.dir), 'node_modules/eslint/lib/api.js');
    expect(session.server.client.log, serverOutput(session)).toContain(`ESLint library loaded from: ${library}`);
  });

  it('reports every finding in a JavaScript file (gated Express routes)', async () => {
    const { uri } = await session.open('src/routes.js');
    expect(await session.server.diagnostics(uri), serverOutput(session)).toEqual(ROUTES_JS_DIAGNOSTICS);
  });

  it('reports nothing in a clean file', async () => {
    const { uri } = await session.open('src/auth.js');
    expect(await session.server.diagnostics(uri), serverOutput(session)).toEqual([]);
  });

  it('offers the fetch-requires-timeout suggestion as a quick fix whose edit adds the timeout', async () => {
    const { uri, text } = await session.open('src/client.ts');
    const diagnostic = findByCode(await session.server.diagnostics(uri), FETCH, session.server);
    const actions = (await session.server.codeActions(uri, diagnostic)) ?? [];
    expect(actions.map(actionSummary), serverOutput(session)).toEqual(FETCH_ACTIONS);
    const [suggestion] = actions;
    expect(suggestion?.diagnostics).toEqual([diagnostic]);

    const fixed = applyWorkspaceEdit(text, uri, await session.server.editOf(suggestion!));
    expect(fixed).toBe(replaceLine(text, 10, FIXED_FETCH_LINE));

    // The editor applies the edit and pulls again: the squiggle goes, the SQL finding stays.
    session.server.change(uri, fixed);
    expect((await session.server.diagnostics(uri)).map((found) => found.code)).toEqual([SQL]);
  });

  it('offers the no-unsanitized-fs-path suggestion in a JavaScript file as a quick fix', async () => {
    const { uri, text } = await session.open('src/routes.js');
    const diagnostic = findByCode(await session.server.diagnostics(uri), FS, session.server);
    const actions = (await session.server.codeActions(uri, diagnostic)) ?? [];
    const suggestion = actions.find((action) => action.command?.command === 'eslint.applySuggestion');
    expect(suggestion && actionSummary(suggestion), serverOutput(session)).toEqual({
      title: `Wrap \`req.params.name\` in \`path.basename()\` so that only a file name is used. (${FS})`,
      kind: 'quickfix',
      command: 'eslint.applySuggestion',
    });
    const fixed = applyWorkspaceEdit(text, uri, await session.server.editOf(suggestion!));
    expect(fixed).toBe(replaceLine(text, 9, FIXED_READFILE_LINE));
  });

  it('"Show documentation" opens the rule page', async () => {
    const { uri } = await session.open('src/client.ts');
    const diagnostic = findByCode(await session.server.diagnostics(uri), FETCH, session.server);
    const actions = (await session.server.codeActions(uri, diagnostic)) ?? [];
    const showDocs = actions.find((action) => action.command?.command === 'eslint.openRuleDoc');
    expect(showDocs, serverOutput(session)).toBeDefined();
    const before = session.server.openedDocs.length;
    await session.server.executeCommand(showDocs!.command!);
    expect(session.server.openedDocs.slice(before)).toEqual([`${DOCS}/fetch-requires-timeout.md`]);
  });

  it('reports at the call a helper of another file whose request has no timeout unless the caller passes one', async () => {
    const { uri } = await session.open('src/catalog.ts');
    expect(await session.server.diagnostics(uri), serverOutput(session)).toEqual(CATALOG_TS_DIAGNOSTICS);
  });

  it('reports at the registration a route whose imported controller never checks a session', async () => {
    const { uri } = await session.open('src/orders.ts');
    expect(await session.server.diagnostics(uri), serverOutput(session)).toEqual(ORDERS_TS_DIAGNOSTICS);
  });

  it('sees the helper saved with a timeout: the next validation of the caller, a second later, drops the diagnostic', async () => {
    const helper = join(session.dir, 'src/lib/http.ts');
    const original = await readFile(helper, 'utf8');
    expect(original.split('\n')).toContain(HELPER_SIGNAL_LINE);
    try {
      const { uri } = await session.open('src/catalog.ts');
      expect(await session.server.diagnostics(uri), serverOutput(session)).toEqual(CATALOG_TS_DIAGNOSTICS);

      // The user fixes and saves the helper in another tab; catalog.ts itself is unchanged.
      await writeFile(helper, original.replace(HELPER_SIGNAL_LINE, HELPER_SIGNAL_FIXED));
      await new Promise((resolveWait) => setTimeout(resolveWait, PAST_STAT_WINDOW_MS));
      // The server advertises `interFileDependencies: false`, so VS Code re-pulls a document when it
      // changes or comes back into view, not when another file is saved: model that by sending
      // catalog.ts again (didChange, same text, next version) before pulling. The 4.10 server keeps
      // no results between pulls; every pull lints.
      await session.open('src/catalog.ts');
      expect(await session.server.diagnostics(uri), serverOutput(session)).toEqual([]);
    } finally {
      await writeFile(helper, original);
    }
  });

  it('pulls, never pushes: the 4.10 server sends no publishDiagnostics', () => {
    const pushed = session.server.client.notifications.filter((note) => note.method === 'textDocument/publishDiagnostics');
    expect(pushed).toEqual([]);
  });
});

describe('eslint.rules.customizations in the ESLint language server (ESLint 10)', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession('lsp-flat', 10, (settings) => {
      settings.rulesCustomizations = [{ rule: 'agent-guard/no-sql-*', severity: 'downgrade' }];
    });
  });

  afterAll(async () => {
    await session?.server.stop();
    // `shutdown` then `exit`: the server leaves with 0 (1 would mean `exit` came without `shutdown`).
    expect(await session?.server.client.exitStatus()).toBe(0);
  });

  it('downgrades one rule to a warning in the editor only, leaving the others errors', async () => {
    const { uri } = await session.open('src/client.ts');
    const diagnostics = await session.server.diagnostics(uri);
    expect(diagnostics.map((found) => [found.code, found.severity]), serverOutput(session)).toEqual([
      [FETCH, Severity.Error],
      [SQL, Severity.Warning],
    ]);
  });
});
