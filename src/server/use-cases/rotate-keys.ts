import type { Db } from "../db/database.ts";
import { IDENTITY_COLUMNS, IDENTITY_FIELDS } from "../repositories/person-identity.ts";
import { addKey, Keyring, readKeyFile, writeKeyFile } from "../security/keyring.ts";

const BATCH = 500;

/**
 * Case-file text and files sealed by `sealText` / `encryptBytes`, bound to `table.column.id`.
 * A new encrypted column belongs here, or rotation would leave it under an old key.
 */
export const SEALED_COLUMNS = [
  { table: "plan_items", key: "id", text: ["need", "goal"], bytes: [] },
  { table: "case_notes", key: "id", text: ["body"], bytes: [] },
  { table: "case_documents", key: "id", text: ["file_name"], bytes: ["content"] },
  { table: "tip_messages", key: "case_id", text: ["narrative", "contact"], bytes: [] },
] as const;
type Sealed = (typeof SEALED_COLUMNS)[number];

async function rotateTable(
  db: Db,
  keyring: Keyring,
  sealed: Sealed,
  stale: (v: string | null) => boolean,
): Promise<number> {
  const columns: string[] = [...sealed.text, ...sealed.bytes];
  let after = "";
  let count = 0;
  for (;;) {
    // Dynamic table and column names are fixed above, never from input.
    const rows = (await db.kysely
      .selectFrom(sealed.table as "case_notes")
      .select([sealed.key, ...columns] as never)
      .where(sealed.key as "id", ">", after)
      .orderBy(sealed.key as "id")
      .limit(BATCH)
      .execute()) as unknown as Record<string, string | null>[];
    if (rows.length === 0) return count;
    await db.kysely.transaction().execute(async (trx) => {
      for (const row of rows) {
        const id = row[sealed.key] as string;
        const update: Record<string, string> = {};
        for (const column of columns) {
          const value = row[column] ?? null;
          if (value === null || !stale(value)) continue;
          const context = `${sealed.table}.${column}.${id}`;
          update[column] = (sealed.bytes as readonly string[]).includes(column)
            ? keyring.encryptBytes(keyring.decryptBytes(value, context), context)
            : keyring.encrypt(keyring.decrypt(value, context), context);
        }
        if (Object.keys(update).length === 0) continue;
        await trx
          .updateTable(sealed.table as "case_notes")
          .set(update as never)
          .where(sealed.key as "id", "=", id)
          .execute();
        count += 1;
      }
    });
    after = rows[rows.length - 1]?.[sealed.key] ?? after;
  }
}

/**
 * Adds a new key to the key file, makes it current, then re-encrypts every identity field still
 * under an older key, in batches (each its own transaction, so a crash loses nothing: rerunning
 * continues, since old keys stay in the file for reading).
 */
export async function rotateKeys(
  db: Db,
  keyFilePath: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ keyId: string; reencrypted: number }> {
  const file = addKey(readKeyFile(keyFilePath));
  writeKeyFile(keyFilePath, file);
  const keyring = new Keyring(file);
  const stale = (v: string | null) => v !== null && Keyring.keyIdOf(v) !== keyring.currentKeyId;

  const total = Number(
    (
      await db.kysely
        .selectFrom("persons")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  );
  let done = 0;
  let reencrypted = 0;
  let after = "";
  for (;;) {
    const rows = await db.kysely
      .selectFrom("persons")
      .select(["id", "given_name", "family_name", "birth_date", "phone", "address"])
      .where("id", ">", after)
      .orderBy("id")
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    await db.kysely.transaction().execute(async (trx) => {
      for (const row of rows) {
        const update: Record<string, string> = {};
        for (const field of IDENTITY_FIELDS) {
          const column = IDENTITY_COLUMNS[field];
          const value = row[column];
          if (value !== null && stale(value)) {
            const context = `persons.${column}.${row.id}`;
            update[column] = keyring.encrypt(keyring.decrypt(value, context), context);
          }
        }
        if (Object.keys(update).length > 0) {
          await trx.updateTable("persons").set(update).where("id", "=", row.id).execute();
          reencrypted += 1;
        }
      }
    });
    done += rows.length;
    after = rows[rows.length - 1]?.id ?? after;
    onProgress?.(done, total);
  }
  for (const sealed of SEALED_COLUMNS) reencrypted += await rotateTable(db, keyring, sealed, stale);
  const users = await db.kysely
    .selectFrom("users")
    .select(["id", "mfa_secret"])
    .where("mfa_secret", "is not", null)
    .execute();
  for (const u of users) {
    if (!stale(u.mfa_secret)) continue;
    const context = `users.mfa_secret.${u.id}`;
    const secret = keyring.decrypt(u.mfa_secret as string, context);
    await db.kysely
      .updateTable("users")
      .set({ mfa_secret: keyring.encrypt(secret, context) })
      .where("id", "=", u.id)
      .execute();
  }
  if (total === 0) onProgress?.(0, 0);
  return { keyId: keyring.currentKeyId, reencrypted };
}
