import { useEffect, useRef } from "react";
import { CONTACTS, telHref } from "../../domain/contacts.ts";
import { CurrentQuestion } from "../assessment/CurrentQuestion.tsx";
import { NextSteps } from "../assessment/NextSteps.tsx";
import { ScreeningError } from "../assessment/ScreeningError.tsx";
import { useScreening } from "../assessment/useScreening.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { Alert } from "../ui/Alert.tsx";
import { Button } from "../ui/Button.tsx";
import { Card } from "../ui/Card.tsx";
import { Link } from "../ui/Link.tsx";
import { Page } from "../ui/Page.tsx";
import { HotlineList } from "./Hotlines.tsx";

/**
 * A minor's result that does not already say to report to CPS (the person stopped early, or
 * nothing is indicated yet) still offers CPS: anyone may call the hotline about a child, and a
 * minor needs no force, fraud or coercion to be a victim (DOMAIN.md §2, § 97-3-54.4(k)).
 */
const talkToCps = (a: { age: { status: string }; actionDetails: { id: string }[] }) =>
  a.age.status === "minor" && !a.actionDetails.some((d) => d.id === "report_cps");

/**
 * The self-guided screening: one question a screen, chosen by the server, ending in plain
 * next steps from the server's assessment. The answers live only in this page's memory.
 */
export default function ScreeningPage() {
  const { t, lang } = useI18n();
  const s = useScreening(lang, { anonymous: true });
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const finished = s.finished;
  // The result replaces the question: move focus to it so it is read at once.
  useEffect(() => {
    if (finished) resultHeading.current?.focus();
  }, [finished]);
  const q = s.questionnaire;
  if (!q) {
    return (
      <Page title={t("screening.title")}>
        <ScreeningError error={s.error} />
        {s.error ? null : (
          <p className="loading" role="status">
            {t("common.loading")}
          </p>
        )}
      </Page>
    );
  }
  return (
    <Page title={q.title}>
      <Alert tone="warning">{q.emergency}</Alert>
      <ScreeningError error={s.error} />
      {s.step === null ? (
        <>
          <p>{q.intro}</p>
          <Button onClick={() => void s.start()} disabled={s.busy}>
            {t("screening.start")}
          </Button>
        </>
      ) : null}
      {s.step && s.current && !finished ? (
        <>
          <CurrentQuestion screening={s} />
          {s.order.length > 0 ? (
            <p>
              <Button variant="link" onClick={s.finishNow}>
                {t("screening.finish_now")}
              </Button>
            </p>
          ) : null}
        </>
      ) : null}
      {s.step && finished ? (
        <section aria-labelledby="screening-result" className="result">
          <h2 id="screening-result" tabIndex={-1} ref={resultHeading}>
            {s.step.assessment.determinationLabel}
          </h2>
          <p>{q.done}</p>
          <NextSteps assessment={s.step.assessment} headingLevel={3} />
          {talkToCps(s.step.assessment) ? (
            <Card title={t("screening.cps.title")} headingLevel={3} className="talk-to-cps">
              <p>
                {t("screening.cps.body")}{" "}
                <a href={telHref(CONTACTS.cpsHotline)} className="phone">
                  {CONTACTS.cpsHotline.phone}
                </a>
              </p>
            </Card>
          ) : null}
          <section aria-labelledby="where-to-get-help" className="where-to-get-help">
            <h3 id="where-to-get-help">{t("screening.help.title")}</h3>
            <p>{t("screening.help.lead")}</p>
            <HotlineList />
          </section>
          <Card title={t("screening.after.title")} headingLevel={3}>
            <p>{t("screening.after.body")}</p>
            <p>
              <Link href="/tip">{t("help.tip.start")}</Link>
            </p>
          </Card>
          <p>
            <Button variant="secondary" onClick={s.restart}>
              {t("screening.restart")}
            </Button>
          </p>
        </section>
      ) : null}
    </Page>
  );
}
