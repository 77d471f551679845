// One error handler: typed errors and validation failures become RFC 9457 problem details;
// anything unexpected is logged in full and answered with a 500 that reveals nothing.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, TooManyRequestsError, type ProblemField } from '../services/errors.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  detail: string,
  code?: string,
  errors?: ProblemField[],
): FastifyReply {
  return reply
    .status(status)
    .type('application/problem+json')
    .send({
      type: code ? `urn:coreshare:problem:${code}` : 'about:blank',
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      instance: request.url.slice(0, 500),
      ...(code && { code }),
      ...(errors && errors.length > 0 && { errors }),
    });
}

export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error instanceof TooManyRequestsError)
        void reply.header('retry-after', String(error.retryAfterSeconds));
      return sendProblem(reply, request, error.status, error.message, error.code, error.problems);
    }
    if (error.validation) {
      const errors = error.validation.map((v) => ({
        field: `${error.validationContext ?? 'request'}${v.instancePath || ''}${
          'missingProperty' in v.params ? `/${String(v.params.missingProperty)}` : ''
        }`,
        message: v.message ?? 'invalid',
      }));
      return sendProblem(
        reply,
        request,
        400,
        `invalid ${error.validationContext ?? 'request'}: ${error.message}`,
        'invalid_input',
        errors,
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(
        reply,
        request,
        500,
        'The server could not complete the request; it has been logged.',
        'internal',
      );
    }
    return sendProblem(reply, request, status, error.message, error.code?.toLowerCase());
  });
}
