import type { ReactNode } from "react";

/** A bordered block of related content; a heading makes it a labelled region. */
export function Card(props: {
  title?: ReactNode;
  headingLevel?: 2 | 3;
  children: ReactNode;
  className?: string;
  /** An anchor for a jump list ("#id"). */
  id?: string;
}) {
  const Heading = props.headingLevel === 3 ? "h3" : "h2";
  return (
    <section id={props.id} className={`card${props.className ? ` ${props.className}` : ""}`}>
      {props.title ? <Heading className="card-title">{props.title}</Heading> : null}
      {props.children}
    </section>
  );
}
