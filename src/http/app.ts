// Builds the gateway: Express 5 with Apollo Server 5 at /graphql (GET and POST, the
// GraphQL-over-HTTP way), health routes, and the per-request context.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Logger } from 'pino';
import { logAuditWriter, type AuditWriter } from '../audit/audit-writer.ts';
import { secretNamePatterns } from '../audit/redact.ts';
import { createAuthenticator, type Authenticator, type CredentialVerifier } from '../auth/authenticate.ts';
import { createOidcVerifier } from '../auth/oidc.ts';
import type { Principal } from '../auth/principal.ts';
import type { GatewayConfig } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import type { EngineRegistry } from '../docker/registry.ts';
import { createContext, type GatewayContext } from '../graphql/context.ts';
import { memoryRolloutStore } from '../rollouts/memory-rollout-store.ts';
import { PrismaRolloutStore } from '../rollouts/prisma-rollout-store.ts';
import { createRollouts } from '../rollouts/rollout-service.ts';
import type { Rollouts } from '../rollouts/rollouts.ts';
import { Webhooks } from '../webhooks/webhooks.ts';
import { asksForFreshReads } from './fresh-reads.ts';
import { noStore } from './no-store.ts';
import { guardRootFields } from '../graphql/access/guard-root-fields.ts';
import { resolvers } from '../graphql/resolvers.ts';
import { auditExportRoutes } from './audit-export.ts';
import { consoleRoutes } from './console/console-routes.ts';
import { authenticateRequests } from './authenticate-request.ts';
import { errorEnvelope, negotiatedContentType, routeNotFound } from './error-envelope.ts';
import { formatError } from './format-error.ts';
import { healthRoutes } from './health.ts';
import { limitPlugins, principalRateLimit, sharedRatePool } from './limits/index.ts';
import { BACKGROUND_JOBS } from './background-jobs.ts';
import { soleLeadership, type Leadership } from '../db/leadership.ts';
import { logRequestErrors } from './log-errors.ts';
import { readGraphQLBody } from './read-body.ts';
import { resumeRolloutsWhileLeading } from './rollout-resumption.ts';
import { operationRunner } from './execute-as.ts';
import { triggerRoutes } from './triggers.ts';
import { graphqlOverHttpStatusCodes } from './status-codes-plugin.ts';
import { refuseSubscriptionsOverHttp } from './subscriptions-over-http.ts';
import { WsSessions } from './ws-sessions.ts';
import { serveGraphqlWs } from './ws-server.ts';
import { CredentialRechecks } from './credential-rechecks.ts';
import { OpenSubscriptions } from './limits/open-subscriptions.ts';
import { SSE_PATH, sseRoute } from './sse/sse-route.ts';
import { GatewayMetrics } from './metrics/gateway-metrics.ts';
import { measuredAuditWriter } from './metrics/measured-audit-writer.ts';
import { metricsRoute } from './metrics/metrics-route.ts';
import { graphqlRequestMetrics } from './metrics/request-metrics.ts';
import { traceEngineCalls } from './tracing/engine-call-spans.ts';
import { createTracing, type GatewayTracing } from './tracing/gateway-tracing.ts';
import { traceIdOf, traceRequests } from './tracing/request-span.ts';
import { tracedAuditWriter } from './tracing/traced-audit-writer.ts';

const SCHEMA_PATH = new URL('../../schema.graphql', import.meta.url);
const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export interface GatewayOptions {
  logger: Logger;
  /** The clusters' and engines' clients: one per process, shared with the audit log, so there is one failover state. */
  registry: EngineRegistry;
  /** The audit log's database (reads of the log); the writer comes in `audit`. */
  database?: Database;
  audit?: AuditWriter;
  /** Verifies API tokens (`sgw_...`); without one (no database) only OIDC tokens work. */
  apiTokens?: CredentialVerifier | null;
  /** How often open subscriptions' credentials are verified again (default 30 s). */
  credentialRecheckMs?: number;
  /** Which background jobs this process runs (src/http/background-jobs.ts); default: all of them. */
  leadership?: Leadership;
  /** The rollout trackers; default: rollouts kept in `database` (resumed here), in memory without one. */
  rollouts?: Rollouts;
  /** The tracer (tests: one with an in-memory exporter); default: the one `config.tracing` asks for, shut down at stop. */
  tracing?: GatewayTracing;
}

export interface Gateway {
  app: express.Express;
  httpServer: http.Server;
  registry: EngineRegistry;
  /** Stops accepting requests, finishes the ones in flight, closes the server. */
  stop(): Promise<void>;
}

export async function createGateway(config: GatewayConfig, options: GatewayOptions): Promise<Gateway> {
  const { logger, registry } = options;
  const leadership = options.leadership ?? soleLeadership(Object.keys(BACKGROUND_JOBS));
  const unmeasuredAudit = options.audit ?? logAuditWriter(logger);
  // Subscriptions open over graphql-ws and server-sent events: the per-principal cap and the gauge.
  const openSubscriptions = new OpenSubscriptions(config.limits.maxSubscriptionsPerPrincipal);
  const metrics = new GatewayMetrics({
    auditSpoolDepth: () => unmeasuredAudit.spoolDepth,
    openSubscriptions: () => openSubscriptions.total,
    backgroundLeader: () => leadership.states(),
  });
  const stopCountingEngineCalls = registry.engineCalls.add((call) => metrics.engineCall(call));
  const tracing = options.tracing ?? createTracing(config.tracing);
  const stopTracingEngineCalls = traceEngineCalls(registry.engineCalls, tracing);
  const audit = tracedAuditWriter(measuredAuditWriter(unmeasuredAudit, metrics), tracing);
  const requestMetrics = graphqlRequestMetrics<GatewayContext>(metrics);
  const authenticator: Authenticator = createAuthenticator({
    apiTokens: options.apiTokens ?? null,
    oidc: config.auth.oidc ? createOidcVerifier(config.auth.oidc) : null,
    anonymousGrants: config.auth.anonymousGrants,
  });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const httpServer = http.createServer(app);

  // Every root field is checked against the permission table before its resolver runs.
  const schema = guardRootFields(makeExecutableSchema({ typeDefs: readFileSync(SCHEMA_PATH, 'utf8'), resolvers: resolvers as never }));
  // Outgoing webhooks: rollout conclusions and removals become stored deliveries, which its worker sends (none without a database).
  const webhooks = new Webhooks({ database: options.database ?? null, audit, settings: config.webhooks, logger, leads: () => leadership.leads('webhook-delivery') });
  leadership.onGained((job) => {
    if (job === 'webhook-delivery') webhooks.kick();
  });
  const contextDeps = {
    registry, audit, logger, database: options.database ?? null, guardrails: config.guardrails, auth: config.auth,
    secretNamePatterns: secretNamePatterns(config.audit.secretEnvNamePatterns),
    rollouts: options.rollouts ?? createRollouts({ store: options.database ? new PrismaRolloutStore(options.database) : memoryRolloutStore(), registry, logger, pollMs: config.rollouts.pollMs }),
    webhooks,
  };
  webhooks.followRollouts(contextDeps.rollouts);
  contextDeps.rollouts.onConcluded((rollout) => metrics.rolloutConcluded(rollout.conclusion ?? 'UNKNOWN'));
  // Rollouts this gateway keeps itself in a database: those left open (by a previous gateway,
  // or a replica) are tracked again by the one process leading rollout-tracking.
  const resumption = !options.rollouts && options.database ? await resumeRolloutsWhileLeading(contextDeps.rollouts, leadership, logger) : null;
  webhooks.start();
  // Request limits, before anything runs: depth, aliases, cost and page sizes; a rate per principal.
  const limits = limitPlugins<GatewayContext>(config.limits, { production: config.production });
  // On PostgreSQL every process on it counts on one budget (rate-limit.ts).
  const ratePool = await sharedRatePool(options.database, logger);
  const rateLimiter = principalRateLimit(config.limits, undefined, ratePool && { pool: ratePool, budget: 'requests' }, logger);
  const authFailures = principalRateLimit(
    { rateLimitRequests: config.limits.authFailuresPerAddress, rateLimitWindowSeconds: config.limits.rateLimitWindowSeconds },
    `at most ${config.limits.authFailuresPerAddress} refused credentials per ${config.limits.rateLimitWindowSeconds} s from one address (limits.authFailuresPerAddress)`,
    ratePool && { pool: ratePool, budget: 'auth-failures' },
  );

  const rechecks = new CredentialRechecks({ authenticator, audit, logger, failures: authFailures, recheckMs: options.credentialRecheckMs ?? 30_000 });
  const wsSessions = new WsSessions({ authenticator, audit, logger, failures: authFailures, rechecks });

  // Subscriptions (and any operation) over graphql-ws on the same path as queries.
  const wsCleanup = serveGraphqlWs({
    httpServer, schema, limits: config.limits, production: config.production, contextDeps, sessions: wsSessions,
    rateLimiter, subscriptions: openSubscriptions, tracing, logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    schema,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    // Credentials travel in the Authorization header, never in cookies, so a cross-site
    // request carries none; GET must work for plain GraphQL-over-HTTP clients.
    csrfPrevention: false,
    allowBatchedHttpRequests: false,
    // No automatic persisted queries: such a request is PERSISTED_QUERY_NOT_SUPPORTED (format-error.ts).
    persistedQueries: false,
    // main.ts owns SIGTERM/SIGINT (it closes the audit database after the server). Apollo's
    // own handler would race it: its stop() never releases a second, concurrent stop().
    stopOnTerminationSignals: false,
    formatError,
    validationRules: limits.validationRules,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ...limits.plugins,
      logRequestErrors(logger),
      requestMetrics.plugin,
      graphqlOverHttpStatusCodes(),
      refuseSubscriptionsOverHttp(),
      // No Apollo landing page or Sandbox (loaded from a CDN, with telemetry): a browser's
      // GET /graphql gets the gateway's own console (console/console-routes.ts) before Apollo.
      ApolloServerPluginLandingPageDisabled(),
      // No per-field cache hints: every answer is `Cache-Control: no-store` (set below), and
      // Apollo's cache-control plugin would wrap every field resolver to compute them.
      ApolloServerPluginCacheControlDisabled(),
      { serverWillStart: async () => ({ drainServer: async () => { await wsCleanup.dispose(); } }) },
    ],
    logger: { debug: () => {}, info: () => {}, warn: (m) => logger.warn(String(m)), error: (m) => logger.error(String(m)) },
  });
  await apollo.start();

  app.use((req, res, next) => {
    const given = req.get('x-request-id');
    const id = given && REQUEST_ID.test(given) ? given : randomUUID();
    res.locals.requestId = id;
    res.setHeader('x-request-id', id);
    next();
  });
  app.use(healthRoutes(registry, audit));
  // A span per request on the routes that do something (not health checks or scrapes).
  app.use(['/graphql', '/audit', '/triggers'], traceRequests(tracing, [SSE_PATH]));
  if (config.metrics.enabled) app.use(metricsRoute(metrics, config.metrics));
  // Before /graphql's own stack: the console's page needs no token (it holds no data).
  app.use(consoleRoutes());
  const authenticate = authenticateRequests({ authenticator, audit, failures: authFailures, logger });
  app.use('/audit', negotiatedContentType, authenticate, auditExportRoutes({ database: contextDeps.database, logger, audit }));
  // Subscriptions over server-sent events; mounted first, since '/graphql' below would match its path too.
  const sse = sseRoute({
    schema, limits: config.limits, production: config.production, contextDeps, subscriptions: openSubscriptions, rechecks, logger,
    authenticate, rateLimit: rateLimiter.middleware,
  });
  app.use(SSE_PATH, noStore, negotiatedContentType, ...sse.handlers);
  app.use(
    '/graphql',
    requestMetrics.middleware,
    noStore,
    negotiatedContentType,
    ...readGraphQLBody(),
    authenticate,
    rateLimiter.middleware,
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        requestMetrics.attach(
          createContext(contextDeps, {
            requestId: String(res.locals.requestId),
            traceId: traceIdOf(res),
            principal: res.locals.principal as Principal,
            userAgent: req.get('user-agent'),
            freshReads: asksForFreshReads(req.get('cache-control')),
          }),
          res,
        ),
    }),
  );
  // Redeploy triggers authenticate with their own secret, then run as their creator through `apollo`.
  app.use(
    '/triggers',
    noStore,
    negotiatedContentType,
    triggerRoutes({
      database: contextDeps.database, audit, logger, failures: authFailures, requests: rateLimiter,
      maxTokenDays: config.auth.maxTokenDays, run: operationRunner(apollo, contextDeps),
    }),
  );
  app.use(routeNotFound);
  app.use(errorEnvelope(logger));

  return {
    app,
    httpServer,
    registry,
    async stop() {
      // First: a request held by `wait` answers with its rollout as it stands, instead of holding the shutdown.
      contextDeps.rollouts.endWaits();
      registry.stopWatching();
      rechecks.stop();
      // Open event streams would hold the HTTP server's drain until its timeout.
      sse.endAll();
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      // After the requests: a mutation in flight may still start a rollout. Their rows stay unconcluded for the next start.
      resumption?.stop();
      await contextDeps.rollouts.stop();
      // Last: the rollouts' conclusion listeners may have queued deliveries; attempts in flight finish (each within webhooks.timeoutMs).
      await webhooks.stop();
      await ratePool?.end().catch(() => undefined);
      stopCountingEngineCalls();
      stopTracingEngineCalls();
      // Last of all: the spans of the requests that just finished are exported.
      if (!options.tracing) await tracing.shutdown();
    },
  };
}
