import { describe, expect, it } from "vitest";
import { wildcardMatch } from "../../src/policy/wildcard";
import { SeededRandom, seedFrom } from "../helpers/seeded-random";

/** What wildcards meant before: the regex translation, kept here as the reference on small inputs. */
const regexMatch = (pattern: string, value: string, ignoreCase: boolean): boolean => {
  const source = Array.from(pattern)
    .map((char) => (char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`, ignoreCase ? "isu" : "su").test(value);
};

describe("IAM wildcards", () => {
  it.each([
    ["s3:Get*", "s3:GetObject", true],
    ["s3:Get*", "s3:PutObject", false],
    ["*", "", true],
    ["", "", true],
    ["", "a", false],
    ["a?c", "abc", true],
    ["a?c", "ac", false],
    ["arn:aws:s3:::b/*", "arn:aws:s3:::b/dir/key.txt", true],
    ["arn:aws:s3:::b/*.txt", "arn:aws:s3:::b/dir/key.txt.gz", false],
    ["*a*b*c*", "xxaxxbxxcxx", true],
    ["*a*b*c*", "xxaxxcxxbxx", false],
    ["a.c", "abc", false],
    ["(x)+[y]$^\\", "(x)+[y]$^\\", true],
    ["line*end", "line\nmiddle\nend", true],
    ["??", "😀é", true],
  ] as const)("%j against %j: %s", (pattern, value, expected) => {
    expect(wildcardMatch(pattern, value)).toBe(expected);
  });

  it("ignores case only when asked", () => {
    expect(wildcardMatch("S3:get*", "s3:GetObject", true)).toBe(true);
    expect(wildcardMatch("S3:get*", "s3:GetObject")).toBe(false);
  });

  it("agrees with the regex it replaced on thousands of random small cases", () => {
    const seed = seedFrom("S3_TUTOR_WILDCARD_SEED");
    const random = new SeededRandom(seed);
    for (let i = 0; i < 5_000; i++) {
      const pattern = random.string("ab*?.Ab", random.int(0, 8));
      const value = random.string("abAB.", random.int(0, 10));
      const ignoreCase = random.chance(0.5);
      expect(wildcardMatch(pattern, value, ignoreCase), `seed ${seed}: ${JSON.stringify([pattern, value, ignoreCase])}`).toBe(
        regexMatch(pattern, value, ignoreCase),
      );
    }
  });

  it.each([
    ["many stars before a letter that never comes", `s3:${"*".repeat(16)}Z`, `s3:${"a".repeat(5_000)}`],
    ["stars and letters interleaved", `${"*a".repeat(500)}b`, "a".repeat(5_000)],
    ["question marks and stars", `${"?*".repeat(500)}!`, "x".repeat(5_000)],
    ["a 20 KB pattern", `${"*a?".repeat(6_800)}`, "ab".repeat(512)],
  ])("%s answers in milliseconds", (_, pattern, value) => {
    const started = performance.now();
    expect(wildcardMatch(pattern, value)).toBe(false);
    expect(performance.now() - started).toBeLessThan(250);
  });
});
