// Test support: the database schema that prisma/schema.prisma describes (read from Prisma's
// DMMF, which @prisma/internals computes offline with its wasm engine) and the schema a
// database actually has (from its catalogs), in one comparable shape, so a test can prove
// that the hand-written migrations create exactly what the Prisma client expects.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import internals from '@prisma/internals';
import type { SqlExecutor } from '../../src/db/sql-executor.ts';

export const SCHEMA_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../prisma/schema.prisma');

export interface TableShape {
  /** column -> `format_type` text (e.g. `timestamp(3) with time zone`), nullability, default. */
  columns: Record<string, { type: string; nullable: boolean; default: string | null }>;
  /** index name -> its kind and columns in order. */
  indexes: Record<string, { kind: 'primary' | 'unique' | 'normal'; columns: string[] }>;
}

/** table name -> shape, for every model in the schema. */
export type SchemaShape = Record<string, TableShape>;

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  nativeType?: [string, string[]] | null;
  isRequired: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: { name: string }[];
}

export async function expectedSchema(schemaPath: string = SCHEMA_PATH): Promise<SchemaShape> {
  const dmmf = await internals.getDMMF({ datamodel: readFileSync(schemaPath, 'utf8') });
  const indexes = (dmmf.datamodel as unknown as { indexes: DmmfIndex[] }).indexes;
  const shape: SchemaShape = {};
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    const fields = model.fields as unknown as DmmfField[];
    const column = (fieldName: string): string => {
      const f = fields.find((x) => x.name === fieldName);
      if (!f) throw new Error(`index on unknown field ${model.name}.${fieldName}`);
      return f.dbName ?? f.name;
    };
    const t: TableShape = { columns: {}, indexes: {} };
    for (const f of fields) {
      if (f.kind === 'object') continue; // relation fields have no column
      // The model has no defaults yet; when one is added, teach this file its SQL form
      // rather than let it pass unchecked.
      if (f.hasDefaultValue) throw new Error(`${model.name}.${f.name}: @default is not mapped in test/support/db-schema.ts`);
      // Prisma never puts NOT NULL on a PostgreSQL array column.
      t.columns[f.dbName ?? f.name] = { type: columnType(model.name, f), nullable: !f.isRequired || f.isList, default: null };
    }
    for (const idx of indexes.filter((i) => i.model === model.name)) {
      const columns = idx.fields.map((x) => column(x.name));
      const kind = idx.type === 'id' ? 'primary' : idx.type === 'unique' ? 'unique' : 'normal';
      if (idx.type === 'fulltext') throw new Error('fulltext indexes are MySQL-only');
      // Prisma's default names: <table>_pkey, <table>_<cols>_key, <table>_<cols>_idx.
      const suffix = kind === 'primary' ? 'pkey' : kind === 'unique' ? `${columns.join('_')}_key` : `${columns.join('_')}_idx`;
      const name = idx.dbName ?? `${table}_${suffix}`;
      if (name.length > 63) throw new Error(`index name ${name} is over PostgreSQL's 63 bytes; give it a map:`);
      t.indexes[name] = { kind, columns };
    }
    shape[table] = t;
  }
  return shape;
}

/** PostgreSQL's `format_type` text for a Prisma scalar field (the types this project uses). */
function columnType(model: string, f: DmmfField): string {
  const [native, args = []] = f.nativeType ?? [];
  let type: string;
  if (native) {
    const nativeTypes: Record<string, (a: string[]) => string> = {
      Uuid: () => 'uuid',
      Char: (a) => `character(${a[0] ?? 1})`,
      VarChar: (a) => (a[0] ? `character varying(${a[0]})` : 'character varying'),
      Text: () => 'text',
      Timestamptz: (a) => `timestamp(${a[0] ?? 6}) with time zone`,
      Timestamp: (a) => `timestamp(${a[0] ?? 6}) without time zone`,
      SmallInt: () => 'smallint',
      Integer: () => 'integer',
      BigInt: () => 'bigint',
      JsonB: () => 'jsonb',
      Json: () => 'json',
    };
    const map = nativeTypes[native];
    if (!map) throw new Error(`${model}.${f.name}: native type @db.${native} is not mapped in test/support/db-schema.ts`);
    type = map(args);
  } else {
    const scalarTypes: Record<string, string> = {
      String: 'text',
      Int: 'integer',
      BigInt: 'bigint',
      Boolean: 'boolean',
      Float: 'double precision',
      Decimal: 'numeric(65,30)',
      DateTime: 'timestamp(3) without time zone',
      Json: 'jsonb',
      Bytes: 'bytea',
    };
    const mapped = scalarTypes[f.type];
    if (!mapped) throw new Error(`${model}.${f.name}: type ${f.type} is not mapped in test/support/db-schema.ts`);
    type = mapped;
  }
  return f.isList ? `${type}[]` : type;
}

/** The shape of every table in the current schema except Prisma's `_prisma_migrations`. */
export async function actualSchema(sql: SqlExecutor): Promise<SchemaShape> {
  const columns = await sql.query<{ table_name: string; column_name: string; type: string; is_nullable: string; column_default: string | null }>(`
    SELECT c.table_name, c.column_name, c.is_nullable, c.column_default,
           format_type(a.atttypid, a.atttypmod) AS type
      FROM information_schema.columns c
      JOIN pg_catalog.pg_attribute a
        ON a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass AND a.attname = c.column_name
     WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'
     ORDER BY c.table_name, c.ordinal_position`);
  const indexes = await sql.query<{ table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; columns: string[] }>(`
    SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
           array(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                   JOIN pg_catalog.pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
                  ORDER BY k.ord) AS columns
      FROM pg_catalog.pg_index ix
      JOIN pg_catalog.pg_class i ON i.oid = ix.indexrelid
      JOIN pg_catalog.pg_class t ON t.oid = ix.indrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'`);
  const shape: SchemaShape = {};
  const table = (name: string): TableShape => (shape[name] ??= { columns: {}, indexes: {} });
  for (const c of columns) table(c.table_name).columns[c.column_name] = { type: c.type, nullable: c.is_nullable === 'YES', default: c.column_default };
  for (const i of indexes) {
    table(i.table_name).indexes[i.index_name] = {
      kind: i.is_primary ? 'primary' : i.is_unique ? 'unique' : 'normal',
      columns: i.columns,
    };
  }
  return shape;
}
