import commandRule from '../../src/rules/no-command-injection';
import fsRule from '../../src/rules/no-unsanitized-fs-path';
import ssrfRule from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';

/**
 * Request input handed to a method of a class of the same file: a NestJS controller calling the
 * service injected into it (`constructor(private readonly tools: ToolsService)`, then
 * `this.tools.lookup(host)`), a field typed with the class, and `this.run(command)` inside the
 * service. The sink in the method is reported, with the controller's parameter as the source.
 */
const ruleTester = createRuleTester();

ruleTester.run('no-command-injection (methods of the file)', commandRule, {
  valid: [
    // The service called with a constant.
    `import { Body, Controller, Get, Injectable, Param, Post, Query } from '@nestjs/common';
import { exec } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

@Injectable()
export class ToolsService {
  lookup(host: string) {
    exec(\`nslookup \${host}\`, () => {});
  }
}

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService) {}

  @Get('dns')
  check(@Query('host') host: string) {
    return this.tools.lookup('example.com');
  }
}
`,
    // The field is of another class, whose method of the same name is not the one with the sink.
    `import { Body, Controller, Get, Injectable, Param, Post, Query } from '@nestjs/common';
import { exec } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

@Injectable()
export class ToolsService {
  lookup(host: string) {
    exec(\`nslookup \${host}\`, () => {});
  }
}

class OtherTools {
  lookup(host: string) {
    return host;
  }
}

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: OtherTools) {}

  @Get('dns')
  check(@Query('host') host: string) {
    return this.tools.lookup(host);
  }
}
`,
  ],
  invalid: [
    {
      // The service injected through a constructor parameter property.
      code: `import { Body, Controller, Get, Injectable, Param, Post, Query } from '@nestjs/common';
import { exec } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

@Injectable()
export class ToolsService {
  lookup(host: string) {
    exec(\`nslookup \${host}\`, () => {});
  }
}

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService) {}

  @Get('dns')
  check(@Query('host') host: string) {
    return this.tools.lookup(host);
  }
}
`,
      errors: [
  { messageId: 'requestCommand', line: 9, column: 10, endLine: 9, endColumn: 28, suggestions: [{ messageId: 'useExecFile', output: `import { Body, Controller, Get, Injectable, Param, Post, Query } from '@nestjs/common';
import { exec, execFile } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

@Injectable()
export class ToolsService {
  lookup(host: string) {
    execFile('nslookup', [host], () => {});
  }
}

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService) {}

  @Get('dns')
  check(@Query('host') host: string) {
    return this.tools.lookup(host);
  }
}
` }] },
],
    },
    {
      // A field typed with the service, and `this.run(…)` inside the service passing the command on.
      code: `import { Body, Controller, Get, Injectable, Param, Post, Query } from '@nestjs/common';
import { exec } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

@Injectable()
export class ToolsService {
  lookup(host: string) {
    return this.run(\`nslookup \${host}\`);
  }

  private run(command: string) {
    exec(command, () => {});
  }
}

@Controller('tools')
export class ToolsController {
  private tools: ToolsService = new ToolsService();

  @Post('dns')
  check(@Body() body: { host: string }) {
    return this.tools.lookup(body.host);
  }
}
`,
      errors: [
  { messageId: 'requestCommand', line: 13, column: 10, endLine: 13, endColumn: 17, suggestions: [] },
],
    },
  ],
});

ruleTester.run('no-ssrf (methods of the file)', ssrfRule, {
  valid: [
    // Only a path segment, encoded, under a fixed origin.
    `import { Body, Controller, Get, Injectable, Param, Post, Query } from '@nestjs/common';
import { exec } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

@Injectable()
export class ToolsService {
  async profile(login: string) {
    const res = await fetch(\`https://api.github.com/users/\${encodeURIComponent(login)}\`, { signal: AbortSignal.timeout(5000) });
    return res.json();
  }
}

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService) {}

  @Get('profile')
  profile(@Query('login') login: string) {
    return this.tools.profile(login);
  }
}
`,
  ],
  invalid: [
    {
      // The service fetches the URL the controller received.
      code: `import { Body, Controller, Get, Injectable, Param, Post, Query } from '@nestjs/common';
import { exec } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

@Injectable()
export class ToolsService {
  async preview(url: string) {
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    return res.text();
  }
}

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService) {}

  @Get('preview')
  preview(@Query('url') url: string) {
    return this.tools.preview(url);
  }
}
`,
      errors: [
  { messageId: 'requestControlledHost', line: 9, column: 29, endLine: 9, endColumn: 32, suggestions: [] },
],
    },
  ],
});

ruleTester.run('no-unsanitized-fs-path (methods of the file)', fsRule, {
  valid: [
    // The controller passes the last segment of the name only.
    `import { Body, Controller, Get, Injectable, Param, Post, Query } from '@nestjs/common';
import { exec } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

@Injectable()
export class ToolsService {
  read(name: string) {
    return readFile(\`/srv/files/\${name}\`);
  }
}

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService) {}

  @Get('files/:name')
  read(@Param('name') name: string) {
    return this.tools.read(path.basename(name));
  }
}
`,
  ],
  invalid: [
    {
      // The service reads a path built from the route parameter.
      code: `import { Body, Controller, Get, Injectable, Param, Post, Query } from '@nestjs/common';
import { exec } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

@Injectable()
export class ToolsService {
  read(name: string) {
    return readFile(\`/srv/files/\${name}\`);
  }
}

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService) {}

  @Get('files/:name')
  read(@Param('name') name: string) {
    return this.tools.read(name);
  }
}
`,
      errors: [
  { messageId: 'requestPath', line: 9, column: 21, endLine: 9, endColumn: 41, suggestions: [{ messageId: 'wrapInBasename', output: `import { Body, Controller, Get, Injectable, Param, Post, Query } from '@nestjs/common';
import { exec } from 'node:child_process';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

@Injectable()
export class ToolsService {
  read(name: string) {
    return readFile(\`/srv/files/\${path.basename(name)}\`);
  }
}

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService) {}

  @Get('files/:name')
  read(@Param('name') name: string) {
    return this.tools.read(name);
  }
}
` }] },
],
    },
  ],
});
