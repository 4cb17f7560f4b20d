import { type ComponentType, type LazyExoticComponent, lazy } from "react";
import type { CaseDetail } from "../../api/types.ts";
import type { UiMessageKey } from "../../i18n/i18n.tsx";

export interface CasePanelProps {
  detail: CaseDetail;
  reload(): void;
}

export interface CasePanel {
  id: string;
  title: UiMessageKey;
  component: LazyExoticComponent<ComponentType<CasePanelProps>>;
}

/**
 * The case page's panels, in order, each its own chunk. New panels (Rapid Assessment Team,
 * service plan, referrals, notes, documents, consent) are added here and nowhere else.
 */
export const CASE_PANELS: readonly CasePanel[] = [
  {
    id: "summary",
    title: "case.panel.summary",
    component: lazy(() => import("./SummaryPanel.tsx")),
  },
  { id: "people", title: "case.panel.people", component: lazy(() => import("./PeoplePanel.tsx")) },
  {
    id: "obligations",
    title: "case.panel.obligations",
    component: lazy(() => import("./ObligationsPanel.tsx")),
  },
];
