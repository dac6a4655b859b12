// Config section `tracing`: off unless an OTLP endpoint is set; OpenTelemetry's own variable
// names override the file; a bad endpoint is refused by name.
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
