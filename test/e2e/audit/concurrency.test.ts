// Two gateway processes writing to one PostgreSQL at once, each with 32 mutations in flight
// against a real swarm, so that appends are group-committed (several records a
// transaction): the audit log stays one hash chain (`npm run audit:verify` passes, seq 1..N
// without a gap), every intent has exactly one outcome, and the two processes' records
// interleave. The batching is checked from the database itself: each row's xmin is the
// transaction that inserted it, so a transaction's records form one run of seq, all of one
// process, and each intent's writer-session claim has its intent's xmin (no transaction of
// its own). (PostgreSQL only: an embedded PGlite database belongs to one process.)
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { GatewayConfig } from '../../../src/config/config.ts';
import { openAuditDb, type AuditDb } from '../../support/audit-db.ts';
import { configFor } from '../../support/gateway.ts';
import { spawnGateway, type GatewayProcess } from '../../support/gateway-process.ts';
import { dockerOk, swarmDown, swarmUp, type SwarmNode, type SwarmState } from '../../support/swarm.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SWARM = 'acc-swarm';
/** Mutations in flight per gateway process. */
const IN_FLIGHT = 32;
/** Each worker creates then removes a network, this many times. */
const ROUNDS = 2;
const CREATE = 'mutation($i: NetworkCreateInput!) { networkCreate(input: $i) { network { id } userErrors { code } } }';
const REMOVE = 'mutation($ids: [ID!]!) { networkRemove(input: { ids: $ids }) { removed { id } userErrors { code } } }';

/** A row of audit_records with the transaction that inserted it. */
interface XactRow {
  seq: bigint;
  kind: string;
  target: string | null;
  xid: string;
}

describe('two gateway processes, one PostgreSQL, group commit', () => {
  let swarm: SwarmState;
  let manager: SwarmNode;
  let config: GatewayConfig;
  let db: AuditDb;
  const gateways: GatewayProcess[] = [];

  before(async () => {
    swarm = await swarmUp(SWARM);
    manager = swarm.nodes[0]!;
    config = configFor([swarm]);
    db = await openAuditDb('postgres', 'acc');
  });
  after(async () => {
    for (const g of gateways) await g.stop().catch(() => undefined);
    await db?.close();
    await swarmDown(SWARM);
  });

  test(`${IN_FLIGHT} concurrent mutations in each of two processes: batched appends, one valid chain`, async () => {
    // Each process has its own data dir (its own spool); the database is shared.
    for (let i = 0; i < 2; i++) {
      const env = db.env();
      gateways.push(await spawnGateway(config, { ...env, GATEWAY_DATA_DIR: `${env.GATEWAY_DATA_DIR}/gw${i}` }));
    }
    const names: string[] = [];
    const failures: string[] = [];
    await Promise.all(
      gateways.flatMap((g, gi) =>
        Array.from({ length: IN_FLIGHT }, async (_, w) => {
          for (let k = 0; k < ROUNDS; k++) {
            const name = `acc-${gi}-${w}-${k}`;
            names.push(name);
            const created = await g.gql(CREATE, { i: { name } });
            if (created.errors || created.data?.networkCreate.userErrors.length) failures.push(`create ${name}: ${JSON.stringify(created)}`);
            const removed = await g.gql(REMOVE, { ids: [name] });
            if (removed.errors || removed.data?.networkRemove.userErrors.length) failures.push(`remove ${name}: ${JSON.stringify(removed)}`);
          }
        }),
      ),
    );
    assert.deepEqual(failures, []);
    for (const g of gateways.splice(0)) assert.equal(await g.stop(), 0);

    // What an operator checks first: the chain verifies, and no intent is left open.
    const verify = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile('npm', ['run', '--silent', 'audit:verify'], { cwd: ROOT, env: { ...process.env, ...db.env() }, timeout: 120_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? 1 : 0, out: stdout + stderr }),
      );
    });
    const total = 2 * IN_FLIGHT * ROUNDS * 2 * 2;
    assert.equal(verify.code, 0, verify.out);
    assert.match(verify.out, new RegExp(`OK: ${total} records verified, seq 1 to ${total}`));
    assert.doesNotMatch(verify.out, /without an outcome/);

    const records = await db.records();
    assert.equal(records.length, total, 'two records for each of the mutations');
    records.forEach((r, i) => assert.equal(r.seq, BigInt(i + 1), 'seq without gaps'));
    for (const intent of records.filter((r) => r.kind === 'intent')) {
      const outcomes = records.filter((r) => r.kind === 'outcome' && r.intentId === intent.id);
      assert.equal(outcomes.length, 1);
      assert.equal(outcomes[0]!.outcome, 'succeeded');
      assert.ok(outcomes[0]!.seq > intent.seq);
    }
    // Every mutation of both processes is in the one chain, and their records interleave.
    assert.equal(new Set(records.map((r) => r.target)).size, names.length);
    const writerOf = (target: string | null) => target!.slice(0, 'acc-0'.length);
    const switches = records.filter((r, i) => i > 0 && writerOf(r.target) !== writerOf(records[i - 1]!.target)).length;
    assert.ok(switches >= 2, `the two processes wrote concurrently (${switches} switches)`);

    // Group commit seen from the database: the transactions that inserted the records.
    const rows = await db.database.prisma.$queryRaw<XactRow[]>`SELECT seq, kind, target, xmin::text AS xid FROM audit_records ORDER BY seq`;
    const groups: XactRow[][] = [];
    for (const row of rows) {
      if (groups.at(-1)?.[0]!.xid === row.xid) groups.at(-1)!.push(row);
      else groups.push([row]);
    }
    const sizes = groups.map((g) => g.length);
    assert.equal(new Set(rows.map((r) => r.xid)).size, groups.length, 'each transaction\'s records are one run of seq');
    for (const g of groups) assert.equal(new Set(g.map((r) => writerOf(r.target))).size, 1, 'a transaction holds one process\'s records');
    const shared = sizes.filter((s) => s > 1).length;
    process.stdout.write(
      `# ${total} records in ${groups.length} transactions (largest ${Math.max(...sizes)}, ${shared} holding more than one record, ` +
        `${(total / groups.length).toFixed(1)} records each on average); ${switches} switches between the two processes\n`,
    );
    assert.ok(groups.length <= total / 2, `batches formed: ${total} records in ${groups.length} transactions`);

    // Each intent's writer-session claim committed in its intent's transaction; one session per process.
    const claims = await db.database.prisma.$queryRaw<{ target: string; session: string; same: boolean }[]>`
      SELECT r.target, w.writer_session::text AS session, w.xmin = r.xmin AS same
      FROM audit_records r LEFT JOIN audit_intent_writers w ON w.intent_id = r.id WHERE r.kind = 'intent'`;
    assert.equal(claims.length, total / 2);
    for (const c of claims) assert.equal(c.same, true, `${c.target}: claimed in its intent's transaction`);
    const sessionsOf = (gi: number) => new Set(claims.filter((c) => writerOf(c.target) === `acc-${gi}`).map((c) => c.session));
    assert.equal(sessionsOf(0).size, 1);
    assert.equal(sessionsOf(1).size, 1);
    assert.notDeepEqual([...sessionsOf(0)], [...sessionsOf(1)]);

    // And the engine agrees: every network was created and removed.
    const left = (await dockerOk(manager, ['network', 'ls', '--filter', 'name=acc-', '--format', '{{.Name}}'])).trim();
    assert.equal(left, '');
  });
});
