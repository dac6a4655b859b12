// GET /metrics in Prometheus' text format. Open by default (it holds counts and latencies,
// no ID, name or principal: gateway-metrics.ts); with `metrics.token` (or METRICS_TOKEN) a
// scraper must send it as `Authorization: Bearer <token>`, compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { MetricsSettings } from '../../config/config.ts';
import { sendErrors } from '../error-envelope.ts';
import type { GatewayMetrics } from './gateway-metrics.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

export function metricsRoute(metrics: GatewayMetrics, settings: MetricsSettings): Router {
  const router = Router();
  const expected = settings.token ? digest(settings.token) : null;
  router.get('/metrics', async (req, res, next) => {
    try {
      if (expected) {
        const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
        if (!given || !timingSafeEqual(digest(given), expected)) {
          sendErrors(req, res, 401, { code: 'UNAUTHENTICATED', message: 'GET /metrics needs the metrics token (metrics.token) as a bearer token' }, { 'www-authenticate': 'Bearer' });
          return;
        }
      }
      const body = await metrics.registry.metrics();
      res.status(200).set('cache-control', 'no-store').set('content-type', metrics.registry.contentType).send(body);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
