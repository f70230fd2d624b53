// The Office module against office-addin-mock: Outlook's read and compose modes, and older requirement sets.
import { OfficeMockObject } from "office-addin-mock";
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectToOutlook, outlookHost, readAppointment } from "../../src/outlook/office";

const start = new Date("2026-11-28T09:00:00Z");
const end = new Date("2026-11-28T09:30:00Z");
const sanne = { emailAddress: "sanne.visser@demo.oneonone.test", displayName: "Sanne Visser" };

const asyncValue = (value: unknown) => ({
  getAsync(callback: (result: unknown) => void) {
    callback({ status: "succeeded", value });
  },
});

function installOffice(item: Record<string, unknown>, mailboxVersion: string, extra: Record<string, unknown> = {}) {
  const supported = (version: string) => Number(version.split(".")[1]) <= Number(mailboxVersion.split(".")[1]);
  const mock = new OfficeMockObject({
    // "host: outlook" makes the mock hand out plain values, as Outlook does (no load/sync).
    host: "outlook",
    HostType: { Outlook: "Outlook" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    MailboxEnums: { ItemType: { Appointment: "appointment", Message: "message" } },
    context: {
      displayLanguage: "nl-NL",
      requirements: { isSetSupported: (_name: string, version: string) => supported(version) },
      mailbox: { userProfile: { emailAddress: sanne.emailAddress, displayName: sanne.displayName }, item },
      ...extra,
    },
  });
  (globalThis as Record<string, unknown>).Office = mock;
  return mock;
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
});

describe("connecting", () => {
  it("gives no host, not an error, when office.js never arrives (a browser without Microsoft's CDN)", async () => {
    await expect(connectToOutlook(10)).resolves.toBeNull();
  });
});

describe("read mode (the attendee's surface)", () => {
  const readItem = { itemType: "appointment", start, end, subject: "1-on-1 Sanne / Priya", organizer: sanne, itemId: "AAMk/Item+1=" };
  const converter = (converted: string[]) => ({
    convertToRestId: (id: string, version: string) => {
      converted.push(`${id}@${version}`);
      return id.replaceAll("/", "-").replaceAll("+", "_");
    },
  });

  it("gives the event's REST id, converted from Outlook's EWS id, and nothing the backend would have to trust", async () => {
    const converted: string[] = [];
    installOffice(readItem, "1.13");
    Object.assign(Office.context.mailbox, converter(converted));
    (Office as unknown as { MailboxEnums: Record<string, unknown> }).MailboxEnums.RestVersion = { v2_0: "v2.0" };

    expect(await readAppointment(Office.context.mailbox.item as Office.AppointmentRead)).toEqual({ kind: "event", eventId: "AAMk-Item_1=" });
    expect(converted).toEqual(["AAMk/Item+1=@v2.0"]);
  });

  it("keeps the id as it is where Outlook has no converter (mobile gives REST ids)", async () => {
    installOffice(readItem, "1.5");
    expect(await readAppointment(Office.context.mailbox.item as Office.AppointmentRead)).toEqual({ kind: "event", eventId: "AAMk/Item+1=" });
  });

  it("is not an appointment: nothing to resolve", async () => {
    installOffice({ ...readItem, itemType: "message" }, "1.13");
    expect(await readAppointment(Office.context.mailbox.item as Office.AppointmentRead)).toEqual({ kind: "notAppointment" });
  });
});

describe("compose mode (the organizer's surface)", () => {
  const composeItem = (saved: { status: string; value?: string }, saves: string[]) => ({
    itemType: "appointment",
    start: asyncValue(start),
    saveAsync: (callback: (result: unknown) => void) => {
      saves.push("saved");
      callback(saved);
    },
  });

  it("saves the item first, so the calendar has what the organizer typed, and gives the saved item's id", async () => {
    const saves: string[] = [];
    installOffice(composeItem({ status: "succeeded", value: "AAMkNew" }, saves), "1.13");
    expect(await readAppointment(Office.context.mailbox.item as Office.AppointmentCompose)).toEqual({ kind: "event", eventId: "AAMkNew" });
    expect(saves).toEqual(["saved"]);
  });

  it("says the item is unsaved when Outlook will not save it", async () => {
    installOffice(composeItem({ status: "failed" }, []), "1.3");
    expect(await readAppointment(Office.context.mailbox.item as Office.AppointmentCompose)).toEqual({ kind: "unsaved" });
  });
});

describe("the host", () => {
  it("gives the display language, the user and the theme", () => {
    installOffice({ itemType: "appointment" }, "1.13", {
      officeTheme: { bodyBackgroundColor: "#1f1f1f", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#2b2b2b", controlForegroundColor: "#ffffff" },
    });
    const host = outlookHost();
    expect(host.displayLanguage).toBe("nl-NL");
    expect(host.userEmail).toBe(sanne.emailAddress);
    expect(host.theme).toEqual({ background: "#1f1f1f", foreground: "#ffffff", isDark: true });
  });

  it("has no theme on clients without officeTheme", () => {
    installOffice({ itemType: "appointment" }, "1.1");
    expect(outlookHost().theme).toBeNull();
  });
});

describe("office.js asked for by the page's early script", () => {
  afterEach(() => {
    delete window.oneOnOneOfficeJs;
  });

  it("is waited for instead of being asked for again", async () => {
    window.oneOnOneOfficeJs = Promise.resolve(true).then(() => {
      const office = installOffice({ itemType: "appointment" }, "1.13") as unknown as Record<string, unknown>;
      office.onReady = (callback: (info: { host: string }) => void) => callback({ host: "Outlook" });
      return true;
    });
    const scripts = document.scripts.length;

    await expect(connectToOutlook(1000)).resolves.not.toBeNull();
    expect(document.scripts.length).toBe(scripts);
  });

  it("gives no host when it failed to load", async () => {
    window.oneOnOneOfficeJs = Promise.resolve(false);
    const scripts = document.scripts.length;

    await expect(connectToOutlook(1000)).resolves.toBeNull();
    expect(document.scripts.length).toBe(scripts);
  });
});

describe("opening an address outside the pane", () => {
  const url = "https://contoso-my.sharepoint.com/personal/sanne/notes.docx";

  it("asks Office for a browser window where the host has the API", () => {
    const opened: string[] = [];
    installOffice({}, "1.7", {
      requirements: { isSetSupported: (name: string) => name === "OpenBrowserWindowApi" },
      ui: { openBrowserWindow: (address: string) => opened.push(address) },
    });
    const open = vi.spyOn(window, "open").mockReturnValue(null);

    outlookHost().openInBrowser(url);

    expect(opened).toEqual([url]);
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
  });

  it("opens a browser tab where it has not (Outlook on the web, the new Outlook)", () => {
    installOffice({}, "1.7", { requirements: { isSetSupported: () => false }, ui: {} });
    const open = vi.spyOn(window, "open").mockReturnValue(null);

    outlookHost().openInBrowser(url);

    expect(open).toHaveBeenCalledWith(url, "_blank", "noopener");
    open.mockRestore();
  });
});
