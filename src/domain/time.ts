import { DISPLAY_TIME_ZONE } from "./catalogues.ts";

const yearFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
});

/** The calendar year in Mississippi at an instant (case numbers follow the local year). */
export function localYear(at: Date): number {
  return Number(yearFormat.format(at));
}

const displayFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
});

/** An instant as people in Mississippi read it, e.g. "Oct 5, 2026, 9:30 AM CDT". */
export function formatLocal(at: Date): string {
  return displayFormat.format(at);
}

const dateFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar date in Mississippi at an instant, as YYYY-MM-DD (certifications run by date). */
export function localDate(at: Date): string {
  return dateFormat.format(at);
}
