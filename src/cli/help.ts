/** `agent-guard --help`. Kept in step with docs/cli.md. */
export const HELP = `Usage: agent-guard [options] [paths...]

Checks JavaScript and TypeScript files (.js .jsx .mjs .cjs .ts .tsx .mts .cts) for the insecure
patterns coding agents leave behind, with eslint-plugin-agent-guard's recommended config. No
ESLint config of your own is needed, and yours is not read unless you pass --config.

Paths default to "." . Inside a git work tree, files come from git (tracked and untracked,
.gitignore honoured). Left out by default, and counted on stderr: dependencies (node_modules,
.yarn, bower_components, .pnp.cjs), vendored code (vendor, third_party), build output (dist,
build, out, coverage, .next, .nuxt, .svelte-kit, .output), minified files (*.min.js, or long
lines throughout) and files over 1 MB. Patterns in .agent-guardignore (gitignore syntax, at the
repository root) are left out too. Test code is read, but only leaked provider tokens are
reported there (settings['agent-guard'].tests.report: true checks it like the rest). A file that
cannot be parsed or read is skipped and listed; it does not fail the run.

Options:
  --diff <git-ref>        Report only findings on lines added or changed since the merge base
                          of <git-ref> and HEAD (committed, staged, unstaged and untracked);
                          also scans the changed files other than JS/TS for secrets
  --secrets               Scan the files other than JS/TS (.env, YAML, JSON, Dockerfile,
                          .npmrc…) for secrets with secretlint (default: only with --diff);
                          needs secretlint installed
  --no-secrets            No secret scan, not even with --diff
  -f, --format <name>     stylish (default), json, sarif or github (workflow annotations);
                          repeat with -o for several reports from one run
  -o, --output <file>     Write the report to <file> instead of stdout (the n-th -o is the
                          n-th --format's file)
  --sarif-output <file>   Also write a SARIF report to <file>
  --max-warnings <n>      Tolerate up to <n> warnings before exiting with 1 (default 0)
  --strict                Use the strict config (every rule, strictest options)
  --rule <id>             Only this rule (repeatable); "agent-guard/" prefix optional, * globs
  -c, --config <file>     Use this flat config file instead of the built-in config
  --baseline <file>       Report only findings not recorded in <file>; if <file> does not
                          exist, record the current findings into it and exit 0
  --update-baseline       Rewrite the --baseline file from the current findings
  --ignore-pattern <pat>  Leave out files matching <pat> (gitignore syntax, relative to the
                          current directory; repeatable), e.g. --ignore-pattern 'docs/'
  --use-eslint-ignores    Also leave out what the project's eslint.config.* ignores and
                          .eslintignore leave out (loads that config)
  --max-file-size <size>  Leave out files larger than <size>: 500kb, 2mb, bytes; 0 for no
                          limit (default 1mb)
  --concurrency <n|auto>  Lint in <n> worker threads, or as many as ESLint finds useful
                          (auto); needs ESLint 9.34 or later (default: one thread)
  --verbose               List every file left out, not only the count
  --debug                 Print stack traces and ESLint's own warnings
  -h, --help              Show this help
  -v, --version           Show the version

Exit codes:
  0  no findings
  1  findings (errors, or more warnings than --max-warnings)
  2  usage or set-up error (bad option, missing path, config that does not load,
     unsupported TypeScript, unknown git ref)

Examples:
  npx agent-guard                                   check the whole checkout
  npx agent-guard src/api                           check one directory
  npx agent-guard --diff origin/main                review only what this branch changed
  npx agent-guard --diff origin/main --format github      annotate a GitHub pull request
  npx agent-guard --secrets                         also scan every other file for secrets
  npx agent-guard --format sarif -o agent-guard.sarif     for GitHub code scanning
  npx agent-guard --format github --sarif-output agent-guard.sarif   both, one run
  npx agent-guard --baseline .agent-guard-baseline.json   adopt on an existing codebase
  npx agent-guard --rule fetch-requires-timeout --strict
  npx agent-guard --config eslint.config.js         use the project's own config
  npx agent-guard --ignore-pattern docs/ --ignore-pattern '**/*.test.ts'

Docs: https://github.com/agent-guard/eslint-plugin-agent-guard/blob/main/docs/cli.md
`;
