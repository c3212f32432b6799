import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import type { Lesson } from "../../src/content/schema/lesson";
import { inTeachingOrder } from "../../src/content/teaching-order";
import { missingCapabilities } from "../../src/handson/needs";
import { handsOnPlaces, prepareStep } from "../../src/handson/restore";
import type { PhaseResult } from "../../src/handson/results";
import { runStepPhases } from "../../src/handson/runner";
import { targetVariables } from "../../src/handson/variables";
import { sandboxTarget } from "../../src/targets/sandbox-target";
import type { Target } from "../../src/targets/target";
import { SHORT_REPLICATION_DELAY } from "../helpers/short-replication-delay";

/**
 * No work, no pass: for every hands-on step of every shipped lesson, the target is brought to
 * where the step starts (earlier steps' solutions, then its setup, as `s3-tutor setup` does) and
 * its check runs with nothing done and nothing answered. It must fail — and, as a control, pass
 * once the step's own solution has run, so it fails for the learner's missing work and not for
 * a broken setup.
 */

let lessons: Lesson[] = [];
beforeAll(async () => {
  const catalog = await shippedCatalog();
  expect(catalog.problems).toEqual([]);
  lessons = inTeachingOrder(catalog.lessons.map((loaded) => loaded.lesson));
});

const firstFailure = (phases: readonly PhaseResult[]): string =>
  phases
    .flatMap((phase) => phase.actions)
    .flatMap((action) => action.items.filter((item) => !item.pass).map((item) => `${action.action.label ?? action.operation}: ${item.reason}`))[0] ?? "";

describe("no work, no pass", () => {
  const targets: Target[] = [];
  afterAll(async () => {
    for (const target of targets) await target.close();
  });

  it("every hands-on step of every shipped lesson fails its check when nothing was done after setup", { timeout: 240_000 }, async () => {
    const verdicts: string[] = [];
    let steps = 0;
    for (const lesson of lessons) {
      // A fresh sandbox per lesson, as a learner starting it would have (replicating in a fraction of a second).
      const target = sandboxTarget({ prefix: "nowork", replicationDelay: SHORT_REPLICATION_DELAY });
      targets.push(target);
      const variables = await targetVariables(target);
      for (const place of handsOnPlaces(lesson, target)) {
        if (missingCapabilities(place.step, target).length > 0) continue;
        steps += 1;
        const where = `${lesson.id} step ${place.number} (${place.step.id ?? place.step.title})`;
        const prepared = await prepareStep(lesson, place, { target, variables }, { reset: true });
        expect(prepared.pass, `${where}: setup failed`).toBe(true);

        const untouched = await runStepPhases(place.step, { target, variables }, ["check"]);
        const passedWithoutWork = untouched.every((phase) => phase.pass);
        verdicts.push(`${where}: ${passedWithoutWork ? "PASSED WITH NO WORK" : `fails: ${firstFailure(untouched)}`}`);

        const solved = await runStepPhases(place.step, { target, variables, answers: "reveal" }, ["solve", "check"]);
        expect(solved.every((phase) => phase.pass), `${where}: its own solution does not pass its check: ${firstFailure(solved)}`).toBe(true);
      }
    }
    if (process.env.S3_TUTOR_SHOW_VERDICTS) console.log(verdicts.join("\n"));
    expect(verdicts.filter((verdict) => verdict.includes("PASSED WITH NO WORK"))).toEqual([]);
    // Every shipped step ran here: none is skipped on the sandbox.
    expect(steps).toBe(lessons.flatMap((lesson) => handsOnPlaces(lesson, { name: "sandbox" })).length);
    expect(steps).toBeGreaterThanOrEqual(31);
  });
});
