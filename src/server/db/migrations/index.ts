import type { Migration, MigrationProvider } from "kysely";
import type { Keyring } from "../../security/keyring.ts";
import * as initial from "./2026112901_initial.ts";
import * as access from "./2026112902_access.ts";
import * as intake from "./2026112903_intake.ts";
import * as jobs from "./2026112904_jobs.ts";
import * as coordination from "./2026112905_coordination.ts";
import * as tipMessages from "./2026112906_tip_messages.ts";
import { sealFreeText } from "./2026112907_sealed_free_text.ts";
import * as caseEventRecords from "./2026112908_case_event_records.ts";
import { auditSealer } from "./2026120201_audit_sealer.ts";
import * as queueIndexes from "./2026120202_queue_indexes.ts";
import * as caseAssignment from "./2026120301_case_assignment.ts";
import * as caseloadIndex from "./2026120310_caseload_index.ts";
import * as personRecord from "./2026120310_person_record.ts";
import * as notificationReads from "./2026120410_notification_reads.ts";
import * as obligationQueues from "./2026120411_obligation_queues.ts";
import * as referralWithdrawn from "./2026120412_referral_withdrawn.ts";
import * as personEditing from "./2026120413_person_editing.ts";
import * as caseloadCursor from "./2026120414_caseload_cursor.ts";

/**
 * Migrations are listed in code, not discovered on disk, so the bundled server carries them and
 * `readyz` can compare what is applied with what this build expects. One change per file, named
 * by timestamp, with `up` and `down`. A migration that encrypts existing data is given the
 * keyring (or signs, 2026120201); without one it still runs on a database that holds nothing for
 * it to encrypt or sign.
 */
export function migrationsFor(keyring?: Keyring): Record<string, Migration> {
  return {
    "2026112901_initial": initial,
    "2026112902_access": access,
    "2026112903_intake": intake,
    "2026112904_jobs": jobs,
    "2026112905_coordination": coordination,
    "2026112906_tip_messages": tipMessages,
    "2026112907_sealed_free_text": sealFreeText(keyring),
    "2026112908_case_event_records": caseEventRecords,
    "2026120201_audit_sealer": auditSealer(keyring),
    "2026120202_queue_indexes": queueIndexes,
    "2026120301_case_assignment": caseAssignment,
    "2026120310_caseload_index": caseloadIndex,
    "2026120310_person_record": personRecord,
    "2026120410_notification_reads": notificationReads,
    "2026120411_obligation_queues": obligationQueues,
    "2026120412_referral_withdrawn": referralWithdrawn,
    "2026120413_person_editing": personEditing,
    "2026120414_caseload_cursor": caseloadCursor,
  };
}

/** Migrations that encrypt data stored in plain text: on SQLite the file is rebuilt after them. */
export const SEALING_MIGRATIONS: ReadonlySet<string> = new Set(["2026112907_sealed_free_text"]);

/** The migrations this build knows, by name (readiness, benches). */
export const MIGRATIONS: Record<string, Migration> = migrationsFor();

export function migrationProvider(keyring?: Keyring): MigrationProvider {
  return { getMigrations: async () => migrationsFor(keyring) };
}
