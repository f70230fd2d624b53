// The only module that talks to Office.js in the Outlook pane. Everything else gets plain data from here.
import { officeReady } from "../core/officeJs";
import { hostColors, type HostColors, type OfficeThemeColors } from "../core/hostColors";

export interface OutlookHost {
  displayLanguage: string | null;
  theme: HostColors | null;
  userEmail: string | null;
  /** The appointment open in Outlook, by its REST id. */
  readAppointment(): Promise<AppointmentRef>;
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

/**
 * The appointment open in Outlook, as the backend reads it: its REST id (the backend reads the event itself from the
 * person's calendar). Compose mode saves the item first, so the calendar has what the organizer just typed.
 */
export type AppointmentRef =
  | { kind: "event"; eventId: string }
  /** Not an appointment (a message), or no item. */
  | { kind: "notAppointment" }
  /** Compose mode, and Outlook would not save the item (offline, or a required field missing). */
  | { kind: "unsaved" };

type Item = Office.MessageRead | Office.AppointmentRead | Office.AppointmentCompose | Office.MessageCompose;

/** Compose mode exposes each field as an object with getAsync; read mode as plain values. */
function isCompose(item: Item): item is Office.AppointmentCompose {
  return typeof (item as Office.AppointmentCompose).saveAsync === "function";
}

export async function readAppointment(item: Item | null): Promise<AppointmentRef> {
  if (!item || item.itemType !== Office.MailboxEnums.ItemType.Appointment) {
    return { kind: "notAppointment" };
  }
  const itemId = isCompose(item) ? await save(item) : (item as Office.AppointmentRead).itemId;
  return itemId ? { kind: "event", eventId: toRestId(itemId) } : { kind: "unsaved" };
}

function save(item: Office.AppointmentCompose): Promise<string | null> {
  return new Promise((resolve) =>
    item.saveAsync((result) => resolve(result.status === Office.AsyncResultStatus.Succeeded && result.value ? result.value : null)),
  );
}

/** Office gives EWS ids; Graph wants REST ids. Outlook on mobile already gives REST ids and has no converter. */
function toRestId(itemId: string): string {
  const mailbox = Office.context.mailbox;
  return typeof mailbox?.convertToRestId === "function" ? mailbox.convertToRestId(itemId, Office.MailboxEnums.RestVersion.v2_0) : itemId;
}
