import { isHandsOnStep } from "./step-kinds";
import type { Lesson } from "./schema/lesson";
import { blockKind } from "./workshop-blocks";
import type { StepChoice, Workshop, WorkshopBlock, WorkshopBlockKind } from "./schema/workshop";

/**
 * Pure helpers over a valid workshop: its agenda in minutes from the start (for the agenda
 * clock), a block's title, and the hands-on steps a block chose. No I/O: the room, the
 * participant's app and the reports all read the same answers.
 */

/** A lesson's hands-on step as s3-tutor check numbers them: 1-based, counting hands-on steps only. */
export interface HandsOnStepRef {
  number: number;
  id?: string;
  title: string;
}

/** Every hands-on step of a lesson, in order. */
export const handsOnStepsOf = (lesson: Pick<Lesson, "steps">): HandsOnStepRef[] =>
  lesson.steps
    .filter(isHandsOnStep)
    .map((step, index) => ({ number: index + 1, ...(step.handsOn.id ? { id: step.handsOn.id } : {}), title: step.handsOn.title }));

/** The hands-on step a `steps:` entry names (its id, or its number), if the lesson has it. */
export const findChosenStep = (lesson: Pick<Lesson, "steps">, choice: StepChoice): HandsOnStepRef | undefined => {
  const steps = handsOnStepsOf(lesson);
  return typeof choice === "number" ? steps.find((step) => step.number === choice) : steps.find((step) => step.id === choice);
};

/**
 * The hands-on steps a lesson block has participants do, in the order it lists them: the chosen
 * ones, or every hands-on step of the lesson. Choices the lesson lacks are left out (validate
 * reports them).
 */
export const blockHandsOnSteps = (block: WorkshopBlock, lesson: Pick<Lesson, "steps">): HandsOnStepRef[] => {
  if (!("lesson" in block)) return [];
  if (!block.steps) return handsOnStepsOf(lesson);
  return block.steps.flatMap((choice) => {
    const found = findChosenStep(lesson, choice);
    return found ? [found] : [];
  });
};

/** What the agenda shows: the block's own title, else its lesson's title (or id), "Quiz: …" or "Exam: …". */
export const blockTitle = (block: WorkshopBlock, lessons: readonly Pick<Lesson, "id" | "title">[] = []): string => {
  if (block.title !== undefined) return block.title;
  if ("lesson" in block) return lessons.find((lesson) => lesson.id === block.lesson)?.title ?? block.lesson;
  if ("quiz" in block) return `Quiz: ${block.quiz.topics.join(", ")}`;
  if ("exam" in block) return `Exam: ${block.exam.topics.join(", ")}`;
  return block.id;
};

export interface AgendaEntry {
  block: WorkshopBlock;
  /** The block's place in the workshop, 0-based. */
  index: number;
  kind: WorkshopBlockKind;
  title: string;
  /** Minutes from the workshop's start: the block runs from `start` up to `end`. */
  start: number;
  end: number;
}

/** Each block with its start and end minute from the workshop's start, one after the other. */
export const workshopAgenda = (workshop: Pick<Workshop, "blocks">, lessons: readonly Pick<Lesson, "id" | "title">[] = []): AgendaEntry[] => {
  let start = 0;
  return workshop.blocks.map((block, index) => {
    const entry = { block, index, kind: blockKind(block), title: blockTitle(block, lessons), start, end: start + block.minutes };
    start = entry.end;
    return entry;
  });
};

/** The block the agenda has running `minute` minutes after the start; the last one once the agenda is over. */
export const agendaBlockAt = (agenda: readonly AgendaEntry[], minute: number): AgendaEntry | undefined =>
  agenda.find((entry) => minute < entry.end) ?? agenda.at(-1);
