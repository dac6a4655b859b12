// The gateway process: read config, build the app, listen, stop gracefully on SIGTERM/SIGINT.
import pino from 'pino';
import { ConfigError, loadConfig } from './config/config.ts';
import { createGateway } from './http/app.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`swarm-gateway: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = pino({ level: config.logLevel, redact: ['req.headers.authorization'] });
  const gateway = await createGateway(config, { logger });
  await new Promise<void>((resolve, reject) => {
    gateway.httpServer.once('error', reject);
    gateway.httpServer.listen(config.http.port, config.http.host, resolve);
  });
  const address = gateway.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.http.port;
  logger.info({ port, clusters: gateway.registry.clusterNames(), production: config.production }, `swarm gateway listening on http://${config.http.host}:${port}/graphql`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing requests in flight');
    const force = setTimeout(() => {
      logger.error('requests did not finish within 25 s; exiting');
      process.exit(1);
    }, 25_000);
    force.unref();
    gateway.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`swarm-gateway: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
