// Published ports: Docker's `--publish` strings for services, the structured
// `PortConfigInput`, and `--publish-rm` specs. The forms and their meaning follow the
// CLI's opts.PortOpt (long CSV form) and go-connections' nat.ParsePortSpec (short form).
//
// Stricter than the CLI, on purpose: published port 0 (`published=0`) and a third
// `/`-part (`80/tcp/x`) are rejected instead of ignored, a key given twice in the long
// form is an error, and one short spec may expand to at most MAX_RANGE ports.
import { userError, type UserErrorInit } from '../errors/codes.ts';
import { at, q, type FieldPath } from './field.ts';

/** `--publish protocol=`: the transport of a published port. */
export type PortProtocol = 'TCP' | 'UDP' | 'SCTP';

/** `--publish mode=`: through the routing mesh or on the node running the task. */
export type PublishMode = 'INGRESS' | 'HOST';

/** A structured published port as given; unset fields take Docker's defaults (TCP, INGRESS). */
export interface PortConfigOptions {
  targetPort: number;
  publishedPort?: number | null | undefined;
  protocol?: PortProtocol | null | undefined;
  publishMode?: PublishMode | null | undefined;
}

/** A published port, in the shape of `PortConfigOptions` with defaults applied. */
export interface PortConfigLike {
  targetPort: number;
  publishedPort: number | null;
  protocol: PortProtocol;
  publishMode: PublishMode;
}

/** A port to unpublish (`--publish-rm`). A null `publishMode` matches either mode. */
export interface PortRemoveSpec {
  targetPort: number;
  protocol: PortProtocol;
  publishMode: PublishMode | null;
}

const MAX_RANGE = 1000;
const DIGITS = /^[0-9]+$/;
const PROTOCOLS = new Map<string, PortProtocol>([['tcp', 'TCP'], ['udp', 'UDP'], ['sctp', 'SCTP']]);
const MODES = new Map<string, PublishMode>([['ingress', 'INGRESS'], ['host', 'HOST']]);
const LONG_KEYS = ['published', 'target', 'protocol', 'mode'] as const;

type Failure = { errors: UserErrorInit[] };

function fail(field: FieldPath, code: UserErrorInit['code'], message: string): Failure {
  return { errors: [userError([...field], code, message)] };
}

function portRangeMessage(what: string, value: string | number): string {
  return `The ${what} ${q(String(value))} is not a valid port; ports are whole numbers from 1 to 65535.`;
}

function isPort(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 65535;
}

/** Parses one port number written as text; null when it is not 1-65535. */
function parsePort(text: string): number | null {
  if (!DIGITS.test(text) || text.length > 5) return null;
  const n = Number(text);
  return isPort(n) ? n : null;
}

/** `80` or `8000-8010` -> [start, end]; null when malformed. */
function parsePortRange(text: string): [number, number] | null {
  const parts = text.split('-');
  if (parts.length > 2) return null;
  const start = parsePort(parts[0]!);
  const end = parts.length === 2 ? parsePort(parts[1]!) : start;
  if (start === null || end === null || end < start) return null;
  return [start, end];
}

function parseProtocol(text: string, field: FieldPath): PortProtocol | Failure {
  const protocol = PROTOCOLS.get(text.toLowerCase());
  if (protocol) return protocol;
  return fail(field, 'INVALID_PROTOCOL', `The protocol ${q(text)} is not supported; use tcp, udp or sctp.`);
}

/**
 * Parses one `--publish` value: `80`, `8080:80`, `8080:80/udp`, `8080-8081:80-81/tcp`, or the
 * long form `published=8080,target=80,protocol=udp,mode=host`. A short range gives one port
 * per number, in ascending order.
 */
export function parsePublishSpec(spec: string, field: FieldPath): { ports: PortConfigLike[] } | Failure {
  if (spec.includes('=')) return parseLongSpec(spec, field);
  return parseShortSpec(spec, field);
}

function parseLongSpec(spec: string, field: FieldPath): { ports: PortConfigLike[] } | Failure {
  const values = new Map<string, string>();
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return fail(field, 'INVALID_PORT', `The publish field ${q(part)} in ${q(spec)} is not of the form key=value; use published=, target=, protocol= and mode=.`);
    const key = part.slice(0, eq).toLowerCase();
    if (!(LONG_KEYS as readonly string[]).includes(key)) {
      return fail(field, 'INVALID_PORT', `The publish field key ${q(part.slice(0, eq))} in ${q(spec)} is unknown; use published, target, protocol and mode.`);
    }
    if (values.has(key)) return fail(field, 'INVALID_PORT', `The publish field ${q(key)} is given twice in ${q(spec)}.`);
    values.set(key, part.slice(eq + 1));
  }
  const targetText = values.get('target');
  if (targetText === undefined) return fail(field, 'INVALID_PORT', `The port specification ${q(spec)} has no target=; the port inside the container is required.`);
  const targetPort = parsePort(targetText);
  if (targetPort === null) return fail(field, 'INVALID_PORT', portRangeMessage('target port', targetText));
  let publishedPort: number | null = null;
  const publishedText = values.get('published');
  if (publishedText !== undefined) {
    publishedPort = parsePort(publishedText);
    if (publishedPort === null) return fail(field, 'INVALID_PORT', portRangeMessage('published port', publishedText));
  }
  let protocol: PortProtocol = 'TCP';
  const protocolText = values.get('protocol');
  if (protocolText !== undefined) {
    const parsed = parseProtocol(protocolText, field);
    if (typeof parsed !== 'string') return parsed;
    protocol = parsed;
  }
  let publishMode: PublishMode = 'INGRESS';
  const modeText = values.get('mode');
  if (modeText !== undefined) {
    const mode = MODES.get(modeText.toLowerCase());
    if (!mode) return fail(field, 'INVALID_VALUE', `The publish mode ${q(modeText)} is not supported; use ingress or host.`);
    publishMode = mode;
  }
  return { ports: [{ targetPort, publishedPort, protocol, publishMode }] };
}

function parseShortSpec(spec: string, field: FieldPath): { ports: PortConfigLike[] } | Failure {
  const colon = spec.split(':');
  if (colon.length > 2) {
    return fail(field, 'INVALID_PORT', `The port specification ${q(spec)} names a host IP; services publish on every address, so write [published:]target[/protocol].`);
  }
  const [hostText, containerPart] = colon.length === 2 ? [colon[0]!, colon[1]!] : [null, colon[0]!];
  const slash = containerPart.split('/');
  if (slash.length > 2 || slash[0] === '') {
    return fail(field, 'INVALID_PORT', `The port specification ${q(spec)} cannot be parsed; write [published:]target[/protocol], e.g. 8080:80/udp.`);
  }
  let protocol: PortProtocol = 'TCP';
  if (slash.length === 2 && slash[1] !== '') {
    const parsed = parseProtocol(slash[1]!, field);
    if (typeof parsed !== 'string') return parsed;
    protocol = parsed;
  }
  const target = parsePortRange(slash[0]!);
  if (!target) return fail(field, 'INVALID_PORT', `${portRangeMessage('target port', slash[0]!)} A range is written 80-81.`);
  let published: [number, number] | null = null;
  if (hostText !== null && hostText !== '') {
    published = parsePortRange(hostText);
    if (!published) return fail(field, 'INVALID_PORT', `${portRangeMessage('published port', hostText)} A range is written 8080-8081.`);
  }
  const targetCount = target[1] - target[0] + 1;
  const publishedCount = published ? published[1] - published[0] + 1 : targetCount;
  if (published && targetCount > 1 && targetCount !== publishedCount) {
    return fail(field, 'INVALID_PORT', `The port ranges in ${q(spec)} differ in size (${publishedCount} published, ${targetCount} target); give ranges of the same size.`);
  }
  if (Math.max(targetCount, publishedCount) > MAX_RANGE) {
    return fail(field, 'INVALID_PORT', `The port specification ${q(spec)} expands to more than ${MAX_RANGE} ports; publish smaller ranges.`);
  }
  const ports: PortConfigLike[] = [];
  if (published && targetCount === 1) {
    // One target and a published range: every published port leads to that target.
    for (let p = published[0]; p <= published[1]; p++) ports.push({ targetPort: target[0], publishedPort: p, protocol, publishMode: 'INGRESS' });
  } else {
    for (let i = 0; i < targetCount; i++) {
      ports.push({ targetPort: target[0] + i, publishedPort: published ? published[0] + i : null, protocol, publishMode: 'INGRESS' });
    }
  }
  return { ports };
}

/** A structured port (`PortConfigOptions`). */
export function validatePortConfig(port: PortConfigOptions, field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  if (!isPort(port.targetPort)) errors.push(userError(at(field, 'targetPort'), 'INVALID_PORT', portRangeMessage('target port', port.targetPort)));
  if (port.publishedPort != null && !isPort(port.publishedPort)) {
    errors.push(userError(at(field, 'publishedPort'), 'INVALID_PORT', portRangeMessage('published port', port.publishedPort)));
  }
  return errors;
}

/** A structured port with the schema's defaults applied (TCP, INGRESS). */
export function portConfigFromInput(port: PortConfigOptions): PortConfigLike {
  return {
    targetPort: port.targetPort,
    publishedPort: port.publishedPort ?? null,
    protocol: port.protocol ?? 'TCP',
    publishMode: port.publishMode ?? 'INGRESS',
  };
}

/**
 * Parses one `--publish-rm` value: `80`, `80/udp`, or the long form
 * `target=80,protocol=udp,mode=host`. The short form matches either publish mode (the CLI
 * would only match ingress ports); the long form with `mode=` matches that mode only.
 */
export function parsePortRemoveSpec(spec: string, field: FieldPath): { port: PortRemoveSpec } | Failure {
  if (spec.includes('=')) {
    const parsed = parseLongSpec(spec, field);
    if ('errors' in parsed) return parsed;
    const port = parsed.ports[0]!;
    const explicitMode = /(^|,)mode=/i.test(spec);
    return { port: { targetPort: port.targetPort, protocol: port.protocol, publishMode: explicitMode ? port.publishMode : null } };
  }
  const slash = spec.split('/');
  if (slash.length > 2) return fail(field, 'INVALID_PORT', `The port ${q(spec)} cannot be parsed; write the target port and an optional protocol, e.g. 80 or 80/udp.`);
  const targetPort = parsePort(slash[0]!);
  if (targetPort === null) return fail(field, 'INVALID_PORT', `${portRangeMessage('target port', slash[0]!)} Write it as 80 or 80/udp.`);
  let protocol: PortProtocol = 'TCP';
  if (slash.length === 2) {
    const parsed = parseProtocol(slash[1]!, field);
    if (typeof parsed !== 'string') return parsed;
    protocol = parsed;
  }
  return { port: { targetPort, protocol, publishMode: null } };
}

/**
 * The ports of one service together, as swarmkit checks its EndpointSpec: no published
 * port twice for one protocol, and no ingress-mode port with endpoint mode dnsrr.
 */
export function validateServicePorts(ports: readonly PortConfigLike[], endpointMode: 'VIP' | 'DNSRR', field: FieldPath): UserErrorInit[] {
  const errors: UserErrorInit[] = [];
  if (endpointMode === 'DNSRR' && ports.some((p) => p.publishMode === 'INGRESS')) {
    errors.push(
      userError([...field], 'INVALID_VALUE', 'Ports published in ingress mode cannot be used with endpoint mode DNSRR; publish them with mode=host or use endpoint mode VIP.'),
    );
  }
  const seen = new Set<string>();
  for (const p of ports) {
    if (p.publishedPort === null) continue;
    const key = `${p.publishedPort}/${p.protocol.toLowerCase()}`;
    if (seen.has(key)) errors.push(userError([...field], 'INVALID_PORT', `The published port ${key} is given more than once; each published port and protocol can lead to one target only.`));
    seen.add(key);
  }
  return errors;
}
