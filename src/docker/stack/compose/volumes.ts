// Service volumes in their long form. The short syntax is the CLI's (volumespec):
// `[source:]target[:options]`, options a comma list of ro, rw, nocopy and a bind
// propagation (others ignored, as the CLI does); a source starting with `.`, `/` or `~` is a
// bind mount, any other a named volume, none an anonymous volume. A bind's source must be
// an absolute path: a relative one (`./data`, `~/x`) names a place on the caller's disk,
// which the gateway does not have (FILE_REFERENCE); an absolute one is kept for the policy.
import { userError, type UserErrorInit } from '../../../errors/codes.ts';
import type { ComposeMount } from '../compose-file.ts';
import { parseMemoryBytes } from '../../../validate/memory.ts';

const PROPAGATIONS = ['shared', 'slave', 'private', 'rshared', 'rslave', 'rprivate'];

interface LongVolume {
  type: 'volume' | 'bind' | 'tmpfs';
  source?: string;
  target: string;
  read_only?: boolean;
  bind?: { propagation?: string };
  volume?: { nocopy?: boolean };
  tmpfs?: { size?: number | string };
}

export function parseShortVolume(spec: string): LongVolume | string {
  if (spec.length <= 2) return { type: 'volume', target: spec };
  const fields = spec.split(':');
  if (fields.some((f) => f === '')) return `"${spec}" has an empty section between colons`;
  if (fields.length > 3) return `"${spec}" has too many colons`;
  if (fields.length === 1) return { type: 'volume', target: spec };
  const [source, target, opts] = fields as [string, string, string | undefined];
  const volume: LongVolume = { type: /^[./~]/.test(source) ? 'bind' : 'volume', source, target };
  for (const option of opts?.split(',') ?? []) {
    if (option === 'ro') volume.read_only = true;
    else if (option === 'rw') volume.read_only = false;
    else if (option === 'nocopy') volume.volume = { nocopy: true };
    else if (PROPAGATIONS.includes(option)) volume.bind = { propagation: option };
  }
  return volume;
}

export function normalizeVolume(entry: string | LongVolume, path: string[], problems: UserErrorInit[]): ComposeMount | null {
  const long = typeof entry === 'string' ? parseShortVolume(entry) : entry;
  if (typeof long === 'string') {
    problems.push(userError(path, 'COMPOSE_INVALID', `${path.join('.')}: ${long}.`));
    return null;
  }
  const source = long.source === undefined || long.source === '' ? null : long.source;
  if (!long.target.startsWith('/')) {
    problems.push(userError(path, 'COMPOSE_INVALID', `${path.join('.')}: the target "${long.target}" must be an absolute path in the container.`));
    return null;
  }
  if (long.type === 'bind') {
    if (source === null) {
      problems.push(userError(path, 'COMPOSE_INVALID', `${path.join('.')}: a bind mount needs a source.`));
      return null;
    }
    if (!source.startsWith('/')) {
      problems.push(userError(path, 'FILE_REFERENCE', `${path.join('.')}: the bind source "${source}" is relative to the caller's disk; the gateway does not read its own disk for callers: give an absolute path on the nodes, or use a named volume.`));
      return null;
    }
  }
  if (long.type === 'tmpfs' && source !== null) {
    problems.push(userError(path, 'COMPOSE_INVALID', `${path.join('.')}: a tmpfs mount has no source.`));
    return null;
  }
  let tmpfsSize: number | null = null;
  if (long.tmpfs?.size !== undefined) {
    const size = typeof long.tmpfs.size === 'number' ? { bytes: long.tmpfs.size } : parseMemoryBytes(long.tmpfs.size, [...path, 'tmpfs', 'size']);
    if ('errors' in size) {
      problems.push(...size.errors);
      return null;
    }
    tmpfsSize = size.bytes;
  }
  return {
    type: long.type,
    source,
    target: long.target,
    read_only: long.read_only ?? false,
    // Each type's options as the file gives them, of whatever type: the converter sends
    // BindOptions or TmpfsOptions only when given (as the CLI does; a short `/src:/dst` has
    // none) and refuses options of another type.
    volume: long.volume ? { nocopy: long.volume.nocopy ?? false } : null,
    bind: long.bind ? { propagation: long.bind.propagation ?? null } : null,
    tmpfs: long.tmpfs ? { size: tmpfsSize } : null,
  };
}
