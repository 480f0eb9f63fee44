import { createRuleTester } from '../rule-tester';
import { routeProbe } from './route-probe';

/*
 * The NestJS route model: `@Controller()` classes' `@Get()`/`@Post()`… methods, paths joined
 * from the controller and method decorators, guards from `@UseGuards()` (method, class, base
 * class in the file), the project's own composed decorators, `APP_GUARD` providers in the file,
 * and `@Public()`-style markers. Routes covered by an app-wide guard the file implies (a public
 * marker anywhere in the file, `@Roles()` metadata) are not yielded.
 */
const ruleTester = createRuleTester();

ruleTester.run('routes-nest', routeProbe, {
  valid: [
    // Route decorators of another module, or local functions named like them.
    {
      code: `import { Get } from './http';
@Controller('x')
export class X { @Get() list() {} }`,
    },
    // An abstract base and an undecorated class: their routes exist only in subclasses.
    {
      code: `import { Get, Post } from '@nestjs/common';
export abstract class CrudController { @Get() findAll() {} }
export class Helpers { @Post() create() {} }`,
    },
    // Static methods, class properties and non-decorator uses are not routes.
    {
      code: `import { Controller, Get, Post } from '@nestjs/common';
@Controller('odd')
export class Odd {
  @Get() static nope() {}
  @Post('arrow') arrow = () => 1;
}
const decorate = Get('x');`,
    },
  ],
  invalid: [
    {
      // Controller and method paths, guards on the method and on the class.
      code: `import { Controller, Get, Post, Put, Delete, UseGuards, Body, Param } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';

@Controller('users')
export class UsersController {
  @Get(':id')
  findOne(@Param('id') id: string) {
    return this.users.findOne(id);
  }

  @UseGuards(AuthGuard('jwt'))
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }
}

@Controller('/admin/')
@UseGuards(JwtAuthGuard, RolesGuard)
export class AdminController {
  @UseGuards(new AuditGuard())
  @Put('users/:id/')
  update() {}

  @Delete(['users/:id', 'members/:id'])
  remove() {}
}`,
      errors: [
        { messageId: 'route', line: 7, column: 3, endLine: 7, endColumn: 14, data: { label: 'GET /users/:id', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 13, column: 3, endLine: 13, endColumn: 10, data: { label: 'POST /users', framework: 'nest', guards: "AuthGuard('jwt') (decorator)", handlers: '1', extra: '' } },
        {
          messageId: 'route',
          line: 23,
          column: 3,
          endLine: 23,
          endColumn: 21,
          data: { label: 'PUT /admin/users/:id', framework: 'nest', guards: 'JwtAuthGuard (decorator), RolesGuard (decorator), new AuditGuard() (decorator)', handlers: '1', extra: '' },
        },
        { messageId: 'route', line: 26, column: 3, endLine: 26, endColumn: 40, data: { label: 'DELETE /admin/users/:id', framework: 'nest', guards: 'JwtAuthGuard (decorator), RolesGuard (decorator)', handlers: '1', extra: '' } },
      ],
    },
    {
      // Root controller, options-object path through a constant, every method decorator, a
      // dynamic prefix (labelled by class and method), a namespace import.
      code: `import { Controller, Get, Post, All, Head, Sse } from '@nestjs/common';
import * as common from '@nestjs/common';

const PREFIX = 'reports';

@Controller()
export class AppController {
  @Get()
  getHello() { return 'hi'; }
}

@Controller({ path: PREFIX, version: '1' })
export class ReportsController {
  @All('export') everything() {}
  @Head() head() {}
  @Sse('events') events() {}
}

@Controller(process.env.PREFIX)
export class DynamicController {
  @Post('run') run() {}
}

@common.Controller('ns')
export class NamespaceController {
  @common.Post('x') x() {}
}`,
      errors: [
        { messageId: 'route', line: 8, column: 3, endLine: 8, endColumn: 9, data: { label: 'GET /', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 14, column: 3, endLine: 14, endColumn: 17, data: { label: 'ALL /reports/export', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 15, column: 3, endLine: 15, endColumn: 10, data: { label: 'HEAD /reports', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 16, column: 3, endLine: 16, endColumn: 17, data: { label: 'GET /reports/events', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 21, column: 3, endLine: 21, endColumn: 15, data: { label: 'POST DynamicController.run', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 26, column: 3, endLine: 26, endColumn: 20, data: { label: 'POST /ns/x', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
      ],
    },
    {
      // APP_GUARD providers declared in the file guard every route of the file.
      code: `import { Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

@Controller('items')
export class ItemsController {
  @Post() create() {}
}

@Module({
  controllers: [ItemsController],
  providers: [
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useFactory: (reflector) => new RolesGuard(reflector), inject: [Reflector] },
  ],
})
export class ItemsModule {}`,
      errors: [
        { messageId: 'route', line: 6, column: 3, endLine: 6, endColumn: 10, data: { label: 'POST /items', framework: 'nest', guards: 'JwtAuthGuard (decorator), new RolesGuard(reflector) (decorator)', handlers: '1', extra: '' } },
      ],
    },
    {
      // The project's composed decorators are candidate guards; @nestjs/swagger's are not.
      // Class-level guards of a base class in the file are inherited.
      code: `import { Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Auth } from '../auth/auth.decorator';

@Controller('a')
export class AController {
  @Auth('admin')
  @Post('one')
  one() {}

  @ApiBearerAuth()
  @Post('two')
  two() {}
}

@UseGuards(JwtAuthGuard)
class GuardedBase {}

@Controller('b')
export class BController extends GuardedBase {
  @Post() create() {}
}`,
      errors: [
        { messageId: 'route', line: 8, column: 3, endLine: 8, endColumn: 15, data: { label: 'POST /a/one', framework: 'nest', guards: "Auth('admin') (decorator)", handlers: '1', extra: '' } },
        { messageId: 'route', line: 12, column: 3, endLine: 12, endColumn: 15, data: { label: 'POST /a/two', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 21, column: 3, endLine: 21, endColumn: 10, data: { label: 'POST /b', framework: 'nest', guards: 'JwtAuthGuard (decorator)', handlers: '1', extra: '' } },
      ],
    },
    {
      // Public markers: by name, SetMetadata with a public key, a local SetMetadata factory, on
      // the class. The unmarked route of a file that uses public markers carries the inferred
      // app-wide guard (`global`).
      code: `import { Controller, Get, Post, SetMetadata } from '@nestjs/common';
import { Public, AllowAnonymous } from '../auth/decorators';

export const IS_PUBLIC_KEY = 'isPublic';
export const Open = () => SetMetadata(IS_PUBLIC_KEY, true);

@Controller('auth')
export class AuthController {
  @Public()
  @Post('login')
  login() {}

  @AllowAnonymous() @Post('magic-link') magic() {}

  @SetMetadata('skipAuth', true) @Get('a') a() {}

  @Open() @Get('b') b() {}

  @Post('logout-all')
  logoutAll() {}
}

@Public()
@Controller('docs')
export class DocsController {
  @Get() index() {}
}`,
      errors: [
        { messageId: 'route', line: 10, column: 3, endLine: 10, endColumn: 17, data: { label: 'POST /auth/login', framework: 'nest', guards: '-', handlers: '1', extra: '; public' } },
        { messageId: 'route', line: 13, column: 21, endLine: 13, endColumn: 40, data: { label: 'POST /auth/magic-link', framework: 'nest', guards: '-', handlers: '1', extra: '; public' } },
        { messageId: 'route', line: 15, column: 34, endLine: 15, endColumn: 43, data: { label: 'GET /auth/a', framework: 'nest', guards: '-', handlers: '1', extra: '; public' } },
        { messageId: 'route', line: 17, column: 11, endLine: 17, endColumn: 20, data: { label: 'GET /auth/b', framework: 'nest', guards: '-', handlers: '1', extra: '; public' } },
        { messageId: 'route', line: 19, column: 3, endLine: 19, endColumn: 22, data: { label: 'POST /auth/logout-all', framework: 'nest', guards: "@SetMetadata('skipAuth', true) (global)", handlers: '1', extra: '' } },
        { messageId: 'route', line: 26, column: 3, endLine: 26, endColumn: 9, data: { label: 'GET /docs', framework: 'nest', guards: '-', handlers: '1', extra: '; public' } },
      ],
    },
    {
      // Authorization metadata without a guard in sight: an app-wide guard reads it (`global`),
      // for its own route only; @SkipThrottle() is not a public marker.
      code: `import { Controller, Delete, Get } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { Roles } from '../auth/roles.decorator';

@Controller('cats')
export class CatsController {
  @Roles(Role.Admin)
  @Delete(':id')
  remove() {}

  @SkipThrottle()
  @Get()
  findAll() {}
}`,
      errors: [
        { messageId: 'route', line: 8, column: 3, endLine: 8, endColumn: 17, data: { label: 'DELETE /cats/:id', framework: 'nest', guards: '@Roles(Role.Admin) (global)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 12, column: 3, endLine: 12, endColumn: 9, data: { label: 'GET /cats', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
      ],
    },
    {
      // CommonJS require in a JS file.
      code: `const { Controller, Post, UseGuards } = require('@nestjs/common');
const { AuthGuard } = require('@nestjs/passport');

@Controller('orders')
class OrdersController {
  @Post()
  create(body) { return body; }

  @UseGuards(AuthGuard('jwt'))
  @Post('refund')
  refund(body) { return body; }
}
module.exports = { OrdersController };`,
      filename: 'file.js',
      errors: [
        { messageId: 'route', line: 6, column: 3, endLine: 6, endColumn: 10, data: { label: 'POST /orders', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 10, column: 3, endLine: 10, endColumn: 18, data: { label: 'POST /orders/refund', framework: 'nest', guards: "AuthGuard('jwt') (decorator)", handlers: '1', extra: '' } },
      ],
    },
    {
      // Odd code: class expression, computed key, spread of a constant array, an unknown spread, empty @UseGuards().
      code: `import { Controller, Get, Post, UseGuards } from '@nestjs/common';

const guards = [JwtAuthGuard];
const C = @Controller('odd') class {
  @Get() ['computed']() {}
  @UseGuards(...guards) @Post('spread') spread() {}
  @UseGuards(...getGuards()) @Post('unknown') unknown() {}
  @UseGuards() @Post('empty') empty() {}
};`,
      errors: [
        { messageId: 'route', line: 5, column: 3, endLine: 5, endColumn: 9, data: { label: 'GET /odd', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
        { messageId: 'route', line: 6, column: 25, endLine: 6, endColumn: 40, data: { label: 'POST /odd/spread', framework: 'nest', guards: 'JwtAuthGuard (decorator)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 7, column: 30, endLine: 7, endColumn: 46, data: { label: 'POST /odd/unknown', framework: 'nest', guards: 'getGuards() (decorator)', handlers: '1', extra: '' } },
        { messageId: 'route', line: 8, column: 16, endLine: 8, endColumn: 30, data: { label: 'POST /odd/empty', framework: 'nest', guards: '-', handlers: '1', extra: '' } },
      ],
    },
  ],
});
