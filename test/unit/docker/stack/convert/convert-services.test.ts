// Services of the parity fixtures (test/e2e/stacks/fixtures) as hand-built normalized files,
// against the ServiceSpec docker/cli's convert.Service builds; each expectation names the CLI
// function that decides it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertStack } from '../../../../../src/docker/stack/convert/index.ts';
import type { ComposeService } from '../../../../../src/docker/stack/compose-file.ts';
import { InvalidOptionsError } from '../../../../../src/errors/gateway-error.ts';
import { composeFile, network, NS, SEC, service } from './compose-builders.ts';

const KEEP_RUNNING = ['sh', '-c', "trap 'exit 0' TERM; while true; do sleep 1; done"];
const IMAGE_LABELS = { ...NS, 'com.docker.stack.image': 'sg-busybox:latest' };

function specOf(svc: ComposeService, over: Parameters<typeof composeFile>[0] = {}) {
  const { resources } = convertStack('s1', composeFile({ services: { svc }, ...over }));
  return resources.services[0]!.spec;
}

/** What every stack service carries when its file says nothing more (convert.Service). */
function baseSpec(key: string) {
  return {
    Name: `s1_${key}`,
    Labels: IMAGE_LABELS,
    TaskTemplate: {
      ContainerSpec: { Image: 'sg-busybox:latest', Labels: { ...NS }, Args: KEEP_RUNNING, Privileges: {} },
      Resources: {},
      Placement: {},
      Networks: [{ Target: 's1_default', Aliases: [key] }],
      ForceUpdate: 0,
    },
    Mode: { Replicated: {} },
    EndpointSpec: {},
  };
}

test("the overlay guide's nginx example: replicas, an ingress port, a named overlay (convert.Service, convertEndpointSpec, convertServiceNetworks)", () => {
  const file = composeFile({
    services: {
      'my-nginx': service({
        command: KEEP_RUNNING,
        deploy: { replicas: 2 },
        ports: [{ target: 80, published: 8080, protocol: 'tcp', mode: 'ingress' }],
        networks: { 'nginx-net': { aliases: [], ipv4_address: null, ipv6_address: null } },
      }),
    },
    networks: { 'nginx-net': network({ driver: 'overlay' }) },
  });
  const { resources, warnings } = convertStack('s1', file);
  assert.deepEqual(warnings, []);
  assert.deepEqual(resources.services, [
    {
      key: 'my-nginx',
      name: 's1_my-nginx',
      spec: {
        ...baseSpec('my-nginx'),
        TaskTemplate: { ...baseSpec('my-nginx').TaskTemplate, Networks: [{ Target: 's1_nginx-net', Aliases: ['my-nginx'] }] },
        Mode: { Replicated: { Replicas: 2 } },
        EndpointSpec: { Ports: [{ Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress' }] },
      },
    },
  ]);
  assert.deepEqual(resources.networks.map((n) => [n.name, n.create?.Driver]), [['s1_nginx-net', 'overlay']]);
});

test('dnsrr: EndpointSpec.Mode, and the file alias before the service key (convertEndpointSpec, convertServiceNetworks)', () => {
  const spec = specOf(
    service({ command: KEEP_RUNNING, deploy: { endpoint_mode: 'dnsrr', replicas: 1 }, networks: { 'test-net': { aliases: ['frontend'], ipv4_address: null, ipv6_address: null } } }),
    { networks: { 'test-net': network() } },
  );
  assert.deepEqual(spec.EndpointSpec, { Mode: 'dnsrr' });
  assert.deepEqual(spec.TaskTemplate.Networks, [{ Target: 's1_test-net', Aliases: ['frontend', 'svc'] }]);
});

test('host-mode ports of a global service, sorted by published port (convertEndpointSpec, swarm.PortConfig.Compare; convertDeployMode)', () => {
  const spec = specOf(service({
    command: KEEP_RUNNING,
    deploy: { mode: 'global' },
    ports: [
      { target: 80, published: 8081, protocol: 'tcp', mode: 'host' },
      { target: 53, published: 8053, protocol: 'udp', mode: 'host' },
      { target: 81, published: 8082, protocol: 'tcp', mode: 'ingress' },
      { target: 9000, published: null, protocol: 'tcp', mode: 'ingress' },
    ],
  }));
  assert.deepEqual(spec.Mode, { Global: {} });
  assert.deepEqual(spec.EndpointSpec, {
    Ports: [
      { Protocol: 'tcp', TargetPort: 9000, PublishMode: 'ingress' },
      { Protocol: 'udp', TargetPort: 53, PublishedPort: 8053, PublishMode: 'host' },
      { Protocol: 'tcp', TargetPort: 80, PublishedPort: 8081, PublishMode: 'host' },
      { Protocol: 'tcp', TargetPort: 81, PublishedPort: 8082, PublishMode: 'ingress' },
    ],
  });
});

test('labels, environment, entrypoint/command and container keys (convert.Service, convertEnvironment, convertExtraHosts, convertDNSConfig)', () => {
  const spec = specOf(service({
    entrypoint: ['sh', '-c'],
    command: ['sleep 1'],
    environment: { LEVEL: 'info', GREETING: 'hello', EMPTY: '', UNSET: null },
    labels: { 'com.example.container': 'yes' },
    hostname: 'tool-host',
    working_dir: '/tmp',
    user: '1000:1000',
    stop_grace_period: 5 * SEC,
    stop_signal: 'SIGINT',
    tty: true,
    stdin_open: true,
    read_only: true,
    init: false,
    extra_hosts: ['db:10.0.0.5', 'v6host:::1', 'broken'],
    dns: ['8.8.8.8', '2001:DB8:0:0::1'],
    dns_search: ['example.com'],
    dns_opt: ['ndots:2'],
    cap_add: ['net_admin', 'SYS_TIME'],
    cap_drop: ['NET_ADMIN', 'mknod'],
    sysctls: { 'net.core.somaxconn': '1024' },
    ulimits: { nproc: { soft: 65535, hard: 65535 }, nofile: { soft: 20000, hard: 40000 } },
    isolation: 'default',
    logging: { driver: 'json-file', options: { 'max-size': '10m' } },
    deploy: { replicas: 1, labels: { 'com.example.service': 'tool', owner: 'platform' } },
  }));
  assert.deepEqual(spec.Labels, { ...IMAGE_LABELS, 'com.example.service': 'tool', owner: 'platform' });
  assert.deepEqual(spec.TaskTemplate.ContainerSpec, {
    Image: 'sg-busybox:latest',
    Labels: { ...NS, 'com.example.container': 'yes' },
    Command: ['sh', '-c'],
    Args: ['sleep 1'],
    Hostname: 'tool-host',
    // sort.Strings; a variable without a value is its bare name.
    Env: ['EMPTY=', 'GREETING=hello', 'LEVEL=info', 'UNSET'],
    Dir: '/tmp',
    User: '1000:1000',
    Privileges: {},
    Init: false,
    StopSignal: 'SIGINT',
    TTY: true,
    OpenStdin: true,
    ReadOnly: true,
    StopGracePeriod: 5 * SEC,
    // "IP host", split at the first ":"; an entry without ":" dropped.
    Hosts: ['10.0.0.5 db', '::1 v6host'],
    // As written (the docker 28 CLI sends them so); dns_opt not converted.
    DNSConfig: { Nameservers: ['8.8.8.8', '2001:DB8:0:0::1'], Search: ['example.com'] },
    Isolation: 'default',
    Sysctls: { 'net.core.somaxconn': '1024' },
    // opts.EffectiveCapAddCapDrop: an added capability is not dropped.
    CapabilityAdd: ['CAP_NET_ADMIN', 'CAP_SYS_TIME'],
    CapabilityDrop: ['CAP_MKNOD'],
    // convertUlimits: sorted by name.
    Ulimits: [{ Name: 'nofile', Soft: 20000, Hard: 40000 }, { Name: 'nproc', Soft: 65535, Hard: 65535 }],
  });
  assert.deepEqual(spec.TaskTemplate.LogDriver, { Name: 'json-file', Options: { 'max-size': '10m' } });
  assert.deepEqual(spec.Mode, { Replicated: { Replicas: 1 } });
});

test('update_config, rollback_config and restart_policy with every key, and with none but one (convertUpdateConfig, convertRestartPolicy)', () => {
  const spec = specOf(service({
    deploy: {
      update_config: { parallelism: 2, delay: 10 * SEC, failure_action: 'rollback', monitor: 30 * SEC, max_failure_ratio: 0.3, order: 'start-first' },
      rollback_config: { parallelism: null, delay: null, failure_action: null, monitor: null, max_failure_ratio: null, order: null },
      restart_policy: { condition: 'on-failure', delay: 5 * SEC, max_attempts: 3, window: 60 * SEC },
    },
  }));
  assert.deepEqual(spec.UpdateConfig, { Parallelism: 2, Delay: 10 * SEC, FailureAction: 'rollback', Monitor: 30 * SEC, MaxFailureRatio: 0.3, Order: 'start-first' });
  // Parallelism defaults to 1; Go's zero values for the rest (omitempty ones left out).
  assert.deepEqual(spec.RollbackConfig, { Parallelism: 1, MaxFailureRatio: 0, Order: '' });
  assert.deepEqual(spec.TaskTemplate.RestartPolicy, { Condition: 'on-failure', Delay: 5 * SEC, MaxAttempts: 3, Window: 60 * SEC });

  const bare = specOf(service({ deploy: { restart_policy: { condition: null, delay: 0, max_attempts: null, window: null } } }));
  assert.equal(bare.UpdateConfig, undefined);
  assert.equal(bare.RollbackConfig, undefined);
  // ConvertDurationPtr keeps a delay written as 0s.
  assert.deepEqual(bare.TaskTemplate.RestartPolicy, { Delay: 0 });
});

test('placement: constraints, spread preferences, max replicas per node (convert.Service Placement, getPlacementPreference)', () => {
  const spec = specOf(service({
    deploy: { placement: { constraints: ['node.role == manager', 'node.platform.os == linux'], preferences: [{ spread: 'node.labels.zone' }], max_replicas_per_node: 1 } },
  }));
  assert.deepEqual(spec.TaskTemplate.Placement, {
    Constraints: ['node.role == manager', 'node.platform.os == linux'],
    Preferences: [{ Spread: { SpreadDescriptor: 'node.labels.zone' } }],
    MaxReplicas: 1,
  });
});

test('resources: cpus read exactly as opts.ParseCPUs, memory and pids (convertResources)', () => {
  const spec = specOf(service({
    deploy: { resources: { limits: { cpus: '0.5', memory: 64 * 1024 * 1024, pids: 100 }, reservations: { cpus: '0.1', memory: 16 * 1024 * 1024, pids: null } } },
  }));
  assert.deepEqual(spec.TaskTemplate.Resources, {
    Limits: { NanoCPUs: 500_000_000, MemoryBytes: 64 * 1024 * 1024, Pids: 100 },
    Reservations: { NanoCPUs: 100_000_000, MemoryBytes: 16 * 1024 * 1024 },
  });
  // A `limits` key with nothing in it is still sent as an empty Limit.
  assert.deepEqual(specOf(service({ deploy: { resources: { limits: { cpus: null, memory: null, pids: null }, reservations: null } } })).TaskTemplate.Resources, { Limits: {} });
});

test('a health check from a string test, and a disabled one (convertHealthcheck)', () => {
  const checked = specOf(service({ healthcheck: { test: ['CMD-SHELL', 'test -d /'], interval: 30 * SEC, timeout: 5 * SEC, retries: 3, start_period: 10 * SEC, start_interval: null } }));
  assert.deepEqual(checked.TaskTemplate.ContainerSpec!.Healthcheck, { Test: ['CMD-SHELL', 'test -d /'], Interval: 30 * SEC, Timeout: 5 * SEC, Retries: 3, StartPeriod: 10 * SEC });
  const disabled = specOf(service({ healthcheck: { test: ['NONE'], interval: null, timeout: null, retries: null, start_period: null, start_interval: null } }));
  assert.deepEqual(disabled.TaskTemplate.ContainerSpec!.Healthcheck, { Test: ['NONE'] });
  assert.equal(specOf(service()).TaskTemplate.ContainerSpec!.Healthcheck, undefined);
});

test('job modes: a replicated job runs replicas at once and in all; a global job takes no replicas (convertDeployMode)', () => {
  assert.deepEqual(specOf(service({ deploy: { mode: 'replicated-job', replicas: 3 } })).Mode, { ReplicatedJob: { MaxConcurrent: 3, TotalCompletions: 3 } });
  assert.deepEqual(specOf(service({ deploy: { mode: 'replicated-job' } })).Mode, { ReplicatedJob: {} });
  assert.deepEqual(specOf(service({ deploy: { mode: 'global-job' } })).Mode, { GlobalJob: {} });
});

test('every problem of a file is refused at once, each at its compose path (convertDeployMode, opts.ParseCPUs; a nameserver that is no IP address)', () => {
  const file = composeFile({
    services: {
      a: service({ deploy: { mode: 'global', replicas: 2 } }),
      b: service({ dns: ['1.1.1.1', 'resolver.local'], deploy: { resources: { limits: { cpus: '0.0000000001', memory: null, pids: null }, reservations: { cpus: 'lots', memory: null, pids: null } } } }),
    },
  });
  assert.throws(() => convertStack('s1', file), (err: unknown) => {
    assert.ok(err instanceof InvalidOptionsError);
    assert.deepEqual(err.problems.map((p) => [p.code, p.field?.join('.'), p.message]), [
      ['COMPOSE_INVALID', 'services.a.deploy.replicas', 'replicas can only be used with replicated or replicated-job mode'],
      ['COMPOSE_INVALID', 'services.b.dns.1', '"resolver.local" is not an IP address'],
      ['COMPOSE_INVALID', 'services.b.deploy.resources.limits.cpus', 'value is too precise'],
      ['COMPOSE_INVALID', 'services.b.deploy.resources.reservations.cpus', 'failed to parse lots as a rational number'],
    ]);
    return true;
  });
});

test('services come in key order, each named <stack>_<key> (Namespace.Scope)', () => {
  const { resources } = convertStack('s1', composeFile({ services: { zeta: service(), alpha: service() } }));
  assert.deepEqual(resources.services.map((s) => [s.key, s.name, s.spec.Name]), [['alpha', 's1_alpha', 's1_alpha'], ['zeta', 's1_zeta', 's1_zeta']]);
  assert.deepEqual(resources.services[1]!.spec, { ...baseSpec('zeta'), TaskTemplate: { ...baseSpec('zeta').TaskTemplate, ContainerSpec: { Image: 'sg-busybox:latest', Labels: { ...NS }, Privileges: {} } } });
});

test('the legacy restart key when deploy.restart_policy is absent (convertRestartPolicy over opts.ParseRestartPolicy)', () => {
  const policyOf = (restart: string, over: Parameters<typeof service>[0] = {}) => specOf(service({ restart, ...over })).TaskTemplate.RestartPolicy;
  assert.deepEqual(policyOf('always'), { Condition: 'any' });
  assert.deepEqual(policyOf('unless-stopped'), { Condition: 'any' });
  assert.deepEqual(policyOf('on-failure'), { Condition: 'on-failure' });
  assert.deepEqual(policyOf('on-failure:4'), { Condition: 'on-failure', MaxAttempts: 4 });
  assert.equal(policyOf('no'), undefined);
  // deploy.restart_policy wins.
  assert.deepEqual(policyOf('always', { deploy: { restart_policy: { condition: 'none', delay: null, max_attempts: null, window: null } } }), { Condition: 'none' });
  assert.throws(() => specOf(service({ restart: 'sometimes' })), (err: unknown) => {
    assert.ok(err instanceof InvalidOptionsError);
    assert.deepEqual(err.problems.map((p) => [p.field?.join('.'), p.message]), [
      ['services.svc.restart', "invalid restart policy: unknown policy 'sometimes' (must be one of 'no', 'always', 'on-failure', or 'unless-stopped')"],
    ]);
    return true;
  });
  assert.throws(() => specOf(service({ restart: 'on-failure:-1' })), /maximum retry count cannot be negative/);
});
