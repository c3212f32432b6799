import { render } from "ink-testing-library";
import { afterEach, describe, expect, it } from "vitest";
import type { WorldSnapshot } from "../../src/targets/world/world-snapshot";
import { WorldPanel } from "../../src/ui/components/world/world-panel";
import { COLOUR_THEME, NO_COLOUR_THEME, ThemeContext, type Theme } from "../../src/ui/theme";
import { scriptedWorld } from "./world-fixture";

/** Any SGR sequence that sets a colour (bold alone is not one). */
const COLOUR = /\u001B\[(3[0-8]|4[0-8]|9[0-7])(;\d+)*m/;

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
  for (const instance of mounted.splice(0)) instance.unmount();
});

const drawn = (world: WorldSnapshot, width: number, theme: Theme = NO_COLOUR_THEME) => {
  const tree = (shown: WorldSnapshot) => (
    <ThemeContext.Provider value={theme}>
      <WorldPanel snapshot={shown} width={width} />
    </ThemeContext.Provider>
  );
  const instance = render(tree(world));
  mounted.push(instance);
  return { frame: () => instance.lastFrame() ?? "", redraw: (next: WorldSnapshot) => instance.rerender(tree(next)) };
};

const rows = (frame: string) => frame.split("\n");
const rowWith = (frame: string, text: string) => rows(frame).find((row) => row.includes(text)) ?? "";

describe("the world panel", () => {
  it("80 columns: two Regions side by side, the taken name marked, the rule's object PENDING, then COMPLETED with its REPLICA", () => {
    const panel = drawn(scriptedWorld("pending"), 80);
    const pending = panel.frame();
    expect(pending).toMatchSnapshot("pending at 80 columns");
    for (const row of rows(pending)) expect([...row].length).toBeLessThanOrEqual(80);
    expect(rows(pending).length).toBeLessThanOrEqual(24);
    expect(rowWith(pending, "eu-west-1 · 2 buckets")).toContain("│ us-east-1 · 2 buckets");
    expect(rowWith(pending, "● s3t-k3j9-src")).toContain("│ ● s3t-k3j9-dst");
    expect(rowWith(pending, "→ s3t-k3j9-dst (us-east-1)")).toContain("← s3t-k3j9-src (eu-west-1)");
    expect(pending).toContain("PENDING 1 · COMPLETED 0 · FAILED 0");
    expect(pending).toContain("REPLICA 0");
    expect(pending).toContain("✗ s3t-k3j9-shared");
    expect(pending).toContain("another account: name taken");
    expect(pending).toContain("✗ taken by another account: commoncrawl");
    expect(pending).toContain("? not seen: object counts capped at 200 per bucket");

    panel.redraw(scriptedWorld("completed"));
    const completed = panel.frame();
    expect(completed).toMatchSnapshot("completed at 80 columns");
    expect(completed).toContain("PENDING 0 · COMPLETED 1 · FAILED 0");
    expect(completed).toContain("REPLICA 1");
    expect(rowWith(completed, "● s3t-k3j9-dst")).toBeTruthy();
    expect(completed).toContain("read 03:10:01 UTC");
  });

  it("narrow: Regions one under the other, every row within the width", () => {
    const frame = drawn(scriptedWorld("pending"), 40).frame();
    expect(frame).toMatchSnapshot("pending at 40 columns");
    for (const row of rows(frame)) expect([...row].length).toBeLessThanOrEqual(40);
    const lines = rows(frame);
    const euWest = lines.findIndex((row) => row.startsWith("eu-west-1 · 2 buckets"));
    const usEast = lines.findIndex((row) => row.startsWith("us-east-1 · 2 buckets"));
    expect(euWest).toBeGreaterThan(0);
    expect(usEast).toBeGreaterThan(euWest);
    expect(lines.slice(euWest, usEast).join("\n")).toContain("→ s3t-k3j9-dst (us-east-1)");
    expect(lines.slice(usEast).join("\n")).toContain("✗ s3t-k3j9-shared");
  });

  it("narrow columns before a stacked list: at 50 columns the two Regions stay side by side, words wrapped", () => {
    const frame = drawn(scriptedWorld("pending"), 50).frame();
    for (const row of rows(frame)) expect([...row].length).toBeLessThanOrEqual(50);
    expect(rowWith(frame, "eu-west-1 · 2 buckets")).toContain("│ us-east-1 · 2 buckets");
    expect(frame).toContain("PENDING 1");
  });

  it("an MRAP is a box line spanning its Regions' columns", () => {
    const world: WorldSnapshot = {
      ...scriptedWorld("completed"),
      mraps: [{ name: "s3t-k3j9-mrap", status: "READY", regions: [{ region: "eu-west-1", bucket: "s3t-k3j9-src" }, { region: "us-east-1", bucket: "s3t-k3j9-dst" }] }],
    };
    const frame = drawn(world, 80).frame();
    const box = rowWith(frame, "MRAP s3t-k3j9-mrap · READY");
    expect(box.startsWith("╞═ MRAP s3t-k3j9-mrap · READY ═")).toBe(true);
    expect(box.trimEnd().endsWith("╡")).toBe(true);
    // From the first column's left edge to the second's right one: as wide as the rules under the Regions' names.
    expect([...box.trimEnd()].length).toBe([...rowWith(frame, "─ │ ─").trimEnd()].length);
  });

  it("NO_COLOR: no colour at all, and every meaning still on screen in symbols and words", () => {
    const plain = drawn(scriptedWorld("pending"), 80).frame();
    expect(plain).not.toMatch(COLOUR);
    for (const meaning of ["● s3t-k3j9-src", "◆ versioned", "○ unversioned", "◇ versioning suspended", "✗ s3t-k3j9-shared", "→ s3t-k3j9-dst", "PENDING 1"]) {
      expect(plain).toContain(meaning);
    }
    // With colour the same words are there: colour only ever adds to them.
    const coloured = drawn(scriptedWorld("pending"), 80, COLOUR_THEME).frame();
    expect(coloured.replace(/\u001B\[[\d;]*m/g, "")).toBe(plain);
  });

  it("beside a step, rows past its height are cut and the cut is said", () => {
    const instance = render(
      <ThemeContext.Provider value={NO_COLOUR_THEME}>
        <WorldPanel snapshot={scriptedWorld("pending")} width={80} maxRows={6} />
      </ThemeContext.Provider>,
    );
    mounted.push(instance);
    const shown = rows(instance.lastFrame() ?? "");
    // Twelve rows in all: five shown, and the line that says what is cut.
    expect(shown).toHaveLength(6);
    expect(shown[5]).toBe("↓ 7 more rows: s3-tutor world --watch shows them all");
  });

  it("before the first read, and when a read fails, says so in words", () => {
    const instance = render(
      <ThemeContext.Provider value={NO_COLOUR_THEME}>
        <WorldPanel width={80} error="the sandbox at http://127.0.0.1:1 did not answer" />
      </ThemeContext.Provider>,
    );
    mounted.push(instance);
    expect(instance.lastFrame()).toContain("S3 world: nothing read yet.");
    expect(instance.lastFrame()).toContain("✗ the sandbox at http://127.0.0.1:1 did not answer");
  });
});
