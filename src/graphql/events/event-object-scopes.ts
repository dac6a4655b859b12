// Whether the objects events name are inside a label-scoped subscriber's scope, remembered
// for the life of one subscription. Looked up, in this order: what this subscription has
// already decided, the cluster's watched state (memory), then one inspect. Objects that
// are gone (a service's `remove`, a network's `destroy`) can no longer be inspected, so the
// services and networks that exist when the subscription starts are decided at once
// (seed()), and every decision is remembered, removal included: a removed service's task
// containers report `die` and `destroy` after its `remove`.
// Fail closed: an object that cannot be looked up (gone, engine error) is out of scope.
import { inScope, type Scope } from '../../auth/access-decision.ts';
import { inspectContainer } from '../../docker/api/containers.ts';
import { inspectNetwork } from '../../docker/api/networks.ts';
import { inspectService } from '../../docker/api/services.ts';
import type { EngineApi } from '../../docker/endpoint.ts';
import type { Network, Service } from '../../docker/engine-api/index.ts';
import { SERVICE_ID_LABEL } from '../containers/container-scope.ts';

type Labels = Record<string, string> | null | undefined;

/** What the watched state holds now, or null when it cannot be used (not synced, watching off). */
export type WatchedObjects = () => Promise<{ services: readonly Service[]; networks: readonly Network[] } | null>;

export interface ObjectScopeSources {
  /** The cluster's manager endpoint, for inspects. */
  api: EngineApi;
  watched: WatchedObjects;
  /** Why a lookup failed (the event is then dropped): at debug level, never to the subscriber. */
  lookupFailed: (kind: string, id: string, err: unknown) => void;
}

/** How a service event asks about its service. */
export interface ServiceQuestion {
  /** The event may have changed the service's labels (create, update): decide again, from a state at least as new as `atMs`. */
  changedAtMs?: number;
  /** The service is gone (remove): only what is remembered or still watched can answer. */
  gone?: boolean;
}

/** A service's verdict, and the `UpdatedAt` of the spec it was decided from. */
interface ServiceDecision {
  inScope: boolean;
  asOfMs: number;
}

export class EventObjectScopes {
  private readonly services = new Map<string, ServiceDecision>();
  private readonly networks = new Map<string, boolean>();
  /** Containers' own labels (they never change), and the service of a task's container. */
  private readonly containers = new Map<string, Labels>();
  private readonly serviceIndex = new WeakMap<readonly Service[], Map<string, Service>>();

  constructor(
    private readonly scope: Scope,
    private readonly sources: ObjectScopeSources,
  ) {}

  /** Decides every service and network that exists now (so that their later removal is known). */
  seed(services: readonly Service[], networks: readonly Network[]): void {
    for (const s of services) this.services.set(s.ID, this.decideService(s));
    for (const n of networks) this.networks.set(n.Id, inScope(this.scope, n.Labels));
  }

  async service(id: string, question: ServiceQuestion = {}): Promise<boolean> {
    const known = this.services.get(id);
    const current = (decision: ServiceDecision | undefined) => decision !== undefined && (question.changedAtMs === undefined || decision.asOfMs >= question.changedAtMs);
    if (known && (question.gone || current(known))) return known.inScope;
    const watched = await this.watchedService(id);
    const fromWatch = watched && this.decideService(watched);
    if (fromWatch && (question.gone || current(fromWatch))) return this.rememberService(id, fromWatch);
    if (question.gone) return false;
    try {
      return this.rememberService(id, this.decideService(await inspectService(this.sources.api, id)));
    } catch (err) {
      // Gone already, or the engine failed: out of scope, and not remembered (a later event asks again).
      this.sources.lookupFailed('service', id, err);
      return false;
    }
  }

  /** A network's labels never change (there is no network update), so one decision lasts. */
  async network(id: string, gone = false): Promise<boolean> {
    const known = this.networks.get(id);
    if (known !== undefined) return known;
    const watched = (await this.watchedObjects())?.networks.find((n) => n.Id === id);
    let labels: Labels = watched ? (watched.Labels ?? null) : undefined;
    if (!watched) {
      if (gone) return false;
      try {
        labels = (await inspectNetwork(this.sources.api, id)).Labels;
      } catch (err) {
        // Gone already, or the engine failed: out of scope, and not remembered (a later event asks again).
        this.sources.lookupFailed('network', id, err);
        return false;
      }
    }
    const verdict = inScope(this.scope, labels);
    this.networks.set(id, verdict);
    return verdict;
  }

  /**
   * A container is in scope when its own labels are (a standalone container started with
   * `--label team=payments`), or when it is a task of a service in scope: the rule of
   * containers/container-scope.ts. `labels`: its labels when the event carries them;
   * `gone`: its `destroy`, after which nothing names it (its labels are forgotten).
   */
  async container(id: string, labels?: Labels, gone = false): Promise<boolean> {
    let own = labels ?? this.containers.get(id);
    if (own === undefined) {
      if (gone) return false;
      try {
        own = (await inspectContainer(this.sources.api, id)).Config?.Labels ?? null;
      } catch (err) {
        this.sources.lookupFailed('container', id, err);
        return false;
      }
    }
    if (gone) this.containers.delete(id);
    else this.containers.set(id, own);
    if (inScope(this.scope, own)) return true;
    const serviceId = own?.[SERVICE_ID_LABEL];
    return serviceId !== undefined && (await this.service(serviceId));
  }

  private decideService(service: Service): ServiceDecision {
    return { inScope: inScope(this.scope, service.Spec.Labels), asOfMs: Date.parse(service.UpdatedAt) };
  }

  private rememberService(id: string, decision: ServiceDecision): boolean {
    const known = this.services.get(id);
    // An answer older than the one remembered (the watched state lagging an inspect) changes nothing.
    if (!known || !(known.asOfMs > decision.asOfMs)) this.services.set(id, decision);
    return this.services.get(id)!.inScope;
  }

  private async watchedService(id: string): Promise<Service | undefined> {
    const services = (await this.watchedObjects())?.services;
    if (!services) return undefined;
    let index = this.serviceIndex.get(services);
    if (!index) {
      index = new Map(services.map((s) => [s.ID, s]));
      this.serviceIndex.set(services, index);
    }
    return index.get(id);
  }

  private async watchedObjects() {
    try {
      return await this.sources.watched();
    } catch {
      return null; // e.g. its task poll failed: inspect instead
    }
  }
}
