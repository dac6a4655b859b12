// The addresses of `swarmJoin`: listen/advertise/data path addresses as `docker swarm join`
// takes them (src/validate), and the managers to join through: a host name or IP address
// with an optional port (2377 when omitted), as `docker swarm join HOST[:PORT]` takes it.
import { userError, type UserErrorInit } from '../../errors/codes.ts';
import { at, parseIpAddress, validateDataPathAddress, validateNodeAddress } from '../../validate/index.ts';

const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

function isRemoteManager(addr: string): boolean {
  if (parseIpAddress(addr)) return true; // a bare IPv6 address has colons of its own
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(addr);
  const m = bracketed ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(addr);
  if (!m) return false;
  const [, host, port] = m;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return false;
  if (parseIpAddress(host!)) return true;
  // All-numeric names are mistyped IPv4 addresses, not host names.
  return !bracketed && !/^[\d.]+$/.test(host!) && HOSTNAME.test(host!);
}

export function checkJoinAddresses(input: {
  advertiseAddr?: string | null;
  listenAddr?: string | null;
  dataPathAddr?: string | null;
  remoteAddrs?: readonly string[] | null;
}): UserErrorInit[] {
  const field = ['input'];
  const errors: UserErrorInit[] = [];
  if (input.advertiseAddr != null) errors.push(...validateNodeAddress(input.advertiseAddr, at(field, 'advertiseAddr'), 'advertise address'));
  if (input.listenAddr != null) errors.push(...validateNodeAddress(input.listenAddr, at(field, 'listenAddr'), 'listen address'));
  if (input.dataPathAddr != null) errors.push(...validateDataPathAddress(input.dataPathAddr, at(field, 'dataPathAddr')));
  if (input.remoteAddrs != null) {
    if (input.remoteAddrs.length === 0) {
      errors.push(userError(at(field, 'remoteAddrs'), 'INVALID_VALUE', 'remoteAddrs must name at least one manager address, or be left out to use the swarm\'s managers.'));
    }
    input.remoteAddrs.forEach((addr, i) => {
      if (!isRemoteManager(addr)) {
        errors.push(userError(at(field, 'remoteAddrs', i), 'INVALID_VALUE', `The manager address ${JSON.stringify(addr)} is not valid; give a host name or IP address with an optional port, e.g. 10.0.0.1:2377.`));
      }
    });
  }
  return errors;
}
