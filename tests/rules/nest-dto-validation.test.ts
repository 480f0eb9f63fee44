import commandRule from '../../src/rules/no-command-injection';
import fsRule from '../../src/rules/no-unsanitized-fs-path';
import ssrfRule from '../../src/rules/no-ssrf';
import { createRuleTester } from '../rule-tester';

/**
 * NestJS DTOs validated by class-validator, declared in the controller's file: a property read of a
 * parameter typed with the DTO (`body.name`) holds what the property's decorators let through, when
 * a `ValidationPipe` runs (here `@UsePipes(new ValidationPipe())` or `@Body(new ValidationPipe())`).
 * Patterns that let `.` and `/` (paths) or spaces (commands) through, and `@IsString()`, do not
 * constrain; without a pipe nothing is checked. A pattern that keeps `../` out still lets a client
 * pick a host.
 */
const ruleTester = createRuleTester();

/** An allow-list @Matches, @IsUUID, @IsIn of constants and @IsInt, under @UsePipes(new ValidationPipe()). */
const validatedExport = `import { exec } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Body, Controller, Post, UsePipes, ValidationPipe } from '@nestjs/common';
import { IsIn, IsInt, IsUUID, Matches } from 'class-validator';

class ExportDto {
  @Matches(/^[a-zA-Z0-9_-]+$/)
  name: string;

  @IsUUID()
  fileId: string;

  @IsIn(['png', 'jpg'])
  format: string;

  @IsInt()
  width: number;
}

@Controller('exports')
@UsePipes(new ValidationPipe({ whitelist: true }))
export class ExportsController {
  @Post()
  create(@Body() body: ExportDto) {
    exec(\`convert /srv/in/\${body.fileId} -resize \${body.width} /srv/out/\${body.name}.\${body.format}\`);
    return createReadStream(join('/srv/out', \`\${body.name}.\${body.format}\`));
  }
}
`;

/** A pattern that lets . and / through, @IsString() with a length, and a pattern that lets spaces through. */
const looseExport = `import { exec } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Body, Controller, Post, ValidationPipe } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';

class ExportDto {
  @Matches(/^[\\w./-]+$/)
  path: string;

  @IsString()
  @MaxLength(64)
  title: string;

  @Matches(/^[\\w ]+$/)
  label: string;
}

@Controller('exports')
export class ExportsController {
  @Post()
  create(@Body(new ValidationPipe()) body: ExportDto) {
    exec(\`render --label \${body.label}\`);
    createReadStream(join('/srv/out', body.title));
    return createReadStream(join('/srv/out', body.path));
  }
}
`;

ruleTester.run("no-unsanitized-fs-path (class-validator DTOs)", fsRule, {
  valid: [
    // @Matches with an allow-list pattern, @IsUUID, @IsIn of constants, @IsInt, under @UsePipes(new ValidationPipe()).
    { code: validatedExport },
  ],
  invalid: [
    {
      // No ValidationPipe: the decorators check nothing.
      code: `import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Body, Controller, Post } from '@nestjs/common';
import { IsUUID } from 'class-validator';

class DownloadDto {
  @IsUUID()
  fileId: string;
}

// No ValidationPipe: the decorators check nothing.
@Controller('downloads')
export class DownloadsController {
  @Post()
  download(@Body() body: DownloadDto) {
    return createReadStream(join('/srv/files', body.fileId));
  }
}
`,
      errors: [
  { messageId: 'requestPathFalseConfidence', line: 16, column: 29, endLine: 16, endColumn: 60, suggestions: [] },
      ],
    },
    {
      // A pattern that lets . and / through, and @IsString() with a length: not constraints on a path.
      code: looseExport,
      errors: [
  { messageId: 'requestPathFalseConfidence', line: 24, column: 22, endLine: 24, endColumn: 50, suggestions: [] },
  { messageId: 'requestPathFalseConfidence', line: 25, column: 29, endLine: 25, endColumn: 56, suggestions: [] },
      ],
    },
  ],
});

ruleTester.run("no-command-injection (class-validator DTOs)", commandRule, {
  valid: [
    // The same DTO in a command line.
    { code: validatedExport },
  ],
  invalid: [
    {
      // A pattern that lets spaces through: safe in a path, not in a command line.
      code: looseExport,
      errors: [
  { messageId: 'requestCommand', line: 23, column: 10, endLine: 23, endColumn: 40, suggestions: [{ messageId: 'useExecFile', output: `import { exec, execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Body, Controller, Post, ValidationPipe } from '@nestjs/common';
import { IsString, Matches, MaxLength } from 'class-validator';

class ExportDto {
  @Matches(/^[\\w./-]+$/)
  path: string;

  @IsString()
  @MaxLength(64)
  title: string;

  @Matches(/^[\\w ]+$/)
  label: string;
}

@Controller('exports')
export class ExportsController {
  @Post()
  create(@Body(new ValidationPipe()) body: ExportDto) {
    execFile('render', ['--label', body.label]);
    createReadStream(join('/srv/out', body.title));
    return createReadStream(join('/srv/out', body.path));
  }
}
` }] },
      ],
    },
  ],
});

ruleTester.run("no-ssrf (class-validator DTOs)", ssrfRule, {
  valid: [
  ],
  invalid: [
    {
      // An allow-list pattern keeps ../ out of a path, not a host out of a URL.
      code: `import { Body, Controller, Post, UsePipes, ValidationPipe } from '@nestjs/common';
import { Matches } from 'class-validator';

class ProbeDto {
  @Matches(/^[a-z0-9-]+$/)
  host: string;
}

// A pattern that keeps \`../\` out of a path still lets the client pick the host.
@Controller('probes')
@UsePipes(new ValidationPipe())
export class ProbesController {
  @Post()
  async probe(@Body() body: ProbeDto) {
    const answer = await fetch(\`http://\${body.host}/status\`, { signal: AbortSignal.timeout(5000) });
    return answer.status;
  }
}
`,
      errors: [
  { messageId: 'requestControlledHost', line: 15, column: 32, endLine: 15, endColumn: 60, suggestions: [] },
      ],
    },
  ],
});
