import type { CertificationPeriod } from "../../../contract/coordination/replies.ts";
import { certificationValid } from "../../../domain/coordination/rapid-assessment-team.ts";
import { localDate } from "../../../domain/time.ts";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { labelFor } from "../labels.ts";

/**
 * Each certification with its expiry, and whether it is valid today in Mississippi (issued on
 * or before, expiring on or after: the rule the seat offers use), said in words.
 */
export function CertificationBadges(props: { certifications: CertificationPeriod[] }) {
  const { t, lang } = useI18n();
  if (props.certifications.length === 0) return <span className="muted">{t("common.none")}</span>;
  const today = localDate(new Date());
  return (
    <ul className="plain-list cert-list">
      {props.certifications.map((c) => {
        const valid = certificationValid(c, today);
        const lapsed = c.expiresOn < today;
        return (
          <li key={`${c.kind}-${c.issuedOn}`}>
            {labelFor(t, "certification", c.kind)}{" "}
            <Badge tone={valid ? "success" : lapsed ? "danger" : "neutral"}>
              {valid
                ? t("cert.valid_until", { date: formatDate(c.expiresOn, lang) })
                : lapsed
                  ? t("cert.lapsed_on", { date: formatDate(c.expiresOn, lang) })
                  : t("cert.from", { date: formatDate(c.issuedOn, lang) })}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
