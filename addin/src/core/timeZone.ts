// The device's time zone: the API writes a notes document's times in it when asked, and the mails to a person in the
// one their pane last reported.
import type { Api } from "./api";
import { safeStorage } from "./storage";

/** The device's time zone (IANA). */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const reportedKey = "oneonone.timeZoneReported";

/** Tells the server the device's time zone, once per person and zone on this device (PUT /api/me/time-zone). */
export async function reportTimeZone(api: Api, person: string): Promise<void> {
  const timeZone = deviceTimeZone();
  const reported = `${person}|${timeZone}`;
  if (safeStorage(() => localStorage.getItem(reportedKey)) === reported) {
    return;
  }
  await api.send("PUT", "/api/me/time-zone", { timeZone });
  // Blocked storage: the next pane reports it again, which changes nothing.
  safeStorage(() => localStorage.setItem(reportedKey, reported));
}
