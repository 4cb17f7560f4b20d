import { type Config, ConfigError, loadConfig } from "../server/config.ts";
import { type Db, openDatabase } from "../server/db/database.ts";
import { type Keyring, KeyringError, loadKeyring } from "../server/security/keyring.ts";
import { UsageError } from "./usage-error.ts";

/** The database named by DATABASE_URL; bad configuration is a usage error (exit 2). */
export function openConfiguredDatabase(): { config: Config; db: Db; keyring: Keyring } {
  try {
    const config = loadConfig();
    const keyring = loadKeyring(config.keyFile, { createIfMissing: config.env !== "production" });
    return { config, db: openDatabase(config.database, { poolSize: 2 }), keyring };
  } catch (e) {
    if (e instanceof ConfigError || e instanceof KeyringError) {
      throw new UsageError(`bad configuration: ${e.message}`);
    }
    throw e;
  }
}
