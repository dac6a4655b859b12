// A grant: a role, the clusters it covers (null: all), and an optional label selector.
// Written as text in the config, on the command line and in the audit log:
//   <role>[@<cluster>[,<cluster>...]][:<key>=<value>[,...]]
//   admin            deployer@prod:team=payments            viewer:team=payments,env=prod
// The grammar only, below the config that reads grants and the auth layer that applies
// them; what a grant allows is src/auth/grant-coverage.ts, from the permission table.
import { formatSelector, normalizeSelector, parseSelector, type LabelSelector } from './label-selector.ts';
import { isRole, ROLES, type Role } from './roles.ts';

export interface Grant {
  role: Role;
  /** Cluster names, or null for every cluster (also engines outside any cluster). */
  clusters: readonly string[] | null;
  selector: LabelSelector | null;
}

const CLUSTER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/;

/** Parses the text form; throws an Error naming the problem. */
export function parseGrant(text: string): Grant {
  const m = /^([a-z]+)(?:@([^:]+))?(?::(.+))?$/.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a grant (role[@cluster,...][:key=value,...])`);
  const [, role, clusters, selector] = m;
  if (!isRole(role!)) throw new Error(`"${role}" is not a role (one of ${ROLES.join(', ')})`);
  return makeGrant(role, clusters === undefined ? null : clusters.split(',').map((c) => c.trim()), selector === undefined ? null : parseSelector(selector));
}

/** Checks and normalizes the parts of a grant; throws an Error naming the problem. */
export function makeGrant(role: Role, clusters: readonly string[] | null, selector: LabelSelector | null): Grant {
  if (clusters) {
    if (clusters.length === 0) throw new Error('a grant needs at least one cluster, or none named for all');
    for (const c of clusters) if (!CLUSTER_NAME.test(c)) throw new Error(`"${c}" is not a cluster name`);
  }
  return {
    role,
    clusters: clusters ? [...new Set(clusters)].sort() : null,
    selector: selector && selector.length > 0 ? normalizeSelector(selector) : null,
  };
}

export function formatGrant(grant: Grant): string {
  return `${grant.role}${grant.clusters ? `@${grant.clusters.join(',')}` : ''}${grant.selector ? `:${formatSelector(grant.selector)}` : ''}`;
}

/** Whether the grant covers a cluster; `undefined` (an engine outside any cluster) needs an all-clusters grant. */
export function grantCoversCluster(grant: Grant, cluster: string | undefined): boolean {
  if (grant.clusters === null) return true;
  return cluster !== undefined && grant.clusters.includes(cluster);
}
