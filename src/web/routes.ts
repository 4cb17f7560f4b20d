import { type ComponentType, type LazyExoticComponent, lazy } from "react";

/**
 * Every page of the app, each its own chunk (loaded when first visited). `public` pages need no
 * sign-in, show Quick exit and store nothing; `staff` pages need a session; `auth` is sign-in.
 */
export type Area = "public" | "staff" | "auth";

export interface RouteProps {
  params: Record<string, string>;
}

export interface RouteDef {
  path: string;
  area: Area;
  page: LazyExoticComponent<ComponentType<RouteProps>>;
}

const route = (
  path: string,
  area: Area,
  load: () => Promise<{ default: ComponentType<RouteProps> }>,
): RouteDef => ({ path, area, page: lazy(load) });

export const ROUTES: readonly RouteDef[] = [
  route("/", "public", () => import("./public/HelpPage.tsx")),
  route("/screening", "public", () => import("./public/ScreeningPage.tsx")),
  route("/tip", "public", () => import("./public/TipPage.tsx")),
  route("/sign-in", "auth", () => import("./staff/SignInPage.tsx")),
  route("/work", "staff", () => import("./staff/MyWorkPage.tsx")),
  route("/intake", "staff", () => import("./staff/IntakePage.tsx")),
  route("/cases", "staff", () => import("./staff/caseload/CaseloadPage.tsx")),
  route("/cases/:id", "staff", () => import("./staff/case/CasePage.tsx")),
  route("/notifications", "staff", () => import("./staff/notifications/NotificationsPage.tsx")),
  route("/overdue", "staff", () => import("./staff/OverduePage.tsx")),
  route("/audit", "staff", () => import("./staff/AuditPage.tsx")),
  route("/open-cases", "staff", () => import("./staff/task-forces/OpenCasesPage.tsx")),
  route("/task-forces", "staff", () => import("./staff/task-forces/TaskForcesPage.tsx")),
  route("/task-forces/:id", "staff", () => import("./staff/task-forces/TaskForcePage.tsx")),
  route("/admin/users", "staff", () => import("./staff/admin/UsersPage.tsx")),
  route("/admin/agencies", "staff", () => import("./staff/admin/AgenciesPage.tsx")),
  route("/admin/certifications", "staff", () => import("./staff/admin/CertificationsPage.tsx")),
];

export const PUBLIC_PATHS = new Set(ROUTES.filter((r) => r.area === "public").map((r) => r.path));

/** Unknown paths show the help page's "not found" inside the public layout: treat as public. */
export function isPublicPath(pathname: string): boolean {
  return PUBLIC_PATHS.has(pathname) || findRoute(pathname) === null;
}

/** Matches "/cases/:id"-style patterns; returns the named parameters or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const have = pathname.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as string;
    const h = have[i] as string;
    if (w.startsWith(":")) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        return null;
      }
    } else if (w !== h) return null;
  }
  return params;
}

/** The route for a path and its parameters, or null (not found). */
export function findRoute(
  pathname: string,
): { route: RouteDef; params: Record<string, string> } | null {
  for (const route of ROUTES) {
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}
