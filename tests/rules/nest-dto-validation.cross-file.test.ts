import { fileURLToPath } from 'node:url';

import fsRule from '../../src/rules/no-unsanitized-fs-path';
import { createRuleTester } from '../rule-tester';

/*
 * A NestJS DTO in its own file (`src/dto/share.dto.ts` of the fixture projects tests/fixtures/cross-file/nest-dto and nest-dto-without-pipe), used by
 * the controller and by the service it hands the body to. With `app.useGlobalPipes(new
 * ValidationPipe())` in the project's main.ts (nest-dto), `@Matches('^[a-zA-Z0-9_-]*$')` and
 * `@IsUUID()` constrain what `body.id` and `body.templateId` hold, in the controller and in the
 * service; `@IsString()` does not. Without a pipe (nest-dto-without-pipe) the decorators check nothing.
 */
const withPipe = fileURLToPath(new URL('../fixtures/cross-file/nest-dto/src/share.controller.ts', import.meta.url));
const withoutPipe = fileURLToPath(new URL('../fixtures/cross-file/nest-dto-without-pipe/src/share.controller.ts', import.meta.url));
const ruleTester = createRuleTester();

/** The controller: validated properties read here and in the service, and a title (@IsString()) the service joins into a path. */
const shareController = `import fs from 'node:fs';
import path from 'node:path';
import { Body, Controller, Post } from '@nestjs/common';

import { CreateShareDto } from './dto/share.dto';
import { ShareService } from './share.service';

@Controller('shares')
export class ShareController {
  constructor(private readonly shares: ShareService) {}

  @Post()
  create(@Body() body: CreateShareDto) {
    fs.mkdirSync(path.join('data/previews', body.id));
    fs.copyFileSync('data/template.txt', path.join('data/templates', body.templateId ?? 'default'));
    return this.shares.create(body);
  }

  @Post('describe')
  describe(@Body() body: CreateShareDto) {
    return this.shares.describe(body);
  }
}
`;

ruleTester.run("no-unsanitized-fs-path (class-validator DTOs of other files)", fsRule, {
  valid: [
    // Validated properties, read here and in the service.
    { filename: withPipe, code: `import fs from 'node:fs';
import path from 'node:path';
import { Body, Controller, Post } from '@nestjs/common';

import { CreateShareDto } from './dto/share.dto';
import { ShareService } from './share.service';

@Controller('shares')
export class ShareController {
  constructor(private readonly shares: ShareService) {}

  @Post()
  create(@Body() body: CreateShareDto) {
    fs.mkdirSync(path.join('data/previews', body.id));
    fs.copyFileSync('data/template.txt', path.join('data/templates', body.templateId ?? 'default'));
    return this.shares.create(body);
  }
}
` },
  ],
  invalid: [
    {
      // @IsString() on the title the service joins into a path: reported at the call.
      filename: withPipe,
      code: shareController,
      errors: [
  { messageId: 'requestPath', line: 21, column: 33, endLine: 21, endColumn: 37, suggestions: [] },
      ],
    },
    {
      // No ValidationPipe in the project: every property is request input.
      filename: withoutPipe,
      code: shareController,
      errors: [
  { messageId: 'requestPathFalseConfidence', line: 14, column: 18, endLine: 14, endColumn: 53, suggestions: [{ messageId: 'wrapInBasename', output: `import fs from 'node:fs';
import path from 'node:path';
import { Body, Controller, Post } from '@nestjs/common';

import { CreateShareDto } from './dto/share.dto';
import { ShareService } from './share.service';

@Controller('shares')
export class ShareController {
  constructor(private readonly shares: ShareService) {}

  @Post()
  create(@Body() body: CreateShareDto) {
    fs.mkdirSync(path.join('data/previews', path.basename(body.id)));
    fs.copyFileSync('data/template.txt', path.join('data/templates', body.templateId ?? 'default'));
    return this.shares.create(body);
  }

  @Post('describe')
  describe(@Body() body: CreateShareDto) {
    return this.shares.describe(body);
  }
}
` }] },
  { messageId: 'requestPathFalseConfidence', line: 15, column: 42, endLine: 15, endColumn: 99, suggestions: [{ messageId: 'wrapInBasename', output: `import fs from 'node:fs';
import path from 'node:path';
import { Body, Controller, Post } from '@nestjs/common';

import { CreateShareDto } from './dto/share.dto';
import { ShareService } from './share.service';

@Controller('shares')
export class ShareController {
  constructor(private readonly shares: ShareService) {}

  @Post()
  create(@Body() body: CreateShareDto) {
    fs.mkdirSync(path.join('data/previews', body.id));
    fs.copyFileSync('data/template.txt', path.join('data/templates', path.basename(body.templateId ?? 'default')));
    return this.shares.create(body);
  }

  @Post('describe')
  describe(@Body() body: CreateShareDto) {
    return this.shares.describe(body);
  }
}
` }] },
  { messageId: 'requestPath', line: 16, column: 31, endLine: 16, endColumn: 35, suggestions: [] },
  { messageId: 'requestPath', line: 21, column: 33, endLine: 21, endColumn: 37, suggestions: [] },
      ],
    },
  ],
});
