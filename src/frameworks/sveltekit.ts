import { exportedFunctions, exportedObject, handlerFunctionsOf, normalizedFilename } from '../analysis/functions';
import { FETCH_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, InputShape, ParamRole } from './types';

/** SvelteKit's `RequestEvent`: `url`, `request`, `params`, `cookies.get()`. */
export const SVELTEKIT_EVENT: InputShape = {
  properties: { url: 'input', params: 'input', request: FETCH_REQUEST, cookies: { methods: { get: 'input' } } },
  methods: { getClientAddress: 'input' },
};

const SERVER_FILE = /\/\+server\.[cm]?[jt]s$/u;
const PAGE_SERVER_FILE = /\/\+(?:page|layout)\.server\.[cm]?[jt]s$/u;
const EVENT_PARAMS: readonly ParamRole[] = [{ kind: 'request', shape: SVELTEKIT_EVENT }];

/** SvelteKit endpoints (`+server.ts` method exports) and server `load`/`actions`. */
export const sveltekit: FrameworkAdapter = {
  name: 'sveltekit',
  *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
    const filename = normalizedFilename(context);
    const isEndpoint = SERVER_FILE.test(filename);
    const isPageServer = PAGE_SERVER_FILE.test(filename);
    if (!isEndpoint && !isPageServer) {
      return;
    }
    for (const [name, fn] of exportedFunctions(context)) {
      if (isEndpoint ? /^(?:GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|fallback)$/u.test(name) : name === 'load') {
        yield { framework: 'sveltekit', fn, params: EVENT_PARAMS, registration: fn };
      }
    }
    const actions = isPageServer ? exportedObject(context, 'actions') : null;
    for (const property of actions?.properties ?? []) {
      if (property.type === 'Property') {
        for (const fn of handlerFunctionsOf(context, [property.value])) {
          yield { framework: 'sveltekit', fn, params: EVENT_PARAMS, registration: property };
        }
      }
    }
  },
};
