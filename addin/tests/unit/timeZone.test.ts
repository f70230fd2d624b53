// The device's time zone goes to the server once per person and zone, so mails give the person's own times.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Api } from "../../src/core/api";
import { deviceTimeZone, reportTimeZone } from "../../src/core/timeZone";

const api = () => ({ get: vi.fn(), blob: vi.fn(), send: vi.fn(async () => ({})) }) as unknown as Api & { send: ReturnType<typeof vi.fn> };

beforeEach(() => localStorage.clear());

describe("reporting the device's time zone", () => {
  it("sends it once per person, and again for someone else or after the zone changed", async () => {
    const client = api();

    await reportTimeZone(client, "sanne@demo.test");
    await reportTimeZone(client, "sanne@demo.test");
    expect(client.send).toHaveBeenCalledTimes(1);
    expect(client.send).toHaveBeenCalledWith("PUT", "/api/me/time-zone", { timeZone: deviceTimeZone() });

    await reportTimeZone(client, "priya@demo.test");
    expect(client.send).toHaveBeenCalledTimes(2);

    localStorage.setItem("oneonone.timeZoneReported", "priya@demo.test|Asia/Tokyo");
    await reportTimeZone(client, "priya@demo.test");
    expect(client.send).toHaveBeenCalledTimes(3);
  });

  it("tries again next time when the server did not take it", async () => {
    const client = api();
    client.send.mockRejectedValueOnce(new Error("offline"));

    await expect(reportTimeZone(client, "sanne@demo.test")).rejects.toThrow("offline");
    await reportTimeZone(client, "sanne@demo.test");
    expect(client.send).toHaveBeenCalledTimes(2);
  });
});
