// The machine the figures were taken on: cores, RAM, OS, node and docker versions, date.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { readFileSync } from 'node:fs';

function osName(): string {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release)?.[1];
    if (pretty) return `${pretty}, kernel ${os.release()}`;
  } catch {
    // not Linux with os-release: fall through
  }
  return `${os.type()} ${os.release()}`;
}

function version(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not found';
  }
}

/** The commit measured, `+ changes` when the working tree differs from it. */
function commit(root: string): string {
  const head = version('git', ['-C', root, 'rev-parse', '--short', 'HEAD']);
  if (head === 'not found') return 'not a git checkout';
  return version('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no']) ? `${head} + uncommitted changes` : head;
}

export function describeMachine(root: string): string[] {
  const cpus = os.cpus();
  return [
    `date:    ${new Date().toISOString()}`,
    `cores:   ${cpus.length} x ${cpus[0]?.model.trim() ?? 'unknown'}`,
    `RAM:     ${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    `OS:      ${osName()}`,
    `node:    ${process.version}`,
    `docker:  ${version('docker', ['--version'])}; dockerd ${version('dockerd', ['--version'])}`,
    `commit:  ${commit(root)}`,
    `load:    ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (1/5/15 min, at start)`,
  ];
}
