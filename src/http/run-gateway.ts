// The gateway process: read config, open and migrate the audit database, write what the
// audit spool kept and reconcile abandoned intents, build the app, listen, stop gracefully
// on SIGTERM/SIGINT. `npm start` (src/main.ts) calls it with the environment; tests that
// need a real process call it from their own entry point with test-only options.
import pino from 'pino';
import { startAuditLog } from '../audit/audit-log.ts';
import { assertDurable, openMigratedDatabase } from '../audit/open-database.ts';
import { PGLITE_LOCK_STALE_MS } from '../db/pglite-lock.ts';
import { createApiTokenVerifier, listenForRevocations, TOKEN_CACHE_MS } from '../auth/tokens/index.ts';
import { backgroundLeadership } from './background-jobs.ts';
import { ConfigError, loadConfig } from '../config/config.ts';
import { EngineRegistry } from '../docker/registry.ts';
import { PrismaRolloutStore } from '../rollouts/prisma-rollout-store.ts';
import { createRollouts } from '../rollouts/rollout-service.ts';
import { keepServingOnUnhandledRejection } from './unhandled-rejections.ts';
import { createGateway } from './app.ts';

export interface RunGatewayOptions {
  /** Where the configuration is read from (GATEWAY_CONFIG and the variables in src/config). */
  env: NodeJS.ProcessEnv;
  /**
   * TEST-ONLY: operations that hang between their engine call and their audit outcome, so a
   * test can kill the process in that window. Only test entry points pass it.
   */
  testPauseAfterEngine?: readonly string[] | undefined;
}

/** Starts the gateway and returns once it listens; the process exits on a bad configuration (2) or a signal. */
export async function runGateway(options: RunGatewayOptions): Promise<void> {
  let config;
  try {
    config = loadConfig(options.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`swarm-gateway: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization'] });
  keepServingOnUnhandledRejection(logger);
  // A PostgreSQL still starting (a stack's `db` service) is waited for, within database.startupWaitSeconds.
  const database = await openMigratedDatabase(config.database, logger, {
    waitForLockMs: PGLITE_LOCK_STALE_MS + 5_000,
    waitForDatabaseMs: config.database.startupWaitSeconds * 1000,
  });
  // The audit promise needs a database that keeps what it acknowledged: warn, or refuse in production.
  await assertDurable(database, logger, { production: config.production });
  const pauseAfterEngine = options.testPauseAfterEngine;
  if (pauseAfterEngine?.length) logger.warn({ operations: pauseAfterEngine }, 'a TEST-ONLY hook hangs these operations before their audit outcome');
  const registry = new EngineRegistry(config);
  // Several gateway processes may share a PostgreSQL: one runs each background job, and a
  // revocation through any of them (or the CLI) reaches the others' token caches.
  const leadership = backgroundLeadership(database, logger);
  const revocations = database.kind === 'postgres' && database.url ? listenForRevocations(database.url, logger, { cacheMs: config.auth.tokenCacheMs ?? TOKEN_CACHE_MS }) : null;
  await revocations?.ready;
  const auditLog = await startAuditLog({
    leads: () => leadership.leads('audit-maintenance'),
    database,
    registry,
    settings: config.audit,
    dataDir: config.database.dataDir,
    logger,
    testPauseAfterEngine: pauseAfterEngine,
  });
  // Rollouts live in the database, so a restarted gateway (or another process) concludes the ones it finds open.
  const rollouts = createRollouts({ store: new PrismaRolloutStore(database), registry, logger, pollMs: config.rollouts.pollMs });
  const gateway = await createGateway(config, {
    logger,
    registry,
    database,
    rollouts,
    leadership,
    audit: auditLog.writer,
    apiTokens: createApiTokenVerifier(database, {
      maxTokenDays: config.auth.maxTokenDays,
      cacheMs: config.auth.tokenCacheMs,
      onTouchError: (err, tokenId) => logger.warn({ err, tokenId }, "an API token's last use could not be recorded"),
    }),
  });
  // Every rollout a stopped or killed gateway left open is tracked again (to its conclusion).
  await rollouts.resume();
  // Handlers before listening: a client may signal as soon as it sees the listening line.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    const force = setTimeout(() => {
      logger.error('requests did not finish within 25 s; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    gateway
      .stop()
      // gateway.stop() stopped the trackers already; this also waits for conclusion listeners still running.
      .then(() => rollouts.stop())
      .then(() => auditLog.stop())
      .then(() => Promise.all([leadership.stop(), revocations?.stop()]))
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'error while stopping');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  await new Promise<void>((resolve, reject) => {
    gateway.httpServer.once('error', reject);
    gateway.httpServer.listen(config.http.port, config.http.host, resolve);
  });
  const address = gateway.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  logger.info({ port, clusters: gateway.registry.clusterNames(), production: config.production }, `swarm gateway listening on http://${config.http.host}:${port}/graphql`);
}

/** The entry points' last word on a start-up failure. */
export function exitOnStartFailure(err: unknown): never {
  process.stderr.write(`swarm-gateway: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
