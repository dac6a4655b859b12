// Every name a service uses must be declared at the top level.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { problemsOf } from '../../../../support/user-errors.ts';

const svc = (body: string, top = '') => () => loadCompose(`services:\n  web:\n    image: nginx\n${body}${top}`, {});

test('an undeclared network, secret, config or named volume is COMPOSE_INVALID at the reference', () => {
  assert.deepEqual(problemsOf(svc('    networks: [front]\n')), [['COMPOSE_INVALID', ['services', 'web', 'networks', 'front']]]);
  assert.deepEqual(problemsOf(svc('    secrets: [token]\n')), [['COMPOSE_INVALID', ['services', 'web', 'secrets', '0']]]);
  assert.deepEqual(problemsOf(svc('    configs:\n      - source: conf\n')), [['COMPOSE_INVALID', ['services', 'web', 'configs', '0']]]);
  assert.deepEqual(problemsOf(svc('    volumes: ["data:/data", "/anon", "/srv:/srv"]\n')), [['COMPOSE_INVALID', ['services', 'web', 'volumes', '0']]]);
});

test('the message says which name, as the CLI does', () => {
  assert.throws(svc('    networks: [front]\n'), /undefined network "front"/);
});

test('the implicit default network needs no declaration; declared names pass', () => {
  assert.doesNotThrow(svc('    networks: [default]\n'));
  assert.doesNotThrow(svc('    networks: [front]\n    secrets: [t]\n    volumes: ["data:/d"]\n', 'networks:\n  front: {}\nsecrets:\n  t: {external: true}\nvolumes:\n  data: {}\n'));
});
