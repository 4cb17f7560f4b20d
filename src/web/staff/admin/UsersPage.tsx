import { useState } from "react";
import type { Account, accountReplies } from "../../../contract/accounts/replies.ts";
import type { Reply } from "../../../contract/common.ts";
import { api } from "../../api/client.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { DataTable } from "../../ui/DataTable.tsx";
import { Page } from "../../ui/Page.tsx";
import { Gate, useAction } from "../actions.tsx";
import { agencyName, useAgencies } from "../agencies.ts";
import { labelFor } from "../labels.ts";
import { useApi } from "../useApi.ts";
import { CreateUserForm } from "./CreateUserForm.tsx";

/**
 * Accounts this administrator manages (their agency's; every one for a system administrator),
 * one row per membership: unlock after too many failed sign-ins, disable at once, create one.
 */
export default function UsersPage() {
  const { t } = useI18n();
  const [loaded, reload] = useApi<Reply<typeof accountReplies.users>>("/api/v1/users");
  const [agencies] = useAgencies();
  const [grants] = useApi<Reply<typeof accountReplies.roleGrants>>("/api/v1/role-grants");
  const directory = agencies.state === "ready" ? agencies.data.agencies : [];
  const action = useAction();
  const [done, setDone] = useState<string | null>(null);
  const change = async (u: Account, what: "unlock" | "disable") => {
    setDone(null);
    const ok = await action.run(async () => {
      await api.post(`/api/v1/users/${encodeURIComponent(u.userId)}/${what}`);
      return true;
    });
    if (ok) {
      setDone(t(what === "unlock" ? "users.unlocked" : "users.disabled", { name: u.displayName }));
      reload();
    }
  };
  const cols = [t("users.name"), t("users.agency"), t("users.role"), t("users.state")];
  return (
    <Page title={t("users.title")} lead={t("users.lead")}>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {action.failure?.kind === "refused" ? (
        <Alert tone="error">{action.failure.message}</Alert>
      ) : null}
      <Gate loaded={loaded}>
        {({ users }) => (
          <DataTable caption={t("users.title")} columns={cols}>
            {users.map((u) => (
              <tr key={u.membershipId}>
                <td data-label={cols[0]}>
                  {u.displayName}
                  <br />
                  <span className="muted">{u.email}</span>
                </td>
                <td data-label={cols[1]}>{agencyName(directory, u.agencyId)}</td>
                <td data-label={cols[2]}>{labelFor(t, "role", u.role)}</td>
                <td data-label={cols[3]}>
                  <Badge tone={u.status === "active" ? "success" : "neutral"}>
                    {labelFor(t, "account_status", u.status)}
                  </Badge>{" "}
                  {u.lockedAt ? <Badge tone="danger">{t("users.locked")}</Badge> : null}{" "}
                  {u.mfaEnabledAt ? null : <span className="muted">{t("users.no_mfa")}</span>}
                  <div className="actions">
                    {u.mayChange && u.lockedAt ? (
                      <Button
                        variant="secondary"
                        disabled={action.busy}
                        aria-label={t("users.unlock_named", { name: u.displayName })}
                        onClick={() => void change(u, "unlock")}
                      >
                        {t("users.unlock")}
                      </Button>
                    ) : null}
                    {u.mayChange && u.status === "active" ? (
                      <Button
                        variant="danger"
                        disabled={action.busy}
                        aria-label={t("users.disable_named", { name: u.displayName })}
                        onClick={() => void change(u, "disable")}
                      >
                        {t("users.disable")}
                      </Button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </Gate>
      <CreateUserForm
        agencies={directory}
        grants={grants.state === "ready" ? grants.data.grants : []}
        onCreated={reload}
      />
    </Page>
  );
}
