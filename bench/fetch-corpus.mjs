#!/usr/bin/env node
// Fetches the server-application corpus (bench/lib/server-corpus.mjs) into bench/corpus/:
// `npm pack` at pinned versions, integrity checked against the pin and the registry, extracted.
// bench.mjs and bench/memory.mjs call the same function; this is the stand-alone entry.
import { ensureServerCorpus, SERVER_PACKAGES, serverPackageFiles, serverPackageLabel } from './lib/server-corpus.mjs';

ensureServerCorpus();
for (const pkg of SERVER_PACKAGES) {
  const files = serverPackageFiles(pkg).filter(({ skip }) => !skip);
  console.log(`${serverPackageLabel(pkg)}: ${files.length} files`);
}
