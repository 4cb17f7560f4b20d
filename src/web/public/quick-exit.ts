/**
 * Quick exit: leave for a neutral site at once, replacing this page in the history so that
 * "back" does not return here. The target is set at build time (VITE_QUICK_EXIT_URL); the
 * default is a weather site, which looks ordinary on anyone's screen.
 */
export const QUICK_EXIT_URL: string = import.meta.env.VITE_QUICK_EXIT_URL || "https://weather.com/";

export function quickExit(): void {
  // Blank the page first: if the neutral site is slow to load, nothing of ours stays on screen.
  document.title = "";
  document.body.replaceChildren();
  window.location.replace(QUICK_EXIT_URL);
}
