// The gateway serves requests through the EngineRegistry it is given, the same one the
// process hands to the audit log, so the managers' failover state (breakers, probes) is one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { parseConfig } from '../../../src/config/config.ts';
import { EngineRegistry } from '../../../src/docker/registry.ts';
import { createGateway } from '../../../src/http/app.ts';

test('createGateway uses the registry it is given and builds none of its own', async () => {
  const config = parseConfig({ clusters: [{ name: 'a', managers: [{ url: 'unix:///nowhere/docker.sock' }] }], logLevel: 'silent' });
  const registry = new EngineRegistry(config);
  const gateway = await createGateway(config, { logger: pino({ level: 'silent' }), registry });
  try {
    assert.equal(gateway.registry, registry);
  } finally {
    await gateway.stop();
  }
});
