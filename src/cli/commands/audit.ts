import { sealAll } from "../../server/audit/audit-sealer.ts";
import { verifyAuditChain } from "../../server/audit/audit-verify.ts";
import {
  SealKeyError,
  type SealVerifier,
  sealSignerFor,
  sealVerifierFromPublicKey,
} from "../../server/audit/seal-signature.ts";
import { systemClock } from "../../server/clock.ts";
import { Keyring, KeyringError, readKeyFile } from "../../server/security/keyring.ts";
import { parseCommandArgs } from "../args.ts";
import {
  loadCliConfig,
  openConfiguredDatabase,
  openConfiguredDatabaseOnly,
} from "../open-configured-database.ts";
import { progressReporter } from "../progress.ts";
import { UsageError } from "../usage-error.ts";

const USAGE = "usage: audit verify [--public-key KEY] | audit seal";

/**
 * `audit verify`: exit 0 on an intact chain, 1 naming the first bad row. Checks the sealed chain
 * up to the last signed batch head as it stood at the start, with the audit key derived from the
 * key file or the public key given (`--public-key`, as this command prints it), and says how many
 * rows wait for the sealer. `audit seal`: seal every pending row now (the servers do it on their
 * own within a fraction of a second; this is for a database no server runs on).
 */
export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { "public-key": { type: "string" } },
    true,
  );
  if (positionals.length !== 1) throw new UsageError(USAGE);
  if (positionals[0] === "seal") return seal();
  if (positionals[0] !== "verify") throw new UsageError(USAGE);
  const key = verifierFrom(values["public-key"]);
  const { db } = openConfiguredDatabaseOnly();
  try {
    const progress = progressReporter("verifying audit chain");
    const verdict = await verifyAuditChain(db.kysely, key, { onProgress: progress.update });
    if (!verdict.ok) {
      process.stderr.write(`audit chain broken at row ${verdict.seq}: ${verdict.problem}\n`);
      return 1;
    }
    const age =
      verdict.oldestUnsealedAgeMs === null
        ? ""
        : `, the oldest ${(verdict.oldestUnsealedAgeMs / 1000).toFixed(1)} s old`;
    process.stdout.write(
      [
        `audit chain intact: ${verdict.sealed} rows checked up to row ${verdict.headSeq}`,
        `  ${verdict.batches} signed batch heads checked with audit key ${key.keyId} (public key ${key.publicKey})`,
        `  ${verdict.unsealed} rows not sealed yet${age}`,
        "",
      ].join("\n"),
    );
    return 0;
  } finally {
    await db.close();
  }
}

function verifierFrom(publicKey: string | undefined): SealVerifier {
  try {
    if (publicKey !== undefined) return sealVerifierFromPublicKey(publicKey);
    const config = loadCliConfig();
    return sealSignerFor(new Keyring(readKeyFile(config.keyFile)));
  } catch (e) {
    if (e instanceof KeyringError || e instanceof SealKeyError)
      throw new UsageError(
        `${e.message} (the audit key comes from WAYPOINT_KEY_FILE, or pass --public-key)`,
      );
    throw e;
  }
}

async function seal(): Promise<number> {
  const { db, keyring } = await openConfiguredDatabase();
  try {
    const done = await sealAll(db, keyring, systemClock);
    process.stdout.write(`sealed ${done.sealed} audit rows in ${done.batches} signed batches\n`);
    return 0;
  } finally {
    await db.close();
  }
}
