// Test support: the gateway as a real process, started as `npm start` starts it (the same
// start function, from gateway-entry.ts, which also takes the test-only hooks):
// configured through GATEWAY_CONFIG and the environment, listening on
// a free loopback port, its JSON log lines kept so a test can wait for one. Used where a
// test must kill the process or run several against one database.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { GatewayConfig } from '../../src/config/config.ts';
import { testAdminAuthorization, withTestIdentity } from './gateway.ts';

const ENTRY = new URL('./gateway-entry.ts', import.meta.url).pathname;

export interface GatewayProcess {
  child: ChildProcess;
  port: number;
  /** Log lines so far (pino JSON, parsed; other lines as `{ msg }`). */
  logs: Record<string, unknown>[];
  /** Resolves with the first log line whose `msg` matches, waiting for it. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** SIGKILL, and wait for the exit. */
  kill(): Promise<void>;
  /** SIGTERM (SIGKILL after 30 s), and wait for the exit; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export interface SpawnOptions {
  startTimeoutMs?: number;
  /** Told each log line as it comes, also those before the process listens (a start-up wait). */
  onLog?: (line: Record<string, unknown>) => void;
}

export async function spawnGateway(config: GatewayConfig, env: Record<string, string>, opts: SpawnOptions = {}): Promise<GatewayProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sg-gw-'));
  const configPath = path.join(dir, 'config.json');
  // The test identity provider is trusted and every request is an admin's.
  writeFileSync(configPath, JSON.stringify({ ...withTestIdentity(config), logLevel: 'info' }));
  const adminAuthorization = await testAdminAuthorization();
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, GATEWAY_CONFIG: configPath, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  void exited.finally(() => rmSync(dir, { recursive: true, force: true }));
  const logs: Record<string, unknown>[] = [];
  const waiters: { pattern: RegExp; resolve: (line: Record<string, unknown>) => void }[] = [];
  let stderr = '';
  let buffered = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout!.on('data', (d: Buffer) => {
    buffered += d.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const text of lines) {
      if (!text.trim()) continue;
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(text);
      } catch {
        line = { msg: text };
      }
      logs.push(line);
      opts.onLog?.(line);
      for (const w of [...waiters]) {
        if (w.pattern.test(String(line.msg))) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  const waitForLog = (pattern: RegExp, timeoutMs = 60_000) => {
    const seen = logs.find((l) => pattern.test(String(l.msg)));
    if (seen) return Promise.resolve(seen);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`gateway process: no log line ${pattern} within ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`)), timeoutMs);
      waiters.push({ pattern, resolve: (l) => { clearTimeout(timer); resolve(l); } });
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`gateway process exited (${code}) before logging ${pattern}; stderr: ${stderr.slice(-2000)}; last log: ${JSON.stringify(logs.slice(-5))}`));
      });
    });
  };
  let listening: Record<string, unknown>;
  try {
    listening = await waitForLog(/swarm gateway listening/, opts.startTimeoutMs ?? 120_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const port = Number(listening.port);
  return {
    child,
    port,
    logs,
    waitForLog,
    async gql(query, variables) {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: adminAuthorization }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as never;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
      const code = await exited;
      clearTimeout(force);
      return code;
    },
  };
}
