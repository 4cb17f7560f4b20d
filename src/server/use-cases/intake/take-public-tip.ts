import { randomInt } from "node:crypto";
import type { PublicTipInput } from "../../../contract/intake/inputs.ts";
import { PUBLIC_TIP_QUEUE } from "../../../domain/intake-routing.ts";
import type { AppContext } from "../../context.ts";
import { withoutCaller } from "../../unit-of-work/without-caller.ts";
import { ensureAgency } from "../accounts/administration-agency.ts";
import { OPEN_CASE_UNIT } from "./open-case.ts";
import { takeIntakeIn } from "./take-intake.ts";

const RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/**
 * A tip from the public help page: no login, so no caller and no Actor. It runs as a unit of
 * work without a caller (audited like staff intake, attributed to nobody), lands in the
 * statewide intake queue, and answers with a receipt code only, never with data.
 */
export async function takePublicTip(
  ctx: AppContext,
  input: PublicTipInput,
): Promise<{ receiptCode: string }> {
  const queue = {
    id: await ensureAgency(ctx, PUBLIC_TIP_QUEUE.name, PUBLIC_TIP_QUEUE.kind),
    kind: PUBLIC_TIP_QUEUE.kind,
  };
  return withoutCaller(ctx, OPEN_CASE_UNIT, async (w) => {
    const { narrative, contact, ...tip } = input;
    const result = await takeIntakeIn(w, queue, {
      ...tip,
      source: "public_web_form",
      persons: [],
    });
    // Receipt codes are random, not derived from the case: they reveal nothing about it.
    const receiptCode = Array.from({ length: 10 }, () => RECEIPT_ALPHABET[randomInt(31)]).join("");
    await w.repos.tips.addReceipt(result.caseId, receiptCode);
    if (narrative !== undefined || contact !== undefined)
      await w.repos.tips.addMessage(result.caseId, { narrative, contact });
    return { receiptCode };
  });
}
