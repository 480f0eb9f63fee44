import rule from '../../src/rules/require-auth-gate-in-route';
import { createRuleTester } from '../rule-tester';

const ruleTester = createRuleTester();

ruleTester.run('require-auth-gate-in-route (nest)', rule, {
  valid: [
    // --- guards: method, class, base class, AuthGuard('jwt'), *AuthGuard, RolesGuard, custom guards ---
    {
      code: `
import { Body, Controller, Delete, Param, Post, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

@Controller('users')
export class UsersController {
  @UseGuards(AuthGuard('jwt'))
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }

  @UseGuards(AuthGuard())
  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.users.remove(id);
  }
}
`,
    },
    {
      code: `
import { Controller, Get, Patch, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';

@Controller('billing')
@UseGuards(JwtAuthGuard)
export class BillingController {
  @Get('invoices') list() { return this.billing.list(); }
  @Patch('plan') change() { return this.billing.change(); }
}
`,
    },
    {
      // A roles guard reads request.user and rejects anonymous requests: counted as a gate.
      code: `
import { Controller, Delete, UseGuards } from '@nestjs/common';

@Controller('cats')
@UseGuards(RolesGuard)
export class CatsController {
  @Delete(':id') remove() { return this.cats.remove(); }
}
`,
    },
    {
      // A guard class written in the file, used through a constant array spread.
      code: `
import { CanActivate, Controller, ExecutionContext, Injectable, Post, UseGuards } from '@nestjs/common';

@Injectable()
export class ApiKeyGuard implements CanActivate {
  canActivate(context: ExecutionContext) {
    return context.switchToHttp().getRequest().headers['x-api-key'] === process.env.API_KEY;
  }
}
const guards = [ApiKeyGuard];

@Controller('ingest')
export class IngestController {
  @UseGuards(...guards)
  @Post() ingest() { return this.queue.push(); }
}
`,
    },
    {
      // Class-level guards of a base class declared in the file are inherited.
      code: `
import { Controller, Post, UseGuards } from '@nestjs/common';

@UseGuards(JwtAuthGuard)
abstract class AuthedController {}

@Controller('projects')
export class ProjectsController extends AuthedController {
  @Post() create() { return this.projects.create(); }
}
`,
    },
    {
      // The project's own composed decorator: applyDecorators(UseGuards(…)) behind @Auth().
      code: `
import { Controller, Post } from '@nestjs/common';
import { Auth } from '../auth/auth.decorator';

@Controller('teams')
export class TeamsController {
  @Auth(Role.Admin)
  @Post() create() { return this.teams.create(); }
}
`,
    },
    // --- app-wide guards: APP_GUARD in the file, @Public() markers, @Roles() metadata, settings ---
    {
      code: `
import { Controller, Module, Post } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';

@Controller('items')
export class ItemsController {
  @Post() create() { return this.items.create(); }
}

@Module({
  controllers: [ItemsController],
  providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }],
})
export class ItemsModule {}
`,
    },
    {
      // @Public() only works with a global guard: the unmarked routes of the file are covered by it.
      code: `
import { Controller, Post } from '@nestjs/common';
import { Public } from '../auth/public.decorator';

@Controller('session')
export class SessionController {
  @Public()
  @Post('start') start() { return this.auth.start(); }

  @Post('refresh-all') refreshAll() { return this.auth.refreshAll(); }
}
`,
    },
    {
      code: `
import { Controller, Get, Post, SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'isPublic';
export const AllowAnon = () => SetMetadata(IS_PUBLIC_KEY, true);

@Controller('catalog')
export class CatalogController {
  @AllowAnon() @Get() list() { return this.catalog.list(); }
  @SetMetadata('skipAuth', true) @Post('search') search() { return this.catalog.search(); }
}
`,
    },
    {
      // @Roles() metadata needs a guard that reads it: an app-wide RolesGuard.
      code: `
import { Controller, Delete } from '@nestjs/common';
import { Roles } from '../auth/roles.decorator';

@Controller('cats')
export class CatsController {
  @Roles(Role.Admin)
  @Delete(':id') remove() { return this.cats.remove(); }
}
`,
    },
    {
      code: `
import { Controller, Post } from '@nestjs/common';
@Controller('orders')
export class OrdersController {
  @Post() create() { return this.orders.create(); }
}
`,
      settings: { 'agent-guard': { auth: { globalGuard: true } } },
    },
    {
      code: `
import { Controller, Post } from '@nestjs/common';
@Controller('admin')
export class AdminController {
  @Post('reindex') reindex() { return this.search.reindex(); }
}
`,
      options: [{ globalAuth: ['/admin/**'] }],
    },
    // --- gates in the handler ---
    {
      code: `
import { Controller, Post, Req, UnauthorizedException } from '@nestjs/common';

@Controller('exports')
export class ExportsController {
  @Post()
  create(@Req() req) {
    if (!req.user) throw new UnauthorizedException();
    return this.exports.create(req.user.id);
  }
}
`,
    },
    // --- public by design: default paths, the public-route comment ---
    {
      code: `
import { Controller, Get } from '@nestjs/common';

@Controller()
export class AppController {
  @Get() getHello() { return 'Hello World!'; }
}

@Controller('health')
export class HealthController {
  @Get() check() { return this.health.check(); }
}
`,
    },
    {
      code: `
import { Body, Controller, Post } from '@nestjs/common';

@Controller('contact')
export class ContactController {
  // agent-guard: public-route contact form, rate-limited by the gateway
  @Post()
  send(@Body() dto: ContactDto) { return this.mail.send(dto); }
}
`,
    },
    // --- not routes: other modules' decorators, undecorated or abstract classes ---
    {
      code: `
import { Get, Post } from '@nestjs/common';
import { Controller } from './my-decorators';
export abstract class CrudController { @Post() create() { return this.repo.save(); } }
export class Helpers { @Get() list() { return []; } }
`,
    },
    {
      // JS with CommonJS requires.
      code: `
const { Controller, Post, UseGuards } = require('@nestjs/common');
const { AuthGuard } = require('@nestjs/passport');

@Controller('orders')
@UseGuards(AuthGuard('jwt'))
class OrdersController {
  @Post() create(body) { return this.orders.create(body); }
}
module.exports = { OrdersController };
`,
      filename: 'src/orders/orders.controller.js',
    },
  ],
  invalid: [
    {
      code: `
import { Body, Controller, Post } from '@nestjs/common';

@Controller('users')
export class UsersController {
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }
}
`,
      filename: 'src/users/users.controller.ts',
      errors: [{ messageId: 'missingGate', line: 6, column: 3, endLine: 6, endColumn: 10, data: { route: 'POST /users', framework: 'nest' }, suggestions: [{ messageId: 'markPublic', output: `
import { Body, Controller, Post } from '@nestjs/common';

@Controller('users')
export class UsersController {
  // agent-guard: public-route TODO: say why anyone may call this
  @Post()
  create(@Body() dto: CreateUserDto) {
    return this.users.create(dto);
  }
}
` }] }],
    },
    {
      // Swagger's @ApiBearerAuth() documents a scheme, interceptors do not authenticate.
      code: `
import { Controller, Delete, Param, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  @UseInterceptors(LoggingInterceptor)
  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.posts.remove(id);
  }
}
`,
      errors: [{ messageId: 'missingGate', line: 9, column: 3, endLine: 9, endColumn: 17, data: { route: 'DELETE /posts/:id', framework: 'nest' }, suggestions: [{ messageId: 'markPublic', output: `
import { Controller, Delete, Param, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';

@ApiBearerAuth()
@Controller('posts')
export class PostsController {
  // agent-guard: public-route TODO: say why anyone may call this
  @UseInterceptors(LoggingInterceptor)
  @Delete(':id')
  remove(@Param('id') id: string) {
    return this.posts.remove(id);
  }
}
` }] }],
    },
    {
      // A guard on another controller of the file does not protect this one.
      code: `
import { Controller, Get, Put, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

@Controller('me')
@UseGuards(AuthGuard('jwt'))
export class MeController {
  @Get() me() { return this.users.me(); }
}

@Controller({ path: 'settings' })
export class SettingsController {
  @Put(':key') set() { return this.settings.set(); }
}
`,
      errors: [{ messageId: 'missingGate', line: 13, column: 3, endLine: 13, endColumn: 15, data: { route: 'PUT /settings/:key', framework: 'nest' }, suggestions: [{ messageId: 'markPublic', output: `
import { Controller, Get, Put, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

@Controller('me')
@UseGuards(AuthGuard('jwt'))
export class MeController {
  @Get() me() { return this.users.me(); }
}

@Controller({ path: 'settings' })
export class SettingsController {
  // agent-guard: public-route TODO: say why anyone may call this
  @Put(':key') set() { return this.settings.set(); }
}
` }] }],
    },
    {
      // The session is fetched but never checked.
      code: `
import { Controller, Post, Req } from '@nestjs/common';

@Controller('uploads')
export class UploadsController {
  @Post()
  async upload(@Req() req) {
    const session = await this.auth.getSession(req);
    return this.storage.put(req.body);
  }
}
`,
      errors: [{ messageId: 'sessionUnchecked', line: 8, column: 27, endLine: 8, endColumn: 52, data: { route: 'POST /uploads', framework: 'nest', call: 'this.auth.getSession()' } }],
    },
    {
      // A dynamic controller path: the route is named by class and method.
      code: `
import { Controller, Post } from '@nestjs/common';

@Controller(process.env.JOBS_PREFIX)
export class JobsController {
  @Post('run') run() { return this.jobs.run(); }
}
`,
      errors: [{ messageId: 'missingGate', line: 6, column: 3, endLine: 6, endColumn: 15, data: { route: 'POST JobsController.run', framework: 'nest' }, suggestions: [{ messageId: 'markPublic', output: `
import { Controller, Post } from '@nestjs/common';

@Controller(process.env.JOBS_PREFIX)
export class JobsController {
  // agent-guard: public-route TODO: say why anyone may call this
  @Post('run') run() { return this.jobs.run(); }
}
` }] }],
    },
    {
      // The public-route comment needs a reason.
      code: `
import { Controller, Post } from '@nestjs/common';

@Controller('feedback')
export class FeedbackController {
  // agent-guard: public-route
  @Post() send() { return this.feedback.send(); }
}
`,
      errors: [{ messageId: 'publicReasonMissing', line: 6, column: 3, endLine: 6, endColumn: 31, data: { route: 'POST /feedback' } }],
    },
    {
      // A suggestion when the settings name a gate function.
      code: `
import { Controller, Post, Req } from '@nestjs/common';

@Controller('invites')
export class InvitesController {
  @Post()
  async invite(@Req() req) {
    return this.invites.create(req.body);
  }
}
`,
      settings: { 'agent-guard': { auth: { functions: ['requireUser'] } } },
      errors: [
        {
          messageId: 'missingGate',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 10,
          data: { route: 'POST /invites', framework: 'nest' },
          suggestions: [
            {
              messageId: 'insertGate',
              data: { gate: 'requireUser' },
              output: `
import { Controller, Post, Req } from '@nestjs/common';

@Controller('invites')
export class InvitesController {
  @Post()
  async invite(@Req() req) {
    await requireUser(req);
    return this.invites.create(req.body);
  }
}
`,
            },
            { messageId: 'markPublic', output: `
import { Controller, Post, Req } from '@nestjs/common';

@Controller('invites')
export class InvitesController {
  // agent-guard: public-route TODO: say why anyone may call this
  @Post()
  async invite(@Req() req) {
    return this.invites.create(req.body);
  }
}
` },
          ],
        },
      ],
    },
    {
      // JS with CommonJS requires; a namespace import.
      code: `
const nest = require('@nestjs/common');

@nest.Controller('orders')
class OrdersController {
  @nest.Post() create(body) { return this.orders.create(body); }
}
module.exports = { OrdersController };
`,
      filename: 'src/orders/orders.controller.js',
      errors: [{ messageId: 'missingGate', line: 6, column: 3, endLine: 6, endColumn: 15, data: { route: 'POST /orders', framework: 'nest' }, suggestions: [{ messageId: 'markPublic', output: `
const nest = require('@nestjs/common');

@nest.Controller('orders')
class OrdersController {
  // agent-guard: public-route TODO: say why anyone may call this
  @nest.Post() create(body) { return this.orders.create(body); }
}
module.exports = { OrdersController };
` }] }],
    },
    {
      // Odd code: class expression, computed key, unknown spread of guards, empty @UseGuards().
      code: `
import { Controller, Get, Post, UseGuards } from '@nestjs/common';
export const C = @Controller('odd') class {
  @Get() ['computed']() { return this.items.all(); }
  @UseGuards(...getGuards()) @Post('spread') spread() { return 1; }
  @UseGuards() @Post('empty') empty() { return this.items.clear(); }
};
`,
      errors: [
        { messageId: 'missingGate', line: 4, column: 3, endLine: 4, endColumn: 9, data: { route: 'GET /odd', framework: 'nest' }, suggestions: [{ messageId: 'markPublic', output: `
import { Controller, Get, Post, UseGuards } from '@nestjs/common';
export const C = @Controller('odd') class {
  // agent-guard: public-route TODO: say why anyone may call this
  @Get() ['computed']() { return this.items.all(); }
  @UseGuards(...getGuards()) @Post('spread') spread() { return 1; }
  @UseGuards() @Post('empty') empty() { return this.items.clear(); }
};
` }] },
        { messageId: 'missingGate', line: 5, column: 30, endLine: 5, endColumn: 45, data: { route: 'POST /odd/spread', framework: 'nest' }, suggestions: [{ messageId: 'markPublic', output: `
import { Controller, Get, Post, UseGuards } from '@nestjs/common';
export const C = @Controller('odd') class {
  @Get() ['computed']() { return this.items.all(); }
  // agent-guard: public-route TODO: say why anyone may call this
  @UseGuards(...getGuards()) @Post('spread') spread() { return 1; }
  @UseGuards() @Post('empty') empty() { return this.items.clear(); }
};
` }] },
        { messageId: 'missingGate', line: 6, column: 16, endLine: 6, endColumn: 30, data: { route: 'POST /odd/empty', framework: 'nest' }, suggestions: [{ messageId: 'markPublic', output: `
import { Controller, Get, Post, UseGuards } from '@nestjs/common';
export const C = @Controller('odd') class {
  @Get() ['computed']() { return this.items.all(); }
  @UseGuards(...getGuards()) @Post('spread') spread() { return 1; }
  // agent-guard: public-route TODO: say why anyone may call this
  @UseGuards() @Post('empty') empty() { return this.items.clear(); }
};
` }] },
      ],
    },
  ],
});
