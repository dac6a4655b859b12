// Test support for the stack parity tests: reads a stack's services, networks, secrets and
// configs straight from one node's Engine API (its unix socket, API 1.41: no CLI in between;
// engineRequest also writes, for a change made out of band),
// and turns two such readings into comparable documents. Normalized are ONLY what must differ
// between two deploys of one compose file under two stack names: IDs, versions, timestamps,
// the stack name in any string, references by ID (network, secret and config IDs -> names),
// and what the engine allocates itself (an overlay's subnet and gateway when the file names
// none, its VXLAN ID, a service's virtual IP addresses). Everything else is compared as the
// engine holds it.
import http from 'node:http';
import { DOCKER_API_VERSION, type SwarmNode } from './swarm.ts';

type Json = any;

/** A request to the node's Engine API (a JSON body when given); throws with the body on a non-2xx answer. */
export function engineRequest(node: Pick<SwarmNode, 'socket'>, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Json> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) };
    const req = http.request({ socketPath: node.socket, path: `/v${DOCKER_API_VERSION}${path}`, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if ((res.statusCode ?? 500) >= 300) reject(new Error(`${method} ${path}: ${res.statusCode} ${text}`));
        else resolve(text ? JSON.parse(text) : null);
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

/** GET on the node's Engine API. */
export const engineGet = (node: Pick<SwarmNode, 'socket'>, path: string): Promise<Json> => engineRequest(node, 'GET', path);

export const NAMESPACE_LABEL = 'com.docker.stack.namespace';

/** What the engine holds of a stack (objects labelled with its namespace), and the names of every object an ID may point at. */
export interface StackReading {
  stack: string;
  services: Json[];
  networks: Json[];
  secrets: Json[];
  configs: Json[];
  /** Every network, secret and config ID on the cluster -> its name (for references to objects outside the stack too). */
  names: Map<string, string>;
}

const labelFilter = (stack: string) => `?filters=${encodeURIComponent(JSON.stringify({ label: [`${NAMESPACE_LABEL}=${stack}`] }))}`;

/** The engine's objects labelled `com.docker.stack.namespace=<stack>`. */
export async function readStack(node: Pick<SwarmNode, 'socket'>, stack: string): Promise<StackReading> {
  const [services, networks, secrets, configs, allNetworks, allSecrets, allConfigs] = await Promise.all([
    engineGet(node, `/services${labelFilter(stack)}`),
    engineGet(node, `/networks${labelFilter(stack)}`),
    engineGet(node, `/secrets${labelFilter(stack)}`),
    engineGet(node, `/configs${labelFilter(stack)}`),
    engineGet(node, '/networks'),
    engineGet(node, '/secrets'),
    engineGet(node, '/configs'),
  ]);
  const names = new Map<string, string>();
  for (const n of allNetworks) names.set(n.Id, n.Name);
  for (const s of [...allSecrets, ...allConfigs]) names.set(s.ID, s.Spec.Name);
  return { stack, services, networks, secrets, configs, names };
}

/**
 * Whether swarmkit's allocator has processed every service of a reading: it fills
 * Endpoint (ports, virtual IPs) a moment after the create answers, so a reading taken at
 * once may lack it. A VIP-mode service of a stack is always on a network, so it is allocated
 * once it has a virtual IP.
 */
export function allocated(r: StackReading): boolean {
  return r.services.every((s) => (s.Spec.EndpointSpec?.Mode ?? 'vip') !== 'vip' || (s.Endpoint?.VirtualIPs?.length ?? 0) > 0);
}

/** readStack once the allocator has processed every service (polls for up to `timeoutMs`). */
export async function readAllocatedStack(node: Pick<SwarmNode, 'socket'>, stack: string, timeoutMs = 30_000): Promise<StackReading> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await readStack(node, stack);
    if (allocated(r)) return r;
    if (Date.now() > deadline) throw new Error(`the allocator did not process every service of ${stack} in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** How many objects of any kind carry the stack's namespace label. */
export function objectCount(r: StackReading): number {
  return r.services.length + r.networks.length + r.secrets.length + r.configs.length;
}

/** Replaces the stack name in every string (and key) of a value. */
function unstack(value: Json, stack: string): Json {
  if (typeof value === 'string') return value.split(stack).join('<stack>');
  if (Array.isArray(value)) return value.map((v) => unstack(v, stack));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [unstack(k, stack), unstack(v, stack)]));
  }
  return value;
}

function byName<T>(items: T[], name: (t: T) => string): Record<string, T> {
  return Object.fromEntries([...items].sort((a, b) => name(a).localeCompare(name(b))).map((t) => [name(t), t]));
}

function serviceSpec(spec: Json, names: Map<string, string>): Json {
  const out = structuredClone(spec);
  const ref = (id: string) => names.get(id) ?? `<unknown ${id}>`;
  for (const net of [...(out.TaskTemplate?.Networks ?? []), ...(out.Networks ?? [])]) net.Target = names.get(net.Target) ?? net.Target;
  const container = out.TaskTemplate?.ContainerSpec ?? {};
  for (const s of container.Secrets ?? []) s.SecretID = ref(s.SecretID);
  for (const c of container.Configs ?? []) c.ConfigID = ref(c.ConfigID);
  // The CLI sorts references by the secret's (config's) name only, after collecting them in a Go
  // map (service.ParseSecrets/ParseConfigs): several references to one object come in a random
  // order. Among those, order by target, which is what the CLI leaves undefined.
  if (container.Secrets) container.Secrets = targetsWithinName(container.Secrets, 'SecretName');
  if (container.Configs) container.Configs = targetsWithinName(container.Configs, 'ConfigName');
  return out;
}

/** Each run of consecutive references to one name ordered by target; the order of the runs is kept (it is compared). */
function targetsWithinName(refs: Json[], name: string): Json[] {
  const runs: Json[][] = [];
  for (const r of refs) {
    const last = runs[runs.length - 1];
    if (last && last[0][name] === r[name]) last.push(r);
    else runs.push([r]);
  }
  return runs.flatMap((run) => run.sort((a, b) => String(a.File?.Name).localeCompare(String(b.File?.Name))));
}

/**
 * A service as the engine inspects it, without its ID, version and timestamps; network, secret
 * and config IDs by name; a virtual IP's address is the allocator's (its network is kept).
 */
function service(s: Json, names: Map<string, string>): Json {
  const { ID: _id, Version: _v, CreatedAt: _c, UpdatedAt: _u, Spec, PreviousSpec, Endpoint, ...rest } = s;
  const out: Json = { ...structuredClone(rest), Spec: serviceSpec(Spec, names) };
  if (PreviousSpec) out.PreviousSpec = serviceSpec(PreviousSpec, names);
  // A job's iteration: its index is a version, its last execution a timestamp.
  if (out.JobStatus) out.JobStatus = { JobIteration: '<version>', LastExecution: '<timestamp>' };
  if (Endpoint) {
    out.Endpoint = structuredClone(Endpoint);
    for (const vip of out.Endpoint.VirtualIPs ?? []) {
      vip.NetworkID = names.get(vip.NetworkID) ?? `<unknown ${vip.NetworkID}>`;
      vip.Addr = '<allocated>';
    }
  }
  return out;
}

/**
 * A network as the engine lists it, without its ID, creation time and attached containers;
 * the VXLAN ID and (when `composeText` does not write them) the subnet and gateway are the
 * allocator's, like an ID.
 */
function network(n: Json, composeText: string): Json {
  const { Id: _id, Created: _created, Containers: _c, Services: _s, Peers: _p, Status: _st, ...rest } = n;
  const out = structuredClone(rest);
  if (out.Options?.['com.docker.network.driver.overlay.vxlanid_list'] !== undefined) out.Options['com.docker.network.driver.overlay.vxlanid_list'] = '<allocated>';
  for (const c of out.IPAM?.Config ?? []) {
    for (const k of ['Subnet', 'Gateway', 'IPRange']) if (typeof c[k] === 'string' && !composeText.includes(c[k])) c[k] = '<allocated>';
  }
  return out;
}

/** The comparable document of one stack: each kind by name, the stack's name as `<stack>`. */
export function normalizeStack(r: StackReading, composeText = ''): Json {
  return unstack(
    {
      services: byName(r.services.map((s) => service(s, r.names)), (s) => s.Spec.Name),
      networks: byName(r.networks.map((n) => network(n, composeText)), (n) => n.Name),
      secrets: byName(r.secrets.map((s) => s.Spec), (s) => s.Name),
      configs: byName(r.configs.map((c) => c.Spec), (c) => c.Name),
    },
    r.stack,
  );
}

/** The differences between two JSON values, one line each: `path: left -> right` (empty when equal). */
export function jsonDiff(left: Json, right: Json, path = ''): string[] {
  if (JSON.stringify(left) === JSON.stringify(right)) return [];
  const bothObjects = left && right && typeof left === 'object' && typeof right === 'object' && Array.isArray(left) === Array.isArray(right);
  if (!bothObjects) return [`${path || '.'}: ${JSON.stringify(left)} -> ${JSON.stringify(right)}`];
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.flatMap((k) => jsonDiff(left[k], right[k], `${path}.${k}`));
}
