// `npm run token:create -- --name ops-admin --grant admin [--grant viewer:team=x] [--expires-in-days N]`
//   creates a token and prints it once on stdout (its ID and prefix on stderr): the way to
//   the first admin token of a fresh install.
// `npm run token:list [-- --all]`: the tokens (revoked ones with --all), never a secret.
// `npm run token:revoke -- <id|prefix>`: revokes a token.
// The database and settings come from the gateway's configuration (GATEWAY_CONFIG,
// DATABASE_URL, GATEWAY_DATA_DIR), migrated first. The embedded PGlite database admits one
// process at a time: stop the gateway first, or use the GraphQL mutations. Exit codes: 0
// done, 1 failed, 2 bad usage or input (the reason on stderr).
import { parseArgs } from 'node:util';
import pino from 'pino';
import { openMigratedDatabase } from '../audit/open-database.ts';
import { parseGrant, type Grant } from '../grants/grant.ts';
import { isExpired, resolveExpiry, tokenNameProblem, unknownClustersProblem } from '../auth/tokens/token-request.ts';
import { ApiTokenStore, type ApiTokenRow } from '../auth/tokens/token-store.ts';
import { loadConfig, type GatewayConfig } from '../config/config.ts';
import type { Database } from '../db/client.ts';
import { auditedChange, CLI_PRINCIPAL } from './audited-change.ts';
import { runCommand, UsageError, wholeDays } from './run-command.ts';

const USAGE = `usage: npm run token:create -- --name <name> --grant <grant> [--grant <grant>...] [--expires-in-days <days>]
       npm run token:list [-- --all]
       npm run token:revoke -- <id or prefix>
A grant is role[@cluster,...][:key=value,...], e.g. admin, viewer:team=payments, deployer@prod:team=payments.`;

async function create(config: GatewayConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { name: { type: 'string' }, grant: { type: 'string', multiple: true }, 'expires-in-days': { type: 'string' } }, strict: true });
  const problems: string[] = [];
  const name = values.name ?? '';
  const nameProblem = tokenNameProblem(name);
  if (nameProblem) problems.push(`--name: ${nameProblem}`);
  const grants: Grant[] = [];
  if (!values.grant?.length) problems.push('--grant: give the token at least one grant (e.g. --grant admin).');
  for (const text of values.grant ?? []) {
    try {
      const grant = parseGrant(text);
      const unknown = unknownClustersProblem(grant, config.clusters.map((c) => c.name));
      if (unknown) problems.push(`--grant ${text}: ${unknown}`);
      else grants.push(grant);
    } catch (err) {
      problems.push(`--grant ${text}: ${(err as Error).message}`);
    }
  }
  const days = values['expires-in-days'];
  let expiresInDays: number | null = null;
  try {
    if (days !== undefined) expiresInDays = wholeDays('--expires-in-days', days);
  } catch (err) {
    problems.push((err as Error).message);
  }
  const expiry = resolveExpiry(
    { expiresInDays },
    { now: new Date(), maxTokenDays: config.auth.maxTokenDays, names: { expiresAt: '--expires-in-days', expiresInDays: '--expires-in-days' } },
  );
  if ('error' in expiry && !problems.some((p) => p.startsWith('--expires-in-days'))) problems.push(expiry.error);
  if (problems.length > 0) throw new UsageError(problems.join('\n'));

  return withDatabase(config, async (database) => {
    const store = new ApiTokenStore(database);
    const input = { name, grants: values.grant ?? [], expiresInDays };
    const { token, row } = await auditedChange(database, { operation: 'apiTokenCreate', target: name, input }, async () => {
      const created = await store.create({ name, owner: CLI_PRINCIPAL, grants, expiresAt: 'expiresAt' in expiry ? expiry.expiresAt : null });
      return { result: created, objectIds: [created.row.id] };
    });
    process.stdout.write(`${token}\n`);
    process.stderr.write(
      `token:create: created API token ${row.prefix} (id ${row.id}, principal token:${row.id}) "${row.name}" with ${row.grants.join(', ')}` +
        `${row.expiresAt ? `, expires ${row.expiresAt.toISOString()}` : ', no expiry'}.\n` +
        'token:create: the token above is shown this once; the gateway keeps only its hash.\n',
    );
    return 0;
  });
}

async function list(config: GatewayConfig, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { all: { type: 'boolean', default: false } }, strict: true });
  return withDatabase(config, async (database) => {
    const rows = await new ApiTokenStore(database).list({ includeRevoked: values.all });
    if (rows.length === 0) process.stderr.write(`token:list: no ${values.all ? '' : 'active '}tokens\n`);
    for (const row of rows) process.stdout.write(`${describe(row, config)}\n`);
    return 0;
  });
}

async function revoke(config: GatewayConfig, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError('give exactly one token ID or prefix');
  const ref = positionals[0]!;
  return withDatabase(config, async (database) => {
    const store = new ApiTokenStore(database);
    const row = await store.find(ref);
    if (!row) {
      process.stderr.write(`token:revoke: no API token has the ID or prefix "${ref}"\n`);
      return 2;
    }
    if (row.revokedAt) {
      process.stderr.write(`token:revoke: API token ${row.prefix} was already revoked at ${row.revokedAt.toISOString()} by ${row.revokedBy ?? 'unknown'}\n`);
      return 1;
    }
    const revoked = await auditedChange(database, { operation: 'apiTokenRevoke', target: ref, input: { id: ref } }, async () => {
      const done = await store.revoke(row.id, CLI_PRINCIPAL);
      return { result: done, objectIds: done ? [row.id] : [] };
    });
    if (!revoked) {
      process.stderr.write(`token:revoke: API token ${row.prefix} was revoked meanwhile\n`);
      return 1;
    }
    process.stderr.write(`token:revoke: revoked ${describe(revoked, config)}\n`);
    return 0;
  });
}

function describe(row: ApiTokenRow, config: GatewayConfig): string {
  const state = row.revokedAt
    ? `revoked ${row.revokedAt.toISOString()} by ${row.revokedBy ?? 'unknown'}`
    : isExpired(row, new Date(), config.auth.maxTokenDays)
      ? 'expired'
      : 'active';
  const fields = [
    row.id,
    row.prefix,
    JSON.stringify(row.name),
    row.grants.join(','),
    state,
    `owner=${row.owner}`,
    `created=${row.createdAt.toISOString()}`,
    `expires=${row.expiresAt?.toISOString() ?? 'never'}`,
    `last-used=${row.lastUsedAt?.toISOString() ?? 'never'}`,
  ];
  return fields.join('\t');
}

async function withDatabase(config: GatewayConfig, work: (database: Database) => Promise<number>): Promise<number> {
  const logger = pino({ level: 'warn' }, pino.destination(2));
  const database = await openMigratedDatabase(config.database, logger);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const run = command === 'create' ? create : command === 'list' ? list : command === 'revoke' ? revoke : undefined;
  if (!run) throw new UsageError(`unknown command "${command ?? ''}"`);
  return run(loadConfig(process.env), args);
}

await runCommand({ name: 'token', usage: USAGE, failureStatus: 1 }, () => main(process.argv.slice(2)));
