import { express } from './express';
import { fastify } from './fastify';
import { generic } from './generic';
import { h3 } from './h3';
import { hono } from './hono';
import { koa } from './koa';
import { nest } from './nest';
import { next } from './next';
import { nodeHttp } from './node-http';
import { remix } from './remix';
import { sveltekit } from './sveltekit';
import { trpc } from './trpc';
import type { FrameworkAdapter } from './types';

/**
 * Every framework the plugin knows, most specific first: a function found by an
 * import-traced adapter is never re-judged by the name-based `generic` fallback.
 * Adding a framework = one file in this folder + one entry here + its tests.
 */
export const FRAMEWORK_ADAPTERS: readonly FrameworkAdapter[] = [express, fastify, koa, hono, next, remix, sveltekit, h3, nest, trpc, nodeHttp, generic];
