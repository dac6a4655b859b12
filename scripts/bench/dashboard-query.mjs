// The dashboard question a bot asks, as GraphQL: every service, its tasks and each task's
// node, plus networks; 100 services (the largest page) at a time. Shared by the benchmark
// and its fresh-process probe, so both ask exactly the same thing.
const SERVICE_FIELDS = 'id name replicas runningTasks tasks { id state node { id hostname role } }';

export const DASHBOARD_FIRST_PAGE = `query Dashboard {
  services(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { ${SERVICE_FIELDS} } }
  networks { nodes { id name driver } }
}`;

export const DASHBOARD_NEXT_PAGE = `query DashboardPage($after: String) {
  services(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { ${SERVICE_FIELDS} } }
}`;
