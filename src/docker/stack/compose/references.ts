// Every name a service uses must be declared at the top level of the file, as the CLI's
// converter requires ("undefined network", "undefined secret"...): a network (except
// `default`, the stack's implicit network), a secret, a config, a named volume. Each
// problem is at the reference, not at the (missing) declaration.
import { userError, type UserErrorInit } from '../../../errors/codes.ts';
import type { ComposeFile } from '../compose-file.ts';

export function undefinedReferences(file: ComposeFile): UserErrorInit[] {
  const problems: UserErrorInit[] = [];
  const missing = (path: string[], kind: string, name: string) =>
    problems.push(userError(path, 'COMPOSE_INVALID', `${path.join('.')}: service refers to undefined ${kind} "${name}": declare it under the top-level \`${kind}s\`.`));
  for (const [service, s] of Object.entries(file.services)) {
    const base = ['services', service];
    for (const network of Object.keys(s.networks ?? {})) {
      if (network !== 'default' && !Object.hasOwn(file.networks, network)) missing([...base, 'networks', network], 'network', network);
    }
    s.secrets.forEach((ref, i) => Object.hasOwn(file.secrets, ref.source) || missing([...base, 'secrets', String(i)], 'secret', ref.source));
    s.configs.forEach((ref, i) => Object.hasOwn(file.configs, ref.source) || missing([...base, 'configs', String(i)], 'config', ref.source));
    s.volumes.forEach((mount, i) => {
      if (mount.type === 'volume' && mount.source !== null && !Object.hasOwn(file.volumes, mount.source)) missing([...base, 'volumes', String(i)], 'volume', mount.source);
    });
  }
  return problems;
}
