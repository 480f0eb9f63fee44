// A minimal Language Server Protocol client over stdio (JSON-RPC 2.0 with Content-Length
// framing), enough to drive the ESLint language server the way VS Code's ESLint extension does.
// No dependencies: the point is to see the bytes the editor sees.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  range: Range;
  severity?: 1 | 2 | 3 | 4;
  code?: string | number;
  codeDescription?: { href: string };
  source?: string;
  message: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface WorkspaceEdit {
  changes?: Record<string, TextEdit[]>;
  documentChanges?: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[];
}

export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}

export interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  isPreferred?: boolean;
  edit?: WorkspaceEdit;
  command?: Command;
}

/** LSP `DiagnosticSeverity`. */
export const Severity = { Error: 1, Warning: 2, Information: 3, Hint: 4 } as const;

interface Message {
  jsonrpc: '2.0';
  id?: number | string | null;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

type RequestHandler = (params: unknown) => unknown;

interface Pending {
  method: string;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface LspClientOptions {
  /** Arguments after `node` (the server script, `--stdio`, Node flags). */
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Per-request timeout; a request that takes longer fails with the server's stderr and log. */
  timeoutMs?: number;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * One server process. Server-to-client requests go to handlers registered with `onRequest`
 * (unhandled ones are answered with `null`, as a lenient editor would); notifications are
 * recorded, and `window/logMessage` plus stderr are kept for failure messages.
 */
export class LspClient {
  readonly log: string[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private readonly handlers = new Map<string, RequestHandler>();
  private readonly listeners = new Set<(method: string, params: unknown) => void>();
  private readonly timeoutMs: number;
  private buffer = Buffer.alloc(0);
  private stderr = '';
  private nextId = 1;
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  constructor(options: LspClientOptions) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.child = spawn(process.execPath, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    // A write after the server died must surface as the pending request's failure, not crash the run.
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code) => {
        this.exitCode = code;
        for (const [id, pending] of this.pending) {
          clearTimeout(pending.timer);
          pending.reject(this.failure(`server exited (code ${code}) before answering ${pending.method}`));
          this.pending.delete(id);
        }
        resolve(code);
      });
      this.child.on('error', (error) => {
        this.stderr += `\n[spawn error] ${error.message}`;
      });
    });
    this.onNotification((method, params) => {
      if (method === 'window/logMessage' || method === 'window/showMessage') {
        this.log.push(String((params as { message?: unknown }).message));
      }
    });
  }

  /** Answers the server's requests for `method`; the handler's return value (or promise) is the result. */
  onRequest(method: string, handler: RequestHandler): void {
    this.handlers.set(method, handler);
  }

  onNotification(listener: (method: string, params: unknown) => void): void {
    this.listeners.add(listener);
  }

  request<T>(method: string, params: unknown, timeoutMs = this.timeoutMs): Promise<T> {
    if (this.exitCode !== undefined) {
      return Promise.reject(this.failure(`server already exited (code ${this.exitCode}); cannot send ${method}`));
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(this.failure(`${method} got no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: resolve as (value: unknown) => void, reject, timer });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first notification `method` whose params satisfy `accept`. */
  waitForNotification<T>(method: string, accept: (params: T) => boolean, timeoutMs = this.timeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const listener = (received: string, params: unknown): void => {
        if (received === method && accept(params as T)) {
          clearTimeout(timer);
          this.listeners.delete(listener);
          resolve(params as T);
        }
      };
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(this.failure(`no ${method} notification within ${timeoutMs} ms`));
      }, timeoutMs);
      this.listeners.add(listener);
    });
  }

  /** `shutdown` then `exit`, as an editor closes; kills the process if it does not go in time. */
  async stop(timeoutMs = 5_000): Promise<void> {
    if (this.exitCode !== undefined) {
      return;
    }
    try {
      await this.request('shutdown', null, timeoutMs);
      this.notify('exit', null);
    } catch {
      // Fall through to the kill below: the test reports its own failure, not this one.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** The exit code after `exit` (0 when the server saw `shutdown` first). */
  async exitStatus(): Promise<number | null> {
    return this.exited;
  }

  /** An error that carries what the server said: its log messages and stderr. */
  failure(what: string): Error {
    const tail = (text: string): string => (text.length > 4000 ? `…${text.slice(-4000)}` : text);
    return new Error(
      [
        `ESLint language server: ${what}.`,
        `--- server log (window/logMessage) ---`,
        tail(this.log.join('\n')) || '(empty)',
        `--- server stderr ---`,
        tail(this.stderr) || '(empty)',
      ].join('\n'),
    );
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd === -1) {
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /^content-length: *(\d+)$/imu.exec(header);
      if (!match?.[1]) {
        // Not LSP framing (e.g. a stray console.log on stdout): nothing after it can be trusted.
        this.stderr += `\n[client] malformed header ${JSON.stringify(header)}; killing the server`;
        this.buffer = Buffer.alloc(0);
        this.child.kill('SIGKILL');
        return;
      }
      const length = Number(match[1]);
      const start = headerEnd + HEADER_END.length;
      if (this.buffer.length < start + length) {
        return;
      }
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined && message.id !== null) {
      void this.answer(message.id, message.method, message.params);
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
      for (const listener of [...this.listeners]) {
        listener(message.method, message.params);
      }
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) {
        return;
      }
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) {
        pending.reject(this.failure(`${pending.method} failed: ${message.error.message} (${message.error.code})`));
      } else {
        pending.resolve(message.result ?? null);
      }
    }
  }

  private async answer(id: number | string, method: string, params: unknown): Promise<void> {
    const handler = this.handlers.get(method);
    try {
      const result = handler ? await handler(params) : null;
      this.send({ jsonrpc: '2.0', id, result: result ?? null });
    } catch (error) {
      this.send({ jsonrpc: '2.0', id, error: { code: -32603, message: String(error) } });
    }
  }
}

/** Offset in `text` (UTF-16 code units, as LSP's default `utf-16` position encoding) of `position`. */
export function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next === -1) {
      throw new Error(`line ${position.line} is past the end of the text`);
    }
    offset = next + 1;
  }
  const lineEnd = text.indexOf('\n', offset);
  const lineLength = (lineEnd === -1 ? text.length : lineEnd) - offset;
  return offset + Math.min(position.character, lineLength);
}

/** Applies the edits a `WorkspaceEdit` holds for `uri` to `text`, as an editor would (all at once, on the original text). */
export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit): string {
  const edits = [
    ...(edit.changes?.[uri] ?? []),
    ...(edit.documentChanges ?? []).filter((change) => change.textDocument.uri === uri).flatMap((change) => change.edits),
  ];
  if (edits.length === 0) {
    throw new Error(`the workspace edit has no edits for ${uri}: ${JSON.stringify(edit)}`);
  }
  const spans = edits
    .map((textEdit) => ({ start: offsetAt(text, textEdit.range.start), end: offsetAt(text, textEdit.range.end), newText: textEdit.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let index = 1; index < spans.length; index++) {
    const previous = spans[index - 1];
    const current = spans[index];
    if (previous && current && current.start < previous.end) {
      throw new Error(`overlapping edits in ${JSON.stringify(edit)}`);
    }
  }
  let result = text;
  for (const span of spans.reverse()) {
    result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The ESLint language server (vscode-langservers-extracted's `vscode-eslint-language-server`,
// i.e. the server of VS Code's ESLint extension), driven the way the extension drives it.

/** `eslint.*` settings as the extension's `workspace/configuration` middleware hands them to the server. */
export interface EslintServerSettings {
  validate: 'on' | 'off' | 'probe';
  packageManager: 'npm' | 'yarn' | 'pnpm';
  useESLintClass: boolean;
  /** `eslint.useFlatConfig`: passed to ESLint's `loadESLint({ useFlatConfig })` (8.57 and 9; 10 ignores it). */
  useFlatConfig?: boolean;
  /** `eslint.experimental.useFlatConfig`: `true` loads `FlatESLint` from `eslint/use-at-your-own-risk` (ESLint < 8.57 only). */
  experimental: { useFlatConfig: boolean };
  codeAction: {
    disableRuleComment: { enable: boolean; location: 'separateLine' | 'sameLine'; commentStyle: 'line' | 'block' };
    showDocumentation: { enable: boolean };
  };
  codeActionOnSave: { mode: 'all' | 'problems'; rules?: string[] };
  format: boolean;
  quiet: boolean;
  onIgnoredFiles: 'off' | 'warn';
  options: Record<string, unknown>;
  /** `eslint.rules.customizations`: `{ rule: 'agent-guard/*', severity: 'downgrade' }` etc. */
  rulesCustomizations: { rule: string; severity: string; fixable?: boolean }[];
  run: 'onType' | 'onSave';
  problems: { shortenToSingleLine: boolean };
  nodePath: string | null;
  /** The extension sends it only when `eslint.workingDirectories` matches the file. */
  workingDirectory?: { mode: 'location' | 'auto' } | { directory: string; '!cwd'?: boolean };
  workspaceFolder?: { name: string; uri: string };
}

/** The extension's defaults for a file it validates (`eslint.validate` includes its language). */
export function defaultEslintSettings(workspaceFolder: { name: string; uri: string }): EslintServerSettings {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    experimental: { useFlatConfig: false },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workspaceFolder,
  };
}

/** What VS Code 1.9x's language client announces, trimmed to what the ESLint server looks at. */
function clientCapabilities(): object {
  return {
    workspace: {
      applyEdit: true,
      workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'textOnlyTransactional' },
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      executeCommand: { dynamicRegistration: true },
      configuration: true,
      workspaceFolders: true,
      diagnostics: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true },
      diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
      codeAction: {
        dynamicRegistration: true,
        isPreferredSupport: true,
        disabledSupport: true,
        dataSupport: true,
        resolveSupport: { properties: ['edit'] },
        codeActionLiteralSupport: {
          codeActionKind: {
            valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports', 'source.fixAll'],
          },
        },
        honorsChangeAnnotations: false,
      },
      formatting: { dynamicRegistration: true },
    },
    window: { workDoneProgress: true, showMessage: { messageActionItem: { additionalPropertiesSupport: true } }, showDocument: { support: true } },
    general: { positionEncodings: ['utf-16'] },
  };
}

export interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

/**
 * A started and initialised ESLint language server for one workspace folder. Answers
 * `workspace/configuration` with `settings`, accepts `workspace/applyEdit` (recording the edit)
 * and records `eslint/openDoc` URLs (the "Show documentation" action).
 */
export class EslintLanguageServer {
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly openedDocs: string[] = [];
  readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
  serverCapabilities: Record<string, unknown> = {};
  private readonly documents = new Map<string, OpenDocument>();

  private constructor(
    readonly client: LspClient,
    private readonly settings: EslintServerSettings,
  ) {}

  static async start(options: {
    serverScript: string;
    folder: { name: string; uri: string };
    cwd: string;
    settings: EslintServerSettings;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
  }): Promise<EslintLanguageServer> {
    const client = new LspClient({
      args: [options.serverScript, '--stdio'],
      cwd: options.cwd,
      ...(options.env ? { env: options.env } : {}),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    const server = new EslintLanguageServer(client, options.settings);
    client.onRequest('workspace/configuration', (params) => {
      const { items } = params as { items: { scopeUri?: string; section?: string }[] };
      server.configurationRequests.push(...items);
      // The extension answers section-less, scoped requests only (see its readConfiguration()).
      return items.map((item) => (item.section || !item.scopeUri ? null : server.settings));
    });
    client.onRequest('client/registerCapability', () => null);
    client.onRequest('client/unregisterCapability', () => null);
    client.onRequest('window/workDoneProgress/create', () => null);
    client.onRequest('workspace/diagnostic/refresh', () => null);
    client.onRequest('workspace/applyEdit', (params) => {
      server.appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });
    client.onRequest('eslint/openDoc', (params) => {
      server.openedDocs.push((params as { url: string }).url);
      return {};
    });
    client.onRequest('eslint/noConfig', () => ({}));
    client.onRequest('eslint/noLibrary', () => ({}));
    try {
      const result = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
        processId: process.pid,
        clientInfo: { name: 'agent-guard LSP test', version: '1.0.0' },
        locale: 'en',
        rootPath: options.cwd,
        rootUri: options.folder.uri,
        workspaceFolders: [options.folder],
        initializationOptions: {},
        capabilities: clientCapabilities(),
        trace: 'off',
      });
      server.serverCapabilities = result.capabilities;
      client.notify('initialized', {});
    } catch (error) {
      await client.stop();
      throw error;
    }
    return server;
  }

  open(uri: string, languageId: string, text: string): OpenDocument {
    const document: OpenDocument = { uri, languageId, version: 1, text };
    this.documents.set(uri, document);
    this.client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return document;
  }

  isOpen(uri: string): boolean {
    return this.documents.has(uri);
  }

  /** Replaces the whole text (a full-content change event, which incremental sync also accepts). */
  change(uri: string, text: string): OpenDocument {
    const document = this.document(uri);
    document.version += 1;
    document.text = text;
    this.client.notify('textDocument/didChange', { textDocument: { uri, version: document.version }, contentChanges: [{ text }] });
    return document;
  }

  /**
   * The document's diagnostics: pulled with `textDocument/diagnostic` (LSP 3.17) when the server
   * advertises `diagnosticProvider`, as the 4.10 server does; otherwise the next
   * `textDocument/publishDiagnostics` pushed for this version of the document.
   */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const document = this.document(uri);
    if (this.serverCapabilities.diagnosticProvider) {
      const report = await this.client.request<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri },
      });
      if (report.kind !== 'full' || !report.items) {
        throw this.client.failure(`expected a full diagnostic report for ${uri}, got ${JSON.stringify(report)}`);
      }
      return report.items;
    }
    const pushed = await this.client.waitForNotification<{ uri: string; version?: number; diagnostics: Diagnostic[] }>(
      'textDocument/publishDiagnostics',
      (params) => params.uri === uri && (params.version === undefined || params.version === document.version),
    );
    return pushed.diagnostics;
  }

  codeActions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[] | null> {
    return this.client.request<CodeAction[] | null>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], triggerKind: 1 },
    });
  }

  /**
   * The edit a code action makes: its own `edit`, or, for the ESLint server's command-based
   * actions, the `workspace/applyEdit` the server sends back while executing the command.
   */
  async editOf(action: CodeAction): Promise<WorkspaceEdit> {
    if (action.edit) {
      return action.edit;
    }
    if (!action.command) {
      throw this.client.failure(`code action "${action.title}" has neither edit nor command`);
    }
    const before = this.appliedEdits.length;
    await this.executeCommand(action.command);
    const edit = this.appliedEdits[before];
    if (this.appliedEdits.length !== before + 1 || !edit) {
      throw this.client.failure(`"${action.title}" sent ${this.appliedEdits.length - before} workspace/applyEdit requests, expected 1`);
    }
    return edit;
  }

  executeCommand(command: Command): Promise<unknown> {
    return this.client.request('workspace/executeCommand', { command: command.command, arguments: command.arguments ?? [] });
  }

  stop(): Promise<void> {
    return this.client.stop();
  }

  private document(uri: string): OpenDocument {
    const document = this.documents.get(uri);
    if (!document) {
      throw new Error(`${uri} is not open`);
    }
    return document;
  }
}
