import type { Pacing } from "../room/protocol";
import type { AgendaBlock } from "../room-client/workshop-plan";
import type { ExamResult } from "../room-client/room-connection";
import { handsOnPlaces } from "../handson/restore";
import type { TargetName } from "../targets/target";
import type { Catalog, View } from "./app-context";
import type { ProgressData } from "../store/progress";
import { lessonMark, MARKS, savedState } from "./progress-view";
import { examView } from "./exam-view";

/** Where a workshop block leads in the app, and what the agenda says about it. */

export type BlockEntry =
  | { kind: "view"; view: View }
  /** Nothing to open; the reason is said in the notice line. */
  | { kind: "say"; text: string };

/**
 * What entering the block opens: the lesson (only the chosen steps), the quiz, or the exam once
 * started and only until finished (`examResult`: an exam is taken once, its score is the room's).
 */
export const blockEntry = (
  block: AgendaBlock,
  catalog: Catalog,
  pacing: Pacing,
  targetName: TargetName,
  examResult?: (block: string) => ExamResult | undefined,
): BlockEntry => {
  switch (block.kind) {
    case "break":
      return { kind: "say", text: `${block.title ?? "A break"}: nothing to do in the app for this block.` };
    case "lesson": {
      const lesson = catalog.lessons.find((candidate) => candidate.id === block.lesson);
      if (!lesson) return { kind: "say", text: `This s3-tutor has no lesson "${block.lesson}": it may be older than the room's (s3-tutor join --check says).` };
      if (!block.steps) return { kind: "view", view: { screen: "lesson", lessonId: lesson.id, block: block.id } };
      const places = handsOnPlaces(lesson, { name: targetName });
      const steps = block.steps.flatMap((choice) => places.filter((place) => (typeof choice === "number" ? place.number === choice : place.step.id === choice)).map((place) => place.index));
      if (steps.length === 0) return { kind: "say", text: `The steps this block chose are not in the lesson "${lesson.id}" of this s3-tutor.` };
      return { kind: "view", view: { screen: "lesson", lessonId: lesson.id, block: block.id, steps } };
    }
    case "quiz": {
      const { topics, tags, count, seed } = block.quiz;
      return {
        kind: "view",
        view: { screen: "quiz", block: block.id, request: { mode: "practice", topics, tags: tags ?? [], ...(count !== undefined ? { count } : {}) }, ...(seed !== undefined ? { seed } : {}) },
      };
    }
    case "exam": {
      const result = examResult?.(block.id);
      if (result) {
        const verdict = result.passed ? "passed" : "not passed";
        return { kind: "say", text: `You finished this exam: ${result.score} of ${result.total} (${verdict}). The instructor has your score.` };
      }
      if (pacing.exam?.block !== block.id) return { kind: "say", text: "The exam starts when the instructor starts it: it opens here by itself." };
      return { kind: "view", view: examView(block) };
    }
  }
};

/** ✓ when the block's lesson steps are all done (here, in this room's progress), ◐ when begun; nothing for the rest. */
export const blockMark = (block: AgendaBlock, catalog: Catalog, progress: ProgressData, targetName: TargetName): string => {
  if (block.kind !== "lesson") return "";
  const lesson = catalog.lessons.find((candidate) => candidate.id === block.lesson);
  if (!lesson) return "";
  const entry = blockEntry(block, catalog, { startedAt: "", openBlocks: [], messages: [] }, targetName);
  const steps = entry.kind === "view" && entry.view.screen === "lesson" ? entry.view.steps : undefined;
  if (!steps) {
    const mark = lessonMark(lesson, progress);
    return mark === "done" ? `${MARKS.done} done` : mark === "started" ? `${MARKS.started} begun` : "";
  }
  const state = savedState(lesson, progress);
  const done = steps.filter((index) => state?.steps[index] !== undefined && state.steps[index]?.status !== "pending").length;
  return done === steps.length ? `${MARKS.done} done` : done > 0 ? `${MARKS.started} begun` : "";
};
