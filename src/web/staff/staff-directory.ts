import type { accountReplies, StaffMember } from "../../contract/accounts/replies.ts";
import type { Reply } from "../../contract/common.ts";
import type { Translate } from "../i18n/i18n.tsx";
import { labelFor } from "./labels.ts";
import { useApi } from "./useApi.ts";

/**
 * The staff directory (GET /api/v1/staff: names, roles and agencies of active staff), for those
 * whose /me abilities say they build task forces or record certifications. Asked only when
 * `allowed`, so nobody else is sent into a refusal; a null path stays "loading", so callers
 * show their form only to those allowed.
 */
export function useStaffDirectory(allowed: boolean) {
  return useApi<Reply<typeof accountReplies.staff>>(allowed ? "/api/v1/staff" : null);
}

/** "Ana Example · HT investigator · Hinds County Sheriff's Office": names alone can repeat. */
export function staffLabel(t: Translate, s: StaffMember): string {
  return `${s.displayName} · ${labelFor(t, "role", s.role)} · ${s.agencyName}`;
}
