// `/containers`: the list (`docker ps [--all] [--filter name|label|network]`, summaries
// without aliases) and inspect (ID, name or unique ID prefix; dockerd's 404
// "No such container: x"). Containers are made by tests (network-objects.ts addContainer).
import { notFound } from '../errors.ts';
import type { Router } from '../router.ts';
import type { Json } from '../state.ts';
import { labelMatches } from './nodes.ts';

/** The `GET /containers/json` entry: what `docker ps` reads, endpoints without aliases. */
function summary(container: Json): Json {
  const networks = Object.fromEntries(
    Object.entries(container.NetworkSettings.Networks as Record<string, Json>).map(([name, e]) => [name, { ...e, Aliases: null }]),
  );
  return {
    Id: container.Id,
    Names: [container.Name],
    Image: container.Config.Image,
    ImageID: container.Image,
    Command: 'sh',
    Created: Math.floor(Date.parse(container.Created) / 1000),
    State: container.State.Status,
    Status: container.State.Running ? 'Up 1 minute' : 'Exited (0) 1 minute ago',
    Ports: [],
    Labels: container.Config.Labels ?? {},
    NetworkSettings: { Networks: networks },
  };
}

function matches(container: Json, filters: Record<string, string[]>): boolean {
  const any = (name: string, test: (v: string) => boolean) => !filters[name]?.length || filters[name]!.some(test);
  const endpoints = Object.entries(container.NetworkSettings.Networks as Record<string, Json>);
  return (
    // dockerd matches names as a regular expression against "/name".
    any('name', (v) => new RegExp(v).test(container.Name)) &&
    any('id', (v) => container.Id.startsWith(v)) &&
    any('label', (v) => labelMatches(container.Config.Labels, v)) &&
    any('network', (v) => endpoints.some(([name, e]) => name === v || e.NetworkID === v || String(e.NetworkID).startsWith(v))) &&
    any('status', (v) => container.State.Status === v)
  );
}

export function containerRoutes(router: Router): void {
  router.get('/containers/json', ({ state, query, filters }) => {
    const all = query.all === 'true' || query.all === '1';
    return [...state.containers.values()].filter((c) => (all || c.State.Running) && matches(c, filters)).map(summary);
  });

  router.get('/containers/:id/json', ({ state, params }) => {
    const container = state.findContainer(params.id!);
    if (!container) throw notFound(`No such container: ${params.id}`);
    return container;
  });
}
