import { sealAll } from "../src/server/audit/audit-sealer.ts";
import { verifyAuditChain } from "../src/server/audit/audit-verify.ts";
import { sealSignerFor } from "../src/server/audit/seal-signature.ts";
import { systemClock } from "../src/server/clock.ts";
import type { Db } from "../src/server/db/database.ts";
import type { Keyring } from "../src/server/security/keyring.ts";

/**
 * Every benchmark that serves load ends here: whatever the servers' sealers left (they are
 * stopped with the process) is sealed, then the whole chain is verified, so a run that broke the
 * audit trail says so.
 */
export async function sealAndVerify(db: Db, keyring: Keyring): Promise<boolean> {
  const { sealed } = await sealAll(db, keyring, systemClock);
  const verdict = await verifyAuditChain(db.kysely, sealSignerFor(keyring));
  const said = verdict.ok
    ? `ok (${verdict.sealed} rows sealed, ${sealed} of them after the run)`
    : `FAILED at row ${verdict.seq}: ${verdict.problem}`;
  process.stdout.write(`  audit verify after the run: ${said}\n`);
  return verdict.ok;
}
