// File references: the gateway does not read its own disk for callers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { problemsOf } from '../../../../support/user-errors.ts';

const svc = (body: string) => `services:\n  web:\n    image: nginx\n${body}`;

test('env_file (a string or a list) is FILE_REFERENCE', () => {
  assert.deepEqual(problemsOf(() => loadCompose(svc('    env_file: .env\n'), {})), [['FILE_REFERENCE', ['services', 'web', 'env_file']]]);
  assert.deepEqual(problemsOf(() => loadCompose(svc('    env_file: [a.env, b.env]\n'), {})), [['FILE_REFERENCE', ['services', 'web', 'env_file']]]);
});

test("a secret's or config's file is FILE_REFERENCE, with the way to give the data instead", () => {
  try {
    loadCompose('services: {}\nsecrets:\n  token:\n    file: ./token.txt\n', {});
    assert.fail('expected a refusal');
  } catch (err) {
    const [problem] = (err as { problems: { code: string; field: string[]; message: string }[] }).problems;
    assert.deepEqual([problem!.code, problem!.field], ['FILE_REFERENCE', ['secrets', 'token', 'file']]);
    assert.match(problem!.message, /does not read its own disk for callers.*environment: VARNAME/);
  }
  assert.deepEqual(problemsOf(() => loadCompose('services: {}\nconfigs:\n  conf:\n    file: /etc/app.conf\n', {})), [['FILE_REFERENCE', ['configs', 'conf', 'file']]]);
});

test('a relative bind source (./, ../, ~) is FILE_REFERENCE; an absolute one is kept', () => {
  for (const source of ['./data', '../data', '~/data', '.']) {
    assert.deepEqual(problemsOf(() => loadCompose(svc(`    volumes:\n      - "${source}:/data"\n`), {})), [['FILE_REFERENCE', ['services', 'web', 'volumes', '0']]], source);
  }
  assert.deepEqual(problemsOf(() => loadCompose(svc('    volumes:\n      - type: bind\n        source: data\n        target: /data\n'), {})), [['FILE_REFERENCE', ['services', 'web', 'volumes', '0']]]);
  const { file } = loadCompose(svc('    volumes:\n      - /srv/data:/data:ro\n'), {});
  assert.deepEqual(file.services.web!.volumes, [{ type: 'bind', source: '/srv/data', target: '/data', read_only: true, volume: null, bind: null, tmpfs: null }]);
});

test('credential_spec.file is FILE_REFERENCE (and credential_spec itself is not supported)', () => {
  assert.deepEqual(problemsOf(() => loadCompose(svc('    credential_spec:\n      file: spec.json\n'), {})), [
    ['UNSUPPORTED_KEY', ['services', 'web', 'credential_spec']],
    ['FILE_REFERENCE', ['services', 'web', 'credential_spec', 'file']],
  ]);
});

test('build is only warned about (the CLI ignores it anyway)', () => {
  assert.equal(loadCompose(svc('    build:\n      context: .\n'), {}).warnings.length, 1);
});
