// GraphQL over HTTP from the benchmark process, and the dashboard question asked page by
// page, as a bot asks it. node's own HTTP client with a keep-alive agent, the same client the
// raw floor uses (engine-http.ts), so the comparison is of the servers, not of two clients.
import http from 'node:http';
import { DASHBOARD_FIRST_PAGE, DASHBOARD_NEXT_PAGE } from './dashboard-query.mjs';

export interface GraphqlClient {
  url: string;
  authorization: string;
  post<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<T>;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function postJson(url: string, payload: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

export function graphqlClient(url: string, authorization: string): GraphqlClient {
  return {
    url,
    authorization,
    async post(query, variables = {}, headers = {}) {
      const res = await postJson(url, JSON.stringify({ query, variables }), { authorization, ...headers });
      let body: { data?: any; errors?: unknown[] };
      try {
        body = JSON.parse(res.text);
      } catch {
        throw new Error(`HTTP ${res.status}: ${res.text.slice(0, 300)}`);
      }
      if (body.errors?.length) throw new Error(`GraphQL errors (HTTP ${res.status}): ${JSON.stringify(body.errors).slice(0, 500)}`);
      return body.data;
    },
  };
}

/** Closes the kept-alive connections (at the end of the run). */
export const closeGraphqlConnections = () => agent.destroy();

interface DashboardPage {
  services: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { tasks: unknown[] }[] };
}

/** Every service with its tasks and their nodes, plus networks; resolves with the services and tasks seen. */
export async function dashboard(client: GraphqlClient, headers: Record<string, string> = {}): Promise<{ services: number; tasks: number }> {
  let page = await client.post<DashboardPage>(DASHBOARD_FIRST_PAGE, {}, headers);
  let services = page.services.nodes.length;
  let tasks = page.services.nodes.reduce((n, s) => n + s.tasks.length, 0);
  while (page.services.pageInfo.hasNextPage) {
    page = await client.post<DashboardPage>(DASHBOARD_NEXT_PAGE, { after: page.services.pageInfo.endCursor }, headers);
    services += page.services.nodes.length;
    tasks += page.services.nodes.reduce((n, s) => n + s.tasks.length, 0);
  }
  return { services, tasks };
}
