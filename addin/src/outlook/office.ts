// The only module that talks to Office.js in the Outlook pane. Everything else gets plain data from here.
import { officeReady } from "../core/officeJs";
import { hostColors, type HostColors, type OfficeThemeColors } from "../core/hostColors";
import type { EmailAddress, RecurrenceInput, RecurrenceType, ResolveRequest } from "../core/types";

export interface OutlookHost {
  displayLanguage: string | null;
  theme: HostColors | null;
  userEmail: string | null;
  /** The appointment as the backend's resolve call wants it; null when the item is not an appointment. */
  readAppointment(): Promise<ResolveRequest | null>;
  /** Opens an address in the person's browser, outside the pane's web view. */
  openInBrowser(url: string): void;
}

/** Outlook, or null outside it (a plain browser, no office.js, or no answer in time): the pane then shows its preview. */
export async function connectToOutlook(timeoutMs: number): Promise<OutlookHost | null> {
  // Without office.js (no host, or Microsoft's CDN unreachable) there is no `Office` to compare with.
  const host = await officeReady(timeoutMs);
  return host !== null && host === Office.HostType.Outlook ? outlookHost() : null;
}

export function outlookHost(): OutlookHost {
  const context = Office.context;
  return {
    displayLanguage: context.displayLanguage ?? null,
    theme: readTheme(context),
    userEmail: context.mailbox?.userProfile?.emailAddress ?? null,
    readAppointment: () => readAppointment(context.mailbox?.item ?? null),
    openInBrowser: (url) => {
      // Classic Outlook on Windows and Outlook on Mac: a window.open from the web view may go nowhere. Outlook on the
      // web and the new Outlook lack this API, and there window.open opens a browser tab.
      if (context.requirements.isSetSupported("OpenBrowserWindowApi", "1.1")) {
        context.ui.openBrowserWindow(url);
      } else {
        window.open(url, "_blank", "noopener");
      }
    },
  };
}

function readTheme(context: Office.Context): HostColors | null {
  // officeTheme throws on a few older clients.
  try {
    return hostColors(context.officeTheme as OfficeThemeColors | undefined);
  } catch {
    return null;
  }
}

const supports = (version: string) => {
  try {
    return Office.context.requirements.isSetSupported("Mailbox", version);
  } catch {
    return false;
  }
};

type Item = Office.MessageRead | Office.AppointmentRead | Office.AppointmentCompose | Office.MessageCompose;

/** Compose mode exposes each field as an object with getAsync; read mode as plain values. */
function isCompose(item: Item): item is Office.AppointmentCompose {
  return typeof (item as Office.AppointmentCompose).start?.getAsync === "function";
}

export async function readAppointment(item: Item | null): Promise<ResolveRequest | null> {
  if (!item || item.itemType !== Office.MailboxEnums.ItemType.Appointment) {
    return null;
  }
  return isCompose(item) ? readCompose(item) : readRead(item as Office.AppointmentRead);
}

function readRead(item: Office.AppointmentRead): ResolveRequest {
  const modern = supports("1.7");
  return {
    start: item.start.toISOString(),
    end: item.end.toISOString(),
    subject: item.subject ?? "",
    organizer: item.organizer ? address(item.organizer) : null,
    attendees: [...(item.requiredAttendees ?? []), ...(item.optionalAttendees ?? [])].map(address),
    itemId: item.itemId ?? null,
    seriesId: modern ? (item.seriesId ?? null) : null,
    recurrence: modern ? recurrence(item.recurrence) : null,
  };
}

async function readCompose(item: Office.AppointmentCompose): Promise<ResolveRequest> {
  const modern = supports("1.7");
  const [start, end, subject, required, optional, organizer, rec, itemId] = await Promise.all([
    getAsync<Date>(item.start),
    getAsync<Date>(item.end),
    getAsync<string>(item.subject),
    getAsync<Office.EmailAddressDetails[]>(item.requiredAttendees),
    getAsync<Office.EmailAddressDetails[]>(item.optionalAttendees),
    // Before Mailbox 1.7 compose mode cannot read the organizer: on the organizer's surface it is the user.
    modern ? getAsync<Office.EmailAddressDetails>(item.organizer) : Promise.resolve(userAsAddress()),
    modern ? getAsync<Office.Recurrence | null>(item.recurrence) : Promise.resolve(null),
    // A new appointment has no id until it is saved; 1.8 can ask for it.
    supports("1.8") ? getItemId(item) : Promise.resolve(null),
  ]);
  return {
    start: start.toISOString(),
    end: end.toISOString(),
    subject: subject ?? "",
    organizer: organizer ? address(organizer) : null,
    attendees: [...(required ?? []), ...(optional ?? [])].map(address),
    itemId,
    seriesId: modern ? (item.seriesId ?? null) : null,
    recurrence: recurrence(rec),
  };
}

function userAsAddress(): Office.EmailAddressDetails | null {
  const profile = Office.context.mailbox?.userProfile;
  return profile ? ({ emailAddress: profile.emailAddress, displayName: profile.displayName } as Office.EmailAddressDetails) : null;
}

function address(details: Office.EmailAddressDetails): EmailAddress {
  return { email: details.emailAddress, displayName: details.displayName ?? details.emailAddress };
}

const recurrenceTypes: readonly RecurrenceType[] = ["daily", "weekday", "weekly", "monthly", "yearly"];

function recurrence(value: Office.Recurrence | null | undefined): RecurrenceInput | null {
  const type = String(value?.recurrenceType ?? "").toLowerCase() as RecurrenceType;
  if (!value || !recurrenceTypes.includes(type)) {
    return null;
  }
  const properties = value.recurrenceProperties;
  return {
    type,
    interval: properties?.interval ?? null,
    days: (properties?.days ?? []).map((day) => String(day)),
    timeZone: value.recurrenceTimeZone?.name ?? null,
  };
}

interface AsyncProperty<T> {
  getAsync(callback: (result: Office.AsyncResult<T>) => void): void;
}

function getAsync<T>(property: unknown): Promise<T> {
  return new Promise((resolve, reject) =>
    (property as AsyncProperty<T>).getAsync((result) =>
      result.status === Office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(result.error),
    ),
  );
}

function getItemId(item: Office.AppointmentCompose): Promise<string | null> {
  return new Promise((resolve) =>
    item.getItemIdAsync((result) => resolve(result.status === Office.AsyncResultStatus.Succeeded ? result.value : null)),
  );
}
