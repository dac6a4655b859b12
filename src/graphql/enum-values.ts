// The schema's enums for closed sets the Engine spells in its own words (`swarm`,
// `stop-first`, `rollback_paused`): each GraphQL value's internal value is the Engine's word,
// so models hand the Engine's value through unchanged and input enums reach engine options
// already in the Engine's spelling; no resolver converts them by hand. codegen.ts reads
// this table too (enumValues), so the generated types are these words and the resolver map
// below cannot drift from them.
export const ENGINE_ENUM_VALUES = {
  EngineSwarmState: { INACTIVE: 'inactive', PENDING: 'pending', ACTIVE: 'active', ERROR: 'error', LOCKED: 'locked', UNREACHABLE: 'unreachable' },
  NodeState: { UNKNOWN: 'unknown', DOWN: 'down', READY: 'ready', DISCONNECTED: 'disconnected' },
  NodeReachability: { UNKNOWN: 'unknown', UNREACHABLE: 'unreachable', REACHABLE: 'reachable' },
  NetworkScope: { SWARM: 'swarm', LOCAL: 'local', GLOBAL: 'global' },
  UpdateState: {
    UPDATING: 'updating',
    PAUSED: 'paused',
    COMPLETED: 'completed',
    ROLLBACK_STARTED: 'rollback_started',
    ROLLBACK_PAUSED: 'rollback_paused',
    ROLLBACK_COMPLETED: 'rollback_completed',
  },
  UpdateFailureAction: { PAUSE: 'pause', CONTINUE: 'continue', ROLLBACK: 'rollback' },
  UpdateOrder: { STOP_FIRST: 'stop-first', START_FIRST: 'start-first' },
  ServiceDnsNameKind: { VIP: 'vip', TASKS: 'tasks' },
  LogStream: { STDOUT: 'stdout', STDERR: 'stderr' },
  EventScope: { SWARM: 'swarm', LOCAL: 'local' },
  ContainerState: {
    CREATED: 'created',
    RUNNING: 'running',
    PAUSED: 'paused',
    RESTARTING: 'restarting',
    REMOVING: 'removing',
    EXITED: 'exited',
    DEAD: 'dead',
    UNKNOWN: 'unknown',
  },
  AuditChainFailure: {
    HASH_MISMATCH: 'hash_mismatch',
    PREV_HASH_MISMATCH: 'prev_hash_mismatch',
    SEQ_GAP: 'seq_gap',
    BAD_ANCHOR: 'bad_anchor',
    MALFORMED: 'malformed',
  },
} as const;
