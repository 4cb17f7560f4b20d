import { type Config, ConfigError, loadConfig } from "../server/config.ts";
import { type Db, openDatabase } from "../server/db/database.ts";
import { type Keyring, KeyringError } from "../server/security/keyring.ts";
import { loadKeyringForDatabase } from "../server/use-cases/operations/check-key-file.ts";
import { UsageError } from "./usage-error.ts";

/** The environment's configuration; a bad value is a usage error (exit 2). */
export function loadCliConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(`bad configuration: ${e.message}`);
    throw e;
  }
}

/** The database alone, for commands that never read encrypted fields (migrate, audit verify). */
export function openConfiguredDatabaseOnly(): { config: Config; db: Db } {
  const config = loadCliConfig();
  return { config, db: openDatabase(config.database, { poolSize: 2 }) };
}

/**
 * The database named by DATABASE_URL and its key file. A key is made only for a database that
 * holds no encrypted data (never in production); a missing or wrong key file for a database with
 * encrypted data is a usage error (exit 2) naming WAYPOINT_KEY_FILE.
 */
export async function openConfiguredDatabase(): Promise<{
  config: Config;
  db: Db;
  keyring: Keyring;
}> {
  const config = loadCliConfig();
  const db = openDatabase(config.database, { poolSize: 2 });
  try {
    const keyring = await loadKeyringForDatabase(db, config.keyFile, {
      createIfMissing: config.env !== "production",
    });
    return { config, db, keyring };
  } catch (e) {
    await db.close();
    if (e instanceof KeyringError) throw new UsageError(`bad configuration: ${e.message}`);
    throw e;
  }
}
