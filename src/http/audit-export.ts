// GET /audit/export?format=ndjson|csv&since&until&principal&operation&cluster&outcome&target&traceId&kind
// The audit log as a download, for the same filters as the `auditRecords` query, newest
// first. The body streams batch by batch with backpressure; a client that goes away stops
// the database reads. Every problem with the query string is a 400 naming the parameter
// (an unknown parameter too: a misspelt filter must not silently export everything), in
// the same GraphQL-shaped error envelope as /graphql (error-envelope.ts).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response, Router } from 'express';
import express from 'express';
import type { Logger } from 'pino';
import { decisionRecord } from '../auth/access-decision.ts';
import { authorityOf } from '../auth/authority.ts';
import type { Principal } from '../auth/principal.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import { AUDIT_KINDS, AUDIT_OUTCOMES, type AuditRecordQuery } from '../audit/audit-query.ts';
import { EXPORT_CONTENT_TYPES, exportAuditRecords, type ExportFormat } from '../audit/export.ts';
import type { Database } from '../db/client.ts';
import { sendErrors } from './error-envelope.ts';
import { requestLogger } from './request-logger.ts';

const TEXT_PARAMS = ['principal', 'operation', 'cluster', 'target', 'traceId'] as const;
const PARAMS = new Set(['format', 'since', 'until', 'outcome', 'kind', ...TEXT_PARAMS]);
const FORMATS: readonly ExportFormat[] = ['ndjson', 'csv'];

export class ExportQueryError extends Error {
  override name = 'ExportQueryError';
}

export interface ExportRequest {
  format: ExportFormat;
  filter: AuditRecordQuery;
}

/** Validates the query string; throws ExportQueryError with a sentence naming the parameter. */
export function parseExportQuery(query: Record<string, unknown>): ExportRequest {
  const one = (name: string): string | undefined => {
    const value = query[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new ExportQueryError(`${name} must be given once, as a plain value`);
    return value;
  };
  for (const name of Object.keys(query)) {
    if (!PARAMS.has(name)) throw new ExportQueryError(`unknown parameter ${name}; the parameters are ${[...PARAMS].join(', ')}`);
  }
  const format = (one('format') ?? 'ndjson').toLowerCase();
  if (!FORMATS.includes(format as ExportFormat)) throw new ExportQueryError(`format must be ndjson or csv, got "${format}"`);
  const instant = (name: string): Date | undefined => {
    const text = one(name);
    if (text === undefined) return undefined;
    // RFC 3339, as the DateTime scalar takes it: a date, a time and a zone (Z or an offset).
    const m = /^(\d{4})-(\d{2})-(\d{2})[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/.exec(text);
    // Date.parse rolls 2026-02-30 over to March; a calendar date must exist as written.
    const ok = m !== null && !Number.isNaN(Date.parse(text)) && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).getUTCDate() === +m[3]!;
    if (!ok) throw new ExportQueryError(`${name} must be an RFC 3339 instant such as 2026-01-31T12:00:00Z, got "${text}"`);
    return new Date(text);
  };
  const choice = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const text = one(name);
    if (text === undefined) return undefined;
    const value = text.toLowerCase() as T;
    if (!allowed.includes(value)) throw new ExportQueryError(`${name} must be one of ${allowed.map((a) => a.toUpperCase()).join(', ')}, got "${text}"`);
    return value;
  };
  const filter: AuditRecordQuery = {
    since: instant('since'),
    until: instant('until'),
    outcome: choice('outcome', AUDIT_OUTCOMES),
    kind: choice('kind', AUDIT_KINDS),
  };
  for (const name of TEXT_PARAMS) {
    const value = one(name);
    if (value === '') throw new ExportQueryError(`${name} is empty; leave it out to not filter on it`);
    filter[name] = value;
  }
  if (filter.since && filter.until && filter.since > filter.until) {
    throw new ExportQueryError(`since (${filter.since.toISOString()}) is after until (${filter.until.toISOString()})`);
  }
  return { format: format as ExportFormat, filter };
}

export function auditExportRoutes(deps: { database: Database | null; logger: Logger; audit: AuditWriter }): Router {
  const router = express.Router();
  router.get('/export', async (req: Request, res: Response) => {
    // The authentication middleware in front of this route has set the principal.
    const principal = res.locals.principal as Principal;
    const decision = authorityOf(principal).decide('Capability.auditExport', undefined);
    if (!decision.allowed) {
      await deps.audit.refusal(
        { requestId: String(res.locals.requestId), principal, userAgent: req.get('user-agent'), cluster: undefined, operation: 'auditExport', target: undefined, input: req.query },
        { kind: 'denied', errorCode: 'FORBIDDEN', decision: decisionRecord(decision) },
      );
      // As for GraphQL fields, the reason goes to the audit log only.
      sendErrors(req, res, 403, { code: 'FORBIDDEN', message: 'audit export: not allowed' });
      return;
    }
    let request: ExportRequest;
    try {
      request = parseExportQuery(req.query as Record<string, unknown>);
    } catch (err) {
      if (!(err instanceof ExportQueryError)) throw err;
      sendErrors(req, res, 400, { code: 'BAD_REQUEST', message: err.message });
      return;
    }
    const { database } = deps;
    const unavailable = (message: string) => sendErrors(req, res, 503, { code: 'AUDIT_UNAVAILABLE', message });
    if (!database) {
      unavailable('the audit log is not available: this gateway runs without an audit database');
      return;
    }
    // Once the body has started a failure can only cut it short, so check the database
    // answers before committing to a 200.
    try {
      await database.prisma.auditRecord.findFirst({ select: { seq: true } });
    } catch (err) {
      requestLogger(deps.logger, res).error({ err }, 'audit export: the database cannot be read');
      unavailable('the audit log could not be read from its database; try again later');
      return;
    }
    const stamp = new Date().toISOString().replaceAll(':', '').replace(/\.\d+Z$/, 'Z');
    res.status(200);
    res.setHeader('Content-Type', EXPORT_CONTENT_TYPES[request.format]);
    res.setHeader('Content-Disposition', `attachment; filename="audit-${stamp}.${request.format}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    try {
      await pipeline(Readable.from(exportAuditRecords(database.prisma, request.filter, request.format)), res);
    } catch (err) {
      // A client that disconnects ends the pipeline too; only a database failure is news.
      if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        requestLogger(deps.logger, res).error({ err }, 'audit export cut short');
      }
      res.destroy();
    }
  });
  return router;
}
