// "Open notes in Word": downloaded in Development mode, put in OneDrive and opened in Word for the web where the server
// can; both with the times in this device's time zone.
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Api } from "../../src/core/api";
import { ApiError } from "../../src/core/api";
import { I18nProvider } from "../../src/core/I18nProvider";
import { deviceTimeZone } from "../../src/core/timeZone";
import type { ClientConfig } from "../../src/core/types";
import type { Session } from "../../src/outlook/boot";
import { OpenInWord } from "../../src/outlook/components/OpenInWord";
import type { OutlookHost } from "../../src/outlook/office";
import { pane } from "./fixtures";

const webUrl = "https://contoso-my.sharepoint.com/personal/priya/Documents/OneOnOne/notes.docx";
const config = (oneDrive: boolean): ClientConfig => ({ authenticationMode: oneDrive ? "EntraId" : "Development", clientId: null, authority: null, apiScope: null, oneDrive });

function open(session: Partial<Session>, onImported = vi.fn()) {
  render(
    <I18nProvider language="en" hostTag="en-GB">
      <OpenInWord session={session as Session} pane={pane("en", [])} onImported={onImported} />
    </I18nProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "Open notes in Word" }));
}

const api = (overrides: Partial<Api>): Api =>
  ({
    get: vi.fn(),
    send: vi.fn(async () => ({ webUrl, path: "OneOnOne/notes.docx", created: true })),
    blob: vi.fn(async () => new Blob(["docx"])),
    ...overrides,
  }) as unknown as Api;

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => "blob:notes");
  URL.revokeObjectURL = vi.fn();
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const timeZone = () => `timeZone=${encodeURIComponent(deviceTimeZone())}`;

describe("opening the notes in Word", () => {
  it("downloads the document, in this device's time zone, where there is no OneDrive", async () => {
    const client = api({});
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    open({ api: client, config: config(false), host: null });

    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(client.blob).toHaveBeenCalledWith(`/api/meetings/m1/notes.docx?${timeZone()}`);
    expect(client.send).not.toHaveBeenCalled();
  });

  it("puts it in OneDrive and opens Word for the web through Outlook, and keeps a link to it", async () => {
    const client = api({});
    const host = { openInBrowser: vi.fn() } as unknown as OutlookHost;
    open({ api: client, config: config(true), host });

    await waitFor(() => expect(host.openInBrowser).toHaveBeenCalledWith(webUrl));
    expect(client.send).toHaveBeenCalledWith("POST", `/api/meetings/m1/notes.docx/onedrive?${timeZone()}`);
    const link = screen.getByRole("link", { name: /Word for the web.*shared with Sanne Visser/ });
    expect(link.getAttribute("href")).toBe(webUrl);
    expect(client.blob).not.toHaveBeenCalled();
  });

  it("brings what was written in the OneDrive copy back, in the same time zone, and has the pane read again", async () => {
    const changes = { changed: true, summary: "1 new action, the shared notes updated.", created: [], updated: [], sharedNotesUpdated: true };
    const send = vi.fn(async (_method: string, path: string) => (path.includes("/onedrive/import") ? changes : { webUrl, path: "OneOnOne/notes.docx", created: false }));
    const client = api({ send: send as unknown as Api["send"] });
    const onImported = vi.fn();
    open({ api: client, config: config(true), host: { openInBrowser: vi.fn() } as unknown as OutlookHost }, onImported);

    fireEvent.click(await screen.findByRole("button", { name: "Bring what was written in Word into OneOnOne" }));

    expect((await screen.findByTestId("word-imported")).textContent).toBe(changes.summary);
    expect(send).toHaveBeenLastCalledWith("POST", `/api/meetings/m1/notes.docx/onedrive/import?${timeZone()}`);
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it("uploads a downloaded document the person edited, as the file field of a form, and has the pane read again", async () => {
    const changes = { changed: true, summary: "1 new action.", created: [], updated: [], sharedNotesUpdated: false };
    const send = vi.fn(async () => changes);
    const onImported = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    open({ api: api({ send: send as unknown as Api["send"] }), config: config(false), host: null }, onImported);
    const edited = new File(["docx"], "notes.docx", { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" });

    fireEvent.change(await screen.findByLabelText(/Upload it to bring its actions and notes into OneOnOne/), { target: { files: [edited] } });

    expect((await screen.findByTestId("word-imported")).textContent).toBe(changes.summary);
    const [method, path, body] = send.mock.calls[0] as unknown as [string, string, FormData];
    expect([method, path]).toEqual(["POST", "/api/meetings/m1/notes.docx"]);
    expect(body.get("file")).toBe(edited);
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it("says why when the OneDrive copy cannot be read back, and keeps the pane as it is", async () => {
    const refused = new ApiError("http", 502, "Bad Gateway", "OneDrive did not answer.", null);
    const send = vi.fn(async (_method: string, path: string) => (path.includes("/onedrive/import") ? Promise.reject(refused) : { webUrl, path: "OneOnOne/notes.docx", created: false }));
    const onImported = vi.fn();
    vi.spyOn(window, "open").mockImplementation(() => null);
    open({ api: api({ send: send as unknown as Api["send"] }), config: config(true), host: null }, onImported);

    fireEvent.click(await screen.findByRole("button", { name: "Bring what was written in Word into OneOnOne" }));

    expect((await screen.findByRole("alert")).textContent).toMatch(/^What was written in Word could not be brought in: /);
    expect(onImported).not.toHaveBeenCalled();
  });

  it("downloads the document instead, and says so, when OneDrive refuses", async () => {
    const refused = new ApiError("http", 502, "Bad Gateway", null, null);
    const client = api({ send: vi.fn(async () => Promise.reject(refused)) });
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
    open({ api: client, config: config(true), host: null });

    expect((await screen.findByRole("status")).textContent).toBe("OneDrive could not be reached, so the document was downloaded instead.");
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(client.blob).toHaveBeenCalledWith(`/api/meetings/m1/notes.docx?${timeZone()}`);
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("says why when the server cannot be reached at all", async () => {
    const offline = new ApiError("network", 0, null, null, null);
    open({ api: api({ send: vi.fn(async () => Promise.reject(offline)) }), config: config(true), host: null });

    expect((await screen.findByRole("alert")).textContent).toMatch(/^The Word document could not be opened: /);
    expect(screen.queryByRole("status")).toBeNull();
  });
});
