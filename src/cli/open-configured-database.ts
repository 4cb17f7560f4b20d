import { type Config, ConfigError, loadConfig } from "../server/config.ts";
import { type Db, openDatabase } from "../server/db/database.ts";
import { UsageError } from "./usage-error.ts";

/** The database named by DATABASE_URL; bad configuration is a usage error (exit 2). */
export function openConfiguredDatabase(): { config: Config; db: Db } {
  try {
    const config = loadConfig();
    return { config, db: openDatabase(config.database, { poolSize: 2 }) };
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`bad configuration: ${e.message}`);
    throw e;
  }
}
