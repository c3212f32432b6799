import { describe, expect, it } from "vitest";
import { isoTime } from "../../src/sandbox/http/iso-time";
import { SeededRandom } from "../helpers/seeded-random";

describe("isoTime", () => {
  it("writes what toISOString writes, over random instants, month and year edges and out-of-range years", () => {
    const random = new SeededRandom(7);
    const dates = [
      ...Array.from({ length: 20000 }, () => new Date(random.int(0, 253402300799) * 1000 + random.int(0, 999))),
      ...[0, 951782400000, 951868799999, 4107542400000, 253402300799999, 253402300800000, -1, -62198755200000, 8.64e15].map((t) => new Date(t)),
      ...Array.from({ length: 400 * 12 }, (_, i) => new Date(Date.UTC(1970 + Math.floor(i / 12), i % 12, 1) - 1)),
    ];
    for (const date of dates) expect(isoTime(date)).toBe(date.toISOString());
  });
});
