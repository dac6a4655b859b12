// The audit log as a file: NDJSON or CSV of the records matching a filter, newest first
// (the order of `auditRecords`), produced batch by batch so an export of any size holds one
// batch in memory.
//
// Both formats carry every column, in COLUMNS order, with values as stored: kind and
// outcome in lower case, seq as a decimal string, recordedAt in ISO 8601 UTC with
// milliseconds. An NDJSON line embeds input and decision as JSON values, so a line has
// exactly the fields the hash covers and anyone can recompute `hash` from it (record.ts).
// CSV (RFC 4180, CRLF line ends, a header row) holds input, decision and objectIds as
// JSON text; SQL NULL is an empty field, an empty string a quoted empty field (""); text
// that a spreadsheet would take for a formula is prefixed with ' (see csvField).
import { canonicalJson, recordText, type AuditRecordData, type JsonValue } from './record.ts';
import { DEFAULT_BATCH_SIZE, streamAuditRecords, type AuditReader, type AuditRecordQuery } from './audit-query.ts';

export type ExportFormat = 'ndjson' | 'csv';

/** The columns of an export, in order. */
export const COLUMNS = [
  'seq', 'id', 'kind', 'recordedAt', 'requestId', 'principal', 'clientAddress', 'userAgent', 'cluster', 'operation',
  'target', 'input', 'intentId', 'outcome', 'errorCode', 'objectIds', 'durationMs', 'decision', 'prevHash', 'hash', 'traceId',
] as const satisfies readonly (keyof AuditRecordData)[];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** The JSON object of one NDJSON line, keys in column order. */
export function exportObject(record: AuditRecordData): Record<(typeof COLUMNS)[number], JsonValue> {
  const text = recordText(record);
  return Object.fromEntries(COLUMNS.map((column) => [column, text[column]])) as Record<(typeof COLUMNS)[number], JsonValue>;
}

export function ndjsonLine(record: AuditRecordData): string {
  return `${JSON.stringify(exportObject(record))}\n`;
}

export function csvHeader(): string {
  return `${COLUMNS.join(',')}\r\n`;
}

export function csvLine(record: AuditRecordData): string {
  const row = exportObject(record);
  return `${COLUMNS.map((c) => csvField(c === 'input' || c === 'decision' || c === 'objectIds' ? jsonText(row[c]) : row[c])).join(',')}\r\n`;
}

function jsonText(value: JsonValue): string | null {
  return value === null ? null : canonicalJson(value);
}

/**
 * One CSV field: quoted when it holds a comma, quote, CR or LF, or is empty; quotes doubled.
 * A text that a spreadsheet would run as a formula (starting with = + - @, tab or CR: a
 * service name or input written by a caller) is prefixed with `'`, as OWASP advises, so
 * opening the export cannot execute it; NDJSON keeps every value exactly as stored.
 */
export function csvField(value: JsonValue): string {
  if (value === null) return '';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (text === '' || /[",\r\n]/.test(text)) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

/** The export as text chunks (one per batch), newest record first. */
export async function* exportAuditRecords(
  prisma: AuditReader,
  filter: AuditRecordQuery,
  format: ExportFormat,
  opts: { batchSize?: number } = {},
): AsyncGenerator<string> {
  const line = format === 'csv' ? csvLine : ndjsonLine;
  if (format === 'csv') yield csvHeader();
  let chunk = '';
  let n = 0;
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  for await (const record of streamAuditRecords(prisma, filter, { order: 'desc', batchSize })) {
    chunk += line(record);
    if (++n % batchSize === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
