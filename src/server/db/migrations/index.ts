import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./2026112901_initial.ts";
import * as access from "./2026112902_access.ts";
import * as intake from "./2026112903_intake.ts";
import * as jobs from "./2026112904_jobs.ts";
import * as coordination from "./2026112905_coordination.ts";
import * as tipMessages from "./2026112906_tip_messages.ts";
import * as caseEventRecords from "./2026112907_case_event_records.ts";

/**
 * Migrations are listed in code, not discovered on disk, so the bundled server carries them and
 * `readyz` can compare what is applied with what this build expects. One change per file, named
 * by timestamp, with `up` and `down`.
 */
export const MIGRATIONS: Record<string, Migration> = {
  "2026112901_initial": initial,
  "2026112902_access": access,
  "2026112903_intake": intake,
  "2026112904_jobs": jobs,
  "2026112905_coordination": coordination,
  "2026112906_tip_messages": tipMessages,
  "2026112907_case_event_records": caseEventRecords,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
