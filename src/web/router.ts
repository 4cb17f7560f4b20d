import { useSyncExternalStore } from "react";
import { isPublicPath } from "./routes.ts";

/**
 * A tiny client-side router: the URL is the state, `navigate` changes it, and components read it
 * with `useLocation`. Public pages never add history entries (see `navigate`).
 */
const listeners = new Set<() => void>();
let inAppNavigations = 0;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

const currentHref = () => window.location.pathname + window.location.search;

/** The current path and query, re-rendering on every navigation (ours, back and forward). */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, currentHref);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

/**
 * Goes to `to` inside the app. From a public page the entry is replaced rather than added, so a
 * visit to the public pages is one history entry at most: Quick exit then leaves nothing to go
 * "back" to, and a shared device's history shows no trail through the screening.
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const replace = options.replace ?? isPublicPath(window.location.pathname);
  if (replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  inAppNavigations += 1;
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/** True once the person has moved between pages: only then does focus move to the new heading. */
export function hasNavigatedInApp(): boolean {
  return inAppNavigations > 0;
}
