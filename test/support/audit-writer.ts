// Child process for the audit-verify concurrency test: appends audit rows to DATABASE (URL) as a
// second server would, until its standard input closes; prints "ready" after the first append
// and the number of appends at the end.
import { appendAudit } from "../../src/server/audit/audit-log.ts";
import { systemClock } from "../../src/server/clock.ts";
import { parseDatabaseUrl } from "../../src/server/config.ts";
import { openDatabase } from "../../src/server/db/database.ts";

const [url] = process.argv.slice(2);
const db = openDatabase(parseDatabaseUrl(url as string), { poolSize: 2 });
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
        recordId: `w${appended}-${i}`,
        outcome: "allowed" as const,
      })),
    ),
  );
  appended += 1;
  if (appended === 1) process.stdout.write("ready\n");
  // Let the end of standard input be noticed (SQLite calls complete synchronously).
  await new Promise((resolve) => setImmediate(resolve));
}
await db.close();
process.stdout.write(`${appended}\n`);
