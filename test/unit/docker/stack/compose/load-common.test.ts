// loadCompose on the files users write for the common keys: the e2e parity fixtures (the
// overlay guide's nginx example among them), anchors with merge keys and x-* fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { problemsOf } from '../../../../support/user-errors.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../../e2e/stacks/fixtures/${name}`, import.meta.url), 'utf8');
const KEEP_RUNNING = ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"];

test('the overlay guide nginx example: replicas, a long-syntax port, a service network', () => {
  const { file, warnings } = loadCompose(fixture('nginx.yml'), {});
  assert.deepEqual(warnings, []);
  const web = file.services['my-nginx']!;
  assert.equal(file.version, '3.9');
  assert.equal(web.image, 'sg-busybox:latest');
  assert.deepEqual(web.command, KEEP_RUNNING);
  assert.equal(web.deploy.mode, 'replicated');
  assert.equal(web.deploy.replicas, 2);
  assert.deepEqual(web.ports, [{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }]);
  assert.deepEqual(web.networks, { 'nginx-net': { aliases: [], ipv4_address: null, ipv6_address: null } });
  assert.deepEqual(file.networks['nginx-net'], { name: null, driver: 'overlay', driver_opts: {}, ipam: null, external: false, internal: false, attachable: false, labels: {} });
});

test('labels, environment with interpolation and a default, entrypoint and container keys', () => {
  const { file } = loadCompose(fixture('labels-env.yml'), { GREETING: 'hello' });
  const tool = file.services.tool!;
  assert.deepEqual(tool.environment, { GREETING: 'hello', LEVEL: 'info', EMPTY: '' });
  assert.deepEqual(tool.entrypoint, ['sh', '-c']);
  assert.deepEqual(tool.labels, { 'com.example.container': 'yes' });
  assert.deepEqual(tool.deploy.labels, { 'com.example.service': 'tool', owner: 'platform' });
  assert.equal(tool.user, '1000:1000');
  assert.equal(tool.working_dir, '/tmp');
  assert.equal(tool.hostname, 'tool-host');
  assert.equal(tool.stop_grace_period, 5e9);
});

test('healthcheck: a string test is CMD-SHELL, durations in nanoseconds, disable is NONE', () => {
  const { file } = loadCompose(fixture('healthcheck.yml'), {});
  assert.deepEqual(file.services.checked!.healthcheck, { test: ['CMD-SHELL', 'test -d /'], interval: 30e9, timeout: 5e9, start_period: 10e9, start_interval: null, retries: 3 });
  assert.deepEqual(file.services.unchecked!.healthcheck!.test, ['NONE']);
});

test('deploy: update, rollback and restart policies, resources, placement, endpoint mode, global mode', () => {
  const api = loadCompose(fixture('update-rollback.yml'), {}).file.services.api!.deploy;
  assert.deepEqual(api.update_config, { parallelism: 2, delay: 10e9, failure_action: 'rollback', monitor: 30e9, max_failure_ratio: 0.3, order: 'start-first' });
  assert.deepEqual(api.rollback_config, { parallelism: 1, delay: 5e9, failure_action: 'pause', monitor: 10e9, max_failure_ratio: 0.1, order: 'stop-first' });
  assert.deepEqual(api.restart_policy, { condition: 'on-failure', delay: 5e9, max_attempts: 3, window: 60e9 });
  const batch = loadCompose(fixture('resources.yml'), {}).file.services.batch!.deploy.resources;
  assert.deepEqual(batch, { limits: { cpus: '0.5', memory: 64 * 1024 ** 2, pids: 100 }, reservations: { cpus: '0.1', memory: 16 * 1024 ** 2, pids: null } });
  const worker = loadCompose(fixture('placement.yml'), {}).file.services.worker!.deploy.placement;
  assert.deepEqual(worker, { constraints: ['node.role == manager', 'node.platform.os == linux'], preferences: [{ spread: 'node.labels.zone' }], max_replicas_per_node: 1 });
  const web = loadCompose(fixture('dnsrr.yml'), {}).file.services.web!;
  assert.equal(web.deploy.endpoint_mode, 'dnsrr');
  assert.deepEqual(web.networks!['test-net']!.aliases, ['frontend']);
  const edge = loadCompose(fixture('host-ports.yml'), {}).file.services.edge!;
  assert.equal(edge.deploy.mode, 'global');
  assert.deepEqual(edge.ports, [
    { target: 80, published: 8081, protocol: 'tcp', mode: 'host' },
    { target: 53, published: 8053, protocol: 'udp', mode: 'host' },
    { target: 81, published: 8082, protocol: 'tcp', mode: 'ingress' },
  ]);
});

test('volumes and networks: a named read-only volume, a tmpfs, an overlay network with ipam and options', () => {
  const { file } = loadCompose(fixture('volume-network.yml'), {});
  assert.deepEqual(file.services.db!.volumes, [
    { type: 'volume', source: 'data', target: '/var/lib/data', read_only: true, volume: null, bind: null, tmpfs: null },
    { type: 'tmpfs', source: null, target: '/scratch', read_only: false, volume: null, bind: null, tmpfs: { size: 1048576 } },
  ]);
  assert.deepEqual(file.volumes.data, { name: null, driver: 'local', driver_opts: {}, external: false, labels: { tier: 'db' } });
  assert.deepEqual(file.networks.backend, {
    name: null, driver: 'overlay', driver_opts: { 'com.docker.network.driver.mtu': '1400' }, ipam: { driver: null, config: [{ subnet: '10.77.0.0/24' }] },
    external: false, internal: false, attachable: true, labels: { tier: 'db' },
  });
});

test('secrets and configs: short and long references, YAML 1.1 octal modes, data from a variable and from content', () => {
  const { file } = loadCompose(fixture('secret-config.gateway.yml'), { TOKEN_DATA: 's3cret' });
  const app = file.services.app!;
  assert.deepEqual(app.secrets, [
    { source: 'token', target: null, uid: null, gid: null, mode: null },
    { source: 'token', target: 'api-token', uid: '1000', gid: '1000', mode: 0o400 },
  ]);
  assert.deepEqual(app.configs, [{ source: 'app_conf', target: '/etc/app.conf', uid: null, gid: null, mode: 0o440 }]);
  assert.deepEqual(file.secrets.token, { name: null, external: false, labels: { purpose: 'api' }, driver: null, driver_opts: {}, template_driver: null, data: 's3cret', dataFrom: { variable: 'TOKEN_DATA' } });
  assert.equal(file.configs.app_conf!.data, 'listen 80;');
  assert.deepEqual(file.configs.app_conf!.dataFrom, { content: true });
});

test('the CLI fixture with file: references is refused with FILE_REFERENCE at each file key', () => {
  assert.deepEqual(problemsOf(() => loadCompose(fixture('secret-config.cli.yml'), {})), [
    ['FILE_REFERENCE', ['secrets', 'token', 'file']],
    ['FILE_REFERENCE', ['configs', 'app_conf', 'file']],
  ]);
});

const ANCHORS = `
version: "3.8"
x-common: &common
  image: registry.example.com/team/app:1.4
  environment: &env
    LOG_LEVEL: info
  deploy:
    replicas: 2
x-labels: &labels
  com.example.team: payments
services:
  x-not-a-service: {}
  api:
    <<: *common
    labels: *labels
    command: ./api --port 8080
  worker:
    <<: *common
    environment:
      <<: *env
      QUEUE: jobs
    x-owner: ops
`;

test('anchors, merge keys and x-* extension fields: merged, then the extensions dropped', () => {
  const { file, warnings } = loadCompose(ANCHORS, {});
  assert.deepEqual(warnings, []);
  assert.deepEqual(Object.keys(file.services), ['api', 'worker']);
  assert.equal(file.services.api!.image, 'registry.example.com/team/app:1.4');
  assert.deepEqual(file.services.api!.command, ['./api', '--port', '8080']);
  assert.deepEqual(file.services.api!.labels, { 'com.example.team': 'payments' });
  assert.deepEqual(file.services.api!.environment, { LOG_LEVEL: 'info' });
  assert.deepEqual(file.services.worker!.environment, { LOG_LEVEL: 'info', QUEUE: 'jobs' });
  assert.equal(file.services.worker!.deploy.replicas, 2);
});

test('x-* fields are extensions only where the CLI allows them: not inside deploy', () => {
  const text = 'services:\n  web:\n    image: nginx\n    deploy:\n      x-note: no\n';
  assert.deepEqual(problemsOf(() => loadCompose(text, {})), [['COMPOSE_INVALID', ['services', 'web', 'deploy', 'x-note']]]);
});

test('a file without version, networks or volumes is read as the newest 3.x; version 2 is refused', () => {
  const { file } = loadCompose('services:\n  web:\n    image: nginx\n', {});
  assert.equal(file.version, null);
  assert.equal(file.services.web!.networks, null);
  assert.deepEqual(file.services.web!.deploy, {
    mode: 'replicated', replicas: null, labels: {}, endpoint_mode: null, update_config: null, rollback_config: null, restart_policy: null,
    resources: { limits: null, reservations: null }, placement: { constraints: [], preferences: [], max_replicas_per_node: null },
  });
  assert.deepEqual(problemsOf(() => loadCompose('version: "2"\nservices:\n  web:\n    image: nginx\n', {})), [['COMPOSE_INVALID', ['version']]]);
});
