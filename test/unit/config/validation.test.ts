import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, parseConfig, rawConfigFromEnv } from '../../../src/config/config.ts';

/** The message parseConfig throws for `raw`. */
function messageOf(raw: unknown): string {
  try {
    parseConfig(raw);
  } catch (err) {
    assert.ok(err instanceof ConfigError, `expected a ConfigError, got ${String(err)}`);
    return err.message;
  }
  assert.fail('expected the configuration to be refused');
}

const cluster = (name: string, url = 'unix:///run/sg/x/docker.sock') => ({ name, managers: [{ url }] });

describe('config validation', () => {
  test('a minimal config gets its defaults; the default cluster is the first one', () => {
    const cfg = parseConfig({ clusters: [cluster('staging'), cluster('prod')] });
    assert.equal(cfg.defaultCluster, 'staging');
    assert.deepEqual(cfg.engines, []);
    assert.equal(cfg.http.port, 4000);
    assert.equal(cfg.engine.timeoutMs, 10_000);
    assert.equal(cfg.production, false);
  });

  test('defaultCluster picks a named cluster', () => {
    assert.equal(parseConfig({ clusters: [cluster('a'), cluster('b')], defaultCluster: 'b' }).defaultCluster, 'b');
  });

  test('no clusters at all', () => {
    assert.match(messageOf({ clusters: [] }), /clusters: .*at least 1|clusters: .*>=1/i);
    assert.match(messageOf({}), /clusters:/);
  });

  test('a cluster without managers', () => {
    assert.match(messageOf({ clusters: [{ name: 'a', managers: [] }] }), /clusters\.0\.managers: a cluster needs at least one manager endpoint/);
  });

  test('an endpoint URL that is not unix:// or tcp://host:port', () => {
    const message = messageOf({ clusters: [cluster('a', 'docker.example:2376')] });
    assert.match(message, /clusters\.0\.managers\.0\.url: must be unix:\/\/\/path\/to\/docker\.sock or tcp:\/\/host:port/);
    assert.match(messageOf({ clusters: [cluster('a', 'tcp://host')] }), /must be unix/);
  });

  test('TLS needs all three files', () => {
    const message = messageOf({ clusters: [{ name: 'a', managers: [{ url: 'tcp://10.0.0.1:2376', tls: { ca: 'ca.pem' } }] }] });
    assert.match(message, /clusters\.0\.managers\.0\.tls\.cert/);
    assert.match(message, /clusters\.0\.managers\.0\.tls\.key/);
  });

  test('a bad cluster name', () => {
    assert.match(messageOf({ clusters: [cluster('-bad')] }), /clusters\.0\.name: names are 1-63 letters, digits/);
  });

  test('duplicate clusters and engines, and references to unknown clusters', () => {
    const message = messageOf({
      clusters: [cluster('a'), cluster('a')],
      engines: [
        { name: 'e1', endpoint: { url: 'unix:///e1.sock' }, cluster: 'nope' },
        { name: 'e1', endpoint: { url: 'unix:///e2.sock' } },
      ],
      defaultCluster: 'zzz',
    });
    assert.match(message, /clusters\.1\.name: duplicate cluster "a"/);
    assert.match(message, /engines\.1\.name: duplicate engine "e1"/);
    assert.match(message, /engines\.0\.cluster: "nope" is not a configured cluster/);
    assert.match(message, /defaultCluster: "zzz" is not a configured cluster/);
  });

  test('unknown settings are refused rather than ignored', () => {
    assert.match(messageOf({ clusters: [cluster('a')], clsuters: [] }), /clsuters|unrecognized/i);
    assert.match(messageOf({ clusters: [{ ...cluster('a'), manager: [] }] }), /clusters\.0/);
  });

  test('an engine timeout out of range', () => {
    assert.match(messageOf({ clusters: [cluster('a')], engine: { timeoutMs: 5 } }), /engine\.timeoutMs/);
  });

  test('every problem is reported at once, one line each', () => {
    const message = messageOf({ clusters: [cluster('-x', 'nope')], http: { port: 70000 } });
    assert.match(message, /^invalid configuration:\n/);
    assert.ok(message.split('\n').length >= 4, message);
  });

  describe('from the environment', () => {
    test('without GATEWAY_CONFIG: one cluster "default" at DOCKER_HOST, with TLS files from DOCKER_CERT_PATH', () => {
      const cfg = parseConfig(rawConfigFromEnv({ DOCKER_HOST: 'tcp://10.1.2.3:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs', PORT: '8080' }));
      assert.equal(cfg.defaultCluster, 'default');
      assert.deepEqual(cfg.clusters[0]!.managers, [{ url: 'tcp://10.1.2.3:2376', tls: { ca: '/certs/ca.pem', cert: '/certs/cert.pem', key: '/certs/key.pem' } }]);
      assert.equal(cfg.http.port, 8080);
    });

    test('the watched state is on by default; ENGINE_WATCH=off turns it off; a word that is not on/off is refused by name', () => {
      assert.deepEqual(loadConfig({}).engine.watch, { enabled: true, resyncMs: 30_000, taskMaxAgeMs: 1_000 });
      assert.equal(loadConfig({ ENGINE_WATCH: 'off' }).engine.watch.enabled, false);
      assert.equal(loadConfig({ ENGINE_WATCH: 'on' }).engine.watch.enabled, true);
      assert.throws(() => loadConfig({ ENGINE_WATCH: 'sometimes' }), (err: unknown) => err instanceof ConfigError && /engine\.watch\.enabled/.test(err.message));
      assert.match(messageOf({ clusters: [cluster('a')], engine: { watch: { taskMaxAgeMs: 5 } } }), /engine\.watch\.taskMaxAgeMs/);
    });

    test('GATEWAY_CONFIG that cannot be read or parsed names the file', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'sg-config-'));
      try {
        assert.throws(() => loadConfig({ GATEWAY_CONFIG: path.join(dir, 'absent.json') }), (err: unknown) => err instanceof ConfigError && /GATEWAY_CONFIG: cannot read .*absent\.json/.test(err.message));
        const bad = path.join(dir, 'bad.json');
        writeFileSync(bad, '{ clusters: ');
        assert.throws(() => loadConfig({ GATEWAY_CONFIG: bad }), (err: unknown) => err instanceof ConfigError && /bad\.json is not valid JSON/.test(err.message));
        const good = path.join(dir, 'good.json');
        writeFileSync(good, JSON.stringify({ clusters: [cluster('b')], http: { port: 5000 } }));
        const cfg = loadConfig({ GATEWAY_CONFIG: good, PORT: '6000', ENGINE_TIMEOUT_MS: '2000' });
        assert.equal(cfg.http.port, 6000);
        assert.equal(cfg.engine.timeoutMs, 2000);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
