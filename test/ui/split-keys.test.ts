import { describe, expect, it } from "vitest";
import { splitKeys } from "../../src/ui/keys/split-keys";

describe("a burst of terminal input, as the keys in it", () => {
  it("typed text and Enter are separate keys, in order", () => {
    expect(splitKeys("2020\r")).toEqual(["2", "0", "2", "0", "\r"]);
  });

  it("arrows, PgDn and meta-arrows stay whole among other keys", () => {
    expect(splitKeys("\u001B[B\r")).toEqual(["\u001B[B", "\r"]);
    expect(splitKeys("j\u001B[6~k")).toEqual(["j", "\u001B[6~", "k"]);
    expect(splitKeys("\u001B\u001B[A\u001BOB")).toEqual(["\u001B\u001B[A", "\u001BOB"]);
    expect(splitKeys("\u001B[[A")).toEqual(["\u001B[[A"]);
  });

  it("a character outside the basic plane is one key, and Escape alone is Escape", () => {
    expect(splitKeys("🪣\r")).toEqual(["🪣", "\r"]);
    expect(splitKeys("\u001B")).toEqual(["\u001B"]);
    expect(splitKeys("\u001Bq")).toEqual(["\u001Bq"]);
  });

  it("a sequence cut off at the end of a write is kept as far as it goes", () => {
    expect(splitKeys("a\u001B[")).toEqual(["a", "\u001B["]);
  });
});
