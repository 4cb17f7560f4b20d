import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sealAll } from "../../src/server/audit/audit-sealer.ts";
import { verifyAuditChain } from "../../src/server/audit/audit-verify.ts";
import { sealSignerFor } from "../../src/server/audit/seal-signature.ts";
import { systemClock } from "../../src/server/clock.ts";
import type { Db } from "../../src/server/db/database.ts";
import { writeKeyFile } from "../../src/server/security/keyring.ts";
import { TEST_KEY_FILE, TEST_KEYRING } from "./context.ts";

/** The test keyring's audit key (what signs and checks batch heads). */
export const TEST_AUDIT_KEY = sealSignerFor(TEST_KEYRING);

/** Seals every pending row with the test keyring, as a server's sealer would. */
export function sealNow(db: Db) {
  return sealAll(db, TEST_KEYRING, systemClock);
}

/** Verifies with the test keyring's audit key (inside a transaction: that transaction's view). */
export function verifyNow(db: Db["kysely"], now?: Date) {
  return verifyAuditChain(db, TEST_AUDIT_KEY, now ? { now } : {});
}

/** The test key file on disk, for child processes that seal. */
export function testKeyFileOnDisk(): string {
  const path = join(mkdtempSync(join(tmpdir(), "waypoint-audit-key-")), "k.json");
  writeKeyFile(path, TEST_KEY_FILE);
  return path;
}
