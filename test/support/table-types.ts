import { fileURLToPath } from "node:url";
import ts from "typescript";

export type ColumnKind = "string" | "number" | "other";

export interface TypedColumn {
  kind: ColumnKind;
  nullable: boolean;
}

const SCHEMA = fileURLToPath(new URL("../../src/server/db/schema.ts", import.meta.url));

/**
 * The Kysely table types as the compiler sees them: every table of the `Database` interface of
 * src/server/db/schema.ts (with what it extends from schema-coordination.ts), each column's kind
 * and whether its type admits `null`. Types do not exist at run time, so the test reads them
 * from the source with the TypeScript compiler (strict, or `null` would be erased).
 */
export function kyselyTableTypes(): Map<string, Map<string, TypedColumn>> {
  const program = ts.createProgram([SCHEMA], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(SCHEMA);
  const module = source && checker.getSymbolAtLocation(source);
  const database = module && checker.getExportsOfModule(module).find((s) => s.name === "Database");
  if (!database) throw new Error(`no exported Database interface in ${SCHEMA}`);
  const tables = new Map<string, Map<string, TypedColumn>>();
  for (const table of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(database))) {
    const columns = new Map<string, TypedColumn>();
    for (const column of checker.getPropertiesOfType(checker.getTypeOfSymbol(table)))
      columns.set(column.name, describe(selected(checker, checker.getTypeOfSymbol(column))));
    tables.set(table.name, columns);
  }
  return tables;
}

/** The type a column reads as: a `Generated<…>` / `ColumnType<…>` reads as its select side. */
function selected(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  const select = type.getProperty("__select__");
  return select ? checker.getTypeOfSymbol(select) : type;
}

function describe(type: ts.Type): TypedColumn {
  const members = type.isUnion() ? type.types : [type];
  const nullable = members.some((t) => t.flags & ts.TypeFlags.Null);
  const rest = members.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  const all = (flag: ts.TypeFlags) => rest.length > 0 && rest.every((t) => t.flags & flag);
  const kind = all(ts.TypeFlags.StringLike)
    ? "string"
    : all(ts.TypeFlags.NumberLike)
      ? "number"
      : "other";
  return { kind, nullable };
}
