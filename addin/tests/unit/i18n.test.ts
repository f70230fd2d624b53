import { describe, expect, it } from "vitest";
import { localeFor, pickLanguage, translator } from "../../src/core/i18n";
import { en } from "../../src/core/messages/en";
import { nl } from "../../src/core/messages/nl";

describe("the two dictionaries", () => {
  it("have exactly the same keys", () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
  });

  it("have no empty text, and the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(en[key].trim(), key).not.toBe("");
      expect(nl[key].trim(), key).not.toBe("");
      expect(placeholders(nl[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe("choosing the language", () => {
  it("is Dutch for any Dutch tag and English otherwise", () => {
    expect(pickLanguage("nl-NL")).toBe("nl");
    expect(pickLanguage("nl-BE")).toBe("nl");
    expect(pickLanguage("NL")).toBe("nl");
    expect(pickLanguage("en-US")).toBe("en");
    expect(pickLanguage("de-DE")).toBe("en");
    expect(pickLanguage(null)).toBe("en");
  });

  it("keeps the host's own culture for dates when it speaks the pane's language", () => {
    expect(localeFor("en", "en-US")).toBe("en-US");
    expect(localeFor("nl", "en-US")).toBe("nl-NL");
    expect(localeFor("en", "nl-NL")).toBe("en-GB");
  });

  it("fills placeholders", () => {
    expect(translator("nl")("headerWith", { name: "Priya" })).toBe("1-op-1 met Priya");
    expect(translator("en")("headerWith", { name: "Sanne" })).toBe("1-on-1 with Sanne");
  });
});
