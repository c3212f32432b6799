import { describe, expect, it } from "vitest";
import { answeredLine, parseTicks } from "../../src/cli/plain-interview-text";

describe("interview --plain's words", () => {
  it("says how long an answer took, and when it went over the clock", () => {
    expect(answeredLine(42_000, 150_000)).toBe("Answered in 0:42.");
    expect(answeredLine(185_000, 150_000)).toBe("Answered in 3:05: over the 2:30.");
  });

  it("reads the points made as numbers apart by spaces or commas; enter keeps the ticks; none or 0 is none", () => {
    expect(parseTicks("", 3)).toBe("keep");
    expect(parseTicks("  ", 3)).toBe("keep");
    expect(parseTicks("1 3", 3)).toEqual({ made: [1, 3] });
    expect(parseTicks("3,1, 3", 3)).toEqual({ made: [3, 1] });
    expect(parseTicks("none", 3)).toEqual({ made: [] });
    expect(parseTicks("0", 3)).toEqual({ made: [] });
    for (const wrong of ["4", "1 x", "1.5", "-1"]) expect(parseTicks(wrong, 3)).toEqual({ invalid: "Give the numbers of the points, 1 to 3, apart by spaces; none if you made none." });
  });
});
