// The hash chain over audit records: each record stores the previous record's hash and
// its own SHA-256 over the canonical encoding (record.ts), so changing, removing,
// inserting or reordering a record breaks the chain at that point.
//
// Retention pruning deletes the oldest records, seq 1..K, and in the same transaction
// writes an ANCHOR in place of record K: kind 'anchor', seq K, prevHash GENESIS_HASH, and
// input { firstPrunedSeq, lastPrunedSeq: "K", lastPrunedHash: <hash of the deleted record K> }
// (seqs as decimal strings). Record K+1 keeps its prevHash, which equals lastPrunedHash, so
// the remaining records need no rewrite. An anchor is valid only as the first record of
// a chain; verification checks the anchor's own hash and then expects the next record to
// link to lastPrunedHash (not to the anchor's hash). `chainHead` gives the link a new
// record must use, so appending after an anchor works even when nothing follows it yet.
import { createHash } from 'node:crypto';
import { canonicalEncoding, type AuditRecordData, type JsonValue, type RecordFields } from './record.ts';

/** prevHash of the first record, and of an anchor. */
export const GENESIS_HASH = '0'.repeat(64);

/** The end of a chain a new record links to. */
export interface ChainHead {
  seq: bigint;
  hash: string;
}

/** What an anchor's input holds (seqs as decimal strings: JSON has no bigint). */
export type AnchorInput = {
  firstPrunedSeq: string;
  lastPrunedSeq: string;
  lastPrunedHash: string;
};

/** Lowercase hex SHA-256 of the record's canonical encoding with the given prevHash. */
export function hashRecord(record: RecordFields & { seq: bigint }, prevHash: string): string {
  return createHash('sha256').update(canonicalEncoding({ ...record, prevHash })).digest('hex');
}

/** The next record after `prev` (null: the chain is empty): seq, prevHash and hash filled in. */
export function nextRecord(prev: ChainHead | null, fields: RecordFields): AuditRecordData {
  const seq = prev === null ? 1n : prev.seq + 1n;
  const prevHash = prev === null ? GENESIS_HASH : prev.hash;
  return { ...fields, seq, prevHash, hash: hashRecord({ ...fields, seq }, prevHash) };
}

/** The head a new record links to, given the chain's last stored record. */
export function chainHead(last: Pick<AuditRecordData, 'seq' | 'hash' | 'kind' | 'input'>): ChainHead {
  if (last.kind === 'anchor') {
    const anchor = anchorInputOf(last.input);
    if (anchor !== null) return { seq: last.seq, hash: anchor.lastPrunedHash };
  }
  return { seq: last.seq, hash: last.hash };
}

/**
 * The anchor that replaces the pruned records firstPrunedSeq..last.seq; it takes the last
 * pruned record's seq. `fields` supplies id, recordedAt, principal, operation...; its
 * kind and input are overridden.
 */
export function makeAnchor(pruned: { firstSeq: bigint; last: ChainHead }, fields: RecordFields): AuditRecordData {
  const input: AnchorInput = {
    firstPrunedSeq: pruned.firstSeq.toString(),
    lastPrunedSeq: pruned.last.seq.toString(),
    lastPrunedHash: pruned.last.hash,
  };
  const anchor = { ...fields, kind: 'anchor', input, seq: pruned.last.seq };
  return { ...anchor, prevHash: GENESIS_HASH, hash: hashRecord(anchor, GENESIS_HASH) };
}

/** The anchor input, or null when it is not well-formed. */
export function anchorInputOf(input: JsonValue | null): AnchorInput | null {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return null;
  const { firstPrunedSeq, lastPrunedSeq, lastPrunedHash } = input;
  const decimal = (v: unknown): v is string => typeof v === 'string' && /^[1-9][0-9]*$/.test(v);
  if (!decimal(firstPrunedSeq) || !decimal(lastPrunedSeq)) return null;
  if (typeof lastPrunedHash !== 'string' || !/^[0-9a-f]{64}$/.test(lastPrunedHash)) return null;
  if (BigInt(firstPrunedSeq) > BigInt(lastPrunedSeq)) return null;
  return { firstPrunedSeq, lastPrunedSeq, lastPrunedHash };
}

export type ChainFailureReason =
  /** The record's fields no longer match its hash: it was changed. */
  | 'hash_mismatch'
  /** The record does not link to its predecessor: one was removed, inserted or reordered. */
  | 'prev_hash_mismatch'
  /** seq does not follow its predecessor's (a record was removed, or the order is wrong). */
  | 'seq_gap'
  /** An anchor that is malformed, or not the first record. */
  | 'bad_anchor'
  /** The record cannot be encoded at all (e.g. a fractional durationMs). */
  | 'malformed';

export type ChainVerification =
  | {
      ok: true;
      count: number;
      /** null for an empty chain. */
      firstSeq: bigint | null;
      lastSeq: bigint | null;
      /** The head the next record must link to (GENESIS_HASH for an empty chain). */
      lastHash: string;
      /** Set when the chain starts with an anchor: what was pruned. */
      anchor?: AnchorInput;
    }
  | { ok: false; failedSeq: bigint; failedId: string; reason: ChainFailureReason; message: string; count: number };

export interface VerifyOptions {
  /**
   * What the first record must link to. Unset: the chain must start at seq 1 with
   * prevHash GENESIS_HASH, or with an anchor. Set (a stored checkpoint, or the hash of
   * the record before a verified range): the first record's prevHash, or for an anchor
   * its lastPrunedHash, must equal it, and seq may start anywhere.
   */
  expectFirstPrevHash?: string;
}

/**
 * The longest stretch of hashing between two turns of the event loop: a verify of a
 * hundred thousand records must not stall the requests (and /healthz) served meanwhile.
 */
const SLICE_MS = 4;

/** Yields to the event loop (timers, I/O) once the current slice of work is over SLICE_MS. */
function timeSlicer(): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < SLICE_MS) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}

/** Checks records given in ascending seq order; stops at, and names, the first that fails. */
export async function verifyChain(
  records: AsyncIterable<AuditRecordData> | Iterable<AuditRecordData>,
  opts: VerifyOptions = {},
): Promise<ChainVerification> {
  let count = 0;
  let firstSeq: bigint | null = null;
  let prev: ChainHead | null = null;
  let anchor: AnchorInput | undefined;
  const yieldIfLong = timeSlicer();
  for await (const record of records) {
    await yieldIfLong();
    const fail = (reason: ChainFailureReason, message: string): ChainVerification => ({
      ok: false,
      failedSeq: record.seq,
      failedId: record.id,
      reason,
      message: `record ${record.seq} (${record.id}): ${message}`,
      count,
    });
    let computed: string;
    try {
      computed = hashRecord(record, record.prevHash);
    } catch (err) {
      return fail('malformed', `cannot be encoded: ${(err as Error).message}`);
    }
    if (computed !== record.hash) return fail('hash_mismatch', 'its fields do not match its hash: the record was changed');

    if (prev === null) {
      const expected = opts.expectFirstPrevHash;
      if (record.kind === 'anchor') {
        const input = anchorInputOf(record.input);
        if (input === null) return fail('bad_anchor', 'the anchor does not say which records it replaces');
        if (record.prevHash !== GENESIS_HASH) return fail('bad_anchor', 'an anchor must have the genesis prevHash');
        if (BigInt(input.lastPrunedSeq) !== record.seq) return fail('bad_anchor', `the anchor takes the seq of the last pruned record (${input.lastPrunedSeq})`);
        if (expected !== undefined && input.lastPrunedHash !== expected) {
          return fail('prev_hash_mismatch', `the anchor's last pruned hash is not the expected ${expected}`);
        }
        anchor = input;
      } else if (expected !== undefined) {
        if (record.prevHash !== expected) return fail('prev_hash_mismatch', `the first record does not link to the expected ${expected}`);
      } else {
        if (record.seq !== 1n) return fail('seq_gap', 'the chain starts after seq 1 without an anchor: earlier records are missing');
        if (record.prevHash !== GENESIS_HASH) return fail('prev_hash_mismatch', 'the first record does not link to the genesis hash');
      }
      firstSeq = record.seq;
    } else {
      if (record.seq !== prev.seq + 1n) {
        return fail('seq_gap', `seq follows ${prev.seq}: ${record.seq > prev.seq ? 'records are missing' : 'records are out of order'}`);
      }
      if (record.kind === 'anchor') return fail('bad_anchor', 'an anchor may only be the first record');
      if (record.prevHash !== prev.hash) {
        return fail('prev_hash_mismatch', 'it does not link to the record before it: a record was removed, inserted or reordered');
      }
    }
    prev = chainHead(record);
    count++;
  }
  return {
    ok: true,
    count,
    firstSeq,
    lastSeq: prev?.seq ?? null,
    lastHash: prev?.hash ?? GENESIS_HASH,
    ...(anchor ? { anchor } : {}),
  };
}
