import { type ReactNode, useEffect } from "react";
import { useI18n } from "../i18n/i18n.tsx";
import { LanguageSwitch } from "../ui/LanguageSwitch.tsx";
import { Link } from "../ui/Link.tsx";
import { Frame } from "../ui/Page.tsx";
import { quickExit } from "./quick-exit.ts";

/**
 * Layout of the pages anyone can open without signing in. Quick exit is always on screen (the
 * header sticks) and the Escape key does the same from anywhere on the page.
 */
export function PublicLayout(props: { children: ReactNode }) {
  const { t } = useI18n();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) quickExit();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <Frame
      skipLabel={t("layout.skip")}
      header={
        <div className="header-row">
          <Link href="/" className="brand">
            Waypoint
          </Link>
          <nav aria-label={t("layout.public_nav")} className="public-nav">
            <Link href="/screening">{t("nav.screening")}</Link>
            <Link href="/tip">{t("nav.tip")}</Link>
          </nav>
          <LanguageSwitch />
          <button
            type="button"
            className="btn btn-danger quick-exit"
            onClick={quickExit}
            aria-describedby="quick-exit-hint"
          >
            {t("quick_exit.button")}
          </button>
          <p id="quick-exit-hint" className="visually-hidden">
            {t("quick_exit.hint")}
          </p>
        </div>
      }
      footer={
        <>
          <p>{t("layout.no_trace")}</p>
          <p>
            <Link href="/sign-in">{t("nav.staff_sign_in")}</Link>
          </p>
        </>
      }
    >
      {props.children}
    </Frame>
  );
}
