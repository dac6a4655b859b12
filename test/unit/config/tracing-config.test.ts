// Config section `tracing`: off unless an OTLP endpoint is set; OpenTelemetry's own variable
// names override the file; a bad endpoint is refused by name. The sampler: `sampleRatio` (0..1,
// default 1) and `parentBased` (default true), or OTEL_TRACES_SAMPLER/OTEL_TRACES_SAMPLER_ARG.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError, loadConfig, parseConfig } from '../../../src/config/config.ts';

const base = { clusters: [{ name: 'c1', managers: [{ url: 'unix:///var/run/docker.sock' }] }] };

describe('config tracing', () => {
  test('off by default, with the default service name', () => {
    const { tracing } = parseConfig(base);
    assert.equal(tracing.otlpEndpoint, undefined);
    assert.equal(tracing.serviceName, 'swarm-gateway');
    assert.deepEqual(tracing.headers, {});
    assert.equal(tracing.sampleRatio, 1);
    assert.equal(tracing.parentBased, true);
  });

  test('sampleRatio from 0 to 1 is taken; anything else is refused naming tracing.sampleRatio', () => {
    for (const sampleRatio of [0, 0.25, 1]) assert.equal(parseConfig({ ...base, tracing: { sampleRatio } }).tracing.sampleRatio, sampleRatio);
    for (const sampleRatio of [-0.1, 1.5, '0.5', null, Number.NaN]) {
      assert.throws(() => parseConfig({ ...base, tracing: { sampleRatio } }), (e) => e instanceof ConfigError && /tracing\.sampleRatio: must be a number from 0 to 1/.test(e.message), String(sampleRatio));
    }
    assert.throws(() => parseConfig({ ...base, tracing: { parentBased: 'yes' } }), (e) => e instanceof ConfigError && /tracing\.parentBased/.test(e.message));
  });

  test('OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG set the ratio and whether a parent decides, over the file', () => {
    const fromEnv = (env: Record<string, string>) => {
      const { sampleRatio, parentBased } = loadConfig(env).tracing;
      return { sampleRatio, parentBased };
    };
    assert.deepEqual(fromEnv({ OTEL_TRACES_SAMPLER: 'always_on' }), { sampleRatio: 1, parentBased: false });
    assert.deepEqual(fromEnv({ OTEL_TRACES_SAMPLER: 'always_off' }), { sampleRatio: 0, parentBased: false });
    assert.deepEqual(fromEnv({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }), { sampleRatio: 0.25, parentBased: false });
    assert.deepEqual(fromEnv({ OTEL_TRACES_SAMPLER: 'parentbased_always_on' }), { sampleRatio: 1, parentBased: true });
    assert.deepEqual(fromEnv({ OTEL_TRACES_SAMPLER: 'parentbased_always_off' }), { sampleRatio: 0, parentBased: true });
    assert.deepEqual(fromEnv({ OTEL_TRACES_SAMPLER: ' ParentBased_TraceIdRatio ', OTEL_TRACES_SAMPLER_ARG: '0.5' }), { sampleRatio: 0.5, parentBased: true });
    // The specification's default argument of a ratio sampler is 1; the argument of another sampler is not read.
    assert.deepEqual(fromEnv({ OTEL_TRACES_SAMPLER: 'traceidratio' }), { sampleRatio: 1, parentBased: false });
    assert.deepEqual(fromEnv({ OTEL_TRACES_SAMPLER: 'always_on', OTEL_TRACES_SAMPLER_ARG: 'x' }), { sampleRatio: 1, parentBased: false });
    // Without OTEL_TRACES_SAMPLER the argument alone changes nothing (as the specification says).
    assert.deepEqual(fromEnv({ OTEL_TRACES_SAMPLER_ARG: '0.1' }), { sampleRatio: 1, parentBased: true });
  });

  test('an unsupported OTEL_TRACES_SAMPLER or a ratio argument out of 0..1 is refused naming the variable', () => {
    for (const sampler of ['jaeger_remote', 'xray', 'sometimes']) {
      assert.throws(() => loadConfig({ OTEL_TRACES_SAMPLER: sampler }), (e) => e instanceof ConfigError && /OTEL_TRACES_SAMPLER: .*parentbased_traceidratio/.test(e.message), sampler);
    }
    for (const arg of ['1.5', '-1', 'half', '']) {
      assert.throws(() => loadConfig({ OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: arg }), (e) => e instanceof ConfigError && /OTEL_TRACES_SAMPLER_ARG: must be a number from 0 to 1/.test(e.message), arg);
    }
  });

  test('OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME set the endpoint and the service name', () => {
    const { tracing } = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'gateway-eu' });
    assert.equal(tracing.otlpEndpoint, 'http://collector:4318');
    assert.equal(tracing.serviceName, 'gateway-eu');
    assert.equal(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' }).tracing.otlpEndpoint, undefined);
  });

  test('an endpoint that is not an http(s) URL, or an unknown key, is refused naming it', () => {
    for (const otlpEndpoint of ['collector:4318', 'grpc://collector:4317', '']) {
      assert.throws(() => parseConfig({ ...base, tracing: { otlpEndpoint } }), (e) => e instanceof ConfigError && /tracing\.otlpEndpoint/.test(e.message), otlpEndpoint);
    }
    assert.throws(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }), (e) => e instanceof ConfigError && /tracing\.otlpEndpoint/.test(e.message));
    assert.throws(() => parseConfig({ ...base, tracing: { sampler: 'always' } }), (e) => e instanceof ConfigError && /tracing/.test(e.message));
  });
});
