import type { Db } from "../../db/database.ts";
import {
  type EncryptedTable,
  IDENTITY_TABLE,
  MFA_SECRET_TABLE,
  SEALED_COLUMNS,
  SealedColumnsRepository,
} from "../../repositories/operations/sealed-columns.ts";
import { addKey, Keyring, readKeyFile, writeKeyFile } from "../../security/keyring.ts";

const BATCH = 500;

/**
 * Re-encrypts, batch by batch, every value of the table's encrypted columns still under an
 * older key; returns how many rows changed. `onBatch` hears of each batch read.
 */
async function rotateTable(
  columns: SealedColumnsRepository,
  keyring: Keyring,
  t: EncryptedTable,
  onBatch?: (rows: number) => void,
): Promise<number> {
  const stale = (v: string | null): v is string =>
    v !== null && Keyring.keyIdOf(v) !== keyring.currentKeyId;
  let after = "";
  let changed = 0;
  for (;;) {
    const rows = await columns.batchAfter(t, after, BATCH);
    if (rows.length === 0) return changed;
    const updates = rows.flatMap((row) => {
      const key = row[t.key] as string;
      const values: Record<string, string> = {};
      for (const column of [...t.text, ...t.bytes]) {
        const value = row[column] ?? null;
        if (!stale(value)) continue;
        const context = `${t.table}.${column}.${key}`;
        values[column] = t.bytes.includes(column)
          ? keyring.encryptBytes(keyring.decryptBytes(value, context), context)
          : keyring.encrypt(keyring.decrypt(value, context), context);
      }
      return Object.keys(values).length > 0 ? [{ key, values }] : [];
    });
    await columns.rewrite(t, updates);
    changed += updates.length;
    onBatch?.(rows.length);
    after = rows[rows.length - 1]?.[t.key] ?? after;
  }
}

/**
 * Adds a new key to the key file, makes it current, then re-encrypts every identity field, sealed
 * free text and file, and authenticator secret still under an older key, in batches (each its own
 * transaction, so a crash loses nothing: rerunning continues, since old keys stay in the file for
 * reading). Progress counts persons, the bulk of the work.
 */
export async function rotateKeys(
  db: Db,
  keyFilePath: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ keyId: string; reencrypted: number }> {
  const file = addKey(readKeyFile(keyFilePath));
  writeKeyFile(keyFilePath, file);
  const keyring = new Keyring(file);
  const columns = new SealedColumnsRepository(db);

  const total = await columns.count("persons");
  let done = 0;
  let reencrypted = await rotateTable(columns, keyring, IDENTITY_TABLE, (rows) => {
    done += rows;
    onProgress?.(done, total);
  });
  for (const sealed of SEALED_COLUMNS) reencrypted += await rotateTable(columns, keyring, sealed);
  // Secrets are rotated too but not counted: the count is of case records.
  await rotateTable(columns, keyring, MFA_SECRET_TABLE);
  if (total === 0) onProgress?.(0, 0);
  return { keyId: keyring.currentKeyId, reencrypted };
}
