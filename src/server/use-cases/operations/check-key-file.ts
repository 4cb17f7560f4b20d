import { existsSync } from "node:fs";
import type { Db } from "../../db/database.ts";
import {
  ENCRYPTED_TABLES,
  SealedColumnsRepository,
} from "../../repositories/operations/sealed-columns.ts";
import { nameDobIndex } from "../../repositories/person-identity.ts";
import {
  DecryptionError,
  Keyring,
  KeyringError,
  newKeyFile,
  readKeyFile,
  writeKeyFile,
} from "../../security/keyring.ts";

/**
 * Whether the key file in hand belongs to a database: every encrypted column is looked at
 * (identity fields, sealed case-file text and files, authenticator secrets: `ENCRYPTED_TABLES`),
 * so a key file is never trusted, and never made anew, without looking at the data it has to read.
 */
interface EncryptedColumn {
  table: string;
  key: string;
  column: string;
  bytes: boolean;
}

function encryptedColumns(): EncryptedColumn[] {
  return ENCRYPTED_TABLES.flatMap((t) => [
    ...t.text.map((column) => ({ table: t.table, key: t.key, column, bytes: false })),
    ...t.bytes.map((column) => ({ table: t.table, key: t.key, column, bytes: true })),
  ]);
}

/** True when any encrypted column holds a value: the database needs the key it was written with. */
export async function holdsEncryptedData(db: Db): Promise<boolean> {
  const stored = new SealedColumnsRepository(db);
  const columns = encryptedColumns();
  const tables = await stored.existingTables([...new Set(columns.map((c) => c.table))]);
  for (const c of columns) {
    if (tables.has(c.table) && (await stored.sample(c, 1, false)).length > 0) return true;
  }
  return false;
}

export type KeyCheck =
  | { ok: true; checked: number }
  | { ok: false; column: string; problem: "does_not_decrypt" | "index_mismatch" };

/**
 * Decrypts up to `perColumn` values of every encrypted column (random ones with `random`), and
 * recomputes the name-and-birth-date index of the persons sampled, which proves the index key
 * too. Names the first column that fails; never shows a value.
 */
export async function checkKeyDecrypts(
  db: Db,
  keyring: Keyring,
  options: { perColumn: number; random: boolean },
): Promise<KeyCheck> {
  const stored = new SealedColumnsRepository(db);
  const columns = encryptedColumns();
  const tables = await stored.existingTables([...new Set(columns.map((c) => c.table))]);
  let checked = 0;
  for (const c of columns) {
    if (!tables.has(c.table)) continue;
    for (const { id, value } of await stored.sample(c, options.perColumn, options.random)) {
      const context = `${c.table}.${c.column}.${id}`;
      try {
        if (c.bytes) keyring.decryptBytes(value, context);
        else keyring.decrypt(value, context);
      } catch (e) {
        if (e instanceof DecryptionError)
          return { ok: false, column: `${c.table}.${c.column}`, problem: "does_not_decrypt" };
        throw e;
      }
      checked += 1;
    }
  }
  if (tables.has("persons")) {
    for (const p of await stored.sampleIndexedPersons(options.perColumn, options.random)) {
      const parts = (["given_name", "family_name", "birth_date"] as const).map((column) => {
        try {
          return keyring.decrypt(p[column] as string, `persons.${column}.${p.id}`);
        } catch (e) {
          if (e instanceof DecryptionError) return null;
          throw e;
        }
      });
      const [given, family, birth] = parts;
      if (given == null || family == null || birth == null)
        return { ok: false, column: "persons", problem: "does_not_decrypt" };
      if (nameDobIndex(keyring, given, family, birth) !== p.name_dob_index)
        return { ok: false, column: "persons.name_dob_index", problem: "index_mismatch" };
      checked += 1;
    }
  }
  return { ok: true, checked };
}

/** One plain sentence for a failed check, naming the variable that points at the key file. */
export function keyCheckMessage(path: string, failure: Extract<KeyCheck, { ok: false }>): string {
  return failure.problem === "index_mismatch"
    ? `the key file ${path} (WAYPOINT_KEY_FILE) has a different index key than the one this database was written with (${failure.column}): use the key file that belongs to this database`
    : `the key file ${path} (WAYPOINT_KEY_FILE) does not decrypt this database's encrypted fields (${failure.column}): use the key file that belongs to this database`;
}

/**
 * The key file for this database. A new key is made only when the file is missing, creating is
 * allowed (never in production) and the database holds no encrypted data: a new key for data
 * written under another would make every identity unreadable. A key file that does not decrypt
 * a few stored values is refused the same way.
 */
export async function loadKeyringForDatabase(
  db: Db,
  path: string,
  options: { createIfMissing: boolean },
): Promise<Keyring> {
  if (!existsSync(path)) {
    if (!options.createIfMissing) {
      throw new KeyringError(
        `key file ${path} does not exist (WAYPOINT_KEY_FILE); production never creates one`,
      );
    }
    if (await holdsEncryptedData(db)) {
      throw new KeyringError(
        `key file ${path} does not exist (WAYPOINT_KEY_FILE), but the database holds encrypted data: put back the key file that belongs to this database (a new key could not read it)`,
      );
    }
    writeKeyFile(path, newKeyFile());
  }
  const keyring = new Keyring(readKeyFile(path));
  const check = await checkKeyDecrypts(db, keyring, { perColumn: 2, random: false });
  if (!check.ok) throw new KeyringError(keyCheckMessage(path, check));
  return keyring;
}
