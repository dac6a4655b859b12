// One audit record as the audit_records table holds it (prisma/schema.prisma), and the
// canonical byte encoding its hash is computed over. Kept free of Prisma and the database
// so that the hash chain, the verifier and an auditor's own re-implementation agree on
// exactly the same bytes.

/** A JSON value as it can be stored in a `jsonb` column and read back unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type AuditRecordKind = 'intent' | 'outcome' | 'denied' | 'auth_failed' | 'sensitive_read' | 'anchor';
export type AuditOutcomeStatus = 'succeeded' | 'failed' | 'unknown';

/** A row of audit_records, field for field. Nullable columns are `null`, never absent. */
export interface AuditRecordData {
  seq: bigint;
  id: string;
  kind: AuditRecordKind | (string & {});
  recordedAt: Date;
  requestId: string | null;
  /** The W3C trace ID of the traced request that wrote it; null when it was not traced (and in every record before tracing). */
  traceId: string | null;
  principal: string;
  clientAddress: string | null;
  userAgent: string | null;
  cluster: string | null;
  operation: string;
  target: string | null;
  /** The input with secrets redacted; `null` when there is none (SQL NULL). */
  input: JsonValue | null;
  intentId: string | null;
  outcome: AuditOutcomeStatus | (string & {}) | null;
  errorCode: string | null;
  objectIds: string[];
  durationMs: number | null;
  decision: JsonValue | null;
  prevHash: string;
  hash: string;
}

/** Everything the hash covers: the row without its own hash. */
export type UnhashedRecord = Omit<AuditRecordData, 'hash'>;
/** What a writer supplies; the chain assigns seq, prevHash and hash. */
export type RecordFields = Omit<AuditRecordData, 'seq' | 'prevHash' | 'hash'>;

/** The fields every record must name; the rest default to null (objectIds to []). */
type RequiredFields = Pick<RecordFields, 'id' | 'kind' | 'recordedAt' | 'principal' | 'operation'>;

/** A record's fields with everything not given null, so each writer names only what it records. */
export function blankRecordFields(given: RequiredFields & Partial<RecordFields>): RecordFields {
  return {
    requestId: null,
    traceId: null,
    clientAddress: null,
    userAgent: null,
    cluster: null,
    target: null,
    input: null,
    intentId: null,
    outcome: null,
    errorCode: null,
    objectIds: [],
    durationMs: null,
    decision: null,
    ...given,
  };
}

/** A stored record with seq and recordedAt as text. */
export type RecordText = Omit<AuditRecordData, 'seq' | 'recordedAt'> & { seq: string; recordedAt: string };

/**
 * The record as it is shown, in the export and in GraphQL's AuditRecord alike: seq as a
 * decimal string (a bigint has no JSON form), recordedAt in ISO 8601 UTC with milliseconds.
 */
export function recordText(record: AuditRecordData): RecordText {
  return { ...record, seq: record.seq.toString(), recordedAt: record.recordedAt.toISOString() };
}

/** Version tag, the first element of every encoding: a change of format changes it. */
export const ENCODING_VERSION = 'sg-audit/1';
/** The encoding of a record with a trace ID: sg-audit/1's elements, then the trace ID. */
export const TRACED_ENCODING_VERSION = 'sg-audit/2';

/**
 * The bytes a record's hash is computed over.
 *
 * Specification (version `sg-audit/1`), enough to re-implement it:
 *
 * The encoding is the UTF-8 bytes of one JSON array, serialized per RFC 8785 (JSON
 * Canonicalization Scheme: no whitespace; object members sorted by their keys' UTF-16
 * code units; numbers as ECMAScript prints them, e.g. `1`, `1.5`, `1e+21`; strings with
 * the minimal JSON escapes). The array has exactly 20 elements, in this order:
 *
 *   0  "sg-audit/1"
 *   1  seq            decimal string of the bigint, no sign or leading zeros ("1", "42")
 *   2  id             string, lowercase hyphenated UUID (as PostgreSQL prints a uuid)
 *   3  kind           string
 *   4  recordedAt     string, ISO 8601 UTC with milliseconds: "2025-01-31T12:00:00.123Z"
 *                     (the column is timestamptz(3); finer precision cannot be stored)
 *   5  requestId      string or null
 *   6  principal      string
 *   7  clientAddress  string or null
 *   8  userAgent      string or null
 *   9  cluster        string or null
 *   10 operation      string
 *   11 target         string or null
 *   12 input          the stored JSON value, embedded as JSON (not as a string), or null
 *   13 intentId       string (lowercase UUID) or null
 *   14 outcome        string or null
 *   15 errorCode      string or null
 *   16 objectIds      array of strings, in stored order (possibly empty)
 *   17 durationMs     integer or null
 *   18 decision       the stored JSON value, embedded as JSON, or null
 *   19 prevHash       string as stored: 64 lowercase hex digits (the previous hash)
 *
 * Null and absent: every nullable column is encoded as JSON `null` when it is SQL NULL;
 * an empty string is `""`, never null, so the two cannot be confused. For the two JSON
 * columns (input, decision), SQL NULL and a top-level JSON `null` are the same value:
 * Prisma reads both as `null`, so writers store a top-level null as SQL NULL
 * (see `normalizeJson`) and the encoding has one form for it. Inside a JSON value, nulls
 * and members are kept as stored.
 *
 * Version `sg-audit/2` is the encoding of a record with a trace ID (traceId not null): the
 * same 20 elements with "sg-audit/2" as element 0, then a 21st:
 *
 *   20 traceId        string: the W3C trace ID, 32 lowercase hex digits
 *
 * A record without a trace ID (every record written before tracing existed, and every
 * untraced one since) is encoded as `sg-audit/1`, so its hash is what it always was. Which
 * version applies follows from the stored traceId alone, and the version is hashed too: a
 * trace ID set on an old record, or removed from a traced one, breaks its hash.
 *
 * The record's hash is the lowercase hex SHA-256 of these bytes.
 */
export function canonicalEncoding(record: UnhashedRecord): Buffer {
  if (record.durationMs !== null && !Number.isSafeInteger(record.durationMs)) {
    throw new TypeError(`durationMs must be an integer (got ${record.durationMs})`);
  }
  if (Number.isNaN(record.recordedAt.getTime())) throw new TypeError('recordedAt is not a valid date');
  const traceId = record.traceId ?? null;
  const fields: JsonValue[] = [
    traceId === null ? ENCODING_VERSION : TRACED_ENCODING_VERSION,
    record.seq.toString(10),
    record.id.toLowerCase(),
    record.kind,
    record.recordedAt.toISOString(),
    record.requestId,
    record.principal,
    record.clientAddress,
    record.userAgent,
    record.cluster,
    record.operation,
    record.target,
    record.input ?? null,
    record.intentId === null ? null : record.intentId.toLowerCase(),
    record.outcome,
    record.errorCode,
    record.objectIds,
    record.durationMs,
    record.decision ?? null,
    record.prevHash,
    ...(traceId === null ? [] : [traceId]),
  ];
  return Buffer.from(canonicalJson(fields), 'utf8');
}

/** RFC 8785 serialization of a JSON value (sorted keys, no whitespace). */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`JSON cannot hold the number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  // Default sort compares UTF-16 code units, which is what RFC 8785 prescribes.
  const keys = Object.keys(value).sort();
  const members: string[] = [];
  for (const key of keys) {
    const member = value[key];
    if (member === undefined) continue;
    members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}

/**
 * The JSON value a writer stores and hashes, such that reading the jsonb column back
 * yields the same value: undefined members dropped, non-finite numbers and a top-level
 * null become null (SQL NULL), toJSON applied (Dates become strings), and text PostgreSQL
 * cannot hold escaped (storableText), in keys and values alike.
 */
export function normalizeJson(value: unknown): JsonValue | null {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  if (text === undefined) return null;
  return storableJson(JSON.parse(text) as JsonValue);
}

/**
 * UTF-16 code units PostgreSQL cannot store in text or jsonb: U+0000 (refused outright),
 * and a surrogate without its partner (not Unicode: the driver's UTF-8 encoder would
 * turn it into U+FFFD, so the stored text would no longer match the hash).
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The text as an audit record stores it: each code unit PostgreSQL cannot hold becomes the
 * six characters `\uXXXX` (lowercase hex, as JSON writes it), e.g. "a<NUL>b" is stored as
 * `a\u0000b`. The escape is not undone on reading: the record keeps the escaped text and
 * its hash covers that. (A request that sent those six characters themselves reads the same.)
 */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function storableJson(value: JsonValue): JsonValue {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) setOwn(out, storableText(k), storableJson(v));
    return out;
  }
  return value;
}

const nullableText = (text: string | null): string | null => (text === null ? null : storableText(text));

/**
 * The fields as they can be stored and read back unchanged: every text column and JSON
 * value through storableText. The chain appender applies it to every record, so no writer
 * fails on what a request sent.
 */
export function storableFields(fields: RecordFields): RecordFields {
  return {
    ...fields,
    id: storableText(fields.id),
    kind: storableText(fields.kind),
    requestId: nullableText(fields.requestId),
    traceId: nullableText(fields.traceId ?? null),
    principal: storableText(fields.principal),
    clientAddress: nullableText(fields.clientAddress),
    userAgent: nullableText(fields.userAgent),
    cluster: nullableText(fields.cluster),
    operation: storableText(fields.operation),
    target: nullableText(fields.target),
    input: fields.input === null ? null : storableJson(fields.input),
    intentId: nullableText(fields.intentId),
    outcome: nullableText(fields.outcome),
    errorCode: nullableText(fields.errorCode),
    objectIds: fields.objectIds.map(storableText),
    decision: fields.decision === null ? null : storableJson(fields.decision),
  };
}

/** Defines an own member, even one named `__proto__` (plain assignment would set the prototype). */
export function setOwn(target: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
