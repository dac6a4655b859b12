// Test support: real Docker swarms and engines on this machine, via scripts/swarm.sh.
// Every node is a dockerd in its own network namespace (see scripts/README.md).
// Needs root. Only node built-ins are used.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type SwarmNode = {
  k: number;
  hostname: string;
  role: 'manager' | 'worker' | 'none';
  addr: string;
  socket: string;
  host: string;
  netns: string;
  /** dockerd's pidfile and log (always present in the script's JSON). */
  pidfile?: string;
  log?: string;
};

export type SwarmState = {
  name: string;
  index: number;
  bridge: string;
  gatewayAddr: string;
  kind: 'swarm' | 'engine';
  nodes: SwarmNode[];
};

export type RunResult = { stdout: string; stderr: string; code: number };

const here = path.dirname(fileURLToPath(import.meta.url));
/** Absolute path of scripts/swarm.sh (located relative to this file). */
export const SWARM_SCRIPT = path.resolve(here, '../../scripts/swarm.sh');

/** Engine API version the tests speak (Debian's docker.io 20.10). */
export const DOCKER_API_VERSION = '1.41';

const UP_TIMEOUT_MS = 5 * 60_000;
const DOWN_TIMEOUT_MS = 3 * 60_000;
const NODE_TIMEOUT_MS = 2 * 60_000;
const CLI_TIMEOUT_MS = 2 * 60_000;

function tail(text: string, lines: number): string {
  const all = text.trimEnd().split('\n');
  return all.slice(Math.max(0, all.length - lines)).join('\n');
}

/** Runs a command; never rejects on a non-zero exit (code -1: could not start, or killed by timeout/signal). */
function run(
  cmd: string,
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; timeoutMs: number; input?: string | Buffer },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    let timedOut = false;
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }, opts.timeoutMs);
    const finish = (code: number, extra = '') => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      let stderr = Buffer.concat(err).toString('utf8');
      if (extra) stderr += (stderr && !stderr.endsWith('\n') ? '\n' : '') + extra;
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr, code });
    };
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => finish(-1, `${cmd}: ${e.message}`));
    child.on('close', (code, signal) => {
      if (timedOut) finish(-1, `${cmd}: timed out after ${opts.timeoutMs} ms`);
      else if (code === null) finish(-1, `${cmd}: killed by ${signal}`);
      else finish(code);
    });
    child.stdin.on('error', () => {}); // the command may exit without reading its input
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs scripts/swarm.sh; throws with the tail of its stderr when it fails. */
async function script(args: string[], timeoutMs: number): Promise<string> {
  const r = await run('bash', [SWARM_SCRIPT, ...args], { timeoutMs });
  if (r.code !== 0) {
    throw new Error(
      `scripts/swarm.sh ${args.join(' ')} failed (exit ${r.code}):\n${tail(r.stderr, 40)}`,
    );
  }
  return r.stdout;
}

function parseState(stdout: string, what: string): SwarmState {
  try {
    return JSON.parse(stdout) as SwarmState;
  } catch {
    throw new Error(`scripts/swarm.sh ${what}: output is not state JSON:\n${tail(stdout, 20)}`);
  }
}

/** Starts swarm `name`: `managers` managers in total (default 1) and `workers` workers (default 0). */
export async function swarmUp(
  name: string,
  opts: { workers?: number; managers?: number; index?: number } = {},
): Promise<SwarmState> {
  const args = ['up', name];
  if (opts.workers !== undefined) args.push('--workers', String(opts.workers));
  if (opts.managers !== undefined) args.push('--managers', String(opts.managers));
  if (opts.index !== undefined) args.push('--index', String(opts.index));
  return parseState(await script(args, UP_TIMEOUT_MS), `up ${name}`);
}

/**
 * Starts one plain engine (no swarm) with its own bridge, or, with `attachTo`, on the bridge of
 * the running swarm `attachTo` so that it can later `docker swarm join` it.
 */
export async function engineUp(
  name: string,
  opts: { attachTo?: string; index?: number } = {},
): Promise<SwarmState> {
  const args = ['engine', name];
  if (opts.attachTo !== undefined) args.push('--attach', opts.attachTo);
  if (opts.index !== undefined) args.push('--index', String(opts.index));
  return parseState(await script(args, UP_TIMEOUT_MS), `engine ${name}`);
}

/** Adds one node to the running swarm `name`; resolves to the new state (the new node is last). */
export async function addNode(name: string, role: 'worker' | 'manager'): Promise<SwarmState> {
  return parseState(await script(['add-node', name, '--role', role], UP_TIMEOUT_MS), `add-node ${name}`);
}

/**
 * Stops node k's dockerd (its data, netns and state are kept). A clean stop waits for each
 * running container's stop timeout (10 s for busybox sh/sleep/httpd); `kill: true` SIGKILLs the
 * node's containers first.
 */
export async function stopNode(name: string, k: number, opts: { kill?: boolean } = {}): Promise<void> {
  await script(['stop-node', name, String(k), ...(opts.kill ? ['--kill'] : [])], NODE_TIMEOUT_MS);
}

/** Starts node k's dockerd again with the same data dir. */
export async function startNode(name: string, k: number): Promise<void> {
  await script(['start-node', name, String(k)], NODE_TIMEOUT_MS);
}

/** The recorded state of `name` (throws if it is not up). */
export async function swarmInfo(name: string): Promise<SwarmState> {
  return parseState(await script(['info', name], NODE_TIMEOUT_MS), `info ${name}`);
}

/** Stops and removes everything of `name`. Resolves also when `name` is not up (idempotent). */
export async function swarmDown(name: string): Promise<void> {
  await script(['down', name, '--if-exists'], DOWN_TIMEOUT_MS);
}

/** Environment for a docker CLI talking to one node (never the machine's default socket). */
export function dockerEnv(node: Pick<SwarmNode, 'host'>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DOCKER_CONTEXT;
  delete env.DOCKER_TLS_VERIFY;
  delete env.DOCKER_CERT_PATH;
  env.DOCKER_HOST = node.host;
  env.DOCKER_API_VERSION = DOCKER_API_VERSION;
  return env;
}

/**
 * Runs the docker CLI (`docker` from PATH, or $SG_DOCKER_CLI) against one node.
 * Never rejects on a non-zero exit: check `code`.
 */
export function dockerCli(
  node: Pick<SwarmNode, 'host'>,
  args: string[],
  opts: { input?: string | Buffer; timeoutMs?: number } = {},
): Promise<RunResult> {
  return run(process.env.SG_DOCKER_CLI || 'docker', args, {
    env: dockerEnv(node),
    input: opts.input,
    timeoutMs: opts.timeoutMs ?? CLI_TIMEOUT_MS,
  });
}

/** Runs the docker CLI against one node and returns its stdout; throws with stderr when it fails. */
export async function dockerOk(node: Pick<SwarmNode, 'host'>, args: string[]): Promise<string> {
  const r = await dockerCli(node, args);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} exited ${r.code}: ${r.stderr.trim()}`);
  return r.stdout;
}

/**
 * Runs a short command inside a node's network namespace (`ip netns exec`), e.g. curl or nc
 * against the node's published ports. Never rejects on a non-zero exit: check `code`.
 */
export function inNetns(
  node: Pick<SwarmNode, 'netns'>,
  cmd: string[],
  opts: { input?: string | Buffer; timeoutMs?: number } = {},
): Promise<RunResult> {
  return run('ip', ['netns', 'exec', node.netns, ...cmd], {
    input: opts.input,
    timeoutMs: opts.timeoutMs ?? CLI_TIMEOUT_MS,
  });
}
