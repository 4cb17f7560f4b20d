import type { Clock } from "./clock.ts";
import type { Db } from "./db/database.ts";
import type { DocumentScanner } from "./documents/scanner.ts";
import type { Keyring } from "./security/keyring.ts";

/** What use cases need from the outside world, built once at start-up (and by tests). */
export interface AppContext {
  db: Db;
  clock: Clock;
  keyring: Keyring;
  /** Virus scanning of uploads; none is configured by default (see documents/scanner.ts). */
  scanner?: DocumentScanner;
}
