// Liveness and readiness. /healthz only says the process serves HTTP; /readyz says every
// configured cluster has a manager endpoint that answers as a swarm manager.
import type { Request, Response, Router } from 'express';
import express from 'express';
import type { EngineRegistry } from '../docker/registry.ts';

export function healthRoutes(registry: EngineRegistry): Router {
  const router = express.Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    const names = registry.clusterNames();
    const results = await Promise.all(names.map((name) => registry.cluster(name).ready()));
    const clusters = Object.fromEntries(names.map((name, i) => [name, results[i] ? 'ready' : 'unavailable']));
    const ready = results.every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', clusters });
  });
  return router;
}
