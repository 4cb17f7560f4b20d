import type { ReactNode } from "react";

export type AlertTone = "info" | "success" | "warning" | "error";

/**
 * A message block. Errors and successes are announced (`role="alert"` / `role="status"`) since
 * they appear after an action; plain information is just text.
 */
export function Alert(props: { tone?: AlertTone; title?: ReactNode; children?: ReactNode }) {
  const tone = props.tone ?? "info";
  const role = tone === "error" ? "alert" : tone === "success" ? "status" : undefined;
  return (
    <div className={`alert alert-${tone}`} role={role}>
      {props.title ? <p className="alert-title">{props.title}</p> : null}
      {props.children}
    </div>
  );
}
