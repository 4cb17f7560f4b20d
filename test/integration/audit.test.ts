import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { appendAudit } from "../../src/server/audit/audit-log.ts";
import { systemClock } from "../../src/server/clock.ts";
import { sealNow, testKeyFileOnDisk, verifyNow } from "../support/audit-sealing.ts";
import { describeOnEachDatabase } from "../support/databases.ts";

const WRITER = fileURLToPath(new URL("../support/audit-writer.ts", import.meta.url));

const ctx = {
  actor: { userId: "u1", agencyId: "a1", role: "cps_investigator" },
  clientIp: "10.0.0.1",
  clock: systemClock,
};

describeOnEachDatabase("audit chain", (t) => {
  it("appends in order from concurrent transactions, and verifies intact once sealed", async () => {
    const before = await verifyNow(t.db.kysely);
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
    const unsealed = await verifyNow(t.db.kysely);
    assert.equal(unsealed.ok && unsealed.unsealed, 60, "appended, not sealed yet");
    await sealNow(t.db);
    const verdict = await verifyNow(t.db.kysely);
    const rows = (before.ok ? before.sealed : 0) + 60;
    assert.ok(verdict.ok, verdict.ok ? "" : verdict.problem);
    assert.deepEqual(
      { sealed: verdict.sealed, headSeq: verdict.headSeq, unsealed: verdict.unsealed },
      { sealed: rows, headSeq: rows, unsealed: 0 },
    );
    // Sealed in one batch, so chain order is append order.
    const chain = await t.db.kysely
      .selectFrom("audit_log")
      .select(["seq", "chain_seq"])
      .orderBy("chain_seq")
      .execute();
    const seqs = chain.map((r) => Number(r.seq));
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => a - b),
    );
  });

  it("keeps nothing of a transaction that rolled back", async () => {
    const before = await verifyNow(t.db.kysely);
    await assert.rejects(
      t.db.kysely.transaction().execute(async (trx) => {
        await appendAudit(trx, ctx, [{ action: "case.update", outcome: "allowed" }]);
        throw new Error("boom");
      }),
    );
    assert.deepEqual(await sealNow(t.db), { sealed: 0, batches: 0 });
    assert.deepEqual(await verifyNow(t.db.kysely), before);
  });

  it("never reports a break while another process keeps appending and sealing (verifies up to the head it read, in one snapshot)", async () => {
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
    await sealNow(t.db);
    // A second process appending to the same database and sealing, as a second server would.
    const writer = spawn(
      process.execPath,
      ["--import", "tsx", WRITER, t.url, testKeyFileOnDisk()],
      {
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    let output = "";
    writer.stdout.on("data", (chunk) => {
      output += chunk;
    });
    const exited = new Promise<number | null>((resolve) => writer.once("exit", resolve));
    const verdicts: Awaited<ReturnType<typeof verifyNow>>[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        writer.stdout.on("data", () => output.includes("ready") && resolve());
        void exited.then((code) => reject(new Error(`the writer exited with ${code}`)));
      });
      const until = Date.now() + 3000;
      while (verdicts.length < 20 || Date.now() < until) {
        verdicts.push(await verifyNow(t.db.kysely));
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
      assert.equal(verdict.sealed, verdict.headSeq, "every row up to the head was checked");
      assert.ok(verdict.sealed >= previous, "a later verify never checks fewer rows");
      previous = verdict.sealed;
    }
    const first = verdicts[0];
    assert.ok(first?.ok && previous > first.sealed, "the other process sealed while verifies ran");
    assert.equal((await verifyNow(t.db.kysely)).ok, true);
  });

  it("detects a change, a deletion or a reordering of any of 100 random sealed rows", async () => {
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
    await sealNow(t.db);
    const sealed = await verifyNow(t.db.kysely);
    const total = sealed.ok ? sealed.headSeq : 0;
    const db = t.db.kysely;
    // Rows are named by chain position: PostgreSQL's seq has gaps (rolled-back appends).
    for (let trial = 0; trial < 100; trial++) {
      const position = 1 + Math.floor(Math.random() * (total - 1));
      const kind = trial % 3;
      await db
        .transaction()
        .execute(async (trx) => {
          const row = await trx
            .selectFrom("audit_log")
            .selectAll()
            .where("chain_seq", "=", position)
            .executeTakeFirstOrThrow();
          const seq = row.seq;
          if (kind === 0) {
            await trx
              .updateTable("audit_log")
              .set({ outcome: row.outcome === "allowed" ? "denied" : "allowed" })
              .where("seq", "=", seq)
              .execute();
          } else if (kind === 1) {
            await trx.deleteFrom("audit_log").where("seq", "=", seq).execute();
          } else {
            // Swap the chain positions of two neighbouring rows (a reordering that keeps every
            // row's content, hash and previous hash as they were).
            const next = await trx
              .selectFrom("audit_log")
              .select("seq")
              .where("chain_seq", "=", position + 1)
              .executeTakeFirstOrThrow();
            await trx
              .updateTable("audit_log")
              .set({ chain_seq: -1 })
              .where("seq", "=", seq)
              .execute();
            await trx
              .updateTable("audit_log")
              .set({ chain_seq: position })
              .where("seq", "=", next.seq)
              .execute();
            await trx
              .updateTable("audit_log")
              .set({ chain_seq: position + 1 })
              .where("seq", "=", seq)
              .execute();
          }
          const verdict = await verifyNow(trx);
          assert.equal(
            verdict.ok,
            false,
            `trial ${trial} (${["change", "delete", "reorder"][kind]}) undetected`,
          );
          if (!verdict.ok) assert.equal(verdict.seq, position, verdict.problem);
          // Undo by rolling back.
          await sql`select 1`.execute(trx);
          throw new RollBack();
        })
        .catch((e) => {
          if (!(e instanceof RollBack)) throw e;
        });
    }
    assert.equal((await verifyNow(db)).ok, true);
  });
});

class RollBack extends Error {}
