import { type ReactNode, useCallback, useEffect, useState } from "react";
import type { authReplies, Me } from "../../contract/auth/replies.ts";
import type { Reply } from "../../contract/common.ts";
import { ApiError, api, setCsrfToken } from "../api/client.ts";
import { addStaffMessages, type Language, useI18n } from "../i18n/i18n.tsx";
import { STAFF_MESSAGES } from "../i18n/staff/messages.ts";
import { navigate, useLocation } from "../router.ts";
import type { Area } from "../routes.ts";
import { Alert } from "../ui/Alert.tsx";
import { LanguageSwitch } from "../ui/LanguageSwitch.tsx";
import { Link } from "../ui/Link.tsx";
import { Frame } from "../ui/Page.tsx";
import { labelFor } from "./labels.ts";
import { menuFor } from "./menu.ts";
import { NotificationBell } from "./notifications/NotificationBell.tsx";
import { SessionContext } from "./session.tsx";
import "./staff.css";

// Staff wording and styles travel with this chunk, not with the public pages.
addStaffMessages(STAFF_MESSAGES);

type Load = { state: "loading" } | { state: "ready"; me: Me } | { state: "failed" };

/**
 * Frame of the staff pages: loads the session (GET /api/v1/me), sends people without one to
 * sign-in, and shows the menu, the user and sign-out. The sign-in page uses the frame without
 * a session.
 */
export default function StaffShell(props: { area: Area; children: ReactNode }) {
  const { t, setLang } = useI18n();
  const { pathname, search } = useLocation();
  const [load, setLoad] = useState<Load>({ state: "loading" });

  const refresh = useCallback(async () => {
    try {
      const me = await api.get<Me>("/api/v1/me");
      setCsrfToken(me.csrfToken);
      if (me.language === "en" || me.language === "es") setLang(me.language);
      setLoad({ state: "ready", me });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setCsrfToken(null);
        setLoad({ state: "failed" });
      } else setLoad({ state: "failed" });
    }
  }, [setLang]);

  const needsSession = props.area === "staff";
  useEffect(() => {
    if (needsSession) void refresh();
  }, [needsSession, refresh]);
  useEffect(() => {
    if (needsSession && load.state === "failed") {
      const next = pathname + (search.size > 0 ? `?${search}` : "");
      navigate(`/sign-in?next=${encodeURIComponent(next)}`, { replace: true });
    }
  }, [needsSession, load.state, pathname, search]);

  const me = load.state === "ready" ? load.me : null;
  // The preference is kept on the server (PATCH /api/v1/me), so it follows the person to any
  // device; nothing is written to this browser. A failed save still switches this page.
  const changeLanguage = async (lang: Language) => {
    setLang(lang);
    if (!me) return;
    try {
      const saved = await api.patch<Reply<typeof authReplies.preferences>>("/api/v1/me", {
        language: lang,
      });
      setLoad({ state: "ready", me: { ...me, language: saved.language } });
    } catch {
      // Kept for this page only; the next sign-in uses the language last saved.
    }
  };
  const signOut = async () => {
    await api.post("/api/v1/auth/logout").catch(() => undefined);
    setCsrfToken(null);
    setLoad({ state: "loading" });
    navigate("/sign-in", { replace: true });
  };

  const header = (
    <div className="header-row">
      <Link href={me ? "/work" : "/"} className="brand">
        Waypoint
      </Link>
      {me ? (
        <nav aria-label={t("layout.staff_nav")} className="staff-nav">
          {menuFor(me.abilities).map((item) => (
            <Link
              key={item.href}
              href={item.href}
              aria-current={
                pathname === item.href
                  ? "page"
                  : pathname.startsWith(`${item.href}/`)
                    ? "true"
                    : undefined
              }
            >
              {t(item.label)}
            </Link>
          ))}
        </nav>
      ) : null}
      <LanguageSwitch onChange={(lang) => void changeLanguage(lang)} />
      {me ? (
        <div className="user-box">
          <NotificationBell />
          <span className="user-name">
            {me.displayName} · {labelFor(t, "role", me.role)}
          </span>
          <button type="button" className="btn btn-secondary" onClick={() => void signOut()}>
            {t("nav.sign_out")}
          </button>
        </div>
      ) : null}
    </div>
  );

  let body: ReactNode = props.children;
  if (needsSession && load.state !== "ready") {
    body =
      load.state === "loading" ? (
        <p className="loading" role="status">
          {t("common.loading")}
        </p>
      ) : (
        <Alert tone="info">{t("session.sign_in_needed")}</Alert>
      );
  }
  return (
    <Frame skipLabel={t("layout.skip")} header={header}>
      {me ? (
        <SessionContext.Provider value={{ me, refresh }}>{body}</SessionContext.Provider>
      ) : (
        body
      )}
    </Frame>
  );
}
