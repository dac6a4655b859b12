// Requests that are wrong as HTTP or over the limits: broken and non-object JSON, wrong
// content types, charsets and encodings, a gzip bomb, wrong methods, batches, GET
// mutations, bad variables, and documents shaped to hit the depth, alias, cost, page-size
// and token limits. Each must still get the one error envelope.
import { gzipSync } from 'node:zlib';
import type { Random } from './random.ts';

export interface RawRequest {
  shape: string;
  method: string;
  /** Path and query string under the gateway. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const post = (shape: string, body: string | Buffer, headers: Record<string, string> = JSON_TYPE): RawRequest => ({ shape, method: 'POST', path: '/graphql', headers, body });
const doc = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, ...extra });

/** A gzip body that inflates past the body limit (made once: 50 MB of spaces compress to ~50 KB). */
let bomb: Buffer | undefined;
const gzipBomb = () => (bomb ??= gzipSync(Buffer.from(`{"query":"${' '.repeat(50_000_000)}"}`)));

function deep(levels: number): string {
  let inner = 'id';
  for (let level = levels; level > 2; level--) inner = `${level % 2 === 1 ? 'tasks' : 'service'} { ${inner} }`;
  return `{ services { nodes { ${inner} } } }`;
}

const MAKERS: ((random: Random) => RawRequest)[] = [
  () => post('broken JSON', '{"query": "{ swarm { id }'),
  (r) => post('top-level non-object JSON', r.pick(['"{ swarm { id } }"', 'null', '42', 'true', '[]', '[1]'])),
  () => post('empty body', ''),
  () => post('body over 1 MiB', doc(`{ swarm { id } } # ${'x'.repeat(1_100_000)}`)),
  (r) => post('non-UTF-8 charset', doc('{ swarm { id } }'), { 'content-type': `application/json; charset=${r.pick(['latin1', 'utf-16', 'utf-32', 'ascii', 'x'])}` }),
  (r) => post('unknown Content-Encoding', doc('{ swarm { id } }'), { ...JSON_TYPE, 'content-encoding': r.pick(['br2', 'x-unknown', 'gzip, gzip']) }),
  () => post('gzip body that is not gzip', doc('{ swarm { id } }'), { ...JSON_TYPE, 'content-encoding': 'gzip' }),
  () => post('gzip bomb', gzipBomb(), { ...JSON_TYPE, 'content-encoding': 'gzip' }),
  (r) => post('other content type', '{ swarm { id } }', { 'content-type': r.pick(['text/plain', 'application/graphql', 'application/x-www-form-urlencoded', 'multipart/form-data']) }),
  (r) => ({ shape: 'wrong method', method: r.pick(['PUT', 'DELETE', 'PATCH']), path: '/graphql', headers: JSON_TYPE, body: doc('{ swarm { id } }') }),
  () => post('batched request', JSON.stringify([{ query: '{ swarm { id } }' }, { query: '{ clusters { name } }' }])),
  () => ({ shape: 'mutation over GET', method: 'GET', path: `/graphql?query=${encodeURIComponent('mutation { serviceRemove(input: { id: "x" }) { removed { id } } }')}`, headers: {} }),
  () => ({ shape: 'GET with bad variables JSON', method: 'GET', path: `/graphql?query=${encodeURIComponent('query($c: String) { swarm(cluster: $c) { id } }')}&variables=%7Bnope`, headers: {} }),
  () => ({ shape: 'GET without query', method: 'GET', path: '/graphql', headers: { accept: 'application/json' } }),
  // GET /graphql asking for HTML is the console's page; a console file that is not there is the envelope.
  () => ({ shape: 'GET asking for HTML of an unknown console file', method: 'GET', path: '/console/assets/0000000000000000/graphiql.min.js', headers: { accept: 'text/html' } }),
  (r) => post('query not a string', JSON.stringify({ query: r.pick([42, null, {}, ['{ swarm { id } }']]) })),
  (r) => post('variables not an object', JSON.stringify({ query: 'query($c: String) { swarm(cluster: $c) { id } }', variables: r.pick(['x', 42, [1]]) })),
  () => post('syntax error', doc('{ swarm { id }')),
  () => post('unknown field', doc('{ swarm { idd } }')),
  () => post('subscription over POST', doc('subscription { events { type } }')),
  () => post('persisted query', JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'ab'.repeat(32) } } })),
  () => post('introspection', doc('{ __schema { types { name fields { name } } } }')),
  (r) => post('deep query', doc(deep(r.pick([13, 20, 60])))),
  (r) => post('alias flood', doc(`{ ${Array.from({ length: r.pick([31, 200]) }, (_, i) => `a${i}: swarm { id }`).join(' ')} }`)),
  () => post('costly query', doc(`{ ${['a', 'b', 'c', 'd'].map((a) => `${a}: services(first: 100) { nodes { tasks { id node { hostname } networkAttachments { addresses } } } }`).join(' ')} }`)),
  (r) => post('page size out of range', doc(`{ services(first: ${r.pick([0, -1, 101, 100000, 2147483647])}) { totalCount } }`)),
  () => post('page size in a variable', JSON.stringify({ query: 'query($n: Int) { networks(first: $n) { totalCount } }', variables: { n: 5000 } })),
  () => post('many tokens', doc(`{ clusters { ${'name '.repeat(60_000)} } }`)),
  () => post('fragment cycle', doc('query { swarm { ...A } } fragment A on Swarm { id ...B } fragment B on Swarm { ...A }')),
  () => post('directive flood', doc(`{ swarm { id ${'@include(if: true) '.repeat(500)} } }`)),
  () => post('operationName not in document', JSON.stringify({ query: 'query A { swarm { id } }', operationName: 'B' })),
  () => post('two operations, no name', doc('query A { swarm { id } } query B { clusters { name } }')),
  () => ({ shape: 'unknown route', method: 'GET', path: '/graphql/../etc/passwd', headers: {} }),
  (r) => ({ shape: 'audit export with a bad query', method: 'GET', path: `/audit/export?${r.pick(['format=xml', 'since=yesterday', 'nope=1', 'principal=', 'since=2026-01-02T00:00:00Z&until=2026-01-01T00:00:00Z'])}`, headers: {} }),
  (r) => ({ shape: 'bad credentials', method: 'POST', path: '/graphql', headers: { ...JSON_TYPE, authorization: r.pick(['Bearer x', 'Basic YTpi', 'Bearer', 'Bearer sgw_' + 'a'.repeat(43)]) }, body: doc('{ swarm { id } }') }),
];

export function malformedRequest(random: Random, n: number): RawRequest {
  return MAKERS[n % MAKERS.length]!(random);
}

export const MALFORMED_SHAPES = MAKERS.length;
