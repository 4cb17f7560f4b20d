import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { CaseDetail } from "../../../contract/cases/replies.ts";
import type { CaseAbilities } from "../../../domain/abilities.ts";
import type { UiMessageKey } from "../../i18n/i18n.tsx";

export interface CasePanelProps {
  detail: CaseDetail;
  /** Loads the case again (after a change to the case itself, such as its status). */
  reload(): void;
}

export interface CasePanel {
  id: string;
  title: UiMessageKey;
  component: LazyExoticComponent<ComponentType<CasePanelProps>>;
  /** Shown only when the server's abilities say the reader may use it (absent: always). */
  shownWhen?: keyof CaseAbilities;
}

const panel = (
  id: string,
  title: UiMessageKey,
  load: () => Promise<{ default: ComponentType<CasePanelProps> }>,
  shownWhen?: keyof CaseAbilities,
): CasePanel => ({ id, title, component: lazy(load), ...(shownWhen ? { shownWhen } : {}) });

/**
 * The case page's panels, in order, each its own chunk (loaded only when the case page shows
 * it). A panel the reader's abilities rule out is not even downloaded.
 */
export const CASE_PANELS: readonly CasePanel[] = [
  panel("summary", "case.panel.summary", () => import("./SummaryPanel.tsx")),
  panel("status", "case.panel.status", () => import("./StatusPanel.tsx"), "changeStatus"),
  panel("assignment", "case.panel.assignment", () => import("./AssignmentPanel.tsx"), "assignCase"),
  panel("people", "case.panel.people", () => import("./PeoplePanel.tsx")),
  panel("obligations", "case.panel.obligations", () => import("./ObligationsPanel.tsx")),
  panel("rat", "case.panel.rat", () => import("./rat/RatPanel.tsx")),
  panel("plans", "case.panel.plans", () => import("./plans/PlansPanel.tsx"), "readCaseFile"),
  panel("referrals", "case.panel.referrals", () => import("./referrals/ReferralsPanel.tsx")),
  panel("notes", "case.panel.notes", () => import("./NotesPanel.tsx"), "readCaseFile"),
  panel("documents", "case.panel.documents", () => import("./DocumentsPanel.tsx"), "readCaseFile"),
  panel("consents", "case.panel.consents", () => import("./ConsentsPanel.tsx"), "recordConsent"),
  panel("timeline", "case.panel.timeline", () => import("./TimelinePanel.tsx")),
];
