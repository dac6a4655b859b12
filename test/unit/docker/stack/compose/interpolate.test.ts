// Interpolation across a compose file: values, never keys; typed paths cast after
// substitution as the CLI casts them; problems at the compose path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { interpolate } from '../../../../../src/docker/stack/compose/interpolate.ts';
import { problemsOf } from '../../../../support/user-errors.ts';

test('values are substituted, keys are not, x-* fields too', () => {
  const out = interpolate({ services: { web: { image: 'nginx:${TAG}', labels: { '${KEY}': '$V' } } }, 'x-note': '${TAG}' }, { TAG: '1', KEY: 'k', V: 'v' });
  assert.deepEqual(out.value, { services: { web: { image: 'nginx:1', labels: { '${KEY}': 'v' } } }, 'x-note': '1' });
});

test('interpolated numbers and booleans at typed paths are cast (replicas, ports, modes, read_only, external)', () => {
  const text = `
services:
  web:
    image: nginx
    read_only: "\${RO}"
    deploy:
      replicas: "\${REPLICAS}"
      update_config: { parallelism: "\${PAR}", max_failure_ratio: "\${RATIO}" }
    ports:
      - target: 80
        published: "\${PORT}"
    secrets:
      - source: s
        mode: "\${MODE}"
    healthcheck:
      test: ["CMD", "true"]
      retries: "\${RETRIES}"
secrets:
  s:
    external: "\${EXT}"
`;
  const { file } = loadCompose(text, { RO: 'yes', REPLICAS: '3', PAR: '2', RATIO: '0.25', PORT: '8080', MODE: '256', RETRIES: '5', EXT: 'on' });
  const web = file.services.web!;
  assert.equal(web.read_only, true);
  assert.equal(web.deploy.replicas, 3);
  assert.equal(web.deploy.update_config!.parallelism, 2);
  assert.equal(web.deploy.update_config!.max_failure_ratio, 0.25);
  assert.equal(web.ports[0]!.published, 8080);
  assert.equal(web.secrets[0]!.mode, 256);
  assert.equal(web.healthcheck!.retries, 5);
  assert.equal(file.secrets.s!.external, true);
});

test('a value that does not cast is INVALID_VALUE at its path', () => {
  const text = 'services:\n  web:\n    image: nginx\n    deploy:\n      replicas: "${N}"\n';
  assert.deepEqual(problemsOf(() => loadCompose(text, { N: 'three' })), [['INVALID_VALUE', ['services', 'web', 'deploy', 'replicas']]]);
});

test('a cast failure does not repeat the value (variables may hold secrets)', () => {
  const text = 'services:\n  web:\n    image: nginx\n    tty: "${PW}"\n';
  assert.throws(() => loadCompose(text, { PW: 'hunter2' }), (e: Error) => !e.message.includes('hunter2') && /is not a boolean/.test(e.message));
});

test('a literal string where a number belongs is not cast (as in the CLI) and fails the schema', () => {
  const text = 'services:\n  web:\n    image: nginx\n    deploy:\n      replicas: "3"\n';
  assert.deepEqual(problemsOf(() => loadCompose(text, {})), [['COMPOSE_INVALID', ['services', 'web', 'deploy', 'replicas']]]);
});

test(':? is INVALID_VALUE at the path, with the message', () => {
  const text = 'services:\n  web:\n    image: "nginx:${TAG:?give a tag}"\n';
  try {
    loadCompose(text, {});
    assert.fail('expected a refusal');
  } catch (err) {
    const problems = (err as { problems: { field: string[]; code: string; message: string }[] }).problems;
    assert.deepEqual(problems.map((p) => [p.code, p.field]), [['INVALID_VALUE', ['services', 'web', 'image']]]);
    assert.match(problems[0]!.message, /required variable TAG is missing a value: give a tag/);
  }
});

test('an unset variable is blank, with the CLI-style warning naming the path', () => {
  const { file, warnings } = loadCompose('services:\n  web:\n    image: nginx\n    environment:\n      GREETING: "hi ${WHO}"\n', {});
  assert.equal(file.services.web!.environment.GREETING, 'hi ');
  assert.deepEqual(warnings, [{ path: ['services', 'web', 'environment', 'GREETING'], message: 'The WHO variable is not set. Defaulting to a blank string. (in services.web.environment.GREETING)' }]);
});

test('variables come only from the given map, never from the process environment', () => {
  process.env.SG_COMPOSE_TEST_ONLY = 'leaked';
  try {
    const { file } = loadCompose('services:\n  web:\n    image: nginx\n    environment:\n      X: "${SG_COMPOSE_TEST_ONLY}"\n', {});
    assert.equal(file.services.web!.environment.X, '');
  } finally {
    delete process.env.SG_COMPOSE_TEST_ONLY;
  }
});

test('an invalid template is INVALID_VALUE at its path', () => {
  assert.deepEqual(problemsOf(() => loadCompose('services:\n  web:\n    image: nginx\n    command: echo $1\n', {})), [['INVALID_VALUE', ['services', 'web', 'command']]]);
});
