// Child process for the concurrency test: opens N cases against DATABASE_URL as fast as it can
// and prints their numbers, one a line.

import { parseDatabaseUrl } from "../../src/server/config.ts";
import { openDatabase } from "../../src/server/db/database.ts";
import { openCase } from "../../src/server/use-cases/intake/open-case.ts";
import { testContext } from "./context.ts";

const [url, agencyId, count] = process.argv.slice(2);
const db = openDatabase(parseDatabaseUrl(url as string), { poolSize: 4 });
const numbers = await Promise.all(
  Array.from({ length: Number(count) }, () =>
    openCase(testContext(db), {
      agencyId: agencyId as string,
      source: "other",
      receivedAt: "2034-07-07T12:00:00Z",
    }),
  ),
);
await db.close();
process.stdout.write(numbers.map((n) => n.caseNumber).join("\n"));
