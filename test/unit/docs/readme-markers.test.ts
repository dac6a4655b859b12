// The markers on README's GraphQL blocks tell the docs e2e tests how to run each block
// (test/e2e/docs/readme-reference.test.ts); checked here without a swarm, so a typo or a block
// marked without saying so to the reader fails at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KNOWN_MARKERS, marker, NOT_RUN, readmeBlocks, readmeLines } from '../../support/readme-blocks.ts';

const blocks = readmeBlocks();
const lines = readmeLines();
/** The prose of the few lines above a block's markers: what the reader sees next to it. */
const textAbove = (line: number, markers: number) => lines.slice(Math.max(0, line - 1 - markers - 8), line - 1 - markers).join('\n');

test('every marker on a README GraphQL block is one the docs tests know', () => {
  const unknown = blocks.flatMap((b) => b.markers.filter((m) => !KNOWN_MARKERS.test(m)).map((m) => `line ${b.line}: <!-- ${m} -->`));
  assert.deepEqual(unknown, []);
});

test('a block not run on the demo says so to the reader, next to it', () => {
  const silent = blocks.filter((b) => marker(b, NOT_RUN) && !/not run on the demo/i.test(textAbove(b.line, b.markers.length))).map((b) => b.line);
  assert.deepEqual(silent, []);
});

test('a block refused on purpose names the code it gets in the text next to it', () => {
  const unnamed = blocks.filter((b) => marker(b, 'expect') && !textAbove(b.line, b.markers.length).includes(marker(b, 'expect')!)).map((b) => b.line);
  assert.deepEqual(unnamed, []);
});

test('a block run as a token follows the apiTokenCreate that makes it', () => {
  const orphans = blocks.filter((b) => {
    const name = marker(b, 'as');
    return name && !blocks.some((a) => a.index < b.index && a.operations.some((op) => op.includes('apiTokenCreate') && op.includes(`name: "${name}"`)));
  });
  assert.deepEqual(orphans.map((b) => b.line), []);
});
