// The five roles of the gateway, least to most powerful (auditor stands apart: it reads
// the audit log and nothing else). What each may do is in src/auth/permissions.ts, nowhere else.
export const ROLES = ['viewer', 'operator', 'deployer', 'admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_SUMMARIES: Record<Role, string> = {
  viewer: 'reads swarms, nodes, networks, services, tasks and containers; no join tokens or unlock key',
  operator: 'viewer, plus scale, update image/env, force redeploy, rollback, connect and disconnect containers',
  deployer: 'operator, plus create and remove services and networks, any service update',
  admin: 'everything: swarm, nodes, join tokens, ingress, gateway bridges, API tokens, the audit log; no guardrails',
  auditor: 'reads, exports and verifies the audit log',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
