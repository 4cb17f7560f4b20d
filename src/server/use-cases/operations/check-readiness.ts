import { type Db, pendingMigrations, ping } from "../../db/database.ts";

export interface Readiness {
  status: "ready" | "not_ready";
  database: Db["dialect"];
  pendingMigrations: string[];
}

/** Ready when the database answers and carries every migration this build expects. */
export async function checkReadiness(db: Db): Promise<Readiness> {
  try {
    await ping(db);
    const pending = await pendingMigrations(db);
    return {
      status: pending.length === 0 ? "ready" : "not_ready",
      database: db.dialect,
      pendingMigrations: pending,
    };
  } catch {
    return { status: "not_ready", database: db.dialect, pendingMigrations: [] };
  }
}
