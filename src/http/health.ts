// Liveness and readiness. /healthz only says the process serves HTTP; /readyz says every
// configured cluster has a manager endpoint that answers as a swarm manager, and how many
// audit records wait in the local spool for the database (`auditSpoolDepth`: the gateway
// still serves while it drains, so it does not decide readiness).
import type { Request, Response, Router } from 'express';
import express from 'express';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { EngineRegistry } from '../docker/registry.ts';

export function healthRoutes(registry: EngineRegistry, audit?: Pick<AuditWriter, 'spoolDepth'>): Router {
  const router = express.Router();
  router.get('/healthz', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req: Request, res: Response) => {
    const names = registry.clusterNames();
    const results = await Promise.all(names.map((name) => registry.cluster(name).ready()));
    const clusters = Object.fromEntries(names.map((name, i) => [name, results[i] ? 'ready' : 'unavailable']));
    const ready = results.every(Boolean);
    const spool = audit?.spoolDepth !== undefined ? { auditSpoolDepth: audit.spoolDepth } : {};
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', clusters, ...spool });
  });
  return router;
}
