import { useI18n } from "../i18n/i18n.tsx";
import { Card } from "../ui/Card.tsx";
import { Link } from "../ui/Link.tsx";
import { Page } from "../ui/Page.tsx";
import { HotlineList } from "./Hotlines.tsx";

/** "Get help now": who to call, tap to call, and the two ways onward (screening, tip). */
export default function HelpPage() {
  const { t } = useI18n();
  return (
    <Page title={t("help.title")} lead={t("help.lead")}>
      <HotlineList />
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
