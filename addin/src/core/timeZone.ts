// The device's time zone: the API writes a notes document's times in it when asked, and the mails to a person in the
// one their pane last reported.
import type { Api } from "./api";

/** The device's time zone (IANA). */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const reportedKey = "oneonone.timeZoneReported";

/** Tells the server the device's time zone, once per person and zone on this device (PUT /api/me/time-zone). */
export async function reportTimeZone(api: Api, person: string): Promise<void> {
  const reported = `${person}|${deviceTimeZone()}`;
  if (read() === reported) {
    return;
  }
  await api.send("PUT", "/api/me/time-zone", { timeZone: deviceTimeZone() });
  try {
    localStorage.setItem(reportedKey, reported);
  } catch {
    // Blocked storage: the next pane reports it again, which changes nothing.
  }
}

function read(): string | null {
  try {
    return localStorage.getItem(reportedKey);
  } catch {
    return null;
  }
}
