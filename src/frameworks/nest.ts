import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';

import { isFunctionLike } from '../analysis/functions';
import { CALL, iterateModuleReferences } from '../analysis/modules';
import type { TraceMap } from '../analysis/modules';
import { NODE_FRAMEWORK_REQUEST } from './shapes';
import type { AdapterContext, FrameworkAdapter, HandlerBinding, ParamRole } from './types';

/** Parameter decorators whose parameter receives client data. */
const INPUT_DECORATORS = ['Body', 'Query', 'Param', 'Headers', 'UploadedFile', 'UploadedFiles', 'Ip', 'HostParam'];
/** Parameter decorators that inject the whole (Express or Fastify) request. */
const REQUEST_DECORATORS = ['Req', 'Request'];

const DECORATORS: Record<string, TraceMap<string>> = {
  '@nestjs/common': Object.fromEntries([...INPUT_DECORATORS, ...REQUEST_DECORATORS].map((d) => [d, { [CALL]: d }])),
};

/** NestJS controller methods: parameters decorated `@Param()`, `@Query()`, `@Body()`, `@Headers()`, `@Req()`… */
export const nest: FrameworkAdapter = {
  name: 'nest',
  responses: {
    names: [],
    responseFactories: ['getResponse'],
    calls: [
      { module: '@nestjs/common', path: ['HttpException'], construct: true, payload: [0], statusArg: 1 },
      ...Object.entries({
        BadRequestException: 400, UnauthorizedException: 401, ForbiddenException: 403, NotFoundException: 404,
        MethodNotAllowedException: 405, NotAcceptableException: 406, RequestTimeoutException: 408, ConflictException: 409,
        GoneException: 410, PreconditionFailedException: 412, PayloadTooLargeException: 413, UnsupportedMediaTypeException: 415,
        ImATeapotException: 418, MisdirectedException: 421, UnprocessableEntityException: 422, InternalServerErrorException: 500,
        NotImplementedException: 501, BadGatewayException: 502, ServiceUnavailableException: 503, GatewayTimeoutException: 504,
        HttpVersionNotSupportedException: 505,
      }).map(([name, status]) => ({ module: '@nestjs/common', path: [name], construct: true, payload: [0, 1], ignoreProperties: ['cause'], fixedStatus: status })),
    ],
    errorHandlers: [{ kind: 'method', decorator: 'Catch', method: 'catch', errorParam: 0 }],
  },
  *findHandlers(context: AdapterContext): Generator<HandlerBinding> {
    for (const ref of iterateModuleReferences(context, DECORATORS)) {
      const call = ref.node as TSESTree.CallExpression;
      const decorator = call.parent;
      if (decorator?.type !== AST_NODE_TYPES.Decorator) {
        continue;
      }
      const param = decorator.parent;
      const fn = param?.parent;
      if (!param || !isFunctionLike(fn)) {
        continue;
      }
      const index = (fn.params as TSESTree.Node[]).indexOf(param);
      if (index < 0) {
        continue;
      }
      const name = ref.path.at(-1)!;
      const role: ParamRole = REQUEST_DECORATORS.includes(name)
        ? { kind: 'request', shape: NODE_FRAMEWORK_REQUEST }
        : { kind: 'input', description: context.sourceCode.getText(decorator) };
      const params: (ParamRole | undefined)[] = [];
      params[index] = role;
      yield { framework: 'nest', fn, params, registration: decorator };
    }
  },
};
