import { describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { handsOnPlaces } from "../../src/handson/restore";
import { casesByLesson } from "./cases/index";

/**
 * Every hands-on step of every shipped lesson has adversarial cases: at least one wrong piece of
 * work and one right alternative, each also without the AWS CLI (so the venv's absence never
 * leaves a step untested), and no case names a step that does not exist.
 */
describe("adversarial coverage", () => {
  it("every shipped hands-on step has a wrong case and a right alternative registered", async () => {
    const catalog = await shippedCatalog();
    expect(catalog.problems).toEqual([]);
    const lessons = catalog.lessons.map((loaded) => loaded.lesson);
    expect(Object.keys(casesByLesson).sort()).toEqual(lessons.map((lesson) => lesson.id).sort());

    const rows: string[] = [];
    const missing: string[] = [];
    let steps = 0;
    for (const lesson of lessons) {
      const cases = casesByLesson[lesson.id] ?? [];
      const ids = handsOnPlaces(lesson, { name: "sandbox" }).map((place) => place.step.id);
      expect(ids.every((id) => id !== undefined), `${lesson.id} has a hands-on step without an id`).toBe(true);
      const unknown = cases.filter((stepCase) => !ids.includes(stepCase.step)).map((stepCase) => stepCase.step);
      expect(unknown, `${lesson.id}: cases for steps it does not have`).toEqual([]);
      for (const id of ids) {
        steps += 1;
        const mine = cases.filter((stepCase) => stepCase.step === id);
        // A known gap is a wrong case the check does not catch yet: it does not count for the step.
        const count = (kind: "wrong" | "right", withoutCli = false) =>
          mine.filter((stepCase) => stepCase.kind === kind && !stepCase.knownGap && (!withoutCli || !stepCase.awsCli)).length;
        rows.push(`${lesson.id}/${id}: ${count("wrong")} wrong, ${count("right")} right (${mine.filter((stepCase) => stepCase.awsCli).length} with the AWS CLI)`);
        if (count("wrong", true) === 0) missing.push(`${lesson.id}/${id}: no wrong case without the AWS CLI`);
        if (count("right", true) === 0) missing.push(`${lesson.id}/${id}: no right case without the AWS CLI`);
      }
    }
    const all = Object.values(casesByLesson).flat();
    const gaps = all.filter((stepCase) => stepCase.knownGap).map((stepCase) => `  known gap: ${stepCase.step}: ${stepCase.what}`);
    console.log(
      [
        `[adversarial] registered for ${steps} steps: ${all.filter((stepCase) => stepCase.kind === "wrong").length} wrong (${gaps.length} known gaps), ${all.filter((stepCase) => stepCase.kind === "right").length} right`,
        ...rows.map((row) => `  ${row}`),
        ...gaps,
      ].join("\n"),
    );
    expect(missing).toEqual([]);
    expect(steps).toBe(lessons.flatMap((lesson) => handsOnPlaces(lesson, { name: "sandbox" })).length);
    expect(steps).toBeGreaterThanOrEqual(31);
  });

  it("every wrong case names the reason the checklist must give", () => {
    const unnamed = Object.values(casesByLesson)
      .flat()
      .filter((stepCase) => stepCase.kind === "wrong" && !stepCase.reason)
      .map((stepCase) => `${stepCase.step}: ${stepCase.what}`);
    expect(unnamed).toEqual([]);
  });
});
