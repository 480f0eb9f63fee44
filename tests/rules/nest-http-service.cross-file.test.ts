import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import ssrfRule from '../../src/rules/no-ssrf';
import timeoutRule from '../../src/rules/fetch-requires-timeout';
import { createRuleTester } from '../rule-tester';

/*
 * A NestJS service with an injected `HttpService` (`src/relay.service.ts` of the fixture projects
 * tests/fixtures/cross-file/nest-http and nest-http-default). The module file of nest-http registers
 * `HttpModule.register({ timeout: 5000 })`, which every request of the service gets; nest-http-default
 * imports `HttpModule` as it is (axios's default: no timeout). Its controller hands the service a
 * URL from the body: the service's method is followed as an HTTP wrapper is.
 */
const service = (project: string): string => fileURLToPath(new URL(`../fixtures/cross-file/${project}/src/relay.service.ts`, import.meta.url));
const controller = (project: string): string => fileURLToPath(new URL(`../fixtures/cross-file/${project}/src/relay.controller.ts`, import.meta.url));
const ruleTester = createRuleTester();

/** The service as it is in both fixture projects (read from nest-http). */
const relayService = readFileSync(service('nest-http'), 'utf8');

ruleTester.run("fetch-requires-timeout (HttpModule registered in another file)", timeoutRule, {
  valid: [
    // The module registers a timeout.
    { filename: service('nest-http'), code: relayService },
  ],
  invalid: [
    {
      // A plain HttpModule import: no timeout.
      filename: service('nest-http-default'),
      code: relayService,
      errors: [
  { messageId: 'missingTimeout', line: 11, column: 43, endLine: 11, endColumn: 77, suggestions: [{ messageId: 'addTimeoutOption', output: `import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RelayService {
  constructor(private readonly http: HttpService) {}

  // Posts the payload to whatever URL it is given.
  async relay(targetUrl: string, payload: unknown): Promise<unknown> {
    const response = await firstValueFrom(this.http.post(targetUrl, payload, { timeout: 10000 }));
    return response.data;
  }

  async rates(): Promise<unknown> {
    const response = await firstValueFrom(this.http.get('https://api.example.com/rates'));
    return response.data;
  }
}
` }] },
  { messageId: 'missingTimeout', line: 16, column: 43, endLine: 16, endColumn: 89, suggestions: [{ messageId: 'addTimeoutOption', output: `import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class RelayService {
  constructor(private readonly http: HttpService) {}

  // Posts the payload to whatever URL it is given.
  async relay(targetUrl: string, payload: unknown): Promise<unknown> {
    const response = await firstValueFrom(this.http.post(targetUrl, payload));
    return response.data;
  }

  async rates(): Promise<unknown> {
    const response = await firstValueFrom(this.http.get('https://api.example.com/rates', { timeout: 10000 }));
    return response.data;
  }
}
` }] },
      ],
    },
  ],
});

ruleTester.run("no-ssrf (HttpService in a service of another file)", ssrfRule, {
  valid: [
  ],
  invalid: [
    {
      // The body's URL handed to the service that posts to it.
      filename: controller('nest-http'),
      code: `import { Body, Controller, Post } from '@nestjs/common';

import { RelayService } from './relay.service';

@Controller('relay')
export class RelayController {
  constructor(private readonly relays: RelayService) {}

  @Post()
  send(@Body() body: { url: string; payload: unknown }) {
    return this.relays.relay(body.url, body.payload);
  }
}
`,
      errors: [
  { messageId: 'wrapperControlledHost', line: 11, column: 30, endLine: 11, endColumn: 38, suggestions: [] },
      ],
    },
  ],
});
