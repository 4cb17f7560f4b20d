import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { appendAudit, verifyAuditChain } from "../../src/server/audit/audit-log.ts";
import { systemClock } from "../../src/server/clock.ts";
import { describeOnEachDatabase } from "../support/databases.ts";

const WRITER = fileURLToPath(new URL("../support/audit-writer.ts", import.meta.url));

const ctx = {
  actor: { userId: "u1", agencyId: "a1", role: "cps_investigator" },
  clientIp: "10.0.0.1",
  clock: systemClock,
};

describeOnEachDatabase("audit chain", (t) => {
  it("appends in order from concurrent transactions, and verifies intact", async () => {
    const before = await verifyAuditChain(t.db.kysely);
    assert.equal(before.ok, true);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.db.kysely.transaction().execute((trx) =>
          appendAudit(trx, ctx, [
            { action: "case.read", recordType: "case", recordId: `c${i}`, outcome: "allowed" },
            {
              action: "person.read",
              recordType: "person",
              recordId: `p${i}`,
              fields: ["givenName"],
              outcome: "allowed",
            },
          ]),
        ),
      ),
    );
    const verdict = await verifyAuditChain(t.db.kysely);
    const rows = (before.ok ? before.rows : 0) + 60;
    assert.deepEqual(verdict, { ok: true, rows, headSeq: rows });
  });

  it("keeps nothing of a transaction that rolled back", async () => {
    const before = await verifyAuditChain(t.db.kysely);
    await assert.rejects(
      t.db.kysely.transaction().execute(async (trx) => {
        await appendAudit(trx, ctx, [{ action: "case.update", outcome: "allowed" }]);
        throw new Error("boom");
      }),
    );
    assert.deepEqual(await verifyAuditChain(t.db.kysely), before);
  });

  it("never reports a break while another connection keeps appending (verifies up to the head it read, in one snapshot)", async () => {
    // More rows than one read batch, so a verify spans several reads while the writer commits.
    for (let chunk = 0; chunk < 25; chunk++) {
      await t.db.kysely.transaction().execute((trx) =>
        appendAudit(
          trx,
          ctx,
          Array.from({ length: 100 }, (_, i) => ({
            action: "case.read",
            recordId: `base${chunk}-${i}`,
            outcome: "allowed" as const,
          })),
        ),
      );
    }
    // A second process appending to the same database, as a second server would.
    const writer = spawn(process.execPath, ["--import", "tsx", WRITER, t.url], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let output = "";
    writer.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => writer.once("exit", resolve));
    const verdicts: Awaited<ReturnType<typeof verifyAuditChain>>[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        writer.stdout.on("data", () => output.includes("ready") && resolve());
        void exited.then((code) => reject(new Error(`the writer exited with ${code}`)));
      });
      const until = Date.now() + 3000;
      while (verdicts.length < 20 || Date.now() < until) {
        verdicts.push(await verifyAuditChain(t.db.kysely));
        // Let the writer's output and exit be seen.
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      writer.stdin.end();
      // The writer stops before the next test looks at the database.
      await exited;
    }
    assert.equal(await exited, 0);
    const appended = Number(output.trim().split("\n").at(-1));
    assert.ok(appended > 10, `the writer appended only ${appended} times`);
    let previous = 0;
    for (const verdict of verdicts) {
      assert.equal(verdict.ok, true, verdict.ok ? "" : `${verdict.seq}: ${verdict.problem}`);
      if (!verdict.ok) continue;
      assert.equal(verdict.rows, verdict.headSeq, "every row up to the head was checked");
      assert.ok(verdict.rows >= previous, "a later verify never checks fewer rows");
      previous = verdict.rows;
    }
    assert.ok(previous > 0);
    assert.equal((await verifyAuditChain(t.db.kysely)).ok, true);
  });

  it("detects a change, a deletion or a reordering of any of 100 random rows", async () => {
    await t.db.kysely.transaction().execute((trx) =>
      appendAudit(
        trx,
        ctx,
        Array.from({ length: 120 }, (_, i) => ({
          action: "case.read",
          recordId: `r${i}`,
          outcome: "allowed" as const,
        })),
      ),
    );
    const total = Number(
      (await t.db.kysely.selectFrom("audit_head").select("seq").executeTakeFirstOrThrow()).seq,
    );
    const db = t.db.kysely;
    for (let trial = 0; trial < 100; trial++) {
      const seq = 1 + Math.floor(Math.random() * (total - 1));
      const kind = trial % 3;
      await db
        .transaction()
        .execute(async (trx) => {
          const row = await trx
            .selectFrom("audit_log")
            .selectAll()
            .where("seq", "=", seq)
            .executeTakeFirstOrThrow();
          if (kind === 0) {
            await trx
              .updateTable("audit_log")
              .set({ outcome: row.outcome === "allowed" ? "denied" : "allowed" })
              .where("seq", "=", seq)
              .execute();
          } else if (kind === 1) {
            await trx.deleteFrom("audit_log").where("seq", "=", seq).execute();
          } else {
            // Swap the contents of two neighbouring rows (a reordering that keeps every hash valid on its own).
            const next = await trx
              .selectFrom("audit_log")
              .selectAll()
              .where("seq", "=", seq + 1)
              .executeTakeFirstOrThrow();
            await trx
              .updateTable("audit_log")
              .set({ ...next, seq: -1 })
              .where("seq", "=", seq)
              .execute();
            await trx
              .updateTable("audit_log")
              .set({ ...row, seq: seq + 1 })
              .where("seq", "=", seq + 1)
              .execute();
            await trx.updateTable("audit_log").set({ seq }).where("seq", "=", -1).execute();
          }
          const verdict = await verifyAuditChain(trx);
          assert.equal(
            verdict.ok,
            false,
            `trial ${trial} (${["change", "delete", "reorder"][kind]}) undetected`,
          );
          if (!verdict.ok) assert.equal(verdict.seq, seq, verdict.problem);
          // Undo by rolling back.
          await sql`select 1`.execute(trx);
          throw new RollBack();
        })
        .catch((e) => {
          if (!(e instanceof RollBack)) throw e;
        });
    }
    assert.equal((await verifyAuditChain(db)).ok, true);
  });
});

class RollBack extends Error {}
