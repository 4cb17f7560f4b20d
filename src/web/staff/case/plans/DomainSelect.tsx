import type { ChangeEvent } from "react";
import { PLAN_DOMAIN_IDS } from "../../../../domain/coordination/service-plan.ts";
import { useI18n } from "../../../i18n/i18n.tsx";
import { Select } from "../../../ui/Field.tsx";
import { labelFor } from "../../labels.ts";

/** One of the four service-plan domains (DOMAIN.md §6), for plan items and referrals alike. */
export function DomainSelect(props: {
  value: string;
  error: string | null;
  onChange: (e: ChangeEvent<HTMLSelectElement>) => void;
}) {
  const { t } = useI18n();
  return (
    <Select
      label={t("plan.domain")}
      choices={PLAN_DOMAIN_IDS.map((d) => ({ value: d, label: labelFor(t, "domain", d) }))}
      placeholder={t("common.choose")}
      value={props.value}
      required
      error={props.error}
      onChange={props.onChange}
    />
  );
}
