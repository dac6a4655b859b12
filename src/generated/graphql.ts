import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { SwarmModel, NodeModel, NetworkModel, NetworkServiceModel, ServiceModel, ServiceNetworkAttachmentModel, TaskModel, TaskNetworkAttachmentModel, ContainerModel } from '../docker/model/types.ts';
import type { SecretModel, ConfigModel } from '../docker/model/stored-object.ts';
import type { WebhookModel } from '../graphql/webhooks/webhook-model.ts';
import type { StackModel } from '../graphql/stacks/stack-model.ts';
import type { GatewayContext } from '../graphql/context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in time, as an RFC 3339 string in UTC (the Engine's `CreatedAt`/`UpdatedAt`). */
  DateTime: { input: string; output: string; }
};

/**
 * An API token for a bot or a script. The token itself (`sgw_<prefix>_<secret>`) is shown once,
 * by `apiTokenCreate`; the gateway keeps only its prefix and a SHA-256 of it.
 */
export type ApiToken = {
  __typename?: 'ApiToken';
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The ID of the API token that created it; null when made by `npm run token:create` or an OIDC principal. Revoking a token revokes every token it created, transitively, and a token never expires later than its creator. */
  createdBy: Maybe<Scalars['ID']['output']>;
  /** When it stops working; null: never. */
  expiresAt: Maybe<Scalars['DateTime']['output']>;
  /** What the token may do. */
  grants: Array<Grant>;
  /** The token's ID (a UUID); its principal is `token:<id>`. */
  id: Scalars['ID']['output'];
  /** When it last authenticated a request (updated at most once a minute); null: never used. */
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  /** What the token is for. */
  name: Scalars['String']['output'];
  /** Who created it: a principal ID, or `cli` for `npm run token:create`. */
  owner: Scalars['String']['output'];
  /** The visible part of the token, after `sgw_`, to recognise it. */
  prefix: Scalars['String']['output'];
  /** When it was revoked; null: not revoked. */
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  /** Who revoked it (a principal ID, or `cli`); for a token revoked with the token that created it, whoever revoked that one. */
  revokedBy: Maybe<Scalars['String']['output']>;
};

/** A page of API tokens, by name. */
export type ApiTokenConnection = {
  __typename?: 'ApiTokenConnection';
  /** The tokens of this page with their cursors. */
  edges: Array<ApiTokenEdge>;
  /** The tokens of this page. */
  nodes: Array<ApiToken>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many tokens the caller can see, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/**
 * Input of `apiTokenCreate`. The grants must be within the caller's own grants (no
 * escalation: a grant beyond them is ESCALATION); a label-scoped deployer may so make viewer,
 * operator or deployer tokens with its own selector (a team's bot) without an admin. Give at
 * most one of `expiresAt` and `expiresInDays`; with `auth.maxTokenDays` configured, one of
 * them is required. Made by an API token, the new token never outlives it: without an expiry
 * it gets its creator's expiry (capped), and an expiry later than the creator's is refused
 * (INVALID_VALUE at that field). OIDC callers are not limited by their JWT's expiry.
 */
export type ApiTokenCreateInput = {
  /** When the token stops working; must be in the future. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Days from now until the token stops working (1 to `auth.maxTokenDays`, or 3650). */
  expiresInDays?: InputMaybe<Scalars['Int']['input']>;
  /** What the token may do; at least one grant. */
  grants: Array<GrantInput>;
  /** What the token is for (`chatops-bot`): 1-100 characters. */
  name: Scalars['String']['input'];
};

/** Result of `apiTokenCreate`. */
export type ApiTokenCreatePayload = {
  __typename?: 'ApiTokenCreatePayload';
  /** The created token's record. */
  apiToken: Maybe<ApiToken>;
  /** The token to give the bot: `sgw_<prefix>_<secret>`. Shown this once; the gateway cannot show it again. */
  token: Maybe<Scalars['String']['output']>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** An API token with its cursor. */
export type ApiTokenEdge = {
  __typename?: 'ApiTokenEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The token. */
  node: ApiToken;
};

/** Input of `apiTokenRevoke`. */
export type ApiTokenRevokeInput = {
  /** The token's ID, or its prefix. */
  id: Scalars['ID']['input'];
};

/** Result of `apiTokenRevoke`. */
export type ApiTokenRevokePayload = {
  __typename?: 'ApiTokenRevokePayload';
  /** The tokens it had created, directly or through others, revoked with it by this call (oldest first); tokens already revoked are not listed. */
  alsoRevoked: Array<ApiToken>;
  /** The revoked token. */
  apiToken: Maybe<ApiToken>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Why a record fails the audit log's hash-chain check. */
export type AuditChainFailure =
  /** An anchor that is malformed, or not the first record. */
  | 'bad_anchor'
  /** The record was changed after it was written. */
  | 'hash_mismatch'
  /** The record cannot be encoded at all (e.g. a fractional `durationMs`). */
  | 'malformed'
  /** A record was removed, inserted or reordered before this one. */
  | 'prev_hash_mismatch'
  /** The record's seq does not follow its predecessor's (a record was removed, or the order is wrong). */
  | 'seq_gap';

/** How a mutation ended. */
export type AuditOutcome =
  /** The change was refused or failed; `errorCode` says why. */
  | 'FAILED'
  /** The engine made the change. */
  | 'SUCCEEDED'
  /**
   * The engine may or may not have made the change: no answer came after the request may have reached it (a timeout, a reset), or the gateway stopped before recording the outcome.
   * Reconciled from the engine's state and event history as soon as the engine answers (or the writer is known to be gone): a later outcome record of the same intent then says what happened; it stays `UNKNOWN` when the engine cannot tell.
   */
  | 'UNKNOWN';

/** One record of the audit log. Records are append-only and form one SHA-256 hash chain. */
export type AuditRecord = {
  __typename?: 'AuditRecord';
  /** The client's address. */
  clientAddress: Maybe<Scalars['String']['output']>;
  /** The cluster acted on. */
  cluster: Maybe<Scalars['String']['output']>;
  /** The access decision and the grant that made it, as JSON text. */
  decision: Maybe<Scalars['String']['output']>;
  /** For an OUTCOME: milliseconds between intent and outcome. */
  durationMs: Maybe<Scalars['Int']['output']>;
  /** For a failed OUTCOME, a DENIED or an AUTH_FAILED record: the error code. */
  errorCode: Maybe<Scalars['String']['output']>;
  /** This record's hash: SHA-256 over its canonical encoding (see README). */
  hash: Scalars['String']['output'];
  /** The record's ID (a UUID). */
  id: Scalars['ID']['output'];
  /** The input as JSON text, with secrets redacted (join tokens, unlock keys, secret-looking environment values). */
  input: Maybe<Scalars['String']['output']>;
  /** For an OUTCOME: the ID of its INTENT. */
  intentId: Maybe<Scalars['ID']['output']>;
  /** What the record records. */
  kind: AuditRecordKind;
  /** IDs of the objects created or changed. */
  objectIds: Array<Scalars['ID']['output']>;
  /** The GraphQL field, e.g. `networkCreate`. */
  operation: Scalars['String']['output'];
  /** For an OUTCOME: how it ended. */
  outcome: Maybe<AuditOutcome>;
  /** The previous record's hash (64 zeros for the first record and for an anchor). */
  prevHash: Scalars['String']['output'];
  /** Who: `anonymous`, `token:<id>`, `oidc:<subject>`. */
  principal: Scalars['String']['output'];
  /** When it was recorded. */
  recordedAt: Scalars['DateTime']['output'];
  /** The HTTP request's ID (`x-request-id`). */
  requestId: Maybe<Scalars['String']['output']>;
  /** Position in the chain (1, 2, 3...), as a decimal string. */
  seq: Scalars['String']['output'];
  /** The object acted on (ID or name), when there is one. */
  target: Maybe<Scalars['String']['output']>;
  /** The W3C trace ID (32 hex digits) of the traced request that wrote the record, as in the request's `traceparent` answer; null when tracing was off. An OUTCOME carries its INTENT's. Covered by `hash` (encoding `sg-audit/2`). */
  traceId: Maybe<Scalars['String']['output']>;
  /** The client's User-Agent. */
  userAgent: Maybe<Scalars['String']['output']>;
};

/** A page of audit records, newest first. */
export type AuditRecordConnection = {
  __typename?: 'AuditRecordConnection';
  /** The records of this page with their cursors. */
  edges: Array<AuditRecordEdge>;
  /** The records of this page. */
  nodes: Array<AuditRecord>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many records match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** An audit record with its cursor. */
export type AuditRecordEdge = {
  __typename?: 'AuditRecordEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The record. */
  node: AuditRecord;
};

/** Filters for `auditRecords` and the export; all given filters must match. */
export type AuditRecordFilter = {
  /** Exactly this cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Only records of this kind. */
  kind?: InputMaybe<AuditRecordKind>;
  /** Exactly this operation (GraphQL field). */
  operation?: InputMaybe<Scalars['String']['input']>;
  /** Only OUTCOME records that ended this way. */
  outcome?: InputMaybe<AuditOutcome>;
  /** Exactly this principal. */
  principal?: InputMaybe<Scalars['String']['input']>;
  /** Records at or after this instant. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Exactly this target (ID or name as recorded). */
  target?: InputMaybe<Scalars['String']['input']>;
  /** The records written by one traced request: its W3C trace ID (the trace-id part of the `traceparent` the gateway answered). */
  traceId?: InputMaybe<Scalars['String']['input']>;
  /** Records before this instant. */
  until?: InputMaybe<Scalars['DateTime']['input']>;
};

/** What an audit record records. */
export type AuditRecordKind =
  /** The first record after retention pruning: it carries the hash of the last pruned record, so the rest of the chain still verifies. */
  | 'ANCHOR'
  /** A request whose credentials were refused. */
  | 'AUTH_FAILED'
  /** A request refused by access control. */
  | 'DENIED'
  /** A mutation about to call the engine (written before the call; the mutation is refused if it cannot be written). */
  | 'INTENT'
  /** How a mutation ended; refers to its intent. */
  | 'OUTCOME'
  /** A read of a join token or an unlock key. */
  | 'SENSITIVE_READ';

/** The result of checking the audit log's hash chain. */
export type AuditVerification = {
  __typename?: 'AuditVerification';
  /** How many records were checked. */
  checkedRecords: Scalars['Int']['output'];
  /** The first record that failed: its ID. */
  failedRecordId: Maybe<Scalars['ID']['output']>;
  /** The first record that failed: its seq. */
  failedSeq: Maybe<Scalars['String']['output']>;
  /** The first checked record's seq. */
  firstSeq: Maybe<Scalars['String']['output']>;
  /** The last checked record's seq. */
  lastSeq: Maybe<Scalars['String']['output']>;
  /** A sentence for a person. */
  message: Maybe<Scalars['String']['output']>;
  /** Whether every checked record is unchanged and the chain is unbroken. */
  ok: Scalars['Boolean']['output'];
  /** Why it failed; null when `ok`. */
  reason: Maybe<AuditChainFailure>;
};

/** Certificate authority settings (`SwarmSpec.CAConfig`). */
export type CaSpec = {
  __typename?: 'CaSpec';
  /** External CA URLs, if any (`--external-ca`). */
  externalCaUrls: Array<Scalars['String']['output']>;
  /** Validity of node certificates, in seconds (`--cert-expiry`). */
  nodeCertExpirySeconds: Scalars['Float']['output'];
};

/** Outcome of one diagnostic check. */
export type CheckStatus =
  /** Something is wrong now. */
  | 'ERROR'
  /** Information the operator should know. */
  | 'INFO'
  /** Nothing to fix. */
  | 'OK'
  /** Something may go wrong. */
  | 'WARNING';

/** A cluster the gateway is configured to front. */
export type Cluster = {
  __typename?: 'Cluster';
  /** The configured manager endpoints, in failover order (no credentials). Empty unless the caller is an unscoped admin of the cluster: URLs and socket paths say where the engines are. */
  endpoints: Array<Scalars['String']['output']>;
  /** Whether this cluster is used when `cluster` is omitted. */
  isDefault: Scalars['Boolean']['output'];
  /** The name used in the `cluster` argument. */
  name: Scalars['String']['output'];
};

/** A swarm config (`docker config inspect`): like a secret, but its data can be read back. */
export type Config = {
  __typename?: 'Config';
  /** When the config was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The data as UTF-8 text, or null when it is not valid UTF-8 (then read `dataBase64`). */
  data: Maybe<Scalars['String']['output']>;
  /** The data, base64 (standard alphabet, padded). */
  dataBase64: Scalars['String']['output'];
  /** The config's ID. */
  id: Scalars['ID']['output'];
  /** Labels (`--label`). */
  labels: Array<KeyValue>;
  /** The config's name. */
  name: Scalars['String']['output'];
  /** When the config's labels last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The services that reference it and that the caller may read (others are not shown). */
  usedBy: Array<Service>;
  /** Object version, for `configUpdate`'s `version`. */
  version: Scalars['Int']['output'];
};

/** A page of configs. */
export type ConfigConnection = {
  __typename?: 'ConfigConnection';
  /** The configs of this page with their cursors. */
  edges: Array<ConfigEdge>;
  /** The configs of this page. */
  nodes: Array<Config>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many configs match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Input of `configCreate` (`docker config create NAME FILE`). */
export type ConfigCreateInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** The data as UTF-8 text. Give exactly one of `data` and `dataBase64`; 1 byte to 500 KiB. */
  data?: InputMaybe<Scalars['String']['input']>;
  /** The data as base64 (standard alphabet, padded), for binary data. Give exactly one of `data` and `dataBase64`. */
  dataBase64?: InputMaybe<Scalars['String']['input']>;
  /** Labels (`--label k=v`). A label-scoped deployer's config gets its scope's labels. */
  labels?: InputMaybe<Array<KeyValueInput>>;
  /** Config name: letters and digits, with `-`, `_` or `.` between them, at most 64 characters (swarmkit's rule); a taken name is NAME_CONFLICT. */
  name: Scalars['String']['input'];
};

/** Result of `configCreate`. */
export type ConfigCreatePayload = {
  __typename?: 'ConfigCreatePayload';
  /** The created config. */
  config: Maybe<Config>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A config with its cursor. */
export type ConfigEdge = {
  __typename?: 'ConfigEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The config. */
  node: Config;
};

/** A config a service's tasks get as a file (`--config source=S,target=T,uid=U,gid=G,mode=M`). */
export type ConfigReferenceInput = {
  /** The file's group ID (`gid`); default 0. */
  gid?: InputMaybe<Scalars['String']['input']>;
  /** The file's mode, the octal permission bits as an Int (`mode=0440` is 288); default 0444 (292). */
  mode?: InputMaybe<Scalars['Int']['input']>;
  /** The config's ID or name. One the caller may not read (another team's) is REFERENCE_NOT_FOUND, as a missing one. */
  source: Scalars['ID']['input'];
  /** The file's name (a relative name is under `/`); default: the config's name. Relative, without `..` (as the CLI). */
  target?: InputMaybe<Scalars['String']['input']>;
  /** The file's owner user ID (`uid`); default 0. */
  uid?: InputMaybe<Scalars['String']['input']>;
};

/** Input of `configRemove` (`docker config rm`). */
export type ConfigRemoveInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Config ID, ID prefix or name. */
  id: Scalars['ID']['input'];
};

/** Result of `configRemove`. Refused with IN_USE while a service references the config (services the caller may not read are counted, not named). */
export type ConfigRemovePayload = {
  __typename?: 'ConfigRemovePayload';
  /** The removed config. */
  removed: Array<RemovedObject>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/**
 * Input of `configRotate`: new data for a config, which swarmkit cannot change in place. The new
 * version is a new config named `<base>.v<N>` (the first rotation of `db-password` makes
 * `db-password.v2`, the next `db-password.v3`), labelled `com.swarm-gateway.rotation.base=<base>`
 * and `com.swarm-gateway.rotation.version=<N>` besides the old one's labels.
 */
export type ConfigRotateInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** The new data as UTF-8 text. Give exactly one of `data` and `dataBase64`; 1 byte to 500 KiB. */
  data?: InputMaybe<Scalars['String']['input']>;
  /** The new data as base64. Give exactly one of `data` and `dataBase64`. */
  dataBase64?: InputMaybe<Scalars['String']['input']>;
  /** Seconds each rollout may take before it concludes TIMED_OUT (10-86400). Default: from each service's update config. */
  deadline?: InputMaybe<Scalars['Int']['input']>;
  /** The config to rotate: ID, ID prefix or name. */
  id: Scalars['ID']['input'];
  /** Remove the old config once every service references the new one; default true. */
  removeOld?: InputMaybe<Scalars['Boolean']['input']>;
  /** Answer only once every rollout of the rotation concludes, or after this many seconds (1-900), whichever comes first. */
  wait?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * Result of `configRotate`, one audited operation. A service referencing the config outside the
 * caller's label scope refuses the whole rotation up front (IN_USE, nothing created). A failure
 * part-way is a userError whose message says exactly what was done (created, updated, not
 * updated, old kept); the audit outcome is then `failed`.
 */
export type ConfigRotatePayload = {
  __typename?: 'ConfigRotatePayload';
  /** The new version. */
  config: Maybe<Config>;
  /** Whether the old config was removed. */
  oldRemoved: Scalars['Boolean']['output'];
  /** The rollout each service update started. */
  rollouts: Array<Rollout>;
  /** The services updated to reference the new version (same target, uid, gid and mode). */
  services: Array<Service>;
  /** Problems with the input, or what a rotation that stopped part-way did. */
  userErrors: Array<UserError>;
};

/** Input of `configUpdate`: labels only (swarmkit refuses to change a config's data: create a new config instead). */
export type ConfigUpdateInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Config ID, ID prefix or name. */
  id: Scalars['ID']['input'];
  /** Label changes; a label-scoped caller may not remove or change its scope's labels (SCOPE_LABEL). */
  labels: LabelChangesInput;
  /** Version read from `Config.version`; default: the current version. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `configUpdate`. */
export type ConfigUpdatePayload = {
  __typename?: 'ConfigUpdatePayload';
  /** The config as it is after the update. */
  config: Maybe<Config>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A configured engine that is addressed by name: a host that may join a swarm, or a node whose standalone containers are managed. */
export type ConfiguredEngine = {
  __typename?: 'ConfiguredEngine';
  /** The endpoint (no credentials); null unless the caller is an unscoped admin of the engine's cluster (all clusters, for an engine outside any). */
  endpoint: Maybe<Scalars['String']['output']>;
  /** The name used in `engine` arguments. */
  name: Scalars['String']['output'];
  /** The engine's node ID when it is in a swarm. */
  nodeId: Maybe<Scalars['ID']['output']>;
  /** Whether the engine answered, and its swarm state (`Swarm.LocalNodeState` of `GET /info`). */
  swarmState: EngineSwarmState;
};

/** A container on an engine (`docker inspect CONTAINER`). */
export type Container = {
  __typename?: 'Container';
  /** The configured engine it was read from, or null for the cluster's manager endpoint. */
  engine: Maybe<Scalars['String']['output']>;
  /** The container's ID. */
  id: Scalars['ID']['output'];
  /** Image. */
  image: Scalars['String']['output'];
  /** Labels. */
  labels: Array<KeyValue>;
  /** The container's name, without the leading slash. */
  name: Scalars['String']['output'];
  /** Network attachments. */
  networks: Array<ContainerNetworkAttachment>;
  /** State (`State.Status`). */
  state: ContainerState;
  /** Whether it belongs to a swarm task (its task's ID), or null for a standalone container. */
  taskId: Maybe<Scalars['ID']['output']>;
};

/** A page of containers. */
export type ContainerConnection = {
  __typename?: 'ContainerConnection';
  /** The containers of this page with their cursors. */
  edges: Array<ContainerEdge>;
  /** The containers of this page. */
  nodes: Array<Container>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many containers match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A host device in the container (`--device`, HostConfig.Devices). Guardrail: refused to everyone but an unscoped admin. */
export type ContainerDeviceInput = {
  /** Cgroup permissions, from `r`, `w`, `m`; default `rwm`. */
  cgroupPermissions?: InputMaybe<Scalars['String']['input']>;
  /** Where it appears in the container; default: the host path. */
  pathInContainer?: InputMaybe<Scalars['String']['input']>;
  /** The device on the host, an absolute path. */
  pathOnHost: Scalars['String']['input'];
};

/** A container with its cursor. */
export type ContainerEdge = {
  __typename?: 'ContainerEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The container. */
  node: Container;
};

/** Input of `containerExec` (`docker exec CONTAINER COMMAND...`, `POST /containers/{id}/exec` then `POST /exec/{id}/start`): one command, run to its end or its time limit, its output collected up to a bound. Never interactive (no `-i`, no `-t`: AttachStdin and Tty are false), never privileged (`Privileged: false`, there is no `--privileged`). The command, its env and its user are in the audit intent, secret-looking values redacted (README: Audit log). */
export type ContainerExecInput = {
  /** The cluster the engine belongs to (default: the default cluster); its grants decide access. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** The command and its arguments, as argv (Cmd): no shell unless the caller names one (`["sh", "-c", "..."]`). 1 to 256 items, 64 KiB in all, no NUL byte, the first not empty. */
  command: Array<Scalars['String']['input']>;
  /** Container ID, ID prefix or name; it must be running. */
  container: Scalars['ID']['input'];
  /** The configured engine the container runs on (default: the cluster's manager endpoint). */
  engine?: InputMaybe<Scalars['String']['input']>;
  /** Environment for the command, `KEY=VALUE` (`--env`, Env). Values of secret-looking names are redacted in the audit log. */
  env?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Most bytes kept per stream (stdout and stderr each), 1 to 1048576 (1 MiB); default 65536. Output beyond it is read and dropped, and the stream's `Truncated` flag is set. */
  maxOutputBytes?: InputMaybe<Scalars['Int']['input']>;
  /** How long to wait for the command to end, 1 to 300 seconds; default 30. At the limit the gateway stops waiting and answers `timedOut: true`: the Engine API cannot kill an exec'd process, so it may still be running in the container (the audit outcome is `unknown`). */
  timeoutSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** User to run as, `user`, `uid`, `user:group` or `uid:gid` (`--user`, User); default: the container's. The container's own namespaces and capabilities apply whatever the user: root inside the container is the container's root, as with the image's default user. */
  user?: InputMaybe<Scalars['String']['input']>;
  /** Working directory inside the container, an absolute path (`--workdir`, WorkingDir); default: the container's. */
  workingDir?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `containerExec`. All fields but `userErrors` are null when userErrors say why nothing ran. */
export type ContainerExecPayload = {
  __typename?: 'ContainerExecPayload';
  /** How long the gateway waited for the command, milliseconds. */
  durationMs: Maybe<Scalars['Int']['output']>;
  /** The exec instance's ID on the engine (`docker exec` prints none; `GET /exec/{id}/json`). */
  execId: Maybe<Scalars['ID']['output']>;
  /** The command's exit code (ExitCode of the exec inspect), or null when it did not finish within `timeoutSeconds`. */
  exitCode: Maybe<Scalars['Int']['output']>;
  /** What it wrote to standard error, up to `maxOutputBytes` (the first bytes), as UTF-8 (invalid bytes become U+FFFD). */
  stderr: Maybe<Scalars['String']['output']>;
  /** Whether stderr was longer than `maxOutputBytes` (the rest was dropped). */
  stderrTruncated: Maybe<Scalars['Boolean']['output']>;
  /** What it wrote to standard output, up to `maxOutputBytes` (the first bytes), as UTF-8 (invalid bytes become U+FFFD). */
  stdout: Maybe<Scalars['String']['output']>;
  /** Whether stdout was longer than `maxOutputBytes` (the rest was dropped). */
  stdoutTruncated: Maybe<Scalars['Boolean']['output']>;
  /** Whether the command was still running at `timeoutSeconds`: the output is what came until then, and the process may still be running (the Engine API has no exec kill). */
  timedOut: Maybe<Scalars['Boolean']['output']>;
  /** Problems with the input (bad reference, empty command, time limit out of range, container not running...); nothing ran when present. */
  userErrors: Array<UserError>;
};

/** Filters for `containers`. */
export type ContainerFilter = {
  /** Include stopped containers. */
  all?: InputMaybe<Scalars['Boolean']['input']>;
  /** Labels, `key` or `key=value`. */
  label?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Name (substring, as Docker matches). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Only containers attached to this network, by ID or name (`--filter network=`). */
  network?: InputMaybe<Scalars['ID']['input']>;
  /** Only standalone containers (not swarm tasks); default true. */
  standaloneOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A line of a container's logs (`docker logs --timestamps`). */
export type ContainerLogLine = {
  __typename?: 'ContainerLogLine';
  /** The line, without its trailing newline, as UTF-8 (invalid bytes become U+FFFD). */
  message: Scalars['String']['output'];
  /** The stream it was written to; STDOUT for every line of a TTY container (a TTY merges both streams). */
  stream: LogStream;
  /** When the engine received it (`--timestamps`). */
  timestamp: Maybe<Scalars['DateTime']['output']>;
};

/** The end of a container's logs (`docker logs --tail N`), bounded in bytes. */
export type ContainerLogs = {
  __typename?: 'ContainerLogs';
  /** The container's ID. */
  containerId: Scalars['ID']['output'];
  /** The lines, oldest first. */
  lines: Array<ContainerLogLine>;
  /** Whether older lines of the tail were left out to stay within `maxBytes` (the newest are kept). */
  truncated: Scalars['Boolean']['output'];
  /** Whether the container has a TTY (Config.Tty): then its logs do not tell stdout from stderr. */
  tty: Scalars['Boolean']['output'];
};

/** A container's attachment to a network. */
export type ContainerNetworkAttachment = {
  __typename?: 'ContainerNetworkAttachment';
  /** Aliases on the network. */
  aliases: Array<Scalars['String']['output']>;
  /** Gateway. */
  gateway: Maybe<Scalars['String']['output']>;
  /** IPv4 address with prefix. */
  ipv4Address: Maybe<Scalars['String']['output']>;
  /** IPv6 address. */
  ipv6Address: Maybe<Scalars['String']['output']>;
  /** MAC address. */
  macAddress: Maybe<Scalars['String']['output']>;
  /** The network's ID. */
  networkId: Scalars['ID']['output'];
  /** The network's name. */
  networkName: Scalars['String']['output'];
  /** Static IPv4 address requested at connect (`--ip`). */
  staticIpv4Address: Maybe<Scalars['String']['output']>;
};

/** A network of `containerRun` (`docker run --network NAME --network-alias ... --ip ... --ip6 ...`). */
export type ContainerNetworkInput = {
  /** Network-scoped DNS aliases (`--network-alias`). */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Static IPv4 address inside the network's subnet (`--ip`); the network needs a user-defined subnet. */
  ipv4Address?: InputMaybe<Scalars['String']['input']>;
  /** Static IPv6 address (`--ip6`). */
  ipv6Address?: InputMaybe<Scalars['String']['input']>;
  /** Network ID, ID prefix or name, resolved on the container's engine (its own local networks first, then the swarm's); a swarm network must be attachable. Guardrail: guarded callers only bridge or overlay networks. */
  network: Scalars['ID']['input'];
};

/** Input of `containerRemove` (`docker rm`). */
export type ContainerRemoveInput = {
  /** The cluster the engine belongs to. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Container ID, ID prefix or name. */
  container: Scalars['ID']['input'];
  /** The configured engine the container is on (default: the cluster's manager endpoint). */
  engine?: InputMaybe<Scalars['String']['input']>;
  /** Remove a running container too, killing it (`--force`); without it a running one is INVALID_STATE. */
  force?: InputMaybe<Scalars['Boolean']['input']>;
  /** Remove its anonymous volumes too (`--volumes`). */
  volumes?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Result of `containerRemove`. */
export type ContainerRemovePayload = {
  __typename?: 'ContainerRemovePayload';
  /** The removed container (one item; empty when userErrors say why not). */
  removed: Array<RemovedObject>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A container's resource limits (HostConfig). */
export type ContainerResourcesInput = {
  /** CPU limit in CPUs, e.g. 0.5 (`--cpus`, NanoCpus). */
  cpus?: InputMaybe<Scalars['Float']['input']>;
  /** Memory limit, e.g. `64M`, `1G`, or bytes (`--memory`, Memory); at least 6MB. */
  memory?: InputMaybe<Scalars['String']['input']>;
  /** Most processes (`--pids-limit`, PidsLimit); -1 for unlimited. */
  pidsLimit?: InputMaybe<Scalars['Int']['input']>;
};

/** A container's restart policy (`--restart`, HostConfig.RestartPolicy). */
export type ContainerRestartPolicyInput = {
  /** ON_FAILURE only: the most restarts (`on-failure:N`), 0 for no limit. */
  maxRetries?: InputMaybe<Scalars['Int']['input']>;
  /** When to restart. */
  name: ContainerRestartPolicyName;
};

/** A restart policy's name (`docker run --restart`). */
export type ContainerRestartPolicyName =
  /** Always restart, also after the engine restarts (`always`). */
  | 'ALWAYS'
  /** Never restart (`no`, the default). */
  | 'NO'
  /** Restart when it exits with a non-zero code (`on-failure[:N]`). */
  | 'ON_FAILURE'
  /** Always restart, except after an explicit stop (`unless-stopped`). */
  | 'UNLESS_STOPPED';

/** Input of `containerRun` (`docker run -d`): a standalone container created and started on one engine. The fields that reach the host are here so that the container policy can judge them: to everyone but an unscoped admin, each is allowed, allowed within limits, or refused (GUARDRAIL at the field, nothing created); see README's container policy table. */
export type ContainerRunInput = {
  /** Added capabilities (`--cap-add`), e.g. NET_ADMIN. Guardrail: only `guardrails.allowedCapabilities`. */
  capAdd?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Dropped capabilities (`--cap-drop`). */
  capDrop?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Parent cgroup (`--cgroup-parent`). Guardrail: refused. */
  cgroupParent?: InputMaybe<Scalars['String']['input']>;
  /** The cluster the engine belongs to (default: the default cluster). */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Command and arguments (`docker run IMAGE COMMAND...`, Cmd); default: the image's. */
  command?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Host devices (`--device`). Guardrail: refused. */
  devices?: InputMaybe<Array<ContainerDeviceInput>>;
  /** The configured engine to run it on (default: the cluster's manager endpoint). */
  engine?: InputMaybe<Scalars['String']['input']>;
  /** Entrypoint (`--entrypoint`); default: the image's. */
  entrypoint?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Environment, `KEY=VALUE` (`--env`); a later entry for a key replaces an earlier one. Values are redacted in the audit log. */
  env?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Image, present on that engine (nothing is pulled; a missing one is REFERENCE_NOT_FOUND). */
  image: Scalars['String']['input'];
  /** IPC namespace (`--ipc none|private|shareable|host|container:<name|id>`). Guardrail: only `private` or `none`. */
  ipcMode?: InputMaybe<Scalars['String']['input']>;
  /** Labels (`--label`); a label-scoped caller's scope labels are added. Keys under `com.docker.swarm.` (swarm's own, on task containers) are refused. */
  labels?: InputMaybe<Array<KeyValueInput>>;
  /** Mounts (`--mount`): bind, volume (with driver and options) or tmpfs. Guardrail: the service policy's mount rules (bind sources under `guardrails.allowedBindPrefixes`, never the Docker socket, volume drivers and options as allowed). */
  mounts?: InputMaybe<Array<MountInput>>;
  /** The container's name (`--name`): letters, digits, `_`, `.`, `-`. */
  name: Scalars['String']['input'];
  /** A network mode without a named network (`--network host|none|bridge|default|container:<name|id>`); not together with networks. Guardrail: `host` and `container:` refused to guarded callers. */
  networkMode?: InputMaybe<Scalars['String']['input']>;
  /** Networks (`--network`), each once: the first at create (HostConfig.NetworkMode), the others connected before the start. None: the engine's default bridge. */
  networks?: InputMaybe<Array<ContainerNetworkInput>>;
  /** PID namespace (`--pid host|container:<name|id>`). Guardrail: refused. */
  pidMode?: InputMaybe<Scalars['String']['input']>;
  /** Run privileged (`--privileged`). Guardrail: refused. */
  privileged?: InputMaybe<Scalars['Boolean']['input']>;
  /** Read-only root filesystem (`--read-only`). */
  readonlyRootfs?: InputMaybe<Scalars['Boolean']['input']>;
  /** Resource limits (`--cpus`, `--memory`, `--pids-limit`). */
  resources?: InputMaybe<ContainerResourcesInput>;
  /** Restart policy (`--restart`); default NO. */
  restartPolicy?: InputMaybe<ContainerRestartPolicyInput>;
  /** Security options (`--security-opt`). Guardrail: only `no-new-privileges`. */
  securityOpt?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Kernel parameters (`--sysctl key=value`). Guardrail: refused. */
  sysctls?: InputMaybe<Array<KeyValueInput>>;
  /** Process limits (`--ulimit`). Guardrail: refused. */
  ulimits?: InputMaybe<Array<ContainerUlimitInput>>;
  /** User namespace (`--userns host`). Guardrail: refused. */
  usernsMode?: InputMaybe<Scalars['String']['input']>;
  /** UTS namespace (`--uts host`). Guardrail: refused. */
  utsMode?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `containerRun`. */
export type ContainerRunPayload = {
  __typename?: 'ContainerRunPayload';
  /** The container, started (`docker inspect`). */
  container: Maybe<Container>;
  /** Problems with the input; nothing is left on the engine when present (a container created but not started is removed, and the message says so). */
  userErrors: Array<UserError>;
  /** The engine's warnings at create. */
  warnings: Array<Scalars['String']['output']>;
};

/** Input of `containerStart` (`docker start`). */
export type ContainerStartInput = {
  /** The cluster the engine belongs to. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Container ID, ID prefix or name. */
  container: Scalars['ID']['input'];
  /** The configured engine the container is on (default: the cluster's manager endpoint). */
  engine?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `containerStart`. */
export type ContainerStartPayload = {
  __typename?: 'ContainerStartPayload';
  /** The container after the start. */
  container: Maybe<Container>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A container's state (`State.Status` of `docker inspect`). */
export type ContainerState =
  /** Created, never started (`created`). */
  | 'created'
  /** Could not be stopped or removed cleanly (`dead`). */
  | 'dead'
  /** Stopped (`exited`). */
  | 'exited'
  /** Paused (`paused`). */
  | 'paused'
  /** Being removed (`removing`). */
  | 'removing'
  /** Being restarted (`restarting`). */
  | 'restarting'
  /** Running (`running`). */
  | 'running'
  /** The engine did not say (no `State` in its answer). */
  | 'unknown';

/** Input of `containerStop` (`docker stop`). */
export type ContainerStopInput = {
  /** The cluster the engine belongs to. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Container ID, ID prefix or name. */
  container: Scalars['ID']['input'];
  /** The configured engine the container runs on (default: the cluster's manager endpoint). */
  engine?: InputMaybe<Scalars['String']['input']>;
  /** Seconds to wait for it to exit before it is killed (`--time`), 0 to 300; default: the container's own stop timeout (10 s). */
  timeout?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `containerStop`. */
export type ContainerStopPayload = {
  __typename?: 'ContainerStopPayload';
  /** The container after the stop. */
  container: Maybe<Container>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A process resource limit (`--ulimit name=soft:hard`, HostConfig.Ulimits). Guardrail: refused to everyone but an unscoped admin. */
export type ContainerUlimitInput = {
  /** Hard limit; -1 for unlimited. */
  hard: Scalars['Int']['input'];
  /** The limit's name, e.g. `nofile`, `nproc`. */
  name: Scalars['String']['input'];
  /** Soft limit; -1 for unlimited. */
  soft: Scalars['Int']['input'];
};

/** One of the overlay guide's checks. */
export type DiagnosticCheck = {
  __typename?: 'DiagnosticCheck';
  /** Details, one item per finding. */
  details: Array<Scalars['String']['output']>;
  /** Stable identifier: `ports`, `quorum`, `subnet-overlap`, `unallocated-networks` (swarm networks the managers could not allocate: no driver, no IPAM, usually "Pool overlaps"), `encrypted-windows`, `overlay-container-limit`. */
  id: Scalars['String']['output'];
  /** Outcome. */
  status: CheckStatus;
  /** One sentence. */
  summary: Scalars['String']['output'];
};

/** The overlay-networking guide's checks for a cluster. */
export type Diagnostics = {
  __typename?: 'Diagnostics';
  /** Each check's outcome. */
  checks: Array<DiagnosticCheck>;
  /** The cluster. */
  cluster: Scalars['String']['output'];
  /** Ports that must be open between nodes: 2377/tcp, 7946/tcp+udp, the data path port/udp. */
  requiredPorts: Array<RequiredPort>;
};

/** Dispatcher settings (`SwarmSpec.Dispatcher`). */
export type DispatcherSpec = {
  __typename?: 'DispatcherSpec';
  /** Agent heartbeat period, in seconds (`--dispatcher-heartbeat`). */
  heartbeatPeriodSeconds: Scalars['Float']['output'];
};

/** How a service is reached (`--endpoint-mode`). */
export type EndpointMode =
  /** DNS round robin: the service name resolves to every task's address. */
  | 'DNSRR'
  /** One virtual IP, load balanced by IPVS (see README: IPVS does not pass traffic on this kernel). */
  | 'VIP';

/** A configured engine's part in a swarm: `Swarm.LocalNodeState` of `GET /info`, or UNREACHABLE. */
export type EngineSwarmState =
  /** Part of a swarm (`active`). */
  | 'active'
  /** Its swarm state is in error (`error`). */
  | 'error'
  /** Not part of a swarm (`inactive`). */
  | 'inactive'
  /** An autolocked manager waiting for its unlock key (`locked`). */
  | 'locked'
  /** Joining a swarm (`pending`). */
  | 'pending'
  /** The engine did not answer the gateway. */
  | 'unreachable';

/**
 * The code carried in `extensions.code` of a top-level GraphQL error. Problems the caller can
 * fix in the input come back as `userErrors` in the payload instead.
 */
export type ErrorCode =
  /** The audit log cannot record the change, so the change was refused. */
  | 'AUDIT_UNAVAILABLE'
  /** The API token could not be verified because the gateway's database did not answer within 2 s: HTTP 503 with `Retry-After`, nothing was run. Over graphql-ws the connection is closed with 1013 (try again later). Tokens verified in the last 30 s are served from a cache and keep working; OIDC tokens need no database. */
  | 'AUTH_UNAVAILABLE'
  /** The GraphQL request itself is malformed (syntax, unknown field, bad variable, over a limit). */
  | 'BAD_REQUEST'
  /** No manager endpoint of the cluster answered in time. For a mutation whose request may have reached the engine, the message says the outcome is unknown: it is recorded as `UNKNOWN` in the audit log and reconciled; read the object before retrying. */
  | 'ENGINE_UNAVAILABLE'
  /** The principal may not do this. */
  | 'FORBIDDEN'
  /** Anything else. The message is masked; the gateway's log has the detail under the request ID. */
  | 'INTERNAL'
  /** The engine answered, but it is not a manager of a swarm. */
  | 'NOT_A_SWARM_MANAGER'
  /** The object does not exist (or is outside the caller's scope). */
  | 'NOT_FOUND'
  /** The request carries `extensions.persistedQuery` (Apollo's automatic persisted queries); the gateway does not keep persisted documents: send the whole document in `query`. HTTP 200 with `application/json`, 400 with `application/graphql-response+json`; over graphql-ws the subscribe fails with it. */
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  /** The operation is over a configured limit (depth, aliases or cost); `extensions.limit` names it, `extensions.max` and `extensions.found` give the numbers. HTTP 400. */
  | 'QUERY_TOO_COMPLEX'
  /** Too many requests from this principal; retry after `extensions.retryAfterSeconds` (also the `Retry-After` header, HTTP 429). Also a subscription over the principal's cap of open subscriptions (graphql-ws and server-sent events together), with `extensions.limit: "maxSubscriptionsPerPrincipal"` and `extensions.max`: end one first. */
  | 'RATE_LIMITED'
  /** The swarm has lost its Raft quorum: fewer than a majority of its managers are reachable, so no manager can read or change cluster state. The message carries the engine's words. `swarm { quorum }` still answers, from the view of a manager the gateway reaches. */
  | 'SWARM_QUORUM_LOST'
  /** No valid credentials were presented. */
  | 'UNAUTHENTICATED';

/** Something that happened in a swarm, as the Engine reports it (`GET /events`). */
export type Event = {
  __typename?: 'Event';
  /** What happened: `create`, `update`, `remove`, `connect`... */
  action: Scalars['String']['output'];
  /** The object's ID. */
  actorId: Scalars['ID']['output'];
  /** The object's name, when the engine gives it. */
  actorName: Maybe<Scalars['String']['output']>;
  /** The engine's attributes of the object (names, images, labels). To a label-scoped subscriber, only these: services `name`, `image.old`/`image.new`, `replicas.old`/`replicas.new`, `updatestate.old`/`updatestate.new`; networks `name`, `type`, and `container` only when that container is in scope too; containers `name`, `image`, `exitCode`, `signal`, the task labels `com.docker.swarm.service.id`/`.service.name`/`.task.id`/`.task.name`, and the subscriber's own scope labels (`team=payments`). Other container labels are left out: they are free text that may name another team's objects. */
  attributes: Array<KeyValue>;
  /** SWARM for cluster-wide events, LOCAL for events of the manager endpoint itself. */
  scope: EventScope;
  /** When it happened. */
  time: Scalars['DateTime']['output'];
  /** The kind of object. */
  type: EventType;
};

/** Filters for `events`, as `docker events --filter`, applied by the Engine; a label-scoped subscriber's scope applies on top of them. */
export type EventFilter = {
  /** Only these actions, e.g. `create`, `update`, `remove`, `connect`. */
  actions?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only objects with these labels, `key` or `key=value`. */
  label?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only these kinds of object; default: all of them. */
  types?: InputMaybe<Array<EventType>>;
};

/** Where an event happened (`scope` of `GET /events`). */
export type EventScope =
  /** On the manager endpoint in use. */
  | 'local'
  /** Cluster-wide: services, nodes, overlay networks. */
  | 'swarm';

/** The kind of object an event is about (`docker events --filter type=`). */
export type EventType =
  /** A container on the manager endpoint in use changed state. */
  | 'CONTAINER'
  /** A network was created, removed, or a container connected/disconnected. */
  | 'NETWORK'
  /** A swarm node joined, changed or left. */
  | 'NODE'
  /** A swarm service was created, updated or removed. */
  | 'SERVICE';

/**
 * What a principal may do: a role, on some clusters or all, on every object or only on those
 * carrying some labels. Written as text `role[@cluster,...][:key=value,...]`, e.g.
 * `deployer@prod:team=payments`.
 */
export type Grant = {
  __typename?: 'Grant';
  /** The clusters the grant covers; null: every cluster (and engines outside any cluster). */
  clusters: Maybe<Array<Scalars['String']['output']>>;
  /** The labels an object must carry for the grant to reach it (`team=payments`); empty: every object. */
  labels: Array<KeyValue>;
  /** The role. */
  role: Role;
  /** The grant's text form, as in the configuration, the audit log and `npm run token:create -- --grant`. */
  text: Scalars['String']['output'];
};

/** A grant in an input. */
export type GrantInput = {
  /** The clusters it covers, by name; omit (or null) for every cluster. An unknown cluster is REFERENCE_NOT_FOUND. */
  clusters?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Labels an object must carry for the grant to reach it (`team=payments`); omit for every object. */
  labels?: InputMaybe<Array<KeyValueInput>>;
  /** The role. */
  role: Role;
};

/** A container health check (`ContainerSpec.Healthcheck`, `--health-*`). Zero durations and retries mean Docker's defaults (interval 30s, timeout 30s, start period 0s, 3 retries). */
export type HealthCheck = {
  __typename?: 'HealthCheck';
  /** Time between checks, seconds (`--health-interval`); 0: Docker's default. */
  intervalSeconds: Scalars['Float']['output'];
  /** Consecutive failures that make the task unhealthy (`--health-retries`); 0: Docker's default. */
  retries: Scalars['Int']['output'];
  /** Time the container has to start before failed checks count, seconds (`--health-start-period`). */
  startPeriodSeconds: Scalars['Float']['output'];
  /** The test: `["CMD", exe, args...]`, `["CMD-SHELL", command]`, `["NONE"]` (the image's check disabled, `--no-healthcheck`), or empty (the image's own `HEALTHCHECK` command). */
  test: Array<Scalars['String']['output']>;
  /** Time one check may take, seconds (`--health-timeout`); 0: Docker's default. */
  timeoutSeconds: Scalars['Float']['output'];
};

/** A container health check (`--health-*`). It runs inside the service's own containers; a task counts as running only once healthy. */
export type HealthCheckInput = {
  /** Time between checks, a Go duration (`--health-interval`): 0, or 1ms or more. Default: Docker's (30s). */
  interval?: InputMaybe<Scalars['String']['input']>;
  /** Consecutive failures that make the task unhealthy (`--health-retries`), 0 or more. Default: Docker's (3). */
  retries?: InputMaybe<Scalars['Int']['input']>;
  /** Time the container has to start before failed checks count, a Go duration (`--health-start-period`): 0, or 1ms or more. */
  startPeriod?: InputMaybe<Scalars['String']['input']>;
  /** The test in Docker's forms: `["CMD", exe, args...]`, `["CMD-SHELL", command]` (`--health-cmd`), or `["NONE"]` (disable the image's check). Omitted or empty: the image's own `HEALTHCHECK` command. */
  test?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Time one check may take, a Go duration (`--health-timeout`): 0, or 1ms or more. Default: Docker's (30s). */
  timeout?: InputMaybe<Scalars['String']['input']>;
};

/** One IPAM configuration of a network (`--subnet`, `--gateway`, `--ip-range`). */
export type IpamConfig = {
  __typename?: 'IpamConfig';
  /** Reserved addresses (`--aux-address`). */
  auxAddresses: Array<KeyValue>;
  /** The gateway address. */
  gateway: Maybe<Scalars['String']['output']>;
  /** The range containers get addresses from, CIDR. */
  ipRange: Maybe<Scalars['String']['output']>;
  /** The subnet, CIDR. */
  subnet: Maybe<Scalars['String']['output']>;
};

/** One IPAM configuration in `networkCreate`. */
export type IpamConfigInput = {
  /** Reserved addresses inside the subnet (`--aux-address name=ip`); one outside the subnet is INVALID_VALUE. */
  auxAddresses?: InputMaybe<Array<KeyValueInput>>;
  /** Gateway inside the subnet (`--gateway`). */
  gateway?: InputMaybe<Scalars['String']['input']>;
  /** Range inside the subnet containers get addresses from (`--ip-range`). */
  ipRange?: InputMaybe<Scalars['String']['input']>;
  /** Subnet, CIDR (`--subnet`). */
  subnet: Scalars['String']['input'];
};

/** Where a job service is (`JobStatus`): jobs run again, as a new iteration, each time their spec changes. */
export type JobStatus = {
  __typename?: 'JobStatus';
  /** The iteration of the job, counted from 0 (`JobStatus.JobIteration.Index`); tasks of older iterations are not part of the current run. */
  iteration: Scalars['Int']['output'];
  /** When the current iteration started (`JobStatus.LastExecution`). */
  lastExecution: Maybe<Scalars['DateTime']['output']>;
};

/** The tokens that let a node join (`docker swarm join-token`). A sensitive read. */
export type JoinTokens = {
  __typename?: 'JoinTokens';
  /** Token for joining as a manager. */
  manager: Scalars['String']['output'];
  /** Token for joining as a worker. */
  worker: Scalars['String']['output'];
};

/** A key/value pair: a label, a driver option, an environment variable. */
export type KeyValue = {
  __typename?: 'KeyValue';
  /** The key. */
  key: Scalars['String']['output'];
  /** The value (may be empty). */
  value: Scalars['String']['output'];
};

/** A key/value pair in an input: a label (`--label k=v`) or a driver option (`--opt k=v`). */
export type KeyValueInput = {
  /** The key. Label keys: letters, digits, `.`, `-`, `_`, `/`; not empty. */
  key: Scalars['String']['input'];
  /** The value; empty by default. */
  value?: InputMaybe<Scalars['String']['input']>;
};

/** A label change for nodes and services. */
export type LabelChangesInput = {
  /** Labels added or overwritten (`--label-add`). */
  add?: InputMaybe<Array<KeyValueInput>>;
  /** Label keys removed (`--label-rm`). */
  remove?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** A line of service logs. */
export type LogLine = {
  __typename?: 'LogLine';
  /** The line, without its trailing newline. */
  message: Scalars['String']['output'];
  /** The node the task ran on, when known. */
  nodeId: Maybe<Scalars['ID']['output']>;
  /** The stream the line was written to. */
  stream: LogStream;
  /** The task that wrote it, when known. */
  taskId: Maybe<Scalars['ID']['output']>;
  /** When the line was written, if the engine gave a timestamp. */
  timestamp: Maybe<Scalars['DateTime']['output']>;
};

/** The output stream of a log line. */
export type LogStream =
  /** Standard error. */
  | 'stderr'
  /** Standard output. */
  | 'stdout';

/** A mount of a service's containers, as `--mount type=...,source=...,target=...` sets it. */
export type MountInput = {
  /** Mount read-only (`readonly`); not for an anonymous volume. */
  readOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** BIND: an absolute host path (guardrail: guarded callers only under the allowed prefixes, never the Docker socket). VOLUME: the volume's name; omitted, an anonymous volume. TMPFS: not allowed. */
  source?: InputMaybe<Scalars['String']['input']>;
  /** Absolute path inside the container, not `/`; each target once. */
  target: Scalars['String']['input'];
  /** Bind, volume or tmpfs. */
  type: MountType;
  /** VOLUME only: the volume driver (`volume-driver=`), default `local`. Guardrail: guarded callers only `local` or the configured `guardrails.allowedVolumeDrivers`. */
  volumeDriver?: InputMaybe<Scalars['String']['input']>;
  /** VOLUME only: driver options (`volume-opt=`). Guardrail: guarded callers may set none (`type=proc`, `type=sysfs`, `o=lowerdir=/` would reach the host) unless `guardrails.allowedVolumeOptions` allows the key and value; a bound `device` is a host path under the bind mount rules. */
  volumeOptions?: InputMaybe<Array<KeyValueInput>>;
};

/** Kind of a service mount (`type=` of `--mount`). */
export type MountType =
  /** A host path (`type=bind`). Guardrail: guarded callers only under the configured allowed prefixes, never the Docker socket. */
  | 'BIND'
  /** A tmpfs in the task's memory (`type=tmpfs`). */
  | 'TMPFS'
  /** A named volume, or an anonymous one without a source (`type=volume`). */
  | 'VOLUME';

/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Create an API token for a bot or a script, within the caller's own grants; the token is in the payload, once. */
  apiTokenCreate: ApiTokenCreatePayload;
  /** Revoke an API token (one within the caller's own grants; others are NOT_FOUND), and every token it created, transitively. They are refused from then on. */
  apiTokenRevoke: ApiTokenRevokePayload;
  /** Create a config (`docker config create`). */
  configCreate: ConfigCreatePayload;
  /** Remove a config no service references (`docker config rm`). */
  configRemove: ConfigRemovePayload;
  /** Replace a config's data: a new version, every service using it moved to it (each a rollout), the old one removed. */
  configRotate: ConfigRotatePayload;
  /** Change a config's labels (swarmkit does not let the data change). */
  configUpdate: ConfigUpdatePayload;
  /** Run a command in a running container (`docker exec`), non-interactive, with a time limit and bounded output; audited with the command (secret-looking values redacted). */
  containerExec: ContainerExecPayload;
  /** Remove a container (`docker rm`). */
  containerRemove: ContainerRemovePayload;
  /** Create and start a standalone container on an engine (`docker run -d`); the container policy judges its create body first (everyone but an unscoped admin). */
  containerRun: ContainerRunPayload;
  /** Start a stopped container (`docker start`). */
  containerStart: ContainerStartPayload;
  /** Stop a container (`docker stop`). */
  containerStop: ContainerStopPayload;
  /** Connect a standalone container to a network (`docker network connect`). */
  networkConnect: NetworkConnectPayload;
  /** Create a network (`docker network create`). */
  networkCreate: NetworkCreatePayload;
  /** Create `docker_gwbridge` on an engine before it joins a swarm. */
  networkCreateGatewayBridge: NetworkCreateGatewayBridgePayload;
  /** Disconnect a container from a network (`docker network disconnect`). */
  networkDisconnect: NetworkDisconnectPayload;
  /** Remove unused networks (`docker network prune`). */
  networkPrune: NetworkPrunePayload;
  /** Remove networks (`docker network rm`). */
  networkRemove: NetworkRemovePayload;
  /** Make a manager a worker (`docker node demote`). */
  nodeDemote: NodeDemotePayload;
  /** Make a worker a manager (`docker node promote`). */
  nodePromote: NodePromotePayload;
  /** Remove a node from the swarm (`docker node rm`). */
  nodeRemove: NodeRemovePayload;
  /** Change a node's availability, role or labels (`docker node update`). */
  nodeUpdate: NodeUpdatePayload;
  /** Create a secret (`docker secret create`). */
  secretCreate: SecretCreatePayload;
  /** Remove a secret no service references (`docker secret rm`). */
  secretRemove: SecretRemovePayload;
  /** Replace a secret's data: a new version, every service using it moved to it (each a rollout), the old one removed. */
  secretRotate: SecretRotatePayload;
  /** Change a secret's labels (swarmkit does not let the data change). */
  secretUpdate: SecretUpdatePayload;
  /** Create a service (`docker service create`). */
  serviceCreate: ServiceCreatePayload;
  /** Remove a service (`docker service rm`). */
  serviceRemove: ServiceRemovePayload;
  /** Roll a service back to its previous spec (`docker service rollback`). Guardrail: for guarded callers the spec it would restore passes the service-spec policy first (it must hold the worker constraint); refusals at `input.id`. */
  serviceRollback: ServiceRollbackPayload;
  /** Set a service's replicas (`docker service scale`). Guardrail: the whole spec passes the service-spec policy for guarded callers (it runs again), refusals at `input.id`. */
  serviceScale: ServiceScalePayload;
  /** Change a service (`docker service update`). */
  serviceUpdate: ServiceUpdatePayload;
  /** Deploy a stack from a compose file, as `docker stack deploy` does: `<stack>_<key>` names and the `com.docker.stack.namespace` label on everything; networks, secrets and configs created first, then services created or updated (each a rollout). The guardrail policy checks every service's final spec before anything is created. */
  stackDeploy: StackDeployPayload;
  /** Remove a stack (`docker stack rm`): its services, then its networks, secrets and configs. A label-scoped caller is refused (IN_USE, nothing removed) when the stack holds an object outside its scope. */
  stackRemove: StackRemovePayload;
  /** Create a swarm (`docker swarm init`). */
  swarmInit: SwarmInitPayload;
  /** Make a configured engine join the cluster (`docker swarm join`), with a token the gateway fetches itself. */
  swarmJoin: SwarmJoinPayload;
  /** Make an engine leave its swarm (`docker swarm leave`). */
  swarmLeave: SwarmLeavePayload;
  /** Rotate a join token (`docker swarm join-token --rotate`). */
  swarmRotateJoinToken: SwarmRotateJoinTokenPayload;
  /** Change the swarm's settings (`docker swarm update`). */
  swarmUpdate: SwarmUpdatePayload;
  /** Make a redeploy trigger for a service the caller may update; the secret is in the payload, once. */
  triggerCreate: TriggerCreatePayload;
  /** Remove a redeploy trigger the caller may manage; calls to it are refused from then on. */
  triggerRemove: TriggerRemovePayload;
  /** Register a webhook (an unscoped admin, or a deployer for its own label scope). Its URL's host must be on `webhooks.allowedHosts`. */
  webhookCreate: WebhookCreatePayload;
  /** Remove a webhook the caller may manage; its pending deliveries are dropped. */
  webhookRemove: WebhookRemovePayload;
  /** Change a webhook the caller may manage. */
  webhookUpdate: WebhookUpdatePayload;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationApiTokenCreateArgs = {
  input: ApiTokenCreateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationApiTokenRevokeArgs = {
  input: ApiTokenRevokeInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationConfigCreateArgs = {
  input: ConfigCreateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationConfigRemoveArgs = {
  input: ConfigRemoveInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationConfigRotateArgs = {
  input: ConfigRotateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationConfigUpdateArgs = {
  input: ConfigUpdateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationContainerExecArgs = {
  input: ContainerExecInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationContainerRemoveArgs = {
  input: ContainerRemoveInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationContainerRunArgs = {
  input: ContainerRunInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationContainerStartArgs = {
  input: ContainerStartInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationContainerStopArgs = {
  input: ContainerStopInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationNetworkConnectArgs = {
  input: NetworkConnectInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationNetworkCreateArgs = {
  input: NetworkCreateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationNetworkCreateGatewayBridgeArgs = {
  input: NetworkCreateGatewayBridgeInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationNetworkDisconnectArgs = {
  input: NetworkDisconnectInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationNetworkPruneArgs = {
  input: NetworkPruneInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationNetworkRemoveArgs = {
  input: NetworkRemoveInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationNodeDemoteArgs = {
  input: NodeDemoteInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationNodePromoteArgs = {
  input: NodePromoteInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationNodeRemoveArgs = {
  input: NodeRemoveInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationNodeUpdateArgs = {
  input: NodeUpdateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationSecretCreateArgs = {
  input: SecretCreateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationSecretRemoveArgs = {
  input: SecretRemoveInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationSecretRotateArgs = {
  input: SecretRotateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationSecretUpdateArgs = {
  input: SecretUpdateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationServiceCreateArgs = {
  input: ServiceCreateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationServiceRemoveArgs = {
  input: ServiceRemoveInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationServiceRollbackArgs = {
  input: ServiceRollbackInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationServiceScaleArgs = {
  input: ServiceScaleInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationServiceUpdateArgs = {
  input: ServiceUpdateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationStackDeployArgs = {
  input: StackDeployInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationStackRemoveArgs = {
  input: StackRemoveInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationSwarmInitArgs = {
  input: SwarmInitInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationSwarmJoinArgs = {
  input: SwarmJoinInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationSwarmLeaveArgs = {
  input: SwarmLeaveInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationSwarmRotateJoinTokenArgs = {
  input: SwarmRotateJoinTokenInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationSwarmUpdateArgs = {
  input: SwarmUpdateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationTriggerCreateArgs = {
  input: TriggerCreateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationTriggerRemoveArgs = {
  input: TriggerRemoveInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationWebhookCreateArgs = {
  input: WebhookCreateInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationWebhookRemoveArgs = {
  input: WebhookRemoveInput;
};


/** Everything that changes a swarm. Each mutation takes one `input` and returns a payload with `userErrors`. */
export type MutationWebhookUpdateArgs = {
  input: WebhookUpdateInput;
};

/** A Docker network (`docker network inspect`). */
export type Network = {
  __typename?: 'Network';
  /** Whether standalone containers can connect (`--attachable`). */
  attachable: Scalars['Boolean']['output'];
  /** Containers attached on the engine that answered (overlay inspect shows local containers only). */
  containers: Array<NetworkContainer>;
  /** When the network was created. */
  createdAt: Maybe<Scalars['DateTime']['output']>;
  /** Driver: `overlay`, `bridge`, `host`, `null`... */
  driver: Scalars['String']['output'];
  /** Whether the data plane is encrypted (`--opt encrypted`). See README: this kernel cannot pass encrypted traffic. */
  encrypted: Scalars['Boolean']['output'];
  /** The configured engine whose view this is (`networks(engine:)`, `network(engine:)`); null for the cluster's view (its manager endpoint). */
  engine: Maybe<Scalars['String']['output']>;
  /** The network's ID. */
  id: Scalars['ID']['output'];
  /** Whether this is the routing mesh's ingress network (`--ingress`). */
  ingress: Scalars['Boolean']['output'];
  /** Whether external access is blocked (`--internal`). */
  internal: Scalars['Boolean']['output'];
  /** IPAM configurations. */
  ipam: Array<IpamConfig>;
  /** IPAM driver. */
  ipamDriver: Scalars['String']['output'];
  /** Whether IPv6 is enabled (`--ipv6`). */
  ipv6: Scalars['Boolean']['output'];
  /** Labels (`--label`). */
  labels: Array<KeyValue>;
  /** MTU from `com.docker.network.driver.mtu`, if set. */
  mtu: Maybe<Scalars['Int']['output']>;
  /** The network's name. */
  name: Scalars['String']['output'];
  /** Driver options (`--opt`). */
  options: Array<KeyValue>;
  /** Nodes that take part in this overlay network (verbose inspect). */
  peers: Array<NetworkPeer>;
  /** Scope: SWARM for networks of the whole swarm, LOCAL for an engine's own. */
  scope: NetworkScope;
  /** Services attached to this network, with their virtual IPs. */
  services: Array<NetworkService>;
  /** VXLAN IDs from `com.docker.network.driver.overlay.vxlanid_list`. */
  vxlanIds: Array<Scalars['Int']['output']>;
};

/** Input of `networkConnect` (`docker network connect`). */
export type NetworkConnectInput = {
  /** Network-scoped aliases (`--alias`). */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The cluster the network belongs to. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Container ID, ID prefix or name. */
  container: Scalars['ID']['input'];
  /** The configured engine the container runs on (default: the cluster's manager endpoint). */
  engine?: InputMaybe<Scalars['String']['input']>;
  /** Static IPv4 address inside the network's subnet (`--ip`). */
  ipv4Address?: InputMaybe<Scalars['String']['input']>;
  /** Static IPv6 address (`--ip6`). */
  ipv6Address?: InputMaybe<Scalars['String']['input']>;
  /** Network ID, ID prefix or name; must be attachable if it is an overlay. */
  network: Scalars['ID']['input'];
};

/** Result of `networkConnect`. */
export type NetworkConnectPayload = {
  __typename?: 'NetworkConnectPayload';
  /** The container after the change. */
  container: Maybe<Container>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A page of networks. */
export type NetworkConnection = {
  __typename?: 'NetworkConnection';
  /** The networks of this page with their cursors. */
  edges: Array<NetworkEdge>;
  /** The networks of this page. */
  nodes: Array<Network>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many networks match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A container attached to a network, as its engine reports it. */
export type NetworkContainer = {
  __typename?: 'NetworkContainer';
  /** The container's ID (`lb-<network>` for the swarm load balancer endpoint). */
  id: Scalars['ID']['output'];
  /** IPv4 address with prefix. */
  ipv4Address: Maybe<Scalars['String']['output']>;
  /** IPv6 address with prefix. */
  ipv6Address: Maybe<Scalars['String']['output']>;
  /** MAC address. */
  macAddress: Maybe<Scalars['String']['output']>;
  /** The container's name. */
  name: Scalars['String']['output'];
};

/**
 * Input of `networkCreateGatewayBridge`: creates the local bridge network `docker_gwbridge` on
 * an engine before it joins a swarm, so its subnet and options are yours rather than Docker's
 * defaults (the overlay guide's "Customize the docker_gwbridge").
 */
export type NetworkCreateGatewayBridgeInput = {
  /** Linux bridge name (`com.docker.network.bridge.name`), default `docker_gwbridge`. */
  bridgeName?: InputMaybe<Scalars['String']['input']>;
  /** Inter-container communication (`com.docker.network.bridge.enable_icc`), default false as Docker sets it. */
  enableIcc?: InputMaybe<Scalars['Boolean']['input']>;
  /** IP masquerading (`com.docker.network.bridge.enable_ip_masquerade`), default true. */
  enableIpMasquerade?: InputMaybe<Scalars['Boolean']['input']>;
  /** The configured engine (not yet in a swarm) to create the bridge on. */
  engine: Scalars['String']['input'];
  /** Gateway inside the subnet (`--gateway`). */
  gateway?: InputMaybe<Scalars['String']['input']>;
  /** MTU (`com.docker.network.driver.mtu`). */
  mtu?: InputMaybe<Scalars['Int']['input']>;
  /** Subnet, CIDR (`--subnet`). */
  subnet: Scalars['String']['input'];
};

/** Result of `networkCreateGatewayBridge`. */
export type NetworkCreateGatewayBridgePayload = {
  __typename?: 'NetworkCreateGatewayBridgePayload';
  /** The created bridge network, as the engine inspects it. */
  network: Maybe<Network>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Input of `networkCreate` (`docker network create`). */
export type NetworkCreateInput = {
  /** Let standalone containers connect (`--attachable`). */
  attachable?: InputMaybe<Scalars['Boolean']['input']>;
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Driver (`--driver`). Only `overlay` can be created through a cluster; any other value is refused with INVALID_VALUE (local bridges: `networkCreateGatewayBridge`). */
  driver?: InputMaybe<Scalars['String']['input']>;
  /** Encrypt the data plane (`--opt encrypted`). */
  encrypted?: InputMaybe<Scalars['Boolean']['input']>;
  /** Create the routing mesh's ingress network (`--ingress`); only one may exist. */
  ingress?: InputMaybe<Scalars['Boolean']['input']>;
  /** Block external access (`--internal`). */
  internal?: InputMaybe<Scalars['Boolean']['input']>;
  /** IPAM configurations (`--subnet/--gateway/--ip-range`, repeated). Overlay subnets must have room for the gateway, one load-balancer address per node and the tasks (IPv4 /29 or shorter, IPv6 /125 or shorter), must not touch the loopback, multicast, link-local, `0.0.0.0/8` or `240.0.0.0/4` ranges (INVALID_CIDR), and must not overlap a subnet of another network of the cluster (SUBNET_OVERLAP; a network outside the caller's read scope is called "another network", unnamed). */
  ipam?: InputMaybe<Array<IpamConfigInput>>;
  /** Enable IPv6 (`--ipv6`). Needs an IPv6 subnet in `ipam` (the swarm does not pick one; without it every task would be rejected): INVALID_VALUE otherwise. */
  ipv6?: InputMaybe<Scalars['Boolean']['input']>;
  /** Labels (`--label k=v`). */
  labels?: InputMaybe<Array<KeyValueInput>>;
  /** MTU, shorthand for `--opt com.docker.network.driver.mtu=N` (68-65535). */
  mtu?: InputMaybe<Scalars['Int']['input']>;
  /** Network name: letters, digits, `_`, `-`, starting with a letter or digit, not ending in `_` or `-`, up to 63 characters (swarmkit's rule for overlay names). */
  name: Scalars['String']['input'];
  /** Driver options (`--opt k=v`). */
  options?: InputMaybe<Array<KeyValueInput>>;
};

/** Result of `networkCreate`. */
export type NetworkCreatePayload = {
  __typename?: 'NetworkCreatePayload';
  /** The created network. */
  network: Maybe<Network>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Input of `networkDisconnect` (`docker network disconnect`). */
export type NetworkDisconnectInput = {
  /** The cluster the network belongs to. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Container ID, ID prefix or name. */
  container: Scalars['ID']['input'];
  /** The configured engine the container runs on (default: the cluster's manager endpoint). */
  engine?: InputMaybe<Scalars['String']['input']>;
  /** Disconnect even if the container is not running (`--force`). */
  force?: InputMaybe<Scalars['Boolean']['input']>;
  /** Network ID, ID prefix or name. */
  network: Scalars['ID']['input'];
};

/** Result of `networkDisconnect`. */
export type NetworkDisconnectPayload = {
  __typename?: 'NetworkDisconnectPayload';
  /** The container after the change. */
  container: Maybe<Container>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A network with its cursor. */
export type NetworkEdge = {
  __typename?: 'NetworkEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The network. */
  node: Network;
};

/** Filters for `networks`, as `docker network ls --filter`. */
export type NetworkFilter = {
  /** Only networks no container or service uses (true), or only used ones (false). */
  dangling?: InputMaybe<Scalars['Boolean']['input']>;
  /** Driver name. */
  driver?: InputMaybe<Scalars['String']['input']>;
  /** Labels, `key` or `key=value`; all must match. */
  label?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Name (substring, as Docker matches). */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Scope (`--filter scope=`). */
  scope?: InputMaybe<NetworkScope>;
};

/** A node taking part in an overlay network (`Peers`). */
export type NetworkPeer = {
  __typename?: 'NetworkPeer';
  /** The peer's address. */
  ip: Scalars['String']['output'];
  /** The peer's node name. */
  name: Scalars['String']['output'];
};

/** Input of `networkPrune` (`docker network prune`). */
export type NetworkPruneInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Only networks with these labels, `key` or `key=value` (`--filter label=`). */
  label?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Result of `networkPrune`. */
export type NetworkPrunePayload = {
  __typename?: 'NetworkPrunePayload';
  /** The removed networks, by name. */
  removed: Array<RemovedObject>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Input of `networkRemove` (`docker network rm NET...`). */
export type NetworkRemoveInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Network IDs, ID prefixes or names. */
  ids: Array<Scalars['ID']['input']>;
};

/** Result of `networkRemove`. All or nothing: when a userError is returned, no network was removed. */
export type NetworkRemovePayload = {
  __typename?: 'NetworkRemovePayload';
  /** The removed networks, in the order of `ids`. */
  removed: Array<RemovedObject>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Where a network exists (`Scope`, `--scope`). */
export type NetworkScope =
  /** On every engine, managed by a global driver (`global`). */
  | 'global'
  /** On one engine only (`local`): bridges, `host`, `none`. */
  | 'local'
  /** Across the swarm (`swarm`): overlays and swarm-scoped networks. */
  | 'swarm';

/** A service attached to a network, with its virtual IP there. */
export type NetworkService = {
  __typename?: 'NetworkService';
  /** Aliases the service has on this network. */
  aliases: Array<Scalars['String']['output']>;
  /** The service. */
  service: Service;
  /** The service's virtual IP on this network (vip endpoint mode). */
  virtualIp: Maybe<Scalars['String']['output']>;
};

/** A swarm node (`docker node inspect`). */
export type Node = {
  __typename?: 'Node';
  /** The address the node is reached at. */
  address: Scalars['String']['output'];
  /** CPU architecture (`x86_64`, `aarch64`). */
  architecture: Scalars['String']['output'];
  /** Availability for new tasks. */
  availability: NodeAvailability;
  /** CPUs available to tasks, in whole CPUs. */
  cpus: Scalars['Float']['output'];
  /** When the node joined. */
  createdAt: Scalars['DateTime']['output'];
  /** Labels of the engine itself (daemon `--label`). */
  engineLabels: Array<KeyValue>;
  /** The Docker Engine version on the node. */
  engineVersion: Scalars['String']['output'];
  /** The node's hostname. */
  hostname: Scalars['String']['output'];
  /** The node's ID. */
  id: Scalars['ID']['output'];
  /** Node labels (`docker node update --label-add`). */
  labels: Array<KeyValue>;
  /** Whether this manager is the Raft leader. */
  leader: Scalars['Boolean']['output'];
  /** For managers: the Raft address (`host:2377`). */
  managerAddress: Maybe<Scalars['String']['output']>;
  /** Memory available to tasks, in bytes. */
  memoryBytes: Scalars['Float']['output'];
  /** Name given in the node spec (`--name` is not settable by the CLI; usually empty). */
  name: Maybe<Scalars['String']['output']>;
  /** Operating system (`linux`, `windows`). */
  os: Scalars['String']['output'];
  /** For managers: whether the other managers reach it (`ManagerStatus.Reachability`); null for workers. */
  reachability: Maybe<NodeReachability>;
  /** Worker or manager. */
  role: NodeRole;
  /** State as the managers see it (`Status.State`). */
  state: NodeState;
  /** Message accompanying the state. */
  stateMessage: Maybe<Scalars['String']['output']>;
  /** Tasks the swarm has placed on this node (`docker node ps`). */
  tasks: Array<Task>;
  /** When the node object last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Object version; pass it to `nodeUpdate` to detect concurrent changes. */
  version: Scalars['Int']['output'];
};


/** A swarm node (`docker node inspect`). */
export type NodeTasksArgs = {
  desiredState?: InputMaybe<TaskState>;
};

/** A node's availability for new tasks (`--availability`). */
export type NodeAvailability =
  /** Takes new tasks. */
  | 'ACTIVE'
  /** Its tasks are moved to other nodes. */
  | 'DRAIN'
  /** Keeps its tasks but takes no new ones. */
  | 'PAUSE';

/** A page of nodes. */
export type NodeConnection = {
  __typename?: 'NodeConnection';
  /** The nodes of this page with their cursors. */
  edges: Array<NodeEdge>;
  /** The nodes of this page. */
  nodes: Array<Node>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many nodes match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Input of `nodeDemote` (`docker node demote`). */
export type NodeDemoteInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Node ID, ID prefix or hostname. */
  id: Scalars['ID']['input'];
};

/** Result of `nodeDemote`. */
export type NodeDemotePayload = {
  __typename?: 'NodeDemotePayload';
  /** The node after the change. */
  node: Maybe<Node>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A node with its cursor. */
export type NodeEdge = {
  __typename?: 'NodeEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The node. */
  node: Node;
};

/** Filters for `nodes`, as `docker node ls --filter`. */
export type NodeFilter = {
  /** Only this availability. */
  availability?: InputMaybe<NodeAvailability>;
  /** Node labels, `key` or `key=value`; all must match. */
  label?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Name or hostname prefix. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Only this role. */
  role?: InputMaybe<NodeRole>;
};

/** Input of `nodePromote` (`docker node promote`). */
export type NodePromoteInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Node ID, ID prefix or hostname. */
  id: Scalars['ID']['input'];
};

/** Result of `nodePromote`. */
export type NodePromotePayload = {
  __typename?: 'NodePromotePayload';
  /** The node after the change. */
  node: Maybe<Node>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Whether a manager is reachable by the other managers (`ManagerStatus.Reachability`). */
export type NodeReachability =
  /** The other managers reach it (`reachable`). */
  | 'reachable'
  /** Not known yet (`unknown`). */
  | 'unknown'
  /** The other managers cannot reach it (`unreachable`). */
  | 'unreachable';

/** Input of `nodeRemove` (`docker node rm`). */
export type NodeRemoveInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Remove a node that is not down, or a manager (`--force`). */
  force?: InputMaybe<Scalars['Boolean']['input']>;
  /** Node ID, ID prefix or hostname. */
  id: Scalars['ID']['input'];
};

/** Result of `nodeRemove`. */
export type NodeRemovePayload = {
  __typename?: 'NodeRemovePayload';
  /** The removed node (one item; empty when a userError is returned). */
  removed: Array<RemovedObject>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** The role a node has, or joins with. */
export type NodeRole =
  /** Takes part in Raft and serves the API. */
  | 'MANAGER'
  /** Runs tasks only. */
  | 'WORKER';

/** A node's state as the managers see it (`Status.State`). */
export type NodeState =
  /** The node lost its connection to the managers (`disconnected`). */
  | 'disconnected'
  /** The node does not answer its managers (`down`). */
  | 'down'
  /** The node is up and takes part (`ready`). */
  | 'ready'
  /** The managers do not know yet (`unknown`). */
  | 'unknown';

/** Input of `nodeUpdate` (`docker node update`). Omitted fields keep their value. */
export type NodeUpdateInput = {
  /** New availability (`--availability`). */
  availability?: InputMaybe<NodeAvailability>;
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Node ID, ID prefix or hostname. */
  id: Scalars['ID']['input'];
  /** Label changes. */
  labels?: InputMaybe<LabelChangesInput>;
  /** New role (`--role`). */
  role?: InputMaybe<NodeRole>;
  /** Version read from `Node.version`; default: the current version. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `nodeUpdate`. */
export type NodeUpdatePayload = {
  __typename?: 'NodeUpdatePayload';
  /** The node after the change. */
  node: Maybe<Node>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Relay page information. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the last item of this page; pass it as `after` for the next page. */
  endCursor: Maybe<Scalars['String']['output']>;
  /** Whether more items follow the last one of this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Whether items precede the first one of this page. */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item of this page. */
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A task the planned change would replace. */
export type PlannedTaskChange = {
  __typename?: 'PlannedTaskChange';
  /** The node the task is on; null when not yet assigned. */
  nodeId: Maybe<Scalars['ID']['output']>;
  /** The spec paths in which the task differs from the spec that would be sent (e.g. `TaskTemplate.ContainerSpec.Image`; `EndpointSpec` for ENDPOINT_CHANGED; empty for NEW_JOB_ITERATION). */
  paths: Array<Scalars['String']['output']>;
  /** Why it would be replaced. */
  reason: TaskReplaceReason;
  /** The replica slot; null for global services. */
  slot: Maybe<Scalars['Int']['output']>;
  /** The task's ID. */
  taskId: Scalars['ID']['output'];
};

/** One thing the guardrail policy would do to a planned spec. */
export type PolicyFinding = {
  __typename?: 'PolicyFinding';
  /** REFUSED: the input field at fault, as in userErrors; ADDED: null. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** Added or refused. */
  kind: PolicyFindingKind;
  /** What and why, in words. */
  message: Scalars['String']['output'];
  /** ADDED: the Engine spec path added to; REFUSED: null (see `field`). */
  path: Maybe<Scalars['String']['output']>;
};

/** Whether the policy adds something to the spec or refuses it. */
export type PolicyFindingKind =
  /** The policy adds this to the spec before sending (e.g. the worker placement constraint). */
  | 'ADDED'
  /** The policy refuses the spec: `serviceUpdate` would answer a GUARDRAIL userError. */
  | 'REFUSED';

/** A published port. */
export type PortConfig = {
  __typename?: 'PortConfig';
  /** Protocol. */
  protocol: PortProtocol;
  /** Publish mode. */
  publishMode: PublishMode;
  /** Port on the nodes; null lets Docker choose (ingress) or uses a random one. */
  publishedPort: Maybe<Scalars['Int']['output']>;
  /** Port inside the container. */
  targetPort: Scalars['Int']['output'];
};

/** A published port, structured. Equivalent to the long `--publish` form. */
export type PortConfigInput = {
  /** Protocol, default TCP. */
  protocol?: InputMaybe<PortProtocol>;
  /** Publish mode, default INGRESS. */
  publishMode?: InputMaybe<PublishMode>;
  /** Port on the nodes, 1-65535; omitted lets Docker choose. */
  publishedPort?: InputMaybe<Scalars['Int']['input']>;
  /** Port inside the container, 1-65535. */
  targetPort: Scalars['Int']['input'];
};

/** Transport protocol of a published port. */
export type PortProtocol =
  /** SCTP. */
  | 'SCTP'
  /** TCP. */
  | 'TCP'
  /** UDP. */
  | 'UDP';

/** Who is making a request, and what it holds. */
export type Principal = {
  __typename?: 'Principal';
  /** Its grants. */
  grants: Array<Grant>;
  /** The ID recorded in the audit log: `anonymous`, `token:<id>`, `oidc:<subject>`. */
  id: Scalars['String']['output'];
  /** How it authenticated. */
  kind: PrincipalKind;
  /** A human name: the token's name, the person's name or email, when known. */
  name: Maybe<Scalars['String']['output']>;
};

/** How a principal authenticated. */
export type PrincipalKind =
  /** No credentials; holds only the configured anonymous grants. */
  | 'ANONYMOUS'
  /** An OIDC/JWT bearer token. */
  | 'OIDC'
  /** An API token (`sgw_...`). */
  | 'TOKEN';

/** Where a published port listens (`mode=` of `--publish`). */
export type PublishMode =
  /** Directly on the node running the task. */
  | 'HOST'
  /** Through the routing mesh on every node (no traffic on this kernel, see README). */
  | 'INGRESS';

/** Everything that can be read. */
export type Query = {
  __typename?: 'Query';
  /** API tokens whose grants are within the caller's own, by name. Tokens live in the gateway's database: without one this is AUDIT_UNAVAILABLE. */
  apiTokens: ApiTokenConnection;
  /** The audit log, newest first. Also exported as NDJSON or CSV at `/audit/export` with the same filters. */
  auditRecords: AuditRecordConnection;
  /** Checks the audit log's hash chain, whole or for a time range, and names the first record that fails. */
  auditVerify: AuditVerification;
  /** The clusters this gateway fronts that the caller's grants cover. */
  clusters: Array<Cluster>;
  /** One config by ID, ID prefix or name (`docker config inspect`). A reference outside Docker's grammar is BAD_REQUEST. */
  config: Config;
  /** Configs (`docker config ls`). */
  configs: ConfigConnection;
  /** One container by ID, ID prefix or name (Docker's `/name` form is accepted). A reference outside Docker's grammar (a letter or digit, then letters, digits, `_`, `.`, `-`) is BAD_REQUEST. */
  container: Container;
  /** The last lines of a container's logs (`docker logs --tail N --since T --timestamps`), within the caller's label scope. Read as `service.logs` is: by readers, not audited. */
  containerLogs: ContainerLogs;
  /** Containers on one engine (`docker ps`): the cluster's manager endpoint, or a configured engine. */
  containers: ContainerConnection;
  /** The overlay guide's checks for a cluster. */
  diagnostics: Diagnostics;
  /** The configured named engines and their swarm state. */
  engines: Array<ConfiguredEngine>;
  /** One network by ID, ID prefix or name (`docker network inspect`). A reference outside Docker's grammar (a letter or digit, then letters, digits, `_`, `.`, `-`) is BAD_REQUEST. */
  network: Network;
  /**
   * Networks (`docker network ls`): the cluster's (its swarm networks and the manager endpoint's
   * local ones), or, with `engine`, the networks one configured engine has as `docker network ls`
   * on that host lists them (its own `bridge`, `host`, `none` and other local networks, and the
   * swarm networks it has joined: on a worker, an overlay appears once a task or container there
   * is attached to it).
   */
  networks: NetworkConnection;
  /** One node by ID, ID prefix or hostname (`docker node inspect`). A reference outside Docker's grammar (a letter or digit, then letters, digits, `_`, `.`, `-`) is BAD_REQUEST. */
  node: Node;
  /** Nodes (`docker node ls`). */
  nodes: NodeConnection;
  /** A rollout by ID, if the caller may read its service (others are NOT_FOUND). Needs the gateway's database. */
  rollout: Rollout;
  /** One secret by ID, ID prefix or name (`docker secret inspect`). A reference outside Docker's grammar is BAD_REQUEST. */
  secret: Secret;
  /** Secrets (`docker secret ls`). */
  secrets: SecretConnection;
  /** One service by ID, ID prefix or name (`docker service inspect`). A reference outside Docker's grammar (a letter or digit, then letters, digits, `_`, `.`, `-`) is BAD_REQUEST. */
  service: Service;
  /** What `serviceUpdate` with this input would do, changing nothing: the spec difference, the tasks the swarm would replace (swarmkit's rules), what the guardrail policy would add or refuse, and a hash to pass as `ServiceUpdateInput.planHash`. Reads the engine, not the watched state. The same roles and checks as `serviceUpdate` (an operator plans only what it may change). A read: not audited. */
  servicePlan: ServicePlan;
  /** Services (`docker service ls`). */
  services: ServiceConnection;
  /** One stack by name (`docker stack services/ps <name>`); NOT_FOUND when the caller can read no object of it. */
  stack: Stack;
  /** What `stackDeploy` with this input would do, changing nothing: the objects it would create, update or remove, each service's spec difference and the tasks the swarm would replace, the policy's findings, and a hash to pass as `StackDeployInput.planHash`. Reads the engine. The same roles and checks as `stackDeploy`. A read: not audited. */
  stackPlan: StackPlan;
  /** Stacks (`docker stack ls`): every namespace label value on the cluster's services, networks, secrets and configs the caller may read, by name. */
  stacks: StackConnection;
  /** The swarm of a cluster (`docker swarm inspect`). */
  swarm: Swarm;
  /** The join tokens (`docker swarm join-token`). A sensitive read, recorded in the audit log. */
  swarmJoinTokens: JoinTokens;
  /** The unlock key of an autolocked swarm (`docker swarm unlock-key`), or null. A sensitive read. */
  swarmUnlockKey: Maybe<Scalars['String']['output']>;
  /** One task by ID or ID prefix. A reference outside Docker's grammar (a letter or digit, then letters, digits, `_`, `.`, `-`) is BAD_REQUEST. */
  task: Task;
  /** Tasks (`docker service ps`, `docker node ps`). */
  tasks: TaskConnection;
  /** Redeploy triggers the caller may manage (those of services it may update). */
  triggers: Array<RedeployTrigger>;
  /** Webhooks the caller may manage: all for an unscoped admin; a scoped deployer's own scope's. */
  webhooks: Array<Webhook>;
  /** Who the caller is, and its grants. */
  whoami: Principal;
};


/** Everything that can be read. */
export type QueryApiTokensArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRevoked?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Everything that can be read. */
export type QueryAuditRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditRecordFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that can be read. */
export type QueryAuditVerifyArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Everything that can be read. */
export type QueryConfigArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


/** Everything that can be read. */
export type QueryConfigsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cluster?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StoredObjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that can be read. */
export type QueryContainerArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  engine?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


/** Everything that can be read. */
export type QueryContainerLogsArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  engine?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  maxBytes?: InputMaybe<Scalars['Int']['input']>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
  stderr?: InputMaybe<Scalars['Boolean']['input']>;
  stdout?: InputMaybe<Scalars['Boolean']['input']>;
  tail?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that can be read. */
export type QueryContainersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cluster?: InputMaybe<Scalars['String']['input']>;
  engine?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ContainerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that can be read. */
export type QueryDiagnosticsArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
};


/** Everything that can be read. */
export type QueryNetworkArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  engine?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


/** Everything that can be read. */
export type QueryNetworksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cluster?: InputMaybe<Scalars['String']['input']>;
  engine?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NetworkFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that can be read. */
export type QueryNodeArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


/** Everything that can be read. */
export type QueryNodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cluster?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<NodeFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that can be read. */
export type QueryRolloutArgs = {
  id: Scalars['ID']['input'];
};


/** Everything that can be read. */
export type QuerySecretArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


/** Everything that can be read. */
export type QuerySecretsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cluster?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<StoredObjectFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that can be read. */
export type QueryServiceArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


/** Everything that can be read. */
export type QueryServicePlanArgs = {
  input: ServiceUpdateInput;
};


/** Everything that can be read. */
export type QueryServicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cluster?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ServiceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that can be read. */
export type QueryStackArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};


/** Everything that can be read. */
export type QueryStackPlanArgs = {
  input: StackDeployInput;
};


/** Everything that can be read. */
export type QueryStacksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cluster?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that can be read. */
export type QuerySwarmArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
};


/** Everything that can be read. */
export type QuerySwarmJoinTokensArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
};


/** Everything that can be read. */
export type QuerySwarmUnlockKeyArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
};


/** Everything that can be read. */
export type QueryTaskArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
};


/** Everything that can be read. */
export type QueryTasksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  cluster?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TaskFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Everything that can be read. */
export type QueryTriggersArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  service?: InputMaybe<Scalars['ID']['input']>;
};


/** Everything that can be read. */
export type QueryWebhooksArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
};

/** How many manager failures the swarm survives (Raft needs a majority of managers). */
export type Quorum = {
  __typename?: 'Quorum';
  /** Managers that can fail while a majority remains: floor((managers - 1) / 2). */
  faultTolerance: Scalars['Int']['output'];
  /** Whether reachable managers still form a majority. */
  hasQuorum: Scalars['Boolean']['output'];
  /** Managers needed for a majority: floor(managers / 2) + 1. */
  majority: Scalars['Int']['output'];
  /** Managers in the swarm. */
  managers: Scalars['Int']['output'];
  /** Managers whose `ManagerStatus.Reachability` is `reachable`. */
  reachableManagers: Scalars['Int']['output'];
  /** Warnings: an even number of managers (no added fault tolerance), a quorum at risk or lost. */
  warnings: Array<Scalars['String']['output']>;
};

/** Raft settings of the swarm (`SwarmSpec.Raft`). */
export type RaftSpec = {
  __typename?: 'RaftSpec';
  /** Ticks without a leader before an election. */
  electionTick: Scalars['Int']['output'];
  /** Ticks between heartbeats. */
  heartbeatTick: Scalars['Int']['output'];
  /** Snapshots kept besides the current one. */
  keepOldSnapshots: Scalars['Int']['output'];
  /** Log entries kept after a snapshot for slow followers. */
  logEntriesForSlowFollowers: Scalars['Int']['output'];
  /** Log entries between snapshots (`--snapshot-interval`). */
  snapshotInterval: Scalars['Int']['output'];
};

/**
 * A URL that redeploys one service when called, for a registry or CI that cannot speak GraphQL:
 * `POST /triggers/<id>` with `Authorization: Bearer <secret>` (and `{"tag": "..."}` for IMAGE_TAG;
 * `{"wait": seconds}` to answer only at the rollout's conclusion). The change is made, audited and
 * judged by the guardrail policy as if its creator made it, with the creator's grants as they were when
 * the trigger was made (an API token that is revoked or expired stops its triggers). The answer is the
 * rollout as JSON.
 */
export type RedeployTrigger = {
  __typename?: 'RedeployTrigger';
  /** What it does. */
  action: TriggerAction;
  /** The cluster of the service. */
  cluster: Scalars['String']['output'];
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Who made it (a principal ID); changes are audited as this principal. */
  createdBy: Scalars['String']['output'];
  /** The trigger's ID: part of its URL, unguessable (128 random bits). */
  id: Scalars['ID']['output'];
  /** When it last rolled something out; null: never. */
  lastFiredAt: Maybe<Scalars['DateTime']['output']>;
  /** The path to POST to, `/triggers/<id>`. */
  path: Scalars['String']['output'];
  /** The service's ID. */
  serviceId: Scalars['ID']['output'];
  /** The service's name when the trigger was made. */
  serviceName: Scalars['String']['output'];
};

/**
 * An object a removal mutation removed (`nodeRemove`, `networkRemove`, `networkPrune`,
 * `serviceRemove`): every removal payload lists them in `removed`, in the order they were removed.
 */
export type RemovedObject = {
  __typename?: 'RemovedObject';
  /** The object's ID. Null only in `networkPrune` for a network the gateway did not see before the prune (one created meanwhile): the engine reports pruned networks by name. */
  id: Maybe<Scalars['ID']['output']>;
  /** The object's name (a node's hostname). */
  name: Scalars['String']['output'];
};

/** A port that must be open between the swarm's nodes. */
export type RequiredPort = {
  __typename?: 'RequiredPort';
  /** The port. */
  port: Scalars['Int']['output'];
  /** TCP or UDP. */
  protocol: PortProtocol;
  /** What it is for. */
  purpose: Scalars['String']['output'];
};

/** Resources of a service's tasks. */
export type Resources = {
  __typename?: 'Resources';
  /** CPU limit in CPUs (`--limit-cpu`). */
  limitCpus: Maybe<Scalars['Float']['output']>;
  /** Memory limit in bytes (`--limit-memory`). */
  limitMemoryBytes: Maybe<Scalars['Float']['output']>;
  /** CPU reservation in CPUs (`--reserve-cpu`). */
  reserveCpus: Maybe<Scalars['Float']['output']>;
  /** Memory reservation in bytes (`--reserve-memory`). */
  reserveMemoryBytes: Maybe<Scalars['Float']['output']>;
};

/** Resources of a service's tasks. */
export type ResourcesInput = {
  /** CPU limit in CPUs, e.g. 0.5 (`--limit-cpu`). */
  limitCpus?: InputMaybe<Scalars['Float']['input']>;
  /** Memory limit, e.g. `512M`, `1G`, or bytes (`--limit-memory`). */
  limitMemory?: InputMaybe<Scalars['String']['input']>;
  /** CPU reservation in CPUs (`--reserve-cpu`). */
  reserveCpus?: InputMaybe<Scalars['Float']['input']>;
  /** Memory reservation (`--reserve-memory`). */
  reserveMemory?: InputMaybe<Scalars['String']['input']>;
};

/**
 * A role: what a grant allows. Least to most powerful; `AUDITOR` stands apart. The README's
 * role table lists every operation of each.
 */
export type Role =
  /** Everything: swarm, nodes, join tokens, ingress, gateway bridges, API tokens, the audit log; no guardrails. */
  | 'ADMIN'
  /** Reads, exports and verifies the audit log. */
  | 'AUDITOR'
  /** Operator, plus create and remove services and networks, any service update, and API tokens within its own grants (a team's bots). */
  | 'DEPLOYER'
  /** Viewer, plus scale, update image/env, force redeploy, rollback, connect and disconnect containers. */
  | 'OPERATOR'
  /** Reads swarms, nodes, networks, services, tasks and containers; no join tokens or unlock key. */
  | 'VIEWER';

/**
 * A change that makes the swarm start or replace tasks, followed by the gateway to a verdict,
 * by the rules of `docker service create/update --detach=false` (docker/cli's service progress),
 * with a deadline and a verdict for automatic rollbacks, jobs, paused updates and unschedulable tasks.
 * One tracker per rollout runs in the gateway, whoever watches; its state is kept in the gateway's
 * database, so it survives a restart and concludes exactly once.
 */
export type Rollout = {
  __typename?: 'Rollout';
  /** The cluster of the service. */
  cluster: Scalars['String']['output'];
  /** When it concluded; null until then. */
  concludedAt: Maybe<Scalars['DateTime']['output']>;
  /** The verdict; null until it concludes. */
  conclusion: Maybe<RolloutConclusion>;
  /** When it concludes TIMED_OUT if it has not concluded before: the mutation's `deadline`, or a default from the update config (batches x (delay + monitor + 60 s) + 60 s, between 2 minutes and 1 hour). */
  deadline: Scalars['DateTime']['output'];
  /** Tasks wanted: replicas; eligible nodes for a global service; total completions for a job. */
  desired: Scalars['Int']['output'];
  /** Tasks of the new spec that failed or were rejected. */
  failed: Scalars['Int']['output'];
  /** The rollout's ID (a UUID). */
  id: Scalars['ID']['output'];
  /** What started it. */
  kind: RolloutKind;
  /** Why it concluded so, or what it is waiting for, in words. */
  reason: Maybe<Scalars['String']['output']>;
  /** Slots (or nodes) whose task of the new spec is `running` (a task `starting` until its health check passes is not); completed tasks for a job. */
  running: Scalars['Int']['output'];
  /** The service now; null once it is removed. */
  service: Maybe<Service>;
  /** The service's ID. */
  serviceId: Scalars['ID']['output'];
  /** The service's name when the rollout started. */
  serviceName: Scalars['String']['output'];
  /** The service version (`Service.version`) the change produced. */
  serviceVersion: Scalars['Int']['output'];
  /** Per slot (replicated services and jobs) or per node (global), the task that counts and its state. */
  slots: Array<RolloutSlot>;
  /** When the change was accepted. */
  startedAt: Scalars['DateTime']['output'];
  /** Who made the change (a principal ID, as in the audit log). */
  startedBy: Scalars['String']['output'];
  /** Where it stands. */
  status: RolloutStatus;
  /** The rollout that superseded this one, when the gateway made the newer change. */
  supersededBy: Maybe<Scalars['ID']['output']>;
  /** Slots (or nodes) whose current task has the new spec. */
  upToDate: Scalars['Int']['output'];
  /** The swarm's update message (`UpdateStatus.Message`). */
  updateMessage: Maybe<Scalars['String']['output']>;
  /** The swarm's own update state for this change (`UpdateStatus.State`); null when the swarm runs no update for it (a scale, a create). */
  updateState: Maybe<UpdateState>;
};

/** The verdict of a concluded rollout. Only SUCCEEDED is a success. */
export type RolloutConclusion =
  /** The rollout could not go on: the service was removed, or its state could not be read until the deadline. */
  | 'FAILED'
  /** No node can run the tasks (a global service constrained to no node, or tasks the scheduler cannot place); `reason` has the constraints or the scheduler's message. */
  | 'NO_ELIGIBLE_NODES'
  /** The swarm paused the update or rollback after failures (failure action PAUSE): `reason` holds its message. Resume with another update or a rollback. */
  | 'PAUSED_ON_FAILURE'
  /** The swarm rolled the change back automatically after failures (`rollback_completed`): the service runs its previous spec. A failure verdict (unlike `docker service update`, which exits 0 then). */
  | 'ROLLED_BACK'
  /** Every slot (or eligible node) ran the new spec through the verify window; a job completed all its tasks. */
  | 'SUCCEEDED'
  /** A newer change to the service (through the gateway or not) replaced this one before it concluded; `supersededBy` names the newer rollout when the gateway made it. */
  | 'SUPERSEDED'
  /** The deadline passed before the rollout converged; `reason` says what it was waiting for (e.g. tasks `starting` whose health check never passed). */
  | 'TIMED_OUT';

/** A page of rollouts, newest first. */
export type RolloutConnection = {
  __typename?: 'RolloutConnection';
  /** The rollouts of this page with their cursors. */
  edges: Array<RolloutEdge>;
  /** The rollouts of this page. */
  nodes: Array<Rollout>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many rollouts the service has had through the gateway, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A rollout with its cursor. */
export type RolloutEdge = {
  __typename?: 'RolloutEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The rollout. */
  node: Rollout;
};

/** What started a rollout. */
export type RolloutKind =
  /** `serviceCreate`: the first tasks of a new service. */
  | 'CREATE'
  /** `serviceUpdate` with `force` and nothing else that replaces tasks (`docker service update --force`), or a redeploy trigger. */
  | 'REDEPLOY'
  /** `serviceRollback` (`docker service rollback`). */
  | 'ROLLBACK'
  /** `serviceScale`, or a `serviceUpdate` that changes only the replica count. */
  | 'SCALE'
  /** `serviceUpdate` that changes the task spec or the mode (image, env, command, networks, ports...). */
  | 'UPDATE';

/** A slot of a replicated service or job, or a node of a global one, during a rollout. */
export type RolloutSlot = {
  __typename?: 'RolloutSlot';
  /** Its desired state. */
  desiredState: Maybe<TaskState>;
  /** The task's error (`Status.Err`), e.g. `no suitable node` or the exit code. */
  error: Maybe<Scalars['String']['output']>;
  /** The task's status message. */
  message: Maybe<Scalars['String']['output']>;
  /** The node the task is on; null before it is scheduled. */
  nodeId: Maybe<Scalars['ID']['output']>;
  /** The slot number; null for global services. */
  slot: Maybe<Scalars['Int']['output']>;
  /** Its observed state. */
  state: Maybe<TaskState>;
  /** The task that counts for this slot: the one the swarm wants running (the CLI's choice). */
  taskId: Maybe<Scalars['ID']['output']>;
  /** Whether the task runs the new spec. */
  upToDate: Scalars['Boolean']['output'];
};

/** Where a rollout stands. */
export type RolloutStatus =
  /** Concluded: see `conclusion`. */
  | 'COMPLETED'
  /** Tasks are being replaced or started. */
  | 'IN_PROGRESS'
  /** The swarm paused the update or the rollback (`paused`, `rollback_paused`); concluded PAUSED_ON_FAILURE. */
  | 'PAUSED'
  /** The change was accepted; no task of the new spec exists yet. */
  | 'QUEUED'
  /** The swarm is rolling the service back automatically (`rollback_started`) after failures (failure action ROLLBACK). */
  | 'ROLLING_BACK'
  /** Every slot runs the new spec; the gateway watches them for the update config's `monitor` time (the CLI's "verifying") before it concludes SUCCEEDED. */
  | 'VERIFYING';

/**
 * A swarm secret (`docker secret inspect`). Its data is in no response: the engine never
 * returns it, and the gateway never echoes it (nor logs it, nor keeps it in the audit log).
 */
export type Secret = {
  __typename?: 'Secret';
  /** When the secret was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The external secret driver (`--driver`), or null for the swarm's own store. */
  driver: Maybe<Scalars['String']['output']>;
  /** The secret's ID. */
  id: Scalars['ID']['output'];
  /** Labels (`--label`). */
  labels: Array<KeyValue>;
  /** The secret's name. */
  name: Scalars['String']['output'];
  /** When the secret's labels last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The services that reference it and that the caller may read (others are not shown). */
  usedBy: Array<Service>;
  /** Object version, for `secretUpdate`'s `version`. */
  version: Scalars['Int']['output'];
};

/** A page of secrets. */
export type SecretConnection = {
  __typename?: 'SecretConnection';
  /** The secrets of this page with their cursors. */
  edges: Array<SecretEdge>;
  /** The secrets of this page. */
  nodes: Array<Secret>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many secrets match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Input of `secretCreate` (`docker secret create NAME FILE`). */
export type SecretCreateInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** The data as UTF-8 text. Give exactly one of `data` and `dataBase64`; 1 byte to 500 KiB. */
  data?: InputMaybe<Scalars['String']['input']>;
  /** The data as base64 (standard alphabet, padded), for binary data. Give exactly one of `data` and `dataBase64`. */
  dataBase64?: InputMaybe<Scalars['String']['input']>;
  /** Labels (`--label k=v`). A label-scoped deployer's secret gets its scope's labels. */
  labels?: InputMaybe<Array<KeyValueInput>>;
  /** Secret name: letters and digits, with `-`, `_` or `.` between them, at most 64 characters (swarmkit's rule); a taken name is NAME_CONFLICT. */
  name: Scalars['String']['input'];
};

/** Result of `secretCreate`. */
export type SecretCreatePayload = {
  __typename?: 'SecretCreatePayload';
  /** The created secret. */
  secret: Maybe<Secret>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A secret with its cursor. */
export type SecretEdge = {
  __typename?: 'SecretEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The secret. */
  node: Secret;
};

/** A secret a service's tasks get as a file (`--secret source=S,target=T,uid=U,gid=G,mode=M`). */
export type SecretReferenceInput = {
  /** The file's group ID (`gid`); default 0. */
  gid?: InputMaybe<Scalars['String']['input']>;
  /** The file's mode, the octal permission bits as an Int (`mode=0440` is 288); default 0444 (292). */
  mode?: InputMaybe<Scalars['Int']['input']>;
  /** The secret's ID or name. One the caller may not read (another team's) is REFERENCE_NOT_FOUND, as a missing one. */
  source: Scalars['ID']['input'];
  /** The file's name under `/run/secrets/`; default: the secret's name. Relative, without `..` (as the CLI). */
  target?: InputMaybe<Scalars['String']['input']>;
  /** The file's owner user ID (`uid`); default 0. */
  uid?: InputMaybe<Scalars['String']['input']>;
};

/** Input of `secretRemove` (`docker secret rm`). */
export type SecretRemoveInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Secret ID, ID prefix or name. */
  id: Scalars['ID']['input'];
};

/** Result of `secretRemove`. Refused with IN_USE while a service references the secret (services the caller may not read are counted, not named). */
export type SecretRemovePayload = {
  __typename?: 'SecretRemovePayload';
  /** The removed secret. */
  removed: Array<RemovedObject>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/**
 * Input of `secretRotate`: new data for a secret, which swarmkit cannot change in place. The new
 * version is a new secret named `<base>.v<N>` (the first rotation of `db-password` makes
 * `db-password.v2`, the next `db-password.v3`), labelled `com.swarm-gateway.rotation.base=<base>`
 * and `com.swarm-gateway.rotation.version=<N>` besides the old one's labels.
 */
export type SecretRotateInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** The new data as UTF-8 text. Give exactly one of `data` and `dataBase64`; 1 byte to 500 KiB. */
  data?: InputMaybe<Scalars['String']['input']>;
  /** The new data as base64. Give exactly one of `data` and `dataBase64`. */
  dataBase64?: InputMaybe<Scalars['String']['input']>;
  /** Seconds each rollout may take before it concludes TIMED_OUT (10-86400). Default: from each service's update config. */
  deadline?: InputMaybe<Scalars['Int']['input']>;
  /** The secret to rotate: ID, ID prefix or name. */
  id: Scalars['ID']['input'];
  /** Remove the old secret once every service references the new one; default true. */
  removeOld?: InputMaybe<Scalars['Boolean']['input']>;
  /** Answer only once every rollout of the rotation concludes, or after this many seconds (1-900), whichever comes first. */
  wait?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * Result of `secretRotate`, one audited operation. A service referencing the secret outside the
 * caller's label scope refuses the whole rotation up front (IN_USE, nothing created). A failure
 * part-way is a userError whose message says exactly what was done (created, updated, not
 * updated, old kept); the audit outcome is then `failed`.
 */
export type SecretRotatePayload = {
  __typename?: 'SecretRotatePayload';
  /** Whether the old secret was removed. */
  oldRemoved: Scalars['Boolean']['output'];
  /** The rollout each service update started. */
  rollouts: Array<Rollout>;
  /** The new version. */
  secret: Maybe<Secret>;
  /** The services updated to reference the new version (same target, uid, gid and mode). */
  services: Array<Service>;
  /** Problems with the input, or what a rotation that stopped part-way did. */
  userErrors: Array<UserError>;
};

/** Input of `secretUpdate`: labels only (swarmkit refuses to change a secret's data: create a new secret instead). */
export type SecretUpdateInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Secret ID, ID prefix or name. */
  id: Scalars['ID']['input'];
  /** Label changes; a label-scoped caller may not remove or change its scope's labels (SCOPE_LABEL). */
  labels: LabelChangesInput;
  /** Version read from `Secret.version`; default: the current version. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `secretUpdate`. */
export type SecretUpdatePayload = {
  __typename?: 'SecretUpdatePayload';
  /** The secret as it is after the update. */
  secret: Maybe<Secret>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A swarm service (`docker service inspect`). */
export type Service = {
  __typename?: 'Service';
  /** Arguments. */
  args: Array<Scalars['String']['output']>;
  /** Whether a previous spec exists to roll back to. */
  canRollback: Scalars['Boolean']['output'];
  /** Capabilities added to the default set (`--cap-add`), as the engine stores them (`CAP_NET_ADMIN`, or `ALL`). */
  capabilityAdd: Array<Scalars['String']['output']>;
  /** Capabilities dropped from the default set (`--cap-drop`). */
  capabilityDrop: Array<Scalars['String']['output']>;
  /** Command (`ENTRYPOINT` override), if set. */
  command: Array<Scalars['String']['output']>;
  /** Configs its tasks get as files (`--config`), as the spec references them. */
  configs: Array<ServiceFileReference>;
  /** Placement constraints (`--constraint`). */
  constraints: Array<Scalars['String']['output']>;
  /** Container labels (`--container-label`). */
  containerLabels: Array<KeyValue>;
  /** When the service was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Tasks that should be running. */
  desiredTasks: Scalars['Int']['output'];
  /** DNS names other containers use to reach this service, per network, and the addresses they resolve to. */
  discovery: Array<ServiceDnsName>;
  /** Endpoint mode. */
  endpointMode: EndpointMode;
  /** Environment variables, `KEY=VALUE`. */
  env: Array<Scalars['String']['output']>;
  /** The health check set in the spec (`--health-*`, `--no-healthcheck`); null when the spec sets none (the image's own `HEALTHCHECK`, if any, applies). */
  healthcheck: Maybe<HealthCheck>;
  /** The service's ID. */
  id: Scalars['ID']['output'];
  /** The image (with digest if the engine resolved one). */
  image: Scalars['String']['output'];
  /** Where the job is (iteration, last execution); null unless a job. */
  jobStatus: Maybe<JobStatus>;
  /** Service labels. */
  labels: Array<KeyValue>;
  /** Recent log lines (`docker service logs --tail`). */
  logs: Array<LogLine>;
  /** Job tasks run at once (`--max-concurrent`, `ReplicatedJob.MaxConcurrent`); null unless a replicated job. */
  maxConcurrent: Maybe<Scalars['Int']['output']>;
  /** Replicated, global, or a replicated or global job. */
  mode: ServiceMode;
  /** Mounts (`--mount`), in the spec's order. */
  mounts: Array<ServiceMount>;
  /** The service's name. */
  name: Scalars['String']['output'];
  /** Networks with aliases and virtual IPs. */
  networks: Array<ServiceNetworkAttachment>;
  /** Published ports. */
  ports: Array<PortConfig>;
  /** Desired replicas (replicated mode), or the tasks to complete (`TotalCompletions`, replicated jobs); null otherwise. */
  replicas: Maybe<Scalars['Int']['output']>;
  /** Resources. */
  resources: Resources;
  /** Rollback policy. */
  rollbackConfig: Maybe<UpdatePolicy>;
  /** The rollouts the gateway has followed for this service, newest first; kept in the gateway's database (the engine keeps only its last events). A gateway without a database keeps them in memory: only this process's, since it started. */
  rollouts: RolloutConnection;
  /** Tasks currently running. */
  runningTasks: Scalars['Int']['output'];
  /** Secrets its tasks get as files (`--secret`), as the spec references them; never their data. */
  secrets: Array<ServiceFileReference>;
  /** The service's tasks (`docker service ps`). */
  tasks: Array<Task>;
  /** Update policy. */
  updateConfig: Maybe<UpdatePolicy>;
  /** State of the latest update or rollback. */
  updateStatus: Maybe<UpdateStatus>;
  /** When the service last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Object version; pass it to `serviceUpdate` to detect concurrent changes. */
  version: Scalars['Int']['output'];
};


/** A swarm service (`docker service inspect`). */
export type ServiceLogsArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
  tail?: InputMaybe<Scalars['Int']['input']>;
};


/** A swarm service (`docker service inspect`). */
export type ServiceRolloutsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A swarm service (`docker service inspect`). */
export type ServiceTasksArgs = {
  desiredState?: InputMaybe<TaskState>;
};

/** A page of services. */
export type ServiceConnection = {
  __typename?: 'ServiceConnection';
  /** The services of this page with their cursors. */
  edges: Array<ServiceEdge>;
  /** The services of this page. */
  nodes: Array<Service>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many services match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Input of `serviceCreate` (`docker service create`). */
export type ServiceCreateInput = {
  /** Arguments (`docker service create IMAGE ARG...`). */
  args?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Capabilities to add, `NET_ADMIN` or `CAP_NET_ADMIN` (`--cap-add`). Guardrail: guarded callers only those the configuration allows. */
  capabilityAdd?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Capabilities to drop (`--cap-drop`); one that is also added is not dropped, as the CLI does. */
  capabilityDrop?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Command, overriding the image's entrypoint (`--entrypoint`-like; as `docker service create IMAGE CMD` sets Args, see `args`). */
  command?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Configs the tasks get as files (`--config`): only configs the caller may read (another team's is REFERENCE_NOT_FOUND). */
  configs?: InputMaybe<Array<ConfigReferenceInput>>;
  /** Placement constraints, e.g. `node.labels.zone==a` (`--constraint`), in swarmkit's grammar. Guardrail: for guarded callers the gateway adds `guardrails.workerConstraint` (default `node.role==worker`), and refuses constraints that contradict it or name a manager (`node.role==manager`, a manager's `node.id` or `node.hostname`). */
  constraints?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Container labels (`--container-label`). */
  containerLabels?: InputMaybe<Array<KeyValueInput>>;
  /** Seconds the rollout may take before it concludes TIMED_OUT (10-86400). Default: from the update config (see `Rollout.deadline`). */
  deadline?: InputMaybe<Scalars['Int']['input']>;
  /** Endpoint mode (`--endpoint-mode`), default VIP. */
  endpointMode?: InputMaybe<EndpointMode>;
  /** Environment, `KEY=VALUE` (`--env`). */
  env?: InputMaybe<Array<Scalars['String']['input']>>;
  /** A health check (`--health-cmd`, `--health-interval`, `--health-timeout`, `--health-start-period`, `--health-retries`). */
  healthcheck?: InputMaybe<HealthCheckInput>;
  /** Hostname of the tasks' containers (`--hostname`). */
  hostname?: InputMaybe<Scalars['String']['input']>;
  /** Image reference. */
  image: Scalars['String']['input'];
  /** Service labels (`--label`). */
  labels?: InputMaybe<Array<KeyValueInput>>;
  /** REPLICATED_JOB only: tasks run at once (`--max-concurrent`), 1 or more; default: `totalCompletions`, as the CLI does. */
  maxConcurrent?: InputMaybe<Scalars['Int']['input']>;
  /** Replicated, global, or a job (`--mode`). Jobs take no `updateConfig` or `rollbackConfig` (as the CLI refuses them). */
  mode?: InputMaybe<ServiceMode>;
  /** Mounts (`--mount`). Guardrail: guarded callers cannot bind-mount host paths outside the allowed prefixes, nor use volume driver options unless allowed, and nobody but an unscoped admin mounts the Docker socket. */
  mounts?: InputMaybe<Array<MountInput>>;
  /** Service name: letters, digits, `-` and `_`, starting and ending with a letter or digit; up to 63 characters. */
  name: Scalars['String']['input'];
  /** Networks with aliases (`--network`). Guardrail: guarded callers attach overlay networks only, never the `host` network. */
  networks?: InputMaybe<Array<ServiceNetworkInput>>;
  /** Disable the image's health check (`--no-healthcheck`, test `NONE`); not with `healthcheck`. */
  noHealthcheck?: InputMaybe<Scalars['Boolean']['input']>;
  /** Published ports, structured. */
  ports?: InputMaybe<Array<PortConfigInput>>;
  /** Published ports in Docker's forms: `8080:80`, `8080:80/udp`, `80`, or `published=8080,target=80,protocol=udp,mode=host` (`--publish`). */
  publish?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Replicas (`--replicas`), replicated mode; default 1. For REPLICATED_JOB it is the number of tasks to complete, as with the CLI (same as `totalCompletions`). */
  replicas?: InputMaybe<Scalars['Int']['input']>;
  /** Resources. */
  resources?: InputMaybe<ResourcesInput>;
  /** Rollback policy (`--rollback-*`). */
  rollbackConfig?: InputMaybe<UpdatePolicyInput>;
  /** Secrets the tasks get as files (`--secret`): only secrets the caller may read (another team's is REFERENCE_NOT_FOUND). */
  secrets?: InputMaybe<Array<SecretReferenceInput>>;
  /** REPLICATED_JOB only: tasks to run to completion (`--replicas` of a job, `ReplicatedJob.TotalCompletions`), 0 or more; default 1. */
  totalCompletions?: InputMaybe<Scalars['Int']['input']>;
  /** Update policy (`--update-*`). */
  updateConfig?: InputMaybe<UpdatePolicyInput>;
  /** User (`--user`). */
  user?: InputMaybe<Scalars['String']['input']>;
  /** Answer only once the change's rollout concludes, or after this many seconds (1-900), whichever comes first; the payload's `rollout` then shows its verdict or where it stands. Default: answer as soon as the engine accepted the change. */
  wait?: InputMaybe<Scalars['Int']['input']>;
  /** Working directory (`--workdir`). */
  workdir?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `serviceCreate`. */
export type ServiceCreatePayload = {
  __typename?: 'ServiceCreatePayload';
  /** The rollout this change started: followed by the gateway to a verdict (`rollout(id)`, `rolloutUpdated`). Null when the change replaces no task (labels only) or was refused. */
  rollout: Maybe<Rollout>;
  /** The created service. */
  service: Maybe<Service>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
  /** Warnings from the engine (e.g. the image could not be resolved against a registry). */
  warnings: Array<Scalars['String']['output']>;
};

/** A DNS name other containers use to reach a service, and what it resolves to. */
export type ServiceDnsName = {
  __typename?: 'ServiceDnsName';
  /** What the name resolves to: the virtual IP (vip mode), or every running task's address. */
  addresses: Array<Scalars['String']['output']>;
  /** Whether the name resolves to a virtual IP or to the tasks' addresses. */
  kind: ServiceDnsNameKind;
  /** The name: the service name, an alias, `tasks.<service>` or `tasks.<alias>`. */
  name: Scalars['String']['output'];
  /** The network on which the name resolves. */
  network: Scalars['String']['output'];
};

/** What a service's DNS name resolves to. */
export type ServiceDnsNameKind =
  /** Every running task's address (`tasks.<service>`, or the service name in dnsrr mode). */
  | 'tasks'
  /** The service's virtual IP (vip endpoint mode). */
  | 'vip';

/** A service with its cursor. */
export type ServiceEdge = {
  __typename?: 'ServiceEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The service. */
  node: Service;
};

/** A secret or config a service's tasks get as a file (`Service.secrets`, `Service.configs`); never its data. */
export type ServiceFileReference = {
  __typename?: 'ServiceFileReference';
  /** The file's group ID. */
  gid: Scalars['String']['output'];
  /** The file's mode, the permission bits as an Int (0444 is 292). */
  mode: Scalars['Int']['output'];
  /** The secret's or config's name, as the spec recorded it. */
  source: Scalars['String']['output'];
  /** The secret's or config's ID. */
  sourceId: Scalars['ID']['output'];
  /** The file name (secrets: under `/run/secrets/`). */
  target: Scalars['String']['output'];
  /** The file's owner user ID. */
  uid: Scalars['String']['output'];
};

/** Filters for `services`, as `docker service ls --filter`. */
export type ServiceFilter = {
  /** Labels, `key` or `key=value`; all must match. */
  label?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only services of this mode (`docker service ls --filter mode=`): replicated, global, or one of the job modes (a replicated job is not REPLICATED). */
  mode?: InputMaybe<ServiceMode>;
  /** Name (prefix, as Docker matches). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** How a service is scheduled (`--mode`). */
export type ServiceMode =
  /** One task on every eligible node. */
  | 'GLOBAL'
  /** A job: one task that runs to completion on every eligible node (`--mode global-job`, `Mode.GlobalJob`). Failed tasks are retried (restart condition `on-failure`). */
  | 'GLOBAL_JOB'
  /** A fixed number of replicas. */
  | 'REPLICATED'
  /** A job: tasks that run to completion, `totalCompletions` of them, `maxConcurrent` at a time (`--mode replicated-job`, `Mode.ReplicatedJob`). Failed tasks are retried (restart condition `on-failure`). */
  | 'REPLICATED_JOB';

/** A mount of a service's containers (`--mount`). */
export type ServiceMount = {
  __typename?: 'ServiceMount';
  /** Mounted read-only. */
  readOnly: Scalars['Boolean']['output'];
  /** Host path (BIND) or volume name (VOLUME); null for tmpfs and anonymous volumes. */
  source: Maybe<Scalars['String']['output']>;
  /** Path inside the container. */
  target: Scalars['String']['output'];
  /** Bind, volume or tmpfs (a Windows named pipe shows as BIND). */
  type: MountType;
  /** Volume driver (`volume-driver=`), when set. */
  volumeDriver: Maybe<Scalars['String']['output']>;
  /** Volume driver options (`volume-opt=`), sorted by key. */
  volumeOptions: Array<KeyValue>;
};

/** A network a service is attached to. */
export type ServiceNetworkAttachment = {
  __typename?: 'ServiceNetworkAttachment';
  /** Aliases of the service on this network (`--network name=N,alias=A`). */
  aliases: Array<Scalars['String']['output']>;
  /** The network. */
  network: Maybe<Network>;
  /** The network's ID (kept even if the network cannot be read). */
  networkId: Scalars['ID']['output'];
  /** The service's virtual IP on this network, without prefix length, as DNS answers it (vip endpoint mode). */
  virtualIp: Maybe<Scalars['String']['output']>;
};

/** A network attachment in a service spec (`--network name=N,alias=A`). */
export type ServiceNetworkInput = {
  /** Aliases on that network. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Network ID, ID prefix or name (`--network name=N`). */
  target: Scalars['ID']['input'];
};

/** What `serviceUpdate` would do with an input (`servicePlan`). Nothing in it was sent to the engine. */
export type ServicePlan = {
  __typename?: 'ServicePlan';
  /** Tasks the change adds (more replicas; a global service's newly eligible nodes). */
  added: Scalars['Int']['output'];
  /** Leaf paths of the Engine service spec that would change (arrays compared whole), the policy's additions included; empty when nothing would. */
  changes: Array<SpecChange>;
  /** SHA-256 over the service's ID, its version and the final spec that would be sent; pass it as `ServiceUpdateInput.planHash`. Empty when `userErrors` is not. */
  planHash: Scalars['String']['output'];
  /** What the guardrail policy adds to the spec (e.g. the worker constraint) or refuses in it, as `serviceUpdate` would. */
  policy: Array<PolicyFinding>;
  /** Tasks the change removes (fewer replicas; a global service's nodes that no longer meet its constraints). Which slots go is the swarm's choice. */
  removed: Scalars['Int']['output'];
  /** The running (or starting) tasks the swarm would replace, by swarmkit's rules: the task spec or the published ports changed, a `force` bump, a placement change its node no longer meets, a job's new iteration. */
  replaced: Array<PlannedTaskChange>;
  /** Whether any task would be replaced (`replaced` is not empty). */
  replacesTasks: Scalars['Boolean']['output'];
  /** The kind of rollout the gateway would record for the change; null when it starts none. */
  rolloutKind: Maybe<RolloutKind>;
  /** The service as it is now; null when the input names no service the caller may change. */
  service: Maybe<Service>;
  /** What `serviceUpdate` would refuse in the input (the same checks); the plan's other fields are then empty. */
  userErrors: Array<UserError>;
};

/** Input of `serviceRemove` (`docker service rm`). */
export type ServiceRemoveInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Service ID, ID prefix or name. */
  id: Scalars['ID']['input'];
};

/** Result of `serviceRemove`. */
export type ServiceRemovePayload = {
  __typename?: 'ServiceRemovePayload';
  /** The removed service (one item; empty when a userError is returned). */
  removed: Array<RemovedObject>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Input of `serviceRollback` (`docker service rollback`). */
export type ServiceRollbackInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Seconds the rollout may take before it concludes TIMED_OUT (10-86400). Default: from the update config (see `Rollout.deadline`). */
  deadline?: InputMaybe<Scalars['Int']['input']>;
  /** Service ID, ID prefix or name. */
  id: Scalars['ID']['input'];
  /** Answer only once the change's rollout concludes, or after this many seconds (1-900), whichever comes first; the payload's `rollout` then shows its verdict or where it stands. Default: answer as soon as the engine accepted the change. */
  wait?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `serviceRollback`. */
export type ServiceRollbackPayload = {
  __typename?: 'ServiceRollbackPayload';
  /** The rollout this change started: followed by the gateway to a verdict (`rollout(id)`, `rolloutUpdated`). Null when the change replaces no task (labels only) or was refused. */
  rollout: Maybe<Rollout>;
  /** The service after the change. */
  service: Maybe<Service>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
  /** Warnings from the engine. */
  warnings: Array<Scalars['String']['output']>;
};

/** Input of `serviceScale` (`docker service scale`). */
export type ServiceScaleInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Seconds the rollout may take before it concludes TIMED_OUT (10-86400). Default: from the update config (see `Rollout.deadline`). */
  deadline?: InputMaybe<Scalars['Int']['input']>;
  /** Service ID, ID prefix or name. */
  id: Scalars['ID']['input'];
  /** Desired replicas, 0 or more. */
  replicas: Scalars['Int']['input'];
  /** Version read from `Service.version`; default: the current version. */
  version?: InputMaybe<Scalars['Int']['input']>;
  /** Answer only once the change's rollout concludes, or after this many seconds (1-900), whichever comes first; the payload's `rollout` then shows its verdict or where it stands. Default: answer as soon as the engine accepted the change. */
  wait?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `serviceScale`. */
export type ServiceScalePayload = {
  __typename?: 'ServiceScalePayload';
  /** The rollout this change started: followed by the gateway to a verdict (`rollout(id)`, `rolloutUpdated`). Null when the change replaces no task (labels only) or was refused. */
  rollout: Maybe<Rollout>;
  /** The service after the change. */
  service: Maybe<Service>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
  /** Warnings from the engine. */
  warnings: Array<Scalars['String']['output']>;
};

/**
 * Input of `serviceUpdate` (`docker service update`). Omitted fields keep their value.
 * Guardrail: the merged spec passes the service-spec policy for guarded callers (everyone but an
 * unscoped admin), a `force` redeploy too; a service whose current spec breaks it (an admin made
 * it so) cannot be updated by them: the error is at `id` and names the service, the spec field and
 * the rule.
 */
export type ServiceUpdateInput = {
  /** New arguments (`--args`, `ContainerSpec.Args`); an empty list goes back to the image's `CMD`. */
  args?: InputMaybe<Array<Scalars['String']['input']>>;
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** New command, overriding the image's entrypoint (`--entrypoint`-like, `ContainerSpec.Command`); an empty list goes back to the image's. */
  command?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Configs to give the tasks as files (`--config-add`), applied after `configRemove`; the same rules as `secretAdd`. */
  configAdd?: InputMaybe<Array<ConfigReferenceInput>>;
  /** Config references to drop, by the config's name or full ID (`--config-rm`); a config the service does not reference is REFERENCE_NOT_FOUND (the CLI ignores it). */
  configRemove?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Seconds the rollout may take before it concludes TIMED_OUT (10-86400). Default: from the update config (see `Rollout.deadline`). */
  deadline?: InputMaybe<Scalars['Int']['input']>;
  /** Environment to add or overwrite, `KEY=VALUE` (`--env-add`). */
  envAdd?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Environment keys to remove (`--env-rm`). */
  envRemove?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Redeploy the tasks even if nothing changed (`--force`). */
  force?: InputMaybe<Scalars['Boolean']['input']>;
  /** Health check changes (`--health-*`): the fields given replace those of the current check, the others keep their value, as the CLI does; `test: []` goes back to the image's command. */
  healthcheck?: InputMaybe<HealthCheckInput>;
  /** Service ID, ID prefix or name. */
  id: Scalars['ID']['input'];
  /** New image (`--image`). */
  image?: InputMaybe<Scalars['String']['input']>;
  /** Label changes (`--label-add`, `--label-rm`). */
  labels?: InputMaybe<LabelChangesInput>;
  /** Networks to attach (`--network-add`). Guardrail: guarded callers attach overlay networks only, never the `host` network. */
  networkAdd?: InputMaybe<Array<ServiceNetworkInput>>;
  /** Networks to detach, ID, ID prefix or name (`--network-rm`). */
  networkRemove?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Disable the health check (`--no-healthcheck`, test `NONE`); not with `healthcheck`. */
  noHealthcheck?: InputMaybe<Scalars['Boolean']['input']>;
  /** The `planHash` of a `servicePlan` made with the same input: right before sending, the gateway recomputes it from the service as it is and the final spec; a different hash is the userError PLAN_STALE at `['input', 'planHash']` and nothing is sent. Ignored by `servicePlan` itself. Default: no plan is checked. */
  planHash?: InputMaybe<Scalars['String']['input']>;
  /** Ports to publish, Docker's string forms (`--publish-add`). */
  publishAdd?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Ports to unpublish by target port (`--publish-rm`): `80` or `80/udp` match the port in either publish mode; the long form `target=80,protocol=udp,mode=host` matches that mode only. */
  publishRemove?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New replica count (`--replicas`), replicated services only (a replicated job's count: `serviceScale`). */
  replicas?: InputMaybe<Scalars['Int']['input']>;
  /** Secrets to give the tasks as files (`--secret-add`), applied after `secretRemove`. Only secrets the caller may read (another team's is REFERENCE_NOT_FOUND, as a missing one); a target file name the service already uses is INVALID_VALUE. Replaces the tasks. */
  secretAdd?: InputMaybe<Array<SecretReferenceInput>>;
  /** Secret references to drop, by the secret's name or full ID (`--secret-rm`): every file of that secret goes. A secret the service does not reference is REFERENCE_NOT_FOUND (the CLI ignores it). Replaces the tasks. */
  secretRemove?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Version read from `Service.version`; the update fails with VERSION_CONFLICT if the service changed since. Default: the current version. */
  version?: InputMaybe<Scalars['Int']['input']>;
  /** Answer only once the change's rollout concludes, or after this many seconds (1-900), whichever comes first; the payload's `rollout` then shows its verdict or where it stands. Default: answer as soon as the engine accepted the change. */
  wait?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `serviceUpdate`. */
export type ServiceUpdatePayload = {
  __typename?: 'ServiceUpdatePayload';
  /** The rollout this change started: followed by the gateway to a verdict (`rollout(id)`, `rolloutUpdated`). Null when the change replaces no task (labels only) or was refused. */
  rollout: Maybe<Rollout>;
  /** The service after the change. */
  service: Maybe<Service>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
  /** Warnings from the engine. */
  warnings: Array<Scalars['String']['output']>;
};

/** One changed path of a service spec. */
export type SpecChange = {
  __typename?: 'SpecChange';
  /** The value after, as JSON; null when removed. */
  after: Maybe<Scalars['String']['output']>;
  /** The value before, as JSON; null when absent. */
  before: Maybe<Scalars['String']['output']>;
  /** The Engine spec path, e.g. `TaskTemplate.ContainerSpec.Image`. */
  path: Scalars['String']['output'];
};

/**
 * A stack (`docker stack ls`): the services, networks, secrets and configs of one cluster labelled
 * `com.docker.stack.namespace=<name>`, whether `stackDeploy` or `docker stack deploy` made them. A
 * label-scoped caller sees a stack when it may read at least one of its objects, and sees only the
 * objects of it that it may read.
 */
export type Stack = {
  __typename?: 'Stack';
  /** The cluster the stack is on. */
  cluster: Scalars['String']['output'];
  /** The stack's configs the caller may read, by name. */
  configs: Array<Config>;
  /** The stack's name: the namespace label's value, and the `<name>_` prefix of its objects. */
  name: Scalars['String']['output'];
  /** The stack's networks the caller may read, by name. */
  networks: Array<Network>;
  /** The latest rollout of each of the stack's services that has one, newest first. */
  rollouts: Array<Rollout>;
  /** The stack's secrets the caller may read, by name (never their data). */
  secrets: Array<Secret>;
  /** The stack's services the caller may read (`docker stack services`), by name. */
  services: Array<Service>;
};

/** What a deploy would do to one object. */
export type StackChangeAction =
  /** It does not exist and would be created. */
  | 'CREATE'
  /** It exists and would be removed (`prune`). */
  | 'REMOVE'
  /** It exists and would stay as it is (an external object, a network, or a spec that would not change). */
  | 'UNCHANGED'
  /** It exists and an update would be sent (a service's spec; a config's labels; a secret always, as the CLI sends it: its data is never read back, so the plan cannot tell a same-data redeploy from a change, which the engine refuses). */
  | 'UPDATE';

/** A page of stacks. */
export type StackConnection = {
  __typename?: 'StackConnection';
  /** The stacks of this page with their cursors. */
  edges: Array<StackEdge>;
  /** The stacks of this page. */
  nodes: Array<Stack>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many stacks the caller can see, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Input of `stackDeploy` and `stackPlan` (`docker stack deploy --compose-file`). */
export type StackDeployInput = {
  /** The configured cluster; default: the configured default cluster (`defaultCluster`). */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** The compose file as text (YAML, the format `docker stack deploy` accepts). File references in it (`env_file`, a secret's or config's `file`, a relative bind mount) are refused with FILE_REFERENCE: the gateway does not read its own disk for callers. */
  compose: Scalars['String']['input'];
  /** Seconds each rollout may take before it concludes TIMED_OUT (10-86400). Default: from each service's update config. */
  deadline?: InputMaybe<Scalars['Int']['input']>;
  /** The stack's name (`docker stack deploy <name>`): a letter or digit, then letters, digits, `_`, `.` or `-`; at most 63 characters (the CLI's limit for a namespace). */
  name: Scalars['String']['input'];
  /** The `planHash` of a `stackPlan` made with the same input: right before sending, the gateway recomputes it from the cluster as it is and the final bodies; a different hash is the userError PLAN_STALE at `['input', 'planHash']` and nothing is sent. Ignored by `stackPlan` itself. Default: no plan is checked. */
  planHash?: InputMaybe<Scalars['String']['input']>;
  /** Also remove the stack's services that the file no longer names (`docker stack deploy --prune`). Default false. */
  prune?: InputMaybe<Scalars['Boolean']['input']>;
  /** Interpolation variables; the gateway's own environment is never read. A secret's or config's `environment: NAME` takes its data from the variable NAME. Default: none. */
  variables?: InputMaybe<Array<StackVariableInput>>;
  /** Answer only once every rollout the deploy started has concluded, or after this many seconds (1-900), whichever is first. Default: answer at once. */
  wait?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `stackDeploy`. */
export type StackDeployPayload = {
  __typename?: 'StackDeployPayload';
  /** The services the deploy removed (`prune`); empty otherwise. */
  removed: Array<RemovedObject>;
  /** The rollouts the deploy started (one per created service, and per changed service), in service-name order. */
  rollouts: Array<Rollout>;
  /** The stack as it is after the deploy; null when userErrors is not empty. */
  stack: Maybe<Stack>;
  /** Problems with the input (paths into the compose file as `['input', 'compose', 'services', 'web', ...]`); nothing was changed when present, unless the message says what was. */
  userErrors: Array<UserError>;
  /** What the gateway accepted but does not act on, as the CLI warns (`Ignoring unsupported options: build`), unset variables, and the engine's warnings. */
  warnings: Array<Scalars['String']['output']>;
};

/** A stack with its cursor. */
export type StackEdge = {
  __typename?: 'StackEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The stack. */
  node: Stack;
};

/** One object of a stack plan. */
export type StackObjectChange = {
  __typename?: 'StackObjectChange';
  /** What the deploy would do to it. */
  action: StackChangeAction;
  /** What kind of object. */
  kind: StackObjectKind;
  /** The engine name (`<stack>_<key>`, the file's `name`, or the external name). */
  name: Scalars['String']['output'];
  /** For a service that exists: the tasks the swarm would replace, by swarmkit's rules (as `ServicePlan.replaced`). */
  replaced: Array<PlannedTaskChange>;
  /** For a service: whether any of its running tasks would be replaced (`replaced` is not empty). */
  replacesTasks: Scalars['Boolean']['output'];
  /** For a service that exists: the leaf paths of its spec that would change (as `ServicePlan.changes`); empty otherwise. */
  specChanges: Array<SpecChange>;
};

/** The kind of object a stack plan's change is about. */
export type StackObjectKind =
  /** A config. */
  | 'CONFIG'
  /** A network. */
  | 'NETWORK'
  /** A secret. */
  | 'SECRET'
  /** A service (`<stack>_<key>`). */
  | 'SERVICE';

/** What `stackDeploy` with an input would do (`stackPlan`). Nothing in it was sent to the engine. */
export type StackPlan = {
  __typename?: 'StackPlan';
  /** Each object the deploy would create, update, remove or leave unchanged: services first, then networks, secrets and configs, each by name. */
  changes: Array<StackObjectChange>;
  /** SHA-256 over what would be sent and the versions of the objects it was planned against; pass it as `StackDeployInput.planHash`. Empty when `userErrors` is not. */
  planHash: Scalars['String']['output'];
  /** What the guardrail policy adds or refuses, across the stack's services, as `stackDeploy` would. */
  policy: Array<PolicyFinding>;
  /** The stack as it is now; null when no object of it exists yet. */
  stack: Maybe<Stack>;
  /** What `stackDeploy` would refuse in the input (the same checks); the plan's other fields are then empty. */
  userErrors: Array<UserError>;
  /** Warnings as `stackDeploy` would give them. */
  warnings: Array<Scalars['String']['output']>;
};

/** Input of `stackRemove` (`docker stack rm`). */
export type StackRemoveInput = {
  /** The configured cluster; default: the configured default cluster (`defaultCluster`). */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** The stack's name. */
  name: Scalars['String']['input'];
};

/** Result of `stackRemove`. */
export type StackRemovePayload = {
  __typename?: 'StackRemovePayload';
  /** The objects removed, in the order `docker stack rm` removes them: services (by name), then secrets, configs and networks. */
  removed: Array<RemovedObject>;
  /** Problems with the input; nothing was changed when present, unless the message says what was. */
  userErrors: Array<UserError>;
};

/** A variable for a compose file's interpolation (`${NAME}`, `${NAME:-default}`, `${NAME:?message}`), as `docker stack deploy` takes them from its environment. */
export type StackVariableInput = {
  /** The variable's name: a letter or `_`, then letters, digits or `_`. */
  name: Scalars['String']['input'];
  /** Its value. Recorded as `[redacted]` in the audit log: a variable may carry a secret's data (`environment:` secrets). */
  value: Scalars['String']['input'];
};

/** Filters for `secrets` and `configs`, as `docker secret ls --filter` / `docker config ls --filter`. */
export type StoredObjectFilter = {
  /** Labels, `key` or `key=value`; all must match. */
  label?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Name (substring, as Docker matches). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Everything that can be watched as it happens, over graphql-ws at `/graphql`. */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Engine events of a cluster as they happen (`docker events`), from the manager endpoint in use. Swarm-scoped events (services, nodes, overlay networks) cover the whole cluster.
   * A label-scoped grant (`viewer:team=payments`) gets only events about objects in its scope: services and networks with matching labels, containers with matching labels or that are tasks of such a service, removals included; never node events (nodes are the whole cluster's), and only the allow-listed attributes (`Event.attributes`). Anything that cannot be looked up is left out.
   */
  events: Event;
  /** A rollout as it changes: its current state at once, then every change (counts, slot states, status), ending after the one that carries its conclusion. */
  rolloutUpdated: Rollout;
};


/** Everything that can be watched as it happens, over graphql-ws at `/graphql`. */
export type SubscriptionEventsArgs = {
  cluster?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<EventFilter>;
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


/** Everything that can be watched as it happens, over graphql-ws at `/graphql`. */
export type SubscriptionRolloutUpdatedArgs = {
  id: Scalars['ID']['input'];
};

/** The swarm a cluster's managers run (`docker swarm inspect`, `GET /swarm`). */
export type Swarm = {
  __typename?: 'Swarm';
  /** The cluster this swarm was read from. */
  cluster: Scalars['String']['output'];
  /** When the swarm was created. */
  createdAt: Scalars['DateTime']['output'];
  /** UDP port of the VXLAN data path (`--data-path-port`, default 4789). */
  dataPathPort: Scalars['Int']['output'];
  /** Address pools from which overlay subnets are allocated (`--default-addr-pool`). */
  defaultAddrPool: Array<Scalars['String']['output']>;
  /** The swarm's ID. */
  id: Scalars['ID']['output'];
  /** The managers' quorum, as the overlay guide's Raft table explains it. */
  quorum: Quorum;
  /** Whether the root CA is being rotated. */
  rootRotationInProgress: Scalars['Boolean']['output'];
  /** The swarm's configuration. */
  spec: SwarmSpec;
  /** Size of each allocated subnet (`--default-addr-pool-mask-length`). */
  subnetSize: Scalars['Int']['output'];
  /** When the swarm spec last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** Object version; pass it to `swarmUpdate` to detect concurrent changes. */
  version: Scalars['Int']['output'];
};

/** Input of `swarmInit` (`docker swarm init`, `POST /swarm/init`). */
export type SwarmInitInput = {
  /** Address advertised to other nodes (`--advertise-addr`). */
  advertiseAddr?: InputMaybe<Scalars['String']['input']>;
  /** Require the unlock key after a manager restart (`--autolock`). */
  autolock?: InputMaybe<Scalars['Boolean']['input']>;
  /** The configured cluster whose (first answering) manager endpoint is initialized. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Address used for the data path (`--data-path-addr`). */
  dataPathAddr?: InputMaybe<Scalars['String']['input']>;
  /** VXLAN UDP port (`--data-path-port`, 1024-49151, default 4789). */
  dataPathPort?: InputMaybe<Scalars['Int']['input']>;
  /** Address pools for overlay subnets, CIDRs (`--default-addr-pool`). */
  defaultAddrPool?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Initialize this configured engine instead of the cluster's endpoint. */
  engine?: InputMaybe<Scalars['String']['input']>;
  /** Start a new single-manager cluster from this node's state (`--force-new-cluster`). */
  forceNewCluster?: InputMaybe<Scalars['Boolean']['input']>;
  /** Address the swarm listens on (`--listen-addr`, default `0.0.0.0:2377`). */
  listenAddr?: InputMaybe<Scalars['String']['input']>;
  /** Prefix length of each allocated subnet, 1-29 (`--default-addr-pool-mask-length`, default 24). */
  subnetSize?: InputMaybe<Scalars['Int']['input']>;
  /** Old tasks kept per slot (`--task-history-limit`). */
  taskHistoryLimit?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `swarmInit`. */
export type SwarmInitPayload = {
  __typename?: 'SwarmInitPayload';
  /** The new node's ID. */
  nodeId: Maybe<Scalars['ID']['output']>;
  /** The swarm, when it was created. */
  swarm: Maybe<Swarm>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Input of `swarmJoin`: a configured engine joins the cluster. The gateway fetches the join token itself, so the token never leaves the gateway. */
export type SwarmJoinInput = {
  /** Address the joining node advertises (`--advertise-addr`). */
  advertiseAddr?: InputMaybe<Scalars['String']['input']>;
  /** The cluster to join. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Data path address of the joining node (`--data-path-addr`). */
  dataPathAddr?: InputMaybe<Scalars['String']['input']>;
  /** The configured engine that joins. */
  engine: Scalars['String']['input'];
  /** Address the joining node listens on (`--listen-addr`). */
  listenAddr?: InputMaybe<Scalars['String']['input']>;
  /** Manager addresses to join through (default: the cluster's managers as the swarm reports them). */
  remoteAddrs?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Join as a worker or a manager. */
  role?: InputMaybe<NodeRole>;
};

/** Result of `swarmJoin`. */
export type SwarmJoinPayload = {
  __typename?: 'SwarmJoinPayload';
  /** The node that joined, as the cluster's managers see it. */
  node: Maybe<Node>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Input of `swarmLeave` (`docker swarm leave`). */
export type SwarmLeaveInput = {
  /** The cluster whose endpoint leaves (used when `engine` is not given). */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** The configured engine that leaves its swarm. */
  engine?: InputMaybe<Scalars['String']['input']>;
  /** Leave even if this is the last manager, or quorum would be lost (`--force`). */
  force?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Result of `swarmLeave`. */
export type SwarmLeavePayload = {
  __typename?: 'SwarmLeavePayload';
  /** Whether the engine left. */
  left: Scalars['Boolean']['output'];
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Input of `swarmRotateJoinToken` (`docker swarm join-token --rotate`). */
export type SwarmRotateJoinTokenInput = {
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Which token to rotate. */
  role: NodeRole;
};

/** Result of `swarmRotateJoinToken`. The new token is not returned; read it with `swarmJoinTokens` if needed. */
export type SwarmRotateJoinTokenPayload = {
  __typename?: 'SwarmRotateJoinTokenPayload';
  /** The swarm after the rotation. */
  swarm: Maybe<Swarm>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Swarm configuration (`SwarmSpec`). */
export type SwarmSpec = {
  __typename?: 'SwarmSpec';
  /** Whether managers need the unlock key after a restart (`--autolock`). */
  autolockManagers: Scalars['Boolean']['output'];
  /** Certificate authority settings. */
  caConfig: CaSpec;
  /** Dispatcher settings. */
  dispatcher: DispatcherSpec;
  /** Labels on the swarm. */
  labels: Array<KeyValue>;
  /** Name of the swarm (always `default` for Docker). */
  name: Scalars['String']['output'];
  /** Raft settings. */
  raft: RaftSpec;
  /** How many old tasks are kept per slot (`--task-history-limit`). */
  taskHistoryRetentionLimit: Scalars['Int']['output'];
};

/** Input of `swarmUpdate` (`docker swarm update`). Omitted fields keep their value. */
export type SwarmUpdateInput = {
  /** Require the unlock key after a manager restart (`--autolock`). */
  autolock?: InputMaybe<Scalars['Boolean']['input']>;
  /** Node certificate validity in seconds (`--cert-expiry`). */
  certExpirySeconds?: InputMaybe<Scalars['Float']['input']>;
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** Agent heartbeat period in seconds (`--dispatcher-heartbeat`). */
  dispatcherHeartbeatSeconds?: InputMaybe<Scalars['Float']['input']>;
  /** Labels replacing the swarm's labels. */
  labels?: InputMaybe<Array<KeyValueInput>>;
  /** Raft log entries between snapshots (`--snapshot-interval`). */
  snapshotInterval?: InputMaybe<Scalars['Int']['input']>;
  /** Old tasks kept per slot (`--task-history-limit`). */
  taskHistoryLimit?: InputMaybe<Scalars['Int']['input']>;
  /** Version read from `Swarm.version`; the update fails with VERSION_CONFLICT if the swarm changed since. Default: the current version. */
  version?: InputMaybe<Scalars['Int']['input']>;
};

/** Result of `swarmUpdate`. */
export type SwarmUpdatePayload = {
  __typename?: 'SwarmUpdatePayload';
  /** The swarm after the update. */
  swarm: Maybe<Swarm>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** A task: one slot of a service on one node (`docker service ps`, `docker inspect TASK`). */
export type Task = {
  __typename?: 'Task';
  /** ID of the task's container, once created. */
  containerId: Maybe<Scalars['ID']['output']>;
  /** When the task was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Desired state. */
  desiredState: TaskState;
  /** The error, if the task failed. */
  error: Maybe<Scalars['String']['output']>;
  /** The task's ID. */
  id: Scalars['ID']['output'];
  /** The engine's message for the state. */
  message: Maybe<Scalars['String']['output']>;
  /** Network attachments with addresses. */
  networkAttachments: Array<TaskNetworkAttachment>;
  /** The node it is placed on. */
  node: Maybe<Node>;
  /** The node's ID (null before scheduling). */
  nodeId: Maybe<Scalars['ID']['output']>;
  /** The service. */
  service: Maybe<Service>;
  /** The service's ID. */
  serviceId: Scalars['ID']['output'];
  /** Slot number (replicated services). */
  slot: Maybe<Scalars['Int']['output']>;
  /** Observed state. */
  state: TaskState;
  /** When the task's status last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of tasks. */
export type TaskConnection = {
  __typename?: 'TaskConnection';
  /** The tasks of this page with their cursors. */
  edges: Array<TaskEdge>;
  /** The tasks of this page. */
  nodes: Array<Task>;
  /** Paging information. */
  pageInfo: PageInfo;
  /** How many tasks match the filter, across all pages. */
  totalCount: Scalars['Int']['output'];
};

/** The desired states `tasks(filter:)` can select, the ones the Engine's `desired-state` filter accepts. */
export type TaskDesiredStateFilter =
  /** Tasks accepted but not yet meant to run (`desired-state=accepted`). */
  | 'ACCEPTED'
  /** Tasks meant to run (`desired-state=running`). */
  | 'RUNNING'
  /** Tasks meant to be stopped: replaced, scaled away or removed (`desired-state=shutdown`). */
  | 'SHUTDOWN';

/** A task with its cursor. */
export type TaskEdge = {
  __typename?: 'TaskEdge';
  /** Opaque cursor. */
  cursor: Scalars['String']['output'];
  /** The task. */
  node: Task;
};

/** Filters for `tasks`, as `docker service ps --filter`. */
export type TaskFilter = {
  /** Desired state (`--filter desired-state=`): the Engine filters on running, shutdown and accepted only. */
  desiredState?: InputMaybe<TaskDesiredStateFilter>;
  /** Node ID, ID prefix or hostname (`--filter node=`). */
  node?: InputMaybe<Scalars['ID']['input']>;
  /** Service ID, ID prefix or name (`--filter service=`). */
  service?: InputMaybe<Scalars['ID']['input']>;
};

/** A task's attachment to a network. */
export type TaskNetworkAttachment = {
  __typename?: 'TaskNetworkAttachment';
  /** Addresses with prefix, e.g. `10.0.1.5/24`. */
  addresses: Array<Scalars['String']['output']>;
  /** The network. */
  network: Maybe<Network>;
  /** The network's ID. */
  networkId: Scalars['ID']['output'];
  /** The network's name. */
  networkName: Scalars['String']['output'];
};

/** Why a task would be replaced (swarmkit's orchestrator rules). */
export type TaskReplaceReason =
  /** The endpoint spec (published ports, endpoint mode) changed. */
  | 'ENDPOINT_CHANGED'
  /** Only `ForceUpdate` differs: a `force` redeploy. */
  | 'FORCE_UPDATE'
  /** A job's update starts a new iteration: the current iteration's tasks are superseded. */
  | 'NEW_JOB_ITERATION'
  /** Only the placement changed, and the task's node no longer meets the new constraints (a task whose node meets them stays). */
  | 'PLACEMENT_NOT_MET'
  /** The task spec differs from the one the task was made from (image, env, command, mounts, networks, resources...). */
  | 'TASK_SPEC_CHANGED';

/** A task's state (observed or desired), as the Engine names them. */
export type TaskState =
  /** accepted */
  | 'ACCEPTED'
  /** allocated */
  | 'ALLOCATED'
  /** assigned */
  | 'ASSIGNED'
  /** complete */
  | 'COMPLETE'
  /** failed */
  | 'FAILED'
  /** new */
  | 'NEW'
  /** orphaned */
  | 'ORPHANED'
  /** pending */
  | 'PENDING'
  /** preparing */
  | 'PREPARING'
  /** ready */
  | 'READY'
  /** rejected */
  | 'REJECTED'
  /** remove */
  | 'REMOVE'
  /** running */
  | 'RUNNING'
  /** shutdown */
  | 'SHUTDOWN'
  /** starting */
  | 'STARTING';

/** What a redeploy trigger does when called. */
export type TriggerAction =
  /** Set the image's tag to the one in the call's body (`{"tag": "1.4.2"}`) and roll out; the repository stays the service's own. */
  | 'IMAGE_TAG'
  /** Redeploy the service's tasks as they are (`docker service update --force`). */
  | 'REDEPLOY';

/** Input of `triggerCreate`. */
export type TriggerCreateInput = {
  /** What the trigger does; default REDEPLOY. */
  action?: InputMaybe<TriggerAction>;
  /** The cluster. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** The service: ID, ID prefix or name. The caller must be allowed to update it. */
  service: Scalars['ID']['input'];
};

/** Result of `triggerCreate`. */
export type TriggerCreatePayload = {
  __typename?: 'TriggerCreatePayload';
  /** The trigger's secret, shown this once; the gateway keeps only a SHA-256 of it. */
  secret: Maybe<Scalars['String']['output']>;
  /** The new trigger. */
  trigger: Maybe<RedeployTrigger>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Input of `triggerRemove`. */
export type TriggerRemoveInput = {
  /** The trigger's ID. */
  id: Scalars['ID']['input'];
};

/** Result of `triggerRemove`. */
export type TriggerRemovePayload = {
  __typename?: 'TriggerRemovePayload';
  /** The removed trigger (its service's name as the name); empty when a userError is returned. */
  removed: Array<RemovedObject>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** What an update or rollback does when a task fails (`--update-failure-action`). */
export type UpdateFailureAction =
  /** Go on with the next tasks (`continue`). */
  | 'continue'
  /** Stop the rollout (`pause`). */
  | 'pause'
  /** Roll the service back to its previous spec (`rollback`); updates only. */
  | 'rollback';

/** The order in which an update or rollback replaces a task (`--update-order`). */
export type UpdateOrder =
  /** Start the new task, then stop the old one (`start-first`). */
  | 'start-first'
  /** Stop the old task, then start the new one (`stop-first`). */
  | 'stop-first';

/** How updates or rollbacks roll out (`--update-*`, `--rollback-*`). */
export type UpdatePolicy = {
  __typename?: 'UpdatePolicy';
  /** Delay between batches, seconds (`--update-delay`). */
  delaySeconds: Scalars['Float']['output'];
  /** What to do when a task fails (`--update-failure-action`). */
  failureAction: UpdateFailureAction;
  /** Tolerated failure ratio (`--update-max-failure-ratio`). */
  maxFailureRatio: Scalars['Float']['output'];
  /** Time to watch each task for failure, seconds (`--update-monitor`). */
  monitorSeconds: Scalars['Float']['output'];
  /** Whether old tasks stop before new ones start (`--update-order`). */
  order: UpdateOrder;
  /** Tasks changed at once (`--update-parallelism`). */
  parallelism: Scalars['Int']['output'];
};

/** An update or rollback policy. */
export type UpdatePolicyInput = {
  /** Delay between batches, a Go duration (`10s`, `1m30s`). */
  delay?: InputMaybe<Scalars['String']['input']>;
  /** What to do when a task fails (`--update-failure-action`, `--rollback-failure-action`); ROLLBACK only for updates. Default: PAUSE. */
  failureAction?: InputMaybe<UpdateFailureAction>;
  /** Tolerated failure ratio, 0-1. */
  maxFailureRatio?: InputMaybe<Scalars['Float']['input']>;
  /** Time to watch each task, a Go duration. */
  monitor?: InputMaybe<Scalars['String']['input']>;
  /** Whether old tasks stop before new ones start (`--update-order`, `--rollback-order`). Default: STOP_FIRST. */
  order?: InputMaybe<UpdateOrder>;
  /** Tasks changed at once, 0 = all. */
  parallelism?: InputMaybe<Scalars['Int']['input']>;
};

/** Where a service's latest update or rollback is (`UpdateStatus.State`). */
export type UpdateState =
  /** The update finished (`completed`). */
  | 'completed'
  /** The update paused, usually after a failure (`paused`). */
  | 'paused'
  /** The rollback finished (`rollback_completed`). */
  | 'rollback_completed'
  /** The rollback paused (`rollback_paused`). */
  | 'rollback_paused'
  /** A rollback is running (`rollback_started`). */
  | 'rollback_started'
  /** Tasks are being updated (`updating`). */
  | 'updating';

/** Progress of the latest update or rollback (`UpdateStatus`). */
export type UpdateStatus = {
  __typename?: 'UpdateStatus';
  /** When it completed. */
  completedAt: Maybe<Scalars['DateTime']['output']>;
  /** The engine's message. */
  message: Maybe<Scalars['String']['output']>;
  /** When it started. */
  startedAt: Maybe<Scalars['DateTime']['output']>;
  /** Where the update or rollback is (`UpdateStatus.State`). */
  state: UpdateState;
};

/** A problem with the input that the caller can fix. Nothing was changed when one is returned. */
export type UserError = {
  __typename?: 'UserError';
  /** The kind of problem. */
  code: UserErrorCode;
  /** Path to the input field at fault, e.g. `["input", "ipam", "0", "gateway"]`. */
  field: Maybe<Array<Scalars['String']['output']>>;
  /** A sentence for a person: what is wrong and how to fix it. */
  message: Scalars['String']['output'];
};

/** What kind of problem a `UserError` reports. */
export type UserErrorCode =
  /** The engine is already part of a swarm. */
  | 'ALREADY_IN_SWARM'
  /** A stack's compose file is not YAML, or does not follow the compose format `docker stack deploy` accepts (README: Stacks); `field` is `input.compose` followed by the compose path at fault (`services`, `web`, `ports`, `0`). */
  | 'COMPOSE_INVALID'
  /** The engine refused the request for a reason given in the message. */
  | 'ENGINE_REJECTED'
  /** The request would give more than the caller holds (a token grant beyond the caller's own grants); the message names the grant. */
  | 'ESCALATION'
  /** A stack's compose file names a file for the gateway to read (`env_file`, a secret or config `file`, a relative bind mount, `credential_spec.file`): the gateway does not read its own disk for callers. Give the data inline (README: Stacks). */
  | 'FILE_REFERENCE'
  /** The gateway address is not inside its subnet. */
  | 'GATEWAY_OUTSIDE_SUBNET'
  /** The service-spec policy (README: Guardrails) refused the spec about to be sent (only an unscoped admin is exempt; a label-scoped admin is not); the message names the rule, e.g. `allowed-volume-options`, and the field is the input field at fault, or `input.id` for the service's stored spec. */
  | 'GUARDRAIL'
  /** Only one ingress network can exist in a swarm. */
  | 'INGRESS_EXISTS'
  /** A subnet, gateway, IP range or address is not a valid IP/CIDR. */
  | 'INVALID_CIDR'
  /** A port is outside 1-65535 or a port specification cannot be parsed. */
  | 'INVALID_PORT'
  /** A protocol is not tcp, udp or sctp. */
  | 'INVALID_PROTOCOL'
  /** The requested change is not possible in the object's current state. */
  | 'INVALID_STATE'
  /** A value does not have the required form (name, label key, duration, memory size...). */
  | 'INVALID_VALUE'
  /** The object is in use (a network with attached services or containers, ingress with published ports). */
  | 'IN_USE'
  /** The IP range is not inside its subnet. */
  | 'IP_RANGE_OUTSIDE_SUBNET'
  /** An object with this name already exists. */
  | 'NAME_CONFLICT'
  /** The network is not attachable, so standalone containers cannot connect to it. */
  | 'NOT_ATTACHABLE'
  /** The engine is not part of a swarm. */
  | 'NOT_IN_SWARM'
  /** The caller may run the operation but not change this field (an operator's serviceUpdate beyond image, env, replicas and force; ingress without admin); the message names what is needed. */
  | 'NOT_PERMITTED'
  /** The plan's hash (`servicePlan.planHash`) no longer matches the service and the spec that would be sent: the service changed since the plan, or the policy now builds a different spec. Nothing was sent; plan again. */
  | 'PLAN_STALE'
  /** A published port is already held by another service (swarm-wide, in either publish mode); `field` points at the port asked for (`input.ports.<i>.publishedPort`, `input.publish.<i>`, `input.publishAdd.<i>`). The other service is named only to callers whose grant reaches every service of the cluster. */
  | 'PORT_IN_USE'
  /** A referenced object (network, node, container, engine) does not exist. */
  | 'REFERENCE_NOT_FOUND'
  /** The change would remove or change a label that the caller's label-scoped grant requires (e.g. `team`), or a new object's labels clash with it; the message names the label. */
  | 'SCOPE_LABEL'
  /** Two subnets of the request overlap. */
  | 'SUBNET_OVERLAP'
  /** A compose key that `docker stack deploy` refuses, or that the gateway cannot do as the CLI would; the message names the key and what to use instead (README: Stacks, the key table). */
  | 'UNSUPPORTED_KEY'
  /** The object changed since the version given (or read); re-read it and retry. */
  | 'VERSION_CONFLICT';

/**
 * An HTTPS or HTTP endpoint the gateway calls when something happens. Each delivery is a POST of
 * a JSON body with the headers `X-Swarm-Gateway-Event`, `X-Swarm-Gateway-Delivery` (a UUID, the same
 * on every retry of one delivery), `X-Swarm-Gateway-Timestamp` (unix seconds) and
 * `X-Swarm-Gateway-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>" under the webhook's secret>`.
 * A delivery is retried with exponential backoff until the receiver answers 2xx; README shows how to verify one.
 * Only hosts on the configured allow-list (`webhooks.allowedHosts`) can be called.
 */
export type Webhook = {
  __typename?: 'Webhook';
  /** Only events of this cluster; null: every cluster the owner's grant covers. */
  cluster: Maybe<Scalars['String']['output']>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** Who created it (a principal ID). */
  createdBy: Scalars['String']['output'];
  /** The latest deliveries, newest first. */
  deliveries: Array<WebhookDelivery>;
  /** A note for people. */
  description: Maybe<Scalars['String']['output']>;
  /** Whether deliveries are made. */
  enabled: Scalars['Boolean']['output'];
  /** What it is told about. */
  events: Array<WebhookEvent>;
  /** The webhook's ID (a UUID). */
  id: Scalars['ID']['output'];
  /** The label scope of the grant that created it (`team=payments`): only events about objects in that scope are delivered. Null: unscoped. */
  scope: Maybe<Scalars['String']['output']>;
  /** Where deliveries go. */
  url: Scalars['String']['output'];
};


/**
 * An HTTPS or HTTP endpoint the gateway calls when something happens. Each delivery is a POST of
 * a JSON body with the headers `X-Swarm-Gateway-Event`, `X-Swarm-Gateway-Delivery` (a UUID, the same
 * on every retry of one delivery), `X-Swarm-Gateway-Timestamp` (unix seconds) and
 * `X-Swarm-Gateway-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<body>" under the webhook's secret>`.
 * A delivery is retried with exponential backoff until the receiver answers 2xx; README shows how to verify one.
 * Only hosts on the configured allow-list (`webhooks.allowedHosts`) can be called.
 */
export type WebhookDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Input of `webhookCreate`. */
export type WebhookCreateInput = {
  /** Only events of this configured cluster; default: every cluster the caller's grant covers. */
  cluster?: InputMaybe<Scalars['String']['input']>;
  /** A note for people, up to 200 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** What it is told about; at least one. */
  events: Array<WebhookEvent>;
  /** The signing secret, 32-256 characters; default: the gateway makes a random one and returns it once in the payload. */
  secret?: InputMaybe<Scalars['String']['input']>;
  /** Where deliveries go: `https://` or `http://` and a host on the allow-list (`webhooks.allowedHosts`); no user info, no fragment. */
  url: Scalars['String']['input'];
};

/** Result of `webhookCreate`. */
export type WebhookCreatePayload = {
  __typename?: 'WebhookCreatePayload';
  /** The signing secret, shown this once when the gateway made it (null when given in the input). The gateway keeps it to sign deliveries. */
  secret: Maybe<Scalars['String']['output']>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
  /** The new webhook. */
  webhook: Maybe<Webhook>;
};

/** One event sent (or to be sent) to one webhook. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** Attempts made so far. */
  attempts: Scalars['Int']['output'];
  /** When the event happened. */
  createdAt: Scalars['DateTime']['output'];
  /** When the receiver took it. */
  deliveredAt: Maybe<Scalars['DateTime']['output']>;
  /** What it is about. */
  event: WebhookEvent;
  /** The delivery ID, sent as `X-Swarm-Gateway-Delivery`: receivers drop a delivery they have seen. */
  id: Scalars['ID']['output'];
  /** Why the last attempt failed (a timeout, a refused connection, a non-2xx status). */
  lastError: Maybe<Scalars['String']['output']>;
  /** The HTTP status of the last attempt; null when none was received. */
  lastStatusCode: Maybe<Scalars['Int']['output']>;
  /** When the next attempt is due (PENDING only). */
  nextAttemptAt: Maybe<Scalars['DateTime']['output']>;
  /** Where it stands. */
  status: WebhookDeliveryStatus;
};

/** Where a webhook delivery stands. */
export type WebhookDeliveryStatus =
  /** The receiver answered 2xx. */
  | 'DELIVERED'
  /** Given up after the configured number of attempts (`webhooks.maxAttempts`). */
  | 'FAILED'
  /** Not delivered yet; `nextAttemptAt` says when it is tried again. */
  | 'PENDING';

/** What a webhook is told about. */
export type WebhookEvent =
  /** A rollout concluded, whatever the verdict. */
  | 'ROLLOUT_CONCLUDED'
  /** A rollout concluded with a verdict other than SUCCEEDED. */
  | 'ROLLOUT_FAILED'
  /** A service was removed through the gateway (`serviceRemove`). */
  | 'SERVICE_REMOVED';

/** Input of `webhookRemove`. */
export type WebhookRemoveInput = {
  /** The webhook's ID. */
  id: Scalars['ID']['input'];
};

/** Result of `webhookRemove`. */
export type WebhookRemovePayload = {
  __typename?: 'WebhookRemovePayload';
  /** The removed webhook (its URL as the name); empty when a userError is returned. */
  removed: Array<RemovedObject>;
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
};

/** Input of `webhookUpdate`. Omitted fields keep their value. */
export type WebhookUpdateInput = {
  /** A new note. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** Turn deliveries on or off; pending deliveries wait while off. */
  enabled?: InputMaybe<Scalars['Boolean']['input']>;
  /** New events; at least one. */
  events?: InputMaybe<Array<WebhookEvent>>;
  /** The webhook's ID. */
  id: Scalars['ID']['input'];
  /** A new signing secret, 32-256 characters. */
  secret?: InputMaybe<Scalars['String']['input']>;
  /** A new URL (allow-list as for `webhookCreate`). */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** Result of `webhookUpdate`. */
export type WebhookUpdatePayload = {
  __typename?: 'WebhookUpdatePayload';
  /** Problems with the input; nothing changed when present. */
  userErrors: Array<UserError>;
  /** The webhook after the change. */
  webhook: Maybe<Webhook>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ApiToken: ResolverTypeWrapper<Partial<ApiToken>>;
  ApiTokenConnection: ResolverTypeWrapper<Partial<ApiTokenConnection>>;
  ApiTokenCreateInput: ResolverTypeWrapper<Partial<ApiTokenCreateInput>>;
  ApiTokenCreatePayload: ResolverTypeWrapper<Partial<ApiTokenCreatePayload>>;
  ApiTokenEdge: ResolverTypeWrapper<Partial<ApiTokenEdge>>;
  ApiTokenRevokeInput: ResolverTypeWrapper<Partial<ApiTokenRevokeInput>>;
  ApiTokenRevokePayload: ResolverTypeWrapper<Partial<ApiTokenRevokePayload>>;
  AuditChainFailure: ResolverTypeWrapper<AuditChainFailure>;
  AuditOutcome: ResolverTypeWrapper<Partial<AuditOutcome>>;
  AuditRecord: ResolverTypeWrapper<Partial<AuditRecord>>;
  AuditRecordConnection: ResolverTypeWrapper<Partial<AuditRecordConnection>>;
  AuditRecordEdge: ResolverTypeWrapper<Partial<AuditRecordEdge>>;
  AuditRecordFilter: ResolverTypeWrapper<Partial<AuditRecordFilter>>;
  AuditRecordKind: ResolverTypeWrapper<Partial<AuditRecordKind>>;
  AuditVerification: ResolverTypeWrapper<Partial<Omit<AuditVerification, 'reason'> & { reason?: Maybe<ResolversTypes['AuditChainFailure']> }>>;
  Boolean: ResolverTypeWrapper<Partial<Scalars['Boolean']['output']>>;
  CaSpec: ResolverTypeWrapper<Partial<CaSpec>>;
  CheckStatus: ResolverTypeWrapper<Partial<CheckStatus>>;
  Cluster: ResolverTypeWrapper<Partial<Cluster>>;
  Config: ResolverTypeWrapper<ConfigModel>;
  ConfigConnection: ResolverTypeWrapper<Partial<Omit<ConfigConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ConfigEdge']>, nodes: Array<ResolversTypes['Config']> }>>;
  ConfigCreateInput: ResolverTypeWrapper<Partial<ConfigCreateInput>>;
  ConfigCreatePayload: ResolverTypeWrapper<Partial<Omit<ConfigCreatePayload, 'config'> & { config?: Maybe<ResolversTypes['Config']> }>>;
  ConfigEdge: ResolverTypeWrapper<Partial<Omit<ConfigEdge, 'node'> & { node: ResolversTypes['Config'] }>>;
  ConfigReferenceInput: ResolverTypeWrapper<Partial<ConfigReferenceInput>>;
  ConfigRemoveInput: ResolverTypeWrapper<Partial<ConfigRemoveInput>>;
  ConfigRemovePayload: ResolverTypeWrapper<Partial<ConfigRemovePayload>>;
  ConfigRotateInput: ResolverTypeWrapper<Partial<ConfigRotateInput>>;
  ConfigRotatePayload: ResolverTypeWrapper<Partial<Omit<ConfigRotatePayload, 'config' | 'rollouts' | 'services'> & { config?: Maybe<ResolversTypes['Config']>, rollouts: Array<ResolversTypes['Rollout']>, services: Array<ResolversTypes['Service']> }>>;
  ConfigUpdateInput: ResolverTypeWrapper<Partial<ConfigUpdateInput>>;
  ConfigUpdatePayload: ResolverTypeWrapper<Partial<Omit<ConfigUpdatePayload, 'config'> & { config?: Maybe<ResolversTypes['Config']> }>>;
  ConfiguredEngine: ResolverTypeWrapper<Partial<Omit<ConfiguredEngine, 'swarmState'> & { swarmState: ResolversTypes['EngineSwarmState'] }>>;
  Container: ResolverTypeWrapper<ContainerModel>;
  ContainerConnection: ResolverTypeWrapper<Partial<Omit<ContainerConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ContainerEdge']>, nodes: Array<ResolversTypes['Container']> }>>;
  ContainerDeviceInput: ResolverTypeWrapper<Partial<ContainerDeviceInput>>;
  ContainerEdge: ResolverTypeWrapper<Partial<Omit<ContainerEdge, 'node'> & { node: ResolversTypes['Container'] }>>;
  ContainerExecInput: ResolverTypeWrapper<Partial<ContainerExecInput>>;
  ContainerExecPayload: ResolverTypeWrapper<Partial<ContainerExecPayload>>;
  ContainerFilter: ResolverTypeWrapper<Partial<ContainerFilter>>;
  ContainerLogLine: ResolverTypeWrapper<Partial<Omit<ContainerLogLine, 'stream'> & { stream: ResolversTypes['LogStream'] }>>;
  ContainerLogs: ResolverTypeWrapper<Partial<Omit<ContainerLogs, 'lines'> & { lines: Array<ResolversTypes['ContainerLogLine']> }>>;
  ContainerNetworkAttachment: ResolverTypeWrapper<Partial<ContainerNetworkAttachment>>;
  ContainerNetworkInput: ResolverTypeWrapper<Partial<ContainerNetworkInput>>;
  ContainerRemoveInput: ResolverTypeWrapper<Partial<ContainerRemoveInput>>;
  ContainerRemovePayload: ResolverTypeWrapper<Partial<ContainerRemovePayload>>;
  ContainerResourcesInput: ResolverTypeWrapper<Partial<ContainerResourcesInput>>;
  ContainerRestartPolicyInput: ResolverTypeWrapper<Partial<ContainerRestartPolicyInput>>;
  ContainerRestartPolicyName: ResolverTypeWrapper<Partial<ContainerRestartPolicyName>>;
  ContainerRunInput: ResolverTypeWrapper<Partial<ContainerRunInput>>;
  ContainerRunPayload: ResolverTypeWrapper<Partial<Omit<ContainerRunPayload, 'container'> & { container?: Maybe<ResolversTypes['Container']> }>>;
  ContainerStartInput: ResolverTypeWrapper<Partial<ContainerStartInput>>;
  ContainerStartPayload: ResolverTypeWrapper<Partial<Omit<ContainerStartPayload, 'container'> & { container?: Maybe<ResolversTypes['Container']> }>>;
  ContainerState: ResolverTypeWrapper<ContainerState>;
  ContainerStopInput: ResolverTypeWrapper<Partial<ContainerStopInput>>;
  ContainerStopPayload: ResolverTypeWrapper<Partial<Omit<ContainerStopPayload, 'container'> & { container?: Maybe<ResolversTypes['Container']> }>>;
  ContainerUlimitInput: ResolverTypeWrapper<Partial<ContainerUlimitInput>>;
  DateTime: ResolverTypeWrapper<Partial<Scalars['DateTime']['output']>>;
  DiagnosticCheck: ResolverTypeWrapper<Partial<DiagnosticCheck>>;
  Diagnostics: ResolverTypeWrapper<Partial<Diagnostics>>;
  DispatcherSpec: ResolverTypeWrapper<Partial<DispatcherSpec>>;
  EndpointMode: ResolverTypeWrapper<Partial<EndpointMode>>;
  EngineSwarmState: ResolverTypeWrapper<EngineSwarmState>;
  ErrorCode: ResolverTypeWrapper<Partial<ErrorCode>>;
  Event: ResolverTypeWrapper<Partial<Omit<Event, 'scope'> & { scope: ResolversTypes['EventScope'] }>>;
  EventFilter: ResolverTypeWrapper<Partial<EventFilter>>;
  EventScope: ResolverTypeWrapper<EventScope>;
  EventType: ResolverTypeWrapper<Partial<EventType>>;
  Float: ResolverTypeWrapper<Partial<Scalars['Float']['output']>>;
  Grant: ResolverTypeWrapper<Partial<Grant>>;
  GrantInput: ResolverTypeWrapper<Partial<GrantInput>>;
  HealthCheck: ResolverTypeWrapper<Partial<HealthCheck>>;
  HealthCheckInput: ResolverTypeWrapper<Partial<HealthCheckInput>>;
  ID: ResolverTypeWrapper<Partial<Scalars['ID']['output']>>;
  Int: ResolverTypeWrapper<Partial<Scalars['Int']['output']>>;
  IpamConfig: ResolverTypeWrapper<Partial<IpamConfig>>;
  IpamConfigInput: ResolverTypeWrapper<Partial<IpamConfigInput>>;
  JobStatus: ResolverTypeWrapper<Partial<JobStatus>>;
  JoinTokens: ResolverTypeWrapper<Partial<JoinTokens>>;
  KeyValue: ResolverTypeWrapper<Partial<KeyValue>>;
  KeyValueInput: ResolverTypeWrapper<Partial<KeyValueInput>>;
  LabelChangesInput: ResolverTypeWrapper<Partial<LabelChangesInput>>;
  LogLine: ResolverTypeWrapper<Partial<Omit<LogLine, 'stream'> & { stream: ResolversTypes['LogStream'] }>>;
  LogStream: ResolverTypeWrapper<LogStream>;
  MountInput: ResolverTypeWrapper<Partial<MountInput>>;
  MountType: ResolverTypeWrapper<Partial<MountType>>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Network: ResolverTypeWrapper<NetworkModel>;
  NetworkConnectInput: ResolverTypeWrapper<Partial<NetworkConnectInput>>;
  NetworkConnectPayload: ResolverTypeWrapper<Partial<Omit<NetworkConnectPayload, 'container'> & { container?: Maybe<ResolversTypes['Container']> }>>;
  NetworkConnection: ResolverTypeWrapper<Partial<Omit<NetworkConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['NetworkEdge']>, nodes: Array<ResolversTypes['Network']> }>>;
  NetworkContainer: ResolverTypeWrapper<Partial<NetworkContainer>>;
  NetworkCreateGatewayBridgeInput: ResolverTypeWrapper<Partial<NetworkCreateGatewayBridgeInput>>;
  NetworkCreateGatewayBridgePayload: ResolverTypeWrapper<Partial<Omit<NetworkCreateGatewayBridgePayload, 'network'> & { network?: Maybe<ResolversTypes['Network']> }>>;
  NetworkCreateInput: ResolverTypeWrapper<Partial<NetworkCreateInput>>;
  NetworkCreatePayload: ResolverTypeWrapper<Partial<Omit<NetworkCreatePayload, 'network'> & { network?: Maybe<ResolversTypes['Network']> }>>;
  NetworkDisconnectInput: ResolverTypeWrapper<Partial<NetworkDisconnectInput>>;
  NetworkDisconnectPayload: ResolverTypeWrapper<Partial<Omit<NetworkDisconnectPayload, 'container'> & { container?: Maybe<ResolversTypes['Container']> }>>;
  NetworkEdge: ResolverTypeWrapper<Partial<Omit<NetworkEdge, 'node'> & { node: ResolversTypes['Network'] }>>;
  NetworkFilter: ResolverTypeWrapper<Partial<NetworkFilter>>;
  NetworkPeer: ResolverTypeWrapper<Partial<NetworkPeer>>;
  NetworkPruneInput: ResolverTypeWrapper<Partial<NetworkPruneInput>>;
  NetworkPrunePayload: ResolverTypeWrapper<Partial<NetworkPrunePayload>>;
  NetworkRemoveInput: ResolverTypeWrapper<Partial<NetworkRemoveInput>>;
  NetworkRemovePayload: ResolverTypeWrapper<Partial<NetworkRemovePayload>>;
  NetworkScope: ResolverTypeWrapper<NetworkScope>;
  NetworkService: ResolverTypeWrapper<NetworkServiceModel>;
  Node: ResolverTypeWrapper<NodeModel>;
  NodeAvailability: ResolverTypeWrapper<Partial<NodeAvailability>>;
  NodeConnection: ResolverTypeWrapper<Partial<Omit<NodeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['NodeEdge']>, nodes: Array<ResolversTypes['Node']> }>>;
  NodeDemoteInput: ResolverTypeWrapper<Partial<NodeDemoteInput>>;
  NodeDemotePayload: ResolverTypeWrapper<Partial<Omit<NodeDemotePayload, 'node'> & { node?: Maybe<ResolversTypes['Node']> }>>;
  NodeEdge: ResolverTypeWrapper<Partial<Omit<NodeEdge, 'node'> & { node: ResolversTypes['Node'] }>>;
  NodeFilter: ResolverTypeWrapper<Partial<NodeFilter>>;
  NodePromoteInput: ResolverTypeWrapper<Partial<NodePromoteInput>>;
  NodePromotePayload: ResolverTypeWrapper<Partial<Omit<NodePromotePayload, 'node'> & { node?: Maybe<ResolversTypes['Node']> }>>;
  NodeReachability: ResolverTypeWrapper<NodeReachability>;
  NodeRemoveInput: ResolverTypeWrapper<Partial<NodeRemoveInput>>;
  NodeRemovePayload: ResolverTypeWrapper<Partial<NodeRemovePayload>>;
  NodeRole: ResolverTypeWrapper<Partial<NodeRole>>;
  NodeState: ResolverTypeWrapper<NodeState>;
  NodeUpdateInput: ResolverTypeWrapper<Partial<NodeUpdateInput>>;
  NodeUpdatePayload: ResolverTypeWrapper<Partial<Omit<NodeUpdatePayload, 'node'> & { node?: Maybe<ResolversTypes['Node']> }>>;
  PageInfo: ResolverTypeWrapper<Partial<PageInfo>>;
  PlannedTaskChange: ResolverTypeWrapper<Partial<PlannedTaskChange>>;
  PolicyFinding: ResolverTypeWrapper<Partial<PolicyFinding>>;
  PolicyFindingKind: ResolverTypeWrapper<Partial<PolicyFindingKind>>;
  PortConfig: ResolverTypeWrapper<Partial<PortConfig>>;
  PortConfigInput: ResolverTypeWrapper<Partial<PortConfigInput>>;
  PortProtocol: ResolverTypeWrapper<Partial<PortProtocol>>;
  Principal: ResolverTypeWrapper<Partial<Principal>>;
  PrincipalKind: ResolverTypeWrapper<Partial<PrincipalKind>>;
  PublishMode: ResolverTypeWrapper<Partial<PublishMode>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Quorum: ResolverTypeWrapper<Partial<Quorum>>;
  RaftSpec: ResolverTypeWrapper<Partial<RaftSpec>>;
  RedeployTrigger: ResolverTypeWrapper<Partial<RedeployTrigger>>;
  RemovedObject: ResolverTypeWrapper<Partial<RemovedObject>>;
  RequiredPort: ResolverTypeWrapper<Partial<RequiredPort>>;
  Resources: ResolverTypeWrapper<Partial<Resources>>;
  ResourcesInput: ResolverTypeWrapper<Partial<ResourcesInput>>;
  Role: ResolverTypeWrapper<Partial<Role>>;
  Rollout: ResolverTypeWrapper<Partial<Omit<Rollout, 'service' | 'updateState'> & { service?: Maybe<ResolversTypes['Service']>, updateState?: Maybe<ResolversTypes['UpdateState']> }>>;
  RolloutConclusion: ResolverTypeWrapper<Partial<RolloutConclusion>>;
  RolloutConnection: ResolverTypeWrapper<Partial<Omit<RolloutConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['RolloutEdge']>, nodes: Array<ResolversTypes['Rollout']> }>>;
  RolloutEdge: ResolverTypeWrapper<Partial<Omit<RolloutEdge, 'node'> & { node: ResolversTypes['Rollout'] }>>;
  RolloutKind: ResolverTypeWrapper<Partial<RolloutKind>>;
  RolloutSlot: ResolverTypeWrapper<Partial<RolloutSlot>>;
  RolloutStatus: ResolverTypeWrapper<Partial<RolloutStatus>>;
  Secret: ResolverTypeWrapper<SecretModel>;
  SecretConnection: ResolverTypeWrapper<Partial<Omit<SecretConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['SecretEdge']>, nodes: Array<ResolversTypes['Secret']> }>>;
  SecretCreateInput: ResolverTypeWrapper<Partial<SecretCreateInput>>;
  SecretCreatePayload: ResolverTypeWrapper<Partial<Omit<SecretCreatePayload, 'secret'> & { secret?: Maybe<ResolversTypes['Secret']> }>>;
  SecretEdge: ResolverTypeWrapper<Partial<Omit<SecretEdge, 'node'> & { node: ResolversTypes['Secret'] }>>;
  SecretReferenceInput: ResolverTypeWrapper<Partial<SecretReferenceInput>>;
  SecretRemoveInput: ResolverTypeWrapper<Partial<SecretRemoveInput>>;
  SecretRemovePayload: ResolverTypeWrapper<Partial<SecretRemovePayload>>;
  SecretRotateInput: ResolverTypeWrapper<Partial<SecretRotateInput>>;
  SecretRotatePayload: ResolverTypeWrapper<Partial<Omit<SecretRotatePayload, 'rollouts' | 'secret' | 'services'> & { rollouts: Array<ResolversTypes['Rollout']>, secret?: Maybe<ResolversTypes['Secret']>, services: Array<ResolversTypes['Service']> }>>;
  SecretUpdateInput: ResolverTypeWrapper<Partial<SecretUpdateInput>>;
  SecretUpdatePayload: ResolverTypeWrapper<Partial<Omit<SecretUpdatePayload, 'secret'> & { secret?: Maybe<ResolversTypes['Secret']> }>>;
  Service: ResolverTypeWrapper<ServiceModel>;
  ServiceConnection: ResolverTypeWrapper<Partial<Omit<ServiceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['ServiceEdge']>, nodes: Array<ResolversTypes['Service']> }>>;
  ServiceCreateInput: ResolverTypeWrapper<Partial<ServiceCreateInput>>;
  ServiceCreatePayload: ResolverTypeWrapper<Partial<Omit<ServiceCreatePayload, 'rollout' | 'service'> & { rollout?: Maybe<ResolversTypes['Rollout']>, service?: Maybe<ResolversTypes['Service']> }>>;
  ServiceDnsName: ResolverTypeWrapper<Partial<Omit<ServiceDnsName, 'kind'> & { kind: ResolversTypes['ServiceDnsNameKind'] }>>;
  ServiceDnsNameKind: ResolverTypeWrapper<ServiceDnsNameKind>;
  ServiceEdge: ResolverTypeWrapper<Partial<Omit<ServiceEdge, 'node'> & { node: ResolversTypes['Service'] }>>;
  ServiceFileReference: ResolverTypeWrapper<Partial<ServiceFileReference>>;
  ServiceFilter: ResolverTypeWrapper<Partial<ServiceFilter>>;
  ServiceMode: ResolverTypeWrapper<Partial<ServiceMode>>;
  ServiceMount: ResolverTypeWrapper<Partial<ServiceMount>>;
  ServiceNetworkAttachment: ResolverTypeWrapper<ServiceNetworkAttachmentModel>;
  ServiceNetworkInput: ResolverTypeWrapper<Partial<ServiceNetworkInput>>;
  ServicePlan: ResolverTypeWrapper<Partial<Omit<ServicePlan, 'service'> & { service?: Maybe<ResolversTypes['Service']> }>>;
  ServiceRemoveInput: ResolverTypeWrapper<Partial<ServiceRemoveInput>>;
  ServiceRemovePayload: ResolverTypeWrapper<Partial<ServiceRemovePayload>>;
  ServiceRollbackInput: ResolverTypeWrapper<Partial<ServiceRollbackInput>>;
  ServiceRollbackPayload: ResolverTypeWrapper<Partial<Omit<ServiceRollbackPayload, 'rollout' | 'service'> & { rollout?: Maybe<ResolversTypes['Rollout']>, service?: Maybe<ResolversTypes['Service']> }>>;
  ServiceScaleInput: ResolverTypeWrapper<Partial<ServiceScaleInput>>;
  ServiceScalePayload: ResolverTypeWrapper<Partial<Omit<ServiceScalePayload, 'rollout' | 'service'> & { rollout?: Maybe<ResolversTypes['Rollout']>, service?: Maybe<ResolversTypes['Service']> }>>;
  ServiceUpdateInput: ResolverTypeWrapper<Partial<ServiceUpdateInput>>;
  ServiceUpdatePayload: ResolverTypeWrapper<Partial<Omit<ServiceUpdatePayload, 'rollout' | 'service'> & { rollout?: Maybe<ResolversTypes['Rollout']>, service?: Maybe<ResolversTypes['Service']> }>>;
  SpecChange: ResolverTypeWrapper<Partial<SpecChange>>;
  Stack: ResolverTypeWrapper<StackModel>;
  StackChangeAction: ResolverTypeWrapper<Partial<StackChangeAction>>;
  StackConnection: ResolverTypeWrapper<Partial<Omit<StackConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['StackEdge']>, nodes: Array<ResolversTypes['Stack']> }>>;
  StackDeployInput: ResolverTypeWrapper<Partial<StackDeployInput>>;
  StackDeployPayload: ResolverTypeWrapper<Partial<Omit<StackDeployPayload, 'rollouts' | 'stack'> & { rollouts: Array<ResolversTypes['Rollout']>, stack?: Maybe<ResolversTypes['Stack']> }>>;
  StackEdge: ResolverTypeWrapper<Partial<Omit<StackEdge, 'node'> & { node: ResolversTypes['Stack'] }>>;
  StackObjectChange: ResolverTypeWrapper<Partial<StackObjectChange>>;
  StackObjectKind: ResolverTypeWrapper<Partial<StackObjectKind>>;
  StackPlan: ResolverTypeWrapper<Partial<Omit<StackPlan, 'stack'> & { stack?: Maybe<ResolversTypes['Stack']> }>>;
  StackRemoveInput: ResolverTypeWrapper<Partial<StackRemoveInput>>;
  StackRemovePayload: ResolverTypeWrapper<Partial<StackRemovePayload>>;
  StackVariableInput: ResolverTypeWrapper<Partial<StackVariableInput>>;
  StoredObjectFilter: ResolverTypeWrapper<Partial<StoredObjectFilter>>;
  String: ResolverTypeWrapper<Partial<Scalars['String']['output']>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Swarm: ResolverTypeWrapper<SwarmModel>;
  SwarmInitInput: ResolverTypeWrapper<Partial<SwarmInitInput>>;
  SwarmInitPayload: ResolverTypeWrapper<Partial<Omit<SwarmInitPayload, 'swarm'> & { swarm?: Maybe<ResolversTypes['Swarm']> }>>;
  SwarmJoinInput: ResolverTypeWrapper<Partial<SwarmJoinInput>>;
  SwarmJoinPayload: ResolverTypeWrapper<Partial<Omit<SwarmJoinPayload, 'node'> & { node?: Maybe<ResolversTypes['Node']> }>>;
  SwarmLeaveInput: ResolverTypeWrapper<Partial<SwarmLeaveInput>>;
  SwarmLeavePayload: ResolverTypeWrapper<Partial<SwarmLeavePayload>>;
  SwarmRotateJoinTokenInput: ResolverTypeWrapper<Partial<SwarmRotateJoinTokenInput>>;
  SwarmRotateJoinTokenPayload: ResolverTypeWrapper<Partial<Omit<SwarmRotateJoinTokenPayload, 'swarm'> & { swarm?: Maybe<ResolversTypes['Swarm']> }>>;
  SwarmSpec: ResolverTypeWrapper<Partial<SwarmSpec>>;
  SwarmUpdateInput: ResolverTypeWrapper<Partial<SwarmUpdateInput>>;
  SwarmUpdatePayload: ResolverTypeWrapper<Partial<Omit<SwarmUpdatePayload, 'swarm'> & { swarm?: Maybe<ResolversTypes['Swarm']> }>>;
  Task: ResolverTypeWrapper<TaskModel>;
  TaskConnection: ResolverTypeWrapper<Partial<Omit<TaskConnection, 'edges' | 'nodes'> & { edges: Array<ResolversTypes['TaskEdge']>, nodes: Array<ResolversTypes['Task']> }>>;
  TaskDesiredStateFilter: ResolverTypeWrapper<Partial<TaskDesiredStateFilter>>;
  TaskEdge: ResolverTypeWrapper<Partial<Omit<TaskEdge, 'node'> & { node: ResolversTypes['Task'] }>>;
  TaskFilter: ResolverTypeWrapper<Partial<TaskFilter>>;
  TaskNetworkAttachment: ResolverTypeWrapper<TaskNetworkAttachmentModel>;
  TaskReplaceReason: ResolverTypeWrapper<Partial<TaskReplaceReason>>;
  TaskState: ResolverTypeWrapper<Partial<TaskState>>;
  TriggerAction: ResolverTypeWrapper<Partial<TriggerAction>>;
  TriggerCreateInput: ResolverTypeWrapper<Partial<TriggerCreateInput>>;
  TriggerCreatePayload: ResolverTypeWrapper<Partial<TriggerCreatePayload>>;
  TriggerRemoveInput: ResolverTypeWrapper<Partial<TriggerRemoveInput>>;
  TriggerRemovePayload: ResolverTypeWrapper<Partial<TriggerRemovePayload>>;
  UpdateFailureAction: ResolverTypeWrapper<UpdateFailureAction>;
  UpdateOrder: ResolverTypeWrapper<UpdateOrder>;
  UpdatePolicy: ResolverTypeWrapper<Partial<Omit<UpdatePolicy, 'failureAction' | 'order'> & { failureAction: ResolversTypes['UpdateFailureAction'], order: ResolversTypes['UpdateOrder'] }>>;
  UpdatePolicyInput: ResolverTypeWrapper<Partial<UpdatePolicyInput>>;
  UpdateState: ResolverTypeWrapper<UpdateState>;
  UpdateStatus: ResolverTypeWrapper<Partial<Omit<UpdateStatus, 'state'> & { state: ResolversTypes['UpdateState'] }>>;
  UserError: ResolverTypeWrapper<Partial<UserError>>;
  UserErrorCode: ResolverTypeWrapper<Partial<UserErrorCode>>;
  Webhook: ResolverTypeWrapper<WebhookModel>;
  WebhookCreateInput: ResolverTypeWrapper<Partial<WebhookCreateInput>>;
  WebhookCreatePayload: ResolverTypeWrapper<Partial<Omit<WebhookCreatePayload, 'webhook'> & { webhook?: Maybe<ResolversTypes['Webhook']> }>>;
  WebhookDelivery: ResolverTypeWrapper<Partial<WebhookDelivery>>;
  WebhookDeliveryStatus: ResolverTypeWrapper<Partial<WebhookDeliveryStatus>>;
  WebhookEvent: ResolverTypeWrapper<Partial<WebhookEvent>>;
  WebhookRemoveInput: ResolverTypeWrapper<Partial<WebhookRemoveInput>>;
  WebhookRemovePayload: ResolverTypeWrapper<Partial<WebhookRemovePayload>>;
  WebhookUpdateInput: ResolverTypeWrapper<Partial<WebhookUpdateInput>>;
  WebhookUpdatePayload: ResolverTypeWrapper<Partial<Omit<WebhookUpdatePayload, 'webhook'> & { webhook?: Maybe<ResolversTypes['Webhook']> }>>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ApiToken: Partial<ApiToken>;
  ApiTokenConnection: Partial<ApiTokenConnection>;
  ApiTokenCreateInput: Partial<ApiTokenCreateInput>;
  ApiTokenCreatePayload: Partial<ApiTokenCreatePayload>;
  ApiTokenEdge: Partial<ApiTokenEdge>;
  ApiTokenRevokeInput: Partial<ApiTokenRevokeInput>;
  ApiTokenRevokePayload: Partial<ApiTokenRevokePayload>;
  AuditRecord: Partial<AuditRecord>;
  AuditRecordConnection: Partial<AuditRecordConnection>;
  AuditRecordEdge: Partial<AuditRecordEdge>;
  AuditRecordFilter: Partial<AuditRecordFilter>;
  AuditVerification: Partial<AuditVerification>;
  Boolean: Partial<Scalars['Boolean']['output']>;
  CaSpec: Partial<CaSpec>;
  Cluster: Partial<Cluster>;
  Config: ConfigModel;
  ConfigConnection: Partial<Omit<ConfigConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ConfigEdge']>, nodes: Array<ResolversParentTypes['Config']> }>;
  ConfigCreateInput: Partial<ConfigCreateInput>;
  ConfigCreatePayload: Partial<Omit<ConfigCreatePayload, 'config'> & { config?: Maybe<ResolversParentTypes['Config']> }>;
  ConfigEdge: Partial<Omit<ConfigEdge, 'node'> & { node: ResolversParentTypes['Config'] }>;
  ConfigReferenceInput: Partial<ConfigReferenceInput>;
  ConfigRemoveInput: Partial<ConfigRemoveInput>;
  ConfigRemovePayload: Partial<ConfigRemovePayload>;
  ConfigRotateInput: Partial<ConfigRotateInput>;
  ConfigRotatePayload: Partial<Omit<ConfigRotatePayload, 'config' | 'rollouts' | 'services'> & { config?: Maybe<ResolversParentTypes['Config']>, rollouts: Array<ResolversParentTypes['Rollout']>, services: Array<ResolversParentTypes['Service']> }>;
  ConfigUpdateInput: Partial<ConfigUpdateInput>;
  ConfigUpdatePayload: Partial<Omit<ConfigUpdatePayload, 'config'> & { config?: Maybe<ResolversParentTypes['Config']> }>;
  ConfiguredEngine: Partial<ConfiguredEngine>;
  Container: ContainerModel;
  ContainerConnection: Partial<Omit<ContainerConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ContainerEdge']>, nodes: Array<ResolversParentTypes['Container']> }>;
  ContainerDeviceInput: Partial<ContainerDeviceInput>;
  ContainerEdge: Partial<Omit<ContainerEdge, 'node'> & { node: ResolversParentTypes['Container'] }>;
  ContainerExecInput: Partial<ContainerExecInput>;
  ContainerExecPayload: Partial<ContainerExecPayload>;
  ContainerFilter: Partial<ContainerFilter>;
  ContainerLogLine: Partial<ContainerLogLine>;
  ContainerLogs: Partial<Omit<ContainerLogs, 'lines'> & { lines: Array<ResolversParentTypes['ContainerLogLine']> }>;
  ContainerNetworkAttachment: Partial<ContainerNetworkAttachment>;
  ContainerNetworkInput: Partial<ContainerNetworkInput>;
  ContainerRemoveInput: Partial<ContainerRemoveInput>;
  ContainerRemovePayload: Partial<ContainerRemovePayload>;
  ContainerResourcesInput: Partial<ContainerResourcesInput>;
  ContainerRestartPolicyInput: Partial<ContainerRestartPolicyInput>;
  ContainerRunInput: Partial<ContainerRunInput>;
  ContainerRunPayload: Partial<Omit<ContainerRunPayload, 'container'> & { container?: Maybe<ResolversParentTypes['Container']> }>;
  ContainerStartInput: Partial<ContainerStartInput>;
  ContainerStartPayload: Partial<Omit<ContainerStartPayload, 'container'> & { container?: Maybe<ResolversParentTypes['Container']> }>;
  ContainerStopInput: Partial<ContainerStopInput>;
  ContainerStopPayload: Partial<Omit<ContainerStopPayload, 'container'> & { container?: Maybe<ResolversParentTypes['Container']> }>;
  ContainerUlimitInput: Partial<ContainerUlimitInput>;
  DateTime: Partial<Scalars['DateTime']['output']>;
  DiagnosticCheck: Partial<DiagnosticCheck>;
  Diagnostics: Partial<Diagnostics>;
  DispatcherSpec: Partial<DispatcherSpec>;
  Event: Partial<Event>;
  EventFilter: Partial<EventFilter>;
  Float: Partial<Scalars['Float']['output']>;
  Grant: Partial<Grant>;
  GrantInput: Partial<GrantInput>;
  HealthCheck: Partial<HealthCheck>;
  HealthCheckInput: Partial<HealthCheckInput>;
  ID: Partial<Scalars['ID']['output']>;
  Int: Partial<Scalars['Int']['output']>;
  IpamConfig: Partial<IpamConfig>;
  IpamConfigInput: Partial<IpamConfigInput>;
  JobStatus: Partial<JobStatus>;
  JoinTokens: Partial<JoinTokens>;
  KeyValue: Partial<KeyValue>;
  KeyValueInput: Partial<KeyValueInput>;
  LabelChangesInput: Partial<LabelChangesInput>;
  LogLine: Partial<LogLine>;
  MountInput: Partial<MountInput>;
  Mutation: Record<PropertyKey, never>;
  Network: NetworkModel;
  NetworkConnectInput: Partial<NetworkConnectInput>;
  NetworkConnectPayload: Partial<Omit<NetworkConnectPayload, 'container'> & { container?: Maybe<ResolversParentTypes['Container']> }>;
  NetworkConnection: Partial<Omit<NetworkConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['NetworkEdge']>, nodes: Array<ResolversParentTypes['Network']> }>;
  NetworkContainer: Partial<NetworkContainer>;
  NetworkCreateGatewayBridgeInput: Partial<NetworkCreateGatewayBridgeInput>;
  NetworkCreateGatewayBridgePayload: Partial<Omit<NetworkCreateGatewayBridgePayload, 'network'> & { network?: Maybe<ResolversParentTypes['Network']> }>;
  NetworkCreateInput: Partial<NetworkCreateInput>;
  NetworkCreatePayload: Partial<Omit<NetworkCreatePayload, 'network'> & { network?: Maybe<ResolversParentTypes['Network']> }>;
  NetworkDisconnectInput: Partial<NetworkDisconnectInput>;
  NetworkDisconnectPayload: Partial<Omit<NetworkDisconnectPayload, 'container'> & { container?: Maybe<ResolversParentTypes['Container']> }>;
  NetworkEdge: Partial<Omit<NetworkEdge, 'node'> & { node: ResolversParentTypes['Network'] }>;
  NetworkFilter: Partial<NetworkFilter>;
  NetworkPeer: Partial<NetworkPeer>;
  NetworkPruneInput: Partial<NetworkPruneInput>;
  NetworkPrunePayload: Partial<NetworkPrunePayload>;
  NetworkRemoveInput: Partial<NetworkRemoveInput>;
  NetworkRemovePayload: Partial<NetworkRemovePayload>;
  NetworkService: NetworkServiceModel;
  Node: NodeModel;
  NodeConnection: Partial<Omit<NodeConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['NodeEdge']>, nodes: Array<ResolversParentTypes['Node']> }>;
  NodeDemoteInput: Partial<NodeDemoteInput>;
  NodeDemotePayload: Partial<Omit<NodeDemotePayload, 'node'> & { node?: Maybe<ResolversParentTypes['Node']> }>;
  NodeEdge: Partial<Omit<NodeEdge, 'node'> & { node: ResolversParentTypes['Node'] }>;
  NodeFilter: Partial<NodeFilter>;
  NodePromoteInput: Partial<NodePromoteInput>;
  NodePromotePayload: Partial<Omit<NodePromotePayload, 'node'> & { node?: Maybe<ResolversParentTypes['Node']> }>;
  NodeRemoveInput: Partial<NodeRemoveInput>;
  NodeRemovePayload: Partial<NodeRemovePayload>;
  NodeUpdateInput: Partial<NodeUpdateInput>;
  NodeUpdatePayload: Partial<Omit<NodeUpdatePayload, 'node'> & { node?: Maybe<ResolversParentTypes['Node']> }>;
  PageInfo: Partial<PageInfo>;
  PlannedTaskChange: Partial<PlannedTaskChange>;
  PolicyFinding: Partial<PolicyFinding>;
  PortConfig: Partial<PortConfig>;
  PortConfigInput: Partial<PortConfigInput>;
  Principal: Partial<Principal>;
  Query: Record<PropertyKey, never>;
  Quorum: Partial<Quorum>;
  RaftSpec: Partial<RaftSpec>;
  RedeployTrigger: Partial<RedeployTrigger>;
  RemovedObject: Partial<RemovedObject>;
  RequiredPort: Partial<RequiredPort>;
  Resources: Partial<Resources>;
  ResourcesInput: Partial<ResourcesInput>;
  Rollout: Partial<Omit<Rollout, 'service'> & { service?: Maybe<ResolversParentTypes['Service']> }>;
  RolloutConnection: Partial<Omit<RolloutConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['RolloutEdge']>, nodes: Array<ResolversParentTypes['Rollout']> }>;
  RolloutEdge: Partial<Omit<RolloutEdge, 'node'> & { node: ResolversParentTypes['Rollout'] }>;
  RolloutSlot: Partial<RolloutSlot>;
  Secret: SecretModel;
  SecretConnection: Partial<Omit<SecretConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['SecretEdge']>, nodes: Array<ResolversParentTypes['Secret']> }>;
  SecretCreateInput: Partial<SecretCreateInput>;
  SecretCreatePayload: Partial<Omit<SecretCreatePayload, 'secret'> & { secret?: Maybe<ResolversParentTypes['Secret']> }>;
  SecretEdge: Partial<Omit<SecretEdge, 'node'> & { node: ResolversParentTypes['Secret'] }>;
  SecretReferenceInput: Partial<SecretReferenceInput>;
  SecretRemoveInput: Partial<SecretRemoveInput>;
  SecretRemovePayload: Partial<SecretRemovePayload>;
  SecretRotateInput: Partial<SecretRotateInput>;
  SecretRotatePayload: Partial<Omit<SecretRotatePayload, 'rollouts' | 'secret' | 'services'> & { rollouts: Array<ResolversParentTypes['Rollout']>, secret?: Maybe<ResolversParentTypes['Secret']>, services: Array<ResolversParentTypes['Service']> }>;
  SecretUpdateInput: Partial<SecretUpdateInput>;
  SecretUpdatePayload: Partial<Omit<SecretUpdatePayload, 'secret'> & { secret?: Maybe<ResolversParentTypes['Secret']> }>;
  Service: ServiceModel;
  ServiceConnection: Partial<Omit<ServiceConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['ServiceEdge']>, nodes: Array<ResolversParentTypes['Service']> }>;
  ServiceCreateInput: Partial<ServiceCreateInput>;
  ServiceCreatePayload: Partial<Omit<ServiceCreatePayload, 'rollout' | 'service'> & { rollout?: Maybe<ResolversParentTypes['Rollout']>, service?: Maybe<ResolversParentTypes['Service']> }>;
  ServiceDnsName: Partial<ServiceDnsName>;
  ServiceEdge: Partial<Omit<ServiceEdge, 'node'> & { node: ResolversParentTypes['Service'] }>;
  ServiceFileReference: Partial<ServiceFileReference>;
  ServiceFilter: Partial<ServiceFilter>;
  ServiceMount: Partial<ServiceMount>;
  ServiceNetworkAttachment: ServiceNetworkAttachmentModel;
  ServiceNetworkInput: Partial<ServiceNetworkInput>;
  ServicePlan: Partial<Omit<ServicePlan, 'service'> & { service?: Maybe<ResolversParentTypes['Service']> }>;
  ServiceRemoveInput: Partial<ServiceRemoveInput>;
  ServiceRemovePayload: Partial<ServiceRemovePayload>;
  ServiceRollbackInput: Partial<ServiceRollbackInput>;
  ServiceRollbackPayload: Partial<Omit<ServiceRollbackPayload, 'rollout' | 'service'> & { rollout?: Maybe<ResolversParentTypes['Rollout']>, service?: Maybe<ResolversParentTypes['Service']> }>;
  ServiceScaleInput: Partial<ServiceScaleInput>;
  ServiceScalePayload: Partial<Omit<ServiceScalePayload, 'rollout' | 'service'> & { rollout?: Maybe<ResolversParentTypes['Rollout']>, service?: Maybe<ResolversParentTypes['Service']> }>;
  ServiceUpdateInput: Partial<ServiceUpdateInput>;
  ServiceUpdatePayload: Partial<Omit<ServiceUpdatePayload, 'rollout' | 'service'> & { rollout?: Maybe<ResolversParentTypes['Rollout']>, service?: Maybe<ResolversParentTypes['Service']> }>;
  SpecChange: Partial<SpecChange>;
  Stack: StackModel;
  StackConnection: Partial<Omit<StackConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['StackEdge']>, nodes: Array<ResolversParentTypes['Stack']> }>;
  StackDeployInput: Partial<StackDeployInput>;
  StackDeployPayload: Partial<Omit<StackDeployPayload, 'rollouts' | 'stack'> & { rollouts: Array<ResolversParentTypes['Rollout']>, stack?: Maybe<ResolversParentTypes['Stack']> }>;
  StackEdge: Partial<Omit<StackEdge, 'node'> & { node: ResolversParentTypes['Stack'] }>;
  StackObjectChange: Partial<StackObjectChange>;
  StackPlan: Partial<Omit<StackPlan, 'stack'> & { stack?: Maybe<ResolversParentTypes['Stack']> }>;
  StackRemoveInput: Partial<StackRemoveInput>;
  StackRemovePayload: Partial<StackRemovePayload>;
  StackVariableInput: Partial<StackVariableInput>;
  StoredObjectFilter: Partial<StoredObjectFilter>;
  String: Partial<Scalars['String']['output']>;
  Subscription: Record<PropertyKey, never>;
  Swarm: SwarmModel;
  SwarmInitInput: Partial<SwarmInitInput>;
  SwarmInitPayload: Partial<Omit<SwarmInitPayload, 'swarm'> & { swarm?: Maybe<ResolversParentTypes['Swarm']> }>;
  SwarmJoinInput: Partial<SwarmJoinInput>;
  SwarmJoinPayload: Partial<Omit<SwarmJoinPayload, 'node'> & { node?: Maybe<ResolversParentTypes['Node']> }>;
  SwarmLeaveInput: Partial<SwarmLeaveInput>;
  SwarmLeavePayload: Partial<SwarmLeavePayload>;
  SwarmRotateJoinTokenInput: Partial<SwarmRotateJoinTokenInput>;
  SwarmRotateJoinTokenPayload: Partial<Omit<SwarmRotateJoinTokenPayload, 'swarm'> & { swarm?: Maybe<ResolversParentTypes['Swarm']> }>;
  SwarmSpec: Partial<SwarmSpec>;
  SwarmUpdateInput: Partial<SwarmUpdateInput>;
  SwarmUpdatePayload: Partial<Omit<SwarmUpdatePayload, 'swarm'> & { swarm?: Maybe<ResolversParentTypes['Swarm']> }>;
  Task: TaskModel;
  TaskConnection: Partial<Omit<TaskConnection, 'edges' | 'nodes'> & { edges: Array<ResolversParentTypes['TaskEdge']>, nodes: Array<ResolversParentTypes['Task']> }>;
  TaskEdge: Partial<Omit<TaskEdge, 'node'> & { node: ResolversParentTypes['Task'] }>;
  TaskFilter: Partial<TaskFilter>;
  TaskNetworkAttachment: TaskNetworkAttachmentModel;
  TriggerCreateInput: Partial<TriggerCreateInput>;
  TriggerCreatePayload: Partial<TriggerCreatePayload>;
  TriggerRemoveInput: Partial<TriggerRemoveInput>;
  TriggerRemovePayload: Partial<TriggerRemovePayload>;
  UpdatePolicy: Partial<UpdatePolicy>;
  UpdatePolicyInput: Partial<UpdatePolicyInput>;
  UpdateStatus: Partial<UpdateStatus>;
  UserError: Partial<UserError>;
  Webhook: WebhookModel;
  WebhookCreateInput: Partial<WebhookCreateInput>;
  WebhookCreatePayload: Partial<Omit<WebhookCreatePayload, 'webhook'> & { webhook?: Maybe<ResolversParentTypes['Webhook']> }>;
  WebhookDelivery: Partial<WebhookDelivery>;
  WebhookRemoveInput: Partial<WebhookRemoveInput>;
  WebhookRemovePayload: Partial<WebhookRemovePayload>;
  WebhookUpdateInput: Partial<WebhookUpdateInput>;
  WebhookUpdatePayload: Partial<Omit<WebhookUpdatePayload, 'webhook'> & { webhook?: Maybe<ResolversParentTypes['Webhook']> }>;
};

export type ApiTokenResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ApiToken'] = ResolversParentTypes['ApiToken']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  grants?: Resolver<Array<ResolversTypes['Grant']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  revokedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ApiTokenConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ApiTokenConnection'] = ResolversParentTypes['ApiTokenConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ApiTokenEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['ApiToken']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ApiTokenCreatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ApiTokenCreatePayload'] = ResolversParentTypes['ApiTokenCreatePayload']> = {
  apiToken?: Resolver<Maybe<ResolversTypes['ApiToken']>, ParentType, ContextType>;
  token?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ApiTokenEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ApiTokenEdge'] = ResolversParentTypes['ApiTokenEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ApiToken'], ParentType, ContextType>;
};

export type ApiTokenRevokePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ApiTokenRevokePayload'] = ResolversParentTypes['ApiTokenRevokePayload']> = {
  alsoRevoked?: Resolver<Array<ResolversTypes['ApiToken']>, ParentType, ContextType>;
  apiToken?: Resolver<Maybe<ResolversTypes['ApiToken']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type AuditChainFailureResolvers = { BAD_ANCHOR: 'bad_anchor', HASH_MISMATCH: 'hash_mismatch', MALFORMED: 'malformed', PREV_HASH_MISMATCH: 'prev_hash_mismatch', SEQ_GAP: 'seq_gap' };

export type AuditRecordResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AuditRecord'] = ResolversParentTypes['AuditRecord']> = {
  clientAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cluster?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  input?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  intentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AuditRecordKind'], ParentType, ContextType>;
  objectIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['AuditOutcome']>, ParentType, ContextType>;
  prevHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  principal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  target?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  traceId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userAgent?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditRecordConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AuditRecordConnection'] = ResolversParentTypes['AuditRecordConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditRecordEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['AuditRecord']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditRecordEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AuditRecordEdge'] = ResolversParentTypes['AuditRecordEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditRecord'], ParentType, ContextType>;
};

export type AuditVerificationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AuditVerification'] = ResolversParentTypes['AuditVerification']> = {
  checkedRecords?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failedRecordId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  failedSeq?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  firstSeq?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastSeq?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['AuditChainFailure']>, ParentType, ContextType>;
};

export type CaSpecResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['CaSpec'] = ResolversParentTypes['CaSpec']> = {
  externalCaUrls?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  nodeCertExpirySeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ClusterResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Cluster'] = ResolversParentTypes['Cluster']> = {
  endpoints?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  isDefault?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ConfigResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Config'] = ResolversParentTypes['Config']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  data?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  dataBase64?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  usedBy?: Resolver<Array<ResolversTypes['Service']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConfigConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConfigConnection'] = ResolversParentTypes['ConfigConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ConfigEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Config']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ConfigCreatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConfigCreatePayload'] = ResolversParentTypes['ConfigCreatePayload']> = {
  config?: Resolver<Maybe<ResolversTypes['Config']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ConfigEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConfigEdge'] = ResolversParentTypes['ConfigEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Config'], ParentType, ContextType>;
};

export type ConfigRemovePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConfigRemovePayload'] = ResolversParentTypes['ConfigRemovePayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ConfigRotatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConfigRotatePayload'] = ResolversParentTypes['ConfigRotatePayload']> = {
  config?: Resolver<Maybe<ResolversTypes['Config']>, ParentType, ContextType>;
  oldRemoved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rollouts?: Resolver<Array<ResolversTypes['Rollout']>, ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['Service']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ConfigUpdatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConfigUpdatePayload'] = ResolversParentTypes['ConfigUpdatePayload']> = {
  config?: Resolver<Maybe<ResolversTypes['Config']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ConfiguredEngineResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ConfiguredEngine'] = ResolversParentTypes['ConfiguredEngine']> = {
  endpoint?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  swarmState?: Resolver<ResolversTypes['EngineSwarmState'], ParentType, ContextType>;
};

export type ContainerResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Container'] = ResolversParentTypes['Container']> = {
  engine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  image?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  networks?: Resolver<Array<ResolversTypes['ContainerNetworkAttachment']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['ContainerState'], ParentType, ContextType>;
  taskId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ContainerConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerConnection'] = ResolversParentTypes['ContainerConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ContainerEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Container']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContainerEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerEdge'] = ResolversParentTypes['ContainerEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Container'], ParentType, ContextType>;
};

export type ContainerExecPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerExecPayload'] = ResolversParentTypes['ContainerExecPayload']> = {
  durationMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  execId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  exitCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  stderr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stderrTruncated?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  stdout?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  stdoutTruncated?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  timedOut?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ContainerLogLineResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerLogLine'] = ResolversParentTypes['ContainerLogLine']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['LogStream'], ParentType, ContextType>;
  timestamp?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type ContainerLogsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerLogs'] = ResolversParentTypes['ContainerLogs']> = {
  containerId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['ContainerLogLine']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  tty?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ContainerNetworkAttachmentResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerNetworkAttachment'] = ResolversParentTypes['ContainerNetworkAttachment']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  gateway?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ipv4Address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ipv6Address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  macAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  networkId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  networkName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  staticIpv4Address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ContainerRemovePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerRemovePayload'] = ResolversParentTypes['ContainerRemovePayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ContainerRunPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerRunPayload'] = ResolversParentTypes['ContainerRunPayload']> = {
  container?: Resolver<Maybe<ResolversTypes['Container']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ContainerStartPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerStartPayload'] = ResolversParentTypes['ContainerStartPayload']> = {
  container?: Resolver<Maybe<ResolversTypes['Container']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ContainerStateResolvers = { CREATED: 'created', DEAD: 'dead', EXITED: 'exited', PAUSED: 'paused', REMOVING: 'removing', RESTARTING: 'restarting', RUNNING: 'running', UNKNOWN: 'unknown' };

export type ContainerStopPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ContainerStopPayload'] = ResolversParentTypes['ContainerStopPayload']> = {
  container?: Resolver<Maybe<ResolversTypes['Container']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DiagnosticCheckResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DiagnosticCheck'] = ResolversParentTypes['DiagnosticCheck']> = {
  details?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CheckStatus'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DiagnosticsResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Diagnostics'] = ResolversParentTypes['Diagnostics']> = {
  checks?: Resolver<Array<ResolversTypes['DiagnosticCheck']>, ParentType, ContextType>;
  cluster?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requiredPorts?: Resolver<Array<ResolversTypes['RequiredPort']>, ParentType, ContextType>;
};

export type DispatcherSpecResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['DispatcherSpec'] = ResolversParentTypes['DispatcherSpec']> = {
  heartbeatPeriodSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type EngineSwarmStateResolvers = { ACTIVE: 'active', ERROR: 'error', INACTIVE: 'inactive', LOCKED: 'locked', PENDING: 'pending', UNREACHABLE: 'unreachable' };

export type EventResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Event'] = ResolversParentTypes['Event']> = {
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actorId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  actorName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  attributes?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['EventScope'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['EventType'], ParentType, ContextType>;
};

export type EventScopeResolvers = { LOCAL: 'local', SWARM: 'swarm' };

export type GrantResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Grant'] = ResolversParentTypes['Grant']> = {
  clusters?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type HealthCheckResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['HealthCheck'] = ResolversParentTypes['HealthCheck']> = {
  intervalSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  retries?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startPeriodSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  test?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  timeoutSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type IpamConfigResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['IpamConfig'] = ResolversParentTypes['IpamConfig']> = {
  auxAddresses?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  gateway?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ipRange?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subnet?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type JobStatusResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['JobStatus'] = ResolversParentTypes['JobStatus']> = {
  iteration?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lastExecution?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type JoinTokensResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['JoinTokens'] = ResolversParentTypes['JoinTokens']> = {
  manager?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  worker?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type KeyValueResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['KeyValue'] = ResolversParentTypes['KeyValue']> = {
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LogLineResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['LogLine'] = ResolversParentTypes['LogLine']> = {
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  stream?: Resolver<ResolversTypes['LogStream'], ParentType, ContextType>;
  taskId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  timestamp?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type LogStreamResolvers = { STDERR: 'stderr', STDOUT: 'stdout' };

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  apiTokenCreate?: Resolver<ResolversTypes['ApiTokenCreatePayload'], ParentType, ContextType, RequireFields<MutationApiTokenCreateArgs, 'input'>>;
  apiTokenRevoke?: Resolver<ResolversTypes['ApiTokenRevokePayload'], ParentType, ContextType, RequireFields<MutationApiTokenRevokeArgs, 'input'>>;
  configCreate?: Resolver<ResolversTypes['ConfigCreatePayload'], ParentType, ContextType, RequireFields<MutationConfigCreateArgs, 'input'>>;
  configRemove?: Resolver<ResolversTypes['ConfigRemovePayload'], ParentType, ContextType, RequireFields<MutationConfigRemoveArgs, 'input'>>;
  configRotate?: Resolver<ResolversTypes['ConfigRotatePayload'], ParentType, ContextType, RequireFields<MutationConfigRotateArgs, 'input'>>;
  configUpdate?: Resolver<ResolversTypes['ConfigUpdatePayload'], ParentType, ContextType, RequireFields<MutationConfigUpdateArgs, 'input'>>;
  containerExec?: Resolver<ResolversTypes['ContainerExecPayload'], ParentType, ContextType, RequireFields<MutationContainerExecArgs, 'input'>>;
  containerRemove?: Resolver<ResolversTypes['ContainerRemovePayload'], ParentType, ContextType, RequireFields<MutationContainerRemoveArgs, 'input'>>;
  containerRun?: Resolver<ResolversTypes['ContainerRunPayload'], ParentType, ContextType, RequireFields<MutationContainerRunArgs, 'input'>>;
  containerStart?: Resolver<ResolversTypes['ContainerStartPayload'], ParentType, ContextType, RequireFields<MutationContainerStartArgs, 'input'>>;
  containerStop?: Resolver<ResolversTypes['ContainerStopPayload'], ParentType, ContextType, RequireFields<MutationContainerStopArgs, 'input'>>;
  networkConnect?: Resolver<ResolversTypes['NetworkConnectPayload'], ParentType, ContextType, RequireFields<MutationNetworkConnectArgs, 'input'>>;
  networkCreate?: Resolver<ResolversTypes['NetworkCreatePayload'], ParentType, ContextType, RequireFields<MutationNetworkCreateArgs, 'input'>>;
  networkCreateGatewayBridge?: Resolver<ResolversTypes['NetworkCreateGatewayBridgePayload'], ParentType, ContextType, RequireFields<MutationNetworkCreateGatewayBridgeArgs, 'input'>>;
  networkDisconnect?: Resolver<ResolversTypes['NetworkDisconnectPayload'], ParentType, ContextType, RequireFields<MutationNetworkDisconnectArgs, 'input'>>;
  networkPrune?: Resolver<ResolversTypes['NetworkPrunePayload'], ParentType, ContextType, RequireFields<MutationNetworkPruneArgs, 'input'>>;
  networkRemove?: Resolver<ResolversTypes['NetworkRemovePayload'], ParentType, ContextType, RequireFields<MutationNetworkRemoveArgs, 'input'>>;
  nodeDemote?: Resolver<ResolversTypes['NodeDemotePayload'], ParentType, ContextType, RequireFields<MutationNodeDemoteArgs, 'input'>>;
  nodePromote?: Resolver<ResolversTypes['NodePromotePayload'], ParentType, ContextType, RequireFields<MutationNodePromoteArgs, 'input'>>;
  nodeRemove?: Resolver<ResolversTypes['NodeRemovePayload'], ParentType, ContextType, RequireFields<MutationNodeRemoveArgs, 'input'>>;
  nodeUpdate?: Resolver<ResolversTypes['NodeUpdatePayload'], ParentType, ContextType, RequireFields<MutationNodeUpdateArgs, 'input'>>;
  secretCreate?: Resolver<ResolversTypes['SecretCreatePayload'], ParentType, ContextType, RequireFields<MutationSecretCreateArgs, 'input'>>;
  secretRemove?: Resolver<ResolversTypes['SecretRemovePayload'], ParentType, ContextType, RequireFields<MutationSecretRemoveArgs, 'input'>>;
  secretRotate?: Resolver<ResolversTypes['SecretRotatePayload'], ParentType, ContextType, RequireFields<MutationSecretRotateArgs, 'input'>>;
  secretUpdate?: Resolver<ResolversTypes['SecretUpdatePayload'], ParentType, ContextType, RequireFields<MutationSecretUpdateArgs, 'input'>>;
  serviceCreate?: Resolver<ResolversTypes['ServiceCreatePayload'], ParentType, ContextType, RequireFields<MutationServiceCreateArgs, 'input'>>;
  serviceRemove?: Resolver<ResolversTypes['ServiceRemovePayload'], ParentType, ContextType, RequireFields<MutationServiceRemoveArgs, 'input'>>;
  serviceRollback?: Resolver<ResolversTypes['ServiceRollbackPayload'], ParentType, ContextType, RequireFields<MutationServiceRollbackArgs, 'input'>>;
  serviceScale?: Resolver<ResolversTypes['ServiceScalePayload'], ParentType, ContextType, RequireFields<MutationServiceScaleArgs, 'input'>>;
  serviceUpdate?: Resolver<ResolversTypes['ServiceUpdatePayload'], ParentType, ContextType, RequireFields<MutationServiceUpdateArgs, 'input'>>;
  stackDeploy?: Resolver<ResolversTypes['StackDeployPayload'], ParentType, ContextType, RequireFields<MutationStackDeployArgs, 'input'>>;
  stackRemove?: Resolver<ResolversTypes['StackRemovePayload'], ParentType, ContextType, RequireFields<MutationStackRemoveArgs, 'input'>>;
  swarmInit?: Resolver<ResolversTypes['SwarmInitPayload'], ParentType, ContextType, RequireFields<MutationSwarmInitArgs, 'input'>>;
  swarmJoin?: Resolver<ResolversTypes['SwarmJoinPayload'], ParentType, ContextType, RequireFields<MutationSwarmJoinArgs, 'input'>>;
  swarmLeave?: Resolver<ResolversTypes['SwarmLeavePayload'], ParentType, ContextType, RequireFields<MutationSwarmLeaveArgs, 'input'>>;
  swarmRotateJoinToken?: Resolver<ResolversTypes['SwarmRotateJoinTokenPayload'], ParentType, ContextType, RequireFields<MutationSwarmRotateJoinTokenArgs, 'input'>>;
  swarmUpdate?: Resolver<ResolversTypes['SwarmUpdatePayload'], ParentType, ContextType, RequireFields<MutationSwarmUpdateArgs, 'input'>>;
  triggerCreate?: Resolver<ResolversTypes['TriggerCreatePayload'], ParentType, ContextType, RequireFields<MutationTriggerCreateArgs, 'input'>>;
  triggerRemove?: Resolver<ResolversTypes['TriggerRemovePayload'], ParentType, ContextType, RequireFields<MutationTriggerRemoveArgs, 'input'>>;
  webhookCreate?: Resolver<ResolversTypes['WebhookCreatePayload'], ParentType, ContextType, RequireFields<MutationWebhookCreateArgs, 'input'>>;
  webhookRemove?: Resolver<ResolversTypes['WebhookRemovePayload'], ParentType, ContextType, RequireFields<MutationWebhookRemoveArgs, 'input'>>;
  webhookUpdate?: Resolver<ResolversTypes['WebhookUpdatePayload'], ParentType, ContextType, RequireFields<MutationWebhookUpdateArgs, 'input'>>;
};

export type NetworkResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Network'] = ResolversParentTypes['Network']> = {
  attachable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  containers?: Resolver<Array<ResolversTypes['NetworkContainer']>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  driver?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  encrypted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  engine?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ingress?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  internal?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ipam?: Resolver<Array<ResolversTypes['IpamConfig']>, ParentType, ContextType>;
  ipamDriver?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ipv6?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  mtu?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  options?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  peers?: Resolver<Array<ResolversTypes['NetworkPeer']>, ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['NetworkScope'], ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['NetworkService']>, ParentType, ContextType>;
  vxlanIds?: Resolver<Array<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type NetworkConnectPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkConnectPayload'] = ResolversParentTypes['NetworkConnectPayload']> = {
  container?: Resolver<Maybe<ResolversTypes['Container']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type NetworkConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkConnection'] = ResolversParentTypes['NetworkConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NetworkEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Network']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NetworkContainerResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkContainer'] = ResolversParentTypes['NetworkContainer']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ipv4Address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ipv6Address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  macAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NetworkCreateGatewayBridgePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkCreateGatewayBridgePayload'] = ResolversParentTypes['NetworkCreateGatewayBridgePayload']> = {
  network?: Resolver<Maybe<ResolversTypes['Network']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type NetworkCreatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkCreatePayload'] = ResolversParentTypes['NetworkCreatePayload']> = {
  network?: Resolver<Maybe<ResolversTypes['Network']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type NetworkDisconnectPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkDisconnectPayload'] = ResolversParentTypes['NetworkDisconnectPayload']> = {
  container?: Resolver<Maybe<ResolversTypes['Container']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type NetworkEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkEdge'] = ResolversParentTypes['NetworkEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Network'], ParentType, ContextType>;
};

export type NetworkPeerResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkPeer'] = ResolversParentTypes['NetworkPeer']> = {
  ip?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type NetworkPrunePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkPrunePayload'] = ResolversParentTypes['NetworkPrunePayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type NetworkRemovePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkRemovePayload'] = ResolversParentTypes['NetworkRemovePayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type NetworkScopeResolvers = { GLOBAL: 'global', LOCAL: 'local', SWARM: 'swarm' };

export type NetworkServiceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NetworkService'] = ResolversParentTypes['NetworkService']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  service?: Resolver<ResolversTypes['Service'], ParentType, ContextType>;
  virtualIp?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type NodeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  architecture?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  availability?: Resolver<ResolversTypes['NodeAvailability'], ParentType, ContextType>;
  cpus?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  engineLabels?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  engineVersion?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hostname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  leader?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  managerAddress?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  memoryBytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  os?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reachability?: Resolver<Maybe<ResolversTypes['NodeReachability']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['NodeRole'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['NodeState'], ParentType, ContextType>;
  stateMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  tasks?: Resolver<Array<ResolversTypes['Task']>, ParentType, ContextType, Partial<NodeTasksArgs>>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NodeConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NodeConnection'] = ResolversParentTypes['NodeConnection']> = {
  edges?: Resolver<Array<ResolversTypes['NodeEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Node']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NodeDemotePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NodeDemotePayload'] = ResolversParentTypes['NodeDemotePayload']> = {
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type NodeEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NodeEdge'] = ResolversParentTypes['NodeEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Node'], ParentType, ContextType>;
};

export type NodePromotePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NodePromotePayload'] = ResolversParentTypes['NodePromotePayload']> = {
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type NodeReachabilityResolvers = { REACHABLE: 'reachable', UNKNOWN: 'unknown', UNREACHABLE: 'unreachable' };

export type NodeRemovePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NodeRemovePayload'] = ResolversParentTypes['NodeRemovePayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type NodeStateResolvers = { DISCONNECTED: 'disconnected', DOWN: 'down', READY: 'ready', UNKNOWN: 'unknown' };

export type NodeUpdatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['NodeUpdatePayload'] = ResolversParentTypes['NodeUpdatePayload']> = {
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PlannedTaskChangeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PlannedTaskChange'] = ResolversParentTypes['PlannedTaskChange']> = {
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  paths?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['TaskReplaceReason'], ParentType, ContextType>;
  slot?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  taskId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PolicyFindingResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PolicyFinding'] = ResolversParentTypes['PolicyFinding']> = {
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PolicyFindingKind'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PortConfigResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PortConfig'] = ResolversParentTypes['PortConfig']> = {
  protocol?: Resolver<ResolversTypes['PortProtocol'], ParentType, ContextType>;
  publishMode?: Resolver<ResolversTypes['PublishMode'], ParentType, ContextType>;
  publishedPort?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  targetPort?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PrincipalResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Principal'] = ResolversParentTypes['Principal']> = {
  grants?: Resolver<Array<ResolversTypes['Grant']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['PrincipalKind'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  apiTokens?: Resolver<ResolversTypes['ApiTokenConnection'], ParentType, ContextType, RequireFields<QueryApiTokensArgs, 'first' | 'includeRevoked'>>;
  auditRecords?: Resolver<ResolversTypes['AuditRecordConnection'], ParentType, ContextType, RequireFields<QueryAuditRecordsArgs, 'first'>>;
  auditVerify?: Resolver<ResolversTypes['AuditVerification'], ParentType, ContextType, Partial<QueryAuditVerifyArgs>>;
  clusters?: Resolver<Array<ResolversTypes['Cluster']>, ParentType, ContextType>;
  config?: Resolver<ResolversTypes['Config'], ParentType, ContextType, RequireFields<QueryConfigArgs, 'id'>>;
  configs?: Resolver<ResolversTypes['ConfigConnection'], ParentType, ContextType, RequireFields<QueryConfigsArgs, 'first'>>;
  container?: Resolver<ResolversTypes['Container'], ParentType, ContextType, RequireFields<QueryContainerArgs, 'id'>>;
  containerLogs?: Resolver<ResolversTypes['ContainerLogs'], ParentType, ContextType, RequireFields<QueryContainerLogsArgs, 'id' | 'maxBytes' | 'stderr' | 'stdout' | 'tail'>>;
  containers?: Resolver<ResolversTypes['ContainerConnection'], ParentType, ContextType, RequireFields<QueryContainersArgs, 'first'>>;
  diagnostics?: Resolver<ResolversTypes['Diagnostics'], ParentType, ContextType, Partial<QueryDiagnosticsArgs>>;
  engines?: Resolver<Array<ResolversTypes['ConfiguredEngine']>, ParentType, ContextType>;
  network?: Resolver<ResolversTypes['Network'], ParentType, ContextType, RequireFields<QueryNetworkArgs, 'id'>>;
  networks?: Resolver<ResolversTypes['NetworkConnection'], ParentType, ContextType, RequireFields<QueryNetworksArgs, 'first'>>;
  node?: Resolver<ResolversTypes['Node'], ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<ResolversTypes['NodeConnection'], ParentType, ContextType, RequireFields<QueryNodesArgs, 'first'>>;
  rollout?: Resolver<ResolversTypes['Rollout'], ParentType, ContextType, RequireFields<QueryRolloutArgs, 'id'>>;
  secret?: Resolver<ResolversTypes['Secret'], ParentType, ContextType, RequireFields<QuerySecretArgs, 'id'>>;
  secrets?: Resolver<ResolversTypes['SecretConnection'], ParentType, ContextType, RequireFields<QuerySecretsArgs, 'first'>>;
  service?: Resolver<ResolversTypes['Service'], ParentType, ContextType, RequireFields<QueryServiceArgs, 'id'>>;
  servicePlan?: Resolver<ResolversTypes['ServicePlan'], ParentType, ContextType, RequireFields<QueryServicePlanArgs, 'input'>>;
  services?: Resolver<ResolversTypes['ServiceConnection'], ParentType, ContextType, RequireFields<QueryServicesArgs, 'first'>>;
  stack?: Resolver<ResolversTypes['Stack'], ParentType, ContextType, RequireFields<QueryStackArgs, 'name'>>;
  stackPlan?: Resolver<ResolversTypes['StackPlan'], ParentType, ContextType, RequireFields<QueryStackPlanArgs, 'input'>>;
  stacks?: Resolver<ResolversTypes['StackConnection'], ParentType, ContextType, RequireFields<QueryStacksArgs, 'first'>>;
  swarm?: Resolver<ResolversTypes['Swarm'], ParentType, ContextType, Partial<QuerySwarmArgs>>;
  swarmJoinTokens?: Resolver<ResolversTypes['JoinTokens'], ParentType, ContextType, Partial<QuerySwarmJoinTokensArgs>>;
  swarmUnlockKey?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType, Partial<QuerySwarmUnlockKeyArgs>>;
  task?: Resolver<ResolversTypes['Task'], ParentType, ContextType, RequireFields<QueryTaskArgs, 'id'>>;
  tasks?: Resolver<ResolversTypes['TaskConnection'], ParentType, ContextType, RequireFields<QueryTasksArgs, 'first'>>;
  triggers?: Resolver<Array<ResolversTypes['RedeployTrigger']>, ParentType, ContextType, Partial<QueryTriggersArgs>>;
  webhooks?: Resolver<Array<ResolversTypes['Webhook']>, ParentType, ContextType, Partial<QueryWebhooksArgs>>;
  whoami?: Resolver<ResolversTypes['Principal'], ParentType, ContextType>;
};

export type QuorumResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Quorum'] = ResolversParentTypes['Quorum']> = {
  faultTolerance?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  hasQuorum?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  majority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  managers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reachableManagers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type RaftSpecResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RaftSpec'] = ResolversParentTypes['RaftSpec']> = {
  electionTick?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  heartbeatTick?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  keepOldSnapshots?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  logEntriesForSlowFollowers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  snapshotInterval?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RedeployTriggerResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RedeployTrigger'] = ResolversParentTypes['RedeployTrigger']> = {
  action?: Resolver<ResolversTypes['TriggerAction'], ParentType, ContextType>;
  cluster?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastFiredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serviceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  serviceName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RemovedObjectResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RemovedObject'] = ResolversParentTypes['RemovedObject']> = {
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type RequiredPortResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RequiredPort'] = ResolversParentTypes['RequiredPort']> = {
  port?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  protocol?: Resolver<ResolversTypes['PortProtocol'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ResourcesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Resources'] = ResolversParentTypes['Resources']> = {
  limitCpus?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  limitMemoryBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reserveCpus?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reserveMemoryBytes?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type RolloutResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Rollout'] = ResolversParentTypes['Rollout']> = {
  cluster?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  concludedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  conclusion?: Resolver<Maybe<ResolversTypes['RolloutConclusion']>, ParentType, ContextType>;
  deadline?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  desired?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['RolloutKind'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  running?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  serviceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  serviceName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serviceVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slots?: Resolver<Array<ResolversTypes['RolloutSlot']>, ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  startedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RolloutStatus'], ParentType, ContextType>;
  supersededBy?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  upToDate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updateMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updateState?: Resolver<Maybe<ResolversTypes['UpdateState']>, ParentType, ContextType>;
};

export type RolloutConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RolloutConnection'] = ResolversParentTypes['RolloutConnection']> = {
  edges?: Resolver<Array<ResolversTypes['RolloutEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Rollout']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RolloutEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RolloutEdge'] = ResolversParentTypes['RolloutEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Rollout'], ParentType, ContextType>;
};

export type RolloutSlotResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['RolloutSlot'] = ResolversParentTypes['RolloutSlot']> = {
  desiredState?: Resolver<Maybe<ResolversTypes['TaskState']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  slot?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  state?: Resolver<Maybe<ResolversTypes['TaskState']>, ParentType, ContextType>;
  taskId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  upToDate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type SecretResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Secret'] = ResolversParentTypes['Secret']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  driver?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  usedBy?: Resolver<Array<ResolversTypes['Service']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SecretConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SecretConnection'] = ResolversParentTypes['SecretConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SecretEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Secret']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SecretCreatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SecretCreatePayload'] = ResolversParentTypes['SecretCreatePayload']> = {
  secret?: Resolver<Maybe<ResolversTypes['Secret']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SecretEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SecretEdge'] = ResolversParentTypes['SecretEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Secret'], ParentType, ContextType>;
};

export type SecretRemovePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SecretRemovePayload'] = ResolversParentTypes['SecretRemovePayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SecretRotatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SecretRotatePayload'] = ResolversParentTypes['SecretRotatePayload']> = {
  oldRemoved?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rollouts?: Resolver<Array<ResolversTypes['Rollout']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['Secret']>, ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['Service']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SecretUpdatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SecretUpdatePayload'] = ResolversParentTypes['SecretUpdatePayload']> = {
  secret?: Resolver<Maybe<ResolversTypes['Secret']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ServiceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Service'] = ResolversParentTypes['Service']> = {
  args?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  canRollback?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  capabilityAdd?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  capabilityDrop?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  command?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  configs?: Resolver<Array<ResolversTypes['ServiceFileReference']>, ParentType, ContextType>;
  constraints?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  containerLabels?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  desiredTasks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  discovery?: Resolver<Array<ResolversTypes['ServiceDnsName']>, ParentType, ContextType>;
  endpointMode?: Resolver<ResolversTypes['EndpointMode'], ParentType, ContextType>;
  env?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  healthcheck?: Resolver<Maybe<ResolversTypes['HealthCheck']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  image?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  jobStatus?: Resolver<Maybe<ResolversTypes['JobStatus']>, ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  logs?: Resolver<Array<ResolversTypes['LogLine']>, ParentType, ContextType, RequireFields<ServiceLogsArgs, 'tail'>>;
  maxConcurrent?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['ServiceMode'], ParentType, ContextType>;
  mounts?: Resolver<Array<ResolversTypes['ServiceMount']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  networks?: Resolver<Array<ResolversTypes['ServiceNetworkAttachment']>, ParentType, ContextType>;
  ports?: Resolver<Array<ResolversTypes['PortConfig']>, ParentType, ContextType>;
  replicas?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  resources?: Resolver<ResolversTypes['Resources'], ParentType, ContextType>;
  rollbackConfig?: Resolver<Maybe<ResolversTypes['UpdatePolicy']>, ParentType, ContextType>;
  rollouts?: Resolver<ResolversTypes['RolloutConnection'], ParentType, ContextType, RequireFields<ServiceRolloutsArgs, 'first'>>;
  runningTasks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  secrets?: Resolver<Array<ResolversTypes['ServiceFileReference']>, ParentType, ContextType>;
  tasks?: Resolver<Array<ResolversTypes['Task']>, ParentType, ContextType, Partial<ServiceTasksArgs>>;
  updateConfig?: Resolver<Maybe<ResolversTypes['UpdatePolicy']>, ParentType, ContextType>;
  updateStatus?: Resolver<Maybe<ResolversTypes['UpdateStatus']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ServiceConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceConnection'] = ResolversParentTypes['ServiceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ServiceEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Service']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ServiceCreatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceCreatePayload'] = ResolversParentTypes['ServiceCreatePayload']> = {
  rollout?: Resolver<Maybe<ResolversTypes['Rollout']>, ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServiceDnsNameResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceDnsName'] = ResolversParentTypes['ServiceDnsName']> = {
  addresses?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ServiceDnsNameKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  network?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ServiceDnsNameKindResolvers = { TASKS: 'tasks', VIP: 'vip' };

export type ServiceEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceEdge'] = ResolversParentTypes['ServiceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Service'], ParentType, ContextType>;
};

export type ServiceFileReferenceResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceFileReference'] = ResolversParentTypes['ServiceFileReference']> = {
  gid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  uid?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ServiceMountResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceMount'] = ResolversParentTypes['ServiceMount']> = {
  readOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  target?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['MountType'], ParentType, ContextType>;
  volumeDriver?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  volumeOptions?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
};

export type ServiceNetworkAttachmentResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceNetworkAttachment'] = ResolversParentTypes['ServiceNetworkAttachment']> = {
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['Network']>, ParentType, ContextType>;
  networkId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  virtualIp?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServicePlanResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServicePlan'] = ResolversParentTypes['ServicePlan']> = {
  added?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changes?: Resolver<Array<ResolversTypes['SpecChange']>, ParentType, ContextType>;
  planHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policy?: Resolver<Array<ResolversTypes['PolicyFinding']>, ParentType, ContextType>;
  removed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  replaced?: Resolver<Array<ResolversTypes['PlannedTaskChange']>, ParentType, ContextType>;
  replacesTasks?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rolloutKind?: Resolver<Maybe<ResolversTypes['RolloutKind']>, ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ServiceRemovePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceRemovePayload'] = ResolversParentTypes['ServiceRemovePayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type ServiceRollbackPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceRollbackPayload'] = ResolversParentTypes['ServiceRollbackPayload']> = {
  rollout?: Resolver<Maybe<ResolversTypes['Rollout']>, ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServiceScalePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceScalePayload'] = ResolversParentTypes['ServiceScalePayload']> = {
  rollout?: Resolver<Maybe<ResolversTypes['Rollout']>, ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ServiceUpdatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ServiceUpdatePayload'] = ResolversParentTypes['ServiceUpdatePayload']> = {
  rollout?: Resolver<Maybe<ResolversTypes['Rollout']>, ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type SpecChangeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SpecChange'] = ResolversParentTypes['SpecChange']> = {
  after?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type StackResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Stack'] = ResolversParentTypes['Stack']> = {
  cluster?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  configs?: Resolver<Array<ResolversTypes['Config']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  networks?: Resolver<Array<ResolversTypes['Network']>, ParentType, ContextType>;
  rollouts?: Resolver<Array<ResolversTypes['Rollout']>, ParentType, ContextType>;
  secrets?: Resolver<Array<ResolversTypes['Secret']>, ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['Service']>, ParentType, ContextType>;
};

export type StackConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StackConnection'] = ResolversParentTypes['StackConnection']> = {
  edges?: Resolver<Array<ResolversTypes['StackEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Stack']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type StackDeployPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StackDeployPayload'] = ResolversParentTypes['StackDeployPayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  rollouts?: Resolver<Array<ResolversTypes['Rollout']>, ParentType, ContextType>;
  stack?: Resolver<Maybe<ResolversTypes['Stack']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type StackEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StackEdge'] = ResolversParentTypes['StackEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Stack'], ParentType, ContextType>;
};

export type StackObjectChangeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StackObjectChange'] = ResolversParentTypes['StackObjectChange']> = {
  action?: Resolver<ResolversTypes['StackChangeAction'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StackObjectKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replaced?: Resolver<Array<ResolversTypes['PlannedTaskChange']>, ParentType, ContextType>;
  replacesTasks?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  specChanges?: Resolver<Array<ResolversTypes['SpecChange']>, ParentType, ContextType>;
};

export type StackPlanResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StackPlan'] = ResolversParentTypes['StackPlan']> = {
  changes?: Resolver<Array<ResolversTypes['StackObjectChange']>, ParentType, ContextType>;
  planHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  policy?: Resolver<Array<ResolversTypes['PolicyFinding']>, ParentType, ContextType>;
  stack?: Resolver<Maybe<ResolversTypes['Stack']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type StackRemovePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['StackRemovePayload'] = ResolversParentTypes['StackRemovePayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  events?: SubscriptionResolver<ResolversTypes['Event'], "events", ParentType, ContextType, Partial<SubscriptionEventsArgs>>;
  rolloutUpdated?: SubscriptionResolver<ResolversTypes['Rollout'], "rolloutUpdated", ParentType, ContextType, RequireFields<SubscriptionRolloutUpdatedArgs, 'id'>>;
};

export type SwarmResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Swarm'] = ResolversParentTypes['Swarm']> = {
  cluster?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataPathPort?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  defaultAddrPool?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quorum?: Resolver<ResolversTypes['Quorum'], ParentType, ContextType>;
  rootRotationInProgress?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  spec?: Resolver<ResolversTypes['SwarmSpec'], ParentType, ContextType>;
  subnetSize?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SwarmInitPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SwarmInitPayload'] = ResolversParentTypes['SwarmInitPayload']> = {
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  swarm?: Resolver<Maybe<ResolversTypes['Swarm']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SwarmJoinPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SwarmJoinPayload'] = ResolversParentTypes['SwarmJoinPayload']> = {
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SwarmLeavePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SwarmLeavePayload'] = ResolversParentTypes['SwarmLeavePayload']> = {
  left?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SwarmRotateJoinTokenPayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SwarmRotateJoinTokenPayload'] = ResolversParentTypes['SwarmRotateJoinTokenPayload']> = {
  swarm?: Resolver<Maybe<ResolversTypes['Swarm']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SwarmSpecResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SwarmSpec'] = ResolversParentTypes['SwarmSpec']> = {
  autolockManagers?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  caConfig?: Resolver<ResolversTypes['CaSpec'], ParentType, ContextType>;
  dispatcher?: Resolver<ResolversTypes['DispatcherSpec'], ParentType, ContextType>;
  labels?: Resolver<Array<ResolversTypes['KeyValue']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  raft?: Resolver<ResolversTypes['RaftSpec'], ParentType, ContextType>;
  taskHistoryRetentionLimit?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SwarmUpdatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SwarmUpdatePayload'] = ResolversParentTypes['SwarmUpdatePayload']> = {
  swarm?: Resolver<Maybe<ResolversTypes['Swarm']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type TaskResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Task'] = ResolversParentTypes['Task']> = {
  containerId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  desiredState?: Resolver<ResolversTypes['TaskState'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  networkAttachments?: Resolver<Array<ResolversTypes['TaskNetworkAttachment']>, ParentType, ContextType>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType>;
  nodeId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  service?: Resolver<Maybe<ResolversTypes['Service']>, ParentType, ContextType>;
  serviceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  slot?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['TaskState'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type TaskConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TaskConnection'] = ResolversParentTypes['TaskConnection']> = {
  edges?: Resolver<Array<ResolversTypes['TaskEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Task']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type TaskEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TaskEdge'] = ResolversParentTypes['TaskEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Task'], ParentType, ContextType>;
};

export type TaskNetworkAttachmentResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TaskNetworkAttachment'] = ResolversParentTypes['TaskNetworkAttachment']> = {
  addresses?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  network?: Resolver<Maybe<ResolversTypes['Network']>, ParentType, ContextType>;
  networkId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  networkName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TriggerCreatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TriggerCreatePayload'] = ResolversParentTypes['TriggerCreatePayload']> = {
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  trigger?: Resolver<Maybe<ResolversTypes['RedeployTrigger']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type TriggerRemovePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['TriggerRemovePayload'] = ResolversParentTypes['TriggerRemovePayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type UpdateFailureActionResolvers = { CONTINUE: 'continue', PAUSE: 'pause', ROLLBACK: 'rollback' };

export type UpdateOrderResolvers = { START_FIRST: 'start-first', STOP_FIRST: 'stop-first' };

export type UpdatePolicyResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UpdatePolicy'] = ResolversParentTypes['UpdatePolicy']> = {
  delaySeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  failureAction?: Resolver<ResolversTypes['UpdateFailureAction'], ParentType, ContextType>;
  maxFailureRatio?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  monitorSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  order?: Resolver<ResolversTypes['UpdateOrder'], ParentType, ContextType>;
  parallelism?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UpdateStateResolvers = { COMPLETED: 'completed', PAUSED: 'paused', ROLLBACK_COMPLETED: 'rollback_completed', ROLLBACK_PAUSED: 'rollback_paused', ROLLBACK_STARTED: 'rollback_started', UPDATING: 'updating' };

export type UpdateStatusResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UpdateStatus'] = ResolversParentTypes['UpdateStatus']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['UpdateState'], ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Webhook'] = ResolversParentTypes['Webhook']> = {
  cluster?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deliveries?: Resolver<Array<ResolversTypes['WebhookDelivery']>, ParentType, ContextType, RequireFields<WebhookDeliveriesArgs, 'first'>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  enabled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  events?: Resolver<Array<ResolversTypes['WebhookEvent']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  scope?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookCreatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WebhookCreatePayload'] = ResolversParentTypes['WebhookCreatePayload']> = {
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  webhook?: Resolver<Maybe<ResolversTypes['Webhook']>, ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  event?: Resolver<ResolversTypes['WebhookEvent'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastStatusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  nextAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
};

export type WebhookRemovePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WebhookRemovePayload'] = ResolversParentTypes['WebhookRemovePayload']> = {
  removed?: Resolver<Array<ResolversTypes['RemovedObject']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type WebhookUpdatePayloadResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['WebhookUpdatePayload'] = ResolversParentTypes['WebhookUpdatePayload']> = {
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  webhook?: Resolver<Maybe<ResolversTypes['Webhook']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  ApiToken?: ApiTokenResolvers<ContextType>;
  ApiTokenConnection?: ApiTokenConnectionResolvers<ContextType>;
  ApiTokenCreatePayload?: ApiTokenCreatePayloadResolvers<ContextType>;
  ApiTokenEdge?: ApiTokenEdgeResolvers<ContextType>;
  ApiTokenRevokePayload?: ApiTokenRevokePayloadResolvers<ContextType>;
  AuditChainFailure?: AuditChainFailureResolvers;
  AuditRecord?: AuditRecordResolvers<ContextType>;
  AuditRecordConnection?: AuditRecordConnectionResolvers<ContextType>;
  AuditRecordEdge?: AuditRecordEdgeResolvers<ContextType>;
  AuditVerification?: AuditVerificationResolvers<ContextType>;
  CaSpec?: CaSpecResolvers<ContextType>;
  Cluster?: ClusterResolvers<ContextType>;
  Config?: ConfigResolvers<ContextType>;
  ConfigConnection?: ConfigConnectionResolvers<ContextType>;
  ConfigCreatePayload?: ConfigCreatePayloadResolvers<ContextType>;
  ConfigEdge?: ConfigEdgeResolvers<ContextType>;
  ConfigRemovePayload?: ConfigRemovePayloadResolvers<ContextType>;
  ConfigRotatePayload?: ConfigRotatePayloadResolvers<ContextType>;
  ConfigUpdatePayload?: ConfigUpdatePayloadResolvers<ContextType>;
  ConfiguredEngine?: ConfiguredEngineResolvers<ContextType>;
  Container?: ContainerResolvers<ContextType>;
  ContainerConnection?: ContainerConnectionResolvers<ContextType>;
  ContainerEdge?: ContainerEdgeResolvers<ContextType>;
  ContainerExecPayload?: ContainerExecPayloadResolvers<ContextType>;
  ContainerLogLine?: ContainerLogLineResolvers<ContextType>;
  ContainerLogs?: ContainerLogsResolvers<ContextType>;
  ContainerNetworkAttachment?: ContainerNetworkAttachmentResolvers<ContextType>;
  ContainerRemovePayload?: ContainerRemovePayloadResolvers<ContextType>;
  ContainerRunPayload?: ContainerRunPayloadResolvers<ContextType>;
  ContainerStartPayload?: ContainerStartPayloadResolvers<ContextType>;
  ContainerState?: ContainerStateResolvers;
  ContainerStopPayload?: ContainerStopPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DiagnosticCheck?: DiagnosticCheckResolvers<ContextType>;
  Diagnostics?: DiagnosticsResolvers<ContextType>;
  DispatcherSpec?: DispatcherSpecResolvers<ContextType>;
  EngineSwarmState?: EngineSwarmStateResolvers;
  Event?: EventResolvers<ContextType>;
  EventScope?: EventScopeResolvers;
  Grant?: GrantResolvers<ContextType>;
  HealthCheck?: HealthCheckResolvers<ContextType>;
  IpamConfig?: IpamConfigResolvers<ContextType>;
  JobStatus?: JobStatusResolvers<ContextType>;
  JoinTokens?: JoinTokensResolvers<ContextType>;
  KeyValue?: KeyValueResolvers<ContextType>;
  LogLine?: LogLineResolvers<ContextType>;
  LogStream?: LogStreamResolvers;
  Mutation?: MutationResolvers<ContextType>;
  Network?: NetworkResolvers<ContextType>;
  NetworkConnectPayload?: NetworkConnectPayloadResolvers<ContextType>;
  NetworkConnection?: NetworkConnectionResolvers<ContextType>;
  NetworkContainer?: NetworkContainerResolvers<ContextType>;
  NetworkCreateGatewayBridgePayload?: NetworkCreateGatewayBridgePayloadResolvers<ContextType>;
  NetworkCreatePayload?: NetworkCreatePayloadResolvers<ContextType>;
  NetworkDisconnectPayload?: NetworkDisconnectPayloadResolvers<ContextType>;
  NetworkEdge?: NetworkEdgeResolvers<ContextType>;
  NetworkPeer?: NetworkPeerResolvers<ContextType>;
  NetworkPrunePayload?: NetworkPrunePayloadResolvers<ContextType>;
  NetworkRemovePayload?: NetworkRemovePayloadResolvers<ContextType>;
  NetworkScope?: NetworkScopeResolvers;
  NetworkService?: NetworkServiceResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  NodeConnection?: NodeConnectionResolvers<ContextType>;
  NodeDemotePayload?: NodeDemotePayloadResolvers<ContextType>;
  NodeEdge?: NodeEdgeResolvers<ContextType>;
  NodePromotePayload?: NodePromotePayloadResolvers<ContextType>;
  NodeReachability?: NodeReachabilityResolvers;
  NodeRemovePayload?: NodeRemovePayloadResolvers<ContextType>;
  NodeState?: NodeStateResolvers;
  NodeUpdatePayload?: NodeUpdatePayloadResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PlannedTaskChange?: PlannedTaskChangeResolvers<ContextType>;
  PolicyFinding?: PolicyFindingResolvers<ContextType>;
  PortConfig?: PortConfigResolvers<ContextType>;
  Principal?: PrincipalResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Quorum?: QuorumResolvers<ContextType>;
  RaftSpec?: RaftSpecResolvers<ContextType>;
  RedeployTrigger?: RedeployTriggerResolvers<ContextType>;
  RemovedObject?: RemovedObjectResolvers<ContextType>;
  RequiredPort?: RequiredPortResolvers<ContextType>;
  Resources?: ResourcesResolvers<ContextType>;
  Rollout?: RolloutResolvers<ContextType>;
  RolloutConnection?: RolloutConnectionResolvers<ContextType>;
  RolloutEdge?: RolloutEdgeResolvers<ContextType>;
  RolloutSlot?: RolloutSlotResolvers<ContextType>;
  Secret?: SecretResolvers<ContextType>;
  SecretConnection?: SecretConnectionResolvers<ContextType>;
  SecretCreatePayload?: SecretCreatePayloadResolvers<ContextType>;
  SecretEdge?: SecretEdgeResolvers<ContextType>;
  SecretRemovePayload?: SecretRemovePayloadResolvers<ContextType>;
  SecretRotatePayload?: SecretRotatePayloadResolvers<ContextType>;
  SecretUpdatePayload?: SecretUpdatePayloadResolvers<ContextType>;
  Service?: ServiceResolvers<ContextType>;
  ServiceConnection?: ServiceConnectionResolvers<ContextType>;
  ServiceCreatePayload?: ServiceCreatePayloadResolvers<ContextType>;
  ServiceDnsName?: ServiceDnsNameResolvers<ContextType>;
  ServiceDnsNameKind?: ServiceDnsNameKindResolvers;
  ServiceEdge?: ServiceEdgeResolvers<ContextType>;
  ServiceFileReference?: ServiceFileReferenceResolvers<ContextType>;
  ServiceMount?: ServiceMountResolvers<ContextType>;
  ServiceNetworkAttachment?: ServiceNetworkAttachmentResolvers<ContextType>;
  ServicePlan?: ServicePlanResolvers<ContextType>;
  ServiceRemovePayload?: ServiceRemovePayloadResolvers<ContextType>;
  ServiceRollbackPayload?: ServiceRollbackPayloadResolvers<ContextType>;
  ServiceScalePayload?: ServiceScalePayloadResolvers<ContextType>;
  ServiceUpdatePayload?: ServiceUpdatePayloadResolvers<ContextType>;
  SpecChange?: SpecChangeResolvers<ContextType>;
  Stack?: StackResolvers<ContextType>;
  StackConnection?: StackConnectionResolvers<ContextType>;
  StackDeployPayload?: StackDeployPayloadResolvers<ContextType>;
  StackEdge?: StackEdgeResolvers<ContextType>;
  StackObjectChange?: StackObjectChangeResolvers<ContextType>;
  StackPlan?: StackPlanResolvers<ContextType>;
  StackRemovePayload?: StackRemovePayloadResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Swarm?: SwarmResolvers<ContextType>;
  SwarmInitPayload?: SwarmInitPayloadResolvers<ContextType>;
  SwarmJoinPayload?: SwarmJoinPayloadResolvers<ContextType>;
  SwarmLeavePayload?: SwarmLeavePayloadResolvers<ContextType>;
  SwarmRotateJoinTokenPayload?: SwarmRotateJoinTokenPayloadResolvers<ContextType>;
  SwarmSpec?: SwarmSpecResolvers<ContextType>;
  SwarmUpdatePayload?: SwarmUpdatePayloadResolvers<ContextType>;
  Task?: TaskResolvers<ContextType>;
  TaskConnection?: TaskConnectionResolvers<ContextType>;
  TaskEdge?: TaskEdgeResolvers<ContextType>;
  TaskNetworkAttachment?: TaskNetworkAttachmentResolvers<ContextType>;
  TriggerCreatePayload?: TriggerCreatePayloadResolvers<ContextType>;
  TriggerRemovePayload?: TriggerRemovePayloadResolvers<ContextType>;
  UpdateFailureAction?: UpdateFailureActionResolvers;
  UpdateOrder?: UpdateOrderResolvers;
  UpdatePolicy?: UpdatePolicyResolvers<ContextType>;
  UpdateState?: UpdateStateResolvers;
  UpdateStatus?: UpdateStatusResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Webhook?: WebhookResolvers<ContextType>;
  WebhookCreatePayload?: WebhookCreatePayloadResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookRemovePayload?: WebhookRemovePayloadResolvers<ContextType>;
  WebhookUpdatePayload?: WebhookUpdatePayloadResolvers<ContextType>;
};

