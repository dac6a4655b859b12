// The one error envelope of the HTTP surface: whatever failed before, around or after
// GraphQL (an unreadable body, a wrong route, authentication, a rate limit, a bug), the
// answer is `{ "errors": [{ "message", "extensions": { "code", ... } }] }` in the
// negotiated GraphQL-over-HTTP media type, never Express's HTML page or a stack trace.
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { requestLogger } from './request-logger.ts';
import type { ErrorCode } from '../errors/codes.ts';
import { envelopeContentType } from './media-type.ts';

export interface EnvelopeError {
  message: string;
  code: ErrorCode;
  /** More of `extensions` beside the code (e.g. `limit`, `max`). */
  extensions?: Record<string, unknown>;
}

/** Writes the envelope with `status` (and extra headers), in the media type the client accepts. */
export function sendErrors(req: Request, res: Response, status: number, errors: EnvelopeError | EnvelopeError[], headers: Record<string, string> = {}): void {
  const list = Array.isArray(errors) ? errors : [errors];
  // The request's result for /metrics (metrics/request-metrics.ts).
  res.locals.resultCode = list[0]?.code;
  res
    .status(status)
    .set(headers)
    .set('content-type', envelopeContentType(req.get('accept')))
    .send(JSON.stringify({ errors: list.map((e) => ({ message: e.message, extensions: { code: e.code, ...e.extensions } })) }));
}

/**
 * Sets the negotiated Content-Type before anything answers, so that a JSON answer written
 * by any later middleware (`res.json` keeps a Content-Type already set: 401, 429) is in
 * the client's GraphQL-over-HTTP media type. Apollo sets its own on what it answers.
 */
export const negotiatedContentType: RequestHandler = (req, res, next) => {
  res.set('content-type', envelopeContentType(req.get('accept')));
  next();
};

/** The answer for a route that does not exist. */
export const routeNotFound: RequestHandler = (req, res) => {
  sendErrors(req, res, 404, { code: 'NOT_FOUND', message: `no such route: ${req.method} ${req.path}; GraphQL is served at /graphql` });
};

/** What body-parser's error `type`s mean to a client: the status, and a sentence that says what to fix. */
const BODY_ERRORS: Record<string, { status: number; message: (err: BodyError) => string; extensions?: (err: BodyError) => Record<string, unknown> }> = {
  'entity.parse.failed': {
    status: 400,
    message: () => 'the request body is not a JSON object: a GraphQL-over-HTTP POST body is {"query": "...", "operationName": ..., "variables": {...}, "extensions": {...}}',
  },
  'entity.too.large': {
    status: 413,
    message: (err) => `the request body is over the limit of ${err.limit} bytes (counted after decompression)`,
    extensions: (err) => ({ limit: 'bodyBytes', max: err.limit }),
  },
  'charset.unsupported': {
    status: 415,
    message: (err) => `the request body must be UTF-8; charset "${String(err.charset).slice(0, 40)}" is not supported`,
  },
  'encoding.unsupported': {
    status: 415,
    message: (err) => `Content-Encoding "${String(err.encoding).slice(0, 40)}" is not supported; send the body as is, or gzip, deflate or br`,
  },
  'request.aborted': { status: 400, message: () => 'the request body ended before its Content-Length' },
  'request.size.invalid': { status: 400, message: () => 'the request body does not match its Content-Length' },
};

interface BodyError extends Error {
  type?: string;
  /** zlib's code (Z_DATA_ERROR...) when a compressed body does not decompress. */
  code?: string;
  expose?: boolean;
  status?: number;
  limit?: number;
  charset?: unknown;
  encoding?: unknown;
}

/** Errors body-parser passes on without a type: a body that does not decompress, another client-side read error. */
function bodyErrorWithoutType(err: BodyError): (typeof BODY_ERRORS)[string] | undefined {
  if (typeof err.code === 'string' && err.code.startsWith('Z_')) {
    return { status: 400, message: () => 'the request body is not valid data for its Content-Encoding' };
  }
  if (err.expose && typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
    const status = err.status;
    return { status, message: () => 'the request body could not be read' };
  }
  return undefined;
}

/**
 * The last error handler of the app: body-parser's refusals become BAD_REQUEST with their
 * HTTP status (logged at info: they are the client's mistakes); anything else is INTERNAL,
 * logged at error with the request ID, its detail never sent.
 */
export function errorEnvelope(logger: Logger): ErrorRequestHandler {
  return (err: BodyError, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const log = requestLogger(logger, res);
    const known = err.type ? BODY_ERRORS[err.type] : bodyErrorWithoutType(err);
    if (known) {
      const message = known.message(err);
      log.info({ code: 'BAD_REQUEST', status: known.status, reason: err.type ?? err.code }, `refused request body: ${message}`);
      sendErrors(req, res, known.status, { code: 'BAD_REQUEST', message, ...(known.extensions ? { extensions: known.extensions(err) } : {}) });
      return;
    }
    log.error({ err, path: req.path }, 'unexpected error while serving an HTTP request');
    sendErrors(req, res, 500, { code: 'INTERNAL', message: 'internal error; the gateway log has the details' });
  };
}
