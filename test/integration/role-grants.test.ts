import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { AgencyKind } from "../../src/domain/catalogues.ts";
import { ROLE_POLICIES, ROLES, type Role } from "../../src/domain/roles.ts";
import { fixedClock } from "../../src/server/clock.ts";
import type { AppContext } from "../../src/server/context.ts";
import { writeKeyFile } from "../../src/server/security/keyring.ts";
import { createUser } from "../../src/server/use-cases/accounts/create-user.ts";
import { auditRoleGrants } from "../../src/server/use-cases/audit/audit-role-grants.ts";
import { TEST_KEY_FILE, testApp, testContext } from "../support/context.ts";
import { describeOnEachDatabase } from "../support/databases.ts";
import { buildAgency, buildUser, signedInAs, TEST_PASSWORD } from "../support/factories.ts";

/**
 * Who may give which role (issue 10, defect 1): every grantor role × every granted role, in
 * the grantor's own agency and in another agency of the same kind. The expectation is written
 * out here by hand, apart from the policy, so a change to the policy that widens a grant fails.
 */
const AGENCY_ADMIN_GRANTS: readonly Role[] = [
  "screener",
  "cps_investigator",
  "ht_investigator",
  "victim_advocate",
  "medical",
  "shelter_staff",
  "analyst",
];

function expected(grantor: Role, granted: Role, where: "own" | "other"): string {
  if (grantor === "system_admin") return "201";
  if (grantor !== "agency_admin" || where === "other") return "403 forbidden";
  return AGENCY_ADMIN_GRANTS.includes(granted) ? "201" : "403 role_not_grantable";
}

/** An agency kind the granted role belongs in, so the kind rule does not mask the grant rule. */
function kindFor(role: Role): AgencyKind {
  const kinds = ROLE_POLICIES[role].agencyKinds;
  return kinds === "any" ? "other" : (kinds[0] as AgencyKind);
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

describeOnEachDatabase("role grants", (t) => {
  let app: FastifyInstance;
  let ctx: AppContext;
  const clock = fixedClock(new Date("2026-10-05T16:00:00Z"));
  let counter = 0;

  before(async () => {
    ctx = testContext(t.db, clock);
    app = await testApp(ctx);
    await app.ready();
  });
  after(async () => {
    await app.close();
  });

  async function clientFor(agencyId: string, role: Role) {
    const member = await signedInAs(ctx, role, { id: agencyId });
    return { client: await member.session(app), userId: member.userId };
  }

  const account = (agencyId: string, role: Role) => ({
    email: `granted.${role}.${++counter}@test.waypoint.invalid`,
    displayName: "Granted Person",
    password: TEST_PASSWORD,
    agencyId,
    role,
  });

  it("matches the grant table for every grantor role, granted role and agency", async () => {
    const mismatches: string[] = [];
    const kinds = new Map<AgencyKind, { own: string; other: string }>();
    for (const granted of ROLES) {
      const kind = kindFor(granted);
      if (!kinds.has(kind))
        kinds.set(kind, {
          own: (await buildAgency(t.db, { kind })).id,
          other: (await buildAgency(t.db, { kind })).id,
        });
    }
    for (const grantor of ROLES)
      for (const granted of ROLES) {
        const agencies = kinds.get(kindFor(granted)) as { own: string; other: string };
        const { client } = await clientFor(agencies.own, grantor);
        for (const where of ["own", "other"] as const) {
          const res = await client.post("/api/v1/users", account(agencies[where], granted));
          const got =
            res.statusCode === 201 ? "201" : `${res.statusCode} ${res.json().error?.code}`;
          const want = expected(grantor, granted, where);
          if (got !== want)
            mismatches.push(`${grantor} → ${granted} (${where}): ${got}, want ${want}`);
        }
      }
    assert.deepEqual(mismatches, []);
  });

  it("never lets an agency administrator make a system admin, state coordinator or peer admin", async () => {
    const mbi = (await buildAgency(t.db, { kind: "mbi" })).id;
    const { client } = await clientFor(mbi, "agency_admin");
    for (const role of [
      "system_admin",
      "state_coordinator",
      "agency_admin",
      "task_force_lead",
    ] as const) {
      const res = await client.post("/api/v1/users", account(mbi, role));
      assert.equal(res.statusCode, 403, role);
      assert.equal(res.json().error.field, "role");
    }
    const made = await t.db.kysely
      .selectFrom("memberships")
      .select("id")
      .where("agency_id", "=", mbi)
      .where("role", "in", ["system_admin", "state_coordinator", "task_force_lead"])
      .execute();
    assert.deepEqual(made, []);
  });

  it("refuses a role that does not fit the agency's kind, naming the field", async () => {
    const shelter = (await buildAgency(t.db, { kind: "shelter" })).id;
    const { client } = await clientFor(
      (await buildAgency(t.db, { kind: "other" })).id,
      "system_admin",
    );
    const res = await client.post("/api/v1/users", account(shelter, "cps_investigator"));
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, "role_does_not_fit_agency");
    assert.equal(res.json().error.field, "role");
  });

  it("offers the account form exactly the roles the policy grants", async () => {
    const cps = (await buildAgency(t.db, { kind: "cps" })).id;
    const { client } = await clientFor(cps, "agency_admin");
    const grants = (await client.get("/api/v1/role-grants")).json().grants;
    assert.deepEqual(grants, [
      { agencyId: cps, roles: ["screener", "cps_investigator", "analyst"] },
    ]);
    const { client: investigator } = await clientFor(cps, "cps_investigator");
    assert.deepEqual((await investigator.get("/api/v1/role-grants")).json().grants, []);
  });

  it("an agency administrator cannot unlock or disable a role it could not grant", async () => {
    const mbi = (await buildAgency(t.db, { kind: "mbi" })).id;
    const { client } = await clientFor(mbi, "agency_admin");
    const coordinator = await buildUser(ctx, { agencyId: mbi, role: "state_coordinator" });
    const investigator = await buildUser(ctx, { agencyId: mbi, role: "ht_investigator" });
    const refused = await client.post(`/api/v1/users/${coordinator.userId}/disable`);
    assert.equal(refused.statusCode, 404);
    const listed = (await client.get("/api/v1/users")).json().users as {
      userId: string;
      mayChange: boolean;
    }[];
    const mayChange = (id: string) => listed.find((u) => u.userId === id)?.mayChange;
    assert.equal(mayChange(coordinator.userId), false);
    assert.equal(mayChange(investigator.userId), true);
    assert.equal(
      (await client.post(`/api/v1/users/${investigator.userId}/disable`)).statusCode,
      204,
    );
  });

  it("answers a staff id outside the caller's reach exactly like an unknown one (certifications)", async () => {
    const cps = (await buildAgency(t.db, { kind: "cps" })).id;
    const { client } = await clientFor(cps, "agency_admin");
    const elsewhere = await buildUser(ctx, {
      agencyId: (await buildAgency(t.db, { kind: "law_enforcement" })).id,
      role: "ht_investigator",
    });
    const body = { kind: "ht_investigator", issuedOn: "2026-01-01", expiresOn: "2027-01-01" };
    const existing = await client.post(`/api/v1/users/${elsewhere.userId}/certifications`, body);
    const unknown = await client.post(
      `/api/v1/users/${"0".repeat(8)}-0000-7000-8000-${"0".repeat(12)}/certifications`,
      body,
    );
    assert.equal(existing.statusCode, 404);
    assert.equal(existing.statusCode, unknown.statusCode);
    assert.deepEqual(existing.json(), unknown.json());
  });

  it("finds accounts made through the hole: user audit-roles lists them and exits 1", async () => {
    const cps = (await buildAgency(t.db, { kind: "cps" })).id;
    const admin = await signedInAs(ctx, "agency_admin", { id: cps });
    // What the hole allowed: createUser itself has no grant rule; the policy stands before it.
    const sneaked = await createUser(
      ctx,
      { ...account(cps, "system_admin"), email: "sneaked.root@test.waypoint.invalid" },
      admin.actor,
    );
    const findings = (await auditRoleGrants(ctx)).filter((f) => f.userId === sneaked.userId);
    assert.deepEqual(
      findings.map((f) => [f.problem, f.grantedBy?.userId]),
      [["granted_beyond_grantor", admin.userId]],
    );
    const keyFile = join(mkdtempSync(join(tmpdir(), "waypoint-role-audit-")), "w.key");
    writeKeyFile(keyFile, TEST_KEY_FILE);
    const cli = spawnSync(
      process.execPath,
      ["--import", "tsx", "src/cli/main.ts", "user", "audit-roles"],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "test", WAYPOINT_KEY_FILE: keyFile },
        encoding: "utf8",
      },
    );
    assert.equal(cli.status, 1, cli.stderr);
    assert.match(
      cli.stdout,
      /sneaked\.root@test\.waypoint\.invalid: system_admin .*may not give this role/,
    );
  });
});
