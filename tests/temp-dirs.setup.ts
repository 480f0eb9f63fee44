import { afterAll } from 'vitest';

import { removeTempDirs } from './temp-dirs';

// Temp directories made with tests/temp-dirs.ts (temp projects, fixture copies) leave nothing behind in the temp directory.
afterAll(removeTempDirs);
