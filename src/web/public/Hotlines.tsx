import { CONTACTS, type Contact, telHref } from "../../domain/contacts.ts";
import { type UiMessageKey, useI18n } from "../i18n/i18n.tsx";

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

/** Who to call, as tap-to-call links: the help page and every screening result show these. */
export function HotlineList() {
  const { t } = useI18n();
  return (
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
  );
}
