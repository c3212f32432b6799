import type { LessonRun, StepRun } from "../handson/auto-run";
import type { PollProgress } from "../handson/results";
import type { Target } from "../targets/target";

/** How `run --auto` tells its results: a line per step, a line per lesson, a summary. */

const MARK: Record<StepRun["outcome"], string> = { passed: "✓", failed: "✗", notApplicable: "–" };

/** While `eventually` polls: "    … ListBuckets lists both buckets: try 3, 2.1 s of 30 s: Buckets has no element ...". */
export const pollLine = (progress: PollProgress): string => {
  const what = progress.action.label ?? progress.action.call;
  const timing = `try ${progress.attempt}, ${formatMs(progress.elapsedMs)} of ${formatMs(progress.withinMs)}`;
  return `    … ${what}: ${timing}${progress.lastReason ? `: ${progress.lastReason}` : ""}`;
};

export const lessonHeading = (lessonId: string, title: string): string => `${lessonId}: ${title}`;

/** What this target could not check of a step that passed (its actions' own `needs:`), once each. */
const notCheckedNote = (step: StepRun): string => {
  const reasons = [...new Set(step.phases.flatMap((phase) => phase.actions.flatMap((action) => (action.notChecked ? [action.notChecked] : []))))];
  return reasons.length === 0 ? "" : `; partly: ${reasons.join("; ")}`;
};

export const stepLine = (step: StepRun): string => {
  const head = `  ${MARK[step.outcome]} ${step.title}`;
  if (step.outcome === "passed") return `${head} (${formatMs(step.durationMs)}${notCheckedNote(step)})`;
  if (step.outcome === "notApplicable") return `${head}: not on this target: ${step.reason ?? ""}`;
  return `${head}: ${step.reason ?? "failed"}`;
};

export const cleanupLines = (run: LessonRun): string[] =>
  run.cleanup
    .flatMap((phase) => phase.actions)
    .filter((action) => !action.pass)
    .map((action) => {
      const failing = action.items.find((item) => !item.pass);
      return `  ✗ cleanup · ${action.action.label ?? `${action.service}:${action.operation}`}: ${failing?.reason ?? "failed"}`;
    });

export interface RunTotals {
  lessons: number;
  passed: number;
  failed: number;
  notApplicable: number;
  cleanupFailures: number;
}

export const totals = (runs: readonly LessonRun[]): RunTotals => {
  const steps = runs.flatMap((run) => run.steps);
  return {
    lessons: runs.length,
    passed: steps.filter((step) => step.outcome === "passed").length,
    failed: steps.filter((step) => step.outcome === "failed").length,
    notApplicable: steps.filter((step) => step.outcome === "notApplicable").length,
    cleanupFailures: runs.flatMap((run) => run.cleanup.flatMap((phase) => phase.actions)).filter((a) => !a.pass).length,
  };
};

export const summaryLine = (runs: readonly LessonRun[], durationMs: number): string => {
  const t = totals(runs);
  const parts = [`${t.passed} passed`, `${t.failed} failed`, `${t.notApplicable} not on this target`];
  if (t.cleanupFailures > 0) parts.push(`${t.cleanupFailures} cleanup actions failed`);
  return `${t.lessons} ${t.lessons === 1 ? "lesson" : "lessons"}, hands-on steps: ${parts.join(", ")} (${formatMs(durationMs)})`;
};

export const targetLine = (target: Target): string =>
  `Target: ${target.name}${target.endpoint ? ` at ${target.endpoint}` : ""}, regions ${target.region} and ${target.otherRegion}, prefix ${target.prefix}`;

/** The --json report: everything the runner found, for scripts and instructors. */
export const jsonReport = (target: Target, runs: readonly LessonRun[], durationMs: number) => ({
  target: {
    name: target.name,
    endpoint: target.endpoint ?? null,
    region: target.region,
    otherRegion: target.otherRegion,
    prefix: target.prefix,
  },
  passed: runs.every((run) => run.passed),
  totals: totals(runs),
  durationMs: Math.round(durationMs),
  lessons: runs,
});

const formatMs = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);
