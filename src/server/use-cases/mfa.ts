import { z } from "zod";
import { type AuditEntry, appendAudit } from "../audit/audit-log.ts";
import { clearSignInFailures, recordSignInFailure, takeAccount } from "../auth/lockout.ts";
import { upgradeSession } from "../auth/sessions.ts";
import { checkTotp, enrolmentDetails, newTotpSecret } from "../auth/totp.ts";
import type { AppContext } from "../context.ts";
import type { SessionRow } from "../db/schema.ts";
import { AppError, conflict } from "../errors.ts";
import { newId } from "../ids.ts";
import { randomToken, sha256 } from "../security/tokens.ts";
import { invalidCredentials } from "./sign-in.ts";

export const mfaInput = z.union([
  z.strictObject({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "must be the 6-digit code"),
  }),
  z.strictObject({ recoveryCode: z.string().trim().min(8).max(64) }),
]);

const RECOVERY_CODES = 10;
const secretContext = (userId: string) => `users.mfa_secret.${userId}`;

interface PendingSession {
  session: SessionRow;
  token: string;
  clientIp: string | null;
  role: string;
  agencyId: string;
}

function auditCtx(ctx: AppContext, p: PendingSession) {
  return {
    actor: { userId: p.session.user_id, agencyId: p.agencyId, role: p.role },
    clientIp: p.clientIp,
    clock: ctx.clock,
  };
}

/** A failed second step counts toward the lockout (CJIS 5.5.3), audited with it. */
function recordFailure(ctx: AppContext, p: PendingSession, failed: AuditEntry) {
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const lockout = await recordSignInFailure(trx, ctx.clock, p.session.user_id);
    await appendAudit(trx, auditCtx(ctx, p), [failed, ...lockout]);
  });
}

/**
 * A right code for an account locked meanwhile (a parallel attempt was the fifth failure) is
 * refused like any locked sign-in; the lockout already ended the pending session.
 */
async function refuseLocked(ctx: AppContext, p: PendingSession, action: string): Promise<never> {
  await ctx.db.kysely.transaction().execute((trx) =>
    appendAudit(trx, auditCtx(ctx, p), [
      {
        action,
        recordType: "user",
        recordId: p.session.user_id,
        outcome: "denied",
        detail: { reason: "locked" },
      },
    ]),
  );
  throw invalidCredentials();
}

/** Step 1 of enrolment: a new secret (kept encrypted, not yet active) as a QR code and URI. */
export async function startMfaEnrolment(ctx: AppContext, p: PendingSession) {
  const user = await ctx.db.kysely
    .selectFrom("users")
    .select(["email", "mfa_enabled_at"])
    .where("id", "=", p.session.user_id)
    .executeTakeFirstOrThrow();
  if (user.mfa_enabled_at) throw conflict("Two-step sign-in is already set up for this account.");
  const secret = newTotpSecret();
  await ctx.db.kysely
    .updateTable("users")
    .set({ mfa_secret: ctx.keyring.encrypt(secret, secretContext(p.session.user_id)) })
    .where("id", "=", p.session.user_id)
    .execute();
  return { secret, ...(await enrolmentDetails(secret, user.email)) };
}

/** Step 2: the first code proves the app is set up; recovery codes are shown once. */
export async function confirmMfaEnrolment(ctx: AppContext, p: PendingSession, code: string) {
  const user = await ctx.db.kysely
    .selectFrom("users")
    .select(["mfa_secret", "mfa_enabled_at"])
    .where("id", "=", p.session.user_id)
    .executeTakeFirstOrThrow();
  if (user.mfa_enabled_at) throw conflict("Two-step sign-in is already set up for this account.");
  if (!user.mfa_secret) throw new AppError("mfa_not_started", "Start the set-up first.");
  const secret = ctx.keyring.decrypt(user.mfa_secret, secretContext(p.session.user_id));
  const step = await checkTotp(secret, code, ctx.clock.now(), null);
  if (step === null) {
    await recordFailure(ctx, p, {
      action: "mfa.enrol",
      recordType: "user",
      recordId: p.session.user_id,
      outcome: "failed",
    });
    throw new AppError(
      "invalid_code",
      "That code is not right. Check the time on your phone and try again.",
      "code",
    );
  }
  const recoveryCodes = Array.from({ length: RECOVERY_CODES }, () => randomToken(10));
  const result = await ctx.db.kysely.transaction().execute(async (trx) => {
    if (await takeAccount(trx, p.session.user_id)) return null;
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable("users")
      .set({ mfa_enabled_at: now, mfa_last_step: step })
      .where("id", "=", p.session.user_id)
      .execute();
    await trx.deleteFrom("recovery_codes").where("user_id", "=", p.session.user_id).execute();
    await trx
      .insertInto("recovery_codes")
      .values(
        recoveryCodes.map((c) => ({
          id: newId(),
          user_id: p.session.user_id,
          code_hash: sha256(c),
          used_at: null,
        })),
      )
      .execute();
    // Confirming enrolment completes the sign-in: earlier failures are forgotten.
    await clearSignInFailures(trx, p.session.user_id);
    const session = await upgradeSession(trx, ctx.clock, p.session, p.token);
    await appendAudit(trx, auditCtx(ctx, p), [
      { action: "mfa.enrol", recordType: "user", recordId: p.session.user_id, outcome: "allowed" },
    ]);
    return { recoveryCodes, ...session };
  });
  return result ?? refuseLocked(ctx, p, "mfa.enrol");
}

/** The second sign-in step: a fresh TOTP code (never one already used) or a recovery code. */
export async function verifyMfa(ctx: AppContext, p: PendingSession, raw: z.input<typeof mfaInput>) {
  const input = mfaInput.parse(raw);
  const user = await ctx.db.kysely
    .selectFrom("users")
    .select(["mfa_secret", "mfa_enabled_at", "mfa_last_step"])
    .where("id", "=", p.session.user_id)
    .executeTakeFirstOrThrow();
  if (!user.mfa_enabled_at || !user.mfa_secret)
    throw new AppError("mfa_not_enrolled", "Set up two-step sign-in first.");
  const now = ctx.clock.now();
  let accepted: { step?: number; recoveryCodeId?: string } | null = null;
  if ("code" in input) {
    const secret = ctx.keyring.decrypt(user.mfa_secret, secretContext(p.session.user_id));
    const step = await checkTotp(secret, input.code, now, user.mfa_last_step);
    if (step !== null) accepted = { step };
  } else {
    const row = await ctx.db.kysely
      .selectFrom("recovery_codes")
      .select("id")
      .where("user_id", "=", p.session.user_id)
      .where("code_hash", "=", sha256(input.recoveryCode))
      .where("used_at", "is", null)
      .executeTakeFirst();
    if (row) accepted = { recoveryCodeId: row.id };
  }
  const method = "code" in input ? "totp" : "recovery_code";
  if (!accepted) {
    await recordFailure(ctx, p, {
      action: "auth.mfa",
      recordType: "user",
      recordId: p.session.user_id,
      outcome: "failed",
      detail: { method },
    });
    throw invalidCredentials();
  }
  const session = await ctx.db.kysely.transaction().execute(async (trx) => {
    if (await takeAccount(trx, p.session.user_id)) return null;
    if (accepted.step !== undefined) {
      await trx
        .updateTable("users")
        .set({ mfa_last_step: accepted.step })
        .where("id", "=", p.session.user_id)
        .execute();
    }
    if (accepted.recoveryCodeId) {
      await trx
        .updateTable("recovery_codes")
        .set({ used_at: now.toISOString() })
        .where("id", "=", accepted.recoveryCodeId)
        .execute();
    }
    // Password and second factor: the sign-in is complete, so earlier failures are forgotten.
    await clearSignInFailures(trx, p.session.user_id);
    const upgraded = await upgradeSession(trx, ctx.clock, p.session, p.token);
    const entries: AuditEntry[] = [
      {
        action: "auth.mfa",
        recordType: "user",
        recordId: p.session.user_id,
        outcome: "allowed",
        detail: { method },
      },
    ];
    await appendAudit(trx, auditCtx(ctx, p), entries);
    return upgraded;
  });
  return session ?? refuseLocked(ctx, p, "auth.mfa");
}

export type { PendingSession };
