import { DISPLAY_TIME_ZONE } from "./catalogues.ts";

const yearFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: DISPLAY_TIME_ZONE,
  year: "numeric",
});

/** The calendar year in Mississippi at an instant (case numbers follow the local year). */
export function localYear(at: Date): number {
  return Number(yearFormat.format(at));
}
