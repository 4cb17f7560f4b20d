import type { Agency, accountReplies } from "../../contract/accounts/replies.ts";
import type { Reply } from "../../contract/common.ts";
import type { Translate } from "../i18n/i18n.tsx";
import type { Choice } from "../ui/Field.tsx";
import { labelFor } from "./labels.ts";
import { useApi } from "./useApi.ts";

/** The agency directory (GET /api/v1/agencies: any signed-in user), for pickers and names. */
export function useAgencies() {
  return useApi<Reply<typeof accountReplies.agencies>>("/api/v1/agencies");
}

/** "Hinds County Sheriff's Office (Law enforcement)": the kind helps tell similar names apart. */
export function agencyChoices(t: Translate, agencies: readonly Agency[]): Choice[] {
  return agencies.map((a) => ({
    value: a.id,
    label: `${a.name} (${labelFor(t, "agency_kind", a.kind)})`,
  }));
}

export function agencyName(agencies: readonly Agency[], id: string | null): string {
  if (id === null) return "—";
  return agencies.find((a) => a.id === id)?.name ?? "—";
}
