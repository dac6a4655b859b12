// Secrets, configs and volumes: the stack's own objects (docker/cli convert.Secrets,
// convert.Configs), a service's references to them (convertFileObject, ParseSecrets) and its
// mounts (convert/volume.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertStack, convertedComposeKeys, stackLabelsOf } from '../../../../../src/docker/stack/convert/index.ts';
import { InvalidOptionsError } from '../../../../../src/errors/gateway-error.ts';
import { composeFile, fileObject, NS, service, volume } from './compose-builders.ts';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

test("the parity fixture's secret and config: specs with the namespace label and base64 data, references with the CLI's defaults (convert.Secrets, convertFileObject)", () => {
  const file = composeFile({
    services: {
      app: service({
        secrets: [
          { source: 'token', target: null, uid: null, gid: null, mode: null },
          { source: 'token', target: 'api-token', uid: '1000', gid: '1000', mode: 0o400 },
        ],
        configs: [{ source: 'app_conf', target: '/etc/app.conf', uid: null, gid: null, mode: 0o440 }],
      }),
    },
    secrets: { token: fileObject({ labels: { purpose: 'api' }, data: 's3cr3t\n', dataFrom: { variable: 'TOKEN_DATA' } }) },
    configs: { app_conf: fileObject({ labels: { purpose: 'app' }, data: 'listen 80;', dataFrom: { content: true } }) },
  });
  const { resources } = convertStack('s1', file);
  assert.deepEqual(resources.secrets, [
    { key: 'token', name: 's1_token', external: false, spec: { Name: 's1_token', Labels: { ...NS, purpose: 'api' }, Data: b64('s3cr3t\n') } },
  ]);
  assert.deepEqual(resources.configs, [
    { key: 'app_conf', name: 's1_app_conf', external: false, spec: { Name: 's1_app_conf', Labels: { ...NS, purpose: 'app' }, Data: b64('listen 80;') } },
  ]);
  const container = resources.services[0]!.spec.TaskTemplate.ContainerSpec!;
  // Target defaults to the source key, uid/gid "0", mode 0444; IDs are left to the deploy.
  assert.deepEqual(container.Secrets, [
    { File: { Name: 'token', UID: '0', GID: '0', Mode: 0o444 }, SecretName: 's1_token' },
    { File: { Name: 'api-token', UID: '1000', GID: '1000', Mode: 0o400 }, SecretName: 's1_token' },
  ]);
  assert.deepEqual(container.Configs, [{ File: { Name: '/etc/app.conf', UID: '0', GID: '0', Mode: 0o440 }, ConfigName: 's1_app_conf' }]);
});

test('every declared secret and config is converted, used or not; external ones by name; driver and template driver (convert.Secrets, driverObjectConfig)', () => {
  const file = composeFile({
    services: { app: service({ secrets: [{ source: 'ext', target: null, uid: null, gid: null, mode: null }, { source: 'a_named', target: null, uid: null, gid: null, mode: null }] }) },
    secrets: {
      ext: fileObject({ external: true }),
      a_named: fileObject({ external: true, name: 'prod-db-password' }),
      vault: fileObject({ driver: 'vault-driver', driver_opts: { path: 'kv/x' }, template_driver: 'golang' }),
    },
    configs: { plain: fileObject({ name: 'fixed.conf', data: '' }) },
  });
  const { resources } = convertStack('s1', file);
  assert.deepEqual(resources.secrets, [
    { key: 'a_named', name: 'prod-db-password', external: true, spec: null },
    { key: 'ext', name: 'ext', external: true, spec: null },
    { key: 'vault', name: 's1_vault', external: false, spec: { Name: 's1_vault', Labels: { ...NS }, Driver: { Name: 'vault-driver', Options: { path: 'kv/x' } }, Templating: { Name: 'golang' } } },
  ]);
  // Empty data is Go's empty []byte, left out of the JSON.
  assert.deepEqual(resources.configs, [{ key: 'plain', name: 'fixed.conf', external: false, spec: { Name: 'fixed.conf', Labels: { ...NS } } }]);
  // Sorted by the engine name (sort.SliceStable on SecretName).
  assert.deepEqual(resources.services[0]!.spec.TaskTemplate.ContainerSpec!.Secrets!.map((s) => s.SecretName), ['ext', 'prod-db-password']);
});

test('an undefined secret, a duplicate target and a secret without data are refused at their compose paths (convertFileObject, ParseSecrets)', () => {
  const file = composeFile({
    services: {
      app: service({
        secrets: [
          { source: 'token', target: 'same', uid: null, gid: null, mode: null },
          { source: 'token', target: 'same', uid: null, gid: null, mode: null },
          { source: 'missing', target: null, uid: null, gid: null, mode: null },
        ],
        configs: [{ source: 'nope', target: null, uid: null, gid: null, mode: null }],
      }),
    },
    secrets: { token: fileObject({ data: 'x' }), empty: fileObject() },
  });
  assert.throws(() => convertStack('s1', file), (err: unknown) => {
    assert.ok(err instanceof InvalidOptionsError);
    assert.deepEqual(err.problems.map((p) => [p.code, p.field?.join('.')]), [
      ['COMPOSE_INVALID', 'secrets.empty'],
      ['COMPOSE_INVALID', 'services.app.secrets.1.target'],
      ['COMPOSE_INVALID', 'services.app.secrets.2.source'],
      ['COMPOSE_INVALID', 'services.app.configs.0.source'],
    ]);
    assert.match(err.problems[1]!.message, /duplicate secret target for s1_token not allowed/);
    assert.match(err.problems[2]!.message, /undefined secret "missing"/);
    assert.match(err.problems[3]!.message, /undefined config "nope"/);
    return true;
  });
});

test("the parity fixture's volumes: a named volume read-only with driver and labels, a tmpfs with a size (handleVolumeToMount, handleTmpfsToMount)", () => {
  const file = composeFile({
    services: {
      db: service({
        volumes: [
          { type: 'volume', source: 'data', target: '/var/lib/data', read_only: true, volume: null, bind: null, tmpfs: null },
          { type: 'tmpfs', source: null, target: '/scratch', read_only: false, volume: null, bind: null, tmpfs: { size: 1048576 } },
        ],
      }),
    },
    volumes: { data: volume({ driver: 'local', labels: { tier: 'db' } }) },
  });
  assert.deepEqual(convertStack('s1', file).resources.services[0]!.spec.TaskTemplate.ContainerSpec!.Mounts, [
    { Type: 'volume', Source: 's1_data', Target: '/var/lib/data', ReadOnly: true, VolumeOptions: { Labels: { ...NS, tier: 'db' }, DriverConfig: { Name: 'local' } } },
    { Type: 'tmpfs', Target: '/scratch', TmpfsOptions: { SizeBytes: 1048576 } },
  ]);
});

test('volumes: nocopy, driver options without a driver, external and named ones, anonymous, a bind with propagation (handleVolumeToMount, handleBindToMount)', () => {
  const none = { volume: null, bind: null, tmpfs: null, read_only: false };
  const file = composeFile({
    services: {
      db: service({
        volumes: [
          { ...none, type: 'volume', source: 'opts', target: '/a', volume: { nocopy: true } },
          { ...none, type: 'volume', source: 'ext', target: '/b', volume: { nocopy: true } },
          { ...none, type: 'volume', source: 'named', target: '/c' },
          { ...none, type: 'volume', source: null, target: '/anon' },
          { ...none, type: 'bind', source: '/srv/x', target: '/x', bind: { propagation: 'rshared' } },
          { ...none, type: 'bind', source: '/srv/y', target: '/y' },
        ],
      }),
    },
    volumes: { opts: volume({ driver_opts: { type: 'nfs' } }), ext: volume({ external: true }), named: volume({ name: 'shared-data' }) },
  });
  assert.deepEqual(convertStack('s1', file).resources.services[0]!.spec.TaskTemplate.ContainerSpec!.Mounts, [
    { Type: 'volume', Source: 's1_opts', Target: '/a', VolumeOptions: { NoCopy: true, Labels: { ...NS }, DriverConfig: { Options: { type: 'nfs' } } } },
    // External: no labels, no driver; the name only.
    { Type: 'volume', Source: 'ext', Target: '/b', VolumeOptions: { NoCopy: true } },
    { Type: 'volume', Source: 'shared-data', Target: '/c', VolumeOptions: { Labels: { ...NS } } },
    { Type: 'volume', Target: '/anon' },
    { Type: 'bind', Source: '/srv/x', Target: '/x', BindOptions: { Propagation: 'rshared' } },
    { Type: 'bind', Source: '/srv/y', Target: '/y' },
  ]);
});

test('an undefined volume, a bind without source, a tmpfs with one and options of another type are refused (convert/volume.go)', () => {
  const none = { volume: null, bind: null, tmpfs: null, read_only: false };
  const file = composeFile({
    services: {
      db: service({
        volumes: [
          { ...none, type: 'volume', source: 'ghost', target: '/a' },
          { ...none, type: 'bind', source: null, target: '/b' },
          { ...none, type: 'tmpfs', source: 'x', target: '/c' },
          { ...none, type: 'volume', source: null, target: '/d', bind: { propagation: null } },
        ],
      }),
    },
  });
  assert.throws(() => convertStack('s1', file), (err: unknown) => {
    assert.ok(err instanceof InvalidOptionsError);
    assert.deepEqual(err.problems.map((p) => [p.field?.join('.'), p.message]), [
      ['services.db.volumes.0', 'undefined volume "ghost"'],
      ['services.db.volumes.1', 'invalid bind source, source cannot be empty'],
      ['services.db.volumes.2', 'invalid tmpfs source, source must be empty'],
      ['services.db.volumes.3', 'bind options are incompatible with type volume'],
    ]);
    return true;
  });
});

test('stackLabelsOf and the list of compose keys the conversion reads', () => {
  assert.deepEqual(stackLabelsOf('s1'), { ...NS });
  const keys = convertedComposeKeys();
  assert.ok(keys.service.includes('image') && !keys.service.includes('dns_opt'));
  assert.deepEqual(keys.serviceNetwork, ['aliases', 'driver_opts']);
  assert.ok(!keys.config.includes('driver'));
});
