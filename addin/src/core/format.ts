// Dates as people read them, in the pane's culture and the device's time zone.

export function formatMeetingTime(start: string, end: string, locale: string): string {
  const from = new Date(start);
  const day = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(from);
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit" });
  return `${day}, ${time.format(from)}–${time.format(new Date(end))}`;
}

export function formatDay(instant: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric" }).format(new Date(instant));
}

/** A due date ("2026-11-30") is a calendar day, not an instant: format it without a time-zone shift. */
export function formatDateOnly(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
