import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { tallyLine, tallyOf, type Outcome } from "./tally";

/**
 * Global setup: a folder for the adversarial test files' tallies, added up and printed once the
 * run is over (nothing is printed when no adversarial file ran).
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), "s3-tutor-adversarial-tally-"));
  project.provide("adversarialTallyDir", dir);
  return () => {
    const outcomes = readdirSync(dir).flatMap((file) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Outcome[]);
    rmSync(dir, { recursive: true, force: true });
    if (outcomes.length === 0) return;
    const missed = outcomes.filter((outcome) => !outcome.held).map((outcome) => `  NOT HELD: ${outcome.lesson} ${outcome.step} (${outcome.kind}): ${outcome.what}`);
    const steps = new Set(outcomes.map((outcome) => `${outcome.lesson}/${outcome.step}`)).size;
    console.log([`[adversarial] all files, ${steps} steps: ${tallyLine(tallyOf(outcomes))}`, ...missed].join("\n"));
  };
}
