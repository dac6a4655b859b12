// ContainerRunInput -> the engine layer's ContainerRunOptions (the same fields, in the engine
// layer's own types: it knows nothing of GraphQL's).
import type { ContainerRunInput, MountInput } from '../../generated/graphql.ts';
import type { ContainerRunOptions } from '../../docker/mapping/container-create.ts';
import type { MountOptions } from '../../docker/mapping/service-mounts.ts';
import { keyValueOptions } from '../key-value-options.ts';

const mountOptions = (m: MountInput): MountOptions => ({
  type: m.type,
  source: m.source,
  target: m.target,
  readOnly: m.readOnly,
  volumeDriver: m.volumeDriver,
  volumeOptions: keyValueOptions(m.volumeOptions),
});

export function containerRunOptions(input: ContainerRunInput): ContainerRunOptions {
  return {
    name: input.name,
    image: input.image,
    command: input.command,
    entrypoint: input.entrypoint,
    env: input.env,
    labels: keyValueOptions(input.labels),
    networks: input.networks,
    networkMode: input.networkMode,
    restartPolicy: input.restartPolicy,
    resources: input.resources,
    privileged: input.privileged,
    pidMode: input.pidMode,
    ipcMode: input.ipcMode,
    utsMode: input.utsMode,
    usernsMode: input.usernsMode,
    cgroupParent: input.cgroupParent,
    devices: input.devices,
    capAdd: input.capAdd,
    capDrop: input.capDrop,
    securityOpt: input.securityOpt,
    mounts: input.mounts?.map(mountOptions),
    sysctls: keyValueOptions(input.sysctls),
    ulimits: input.ulimits,
    readonlyRootfs: input.readonlyRootfs,
  };
}
