// Which Cache-Control request headers make a request read the engine instead of the watched state.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asksForFreshReads } from '../../../src/http/fresh-reads.ts';

test('no-cache, no-store and max-age=0 ask for fresh reads, in any case and among other directives; anything else does not', () => {
  for (const h of ['no-cache', 'No-Cache', 'max-age=0', 'max-age = 0', 'no-transform, no-cache', 'no-store']) assert.equal(asksForFreshReads(h), true, h);
  for (const h of [undefined, '', 'max-age=10', 'no-transform', 'only-if-cached', 'no-cachex']) assert.equal(asksForFreshReads(h), false, String(h));
});
