import type { ReactNode } from "react";

/**
 * A table of records: a caption for screen readers, column headers, and rows that become
 * labelled cards on phones (`stack-on-phone` in styles.css reads each cell's `data-label`).
 */
export function DataTable(props: {
  caption: string;
  columns: readonly string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={`stack-on-phone${props.className ? ` ${props.className}` : ""}`}>
        <caption className="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
