import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { interviewClockText, interviewClockWidth } from "../../src/ui/components/interview/interview-clock";
import { trendRow } from "../../src/ui/components/interview/trend-bars";

describe("the interview's clock", () => {
  it("counts down, then says how far over time the answer runs instead of stopping it", () => {
    expect(interviewClockText(0, 150_000)).toBe("⏱ 2:30 left");
    expect(interviewClockText(149_500, 150_000)).toBe("⏱ 0:00 left");
    expect(interviewClockText(155_000, 150_000)).toBe("⏱ over time 0:05");
    // Its column is as wide as the longest it gets, so the header never shifts.
    expect(interviewClockWidth(150_000)).toBe(stringWidth("⏱ over time 59:59"));
  });
});

describe("the trend over past interviews", () => {
  it("writes out the date, a bar of the score and the percentage, marking this one", () => {
    expect(trendRow({ at: "2026-03-01T12:00:00.000Z", percent: 40 }, 10)).toBe("2026-03-01  ████······   40%");
    expect(trendRow({ at: "2026-03-02T12:00:00.000Z", percent: 100, current: true }, 10)).toBe("2026-03-02  ██████████  100%  ← now");
  });
});
