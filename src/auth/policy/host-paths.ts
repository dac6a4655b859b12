// Host paths as the policy compares them: as text, normalized the way the engine cleans
// a bind source (`//`, `.` and `..` resolved), so `/srv/data/../../etc` is `/etc`. Symlinks
// on the hosts cannot be seen from here; README says to allow only prefixes whose contents
// non-admins cannot change.
import { posix } from 'node:path';

/** The Docker (and containerd) API sockets: mounting one, or a directory above one, is root on the node. */
const SOCKET_PATHS = ['/var/run/docker.sock', '/run/docker.sock', '/run/containerd/containerd.sock', '/var/run/containerd/containerd.sock'];
const SOCKET_NAME = /(docker|containerd)\.sock/i;

/** Whether a text names a Docker or containerd socket file (`docker.sock`, any case). */
export function namesDockerSocket(text: string): boolean {
  return SOCKET_NAME.test(text);
}

export function normalizeHostPath(path: string): string {
  const normal = posix.normalize(path);
  return normal.length > 1 ? normal.replace(/\/+$/, '') : normal;
}

/** `/srv/data` covers `/srv/data` and `/srv/data/x`, not `/srv/database`; `/` covers everything. */
export function isUnderPrefix(path: string, prefix: string): boolean {
  const p = normalizeHostPath(path);
  const pre = normalizeHostPath(prefix);
  return pre === '/' || p === pre || p.startsWith(`${pre}/`);
}

/**
 * Why a mount source would expose the Docker socket, or null: it names a socket file
 * (`docker.sock` anywhere in it), or it is a directory that holds one (`/`, `/var/run`).
 */
export function dockerSocketExposure(source: string): string | null {
  if (SOCKET_NAME.test(source)) return `${JSON.stringify(source)} is the Docker socket`;
  if (!source.startsWith('/')) return null;
  const path = normalizeHostPath(source);
  if (SOCKET_NAME.test(path)) return `${JSON.stringify(source)} is the Docker socket`;
  const holds = SOCKET_PATHS.find((socket) => isUnderPrefix(socket, path));
  return holds ? `${JSON.stringify(source)} contains the Docker socket (${holds})` : null;
}
