// The remaining service keys in their normalized forms: environment, labels, extra_hosts,
// ulimits, sysctls, logging, dns, capabilities, command strings, healthcheck and deploy rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCompose } from '../../../../../src/docker/stack/compose/load.ts';
import { problemsOf } from '../../../../support/user-errors.ts';

const web = (body: string, vars: Record<string, string> = {}) => loadCompose(`services:\n  web:\n    image: nginx\n${body}`, vars).file.services.web!;
const refused = (body: string) => problemsOf(() => loadCompose(`services:\n  web:\n    image: nginx\n${body}`, {}));

test('environment as a list and as a map: FOO without = is null, numbers and booleans become text', () => {
  assert.deepEqual(web('    environment:\n      - A=1\n      - B=x=y\n      - FOO\n      - EMPTY=\n').environment, { A: '1', B: 'x=y', FOO: null, EMPTY: '' });
  assert.deepEqual(web('    environment:\n      A: 1\n      B: true\n      C: 1.5\n      FOO:\n').environment, { A: '1', B: 'true', C: '1.5', FOO: null });
});

test('a variable without a value, or an empty one, is taken from the variables, as the CLI takes it from its environment', () => {
  const env = web('    environment:\n      - FOO\n      - BAR=\n      - BAZ\n      - SET=kept\n', { FOO: 'from-vars', BAR: 'b', SET: 'ignored' }).environment;
  assert.deepEqual(env, { FOO: 'from-vars', BAR: 'b', BAZ: null, SET: 'kept' });
});

test('labels and sysctls as a list and as a map: a key without a value is ""', () => {
  assert.deepEqual(web('    labels:\n      - a=1\n      - b\n').labels, { a: '1', b: '' });
  assert.deepEqual(web('    labels: {a: 1, b: }\n').labels, { a: '1', b: '' });
  assert.deepEqual(web('    sysctls:\n      net.core.somaxconn: 1024\n').sysctls, { 'net.core.somaxconn': '1024' });
  assert.deepEqual(web('    sysctls: ["net.ipv4.tcp_syncookies=0"]\n').sysctls, { 'net.ipv4.tcp_syncookies': '0' });
});

test('extra_hosts: host:ip and host=ip lists, a map, IPv6 brackets dropped; an entry without a separator refused', () => {
  assert.deepEqual(web('    extra_hosts: ["db:10.0.0.2", "cache=10.0.0.3", "v6=[::1]"]\n').extra_hosts, ['db:10.0.0.2', 'cache:10.0.0.3', 'v6:::1']);
  assert.deepEqual(web('    extra_hosts: {db: 10.0.0.2, api: "::1"}\n').extra_hosts, ['api:::1', 'db:10.0.0.2']);
  assert.deepEqual(refused('    extra_hosts: [justahost]\n'), [['COMPOSE_INVALID', ['services', 'web', 'extra_hosts', '0']]]);
});

test('ulimits: a number is soft = hard; soft and hard given', () => {
  assert.deepEqual(web('    ulimits:\n      nproc: 65535\n      nofile: {soft: 20000, hard: 40000}\n').ulimits, { nproc: { soft: 65535, hard: 65535 }, nofile: { soft: 20000, hard: 40000 } });
  assert.deepEqual(refused('    ulimits:\n      nofile: {soft: 1}\n'), [['COMPOSE_INVALID', ['services', 'web', 'ulimits', 'nofile', 'hard']]]);
});

test('logging, dns as a string or list, capabilities, init, tty, stop signal, isolation', () => {
  const s = web('    logging:\n      driver: json-file\n      options: {max-size: 10m, max-file: 3}\n    dns: 8.8.8.8\n    dns_search: [example.com]\n    dns_opt: [ndots:2]\n    cap_add: [NET_ADMIN]\n    cap_drop: [ALL]\n    init: true\n    tty: true\n    stdin_open: false\n    stop_signal: SIGINT\n    isolation: default\n');
  assert.deepEqual(s.logging, { driver: 'json-file', options: { 'max-size': '10m', 'max-file': '3' } });
  assert.deepEqual([s.dns, s.dns_search, s.dns_opt, s.cap_add, s.cap_drop], [['8.8.8.8'], ['example.com'], ['ndots:2'], ['NET_ADMIN'], ['ALL']]);
  assert.deepEqual([s.init, s.tty, s.stdin_open, s.stop_signal, s.isolation], [true, true, false, 'SIGINT', 'default']);
});

test('command and entrypoint strings are split like a shell; a list is kept; a bad string refused', () => {
  const s = web('    entrypoint: /docker-entrypoint.sh\n    command: nginx -g "daemon off;"\n');
  assert.deepEqual(s.entrypoint, ['/docker-entrypoint.sh']);
  assert.deepEqual(s.command, ['nginx', '-g', 'daemon off;']);
  assert.deepEqual(web('    command: ["echo", "a b"]\n').command, ['echo', 'a b']);
  assert.deepEqual(refused('    command: echo "unclosed\n'), [['INVALID_VALUE', ['services', 'web', 'command']]]);
});

test('healthcheck: a list test is kept; test with disable is refused; durations as Go reads them', () => {
  const h = web('    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost"]\n      interval: 1m30s\n      timeout: 500ms\n      start_interval: 1.5s\n').healthcheck!;
  assert.deepEqual(h.test, ['CMD', 'curl', '-f', 'http://localhost']);
  assert.deepEqual([h.interval, h.timeout, h.start_interval], [90e9, 5e8, 1.5e9]);
  assert.deepEqual(refused('    healthcheck:\n      test: ["CMD", "true"]\n      disable: true\n'), [['COMPOSE_INVALID', ['services', 'web', 'healthcheck']]]);
});

test('deploy: replicas with global mode refused; jobs; memory sizes in the CLI units', () => {
  assert.deepEqual(refused('    deploy:\n      mode: global\n      replicas: 2\n'), [['COMPOSE_INVALID', ['services', 'web', 'deploy', 'replicas']]]);
  assert.equal(web('    deploy:\n      mode: replicated-job\n      replicas: 3\n').deploy.mode, 'replicated-job');
  const r = web('    deploy:\n      resources:\n        limits: {cpus: 1.5, memory: 1g}\n        reservations: {memory: 512MiB}\n').deploy.resources;
  assert.deepEqual(r.limits, { cpus: '1.5', memory: 1024 ** 3, pids: null });
  assert.equal(r.reservations!.memory, 512 * 1024 ** 2);
  assert.deepEqual(refused('    deploy:\n      resources:\n        limits: {memory: lots}\n'), [['INVALID_VALUE', ['services', 'web', 'deploy', 'resources', 'limits', 'memory']]]);
});

test('an image reference outside the grammar is INVALID_VALUE at image', () => {
  assert.deepEqual(problemsOf(() => loadCompose('services:\n  web:\n    image: "Nginx:latest"\n', {})), [['INVALID_VALUE', ['services', 'web', 'image']]]);
});

test('service networks: a list, a map with aliases and addresses, null entries', () => {
  const top = 'networks:\n  front: {}\n  back: {}\n';
  assert.deepEqual(loadCompose(`services:\n  web:\n    image: nginx\n    networks: [front, back]\n${top}`, {}).file.services.web!.networks, {
    front: { aliases: [], ipv4_address: null, ipv6_address: null },
    back: { aliases: [], ipv4_address: null, ipv6_address: null },
  });
  assert.deepEqual(loadCompose(`services:\n  web:\n    image: nginx\n    networks:\n      front:\n        aliases: [www]\n        ipv4_address: 10.0.0.5\n      back:\n${top}`, {}).file.services.web!.networks, {
    front: { aliases: ['www'], ipv4_address: '10.0.0.5', ipv6_address: null },
    back: { aliases: [], ipv4_address: null, ipv6_address: null },
  });
});
