import { fileURLToPath } from 'node:url';

import commandRule from '../../src/rules/no-command-injection';
import fsRule from '../../src/rules/no-unsanitized-fs-path';
import ssrfRule from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';

/*
 * A NestJS controller and the services injected into it, in other files of a fixture project
 * (tests/fixtures/cross-file/nest-services): `constructor(private readonly tools: ToolsService)`
 * or `@Inject(ToolsService) private readonly tools: ToolsService`, then `this.tools.lookup(host)`.
 * The method of the imported class is read as an imported helper is, and the argument is
 * reported at the call in the controller.
 */
const controller = fileURLToPath(new URL('../fixtures/cross-file/nest-services/src/tools.controller.ts', import.meta.url));
const ruleTester = createRuleTester();

/** Calls no rule reports: an argument array, a method of the same name on another class, a constant, a method without a sink. */
const safeCalls = `import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import path from 'node:path';
import { LabelsService } from './labels.service';
import { ToolsService } from './tools.service';

@Controller('tools')
export class ToolsController {
  constructor(
    private readonly tools: ToolsService,
    private readonly labels: LabelsService,
  ) {}

  @Get('dns')
  check(@Query('host') host: string) {
    this.tools.ping(host);
    this.labels.lookup(host);
    this.tools.lookup('example.com');
    return this.tools.describe(host);
  }
}
`;

ruleTester.run('no-command-injection (services injected from other files)', commandRule, {
  valid: [
    { filename: controller, code: safeCalls },
  ],
  invalid: [
    {
      // The service injected through a constructor parameter property passes the host to `exec`.
      filename: controller,
      code: `import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import path from 'node:path';
import { LabelsService } from './labels.service';
import { ToolsService } from './tools.service';

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
  { messageId: 'wrapperCommand', line: 12, column: 30, endLine: 12, endColumn: 34, suggestions: [] },
],
    },
    {
      // A property injected with `@Inject(ToolsService)`; the argument is built around the input.
      filename: controller,
      code: `import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import path from 'node:path';
import { LabelsService } from './labels.service';
import { ToolsService } from './tools.service';

@Controller('tools')
export class ToolsController {
  @Inject(ToolsService)
  private readonly tools: ToolsService;

  @Get('dns/:host')
  check(@Param('host') host: string) {
    return this.tools.lookup(\`\${host}.example.com\`);
  }
}
`,
      errors: [
  { messageId: 'wrapperCommand', line: 13, column: 30, endLine: 13, endColumn: 51, suggestions: [] },
],
    },
    {
      // A field declared with type arguments is still of the class.
      filename: controller,
      code: `import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import path from 'node:path';
import { LabelsService } from './labels.service';
import { ToolsService } from './tools.service';

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService<string>) {}

  @Get('dns')
  check(@Query('host') host: string) {
    return this.tools.lookup(host);
  }
}
`,
      errors: [
  { messageId: 'wrapperCommand', line: 12, column: 30, endLine: 12, endColumn: 34, suggestions: [] },
],
    },
  ],
});

ruleTester.run('no-ssrf (services injected from other files)', ssrfRule, {
  valid: [
    { filename: controller, code: safeCalls },
  ],
  invalid: [
    {
      // The service fetches the URL the controller received.
      filename: controller,
      code: `import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import path from 'node:path';
import { LabelsService } from './labels.service';
import { ToolsService } from './tools.service';

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
  { messageId: 'wrapperControlledHost', line: 12, column: 31, endLine: 12, endColumn: 34, suggestions: [] },
],
    },
  ],
});

ruleTester.run('no-unsanitized-fs-path (services injected from other files)', fsRule, {
  valid: [
    { filename: controller, code: safeCalls },
    // The controller passes the last segment of the name only.
    { filename: controller, code: `import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import path from 'node:path';
import { LabelsService } from './labels.service';
import { ToolsService } from './tools.service';

@Controller('tools')
export class ToolsController {
  constructor(private readonly tools: ToolsService) {}

  @Get('files/:name')
  read(@Param('name') name: string) {
    return this.tools.read(path.basename(name));
  }
}
` },
  ],
  invalid: [
    {
      // The service reads a path built from the route parameter.
      filename: controller,
      code: `import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import path from 'node:path';
import { LabelsService } from './labels.service';
import { ToolsService } from './tools.service';

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
  { messageId: 'requestPath', line: 12, column: 28, endLine: 12, endColumn: 32, suggestions: [] },
],
    },
  ],
});
