import { type ReactNode, useEffect, useRef } from "react";
import { hasNavigatedInApp } from "../router.ts";

/**
 * A page's title and content. After an in-app navigation, focus moves to the heading so that
 * keyboard and screen-reader users start at the new page, as after a full page load; the
 * document title follows.
 */
export function Page(props: { title: string; lead?: ReactNode; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} · Waypoint`;
  }, [props.title]);
  useEffect(() => {
    if (hasNavigatedInApp()) heading.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.lead ? <p className="lead">{props.lead}</p> : null}
      {props.children}
    </>
  );
}

/** The skip link, header, main landmark and footer shared by both layouts. */
export function Frame(props: {
  skipLabel: string;
  header: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      <a className="skip-link" href="#main">
        {props.skipLabel}
      </a>
      <header className="site-header">{props.header}</header>
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
      {props.footer ? <footer className="site-footer">{props.footer}</footer> : null}
    </>
  );
}
