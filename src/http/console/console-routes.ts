// The GraphQL console (GraphiQL, served from the gateway itself): GET /graphql answers a
// browser (a request that prefers text/html) with the console's page, without a token;
// every other request to /graphql goes on to GraphQL. The page's files are under
// /console/assets/<hash>/<name>, cached for good (their URL changes with their content);
// the page itself is never cached, so a new gateway's page points at its new files.
import express, { type Router } from 'express';
import { prefersHtml } from '../media-type.ts';
import { consoleAssets, ASSETS_PATH } from './console-assets.ts';
import { CONSOLE_CSP, consolePage } from './console-page.ts';

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

export function consoleRoutes(): Router {
  const assets = consoleAssets();
  const page = consolePage(assets);
  const router = express.Router();
  router.get('/graphql', (req, res, next) => {
    if (!prefersHtml(req.get('accept'))) {
      next();
      return;
    }
    res
      .status(200)
      .set({
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': CONSOLE_CSP,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        // The answer differs by Accept: a cache in front must not hand the page to a GraphQL client.
        vary: 'Accept',
      })
      .send(page);
  });
  router.get(`${ASSETS_PATH}/:hash/:name`, (req, res, next) => {
    const asset = assets.byUrl.get(req.path);
    if (!asset) {
      next();
      return;
    }
    res
      .status(200)
      .set({
        'content-type': asset.contentType,
        'cache-control': `public, max-age=${ONE_YEAR_SECONDS}, immutable`,
        'x-content-type-options': 'nosniff',
      })
      .send(asset.body);
  });
  return router;
}
