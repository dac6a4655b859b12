// The key table: the CLI's forbidden keys refused with its advice, its unsupported and
// deprecated keys warned about as it groups them, the gateway's own refusals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { KEY_TABLE } from '../../../../../src/docker/stack/compose/key-table.ts';
import { problemsOf } from '../../../../support/user-errors.ts';

const svc = (body: string) => `services:\n  web:\n    image: nginx\n${body}`;

test('every key the CLI forbids is UNSUPPORTED_KEY at the key, with the advice', () => {
  const forbidden = KEY_TABLE.filter((r) => r.treatment === 'forbidden').map((r) => r.path.split('.')[2]!);
  assert.deepEqual(forbidden.sort(), ['cpu_quota', 'cpu_shares', 'cpuset', 'extends', 'mem_limit', 'memswap_limit', 'volume_driver', 'volumes_from']);
  for (const key of forbidden) {
    assert.deepEqual(problemsOf(() => loadCompose(svc(`    ${key}: x\n`), {})), [['UNSUPPORTED_KEY', ['services', 'web', key]]], key);
  }
  try {
    loadCompose(svc('    mem_limit: 512m\n'), {});
  } catch (err) {
    assert.match((err as Error).message, /deploy\.resources/);
  }
});

test('every key the CLI ignores is accepted with one grouped warning per service', () => {
  const unsupported = KEY_TABLE.filter((r) => r.treatment === 'unsupported').map((r) => r.path.split('.')[2]!);
  assert.equal(unsupported.length, 16);
  const body = unsupported.map((k) => `    ${k}: x\n`).join('');
  const { file, warnings } = loadCompose(svc(body), {});
  assert.equal(file.services.web!.image, 'nginx');
  assert.deepEqual(warnings, [{ path: ['services', 'web'], message: `Ignoring unsupported options: ${[...unsupported].sort().join(', ')} (in services.web)` }]);
});

test('build and links as a user writes them: ignored, warned, the rest deployed', () => {
  const { warnings } = loadCompose(svc('    build: ./app\n    links: [db]\n    restart: always\n'), {});
  assert.deepEqual(warnings.map((w) => w.message), ['Ignoring unsupported options: build, links, restart (in services.web)']);
});

test('deprecated keys are warned about with the CLI advice', () => {
  const { warnings } = loadCompose(svc('    container_name: web1\n    expose: ["80"]\n'), {});
  assert.equal(warnings.length, 1);
  assert.deepEqual(warnings[0]!.path, ['services', 'web']);
  assert.match(warnings[0]!.message, /^Ignoring deprecated options \(in services\.web\): container_name: Setting the container name is not supported\. expose: Exposing ports is unnecessary/);
});

test('keys the CLI drops silently (depends_on, tmpfs) get a warning at the key', () => {
  const { warnings } = loadCompose(svc('    depends_on: [db]\n    tmpfs: /run\n'), {});
  assert.deepEqual(warnings.map((w) => w.path), [['services', 'web', 'depends_on'], ['services', 'web', 'tmpfs']]);
});

test('keys the gateway does not model are refused, not dropped', () => {
  assert.deepEqual(problemsOf(() => loadCompose(svc('    oom_score_adj: 100\n'), {})), [['UNSUPPORTED_KEY', ['services', 'web', 'oom_score_adj']]]);
  assert.deepEqual(problemsOf(() => loadCompose(svc('    credential_spec:\n      config: gmsa\n'), {})), [['UNSUPPORTED_KEY', ['services', 'web', 'credential_spec']]]);
  assert.deepEqual(problemsOf(() => loadCompose(svc('    networks:\n      front:\n        driver_opts: {a: b}\nnetworks:\n  front: {}\n'), {})), [['UNSUPPORTED_KEY', ['services', 'web', 'networks', 'front', 'driver_opts']]]);
  assert.deepEqual(
    problemsOf(() => loadCompose(svc('    deploy:\n      resources:\n        reservations:\n          generic_resources: []\n'), {})),
    [['UNSUPPORTED_KEY', ['services', 'web', 'deploy', 'resources', 'reservations', 'generic_resources']]],
  );
  assert.deepEqual(problemsOf(() => loadCompose('services: {}\nvolumes:\n  v:\n    x-cluster-spec: {group: g}\n', {})), [['UNSUPPORTED_KEY', ['volumes', 'v', 'x-cluster-spec']]]);
});

test('an x-* entry beside the services is not a service: its keys are not judged', () => {
  const { warnings } = loadCompose('services:\n  x-template:\n    build: .\n    mem_limit: 1g\n  web:\n    image: nginx\n', {});
  assert.deepEqual(warnings, []);
});
