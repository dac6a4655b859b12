// The gateway's one validated configuration object. Everything is read here once, at
// start-up; a bad value stops the process with a message naming the setting.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { authSchema, guardrailsSchema, limitsSchema } from './access-config.ts';

const endpointUrl = z
  .string()
  .regex(/^(unix:\/\/\/.+|tcp:\/\/[^/]+:\d+|https?:\/\/[^/]+:\d+)$/, {
    message: 'must be unix:///path/to/docker.sock or tcp://host:port',
  });

const tlsFiles = z
  .object({ ca: z.string().min(1), cert: z.string().min(1), key: z.string().min(1) })
  .strict();

/** One Engine API endpoint: a manager of a cluster, or a named engine. */
export const endpointSchema = z
  .object({ url: endpointUrl, tls: tlsFiles.optional() })
  .strict();

const nameSchema = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, {
  message: 'names are 1-63 letters, digits, `_`, `.`, `-`, starting with a letter or digit',
});

export const clusterSchema = z
  .object({
    name: nameSchema,
    managers: z.array(endpointSchema).min(1, { message: 'a cluster needs at least one manager endpoint' }),
  })
  .strict();

/**
 * The watched cluster state (src/docker/watch/): reads served from memory, fed by the
 * events stream and one shared task poll per cluster. Off: every request reads the engine.
 */
const watchSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** A full resync of services, nodes and networks this often, as a backstop against a missed event. */
    resyncMs: z.number().int().min(1_000).max(3_600_000).default(30_000),
    /** Tasks older than this are polled again before a read uses them: the staleness bound of tasks. */
    taskMaxAgeMs: z.number().int().min(100).max(60_000).default(1_000),
  })
  .strict();

export const engineSchema = z
  .object({ name: nameSchema, endpoint: endpointSchema, cluster: nameSchema.optional() })
  .strict();

/** A regular expression source, compiled case-insensitively. */
const patternSource = z.string().min(1).refine((source) => {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}, { message: 'must be a valid regular expression' });

/** Where the audit log lives: PostgreSQL when `url` is set, else embedded PGlite in `<dataDir>/pglite`. */
export const databaseSchema = z
  .object({
    url: z.string().regex(/^postgres(ql)?:\/\//, { message: 'must be a postgresql:// URL' }).optional(),
    /** The gateway's local state: the PGlite database and the audit spool. Created on first start. */
    dataDir: z.string().min(1).default('.data'),
    /**
     * At start, how long the gateway waits for a PostgreSQL it cannot reach yet (refused, name
     * not found, starting up, timed out) before it exits; 0: it tries once. Errors waiting cannot
     * fix (a refused password, no such database, a failed migration) stop it at once.
     */
    startupWaitSeconds: z.number().int().min(0).max(3600).default(60),
  })
  .strict();

export const auditSchema = z
  .object({
    /** The append-only file for outcomes the database could not take; default `<dataDir>/audit-spool.ndjson`. Held by one process: another spools beside it (src/audit/spool-claim.ts). */
    spoolPath: z.string().min(1).optional(),
    /** Env variable names whose values are redacted (regex sources, case-insensitive); default PASSWORD, TOKEN, SECRET, KEY, ... */
    secretEnvNamePatterns: z.array(patternSource).min(1).optional(),
    /** Keep records this many days; unset keeps everything. */
    retentionDays: z.number().int().min(1).optional(),
    /** An intent without outcome younger than this may still be in flight in another process: reconcile only older ones. */
    reconcileGraceMs: z.number().int().min(0).max(86_400_000).default(120_000),
    /** How long an audit write may take before the change is refused (AUDIT_UNAVAILABLE). */
    writeTimeoutMs: z.number().int().min(100).max(600_000).default(10_000),
    /** How often spooled outcomes are retried, and open intents looked for, while the gateway runs. */
    maintenanceIntervalMs: z.number().int().min(100).max(3_600_000).default(5_000),
  })
  .strict();

/** The server-side rollout trackers (src/rollouts). */
export const rolloutsSchema = z
  .object({
    /** How often each cluster with unconcluded rollouts is read (one GET /nodes, one GET /tasks, one inspect per tracked service). */
    pollMs: z.number().int().min(100).max(60_000).default(1_000),
  })
  .strict();

/**
 * Outgoing webhooks (src/webhooks): which hosts they may call and how deliveries are retried.
 * No host is allowed until one is listed, so no webhook can be made before an administrator
 * of the gateway decides where they may go.
 */
export const webhooksSchema = z
  .object({
    /** Exact host names or `host:port` (IPv6 in brackets): a bare host allows ports 80/443 only. */
    allowedHosts: z
      .array(z.string().regex(/^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?$/, {
        message: 'must be a host name, an IP address or host:port (IPv6 as [::1]:8080), without scheme, path or trailing dot',
      }))
      .default([]),
    /** How long one attempt may take, connection to last byte. */
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
    /** The wait after the first failed attempt; it doubles after each further one, up to 5 minutes. */
    backoffMs: z.number().int().min(10).max(300_000).default(1_000),
    /** Attempts before a delivery is given up (FAILED). */
    maxAttempts: z.number().int().min(1).max(50).default(8),
    /** How often the database is looked at for deliveries that are due. */
    pollMs: z.number().int().min(10).max(60_000).default(1_000),
  })
  .strict();

/** GET /metrics (src/http/metrics): Prometheus' text format, optionally behind its own bearer token. */
export const metricsSchema = z
  .object({
    /** Serve /metrics at all (false: the route does not exist, 404). */
    enabled: z.boolean().default(true),
    /** When set, a scraper must send it as `Authorization: Bearer <token>` (METRICS_TOKEN overrides it). */
    token: z.string().min(16, { message: 'must be at least 16 characters' }).optional(),
  })
  .strict();

/**
 * Tracing (src/http/tracing): OpenTelemetry spans of GraphQL requests and subscriptions, Engine
 * API calls and audit appends, sampled and exported over OTLP/HTTP. Off unless an endpoint is
 * set: then no span is recorded and no exporter exists.
 */
export const SAMPLE_RATIO_MESSAGE = 'must be a number from 0 to 1';

export const tracingSchema = z
  .object({
    /** The collector's OTLP/HTTP base URL (`http://collector:4318`); spans go to `<otlpEndpoint>/v1/traces`. */
    otlpEndpoint: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
    /** The `service.name` resource attribute of every span. */
    serviceName: z.string().min(1).max(255).default('swarm-gateway'),
    /** Headers sent with each export, e.g. a collector's API key. */
    headers: z.record(z.string().min(1), z.string()).default({}),
    /** The share of new traces recorded and exported (by trace ID, OpenTelemetry's TraceIdRatioBased); 1: all, 0: none. */
    sampleRatio: z.number({ error: SAMPLE_RATIO_MESSAGE }).min(0, { message: SAMPLE_RATIO_MESSAGE }).max(1, { message: SAMPLE_RATIO_MESSAGE }).default(1),
    /** A caller's `traceparent` decides for its request (its sampled flag), the ratio only for new traces. */
    parentBased: z.boolean().default(true),
  })
  .strict();

export const configSchema = z
  .object({
    clusters: z.array(clusterSchema).min(1),
    engines: z.array(engineSchema).default([]),
    defaultCluster: nameSchema.optional(),
    http: z
      .object({
        host: z.string().default('0.0.0.0'),
        port: z.number().int().min(0).max(65535).default(4000),
      })
      .strict()
      .default({ host: '0.0.0.0', port: 4000 }),
    engine: z
      .object({
        /** Per-request timeout for Engine API calls, in milliseconds. */
        timeoutMs: z.number().int().min(100).max(600_000).default(10_000),
        watch: watchSchema.prefault({}),
      })
      .strict()
      .prefault({}),
    database: databaseSchema.prefault({}),
    audit: auditSchema.default({ reconcileGraceMs: 120_000, writeTimeoutMs: 10_000, maintenanceIntervalMs: 5_000 }),
    // prefault: an absent section is parsed as {}, so its own defaults apply.
    auth: authSchema.prefault({}),
    guardrails: guardrailsSchema.prefault({}),
    limits: limitsSchema.prefault({}),
    webhooks: webhooksSchema.prefault({}),
    rollouts: rolloutsSchema.prefault({}),
    metrics: metricsSchema.prefault({}),
    tracing: tracingSchema.prefault({}),
    production: z.boolean().default(false),
    logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .strict()
  .superRefine((cfg, ctx) => {
    const names = new Set<string>();
    for (const [i, c] of cfg.clusters.entries()) {
      if (names.has(c.name)) ctx.addIssue({ code: 'custom', path: ['clusters', i, 'name'], message: `duplicate cluster "${c.name}"` });
      names.add(c.name);
    }
    if (cfg.defaultCluster && !names.has(cfg.defaultCluster)) {
      ctx.addIssue({ code: 'custom', path: ['defaultCluster'], message: `"${cfg.defaultCluster}" is not a configured cluster` });
    }
    const engines = new Set<string>();
    for (const [i, e] of cfg.engines.entries()) {
      if (engines.has(e.name)) ctx.addIssue({ code: 'custom', path: ['engines', i, 'name'], message: `duplicate engine "${e.name}"` });
      engines.add(e.name);
      if (e.cluster && !names.has(e.cluster)) {
        ctx.addIssue({ code: 'custom', path: ['engines', i, 'cluster'], message: `"${e.cluster}" is not a configured cluster` });
      }
    }
  });

export type GatewayConfig = z.infer<typeof configSchema> & { defaultCluster: string };
export type EndpointConfig = z.infer<typeof endpointSchema>;
export type ClusterConfig = z.infer<typeof clusterSchema>;
export type EngineConfig = z.infer<typeof engineSchema>;
export type DatabaseSettings = z.infer<typeof databaseSchema>;
export type AuditSettings = z.infer<typeof auditSchema>;
export type WebhookSettings = z.infer<typeof webhooksSchema>;
export type RolloutSettings = z.infer<typeof rolloutsSchema>;
export type MetricsSettings = z.infer<typeof metricsSchema>;
export type TracingSettings = z.infer<typeof tracingSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The error naming each setting that is wrong (`at` is the path of the part validated). */
function configError(issues: readonly z.core.$ZodIssue[], at: readonly PropertyKey[] = []): ConfigError {
  const lines = issues.map((i) => `  ${[...at, ...i.path].map(String).join('.') || '(root)'}: ${i.message}`);
  return new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
}

/** Validates a raw config object; the default cluster is the first one unless named. */
export function parseConfig(raw: unknown): GatewayConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw configError(result.error.issues);
  const cfg = result.data;
  return { ...cfg, defaultCluster: cfg.defaultCluster ?? cfg.clusters[0]!.name };
}

/** `on`/`off` (or true/false, 1/0) as a boolean; anything else is passed on for the schema to refuse by name. */
function onOff(value: string): boolean | string {
  const v = value.trim().toLowerCase();
  if (['on', 'true', '1'].includes(v)) return true;
  if (['off', 'false', '0'].includes(v)) return false;
  return value;
}

/**
 * Builds the raw config from the environment:
 * - GATEWAY_CONFIG: path to a JSON file with the full shape above (clusters, engines...);
 * - otherwise one cluster named `default` at DOCKER_HOST (default unix:///var/run/docker.sock),
 *   with TLS files from DOCKER_CERT_PATH when DOCKER_TLS_VERIFY is set, as the Docker CLI does.
 * PORT, HOST, NODE_ENV=production, LOG_LEVEL, ENGINE_TIMEOUT_MS and ENGINE_WATCH (on/off) override the file, and so do
 * the audit log's settings: DATABASE_URL or DATABASE_URL_FILE (PostgreSQL; unset: embedded PGlite), GATEWAY_DATA_DIR
 * (default .data), DATABASE_STARTUP_WAIT_SECONDS, AUDIT_SPOOL_PATH, AUDIT_SECRET_ENV_PATTERNS (comma-separated regexes),
 * AUDIT_RETENTION_DAYS and AUDIT_RECONCILE_GRACE_MS; WEBHOOKS_ALLOWED_HOSTS (comma-separated) replaces
 * `webhooks.allowedHosts`; METRICS_TOKEN sets `metrics.token`; OTEL_EXPORTER_OTLP_ENDPOINT and
 * OTEL_SERVICE_NAME (OpenTelemetry's own names) set `tracing.otlpEndpoint` and `tracing.serviceName`,
 * OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG `tracing.sampleRatio` and `tracing.parentBased`.
 */
export function rawConfigFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  let raw: Record<string, unknown>;
  if (env.GATEWAY_CONFIG) {
    let text: string;
    try {
      text = readFileSync(env.GATEWAY_CONFIG, 'utf8');
    } catch (e) {
      throw new ConfigError(`GATEWAY_CONFIG: cannot read ${env.GATEWAY_CONFIG}: ${(e as Error).message}`);
    }
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError(`GATEWAY_CONFIG: ${env.GATEWAY_CONFIG} is not valid JSON: ${(e as Error).message}`);
    }
  } else {
    const url = env.DOCKER_HOST || 'unix:///var/run/docker.sock';
    const certPath = env.DOCKER_CERT_PATH;
    const tls = env.DOCKER_TLS_VERIFY && certPath
      ? { ca: `${certPath}/ca.pem`, cert: `${certPath}/cert.pem`, key: `${certPath}/key.pem` }
      : undefined;
    raw = { clusters: [{ name: 'default', managers: [tls ? { url, tls } : { url }] }] };
  }
  const http = { ...(raw.http as object | undefined) } as Record<string, unknown>;
  if (env.PORT) http.port = Number(env.PORT);
  if (env.HOST) http.host = env.HOST;
  if (Object.keys(http).length) raw.http = http;
  if (env.NODE_ENV === 'production') raw.production = true;
  if (env.METRICS_TOKEN) raw.metrics = { ...(raw.metrics as object | undefined), token: env.METRICS_TOKEN };
  const tracing = { ...(raw.tracing as object | undefined) } as Record<string, unknown>;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) tracing.otlpEndpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT.trim();
  if (env.OTEL_SERVICE_NAME?.trim()) tracing.serviceName = env.OTEL_SERVICE_NAME.trim();
  Object.assign(tracing, samplingFromEnv(env));
  if (Object.keys(tracing).length) raw.tracing = tracing;
  if (env.LOG_LEVEL) raw.logLevel = env.LOG_LEVEL;
  if (env.ENGINE_TIMEOUT_MS) raw.engine = { ...(raw.engine as object | undefined), timeoutMs: Number(env.ENGINE_TIMEOUT_MS) };
  if (env.ENGINE_WATCH) {
    const engine = { ...(raw.engine as object | undefined) } as Record<string, unknown>;
    engine.watch = { ...(engine.watch as object | undefined), enabled: onOff(env.ENGINE_WATCH) };
    raw.engine = engine;
  }
  const database = { ...(raw.database as object | undefined) } as Record<string, unknown>;
  const databaseUrl = databaseUrlFromEnv(env);
  if (databaseUrl) database.url = databaseUrl;
  if (env.GATEWAY_DATA_DIR) database.dataDir = env.GATEWAY_DATA_DIR;
  if (env.DATABASE_STARTUP_WAIT_SECONDS) database.startupWaitSeconds = Number(env.DATABASE_STARTUP_WAIT_SECONDS);
  if (Object.keys(database).length) raw.database = database;
  const audit = { ...(raw.audit as object | undefined) } as Record<string, unknown>;
  if (env.AUDIT_SPOOL_PATH) audit.spoolPath = env.AUDIT_SPOOL_PATH;
  if (env.AUDIT_SECRET_ENV_PATTERNS) audit.secretEnvNamePatterns = env.AUDIT_SECRET_ENV_PATTERNS.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (env.AUDIT_RETENTION_DAYS) audit.retentionDays = Number(env.AUDIT_RETENTION_DAYS);
  if (env.AUDIT_RECONCILE_GRACE_MS) audit.reconcileGraceMs = Number(env.AUDIT_RECONCILE_GRACE_MS);
  if (Object.keys(audit).length) raw.audit = audit;
  const auth = { ...(raw.auth as object | undefined) } as Record<string, unknown>;
  if (env.ANONYMOUS_GRANTS) auth.anonymousGrants = env.ANONYMOUS_GRANTS.split(';').map((g) => g.trim()).filter((g) => g !== '');
  if (env.OIDC_ISSUER) {
    const oidc = { ...(auth.oidc as object | undefined) } as Record<string, unknown>;
    oidc.issuer = env.OIDC_ISSUER;
    if (env.OIDC_AUDIENCE) oidc.audience = env.OIDC_AUDIENCE;
    if (env.OIDC_JWKS_URL) oidc.jwksUrl = env.OIDC_JWKS_URL;
    if (env.OIDC_JWKS_FILE) oidc.jwksFile = env.OIDC_JWKS_FILE;
    auth.oidc = oidc;
  }
  if (Object.keys(auth).length) raw.auth = auth;
  if (env.WEBHOOKS_ALLOWED_HOSTS !== undefined) {
    const allowedHosts = env.WEBHOOKS_ALLOWED_HOSTS.split(',').map((h) => h.trim()).filter((h) => h !== '');
    raw.webhooks = { ...(raw.webhooks as object | undefined), allowedHosts };
  }
  return raw;
}

/** OpenTelemetry's standard samplers, as `tracing.sampleRatio` (null: OTEL_TRACES_SAMPLER_ARG's) and `tracing.parentBased`. */
const OTEL_SAMPLERS: Record<string, { sampleRatio: number | null; parentBased: boolean }> = {
  always_on: { sampleRatio: 1, parentBased: false },
  always_off: { sampleRatio: 0, parentBased: false },
  traceidratio: { sampleRatio: null, parentBased: false },
  parentbased_always_on: { sampleRatio: 1, parentBased: true },
  parentbased_always_off: { sampleRatio: 0, parentBased: true },
  parentbased_traceidratio: { sampleRatio: null, parentBased: true },
};

/**
 * OTEL_TRACES_SAMPLER (and, for the ratio samplers, OTEL_TRACES_SAMPLER_ARG, default 1) as
 * OpenTelemetry's SDK environment specification reads them; the argument alone is not read.
 * The remote samplers (jaeger_remote, xray) need a sampling server the gateway does not talk to.
 */
function samplingFromEnv(env: NodeJS.ProcessEnv): { sampleRatio?: number; parentBased?: boolean } {
  const name = env.OTEL_TRACES_SAMPLER?.trim().toLowerCase();
  if (!name) return {};
  const sampler = OTEL_SAMPLERS[name];
  if (!sampler) throw new ConfigError(`OTEL_TRACES_SAMPLER: "${env.OTEL_TRACES_SAMPLER}" is not supported; use one of ${Object.keys(OTEL_SAMPLERS).join(', ')}`);
  if (sampler.sampleRatio !== null) return { sampleRatio: sampler.sampleRatio, parentBased: sampler.parentBased };
  const arg = env.OTEL_TRACES_SAMPLER_ARG;
  const ratio = arg === undefined ? 1 : arg.trim() === '' ? Number.NaN : Number(arg);
  if (!(ratio >= 0 && ratio <= 1)) throw new ConfigError(`OTEL_TRACES_SAMPLER_ARG: ${SAMPLE_RATIO_MESSAGE} (the share of traces ${name} keeps), not "${arg}"`);
  return { sampleRatio: ratio, parentBased: sampler.parentBased };
}

/**
 * DATABASE_URL, or the content of the file DATABASE_URL_FILE names (a swarm secret, so that the
 * password is in no service spec). Both at once is refused: which one wins would be a guess.
 */
function databaseUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const direct = env.DATABASE_URL?.trim();
  if (!env.DATABASE_URL_FILE) return direct || undefined;
  if (direct) throw new ConfigError('DATABASE_URL and DATABASE_URL_FILE are both set: set one of them');
  let text: string;
  try {
    text = readFileSync(env.DATABASE_URL_FILE, 'utf8');
  } catch (e) {
    throw new ConfigError(`DATABASE_URL_FILE: cannot read ${env.DATABASE_URL_FILE}: ${(e as Error).message}`);
  }
  const url = text.trim();
  if (!url) throw new ConfigError(`DATABASE_URL_FILE: ${env.DATABASE_URL_FILE} is empty`);
  return url;
}

/** The configuration from an environment; the entry points pass the process's, and nothing else reads that. */
export function loadConfig(env: NodeJS.ProcessEnv): GatewayConfig {
  return parseConfig(rawConfigFromEnv(env));
}

/**
 * The database settings alone, read as loadConfig reads them (GATEWAY_CONFIG's `database`,
 * DATABASE_URL, GATEWAY_DATA_DIR), for the commands that need no more than the database and
 * should run whatever the rest of the configuration holds (audit:verify, db:migrate).
 */
export function loadDatabaseSettings(env: NodeJS.ProcessEnv): DatabaseSettings {
  const result = databaseSchema.prefault({}).safeParse(rawConfigFromEnv(env).database);
  if (!result.success) throw configError(result.error.issues, ['database']);
  return result.data;
}
