// A service's network attachments (docker/cli convertServiceNetworks): Target is the network's
// engine name (the deploy resolves it to an ID); on a user-defined network the service key is
// appended to the file's aliases, so other services reach it by its short name; sorted by
// Target; the attachment's driver_opts as DriverOpts. `ipv4_address`/`ipv6_address` the CLI does not convert, and neither does this.
import type { NetworkAttachmentConfig } from '../../engine-api/index.ts';
import { compareText } from '../../mapping/common.ts';
import type { ComposeFile, ComposeService } from '../compose-file.ts';
import { DEFAULT_NETWORK_KEY, networkEngineName, serviceNetworkKeys } from './network-names.ts';
import type { ComposePath, ConversionProblems } from './problems.ts';

/** Networks every engine node has, which take no aliases (container.NetworkMode.IsUserDefined). */
const PREDEFINED = new Set(['default', 'bridge', 'host', 'none']);

function isUserDefined(target: string): boolean {
  return !PREDEFINED.has(target) && !target.startsWith('container:');
}

export function convertServiceNetworks(
  namespace: string,
  serviceKey: string,
  service: ComposeService,
  file: ComposeFile,
  path: ComposePath,
  problems: ConversionProblems,
): NetworkAttachmentConfig[] {
  const attachments: NetworkAttachmentConfig[] = [];
  for (const key of serviceNetworkKeys(service)) {
    const declared = Object.hasOwn(file.networks, key) ? file.networks[key] : undefined;
    if (!declared && key !== DEFAULT_NETWORK_KEY) {
      problems.add([...path, 'networks', key], `undefined network ${JSON.stringify(key)}`);
      continue;
    }
    const target = networkEngineName(namespace, key, declared);
    const own = service.networks?.[key];
    const aliases = [...(own?.aliases ?? []), ...(isUserDefined(target) ? [serviceKey] : [])];
    const driverOpts = own?.driver_opts ?? {};
    attachments.push({
      Target: target,
      ...(aliases.length > 0 ? { Aliases: aliases } : {}),
      ...(Object.keys(driverOpts).length > 0 ? { DriverOpts: { ...driverOpts } } : {}),
    });
  }
  return attachments.sort((a, b) => compareText(a.Target, b.Target));
}
