import { afterEach, describe, expect, it } from "vitest";
import { BINDINGS, statusBarRows, statusBarText } from "../../src/ui/keys/bindings";
import { KEYS, renderApp, type RenderedApp } from "./render-app";

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

describe("the status bar in a narrow window", () => {
  it("puts the keys on rows that fit, never splitting one, in their order", () => {
    const keys = BINDINGS.filter((binding) => ["select", "next", "back", "guess", "flag", "endExam", "menu", "help", "quit"].includes(binding.command));
    const rows = statusBarRows(keys, 60);
    expect(rows.length).toBe(2);
    expect(rows.flat()).toEqual(keys);
    for (const row of rows) expect(row.map(statusBarText).join(" · ").length).toBeLessThanOrEqual(60);
    expect(statusBarRows(keys, 200)).toEqual([keys]);
  });

  it.each([
    { columns: 60, rows: 20 },
    { columns: 80, rows: 24 },
  ])("at $columns×$rows an exam shows every one of its keys, and the frame fits the window", async (size) => {
    // Seed 3 opens on a choice question (a typed answer's screen shows only enter and esc).
    app = await renderApp({ ...size, seed: 3, initialView: { screen: "quiz", request: { mode: "exam", topics: ["consistency"], tags: [], count: 3 } } });
    const frame = await app.waitFor("question 1 of 3");
    // Before, a narrow window cut the row off at its edge, end exam and the way out with it.
    for (const key of ["enter choose", "n next", "b back", "g I guessed", "f flag", "e end exam", "esc menu"]) expect(frame).toContain(key);
    const lines = frame.split("\n");
    expect(lines.length).toBeLessThanOrEqual(size.rows);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(size.columns);
    await app.press(KEYS.escape);
  });
});
