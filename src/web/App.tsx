import { lazy, Suspense, useCallback, useState } from "react";
import { I18nProvider, initialLanguage, type Language, useI18n } from "./i18n/i18n.tsx";
import { PublicLayout } from "./public/PublicLayout.tsx";
import { useLocation } from "./router.ts";
import { findRoute } from "./routes.ts";
import { Link } from "./ui/Link.tsx";
import { Page } from "./ui/Page.tsx";

// Staff pages share a shell (session, navigation); it is loaded with the first staff page.
const StaffShell = lazy(() => import("./staff/StaffShell.tsx"));

/**
 * The language lives in memory and, on public pages, in the URL (`?lang=es`) so a reload keeps
 * it: nothing is written to the browser's storage. Signed-in staff also have it on the server.
 */
function useLanguage(): [Language, (lang: Language) => void] {
  const [lang, setLangState] = useState(initialLanguage);
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    const url = new URL(window.location.href);
    if (next === "en") url.searchParams.delete("lang");
    else url.searchParams.set("lang", next);
    window.history.replaceState(window.history.state, "", url.pathname + url.search);
  }, []);
  return [lang, setLang];
}

function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t("common.loading")}
    </p>
  );
}

function NotFound() {
  const { t } = useI18n();
  return (
    <Page title={t("not_found.title")}>
      <p>
        <Link href="/">{t("not_found.home")}</Link>
      </p>
    </Page>
  );
}

function Routed() {
  const { pathname } = useLocation();
  const found = findRoute(pathname);
  if (!found || found.route.area === "public") {
    const PageComponent = found?.route.page;
    return (
      <PublicLayout>
        <Suspense fallback={<Loading />}>
          {PageComponent && found ? <PageComponent params={found.params} /> : <NotFound />}
        </Suspense>
      </PublicLayout>
    );
  }
  const PageComponent = found.route.page;
  return (
    <Suspense fallback={<Loading />}>
      <StaffShell area={found.route.area}>
        <Suspense fallback={<Loading />}>
          <PageComponent params={found.params} />
        </Suspense>
      </StaffShell>
    </Suspense>
  );
}

export function App() {
  const [lang, setLang] = useLanguage();
  return (
    <I18nProvider lang={lang} setLang={setLang}>
      <Routed />
    </I18nProvider>
  );
}
