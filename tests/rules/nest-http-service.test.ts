import ssrfRule from '../../src/rules/no-ssrf';
import timeoutRule from '../../src/rules/fetch-requires-timeout';
import { createRuleTester } from '../rule-tester';

/**
 * NestJS's `HttpService` of `@nestjs/axios`, injected into a class (`constructor(private readonly
 * http: HttpService)`), is an axios instance: `this.http.post(url, data)` is a request for
 * `no-ssrf`, and for `fetch-requires-timeout` it has the timeout of the project's
 * `HttpModule.register({ timeout })` (here in the same file; `timeout: 0` switches it off). A class
 * of the project that happens to be called `HttpService` is no client.
 */
const ruleTester = createRuleTester();

/** A service with an injected HttpService requesting a constant URL, and a module that registers a timeout. */
const ratesModule = `import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RatesService {
  constructor(private readonly http: HttpService) {}

  async rates(): Promise<unknown> {
    const response = await firstValueFrom(this.http.get('https://api.example.com/rates'));
    return response.data;
  }
}

// The module gives every request of the injected HttpService a timeout.
@Module({
  imports: [HttpModule.register({ timeout: 5000 })],
  providers: [RatesService],
})
export class RatesModule {}
`;

/** A class of the project named HttpService: no client. */
const projectHttpService = `import { Controller, Get, Query } from '@nestjs/common';

// A class of the project that happens to be called HttpService: not @nestjs/axios.
class HttpService {
  get(path: string): string {
    return \`cached:\${path}\`;
  }
}

@Controller('cache')
export class CacheController {
  constructor(private readonly http: HttpService) {}

  @Get()
  read(@Query('path') path: string) {
    return this.http.get(path);
  }
}
`;

/** A service posting to the URL its controller passes from the body, and a controller requesting a host from the query. */
const relay = `import { HttpService } from '@nestjs/axios';
import { Body, Controller, Injectable, Post, Query, Get } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RelayService {
  constructor(private readonly http: HttpService) {}

  async relay(targetUrl: string, payload: unknown) {
    const response = await firstValueFrom(this.http.post(targetUrl, payload));
    return response.data;
  }
}

@Controller('relay')
export class RelayController {
  constructor(private readonly http: HttpService, private readonly relays: RelayService) {}

  @Post()
  send(@Body() body: { url: string; payload: unknown }) {
    return this.relays.relay(body.url, body.payload);
  }

  @Get('status')
  async status(@Query('host') host: string) {
    const response = await firstValueFrom(this.http.get(\`https://\${host}/status\`, { timeout: 5000 }));
    return response.status;
  }
}
`;

ruleTester.run("no-ssrf (NestJS HttpService)", ssrfRule, {
  valid: [
    // A constant URL.
    { code: ratesModule },
    // A class of the project named HttpService.
    { code: projectHttpService },
  ],
  invalid: [
    {
      // A service posting to the URL its controller passes from the body, and a host from the query.
      code: relay,
      errors: [
  { messageId: 'requestControlledHost', line: 10, column: 58, endLine: 10, endColumn: 67, suggestions: [] },
  { messageId: 'requestControlledHost', line: 26, column: 57, endLine: 26, endColumn: 81, suggestions: [] },
      ],
    },
  ],
});

ruleTester.run("fetch-requires-timeout (NestJS HttpService)", timeoutRule, {
  valid: [
    // HttpModule.register({ timeout: 5000 }) in the module.
    { code: ratesModule },
    // A class of the project named HttpService.
    { code: projectHttpService },
  ],
  invalid: [
    {
      // No HttpModule registration with a timeout: the call without one is reported, the one with `{ timeout: 5000 }` is not.
      code: relay,
      errors: [
  { messageId: 'missingTimeout', line: 10, column: 43, endLine: 10, endColumn: 77, suggestions: [{ messageId: 'addTimeoutOption', output: `import { HttpService } from '@nestjs/axios';
import { Body, Controller, Injectable, Post, Query, Get } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RelayService {
  constructor(private readonly http: HttpService) {}

  async relay(targetUrl: string, payload: unknown) {
    const response = await firstValueFrom(this.http.post(targetUrl, payload, { timeout: 10000 }));
    return response.data;
  }
}

@Controller('relay')
export class RelayController {
  constructor(private readonly http: HttpService, private readonly relays: RelayService) {}

  @Post()
  send(@Body() body: { url: string; payload: unknown }) {
    return this.relays.relay(body.url, body.payload);
  }

  @Get('status')
  async status(@Query('host') host: string) {
    const response = await firstValueFrom(this.http.get(\`https://\${host}/status\`, { timeout: 5000 }));
    return response.status;
  }
}
` }] },
      ],
    },
    {
      // `timeout: 0` in the registration switches the timeout off.
      code: `import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RatesService {
  constructor(private readonly http: HttpService) {}

  async rates(): Promise<unknown> {
    const response = await firstValueFrom(this.http.get('https://api.example.com/rates'));
    return response.data;
  }
}

// \`timeout: 0\` switches axios's timeout off.
@Module({
  imports: [HttpModule.register({ timeout: 0 })],
  providers: [RatesService],
})
export class RatesModule {}
`,
      errors: [
  { messageId: 'missingTimeout', line: 10, column: 43, endLine: 10, endColumn: 89, suggestions: [{ messageId: 'addTimeoutOption', output: `import { HttpModule, HttpService } from '@nestjs/axios';
import { Injectable, Module } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RatesService {
  constructor(private readonly http: HttpService) {}

  async rates(): Promise<unknown> {
    const response = await firstValueFrom(this.http.get('https://api.example.com/rates', { timeout: 10000 }));
    return response.data;
  }
}

// \`timeout: 0\` switches axios's timeout off.
@Module({
  imports: [HttpModule.register({ timeout: 0 })],
  providers: [RatesService],
})
export class RatesModule {}
` }] },
      ],
    },
  ],
});
