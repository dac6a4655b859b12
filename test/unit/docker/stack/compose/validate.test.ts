// Schema validation: one clear sentence per problem, at the compose path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';

function problems(text: string): { field: string[] | null; code: string; message: string }[] {
  try {
    loadCompose(text, {});
  } catch (err) {
    return (err as { problems: { field: string[] | null; code: string; message: string }[] }).problems;
  }
  assert.fail('expected a refusal');
}
const svc = (body: string) => `services:\n  web:\n    image: nginx\n${body}`;

test('an unknown key is COMPOSE_INVALID at the key', () => {
  assert.deepEqual(problems(svc('    replica: 3\n')), [
    { field: ['services', 'web', 'replica'], code: 'COMPOSE_INVALID', message: 'services.web.replica: "replica" is not a key the compose format allows here (line 4).' },
  ]);
  assert.deepEqual(problems('services: {}\nservice: {}\n').map((p) => p.field), [['service']]);
});

test('a wrong type names the types allowed', () => {
  assert.deepEqual(problems(svc('    command: {run: x}\n')), [
    { field: ['services', 'web', 'command'], code: 'COMPOSE_INVALID', message: 'services.web.command must be a string or a list (line 4).' },
  ]);
  assert.equal(problems(svc('    tty: "yes"\n'))[0]!.message, 'services.web.tty must be a boolean (true or false) (line 4).');
});

test('inside a oneOf, the deepest problem is reported (a port object with a bad target)', () => {
  assert.deepEqual(problems(svc('    ports:\n      - target: eighty\n')).map((p) => [p.field, p.message]), [
    [['services', 'web', 'ports', '0', 'target'], 'services.web.ports.0.target must be an integer (line 5).'],
  ]);
  assert.deepEqual(problems(svc('    ports:\n      - target: 80\n        publish: 8080\n')).map((p) => p.field), [['services', 'web', 'ports', '0', 'publish']]);
});

test('enums list their values; a missing image is required', () => {
  assert.equal(problems(svc('    deploy:\n      mode: everywhere\n'))[0]!.message, 'services.web.deploy.mode must be one of "replicated", "global", "replicated-job", "global-job" (line 5).');
  assert.deepEqual(problems('services:\n  web:\n    command: x\n').map((p) => [p.field, p.message]), [[['services', 'web', 'image'], 'services.web.image is required (line 2).']]);
});

test('a duration that Go would not parse', () => {
  assert.deepEqual(problems(svc('    stop_grace_period: 10 seconds\n')).map((p) => [p.field, p.message]), [
    [['services', 'web', 'stop_grace_period'], 'services.web.stop_grace_period must be a duration such as "10s", "1m30s" or "500ms" (line 4).'],
  ]);
});

test('a service, network, volume, secret or config name outside the grammar', () => {
  assert.deepEqual(problems('services:\n  "my web":\n    image: nginx\n').map((p) => [p.field, p.message]), [
    [['services', 'my web'], 'services.my web: "my web" is not a valid name here: use letters, digits, ".", "_" and "-" only (line 2).'],
  ]);
  assert.deepEqual(problems('services: {}\nnetworks:\n  "a/b": {}\n').map((p) => p.field), [['networks', 'a/b']]);
});

test('the line is the key\'s for a mapping entry, the item\'s for a list item, the nearest written one through a merge', () => {
  const text = 'x-base: &base\n  image: nginx\nservices:\n  web:\n    <<: *base\n    ports:\n      - "80"\n      - {target: x}\n  db:\n    <<: *base\n    deploy:\n      replicas: -1\n';
  assert.deepEqual(problems(text).map((p) => p.message.match(/\(line (\d+)\)/)?.[1]), ['8', '12']);
});

test('several problems are all reported', () => {
  assert.equal(problems(svc('    tty: 1\n    init: 2\n')).length, 2);
});
