import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { CUT_LEFT, CUT_RIGHT, maxOffset, scrollStep, viewLine } from "../../src/ui/code-viewport";

const POLICY = `    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},"Action":"sts:AssumeRole"}]}' \\`;

/** Every position ←/→ reaches, from the start to the end. */
const offsetsFor = (lines: string[], width: number): number[] => {
  const limit = maxOffset(lines, width);
  const offsets = [0];
  while (offsets.at(-1)! < limit) offsets.push(Math.min(limit, offsets.at(-1)! + scrollStep(width)));
  return offsets;
};

describe("code through a window that never wraps", () => {
  it("a line that fits is shown as it is, at any offset where it is in view", () => {
    expect(viewLine("aws s3api list-buckets", 0, 40)).toBe("aws s3api list-buckets");
    expect(viewLine("", 0, 40)).toBe("");
  });

  it("a wider line is cut at the edge, with » in the last column", () => {
    const shown = viewLine(POLICY, 0, 40);
    expect(shown).toHaveLength(40);
    expect(shown).toBe(`${POLICY.slice(0, 39)}${CUT_RIGHT}`);
  });

  it("scrolled right, « marks what is left of the window, » what is right of it", () => {
    const shown = viewLine(POLICY, 20, 40);
    expect(shown).toBe(`${CUT_LEFT}${POLICY.slice(21, 59)}${CUT_RIGHT}`);
    const end = viewLine(POLICY, maxOffset([POLICY], 40), 40);
    expect(end.startsWith(CUT_LEFT)).toBe(true);
    expect(end.endsWith(`}]}' \\`)).toBe(true);
    expect(end).toHaveLength(40);
  });

  it("a short line scrolled out of view still says there is something to its left", () => {
    expect(viewLine("--bucket b \\", 30, 40)).toBe(CUT_LEFT);
  });

  for (const width of [40, 58, 78]) {
    it(`at ${width} columns, scrolling from start to end shows every character of every line`, () => {
      const lines = [POLICY, "aws s3api create-bucket \\", `        ${"x".repeat(3 * width + 7)}`];
      const seen = lines.map((line) => new Array<boolean>(line.length).fill(false));
      for (const offset of offsetsFor(lines, width)) {
        lines.forEach((line, row) => {
          const shown = viewLine(line, offset, width);
          expect(stringWidth(shown)).toBeLessThanOrEqual(width);
          [...shown].forEach((char, column) => {
            const at = offset + column;
            if (char === line[at] && !((column === 0 && offset > 0) || (column === width - 1 && line.length > offset + width))) seen[row]![at] = true;
          });
        });
      }
      for (const row of seen) expect(row.every(Boolean)).toBe(true);
    });
  }

  it("wide characters count two columns, and half of one at an edge shows as a space", () => {
    const line = "Body: 日本語のテキスト";
    for (let offset = 0; offset < 10; offset++) {
      for (const width of [8, 9, 10]) expect(stringWidth(viewLine(line, offset, width))).toBeLessThanOrEqual(width);
    }
    expect(viewLine(line, 0, 9)).toBe("Body: 日»");
    expect(viewLine(line, 7, 6)).toBe(`${CUT_LEFT}本語${CUT_RIGHT}`);
  });
});
