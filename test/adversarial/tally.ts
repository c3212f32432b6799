import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";

/**
 * The count of adversarial cases: wrong work tried and caught, right alternatives tried and
 * passed. Each test file writes its own to the folder the global setup provides
 * (tally-report.ts), which adds them up once every file has run.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** Where each adversarial test file writes its tally; unset when the global setup did not run. */
    adversarialTallyDir?: string;
  }
}

export interface Outcome {
  lesson: string;
  step: string;
  kind: "wrong" | "right";
  what: string;
  /** Wrong work was caught with the expected reason; right work passed. */
  held: boolean;
}

export interface Tally {
  wrongTried: number;
  wrongCaught: number;
  rightTried: number;
  rightPassed: number;
}

const outcomes: Outcome[] = [];

export const recordOutcome = (outcome: Outcome): void => {
  outcomes.push(outcome);
};

export const tallyOf = (list: readonly Outcome[]): Tally => ({
  wrongTried: list.filter((outcome) => outcome.kind === "wrong").length,
  wrongCaught: list.filter((outcome) => outcome.kind === "wrong" && outcome.held).length,
  rightTried: list.filter((outcome) => outcome.kind === "right").length,
  rightPassed: list.filter((outcome) => outcome.kind === "right" && outcome.held).length,
});

export const tallyLine = (tally: Tally): string =>
  `wrong solutions tried ${tally.wrongTried}, caught ${tally.wrongCaught}; right alternatives tried ${tally.rightTried}, passed ${tally.rightPassed}`;

/** Prints this file's tally and leaves it for the run's summary. */
export const writeTally = (lesson: string, file: string): void => {
  console.log(`[adversarial] ${lesson} (${file}): ${tallyLine(tallyOf(outcomes))}`);
  const dir = inject("adversarialTallyDir");
  if (dir) writeFileSync(join(dir, `${file}.json`), JSON.stringify(outcomes));
  // Test files share their worker's modules: the next file starts its own count.
  outcomes.length = 0;
};
