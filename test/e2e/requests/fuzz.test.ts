// The fuzzer (npm run fuzz) in CI, with a fixed seed and a budget of requests: a harness
// swarm and a gateway process, every Query and Mutation field of schema.graphql with edge
// values, malformed HTTP and limit-shaped documents. It fails on any crash, hang, INTERNAL,
// non-JSON answer, error without a code, stack trace, file path or secret in an error, or
// engine change made by a refused mutation, and lists each with the request that caused it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runFuzz } from '../../../scripts/fuzz/run.ts';
import { SchemaRequests } from '../../../scripts/fuzz/schema-requests.ts';
import { loadSchema } from '../../support/schema-requests.ts';

const SEED = 20261201;
const REQUESTS = 2000;

test(`fuzz: seed ${SEED}, ${REQUESTS} requests, no findings`, async () => {
  const report = await runFuzz({ seed: SEED, requests: REQUESTS, swarm: 'fuzz-ci' });
  console.log(`fuzz: ${report.requests} requests in ${(report.durationMs / 1000).toFixed(1)} s; statuses ${JSON.stringify(report.statuses)}; codes ${JSON.stringify(report.codes)}; error-level log lines ${report.errorLogLines}`);
  assert.equal(report.requests, REQUESTS);
  for (const shape of new SchemaRequests(loadSchema()).shapes()) assert.ok(report.shapes[shape], `${shape} was never requested`);
  const firstOfEach = new Map<string, string>();
  for (const f of report.findings) if (!firstOfEach.has(`${f.kind} ${f.shape}`)) firstOfEach.set(`${f.kind} ${f.shape}`, `${f.request} => ${f.detail}`);
  assert.deepEqual([...firstOfEach].map(([key, example]) => `${key}: ${example}`), [], `${report.findings.length} findings`);
});
