// One service of a validated compose file in the ComposeService shape: short syntaxes in
// their long form, durations in nanoseconds, sizes in bytes, commands split. The input has
// passed the schema (schema.ts), so only meanings are checked here; each problem is at the
// compose path of the value at fault.
import { userError, type UserErrorInit } from '../../../errors/codes.ts';
import { parseGoDuration } from '../../../validate/duration.ts';
import { validateImageRef } from '../../../validate/image.ts';
import { parseMemoryBytes } from '../../../validate/memory.ts';
import type {
  ComposeDeploy, ComposeFileReference, ComposeHealthcheck, ComposeMount, ComposePort, ComposeResources, ComposeService,
  ComposeServiceNetwork, ComposeUpdateConfig, Nanoseconds,
} from '../compose-file.ts';
import { hostsList, listOrDict, stringList } from './mappings.ts';
import { parseShortPort, PortSyntaxError } from './ports.ts';
import { shellSplit, ShellSplitError } from './shell-split.ts';
import { normalizeVolume } from './volumes.ts';

// The raw value has passed the schema: its shape is known, so it is read without casts.
type Raw = Record<string, any>;

export class ServiceNormalizer {
  readonly problems: UserErrorInit[] = [];

  constructor(
    private readonly base: string[],
    private readonly variables: Readonly<Record<string, string>>,
  ) {}

  private at(...keys: string[]): string[] {
    return [...this.base, ...keys];
  }

  private fail(path: string[], code: UserErrorInit['code'], message: string): null {
    this.problems.push(userError(path, code, `${path.join('.')}: ${message}`));
    return null;
  }

  private duration(value: string | undefined, ...keys: string[]): Nanoseconds | null {
    if (value === undefined) return null;
    const parsed = parseGoDuration(value, this.at(...keys));
    if ('errors' in parsed) return void this.problems.push(...parsed.errors), null;
    return parsed.nanoseconds;
  }

  private memory(value: string | number | undefined, ...keys: string[]): number | null {
    if (value === undefined) return null;
    if (typeof value === 'number') return value;
    const parsed = parseMemoryBytes(value, this.at(...keys));
    if ('errors' in parsed) return void this.problems.push(...parsed.errors), null;
    return parsed.bytes;
  }

  private words(value: string | string[] | undefined, key: string): string[] | null {
    if (value === undefined) return null;
    if (Array.isArray(value)) return value;
    try {
      return shellSplit(value);
    } catch (err) {
      if (!(err instanceof ShellSplitError)) throw err;
      return this.fail(this.at(key), 'INVALID_VALUE', `cannot be split into words: ${err.message}.`);
    }
  }

  service(raw: Raw): ComposeService {
    this.problems.push(...validateImageRef(raw.image, this.at('image')));
    const hosts = hostsList(raw.extra_hosts);
    for (const i of hosts.bad) this.fail(this.at('extra_hosts', String(i)), 'COMPOSE_INVALID', 'an extra host is written host:ip or host=ip.');
    const ulimits: ComposeService['ulimits'] = {};
    for (const [name, limit] of Object.entries((raw.ulimits ?? {}) as Record<string, number | { soft: number; hard: number }>)) {
      ulimits[name] = typeof limit === 'number' ? { soft: limit, hard: limit } : { soft: limit.soft, hard: limit.hard };
    }
    return {
      image: raw.image,
      command: this.words(raw.command, 'command'),
      entrypoint: this.words(raw.entrypoint, 'entrypoint'),
      environment: this.environment(raw.environment),
      labels: listOrDict(raw.labels, false),
      hostname: raw.hostname ?? null,
      user: raw.user ?? null,
      working_dir: raw.working_dir ?? null,
      stop_signal: raw.stop_signal ?? null,
      stop_grace_period: this.duration(raw.stop_grace_period, 'stop_grace_period'),
      tty: raw.tty ?? null,
      stdin_open: raw.stdin_open ?? null,
      read_only: raw.read_only ?? null,
      init: raw.init ?? null,
      dns: stringList(raw.dns),
      dns_search: stringList(raw.dns_search),
      dns_opt: stringList(raw.dns_opt),
      extra_hosts: hosts.hosts,
      cap_add: stringList(raw.cap_add),
      cap_drop: stringList(raw.cap_drop),
      sysctls: listOrDict(raw.sysctls, false),
      ulimits,
      isolation: raw.isolation ?? null,
      logging: raw.logging ? { driver: raw.logging.driver ?? null, options: listOrDict(raw.logging.options, false) } : null,
      healthcheck: raw.healthcheck ? this.healthcheck(raw.healthcheck) : null,
      deploy: this.deploy(raw.deploy ?? {}),
      ports: this.ports(raw.ports ?? []),
      networks: raw.networks === undefined ? null : this.networks(raw.networks),
      secrets: this.references(raw.secrets ?? []),
      configs: this.references(raw.configs ?? []),
      volumes: this.volumes(raw.volumes ?? []),
    };
  }

  /**
   * The CLI fills a variable written without a value (`- FOO`), or with an empty one, from
   * the environment `docker stack deploy` runs in; the gateway's counterpart of that
   * environment is stackDeploy's variables. One not among them stays null (left out).
   */
  private environment(raw: unknown): Record<string, string | null> {
    const env = listOrDict(raw, true);
    for (const [name, value] of Object.entries(env)) {
      if ((value === null || value === '') && Object.hasOwn(this.variables, name)) env[name] = this.variables[name]!;
    }
    return env;
  }

  private healthcheck(raw: Raw): ComposeHealthcheck {
    let test: string[] | null = typeof raw.test === 'string' ? ['CMD-SHELL', raw.test] : (raw.test ?? null);
    if (raw.disable === true) {
      if (test !== null) this.fail(this.at('healthcheck'), 'COMPOSE_INVALID', 'test and disable cannot be set at the same time.');
      test = ['NONE'];
    }
    return {
      test,
      interval: this.duration(raw.interval, 'healthcheck', 'interval'),
      timeout: this.duration(raw.timeout, 'healthcheck', 'timeout'),
      start_period: this.duration(raw.start_period, 'healthcheck', 'start_period'),
      start_interval: this.duration(raw.start_interval, 'healthcheck', 'start_interval'),
      retries: raw.retries ?? null,
    };
  }

  private updateConfig(raw: Raw | undefined, key: string): ComposeUpdateConfig | null {
    if (!raw) return null;
    return {
      parallelism: raw.parallelism ?? null,
      delay: this.duration(raw.delay, 'deploy', key, 'delay'),
      failure_action: raw.failure_action ?? null,
      monitor: this.duration(raw.monitor, 'deploy', key, 'monitor'),
      max_failure_ratio: raw.max_failure_ratio ?? null,
      order: raw.order ?? null,
    };
  }

  private resources(raw: Raw | undefined, key: string): ComposeResources | null {
    if (!raw) return null;
    return {
      cpus: raw.cpus === undefined ? null : String(raw.cpus),
      memory: this.memory(raw.memory, 'deploy', 'resources', key, 'memory'),
      pids: raw.pids ?? null,
    };
  }

  /** `deploy.endpoint_mode` lowercased, as the CLI sends it (convertEndpointSpec); only the engine's two modes. */
  private endpointMode(raw: string | undefined): ComposeDeploy['endpoint_mode'] {
    if (raw === undefined) return null;
    const mode = raw.toLowerCase();
    if (mode === 'vip' || mode === 'dnsrr') return mode;
    return this.fail(this.at('deploy', 'endpoint_mode'), 'COMPOSE_INVALID', `"${raw}" is no endpoint mode: use vip or dnsrr.`);
  }

  private deploy(raw: Raw): ComposeDeploy {
    const mode = raw.mode ?? 'replicated';
    if (raw.replicas !== undefined && (mode === 'global' || mode === 'global-job')) {
      this.fail(this.at('deploy', 'replicas'), 'COMPOSE_INVALID', 'replicas can only be used with replicated or replicated-job mode.');
    }
    const restart = raw.restart_policy as Raw | undefined;
    const placement = (raw.placement ?? {}) as Raw;
    return {
      mode,
      replicas: raw.replicas ?? null,
      labels: listOrDict(raw.labels, false),
      endpoint_mode: this.endpointMode(raw.endpoint_mode),
      update_config: this.updateConfig(raw.update_config, 'update_config'),
      rollback_config: this.updateConfig(raw.rollback_config, 'rollback_config'),
      restart_policy: restart
        ? {
            condition: restart.condition ?? null,
            delay: this.duration(restart.delay, 'deploy', 'restart_policy', 'delay'),
            max_attempts: restart.max_attempts ?? null,
            window: this.duration(restart.window, 'deploy', 'restart_policy', 'window'),
          }
        : null,
      resources: { limits: this.resources(raw.resources?.limits, 'limits'), reservations: this.resources(raw.resources?.reservations, 'reservations') },
      placement: {
        constraints: placement.constraints ?? [],
        preferences: (placement.preferences ?? []).map((p: { spread: string }) => ({ spread: p.spread })),
        max_replicas_per_node: placement.max_replicas_per_node ?? null,
      },
    };
  }

  private ports(entries: (number | string | Raw)[]): ComposePort[] {
    return entries.flatMap((entry, i) => {
      if (typeof entry === 'object') {
        return [{ target: entry.target, published: entry.published ?? null, protocol: entry.protocol ?? 'tcp', mode: entry.mode ?? 'ingress' }];
      }
      try {
        return parseShortPort(entry);
      } catch (err) {
        if (!(err instanceof PortSyntaxError)) throw err;
        this.fail(this.at('ports', String(i)), 'INVALID_VALUE', `"${entry}": ${err.message}.`);
        return [];
      }
    });
  }

  private networks(raw: string[] | Record<string, Raw | null>): Record<string, ComposeServiceNetwork> {
    const out: Record<string, ComposeServiceNetwork> = {};
    const entries: [string, Raw | null][] = Array.isArray(raw) ? raw.map((name) => [name, null]) : Object.entries(raw);
    for (const [name, config] of entries) {
      out[name] = { aliases: config?.aliases ?? [], ipv4_address: config?.ipv4_address ?? null, ipv6_address: config?.ipv6_address ?? null };
    }
    return out;
  }

  private references(entries: (string | Raw)[]): ComposeFileReference[] {
    return entries.map((entry) =>
      typeof entry === 'string'
        ? { source: entry, target: null, uid: null, gid: null, mode: null }
        : { source: entry.source, target: entry.target ?? null, uid: entry.uid ?? null, gid: entry.gid ?? null, mode: entry.mode ?? null },
    );
  }

  private volumes(entries: (string | Raw)[]): ComposeMount[] {
    return entries.flatMap((entry, i) => normalizeVolume(entry as never, this.at('volumes', String(i)), this.problems) ?? []);
  }
}
