import type { CreateAgencyInput } from "../../../contract/accounts/inputs.ts";
import type { Actor } from "../../access/actor.ts";
import type { AppContext } from "../../context.ts";
import { asCaller } from "../../unit-of-work/as-caller.ts";

/** Adds an agency: system administrators only (an agency's administrator manages its own). */
export function createAgency(
  ctx: AppContext,
  actor: Actor,
  input: CreateAgencyInput,
): Promise<{ id: string }> {
  const spec = {
    action: "agency.create",
    recordType: "agency",
    ability: "createAgencies",
    refusal: "You cannot create agencies.",
  } as const;
  return asCaller(ctx, actor, spec, async (w) => {
    const id = await w.repos.agencies.create({
      name: input.name,
      kind: input.kind,
      countyFips: input.countyFips ?? null,
    });
    w.record({ recordId: id });
    return { id };
  });
}
