import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import { IDENTITY_COLUMNS } from "../person-identity.ts";

/**
 * Free text and files sealed by `sealText` / `encryptBytes`, bound to `table.column.id`
 * (identity fields and authenticator secrets are listed in `ENCRYPTED_TABLES` below). A new
 * encrypted column belongs here, or key rotation would leave it under an old key and the key
 * check would not look at it; migration 2026112907 lists the same free text.
 */
export const SEALED_COLUMNS = [
  { table: "persons", key: "id", text: ["gender", "language", "placement", "contacts"], bytes: [] },
  { table: "cases", key: "id", text: ["narrative"], bytes: [] },
  { table: "assessments", key: "id", text: ["facts"], bytes: [] },
  { table: "obligations", key: "id", text: ["evidence", "reason"], bytes: [] },
  { table: "plan_items", key: "id", text: ["need", "goal", "service"], bytes: [] },
  { table: "case_notes", key: "id", text: ["body"], bytes: [] },
  { table: "case_documents", key: "id", text: ["file_name"], bytes: ["content"] },
  { table: "tip_messages", key: "case_id", text: ["narrative", "contact"], bytes: [] },
  { table: "consents", key: "id", text: ["purpose"], bytes: [] },
  { table: "referrals", key: "id", text: ["service", "reason"], bytes: [] },
  { table: "break_glass", key: "id", text: ["reason"], bytes: [] },
  { table: "rat_seats", key: "id", text: ["reason"], bytes: [] },
  { table: "case_person_removals", key: "id", text: ["reason"], bytes: [] },
] as const;

/** A table's encrypted columns: text (`encrypt`) and files (`encryptBytes`), keyed by `key`. */
export interface EncryptedTable {
  table: string;
  key: string;
  text: readonly string[];
  bytes: readonly string[];
}

/** The identity fields of persons: their own table entry, rotated first (with progress). */
export const IDENTITY_TABLE: EncryptedTable = {
  table: "persons",
  key: "id",
  text: Object.values(IDENTITY_COLUMNS),
  bytes: [],
};

/** Authenticator secrets (`users.mfa_secret`), sealed with the same key ring. */
export const MFA_SECRET_TABLE: EncryptedTable = {
  table: "users",
  key: "id",
  text: ["mfa_secret"],
  bytes: [],
};

/** Every encrypted column of the database: identity, sealed free text and files, secrets. */
export const ENCRYPTED_TABLES: readonly EncryptedTable[] = [
  IDENTITY_TABLE,
  ...SEALED_COLUMNS,
  MFA_SECRET_TABLE,
];

export type StoredRow = Record<string, string | null>;

/**
 * The encrypted columns as the operator's key tools reach them (`keys rotate`, the key check at
 * start-up and after a restore). Built on the database itself, not on a caller's unit: these
 * tools run before there is a caller, or even a key ring. Table and column names come only from
 * the fixed lists above, never from input. Values are handed over sealed; this repository
 * neither holds nor uses a key.
 */
export class SealedColumnsRepository {
  constructor(private readonly db: Db) {}

  /** How many rows the table holds (the rotation's progress counts persons). */
  async count(table: string): Promise<number> {
    const row = await this.db.kysely
      .selectFrom(table as "persons")
      .select((eb) => eb.fn.countAll().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Up to `limit` rows after key `after`, in key order: the key and the encrypted columns. */
  async batchAfter(t: EncryptedTable, after: string, limit: number): Promise<StoredRow[]> {
    return (await this.db.kysely
      .selectFrom(t.table as "case_notes")
      .select([t.key, ...t.text, ...t.bytes] as never)
      .where(t.key as "id", ">", after)
      .orderBy(t.key as "id")
      .limit(limit)
      .execute()) as unknown as StoredRow[];
  }

  /**
   * Writes the new sealed values of one batch in one transaction, so a crash loses at most the
   * batch (rerunning continues: old keys stay in the key file for reading).
   */
  async rewrite(t: EncryptedTable, updates: { key: string; values: Record<string, string> }[]) {
    if (updates.length === 0) return;
    await this.db.kysely.transaction().execute(async (trx) => {
      for (const u of updates)
        await trx
          .updateTable(t.table as "case_notes")
          .set(u.values as never)
          .where(t.key as "id", "=", u.key)
          .execute();
    });
  }

  /** The tables of the list that exist (a database not yet migrated, or in part, has fewer). */
  async existingTables(names: string[]): Promise<Set<string>> {
    const rows =
      this.db.dialect === "sqlite"
        ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
            this.db.kysely,
          )
        : await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema()`.execute(this.db.kysely);
    const present = new Set(rows.rows.map((r) => r.name));
    return new Set(names.filter((n) => present.has(n)));
  }

  /**
   * Up to `limit` values of one column in the sealed format (`v1.<keyId>.…`), random ones with
   * `random`: free text an older build stored in plain text is not a key problem; the sealing
   * migration encrypts it right after the key check.
   */
  async sample(
    c: { table: string; key: string; column: string },
    limit: number,
    random: boolean,
  ): Promise<{ id: string; value: string }[]> {
    let query = this.db.kysely
      .selectFrom(c.table as "persons")
      .select([`${c.key} as id`, `${c.column} as value`] as never)
      .where(c.column as "given_name", "like", "v1.%")
      .limit(limit);
    if (random) query = query.orderBy(sql`random()`);
    return (await query.execute()) as unknown as { id: string; value: string }[];
  }

  /** Up to `limit` persons with a name-and-birth-date index: the sealed parts and the index. */
  sampleIndexedPersons(limit: number, random: boolean) {
    let query = this.db.kysely
      .selectFrom("persons")
      .select(["id", "given_name", "family_name", "birth_date", "name_dob_index"])
      .where("name_dob_index", "is not", null)
      .limit(limit);
    if (random) query = query.orderBy(sql`random()`);
    return query.execute();
  }
}
