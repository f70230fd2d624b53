import { describe, expect, it } from "vitest";
import { ApiError } from "../../src/core/api";
import { describeError, errorTitle } from "../../src/core/errors";
import { translator } from "../../src/core/i18n";

const t = translator("en");
const http = (status: number, title: string | null = null) => new ApiError("http", status, title, null, null);

describe("an error's title says what happened", () => {
  it("names each kind of failure", () => {
    expect(errorTitle(new ApiError("network", 0, null, null, null), t)).toBe("OneOnOne can't be reached");
    expect(errorTitle(new ApiError("timeout", 0, null, null, null), t)).toBe("OneOnOne can't be reached");
    expect(errorTitle(http(404), t)).toBe("Meeting not found");
    expect(errorTitle(http(401), t)).toBe("You are signed out");
    expect(errorTitle(http(403), t)).toBe("Not allowed");
    expect(errorTitle(http(500), t)).toBe("Something went wrong");
    expect(errorTitle(http(503), t)).toBe("Something went wrong");
    expect(errorTitle(new Error("a bug"), t)).toBe("Something went wrong");
  });

  it("keeps the server's own title for other refusals", () => {
    expect(errorTitle(http(429, "Too many requests"), t)).toBe("Too many requests");
    expect(errorTitle(http(400), t)).toBe("This didn't work");
  });

  it("tells a signed-out person to sign in again", () => {
    expect(describeError(http(401), t)).toBe("Your sign-in has ended. Try again to sign in once more.");
  });
});
