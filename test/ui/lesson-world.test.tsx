import { afterEach, describe, expect, it } from "vitest";
import { isHandsOnStep } from "../../src/content/step-kinds";
import { catalog } from "./played-lesson";
import { renderApp, type RenderedApp } from "./render-app";

/** The world panel in the lesson player, over the real app and an embedded sandbox. */

let app: RenderedApp | undefined;
afterEach(async () => {
  await app?.unmount();
  app = undefined;
});

const stepIndex = (lessonId: string, stepId: string): number => {
  const lesson = catalog.lessons.find((candidate) => candidate.id === lessonId);
  const index = lesson?.steps.findIndex((step) => isHandsOnStep(step) && step.handsOn.id === stepId) ?? -1;
  if (index < 0) throw new Error(`${lessonId} has no step ${stepId}`);
  return index;
};

const fits = (frame: string, columns: number, rows: number) => {
  expect(frame.split("\n").length).toBeLessThanOrEqual(rows);
  for (const row of frame.split("\n")) expect([...row].length).toBeLessThanOrEqual(columns);
};

describe("the world panel in a lesson", () => {
  it("80×24: a show: world step opens it under the goal; s makes the buckets and w shows the world in the step's place, redrawn", { timeout: 30_000 }, async () => {
    app = await renderApp({ initialView: { screen: "lesson", lessonId: "regions-and-buckets", step: stepIndex("regions-and-buckets", "buckets-in-two-regions") }, columns: 80, rows: 24 });
    const opened = await app.waitFor((frame) => frame.includes("Do it yourself") && frame.includes("w hides the world") && frame.includes("0 buckets"));
    fits(opened, 80, 24);
    expect(opened).toContain("Goal");
    // Below the goal: the two lesson Regions, empty for now.
    expect(opened).toMatch(/eu-west-1 · 0 buckets\s+│ us-west-2 · 0 buckets/);
    await app.press("s");
    await app.waitFor("Now press c to check.");
    // Away and back: w hides it, w again shows it alone, in the step's place.
    await app.press("w");
    await app.waitFor((frame) => !frame.includes("w hides the world"));
    await app.press("w");
    const world = await app.waitFor((frame) => /● \S+-home/.test(frame) && /● \S+-away/.test(frame));
    fits(world, 80, 24);
    expect(world).toContain("w shows the step again");
    expect(world).not.toContain("▶ Buckets in two regions");
    const homeRow = world.split("\n").find((row) => /● \S+-home/.test(row)) ?? "";
    // The two Regions side by side: the home bucket in the first column, the away one in the second.
    expect(homeRow).toMatch(/● \S+-home\s+│ ● \S+-away/);
    expect(world).toMatch(/eu-west-1 · 1 bucket\s+│ us-west-2 · 1 bucket/);
    // The step's keys still act under the world: c checks it.
    await app.press("c");
    await app.press("w");
    await app.waitFor("✓ Step passed.");
  });

  it("wide: w puts it beside the step, both on screen", { timeout: 30_000 }, async () => {
    app = await renderApp({ initialView: { screen: "lesson", lessonId: "s3-basics" }, columns: 130, rows: 30 });
    await app.waitFor("S3 in one picture");
    await app.press("w");
    const frame = await app.waitFor((shown) => shown.includes("S3 world · 2 Regions"));
    fits(frame, 130, 30);
    const top = frame.split("\n").find((row) => row.includes("w hides the world")) ?? "";
    // The step's text on the left of the same rows.
    expect(top.indexOf("w hides the world")).toBeGreaterThan(60);
    expect(frame).toContain("S3 in one picture");
    await app.press("w");
    await app.waitFor((shown) => !shown.includes("S3 world"));
  });
});
