import { Suspense } from "react";
import type { CaseDetail } from "../../../contract/cases/replies.ts";
import { useI18n } from "../../i18n/i18n.tsx";
import { useLocation } from "../../router.ts";
import type { RouteProps } from "../../routes.ts";
import { Alert } from "../../ui/Alert.tsx";
import { Card } from "../../ui/Card.tsx";
import { Page } from "../../ui/Page.tsx";
import { LoadError } from "../LoadError.tsx";
import { useApi } from "../useApi.ts";
import { CaseHeader } from "./CaseHeader.tsx";
import { CASE_PANELS } from "./panels.ts";

/**
 * One case as GET /api/v1/cases/:id returns it for this user: what the server sends is what is
 * shown (identity only when present), and actions follow the `abilities` it sends.
 */
export default function CasePage({ params }: RouteProps) {
  const { t } = useI18n();
  const { search } = useLocation();
  const id = params.id ?? "";
  // A panel's save reloads the case; the page stays up meanwhile, so the panel keeps its
  // "saved" message and the keyboard focus.
  const [loaded, reload] = useApi<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`, {
    keepOnReload: true,
  });
  if (loaded.state !== "ready") {
    return (
      <Page title={t("case.title_loading")}>
        {loaded.state === "loading" ? (
          <p className="loading" role="status">
            {t("common.loading")}
          </p>
        ) : (
          <LoadError error={loaded.error} />
        )}
      </Page>
    );
  }
  const detail = loaded.data;
  const panels = CASE_PANELS.filter((p) => !p.shownWhen || detail.abilities[p.shownWhen]);
  return (
    <Page title={t("case.title", { number: detail.caseNumber })}>
      {search.get("created") ? (
        <Alert tone="success">{t("case.created", { number: detail.caseNumber })}</Alert>
      ) : null}
      {detail.status === "closed" ? (
        <Alert tone="info">{t("closing.case_closed_note")}</Alert>
      ) : null}
      <CaseHeader detail={detail} panels={panels} />
      {/* Closing or reopening changes what every panel may do: they start afresh then. */}
      <div className="panels" key={detail.status}>
        {panels.map((panel) => {
          const Panel = panel.component;
          return (
            <Card
              key={panel.id}
              id={`panel-${panel.id}`}
              title={t(panel.title)}
              className={`panel panel-${panel.id}`}
            >
              <Suspense
                fallback={
                  <p className="loading" role="status">
                    {t("common.loading")}
                  </p>
                }
              >
                <Panel detail={detail} reload={reload} />
              </Suspense>
            </Card>
          );
        })}
      </div>
    </Page>
  );
}
