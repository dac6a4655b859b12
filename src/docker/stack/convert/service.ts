// One compose service as the ServiceSpec `docker stack deploy` sends (docker/cli
// convert.Service): named `<stack>_<key>`, the namespace label on the service and on its
// containers, `com.docker.stack.image` naming the image as the file wrote it (the deploy
// compares it to decide whether to resolve the image again).
import type { ServiceSpec } from '../../engine-api/index.ts';
import type { ComposeFile, ComposeService } from '../compose-file.ts';
import { STACK_IMAGE_LABEL, type StackService } from '../stack-resources.ts';
import { convertMounts } from './mounts.ts';
import { scopedName, withStackLabel } from './namespace.ts';
import type { ConversionProblems } from './problems.ts';
import { convertContainerSpec } from './service-container.ts';
import { convertEndpointSpec, convertMode, convertPlacement, convertResources, convertRestartPolicy, convertUpdateConfig } from './service-deploy.ts';
import { convertFileReferences } from './service-file-refs.ts';
import { convertServiceNetworks } from './service-networks.ts';

export function convertService(namespace: string, key: string, service: ComposeService, file: ComposeFile, problems: ConversionProblems): StackService {
  const path = ['services', key];
  const deployPath = [...path, 'deploy'];
  const name = scopedName(namespace, key);
  const mounts = convertMounts(namespace, service.volumes, file, [...path, 'volumes'], problems);
  const secrets = convertFileReferences(namespace, 'secrets', service.secrets, file.secrets, [...path, 'secrets'], problems);
  const configs = convertFileReferences(namespace, 'configs', service.configs, file.configs, [...path, 'configs'], problems);
  const restartPolicy = convertRestartPolicy(service.restart, service.deploy, path, problems);
  const updateConfig = convertUpdateConfig(service.deploy.update_config);
  const rollbackConfig = convertUpdateConfig(service.deploy.rollback_config);
  const networks = convertServiceNetworks(namespace, key, service, file, path, problems);

  const spec: ServiceSpec = {
    Name: name,
    Labels: { ...withStackLabel(namespace, service.deploy.labels), [STACK_IMAGE_LABEL]: service.image },
    TaskTemplate: {
      ContainerSpec: {
        ...convertContainerSpec(namespace, service, path, problems),
        ...(mounts.length > 0 ? { Mounts: mounts } : {}),
        ...(secrets.length > 0 ? { Secrets: secrets } : {}),
        ...(configs.length > 0 ? { Configs: configs } : {}),
      },
      ...(service.logging
        ? { LogDriver: { Name: service.logging.driver ?? '', ...(Object.keys(service.logging.options).length > 0 ? { Options: { ...service.logging.options } } : {}) } }
        : {}),
      Resources: convertResources(service.deploy, [...deployPath, 'resources'], problems),
      ...(restartPolicy ? { RestartPolicy: restartPolicy } : {}),
      Placement: convertPlacement(service.deploy),
      ...(networks.length > 0 ? { Networks: networks } : {}),
      ForceUpdate: 0,
    },
    Mode: convertMode(service.deploy, deployPath, problems),
    ...(updateConfig ? { UpdateConfig: updateConfig } : {}),
    ...(rollbackConfig ? { RollbackConfig: rollbackConfig } : {}),
    EndpointSpec: convertEndpointSpec(service.deploy, service.ports),
  };
  return { key, name, spec };
}
