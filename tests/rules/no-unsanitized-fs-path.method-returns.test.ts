import rule from '../../src/rules/no-unsanitized-fs-path';
import { createRuleTester } from '../rule-tester';

/**
 * What a method of the file returns, as a function's return already was: `files.resolvePath(name)`
 * on a `const files = new Files()`, a static method, a method of a `const` object, a method called
 * through `this`, and the method of a service injected into a NestJS controller declared in the
 * same file. A method that reduces the name to a file name returns no request path.
 */
const ruleTester = createRuleTester();

ruleTester.run("no-unsanitized-fs-path (what methods of the file return)", rule, {
  valid: [
    // A method that reduces the name to a file name, and one called with a constant.
    { code: `import express from 'express';
import path from 'node:path';

const DIR = path.resolve('uploads');
class Files {
  resolveSafe(name: string): string {
    return path.join(DIR, path.basename(name));
  }
  resolvePath(name: string): string {
    return path.join(DIR, name);
  }
}
const files = new Files();
const app = express();
// A method that reduces the name to a file name, and one called with a constant.
app.get('/a/:name', (req, res) => {
  res.sendFile(files.resolveSafe(req.params.name));
  res.sendFile(files.resolvePath('logo.png'));
});
` },
    // A method of the same name on a value that is no class or object of the file: not followed.
    { code: `import express from 'express';
import path from 'node:path';

const DIR = path.resolve('uploads');
const app = express();
// A method of the same name on a value that is no class or object of the file: not followed.
app.get('/a/:name', (req, res) => {
  const store = res.locals.store as { resolvePath(name: string): string };
  res.sendFile(store.resolvePath(req.params.name));
});
` },
  ],
  invalid: [
    {
      // An instance method, a static method and a method of a `const` object.
      code: `import express from 'express';
import path from 'node:path';

const DIR = path.resolve('uploads');
class Files {
  resolvePath(name: string): string {
    return path.join(DIR, name);
  }
  static inside(name: string): string {
    return \`\${DIR}/\${name}\`;
  }
}
const files = new Files();
const store = {
  locate(name: string) {
    return path.resolve(DIR, name);
  },
};
const app = express();
app.get('/a/:name', (req, res) => {
  res.sendFile(files.resolvePath(req.params.name));
});
app.get('/b/:name', (req, res) => {
  res.sendFile(Files.inside(req.params.name));
});
app.get('/c/:name', (req, res) => {
  res.sendFile(store.locate(req.params.name));
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 21, column: 16, endLine: 21, endColumn: 50, suggestions: [] },
        { messageId: 'requestPath', line: 24, column: 16, endLine: 24, endColumn: 45, suggestions: [] },
        { messageId: 'requestPathFalseConfidence', line: 27, column: 16, endLine: 27, endColumn: 45, suggestions: [] },
      ],
    },
    {
      // A NestJS service of the same file injected into the controller.
      code: `import { Controller, Get, Injectable, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { join } from 'node:path';

const UPLOAD_DIR = '/srv/uploads';

@Injectable()
export class FilesService {
  resolvePath(name: string): string {
    return join(UPLOAD_DIR, name);
  }
}

@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Get(':name')
  download(@Param('name') name: string, @Res() res: Response) {
    return res.sendFile(this.files.resolvePath(name));
  }
}
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 20, column: 25, endLine: 20, endColumn: 53, suggestions: [] },
      ],
    },
    {
      // A method called through `this`, inside the class that reads the file.
      code: `import express from 'express';
import fs from 'node:fs';
import path from 'node:path';

class Store {
  constructor(private readonly root: string) {}
  pathOf(name: string): string {
    return path.join(this.root, name);
  }
  read(name: string): Buffer {
    return fs.readFileSync(this.pathOf(name));
  }
}
const store = new Store('/srv/data');
const app = express();
app.get('/d/:name', (req, res) => {
  res.send(store.read(req.params.name));
});
`,
      errors: [
        { messageId: 'requestPathFalseConfidence', line: 11, column: 28, endLine: 11, endColumn: 45, suggestions: [] },
      ],
    },
  ],
});
