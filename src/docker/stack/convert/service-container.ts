// The container half of a service (docker/cli convert.Service's ContainerSpec and the small
// converters next to it): entrypoint -> Command and command -> Args; env sorted; extra_hosts
// in swarmkit's "IP host" form; dns and dns_search (dns_opt the CLI does not convert);
// capabilities normalized as opts.EffectiveCapAddCapDrop; ulimits sorted by name; the health
// check; and Privileges, which the CLI always sends (empty without a credential spec).
import { isIP } from 'node:net';
import type { ContainerSpec, DNSConfig, HealthConfig } from '../../engine-api/index.ts';
import { compareText } from '../../mapping/common.ts';
import { effectiveCapabilities } from '../../mapping/service-mounts.ts';
import type { ComposeHealthcheck, ComposeService } from '../compose-file.ts';
import { withStackLabel } from './namespace.ts';
import type { ComposePath, ConversionProblems } from './problems.ts';

/** Everything of the ContainerSpec but mounts, secrets and configs (service.ts adds those). */
export function convertContainerSpec(namespace: string, service: ComposeService, path: ComposePath, problems: ConversionProblems): ContainerSpec {
  const caps = effectiveCapabilities(service.cap_add, service.cap_drop);
  const env = convertEnvironment(service.environment);
  const hosts = convertExtraHosts(service.extra_hosts);
  const dns = convertDnsConfig(service.dns, service.dns_search, path, problems);
  const healthcheck = convertHealthcheck(service.healthcheck);
  const ulimits = Object.entries(service.ulimits)
    .map(([name, { soft, hard }]) => ({ Name: name, Soft: soft, Hard: hard }))
    .sort((a, b) => compareText(a.Name, b.Name));
  return {
    Image: service.image,
    Labels: withStackLabel(namespace, service.labels),
    ...(service.entrypoint?.length ? { Command: [...service.entrypoint] } : {}),
    ...(service.command?.length ? { Args: [...service.command] } : {}),
    ...(service.hostname ? { Hostname: service.hostname } : {}),
    ...(env.length > 0 ? { Env: env } : {}),
    ...(service.working_dir ? { Dir: service.working_dir } : {}),
    ...(service.user ? { User: service.user } : {}),
    Privileges: {},
    ...(service.init !== null ? { Init: service.init } : {}),
    ...(service.stop_signal ? { StopSignal: service.stop_signal } : {}),
    ...(service.tty ? { TTY: true } : {}),
    ...(service.stdin_open ? { OpenStdin: true } : {}),
    ...(service.read_only ? { ReadOnly: true } : {}),
    ...(service.stop_grace_period !== null ? { StopGracePeriod: service.stop_grace_period } : {}),
    ...(healthcheck ? { Healthcheck: healthcheck } : {}),
    ...(hosts.length > 0 ? { Hosts: hosts } : {}),
    ...(dns ? { DNSConfig: dns } : {}),
    ...(service.isolation ? { Isolation: service.isolation } : {}),
    ...(Object.keys(service.sysctls).length > 0 ? { Sysctls: { ...service.sysctls } } : {}),
    ...(caps.add.length > 0 ? { CapabilityAdd: caps.add } : {}),
    ...(caps.drop.length > 0 ? { CapabilityDrop: caps.drop } : {}),
    ...(ulimits.length > 0 ? { Ulimits: ulimits } : {}),
  };
}

/**
 * `NAME=value`, sorted as Go's sort.Strings (convertEnvironment). A name without a value
 * (null: `- FOO` that no variable set) is sent as the bare name, as the CLI sends it.
 */
export function convertEnvironment(environment: Record<string, string | null>): string[] {
  return Object.entries(environment)
    .map(([name, value]) => (value === null ? name : `${name}=${value}`))
    .sort(compareText);
}

/** `host:ip` -> `ip host`, split at the first ":" (so `h:::1` is `::1 h`); an entry without ":" is dropped, as the CLI does. */
export function convertExtraHosts(extraHosts: readonly string[]): string[] {
  return extraHosts.flatMap((entry) => {
    const at = entry.indexOf(':');
    return at < 0 ? [] : [`${entry.slice(at + 1)} ${entry.slice(0, at)}`];
  });
}

/**
 * convertDNSConfig: only when dns or dns_search is given. Nameservers go as written, as the
 * docker 28 CLI sends them (a newer CLI rewrites them through netip, dropping what is no
 * address); one that is no IP address is refused here rather than left to fail in the task.
 */
export function convertDnsConfig(dns: readonly string[], search: readonly string[], path: ComposePath, problems: ConversionProblems): DNSConfig | null {
  dns.forEach((ip, i) => {
    if (isIP(ip) === 0) problems.add([...path, 'dns', String(i)], `${JSON.stringify(ip)} is not an IP address`);
  });
  if (dns.length === 0 && search.length === 0) return null;
  return { ...(dns.length > 0 ? { Nameservers: [...dns] } : {}), ...(search.length > 0 ? { Search: [...search] } : {}) };
}

/** convertHealthcheck: zero durations and retries left out; the loader has already turned `disable` into `["NONE"]`. */
export function convertHealthcheck(check: ComposeHealthcheck | null): HealthConfig | null {
  if (!check) return null;
  const set = (field: keyof HealthConfig, value: number | null) => (value ? { [field]: value } : {});
  return {
    ...(check.test?.length ? { Test: [...check.test] } : {}),
    ...set('Interval', check.interval),
    ...set('Timeout', check.timeout),
    ...set('StartPeriod', check.start_period),
    ...set('StartInterval', check.start_interval),
    ...set('Retries', check.retries),
  };
}
