import { randomInt } from "node:crypto";
import type { PublicTipInput } from "../../../contract/intake/inputs.ts";
import { PUBLIC_TIP_QUEUE } from "../../../domain/intake-routing.ts";
import { isRole } from "../../../domain/roles.ts";
import { EMPTY_TIP_FIELD, tipSaysSomething } from "../../../domain/tips.ts";
import { PUBLIC_TIP_ROLES } from "../../access/policy.ts";
import type { AppContext } from "../../context.ts";
import { badRequest } from "../../errors.ts";
import { withoutCaller } from "../../unit-of-work/without-caller.ts";
import { OPEN_CASE_UNIT } from "./open-case.ts";
import { takeIntakeIn } from "./take-intake.ts";

/** Plain words for the sender; the web page shows its own translation at the same field. */
const EMPTY_TIP_MESSAGE =
  "The tip is empty. Write what you saw, or tick at least one thing you noticed, then send it.";

const RECEIPT_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/**
 * A tip from the public help page: no login, so no caller and no Actor. It runs as a unit of
 * work without a caller (audited like staff intake, attributed to nobody) and lands with the
 * people who triage the statewide intake queue (the role table's `triagesPublicTips`): the
 * least-loaded of them takes it in, at their agency. Only when nobody holds that role does it
 * go to the bare queue agency (`routing check` reports that). Answers with a receipt code only.
 */
export async function takePublicTip(
  ctx: AppContext,
  input: PublicTipInput,
): Promise<{ receiptCode: string }> {
  if (!tipSaysSomething(input)) throw badRequest(EMPTY_TIP_MESSAGE, EMPTY_TIP_FIELD);
  return withoutCaller(ctx, OPEN_CASE_UNIT, async (w) => {
    const triager = await w.repos.assignment.leastLoadedAnywhere(PUBLIC_TIP_ROLES);
    const queue = triager
      ? { id: triager.agencyId, kind: triager.agencyKind }
      : { id: await w.repos.assignment.queueAgency(PUBLIC_TIP_QUEUE), kind: PUBLIC_TIP_QUEUE.kind };
    const { narrative, contact, ...tip } = input;
    const takenBy =
      triager && isRole(triager.role) ? { userId: triager.userId, role: triager.role } : null;
    const result = await takeIntakeIn(
      w,
      queue,
      { ...tip, source: "public_web_form", persons: [] },
      takenBy,
    );
    // Receipt codes are random, not derived from the case: they reveal nothing about it.
    const receiptCode = Array.from({ length: 10 }, () => RECEIPT_ALPHABET[randomInt(31)]).join("");
    await w.repos.tips.addReceipt(result.caseId, receiptCode);
    if (narrative !== undefined || contact !== undefined)
      await w.repos.tips.addMessage(result.caseId, { narrative, contact });
    return { receiptCode };
  });
}
