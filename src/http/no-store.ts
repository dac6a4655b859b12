// Answers on /graphql hold cluster state and audit data that no cache (a browser's, a
// proxy's) should keep: every one of them, errors included, says `Cache-Control: no-store`.
import type { RequestHandler } from 'express';

export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('cache-control', 'no-store');
  next();
};
