// networkCreate -> `POST /networks/create`, as `docker network create` (cli/command/network/
// create.go) builds it: every field present, IPAM driver "default", `--opt encrypted` as
// the option `encrypted: ""`, the MTU as `com.docker.network.driver.mtu`.
import type { UserErrorInit } from '../../errors/codes.ts';
import { userError } from '../../errors/codes.ts';
import { validateDriverOptions, validateIpam, validateLabels, validateNetworkName, validateOverlaySubnets, type KeyValueLike } from '../../validate/index.ts';
import { checked, toStringMap, type Checked } from './common.ts';
import type { IPAMConfig as IpamConfigBody, NetworkCreateRequest as NetworkCreateBody } from '../engine-api/index.ts';
import { ENCRYPTED_OPTION, MTU_OPTION } from '../model/network.ts';

// The driver options this mapping writes are the ones the network model reads back.
export { ENCRYPTED_OPTION, MTU_OPTION };

/** One `--subnet` with its `--ip-range`, `--gateway` and `--aux-address`es. */
export interface IpamConfigOptions {
  subnet: string;
  ipRange?: string | null | undefined;
  gateway?: string | null | undefined;
  auxAddresses?: readonly KeyValueLike[] | null | undefined;
}

/** `docker network create`'s flags; unset ones take the CLI's defaults (driver overlay). */
export interface NetworkCreateOptions {
  name: string;
  driver?: string | null | undefined;
  attachable?: boolean | null | undefined;
  ingress?: boolean | null | undefined;
  internal?: boolean | null | undefined;
  ipv6?: boolean | null | undefined;
  encrypted?: boolean | null | undefined;
  mtu?: number | null | undefined;
  ipam?: readonly IpamConfigOptions[] | null | undefined;
  options?: readonly KeyValueLike[] | null | undefined;
  labels?: readonly KeyValueLike[] | null | undefined;
}

const MTU_MIN = 68;
const MTU_MAX = 65535;

/** An MTU given as a number (`mtu`) or as the option's text; `field` names where it came from. */
export function validateMtu(mtu: number | string, field: string[]): UserErrorInit[] {
  const n = typeof mtu === 'number' ? mtu : /^[0-9]+$/.test(mtu) ? Number(mtu) : NaN;
  if (Number.isInteger(n) && n >= MTU_MIN && n <= MTU_MAX) return [];
  return [userError(field, 'INVALID_VALUE', `The MTU ${JSON.stringify(String(mtu))} is not valid; give a whole number from ${MTU_MIN} to ${MTU_MAX}.`)];
}

/** `mtu` and an MTU driver option must agree when both are given. */
export function validateMtuOptions(mtu: number | null | undefined, options: readonly KeyValueLike[]): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  if (mtu != null) errors.push(...validateMtu(mtu, ['mtu']));
  options.forEach((o, i) => {
    if (o.key !== MTU_OPTION) return;
    const optionErrors = validateMtu(o.value ?? '', ['options', String(i), 'value']);
    errors.push(...optionErrors);
    if (optionErrors.length === 0 && mtu != null && Number(o.value) !== mtu) {
      errors.push(userError(['mtu'], 'INVALID_VALUE', `The MTU ${mtu} disagrees with the option ${MTU_OPTION}=${o.value ?? ''}; give the MTU once.`));
    }
  });
  return errors;
}

/** Everything about the options that can be checked without the engine; paths inside the options. */
export function validateNetworkCreateOptions(input: NetworkCreateOptions): UserErrorInit[] {
  const driver = input.driver ?? 'overlay';
  const errors = [...validateNetworkName(input.name, ['name'], 'swarm')];
  if (driver !== 'overlay') {
    errors.push(userError(['driver'], 'INVALID_VALUE', `The driver ${JSON.stringify(driver)} cannot be used here; networks created through the swarm's managers use the overlay driver.`));
  }
  if (input.ingress && input.attachable) {
    errors.push(userError(['attachable'], 'INVALID_VALUE', 'An ingress network cannot be attachable; leave out attachable or ingress.'));
  }
  errors.push(...validateIpam(input.ipam ?? [], ['ipam']));
  errors.push(...validateOverlaySubnets(input.ipam ?? [], input.ipv6 ?? false, []));
  errors.push(...validateDriverOptions(input.options ?? [], ['options']));
  errors.push(...validateMtuOptions(input.mtu, input.options ?? []));
  errors.push(...validateLabels(input.labels ?? [], ['labels']));
  return errors;
}

/** The options, checked; throws InvalidOptionsError with every problem found. */
export function checkNetworkCreateOptions(options: NetworkCreateOptions): Checked<NetworkCreateOptions> {
  return checked(options, validateNetworkCreateOptions(options));
}

/** One IPAM configuration as the CLI sends it: unset fields left out. */
export function toIpamConfigBody(config: IpamConfigOptions): IpamConfigBody {
  const aux = config.auxAddresses ?? [];
  return {
    Subnet: config.subnet,
    ...(config.ipRange != null ? { IPRange: config.ipRange } : {}),
    ...(config.gateway != null ? { Gateway: config.gateway } : {}),
    ...(aux.length > 0 ? { AuxiliaryAddresses: toStringMap(aux) } : {}),
  };
}

/** The `POST /networks/create` body. */
export function toNetworkCreateBody(input: Checked<NetworkCreateOptions>): NetworkCreateBody {
  const options = toStringMap(input.options);
  if (input.encrypted && !(ENCRYPTED_OPTION in options)) options[ENCRYPTED_OPTION] = '';
  if (input.mtu != null) options[MTU_OPTION] = String(input.mtu);
  return {
    Name: input.name,
    CheckDuplicate: true,
    Driver: input.driver ?? 'overlay',
    Scope: '',
    EnableIPv6: input.ipv6 ?? false,
    IPAM: { Driver: 'default', Options: {}, Config: (input.ipam ?? []).map(toIpamConfigBody) },
    Internal: input.internal ?? false,
    Attachable: input.attachable ?? false,
    Ingress: input.ingress ?? false,
    ConfigOnly: false,
    ConfigFrom: null,
    Options: options,
    Labels: toStringMap(input.labels),
  };
}
