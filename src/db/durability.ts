// Whether the database can keep the audit log's promise: a record the gateway acknowledged
// (an intent before the engine call, an outcome before the answer) survives the database
// crashing. PostgreSQL keeps it only when each commit waits for its WAL to be flushed
// (synchronous_commit not `off`) and the flush reaches the disk (fsync on); without
// full_page_writes an OS crash can tear a page, so that is reported too. Read once at
// start-up; the caller decides whether a problem is a warning or a refusal (production).
import type { SqlExecutor } from './sql-executor.ts';

export interface DurabilitySettings {
  fsync: string;
  synchronousCommit: string;
  fullPageWrites: string;
}

export interface DurabilityReport {
  settings: DurabilitySettings;
  /** What cannot hold, one sentence each; empty when the promise holds. */
  problems: string[];
}

/** The three settings as the server reports them (SHOW), for the session `sql` runs on. */
export async function readDurabilitySettings(sql: SqlExecutor): Promise<DurabilitySettings> {
  const show = async (name: string) => {
    const rows = await sql.query<Record<string, string>>(`SHOW ${name}`);
    return String(Object.values(rows[0] ?? {})[0] ?? '').toLowerCase();
  };
  return { fsync: await show('fsync'), synchronousCommit: await show('synchronous_commit'), fullPageWrites: await show('full_page_writes') };
}

/** The problems with `settings` for a database of `kind`. */
export function durabilityProblems(kind: SqlExecutor['kind'], settings: DurabilitySettings): string[] {
  const problems: string[] = [];
  if (settings.synchronousCommit === 'off') {
    problems.push('synchronous_commit is off: a commit is acknowledged before its WAL is flushed, so a database crash loses acknowledged audit records');
  }
  if (settings.fsync !== 'on') {
    problems.push(
      kind === 'pglite'
        ? 'the embedded PGlite database runs with fsync off: acknowledged audit records survive the gateway process crashing, not the machine crashing or losing power (use PostgreSQL for that)'
        : 'fsync is off: WAL flushes do not reach the disk, so an OS crash or power loss loses acknowledged audit records',
    );
  }
  if (settings.fullPageWrites !== 'on' && kind === 'postgres') {
    problems.push('full_page_writes is off: an OS crash can leave torn pages the database cannot recover');
  }
  return problems;
}

export async function checkDurability(sql: SqlExecutor): Promise<DurabilityReport> {
  const settings = await readDurabilitySettings(sql);
  return { settings, problems: durabilityProblems(sql.kind, settings) };
}
