// Node addresses of `docker swarm init/join`: `--listen-addr`, `--advertise-addr` take an IP
// address or a network interface name, with an optional port (`eth0:2377`,
// `[fd00::1]:2377`); `--data-path-addr` takes an address or interface without a port.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { parseIpAddress } from './cidr.ts';
import { q, type FieldPath } from './field.ts';

/** Linux interface names: 1-15 characters, no "/", ":" or blanks. */
const INTERFACE = /^[^\s/:[\]]{1,15}$/;
const PORT = /^[0-9]{1,5}$/;

function isHost(host: string): boolean {
  return parseIpAddress(host) !== null || INTERFACE.test(host);
}

function splitHostPort(addr: string): { host: string; port: string | null } {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(addr);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ?? null };
  if (parseIpAddress(addr)) return { host: addr, port: null }; // a bare IPv6 address has colons of its own
  const colon = addr.lastIndexOf(':');
  return colon < 0 ? { host: addr, port: null } : { host: addr.slice(0, colon), port: addr.slice(colon + 1) };
}

/** `ip`, `interface`, `ip:port`, `interface:port` or `[ipv6]:port`. */
export function validateNodeAddress(addr: string, field: FieldPath, what: string): UserErrorInit[] {
  const { host, port } = splitHostPort(addr);
  const portOk = port === null || (PORT.test(port) && Number(port) >= 1 && Number(port) <= 65535);
  if (isHost(host) && portOk) return [];
  return [userError([...field], 'INVALID_VALUE', `The ${what} ${q(addr)} is not valid; give an IP address or interface name with an optional port, e.g. 10.0.0.1:2377 or eth0.`)];
}

/** An IP address or interface name, without a port (`--data-path-addr`). */
export function validateDataPathAddress(addr: string, field: FieldPath): UserErrorInit[] {
  if (isHost(addr)) return [];
  return [userError([...field], 'INVALID_VALUE', `The data path address ${q(addr)} is not valid; give an IP address or an interface name, without a port.`)];
}
