// The shared note while both type: changes to different paragraphs merge, nothing typed is ever dropped.
import { describe, expect, it } from "vitest";
import { mergeParagraphs } from "../../src/core/merge";

describe("mergeParagraphs", () => {
  const base = "Goals\nWorkload is fine\nTraining: none yet";

  it("keeps both people's changes to different paragraphs", () => {
    const mine = "Goals for Q1\nWorkload is fine\nTraining: none yet";
    const theirs = "Goals\nWorkload is fine\nTraining: course in March";
    expect(mergeParagraphs(base, mine, theirs)).toBe("Goals for Q1\nWorkload is fine\nTraining: course in March");
  });

  it("keeps changes to neighbouring paragraphs", () => {
    expect(mergeParagraphs("Goals\nTraining", "Goals for Q1\nTraining", "Goals\nTraining in March")).toBe("Goals for Q1\nTraining in March");
  });

  it("keeps both paragraphs when both added at the same place, theirs first", () => {
    expect(mergeParagraphs(base, `${base}\nMine at the end`, `${base}\nTheirs at the end`)).toBe(`${base}\nTheirs at the end\nMine at the end`);
  });

  it("takes the one side that changed, and a deletion by one side", () => {
    expect(mergeParagraphs(base, base, "Theirs only")).toBe("Theirs only");
    expect(mergeParagraphs(base, "Goals\nTraining: none yet", base)).toBe("Goals\nTraining: none yet");
    expect(mergeParagraphs(base, "Goals\nTraining: none yet", "Goals\nWorkload is fine\nTraining: none yet\nMore")).toBe("Goals\nTraining: none yet\nMore");
  });

  it("does not merge two different changes of one paragraph", () => {
    expect(mergeParagraphs(base, "Goals\nWorkload is high\nTraining: none yet", "Goals\nWorkload is low\nTraining: none yet")).toBeNull();
  });

  it("keeps both first words of an empty note", () => {
    expect(mergeParagraphs("", "Mine", "Theirs")).toBe("Theirs\nMine");
  });

  it("never doubles a paragraph both added, nor one a lost answer brought back as the other's version", () => {
    expect(mergeParagraphs(base, `${base}\nSame`, `${base}\nSame`)).toBe(`${base}\nSame`);
    // The save of "X" reached the server, its answer did not; meanwhile "Y" was typed: the retry meets "X" as theirs.
    expect(mergeParagraphs(base, `${base}\nX\nY`, `${base}\nX`)).toBe(`${base}\nX\nY`);
    expect(mergeParagraphs(base, `${base}\nX`, `${base}\nX\nY`)).toBe(`${base}\nX\nY`);
  });

  it("handles long notes where only a little changed", () => {
    const long = Array.from({ length: 5000 }, (_, i) => `Line ${i}`);
    const mine = [...long];
    mine[10] = "Mine";
    const theirs = [...long];
    theirs[4990] = "Theirs";
    const merged = mergeParagraphs(long.join("\n"), mine.join("\n"), theirs.join("\n"))!.split("\n");
    expect([merged[10], merged[4990], merged.length]).toEqual(["Mine", "Theirs", 5000]);
  });
});
