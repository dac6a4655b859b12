// The one place Engine paths naming an object are built: `/containers/{ref}/json`,
// `/networks/{ref}/connect` and the like. The reference is checked against Docker's
// grammar first (src/validate/references.ts), so no path is ever built from an unchecked
// one: a reference such as "../../127.0.0.1:1/x" throws InvalidReferenceError here instead
// of reaching an engine that would answer it with a redirect.
import { checkedReference, type ReferenceKind } from '../../validate/references.ts';

const COLLECTION: Record<ReferenceKind, string> = {
  container: 'containers',
  network: 'networks',
  service: 'services',
  node: 'nodes',
  task: 'tasks',
  secret: 'secrets',
  config: 'configs',
  exec: 'exec',
};

/** `/{collection}/{ref}[/{action}]`; `action` is one of the API's fixed words (`json`, `update`, `logs`...). */
export function objectPath(kind: ReferenceKind, ref: string, action?: 'json' | 'update' | 'logs' | 'connect' | 'disconnect' | 'start' | 'stop' | 'exec'): string {
  const segment = encodeURIComponent(checkedReference(kind, ref));
  return `/${COLLECTION[kind]}/${segment}${action ? `/${action}` : ''}`;
}
