// A separate worker process for the exactly-once test: runs every job due at the given instant
// against DATABASE (URL) and prints how many it ran.
import { fixedClock } from "../../src/server/clock.ts";
import { parseDatabaseUrl } from "../../src/server/config.ts";
import { openDatabase } from "../../src/server/db/database.ts";
import { runDueJobs } from "../../src/server/jobs/worker.ts";
import { noMailer } from "../../src/server/mail/mailer.ts";
import { testContext } from "./context.ts";

const [url, at, name] = process.argv.slice(2);
const db = openDatabase(parseDatabaseUrl(url as string), { poolSize: 4 });
const ran = await runDueJobs(
  testContext(db, fixedClock(new Date(at as string))),
  noMailer,
  name as string,
  5,
);
await db.close();
process.stdout.write(`${ran}\n`);
