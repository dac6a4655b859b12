// Retention (audit.retentionDays) as the gateway applies it in its maintenance round:
// the oldest records go, an anchor takes the last one's place, and the chain still
// verifies. The clock is moved two days ahead instead of waiting. Real PostgreSQL and PGlite.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import pino from 'pino';
import { startAuditLog } from '../../../src/audit/audit-log.ts';
import { anonymousPrincipal } from '../../../src/auth/principal.ts';
import { parseConfig } from '../../../src/config/config.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { expectData } from '../../support/gateway.ts';
import { forEachBackend, noEngineConfig } from '../../support/audit-backends.ts';

forEachBackend('retention', (b) => {
  test('records older than retentionDays are pruned behind an anchor; the chain verifies', async () => {
    const config = parseConfig({ ...noEngineConfig(), audit: { retentionDays: 1, maintenanceIntervalMs: 3_600_000 } });
    const spoolDir = mkdtempSync(path.join(tmpdir(), 'sg-retention-'));
    let clock = new Date();
    const log = await startAuditLog({
      database: b.db(),
      registry: new EngineRegistry(config),
      settings: config.audit,
      dataDir: spoolDir,
      logger: pino({ level: 'silent' }),
      now: () => clock,
    });
    try {
      for (let i = 0; i < 3; i++) {
        const id = await log.writer.intent({ requestId: `r${i}`, principal: anonymousPrincipal('127.0.0.1'), cluster: 'nowhere', operation: 'networkCreate', target: `n${i}`, input: { name: `n${i}` }, userAgent: 'test' });
        await log.writer.outcome(id, { status: 'succeeded', objectIds: [`id${i}`], durationMs: 3 });
      }
      const before = await b.sql<{ n: string }>('SELECT count(*)::text AS n FROM audit_records');
      assert.equal(before[0]!.n, '6');

      clock = new Date(Date.now() + 2 * 86_400_000);
      await log.maintain();

      const kinds = await b.sql<{ seq: string; kind: string }>('SELECT seq::text AS seq, kind FROM audit_records ORDER BY seq');
      // Everything was older than a day; the newest record is always kept, and the anchor sits before it.
      assert.deepEqual(kinds, [{ seq: '5', kind: 'anchor' }, { seq: '6', kind: 'outcome' }]);
      const verified = expectData(await b.gw().gql('{ auditVerify { ok checkedRecords firstSeq lastSeq reason } }')).auditVerify;
      assert.deepEqual(verified, { ok: true, checkedRecords: 2, firstSeq: '5', lastSeq: '6', reason: null });

      // New records keep linking after the prune.
      await log.writer.sensitiveRead({ requestId: 'r9', principal: anonymousPrincipal('127.0.0.1'), cluster: 'nowhere', operation: 'swarmJoinTokens', target: undefined, input: null, userAgent: 'test' });
      const after = expectData(await b.gw().gql('{ auditVerify { ok checkedRecords lastSeq } }')).auditVerify;
      assert.deepEqual(after, { ok: true, checkedRecords: 3, lastSeq: '7' });
    } finally {
      await log.stop();
      rmSync(spoolDir, { recursive: true, force: true });
    }
  });
});
