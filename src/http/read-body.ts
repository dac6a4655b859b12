// Reading a GraphQL-over-HTTP POST body: UTF-8 JSON (the spec's one required encoding; any
// other charset is refused with 415 rather than guessed), at most 1 MiB after
// decompression (so a gzip bomb stops at the limit), a top-level object only (strict).
// Every refusal is passed on to error-envelope.ts, which answers it.
import type { RequestHandler } from 'express';
import express from 'express';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Refuses a declared charset other than UTF-8 (body-parser would decode UTF-16/32 too). */
const utf8Only: RequestHandler = (req, _res, next) => {
  const type = req.get('content-type');
  const charset = type ? /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(type)?.[1] : undefined;
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) {
    next(Object.assign(new Error('unsupported charset'), { type: 'charset.unsupported', charset, status: 415 }));
    return;
  }
  next();
};

export function readGraphQLBody(): RequestHandler[] {
  return [utf8Only, express.json({ limit: MAX_BODY_BYTES, strict: true })];
}
