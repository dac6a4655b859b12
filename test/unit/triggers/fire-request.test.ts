// The body of POST /triggers/<id>: optional JSON with a tag (Docker's tag grammar) and wait;
// and the image an IMAGE_TAG trigger sets from the service's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageWithTag, parseFireRequest } from '../../../src/triggers/fire-request.ts';

const ok = (body: string | undefined, action: 'REDEPLOY' | 'IMAGE_TAG') => {
  const r = parseFireRequest(body === undefined ? undefined : Buffer.from(body), action);
  assert.ok('request' in r, JSON.stringify(r));
  return r.request;
};
const refused = (body: string, action: 'REDEPLOY' | 'IMAGE_TAG') => {
  const r = parseFireRequest(Buffer.from(body), action);
  assert.ok('error' in r, `${body} was accepted`);
  return r;
};

test('REDEPLOY: no body, an empty one, {} and {"wait": n} are accepted', () => {
  assert.deepEqual(ok(undefined, 'REDEPLOY'), { tag: null, wait: null });
  assert.deepEqual(ok('', 'REDEPLOY'), { tag: null, wait: null });
  assert.deepEqual(ok('  \n', 'REDEPLOY'), { tag: null, wait: null });
  assert.deepEqual(ok('{}', 'REDEPLOY'), { tag: null, wait: null });
  assert.deepEqual(ok('{"wait": 60}', 'REDEPLOY'), { tag: null, wait: 60 });
});

test('IMAGE_TAG: the tag is required and checked by Docker\'s tag grammar', () => {
  assert.deepEqual(ok('{"tag": "1.2.3", "wait": 5}', 'IMAGE_TAG'), { tag: '1.2.3', wait: 5 });
  assert.deepEqual(ok('{"tag": "v2_rc-1.x"}', 'IMAGE_TAG'), { tag: 'v2_rc-1.x', wait: null });
  assert.equal(refused('{}', 'IMAGE_TAG').field, 'tag');
  for (const tag of ['', '-x', '.x', 'a/b', 'a:b', 'a@sha256:00', 'x'.repeat(129), 'é']) {
    const r = refused(JSON.stringify({ tag }), 'IMAGE_TAG');
    assert.equal(r.field, 'tag', tag);
  }
  assert.match(refused(JSON.stringify({ tag: 'a/b' }), 'IMAGE_TAG').error, /not a valid image tag/);
  assert.equal(refused('{"tag": 1}', 'IMAGE_TAG').field, 'tag');
});

test('a REDEPLOY trigger takes no tag', () => {
  assert.equal(refused('{"tag": "1.0"}', 'REDEPLOY').field, 'tag');
});

test('not JSON, not an object, unknown fields and a wait that is not a whole number are refused', () => {
  assert.equal(refused('{', 'REDEPLOY').field, null);
  assert.equal(refused('[1]', 'REDEPLOY').field, null);
  assert.equal(refused('"x"', 'REDEPLOY').field, null);
  assert.equal(refused('null', 'REDEPLOY').field, null);
  assert.equal(refused('{"image": "evil:latest"}', 'REDEPLOY').field, 'image');
  assert.equal(refused('{"wait": "60"}', 'REDEPLOY').field, 'wait');
  assert.equal(refused('{"wait": 1.5}', 'REDEPLOY').field, 'wait');
});

test('imageWithTag keeps the repository (registry and port included), drops the old tag and the digest', () => {
  assert.equal(imageWithTag('sg-busybox:latest', '1.2'), 'sg-busybox:1.2');
  assert.equal(imageWithTag('sg-busybox', '1.2'), 'sg-busybox:1.2');
  assert.equal(imageWithTag('registry:5000/team/app:1.0@sha256:' + 'a'.repeat(64), '2.0'), 'registry:5000/team/app:2.0');
  assert.equal(imageWithTag('registry:5000/team/app@sha256:' + 'a'.repeat(64), '2.0'), 'registry:5000/team/app:2.0');
  assert.equal(imageWithTag('localhost:5000/app', 'x'), 'localhost:5000/app:x');
});
