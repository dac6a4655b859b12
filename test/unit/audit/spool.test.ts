import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { appendToSpool, drainSpool, readSpool } from '../../../src/audit/spool.ts';

let dir: string;
let count = 0;
const spoolPath = () => path.join(dir, `spool-${++count}.ndjson`);
const entry = (i: number) => ({ intentId: `intent-${i}`, outcome: { status: 'succeeded', durationMs: i } });

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'audit-spool-'));
});
after(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('audit spool', () => {
  test('appends one JSON line per entry, in order, to a file only its owner can read', async () => {
    const file = spoolPath();
    for (let i = 1; i <= 3; i++) await appendToSpool(file, entry(i));
    const text = await fs.readFile(file, 'utf8');
    assert.equal(text, [1, 2, 3].map((i) => JSON.stringify(entry(i))).join('\n') + '\n');
    assert.equal((await fs.stat(file)).mode & 0o777, 0o600);
    assert.deepEqual(await readSpool(file), [entry(1), entry(2), entry(3)]);
  });

  test('a missing spool reads as empty and drains nothing', async () => {
    const file = spoolPath();
    assert.deepEqual(await readSpool(file), []);
    assert.deepEqual(await drainSpool(file, async () => assert.fail('nothing to write')), { written: 0, remaining: 0 });
  });

  test('concurrent appends all land, each on its own line', async () => {
    const file = spoolPath();
    await Promise.all(Array.from({ length: 50 }, (_, i) => appendToSpool(file, entry(i))));
    const entries = await readSpool<ReturnType<typeof entry>>(file);
    assert.equal(entries.length, 50);
    assert.deepEqual(new Set(entries.map((e) => e.intentId)).size, 50);
  });

  test('drain writes in order and empties the spool', async () => {
    const file = spoolPath();
    for (let i = 1; i <= 4; i++) await appendToSpool(file, entry(i));
    const seen: unknown[] = [];
    const result = await drainSpool(file, async (batch) => {
      seen.push(...batch);
    });
    assert.deepEqual(result, { written: 4, remaining: 0 });
    assert.deepEqual(seen, [entry(1), entry(2), entry(3), entry(4)]);
    assert.deepEqual(await readSpool(file), []);
    assert.equal((await fs.stat(file)).mode & 0o777, 0o600);
    assert.deepEqual((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp')), []);
  });

  test('drain hands the entries over in batches of batchSize (one database transaction each), in order', async () => {
    const file = spoolPath();
    for (let i = 1; i <= 7; i++) await appendToSpool(file, entry(i));
    const batches: string[][] = [];
    const result = await drainSpool<ReturnType<typeof entry>>(file, async (batch) => {
      batches.push(batch.map((e) => e.intentId));
    }, { batchSize: 3 });
    assert.deepEqual(result, { written: 7, remaining: 0 });
    assert.deepEqual(batches, [['intent-1', 'intent-2', 'intent-3'], ['intent-4', 'intent-5', 'intent-6'], ['intent-7']]);
  });

  test('a batch failing midway keeps that batch and the rest, in order; the next drain resumes there', async () => {
    const file = spoolPath();
    for (let i = 1; i <= 5; i++) await appendToSpool(file, entry(i));
    const seen: string[] = [];
    const down = new Error('database unreachable');
    const first = await drainSpool<ReturnType<typeof entry>>(file, async (batch) => {
      if (batch.some((e) => e.intentId === 'intent-3')) throw down;
      seen.push(...batch.map((e) => e.intentId));
    }, { batchSize: 2 });
    assert.equal(first.written, 2);
    assert.equal(first.remaining, 3);
    assert.equal(first.error, down);
    assert.deepEqual(await readSpool(file), [entry(3), entry(4), entry(5)]);

    await appendToSpool(file, entry(6));
    const second = await drainSpool<ReturnType<typeof entry>>(file, async (batch) => {
      seen.push(...batch.map((e) => e.intentId));
    });
    assert.deepEqual(second, { written: 4, remaining: 0 });
    assert.deepEqual(seen, ['intent-1', 'intent-2', 'intent-3', 'intent-4', 'intent-5', 'intent-6']);
  });

  test('entries appended while a drain runs are kept after the unwritten ones', async () => {
    const file = spoolPath();
    for (let i = 1; i <= 3; i++) await appendToSpool(file, entry(i));
    const result = await drainSpool<ReturnType<typeof entry>>(file, async ([e]) => {
      if (e!.intentId === 'intent-1') await appendToSpool(file, entry(4));
      if (e!.intentId === 'intent-2') throw new Error('down again');
    }, { batchSize: 1 });
    assert.equal(result.written, 1);
    assert.equal(result.remaining, 3);
    assert.deepEqual(await readSpool(file), [entry(2), entry(3), entry(4)]);
  });

  test('a second drain while one runs does not write entries twice', async () => {
    const file = spoolPath();
    for (let i = 1; i <= 3; i++) await appendToSpool(file, entry(i));
    const seen: unknown[] = [];
    const write = async (batch: unknown[]) => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(...batch);
    };
    const [a, b] = await Promise.all([drainSpool(file, write), drainSpool(file, write)]);
    assert.deepEqual(a, b);
    assert.deepEqual(seen, [entry(1), entry(2), entry(3)]);
  });

  test('a torn last line is ignored with a warning, and a later append starts a new line', async () => {
    const file = spoolPath();
    await appendToSpool(file, entry(1));
    await fs.appendFile(file, '{"intentId":"intent-2","outc'); // a crash mid-append
    const warnings: string[] = [];
    assert.deepEqual(await readSpool(file, { warn: (m) => warnings.push(m) }), [entry(1)]);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /torn/);

    await appendToSpool(file, entry(3));
    assert.deepEqual(await readSpool(file, { warn: () => {} }), [entry(1), entry(3)]);

    const seen: unknown[] = [];
    const result = await drainSpool(file, async (batch) => {
      seen.push(...batch);
    }, { warn: () => {} });
    assert.deepEqual(result, { written: 2, remaining: 0 });
    assert.deepEqual(seen, [entry(1), entry(3)]);
    assert.equal(await fs.readFile(file, 'utf8'), '');
  });
});
