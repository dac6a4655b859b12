// The gateway as production runs it: `node dist/main.js` from the build, with
// NODE_ENV=production (as README says to run it; graphql-js also drops its development-mode
// checks then), configured through GATEWAY_CONFIG and the environment (its database: DATABASE_URL for PostgreSQL, or
// GATEWAY_DATA_DIR for embedded PGlite), on a loopback port chosen here. Its API tokens are
// made with the built CLI (`dist/cli/tokens.js create`), as an operator makes the first one.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './paths.ts';

const execFileP = promisify(execFile);

export interface DistGateway {
  name: string;
  pid: number;
  url: string;
  /** Resident set size of the process now, in bytes (from /proc). */
  rss(): number;
  /** CPU seconds the process has used so far, user + system (from /proc). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Where a dist gateway keeps its database: a PostgreSQL URL, or a PGlite data directory. */
export type DatabaseEnv = { DATABASE_URL: string } | { GATEWAY_DATA_DIR: string };

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function writeConfig(dir: string, name: string, config: object): string {
  const file = path.join(dir, `${name}.config.json`);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

/** Creates an admin API token with the built CLI and returns `Bearer sgw_...`. */
export async function createApiToken(configFile: string, db: DatabaseEnv): Promise<string> {
  const { stdout } = await execFileP(process.execPath, [path.join(ROOT, 'dist/cli/tokens.js'), 'create', '--name', 'bench', '--grant', 'admin'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', GATEWAY_CONFIG: configFile, ...db },
    timeout: 120_000,
  });
  const token = stdout.trim().split('\n').pop()!.trim();
  if (!token.startsWith('sgw_')) throw new Error(`token:create printed no token: ${stdout.slice(0, 200)}`);
  return `Bearer ${token}`;
}

export function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
  return kb * 1024;
}

/** utime + stime of a process, in seconds (fields 14 and 15 of /proc/PID/stat, in clock ticks of 1/100 s). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export async function startDistGateway(name: string, configFile: string, db: DatabaseEnv, extraEnv: Record<string, string> = {}): Promise<DistGateway> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist/main.js')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', GATEWAY_CONFIG: configFile, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', ...db, ...extraEnv },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = once(child, 'exit');
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`gateway ${name} exited at start (${child.exitCode ?? child.signalCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`gateway ${name} did not answer /healthz within 120 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    pid: child.pid!,
    url: `${url}/graphql`,
    rss: () => rssOf(child.pid!),
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(force);
    },
  };
}
