import { DISPLAY_TIME_ZONE } from "../../domain/catalogues.ts";
import type { Language } from "../../domain/i18n/index.ts";

/**
 * Dates and times as people in Mississippi read them: always America/Chicago, whatever the
 * device's own time zone is (a laptop set to UTC must not shift a deadline by five hours).
 */
const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

export function formatDateTime(iso: string, lang: Language): string {
  let format = dateTimeFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
      timeZone: DISPLAY_TIME_ZONE,
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    });
    dateTimeFormats.set(lang, format);
  }
  return format.format(new Date(iso));
}

/** A span of time as days, hours and minutes ("2 d 3 h", "3 h 12 min", "5 min", "<1 min"). */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${mins} min`;
  return mins === 0 ? "<1 min" : `${mins} min`;
}

/** A calendar date ("2026-05-01") as written in the language, with no time-zone shift. */
export function formatDate(isoDate: string, lang: Language): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
    timeZone: "UTC",
    year: "numeric",
    month: "short",
    day: "numeric",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/**
 * The end of a calendar day in Mississippi as an instant (ISO 8601 with the offset in force
 * that day), for dates people pick such as a consent's expiry.
 */
export function endOfDayInMississippi(isoDate: string): string {
  return `${isoDate}T23:59:59${mississippiOffset(new Date(`${isoDate}T12:00:00Z`))}`;
}

/** The UTC offset in force in Mississippi at an instant, as "-05:00". */
function mississippiOffset(at: Date): string {
  const name = new Intl.DateTimeFormat("en-US", {
    timeZone: DISPLAY_TIME_ZONE,
    timeZoneName: "longOffset",
  })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName")?.value;
  return name?.replace("GMT", "") || "+00:00";
}

/**
 * A date and time typed in a form ("2026-03-01T08:00", read as Mississippi time whatever the
 * device's zone) as an ISO 8601 instant with its offset, for on-call shifts.
 */
export function mississippiDateTime(local: string): string {
  const offset = mississippiOffset(new Date(`${local}:00Z`));
  return `${local}:00${offset}`;
}
