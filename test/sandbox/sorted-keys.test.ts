import { describe, expect, it } from "vitest";
import { atOrBefore, beforePrefix, compareKeys, SortedKeys, throughPrefix } from "../../src/sandbox/world/sorted-keys";
import { SeededRandom } from "../helpers/seeded-random";

/** S3's order by definition: the UTF-8 bytes. */
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

// ASCII, a delimiter, Latin-1, the top of the BMP (above the surrogates) and characters beyond it.
const ALPHABET = "ab/z~\u007f\u00e9\u0800\ud7ff\ue000\uf8ff\ufffd\uffff😀🀄\u{10ffff}";

const randomKeys = (random: SeededRandom, count: number) => Array.from({ length: count }, () => random.string(ALPHABET, random.int(0, 4)));

describe("keys in S3's order", () => {
  it("compareKeys orders as UTF-8 bytes do, beyond-BMP characters after U+E000–U+FFFF", () => {
    expect(compareKeys("a😀", "a\uffff")).toBeGreaterThan(0);
    expect(compareKeys("a\ue000", "a\ud7ff")).toBeGreaterThan(0);
    expect(compareKeys("a", "a/")).toBeLessThan(0);
    expect(compareKeys("😀", "😀")).toBe(0);
    const random = new SeededRandom(20);
    for (let i = 0; i < 20_000; i++) {
      const [a, b] = randomKeys(random, 2) as [string, string];
      expect(Math.sign(compareKeys(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(Math.sign(byBytes(a, b)));
    }
  });

  it("SortedKeys stays in order through adds and deletes across many chunks, and seeks like a sorted array", () => {
    const random = new SeededRandom(7);
    const index = new SortedKeys();
    const model = new Set<string>();
    // Ascending runs (as numbered keys arrive), then random keys, then deletes: chunks split, shrink and vanish.
    for (let i = 0; i < 3000; i++) {
      const key = `k${String(i).padStart(5, "0")}`;
      expect(index.add(key)).toBe(true);
      model.add(key);
    }
    for (let i = 0; i < 6000; i++) {
      const key = random.string(ALPHABET, random.int(1, 6));
      expect(index.add(key)).toBe(!model.has(key));
      model.add(key);
    }
    const present = [...model];
    for (let i = 0; i < 4000; i++) {
      const key = random.chance(0.8) ? random.pick(present) : random.string(ALPHABET, 3);
      expect(index.delete(key)).toBe(model.delete(key));
    }
    const sorted = [...model].sort(byBytes);
    expect(index.size).toBe(sorted.length);
    expect([...index.from()]).toEqual(sorted);
    for (let i = 0; i < 300; i++) {
      const probe = random.chance(0.5) ? random.pick(sorted) : random.string(ALPHABET, random.int(0, 3));
      for (const before of [beforePrefix(probe), atOrBefore(probe), throughPrefix(probe)]) {
        const start = sorted.findIndex((key) => !before(key));
        expect([...index.from(before)]).toEqual(start === -1 ? [] : sorted.slice(start));
      }
    }
  });

  it("deleting every key leaves an empty index that takes keys again", () => {
    const index = new SortedKeys();
    const keys = Array.from({ length: 2500 }, (_, i) => `key-${i}`);
    for (const key of keys) index.add(key);
    for (const key of keys) expect(index.delete(key)).toBe(true);
    expect(index.size).toBe(0);
    expect([...index.from()]).toEqual([]);
    expect(index.delete("key-1")).toBe(false);
    index.add("again");
    expect([...index.from()]).toEqual(["again"]);
  });
});
