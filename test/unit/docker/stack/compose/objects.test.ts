// Top-level networks, volumes, secrets and configs: external ones, and the data of the
// secrets and configs the stack creates (the gateway's `content` and `environment`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { problemsOf } from '../../../../support/user-errors.ts';

const load = (top: string, vars: Record<string, string> = {}) => loadCompose(`services: {}\n${top}`, vars).file;
const refused = (top: string, vars: Record<string, string> = {}) => problemsOf(() => loadCompose(`services: {}\n${top}`, vars));

test('external: true is named by its key; external: {name} and name give the engine name', () => {
  const f = load('networks:\n  a: {external: true}\n  b: {external: {name: shared-net}}\n  c: {external: true, name: other}\n  d: {name: fixed}\nvolumes:\n  v: {external: true}\n');
  assert.deepEqual([f.networks.a!.external, f.networks.a!.name], [true, 'a']);
  assert.deepEqual([f.networks.b!.external, f.networks.b!.name], [true, 'shared-net']);
  assert.deepEqual([f.networks.c!.external, f.networks.c!.name], [true, 'other']);
  assert.deepEqual([f.networks.d!.external, f.networks.d!.name], [false, 'fixed']);
  assert.deepEqual([f.volumes.v!.external, f.volumes.v!.name], [true, 'v']);
});

test('external.name with name is a conflict; an external volume takes no driver or labels', () => {
  assert.deepEqual(refused('networks:\n  a: {external: {name: x}, name: y}\n'), [['COMPOSE_INVALID', ['networks', 'a', 'external', 'name']]]);
  assert.deepEqual(refused('volumes:\n  v: {external: true, driver: local, labels: {a: b}}\n'), [
    ['COMPOSE_INVALID', ['volumes', 'v', 'driver']],
    ['COMPOSE_INVALID', ['volumes', 'v', 'labels']],
  ]);
});

test('null entries take the defaults', () => {
  const f = load('networks:\n  n:\nvolumes:\n  v:\n');
  assert.deepEqual(f.networks.n, { name: null, driver: null, driver_opts: {}, ipam: null, external: false, internal: false, attachable: false, labels: {} });
  assert.deepEqual(f.volumes.v, { name: null, driver: null, driver_opts: {}, external: false, labels: {} });
});

test('a config from content, a secret and a config from a variable', () => {
  const f = load('configs:\n  site:\n    content: |\n      server { listen 80; }\n  env:\n    environment: APP_CONF\nsecrets:\n  db_password:\n    environment: DB_PASSWORD\n    labels: [tier=db]\n', { APP_CONF: 'a=1', DB_PASSWORD: 'pw' });
  assert.deepEqual([f.configs.site!.data, f.configs.site!.dataFrom], ['server { listen 80; }\n', { content: true }]);
  assert.deepEqual([f.configs.env!.data, f.configs.env!.dataFrom], ['a=1', { variable: 'APP_CONF' }]);
  assert.deepEqual([f.secrets.db_password!.data, f.secrets.db_password!.dataFrom, f.secrets.db_password!.labels], ['pw', { variable: 'DB_PASSWORD' }, { tier: 'db' }]);
});

test('a variable that is not given is INVALID_VALUE at environment', () => {
  assert.deepEqual(refused('secrets:\n  s:\n    environment: MISSING\n'), [['INVALID_VALUE', ['secrets', 's', 'environment']]]);
});

test("a secret's inline content is refused, pointing at environment", () => {
  try {
    loadCompose('services: {}\nsecrets:\n  s:\n    content: hunter2\n', {});
    assert.fail('expected a refusal');
  } catch (err) {
    const [p] = (err as { problems: { code: string; field: string[]; message: string }[] }).problems;
    assert.deepEqual([p!.code, p!.field], ['UNSUPPORTED_KEY', ['secrets', 's', 'content']]);
    assert.match(p!.message, /environment: VARNAME/);
  }
});

test('one the stack creates needs data (both ways named); both ways at once is refused; external takes none', () => {
  try {
    loadCompose('services: {}\nconfigs:\n  c: {labels: {a: b}}\n', {});
    assert.fail('expected a refusal');
  } catch (err) {
    const [p] = (err as { problems: { code: string; field: string[]; message: string }[] }).problems;
    assert.deepEqual([p!.code, p!.field], ['COMPOSE_INVALID', ['configs', 'c']]);
    assert.match(p!.message, /content: <text>.*environment: VARNAME.*external: true/);
  }
  assert.deepEqual(refused('secrets:\n  s:\n'), [['COMPOSE_INVALID', ['secrets', 's']]]);
  assert.deepEqual(refused('configs:\n  c: {content: x, environment: X}\n', { X: 'x' }), [['COMPOSE_INVALID', ['configs', 'c']]]);
  assert.deepEqual(refused('configs:\n  c: {external: true, content: x}\n'), [['COMPOSE_INVALID', ['configs', 'c', 'content']]]);
  const f = load('secrets:\n  s: {external: true}\n');
  assert.deepEqual([f.secrets.s!.external, f.secrets.s!.name, f.secrets.s!.data, f.secrets.s!.dataFrom], [true, 's', null, null]);
});

test('a secret of a driver plugin needs no data; template_driver is kept', () => {
  const f = load('secrets:\n  s: {driver: vault, driver_opts: {path: a}}\nconfigs:\n  c: {content: "{{ .Service.Name }}", template_driver: golang}\n');
  assert.deepEqual([f.secrets.s!.driver, f.secrets.s!.driver_opts, f.secrets.s!.data], ['vault', { path: 'a' }, null]);
  assert.equal(f.configs.c!.template_driver, 'golang');
});
