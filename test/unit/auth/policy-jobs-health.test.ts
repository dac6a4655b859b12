// The policy on the spec fields of job modes, health checks and command/args updates: all of
// them classified (a job's restart policy, the health check), so a guarded caller's job with
// a health check passes, and the rules still hold around them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guardrailsSchema } from '../../../src/config/access-config.ts';
import { evaluatePolicy, POLICY_BY_PATH, withWorkerConstraint, type PolicyContext } from '../../../src/auth/policy/index.ts';
import { checkServiceCreateOptions, toServiceSpec } from '../../../src/docker/mapping/service-spec.ts';
import { applyServiceUpdate, checkServiceUpdateOptions } from '../../../src/docker/mapping/service-update.ts';
import { serviceCreateOptions, serviceUpdateOptions } from '../../../src/graphql/services/service-options.ts';
import type { ServiceCreateInput } from '../../../src/generated/graphql.ts';

const settings = guardrailsSchema.parse({});
const ctx: PolicyContext = { settings, facts: { network: () => null, nodes: [] } };
const NO_NETWORKS = new Map<string, string>();
const specFor = (input: ServiceCreateInput) => withWorkerConstraint(toServiceSpec(checkServiceCreateOptions(serviceCreateOptions(input)), NO_NETWORKS), settings);
const rules = (spec: object) => evaluatePolicy(spec, ctx).map((f) => `${f.rule} @ ${f.path.join('.')}`);

const job: ServiceCreateInput = {
  name: 'j',
  image: 'sg-busybox:latest',
  mode: 'REPLICATED_JOB',
  totalCompletions: 2,
  maxConcurrent: 1,
  healthcheck: { test: ['CMD-SHELL', 'true'], interval: '1s', timeout: '1s', startPeriod: '1s', retries: 1 },
};

test('a guarded job with a health check passes: Mode, RestartPolicy and Healthcheck are classified', () => {
  const spec = specFor(job);
  assert.deepEqual(spec.TaskTemplate.RestartPolicy, { Condition: 'on-failure' });
  assert.deepEqual(rules(spec), []);
  assert.deepEqual(rules(specFor({ name: 'g', image: 'x', mode: 'GLOBAL_JOB', noHealthcheck: true })), []);
});

test('a new command, args and health check on update pass; the rules still hold beside them', () => {
  const next = applyServiceUpdate(specFor(job), checkServiceUpdateOptions(serviceUpdateOptions({ id: 'j', command: ['sh', '-c', 'exit 1'], args: ['x'], healthcheck: { test: ['CMD', 'false'] } })), NO_NETWORKS);
  assert.deepEqual(rules(next), []);
  const escaping = specFor({ ...job, mounts: [{ type: 'BIND', source: '/var/run/docker.sock', target: '/s' }] });
  assert.deepEqual(rules(escaping), ['no-docker-socket @ TaskTemplate.ContainerSpec.Mounts.0.Source']);
});

test("the policy table says why a health check is allowed, and names the inputs that set it", () => {
  const row = POLICY_BY_PATH.get('TaskTemplate.ContainerSpec.Healthcheck');
  assert.equal(row?.verdict, 'allowed');
  assert.match(row!.note, /inside the service's own container/);
  assert.deepEqual([row?.create, row?.update], [['healthcheck', 'noHealthcheck'], ['healthcheck', 'noHealthcheck']]);
  assert.deepEqual(POLICY_BY_PATH.get('TaskTemplate.ContainerSpec.Command')?.update, ['command']);
  assert.deepEqual(POLICY_BY_PATH.get('TaskTemplate.ContainerSpec.Args')?.update, ['args']);
});
