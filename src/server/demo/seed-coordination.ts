import type { Clock } from "../clock.ts";
import type { Db } from "../db/database.ts";
import { newId } from "../ids.ts";

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * A demo task force, set up 90 days ago (so the demo's older cases could convene it): every CPS
 * investigator, HT investigator and advocate is a member; HT investigators and advocates hold
 * certifications (one of them lapsed, so the demo shows a refusal); the first of each role is on
 * call from two days ago until tomorrow, so forming a team works at once. Its id, or null.
 */
export async function seedDemoTaskForce(db: Db, clock: Clock): Promise<string | null> {
  const today = clock.now().getTime();
  const now = today - 90 * DAY_MS;
  const lead = await db.kysely
    .selectFrom("memberships")
    .select(["agency_id", "user_id"])
    .where("role", "=", "task_force_lead")
    .orderBy("created_at")
    .executeTakeFirst();
  const recorder = await db.kysely
    .selectFrom("memberships")
    .select("user_id")
    .where("role", "=", "state_coordinator")
    .executeTakeFirst();
  if (!lead || !recorder) return null;
  const taskForceId = newId();
  await db.kysely
    .insertInto("task_forces")
    .values({
      id: taskForceId,
      name: "Central Mississippi Human Trafficking Task Force (demo)",
      agency_id: lead.agency_id,
      created_at: new Date(now).toISOString(),
    })
    .execute();
  const members = await db.kysely
    .selectFrom("memberships")
    .select(["id", "user_id", "role"])
    .where("role", "in", ["cps_investigator", "ht_investigator", "victim_advocate"])
    .orderBy("created_at")
    .execute();
  const onCallRoles = new Set<string>();
  let lapsed = false;
  for (const m of members) {
    await db.kysely
      .insertInto("task_force_members")
      .values({
        task_force_id: taskForceId,
        membership_id: m.id,
        added_at: new Date(now).toISOString(),
      })
      .execute();
    if (m.role !== "cps_investigator") {
      // The last HT investigator's certification has lapsed: the demo shows it being refused.
      const expired =
        m.role === "ht_investigator" &&
        lapsed === false &&
        members.filter((x) => x.role === "ht_investigator").at(-1)?.id === m.id;
      if (expired) lapsed = true;
      await db.kysely
        .insertInto("certifications")
        .values({
          id: newId(),
          user_id: m.user_id,
          kind: m.role,
          certified_by: m.role === "ht_investigator" ? "task_force_board" : "attorney_general",
          reference: `DEMO-${m.role === "ht_investigator" ? "HTB" : "AG"}-${1000 + members.indexOf(m)}`,
          issued_on: isoDay(today - 400 * DAY_MS),
          expires_on: expired ? isoDay(today - 10 * DAY_MS) : isoDay(today + 330 * DAY_MS),
          recorded_by_user_id: recorder.user_id,
          created_at: new Date(now).toISOString(),
        })
        .execute();
    }
    if (!onCallRoles.has(m.role)) {
      onCallRoles.add(m.role);
      await db.kysely
        .insertInto("on_call_shifts")
        .values({
          id: newId(),
          task_force_id: taskForceId,
          membership_id: m.id,
          starts_at: new Date(today - 2 * DAY_MS).toISOString(),
          ends_at: new Date(today + DAY_MS).toISOString(),
        })
        .execute();
    }
  }
  return taskForceId;
}
