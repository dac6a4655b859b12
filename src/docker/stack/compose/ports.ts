// Service ports in their long form. The short syntax is the CLI's (go-connections/nat):
// `[host_ip:][published:]target[/protocol]`, each port number or range (`9000-9001`): equal
// ranges pair up one to one, a published range for a single target publishes each of its
// ports to that target, no published port lets the swarm pick one. A short port is
// always in ingress mode. The CLI ignores a host IP with a warning, listening on every
// address instead; the gateway refuses a specific one (`127.0.0.1:80:80`), because a
// caller who asked for a loopback-only port would get one open to the network.
import type { ComposePort } from '../compose-file.ts';

export class PortSyntaxError extends Error {}

const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;

function range(text: string, what: string): [number, number] {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text);
  if (!m) throw new PortSyntaxError(`${what} "${text}" is not a port number or range`);
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start < 1 || end > 65535 || end < start) throw new PortSyntaxError(`${what} "${text}" is outside 1-65535 or an empty range`);
  return [start, end];
}

export function parseShortPort(spec: string | number): ComposePort[] {
  const text = String(spec);
  const parts = text.split(':');
  const containerPart = parts[parts.length - 1]!;
  const hostPart = parts.length >= 2 ? parts[parts.length - 2]! : '';
  const ip = parts.length >= 3 ? parts.slice(0, -2).join(':').replace(/^\[(.*)\]$/, '$1') : '';
  const slash = containerPart.indexOf('/');
  const containerPort = slash < 0 ? containerPart : containerPart.slice(0, slash);
  const protocol = (slash < 0 ? 'tcp' : containerPart.slice(slash + 1).toLowerCase()) as ComposePort['protocol'];
  if (!PROTOCOLS.includes(protocol)) throw new PortSyntaxError(`protocol "${protocol}" is not tcp, udp or sctp`);
  if (containerPort === '') throw new PortSyntaxError('no target port');
  if (ip !== '' && ip !== '0.0.0.0' && ip !== '::') {
    throw new PortSyntaxError(`a host IP (${ip}) cannot be honoured: a swarm service's published port listens on every address of every node`);
  }
  const [start, end] = range(containerPort, 'target port');
  if (hostPart === '') {
    return Array.from({ length: end - start + 1 }, (_, i) => ({ target: start + i, published: null, protocol, mode: 'ingress' as const }));
  }
  const [hostStart, hostEnd] = range(hostPart, 'published port');
  if (end - start === hostEnd - hostStart) {
    return Array.from({ length: end - start + 1 }, (_, i) => ({ target: start + i, published: hostStart + i, protocol, mode: 'ingress' as const }));
  }
  if (start !== end) throw new PortSyntaxError(`the target range ${containerPort} and the published range ${hostPart} differ in length`);
  return Array.from({ length: hostEnd - hostStart + 1 }, (_, i) => ({ target: start, published: hostStart + i, protocol, mode: 'ingress' as const }));
}
