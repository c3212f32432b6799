import { describe, expect, it } from "vitest";
import { shippedCatalog } from "../helpers/shipped-content";
import { isHandsOnStep } from "../../src/content/step-kinds";
import type { HandsOn } from "../../src/content/schema/lesson";
import { stepFor } from "../../src/handson/step-variant";
import { renderString, renderValue } from "../../src/handson/template";

/**
 * A check may only demand names the learner was told: every bucket, key and role a shipped
 * step's check looks at is written in that step's goal (the learner's own choices, such as a
 * policy's name or a rule's ID, are never checked).
 */

const VARIABLES = { prefix: "s3t", region: "eu-west-1", otherRegion: "us-west-2", account: "111122223333", otherAccount: "444455556666" };
const NAMED_FIELDS = ["Bucket", "Key", "RoleName", "PolicyName"] as const;

const namesChecked = (step: HandsOn): string[] =>
  (step.check ?? step.solve).flatMap((action) => {
    const input = (renderValue(action.input ?? {}, VARIABLES, "input", "keep") ?? {}) as Record<string, unknown>;
    return NAMED_FIELDS.flatMap((field) => (typeof input[field] === "string" ? [input[field] as string] : []));
  });

describe("what a check needs is in the goal", () => {
  it("every bucket, key and role a shipped check names is written in its step's goal, on every target", async () => {
    const catalog = await shippedCatalog();
    const missing: string[] = [];
    for (const { lesson } of catalog.lessons) {
      for (const step of lesson.steps.filter(isHandsOnStep)) {
        for (const target of ["sandbox", "aws"] as const) {
          const running = stepFor(step.handsOn, { name: target });
          const goal = String(renderString(running.goal, VARIABLES, "goal", "keep"));
          for (const checked of namesChecked(running)) {
            // A value saved at run time (an MRAP's generated alias) cannot be in the goal: what comes before it must.
            const name = checked.split("{{")[0] ?? checked;
            if (!goal.includes(name)) missing.push(`${lesson.id} / ${running.title} (${target}): "${name}" is not in the goal`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
