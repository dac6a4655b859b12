// `docker stack deploy`'s conversion of a loaded compose file into the engine bodies it sends
// (docker/cli cli/compose/convert and cli/command/stack deploy_composefile.go), without I/O:
// what needs the engine (network IDs, secret and config IDs, whether objects exist) is the
// deploy's. Every problem found is collected and thrown once, at its compose path.
import { InvalidOptionsError } from '../../../errors/gateway-error.ts';
import { compareText } from '../../mapping/common.ts';
import type { ComposeFile, ComposeWarning } from '../compose-file.ts';
import type { StackResources } from '../stack-resources.ts';
import { convertConfigs, convertSecrets } from './file-objects.ts';
import { convertNetworks } from './networks.ts';
import { ConversionProblems } from './problems.ts';
import { convertService } from './service.ts';

export { stackLabelsOf } from './namespace.ts';
export { convertedComposeKeys, type ConvertedComposeKeys } from './compose-keys.ts';

export interface ConvertedStack {
  resources: StackResources;
  warnings: ComposeWarning[];
}

/** The stack's networks, secrets, configs and services, each list in key order. Throws InvalidOptionsError (COMPOSE_INVALID at compose paths). */
export function convertStack(namespace: string, file: ComposeFile): ConvertedStack {
  const problems = new ConversionProblems();
  const resources: StackResources = {
    namespace,
    networks: convertNetworks(namespace, file),
    secrets: convertSecrets(namespace, file.secrets, problems),
    configs: convertConfigs(namespace, file.configs, problems),
    services: Object.keys(file.services)
      .sort(compareText)
      .map((key) => convertService(namespace, key, file.services[key]!, file, problems)),
  };
  if (problems.list.length > 0) throw new InvalidOptionsError(problems.list);
  return { resources, warnings: [] };
}
