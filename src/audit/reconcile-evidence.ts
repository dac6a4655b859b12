// What reconciliation decides from (reconcile.ts): the engine's present state of an object,
// its event history over the intent's window, and the shape of a rule. Kept apart from the
// rules themselves (object-rules.ts, container-rules.ts) so that each rule file reads these
// without importing the table that lists them.
import type { AuditOutcomeStatus, AuditRecordData, JsonValue } from './record.ts';

/** What the engine says about one object now. */
export type ObjectState =
  | { exists: false }
  | {
      exists: true;
      id: string;
      /** CreatedAt (a container's Created), when the engine reports it. */
      createdAt?: Date | undefined;
      /** UpdatedAt (version change), when the engine reports it. */
      updatedAt?: Date | undefined;
      /** A replicated service's desired replicas. */
      replicas?: number | undefined;
      /** A container's State.Running (paused and restarting count as running, as `docker ps` shows them). */
      running?: boolean | undefined;
      /** A container's State.StartedAt: its last start (unset when it never started). */
      startedAt?: Date | undefined;
      /** A container's State.FinishedAt: its last exit (unset when it never exited). */
      finishedAt?: Date | undefined;
    };

/** One engine event (`docker events`), as the rules need it. */
export interface ObjectEvent {
  /** `network`, `service`, `node`, `secret`, `config`, `container`... */
  type: string;
  /** `create`, `update`, `remove`, `start`, `die`, `stop`, `destroy`... */
  action: string;
  /** The object's ID. */
  id: string;
  /** Actor attributes (`name`, `replicas.new`...). */
  attributes: Readonly<Record<string, string>>;
  at: Date;
}

/** The engine's recent events, oldest first. */
export interface EventLog {
  events: readonly ObjectEvent[];
  /**
   * From when the log is known to hold every event: null when it holds everything since the
   * engine started (its buffer is not full), else the time of its oldest event.
   */
  completeSince: Date | null;
}

/** The engine cannot be read now (unreachable, not a manager): try again later. */
export class EngineUnreadableError extends Error {
  override name = 'EngineUnreadableError';
}

/**
 * Engine reads by ID or name; `cluster` null means the default cluster. Throws
 * EngineUnreadableError when the engine cannot be read now; any other error means the
 * intent cannot be checked at all (e.g. its target is not a Docker reference).
 */
export interface EngineStateReader {
  network(cluster: string | null, ref: string): Promise<ObjectState>;
  service(cluster: string | null, ref: string): Promise<ObjectState>;
  node(cluster: string | null, ref: string): Promise<ObjectState>;
  secret(cluster: string | null, ref: string): Promise<ObjectState>;
  config(cluster: string | null, ref: string): Promise<ObjectState>;
  /**
   * A container on one engine: the configured engine named `engine`, or, when null, the
   * cluster's manager endpoint (where the container mutations run without `engine`).
   */
  container(cluster: string | null, engine: string | null, ref: string): Promise<ObjectState>;
  /** The services, networks, secrets and configs labelled `com.docker.stack.namespace=<namespace>` now. */
  stackObjects(cluster: string | null, namespace: string): Promise<StackObject[]>;
  /** The events an engine holds, up to now: the cluster's manager endpoint, or the configured engine named `engine`. */
  events(cluster: string | null, engine?: string | null): Promise<EventLog>;
}

/** One object of a stack, as `docker stack ps`/`rm` would name it. */
export interface StackObject {
  kind: 'service' | 'network' | 'secret' | 'config';
  id: string;
  name: string;
}

/** An intent whose outcome is to be decided, as stored. */
export type OpenIntent = Pick<AuditRecordData, 'id' | 'operation' | 'cluster' | 'target' | 'input' | 'recordedAt'>;

export interface Reconciliation {
  intentId: string;
  outcome: AuditOutcomeStatus;
  /** Why, for the outcome record (e.g. stored in its input as `{ reconciled: reason }`). */
  reason: string;
  objectIds: string[];
  /** True when the engine could not be read: the caller may retry later instead. */
  engineUnreadable?: boolean;
}

export type Decision = Omit<Reconciliation, 'intentId'>;

/** Reads one object of the intent's cluster (or, for a container, of the intent's engine). */
export type Read = (e: EngineStateReader, intent: OpenIntent, ref: string) => Promise<ObjectState>;

/** What a rule gets: the intent, the engine, and the intent's window in the event log. */
export interface Evidence {
  intent: OpenIntent;
  engine: EngineStateReader;
  /** The intent's time minus the allowed clock skew: events from here on may be its doing. */
  from: Date;
  /** The time the evidence is read (now): how long ago the intent was is `now - intent.recordedAt`. */
  now: Date;
  /** Events of the window, of one object type (container events from the intent's engine). */
  events(type: string): Promise<ObjectEvent[]>;
  /** Whether the event log holding `type`'s events holds every event of the window. */
  complete(type: string): Promise<boolean>;
}
export type Rule = (evidence: Evidence) => Promise<Decision>;

/** Whether the engine's time (an object's CreatedAt, UpdatedAt, StartedAt...) lies before the window `from`. */
export const before = (date: Date | undefined, from: Date): boolean => date !== undefined && date.getTime() < from.getTime();

export const unknown = (reason: string): Decision => ({ outcome: 'unknown', reason, objectIds: [] });

export function objectField(value: JsonValue | null, field: string): JsonValue | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[field] : undefined;
}

/**
 * The configured engine a container intent ran on (`input.engine`), or null for the
 * cluster's manager endpoint: where its container and its events are read.
 */
export function intentEngine(intent: OpenIntent): string | null {
  const engine = objectField(intent.input, 'engine');
  return typeof engine === 'string' && engine !== '' ? engine : null;
}
