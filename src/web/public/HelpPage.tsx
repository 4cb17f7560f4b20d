import { CONTACTS, type Contact, telHref } from "../../domain/contacts.ts";
import { type UiMessageKey, useI18n } from "../i18n/i18n.tsx";
import { Card } from "../ui/Card.tsx";
import { Link } from "../ui/Link.tsx";
import { Page } from "../ui/Page.tsx";

/** Numbers from ../shared/DOMAIN.md via src/domain/contacts.ts; names from our catalogues. */
const HOTLINES: { contact: Contact; name: UiMessageKey; about: UiMessageKey }[] = [
  { contact: CONTACTS.emergency, name: "hotline.emergency", about: "hotline.emergency.about" },
  {
    contact: CONTACTS.nationalHotline,
    name: "hotline.national",
    about: "hotline.national.about",
  },
  { contact: CONTACTS.cpsHotline, name: "hotline.cps", about: "hotline.cps.about" },
  { contact: CONTACTS.theTower, name: "hotline.tower", about: "hotline.tower.about" },
  { contact: CONTACTS.crisisLine, name: "hotline.crisis", about: "hotline.crisis.about" },
  { contact: CONTACTS.adultProtectiveServices, name: "hotline.aps", about: "hotline.aps.about" },
];

/** "Get help now": who to call, tap to call, and the two ways onward (screening, tip). */
export default function HelpPage() {
  const { t } = useI18n();
  return (
    <Page title={t("help.title")} lead={t("help.lead")}>
      <ul className="hotlines" aria-label={t("help.hotlines")}>
        {HOTLINES.map(({ contact, name, about }) => (
          <li key={contact.id}>
            <a href={telHref(contact)} className="hotline">
              <span className="hotline-name">
                {t(name)}: <span className="nowrap">{contact.phone}</span>
              </span>
              <span className="hotline-about">
                {t(about)}
                {contact.hours ? ` · ${t("help.hours_24_7")}` : ""}
              </span>
            </a>
          </li>
        ))}
      </ul>
      <div className="card-grid">
        <Card title={t("help.screening.title")}>
          <p>{t("help.screening.body")}</p>
          <p>
            <Link href="/screening" className="btn btn-primary">
              {t("help.screening.start")}
            </Link>
          </p>
        </Card>
        <Card title={t("help.tip.title")}>
          <p>{t("help.tip.body")}</p>
          <p>
            <Link href="/tip" className="btn btn-secondary">
              {t("help.tip.start")}
            </Link>
          </p>
        </Card>
      </div>
    </Page>
  );
}
