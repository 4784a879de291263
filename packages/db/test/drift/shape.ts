/** A database shape, as both sides of the drift check describe it. */
export interface DbShape {
  enums: Map<string, string[]>;
  /** table -> column -> { type, notNull, default } */
  tables: Map<string, Map<string, { type: string; notNull: boolean; default: string | null }>>;
  /** index name -> description */
  indexes: Map<string, { table: string; columns: string[]; unique: boolean; primary: boolean }>;
  /** constraint name -> description */
  foreignKeys: Map<
    string,
    { table: string; columns: string[]; refTable: string; refColumns: string[]; onDelete: string; onUpdate: string }
  >;
}

export function emptyShape(): DbShape {
  return { enums: new Map(), tables: new Map(), indexes: new Map(), foreignKeys: new Map() };
}

const show = (value: unknown) => JSON.stringify(value);

/** Every difference between what schema.prisma expects and what the database has. */
export function compareShapes(expected: DbShape, actual: DbShape): string[] {
  const out: string[] = [];
  const keys = <T>(a: Map<string, T>, b: Map<string, T>) => [...new Set([...a.keys(), ...b.keys()])].sort();

  for (const name of keys(expected.enums, actual.enums)) {
    const e = expected.enums.get(name);
    const a = actual.enums.get(name);
    if (!a) out.push(`enum ${name}: missing in database`);
    else if (!e) out.push(`enum ${name}: in database but not in schema.prisma`);
    else if (show(e) !== show(a)) out.push(`enum ${name}: values ${show(a)}, expected ${show(e)}`);
  }
  for (const table of keys(expected.tables, actual.tables)) {
    const e = expected.tables.get(table);
    const a = actual.tables.get(table);
    if (!a) {
      out.push(`table ${table}: missing in database`);
      continue;
    }
    if (!e) {
      out.push(`table ${table}: in database but not in schema.prisma`);
      continue;
    }
    for (const column of keys(e, a)) {
      const ec = e.get(column);
      const ac = a.get(column);
      if (!ac) out.push(`column ${table}.${column}: missing in database`);
      else if (!ec) out.push(`column ${table}.${column}: in database but not in schema.prisma`);
      else {
        if (ec.type !== ac.type) out.push(`column ${table}.${column}: type ${ac.type}, expected ${ec.type}`);
        if (ec.notNull !== ac.notNull)
          out.push(`column ${table}.${column}: ${ac.notNull ? "NOT NULL" : "nullable"}, expected ${ec.notNull ? "NOT NULL" : "nullable"}`);
        if (ec.default !== ac.default)
          out.push(`column ${table}.${column}: default ${show(ac.default)}, expected ${show(ec.default)}`);
      }
    }
  }
  for (const name of keys(expected.indexes, actual.indexes)) {
    const e = expected.indexes.get(name);
    const a = actual.indexes.get(name);
    if (!a) out.push(`index ${name}: missing in database`);
    else if (!e) out.push(`index ${name}: in database but not in schema.prisma`);
    else if (show(e) !== show(a)) out.push(`index ${name}: ${show(a)}, expected ${show(e)}`);
  }
  for (const name of keys(expected.foreignKeys, actual.foreignKeys)) {
    const e = expected.foreignKeys.get(name);
    const a = actual.foreignKeys.get(name);
    if (!a) out.push(`foreign key ${name}: missing in database`);
    else if (!e) out.push(`foreign key ${name}: in database but not in schema.prisma`);
    else if (show(e) !== show(a)) out.push(`foreign key ${name}: ${show(a)}, expected ${show(e)}`);
  }
  return out;
}
