import type { Kysely, Migration } from "kysely";
import type { Keyring } from "../../security/keyring.ts";

/**
 * Free text about a person or a case that earlier builds stored in plain text (issue 10, defect
 * 13), now sealed like identity fields and bound to `table.column.id`. The list is frozen as of
 * this migration; a later sealed column brings its own. No schema change: the columns stay text.
 */
const COLUMNS = [
  ["persons", "gender"],
  ["assessments", "facts"],
  ["obligations", "evidence"],
  ["obligations", "reason"],
  ["plan_items", "service"],
  ["consents", "purpose"],
  ["referrals", "service"],
  ["referrals", "reason"],
  ["break_glass", "reason"],
  ["rat_seats", "reason"],
] as const;

const BATCH = 500;
const SEALED_SHAPE = /^v1\.[A-Za-z0-9]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

type Rows = Kysely<Record<string, Record<string, string | null>>>;

/** Each stored value of each column, in id order and in batches, for `change` to rewrite. */
async function rewrite(
  db: Kysely<unknown>,
  change: (value: string, context: string) => string | null,
): Promise<void> {
  const rows = db as unknown as Rows;
  for (const [table, column] of COLUMNS) {
    let after = "";
    for (;;) {
      const batch = await rows
        .selectFrom(table)
        .select(["id", column])
        .where(column, "is not", null)
        .where("id", ">", after)
        .orderBy("id")
        .limit(BATCH)
        .execute();
      if (batch.length === 0) break;
      for (const row of batch) {
        const id = row.id as string;
        const next = change(row[column] as string, `${table}.${column}.${id}`);
        if (next !== null)
          await rows
            .updateTable(table)
            .set({ [column]: next })
            .where("id", "=", id)
            .execute();
      }
      after = batch[batch.length - 1]?.id ?? after;
    }
  }
}

function needsKey(): never {
  throw new Error(
    "this migration encrypts free text already stored in plain text and needs the key file " +
      "(WAYPOINT_KEY_FILE): run it by starting the server or with `cli migrate`",
  );
}

/** Already sealed under this row's binding (a rerun, or a value written by a newer build). */
function sealedHere(keyring: Keyring, value: string, context: string): boolean {
  if (!SEALED_SHAPE.test(value)) return false;
  try {
    keyring.decrypt(value, context);
    return true;
  } catch {
    // Looks sealed yet does not open: a wrong key file. Sealing it again would lose it.
    throw new Error(
      `a value in ${context.split(".").slice(0, 2).join(".")} is encrypted with a key the key file does not hold`,
    );
  }
}

/** The migration, given the keyring it seals with (none on an empty database is fine). */
export function sealFreeText(keyring: Keyring | undefined): Migration {
  return {
    async up(db) {
      await rewrite(db, (value, context) => {
        if (keyring === undefined) return SEALED_SHAPE.test(value) ? null : needsKey();
        return sealedHere(keyring, value, context) ? null : keyring.encrypt(value, context);
      });
    },
    async down(db) {
      await rewrite(db, (value, context) => {
        if (!SEALED_SHAPE.test(value)) return null;
        return keyring === undefined ? needsKey() : keyring.decrypt(value, context);
      });
    },
  };
}
