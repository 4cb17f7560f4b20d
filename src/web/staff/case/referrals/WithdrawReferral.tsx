import { useState } from "react";
import { api } from "../../../api/client.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Button } from "../../../ui/Button.tsx";
import { ActionForm, useAction } from "../../actions.tsx";

/**
 * "Withdraw" on a referral the caller's agency sent and nobody has answered (the server's
 * `mayWithdraw`): asks once, then POST /referrals/:id/withdraw. The receiving agency is told;
 * a case waiting only on that referral can then close.
 */
export function WithdrawReferral(props: {
  referral: { id: string; version: number; service: string; toAgencyName: string };
  onWithdrawn(): void;
  onStale(): void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [asking, setAsking] = useState(false);
  const { referral } = props;
  const named = t("referral.withdraw_named", {
    service: referral.service,
    agency: referral.toAgencyName,
  });
  if (!asking)
    return (
      <Button variant="secondary" aria-label={named} onClick={() => setAsking(true)}>
        {t("referral.withdraw")}
      </Button>
    );
  const withdraw = async () => {
    const ok = await action.run(() =>
      api.post(`/api/v1/referrals/${encodeURIComponent(referral.id)}/withdraw`, {
        version: referral.version,
      }),
    );
    if (ok) props.onWithdrawn();
  };
  return (
    <ActionForm action={action} onSubmit={withdraw} onReload={props.onStale} label={named}>
      <p>{t("referral.withdraw_confirm", { agency: referral.toAgencyName })}</p>
      <div className="actions">
        <Button type="submit" variant="danger" disabled={action.busy}>
          {t("referral.withdraw")}
        </Button>
        <Button variant="secondary" onClick={() => setAsking(false)}>
          {t("common.cancel")}
        </Button>
      </div>
    </ActionForm>
  );
}
