// GraphQL network inputs -> the engine layer's network options, field by field under the
// same names (so the engine layer's problem paths are the input's, under `input`); the
// cluster stays here.
import type { IpamConfigInput, NetworkCreateInput } from '../../generated/graphql.ts';
import type { IpamConfigOptions, NetworkCreateOptions } from '../../docker/mapping/index.ts';
import { keyValueOptions } from '../key-value-options.ts';

export function ipamConfigOptions(c: IpamConfigInput): IpamConfigOptions {
  return { subnet: c.subnet, ipRange: c.ipRange, gateway: c.gateway, auxAddresses: keyValueOptions(c.auxAddresses) };
}

export function networkCreateOptions(input: NetworkCreateInput): NetworkCreateOptions {
  return {
    name: input.name,
    driver: input.driver,
    attachable: input.attachable,
    ingress: input.ingress,
    internal: input.internal,
    ipv6: input.ipv6,
    encrypted: input.encrypted,
    mtu: input.mtu,
    ipam: input.ipam?.map(ipamConfigOptions),
    options: keyValueOptions(input.options),
    labels: keyValueOptions(input.labels),
  };
}
