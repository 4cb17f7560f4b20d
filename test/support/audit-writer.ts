// Child process for the audit concurrency tests: appends audit rows to DATABASE (URL) as a
// second server would, until its standard input closes; prints "ready" after the first append
// and the number of appends at the end. With a key file as second argument it also runs a sealer
// round after every append, racing every other sealer on the same database.
import { appendAudit } from "../../src/server/audit/audit-log.ts";
import { sealPending } from "../../src/server/audit/audit-sealer.ts";
import { systemClock } from "../../src/server/clock.ts";
import { parseDatabaseUrl } from "../../src/server/config.ts";
import { openDatabase } from "../../src/server/db/database.ts";
import { Keyring, readKeyFile } from "../../src/server/security/keyring.ts";

const [url, keyFile] = process.argv.slice(2);
const db = openDatabase(parseDatabaseUrl(url as string), { poolSize: 2 });
const keyring = keyFile ? new Keyring(readKeyFile(keyFile)) : null;
const ctx = {
  actor: { userId: "writer", agencyId: "a1", role: "cps_investigator" },
  clientIp: "10.0.0.2",
  clock: systemClock,
};
let writing = true;
process.stdin.on("end", () => {
  writing = false;
});
process.stdin.resume();
let appended = 0;
while (writing) {
  await db.kysely.transaction().execute((trx) =>
    appendAudit(
      trx,
      ctx,
      Array.from({ length: 3 }, (_, i) => ({
        action: "case.read",
        recordId: `w${process.pid}-${appended}-${i}`,
        outcome: "allowed" as const,
      })),
    ),
  );
  appended += 1;
  if (keyring) await sealPending(db, keyring, systemClock, { batch: 50 });
  if (appended === 1) process.stdout.write("ready\n");
  // Let the end of standard input be noticed (SQLite calls complete synchronously). A sealing
  // writer also pauses, as a server between requests does: SQLite's busy wait is not fair, and
  // three processes each rewriting the file back to back could starve one past its timeout.
  await new Promise((resolve) => (keyring ? setTimeout(resolve, 2) : setImmediate(resolve)));
}
await db.close();
process.stdout.write(`${appended}\n`);
