import { prepareStep, type ReplayedStep } from "../../handson/restore";
import { renderString } from "../../handson/template";
import { actionLines, checklistLines } from "../checklist-lines";
import { onLessonTarget, shippedLessons } from "../lesson-target";
import { targetLine } from "../run-report";
import { findLesson, findStep, stepArgument } from "../step-locator";
import type { TargetFlags } from "../target-flags";

const out = (line: string) => process.stdout.write(`${line}\n`);

const replayedLine = (replayed: ReplayedStep): string[] => {
  const { place } = replayed;
  const head = `step ${place.number} ${place.step.title}`;
  if (replayed.notApplicable) return [`  – ${head}: not on this target (${replayed.notApplicable})`];
  if (replayed.pass) return [`  ✓ ${head}: done as its solution does`];
  const failing = replayed.phases.flatMap((phase) => phase.actions.filter((action) => !action.pass && !action.notRun));
  return [`  ✗ ${head}: its solution did not run cleanly`, ...failing.flatMap((action) => actionLines(action, "      "))];
};

/**
 * `s3-tutor setup <lesson> <step>`: brings the target to the state the step starts from — the
 * lesson's own resources removed, the earlier steps' solutions replayed, the step's setup run —
 * so the learner can do the step in their own shell and then run `s3-tutor check`.
 */
export const runSetupCommand = async (lessonId: string, which: string, flags: TargetFlags): Promise<number> => {
  const lesson = findLesson(await shippedLessons(), lessonId);
  return onLessonTarget(flags, async (target, variables) => {
    const place = findStep(lesson, which, target.name);
    out(targetLine(target));
    out(`Bringing ${lesson.id} step ${place.number} (${place.step.title}) to where it starts:`);
    const prepared = await prepareStep(lesson, place, { target, variables }, { reset: true, onStep: (step) => replayedLine(step).forEach(out) });
    const cleanupFailed = prepared.cleanup.flatMap((phase) => phase.actions).filter((action) => !action.pass);
    if (prepared.cleanup.length > 0) out(cleanupFailed.length === 0 ? "  ✓ what the lesson had made was removed first" : "  ✗ removing what the lesson had made:");
    for (const action of cleanupFailed) actionLines(action, "      ").forEach(out);
    if (prepared.setup) {
      out(prepared.setup.pass ? "  ✓ the step's own setup" : "  ✗ the step's own setup:");
      if (!prepared.setup.pass) checklistLines([prepared.setup], "      ").forEach(out);
    }
    const step = stepArgument(place);
    out(
      prepared.pass
        ? `Ready. The goal: ${String(renderString(place.step.goal.trim(), variables, "the goal", "keep"))}\nDo it your way (eval "$(s3-tutor env)" sets up your shell), then run: s3-tutor check ${lesson.id} ${step}`
        : `Not everything could be set up (above). Fix it, or try again: s3-tutor setup ${lesson.id} ${step}`,
    );
    return prepared.pass ? 0 : 1;
  });
};
