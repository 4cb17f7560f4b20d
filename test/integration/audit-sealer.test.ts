import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { it } from "node:test";
import { fileURLToPath } from "node:url";
import { hashAuditRow } from "../../src/server/audit/audit-chain.ts";
import { appendAudit } from "../../src/server/audit/audit-log.ts";
import { sealPending } from "../../src/server/audit/audit-sealer.ts";
import { sealSignerFor } from "../../src/server/audit/seal-signature.ts";
import { fixedClock, systemClock } from "../../src/server/clock.ts";
import { openDatabase } from "../../src/server/db/database.ts";
import { metrics } from "../../src/server/metrics.ts";
import { Keyring, newKeyFile } from "../../src/server/security/keyring.ts";
import { sealNow, testKeyFileOnDisk, verifyNow } from "../support/audit-sealing.ts";
import { TEST_KEYRING, testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";

const WRITER = fileURLToPath(new URL("../support/audit-writer.ts", import.meta.url));

const ctx = { actor: null, clientIp: null, clock: systemClock };

function startWriter(url: string, keyFile?: string) {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", WRITER, url, ...(keyFile ? [keyFile] : [])],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", () => output.includes("ready") && resolve());
    void exited.then((code) => reject(new Error(`the writer exited with ${code}`)));
  });
  return { child, ready, exited, appends: () => Number(output.trim().split("\n").at(-1)) };
}

async function stopWriter(w: { child: ChildProcess; exited: Promise<number | null> }) {
  w.child.stdin?.end();
  return w.exited;
}

describeOnEachDatabase("audit sealer", (t) => {
  const append = (n: number, clock = systemClock) =>
    t.db.kysely.transaction().execute((trx) =>
      appendAudit(
        trx,
        { ...ctx, clock },
        Array.from({ length: n }, (_, i) => ({
          action: "case.read",
          recordId: `t${i}`,
          outcome: "allowed" as const,
        })),
      ),
    );
  const count = async (sealedOnly = false) => {
    let q = t.db.kysely.selectFrom("audit_log").select((eb) => eb.fn.countAll().as("n"));
    if (sealedOnly) q = q.where("chain_seq", "is not", null);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it("seals every row appended by two processes exactly once, contiguous, in seq order within each batch", async () => {
    const keyFile = testKeyFileOnDisk();
    const writers = [startWriter(t.url, keyFile), startWriter(t.url, keyFile)];
    try {
      await Promise.all(writers.map((w) => w.ready));
      // A third sealer, in this process, races the writers' sealers.
      for (let i = 0; i < 40; i++) {
        await sealPending(t.db, TEST_KEYRING, systemClock, { batch: 7 });
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      for (const w of writers) assert.equal(await stopWriter(w), 0);
    }
    await sealNow(t.db);
    const appended = writers.reduce((n, w) => n + w.appends() * 3, 0);
    assert.ok(
      writers.every((w) => w.appends() > 5),
      "both writers appended",
    );
    assert.equal(await count(), appended);
    assert.equal(await count(true), appended, "every row is sealed");
    const rows = await t.db.kysely
      .selectFrom("audit_log")
      .select(["seq", "chain_seq"])
      .orderBy("chain_seq")
      .execute();
    assert.deepEqual(
      rows.map((r) => Number(r.chain_seq)),
      rows.map((_, i) => i + 1),
      "chain positions 1…n, each once",
    );
    const seals = await t.db.kysely
      .selectFrom("audit_seals")
      .selectAll()
      .orderBy("batch")
      .execute();
    assert.ok(seals.length > 3, `${seals.length} batches`);
    for (const seal of seals) {
      const inBatch = rows
        .filter((r) => Number(r.chain_seq) >= seal.first_chain_seq)
        .filter((r) => Number(r.chain_seq) <= seal.last_chain_seq)
        .map((r) => Number(r.seq));
      assert.deepEqual(
        inBatch,
        [...inBatch].sort((a, b) => a - b),
        `batch ${seal.batch} in seq order`,
      );
    }
    const verdict = await verifyNow(t.db.kysely);
    assert.ok(verdict.ok, verdict.ok ? "" : verdict.problem);
    assert.equal(verdict.sealed, appended);
    assert.equal(verdict.batches, seals.length);
  });

  it("loses nothing when the appending process dies before any seal: the next sealer seals it", async () => {
    const before = await count();
    const writer = startWriter(t.url);
    await writer.ready;
    await new Promise((resolve) => setTimeout(resolve, 200));
    writer.child.kill("SIGKILL");
    await writer.exited;
    const appended = (await count()) - before;
    assert.ok(appended >= 3, `the writer committed ${appended} rows`);
    const pending = await verifyNow(t.db.kysely);
    assert.ok(pending.ok && pending.unsealed === appended, "its rows wait, reported unsealed");
    const done = await sealNow(t.db);
    assert.equal(done.sealed, appended);
    const verdict = await verifyNow(t.db.kysely);
    assert.ok(verdict.ok && verdict.unsealed === 0 && verdict.sealed === (await count()));
  });

  it("never seals a row twice when sealers race on separate connections", async () => {
    await append(500);
    // SQLite: a second connection in this process would block the thread on the write lock the
    // first holds across an await; two processes race in the first test. Here the rounds share
    // the connection and queue on it.
    const second = t.dialect === "postgres" ? openDatabase(t.target, { poolSize: 4 }) : t.db;
    try {
      const rounds = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          sealPending(i % 2 ? second : t.db, TEST_KEYRING, systemClock, { batch: 100 }),
        ),
      );
      assert.ok(rounds.some((r) => r.sealed > 0));
    } finally {
      if (second !== t.db) await second.close();
    }
    await sealNow(t.db);
    const verdict = await verifyNow(t.db.kysely);
    assert.ok(verdict.ok, verdict.ok ? "" : verdict.problem);
    assert.equal(verdict.sealed, await count());
  });

  it("reports unsealed rows and the age of the oldest", async () => {
    await sealNow(t.db);
    const clock = fixedClock(new Date("2026-12-02T10:00:00Z"));
    await append(4, clock);
    const verdict = await verifyNow(t.db.kysely, new Date("2026-12-02T10:00:05Z"));
    assert.ok(verdict.ok);
    assert.deepEqual(
      { unsealed: verdict.unsealed, age: verdict.oldestUnsealedAgeMs },
      { unsealed: 4, age: 5000 },
    );
    await sealNow(t.db);
    const after = await verifyNow(t.db.kysely);
    assert.ok(after.ok && after.unsealed === 0 && after.oldestUnsealedAgeMs === null);
  });

  tamperingTests();

  function tamperingTests() {
    /** Runs `tamper` in a transaction, verifies in it, and rolls it back. */
    const detects = async (tamper: (trx: typeof t.db.kysely) => Promise<void>) => {
      let verdict: Awaited<ReturnType<typeof verifyNow>> | undefined;
      await t.db.kysely
        .transaction()
        .execute(async (trx) => {
          await tamper(trx);
          verdict = await verifyNow(trx);
          throw new RollBack();
        })
        .catch((e) => {
          if (!(e instanceof RollBack)) throw e;
        });
      assert.ok(verdict && !verdict.ok, "undetected");
      return verdict.ok ? "" : verdict.problem;
    };
    const lastPosition = async () => {
      await append(30);
      await sealNow(t.db);
      const v = await verifyNow(t.db.kysely);
      assert.ok(v.ok);
      return v.headSeq;
    };

    it("detects a sealed row inserted into the chain, or given another seq", async () => {
      const head = await lastPosition();
      const row = await t.db.kysely
        .selectFrom("audit_log")
        .selectAll()
        .where("chain_seq", "=", head)
        .executeTakeFirstOrThrow();
      const problem = await detects(async (trx) => {
        const { seq: _seq, ...copy } = row;
        await trx
          .insertInto("audit_log")
          .values({ ...copy, chain_seq: head + 1 })
          .execute();
      });
      assert.match(problem, /under no signed batch head/);
      const moved = await detects(async (trx) => {
        await trx
          .updateTable("audit_log")
          .set({ seq: row.seq + 100_000 })
          .where("seq", "=", row.seq)
          .execute();
      });
      assert.match(moved, new RegExp(`row ${head} was changed`));
    });

    it("detects a forged, altered or removed batch head", async () => {
      await lastPosition();
      const seal = await t.db.kysely
        .selectFrom("audit_seals")
        .selectAll()
        .orderBy("batch", "desc")
        .limit(1)
        .executeTakeFirstOrThrow();
      const altered = await detects(async (trx) => {
        await trx
          .updateTable("audit_seals")
          .set({ sealed_at: "2020-01-01T00:00:00.000Z" })
          .where("batch", "=", seal.batch)
          .execute();
      });
      assert.match(altered, /signature is not valid/);
      // A batch head re-signed with another key file's audit key, and one carrying its signature.
      const stranger = sealSignerFor(new Keyring(newKeyFile()));
      const head = {
        batch: seal.batch,
        firstChainSeq: seal.first_chain_seq,
        lastChainSeq: seal.last_chain_seq,
        headHash: seal.head_hash,
        sealedAt: seal.sealed_at,
      };
      const resigned = await detects(async (trx) => {
        await trx
          .updateTable("audit_seals")
          .set({
            key_id: stranger.keyId,
            signature: stranger.sign({ ...head, keyId: stranger.keyId }),
          })
          .where("batch", "=", seal.batch)
          .execute();
      });
      assert.match(resigned, /signed by key/);
      const forged = await detects(async (trx) => {
        await trx
          .updateTable("audit_seals")
          .set({ signature: stranger.sign({ ...head, keyId: seal.key_id }) })
          .where("batch", "=", seal.batch)
          .execute();
      });
      assert.match(forged, /signature is not valid/);
      const removed = await detects(async (trx) => {
        await trx.deleteFrom("audit_seals").where("batch", "=", seal.batch).execute();
      });
      assert.match(removed, /no signed batch|ends early|is missing/);
    });

    it("detects a changed sealed row's recomputed hash, and a deleted one", async () => {
      const head = await lastPosition();
      const changed = await detects(async (trx) => {
        const row = await trx
          .selectFrom("audit_log")
          .selectAll()
          .where("chain_seq", "=", head - 3)
          .executeTakeFirstOrThrow();
        // A consistent rewrite of the tail: every hash recomputed, but no valid signature.
        await trx
          .updateTable("audit_log")
          .set({
            action: "case.update",
            hash: hashAuditRow(row.prev_hash ?? "", head - 3, { ...row, action: "case.update" }),
          })
          .where("seq", "=", row.seq)
          .execute();
      });
      assert.match(changed, new RegExp(`row ${head - 2} does not follow row ${head - 3}`));
      const deleted = await detects(async (trx) => {
        await trx
          .deleteFrom("audit_log")
          .where("chain_seq", "=", head - 1)
          .execute();
      });
      assert.match(deleted, new RegExp(`row ${head - 1} is missing`));
    });
  }

  it("serves the sealer's metrics only to the holder of the metrics token", async () => {
    metrics.auditUnsealedRows.set(3);
    const closed = await testApp(testContext(t.db));
    const open = await testApp(testContext(t.db), {
      config: { logLevel: "silent", env: "test", metricsToken: "a-metrics-token-for-tests" },
    });
    try {
      assert.equal((await closed.inject({ url: "/metrics" })).statusCode, 404);
      assert.equal((await open.inject({ url: "/metrics" })).statusCode, 401);
      const wrong = await open.inject({
        url: "/metrics",
        headers: { authorization: "Bearer a-metrics-token-for-tesst" },
      });
      assert.equal(wrong.statusCode, 401);
      const res = await open.inject({
        url: "/metrics",
        headers: { authorization: "Bearer a-metrics-token-for-tests" },
      });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /^waypoint_audit_unsealed_rows 3$/m);
      assert.match(res.body, /waypoint_audit_sealer_lag_seconds/);
      assert.match(res.body, /waypoint_audit_seal_batch_seconds_bucket/);
      const docs = (await open.inject({ url: "/api/openapi.json" })).json();
      assert.equal(docs.paths["/metrics"], undefined, "not in the API document");
    } finally {
      await closed.close();
      await open.close();
    }
  });
});

class RollBack extends Error {}
