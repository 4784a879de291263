// What a PostgreSQL schema really holds, read from the system catalog.
import pg from "pg";
import { emptyShape, type DbShape } from "./shape";

const FK_ACTION: Record<string, string> = {
  a: "NO ACTION",
  r: "RESTRICT",
  c: "CASCADE",
  n: "SET NULL",
  d: "SET DEFAULT",
};

/** Casts and quoting differ between how a default is written and how it is stored. */
function normalizeDefault(expr: string | null): string | null {
  if (expr === null) return null;
  if (expr.startsWith("nextval(")) return "autoincrement";
  if (expr === "CURRENT_TIMESTAMP" || expr === "now()") return "now";
  const literal = /^'(.*)'::[\w". [\]]+$/.exec(expr); // also arrays: '{}'::text[]
  if (literal) return literal[1]!.replaceAll("''", "'");
  return expr;
}

export async function actualShape(connectionString: string, schema = "public"): Promise<DbShape> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const shape = emptyShape();
    const enums = await client.query<{ name: string; value: string }>(
      `SELECT t.typname AS name, e.enumlabel AS value
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder`,
      [schema],
    );
    for (const row of enums.rows) shape.enums.set(row.name, [...(shape.enums.get(row.name) ?? []), row.value]);

    const columns = await client.query<{ table: string; column: string; type: string; not_null: boolean; default: string | null }>(
      `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = $1 AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname <> '_prisma_migrations'
        ORDER BY c.relname, a.attnum`,
      [schema],
    );
    for (const row of columns.rows) {
      const table = shape.tables.get(row.table) ?? new Map();
      table.set(row.column, { type: row.type, notNull: row.not_null, default: normalizeDefault(row.default) });
      shape.tables.set(row.table, table);
    }

    const indexes = await client.query<{ name: string; table: string; columns: string[]; unique: boolean; primary: boolean }>(
      `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary,
              ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns
         FROM pg_index ix
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = $1 AND t.relname <> '_prisma_migrations'`,
      [schema],
    );
    for (const row of indexes.rows) {
      shape.indexes.set(row.name, { table: row.table, columns: row.columns, unique: row.unique, primary: row.primary });
    }

    const fks = await client.query<{
      name: string; table: string; columns: string[]; ref_table: string; ref_columns: string[]; del: string; upd: string;
    }>(
      `SELECT con.conname AS name, t.relname AS table, rt.relname AS ref_table,
              con.confdeltype AS del, con.confupdtype AS upd,
              ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
              ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS ref_columns
         FROM pg_constraint con
         JOIN pg_class t ON t.oid = con.conrelid
         JOIN pg_class rt ON rt.oid = con.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = $1 AND con.contype = 'f'`,
      [schema],
    );
    for (const row of fks.rows) {
      shape.foreignKeys.set(row.name, {
        table: row.table,
        columns: row.columns,
        refTable: row.ref_table,
        refColumns: row.ref_columns,
        onDelete: FK_ACTION[row.del] ?? row.del,
        onUpdate: FK_ACTION[row.upd] ?? row.upd,
      });
    }
    return shape;
  } finally {
    await client.end();
  }
}
